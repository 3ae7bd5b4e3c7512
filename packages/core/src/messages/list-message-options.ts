/**
 * What the send form offers on a case: for each channel the templates (the debtor's language first,
 * the others available), the debtor's contact points of the right kind with whether each is usable
 * and why not, and whether the case may be written to at all.
 */
import { addDays, CONTACT_KIND_FOR_CHANNEL, caseContactRefusal, contactPointRefusal, DomainError, LOCALES, MESSAGE_CHANNELS, type CaseHold, type CaseStage, type ContactPointKind, type IsoDate, type Locale, type MessageChannel } from "@recouvra/domain";
import { z } from "zod";
import { today, type Ctx } from "../context.ts";
import { caseStateOf } from "../scope.ts";
import { loadMessageContext, requireMessagingCase, type MessageRefusal } from "./compose.ts";
import { applicableTemplates } from "./templates.ts";

/** How far ahead the form proposes the payment deadline: the 14 days consumer law asks for in BE and NL. */
export const DEFAULT_DEADLINE_DAYS = 14;

export const ListMessageOptionsInputSchema = z.object({ caseId: z.string() });
export type ListMessageOptionsInput = z.input<typeof ListMessageOptionsInputSchema>;

export interface TemplateOption {
  key: string;
  name: string;
  locale: Locale;
  subject: string | null;
  isClientWording: boolean;
  isNotice: boolean;
  usesDeadline: boolean;
}

export interface ContactPointOption {
  id: string;
  kind: ContactPointKind;
  value: string;
  label: string | null;
  isPrimary: boolean;
  isVerified: boolean;
  isUsable: boolean;
  /** Why it cannot be used on this channel; null when it can. */
  refusal: string | null;
}

export interface ChannelOptions {
  channel: MessageChannel;
  /** Every applicable template of the channel, in every language; the form filters by the chosen one. */
  templates: TemplateOption[];
  /** Languages that have at least one template on this channel. */
  locales: Locale[];
  /** The debtor's points of the kind this channel needs (usable ones first). */
  contactPoints: ContactPointOption[];
  /** True when something can be sent on this channel now. */
  isUsable: boolean;
  /** Why not, when it cannot. */
  refusal: string | null;
}

export interface MessageOptions {
  caseId: string;
  reference: string;
  debtorName: string;
  debtorLocale: Locale;
  stage: CaseStage;
  holds: CaseHold[];
  /** Why nothing may be sent about the case now (closed, on hold), whatever the channel. */
  caseRefusal: MessageRefusal | null;
  /** True while the formal notice has not gone out: only a notice template may be sent. */
  needsNotice: boolean;
  channels: ChannelOptions[];
  today: IsoDate;
  defaultDeadline: IsoDate;
}

const NO_POINT: Record<MessageChannel, string> = {
  letter: "The debtor has no postal address on file: add one to send a letter.",
  email: "The debtor has no email address on file: add one to send an email.",
  sms: "The debtor has no phone number on file: add a mobile number to send an SMS.",
};

/** The templates, recipients and refusals the send form shows for a case. NOT_FOUND outside the actor's scope. */
export async function listMessageOptions({ ctx, input }: { ctx: Ctx; input: ListMessageOptionsInput }): Promise<MessageOptions> {
  const { caseId } = ListMessageOptionsInputSchema.parse(input);
  const kase = await requireMessagingCase(ctx.db, ctx.actor, caseId);
  const context = await loadMessageContext(ctx.db, ctx.actor, kase);
  const templates = await applicableTemplates(ctx.db, kase.clientId);
  const day = today(ctx.clock);
  const state = caseStateOf(kase);
  const closedOrHeld = caseContactRefusal(state, { isNotice: true });
  const needsNotice = state.stage === "new";
  const debtorLocale = context.debtor.locale as Locale;
  if (!(LOCALES as readonly string[]).includes(debtorLocale)) throw new DomainError("PRECONDITION_FAILED", "The debtor's language is not one the agency writes in.");

  const channels = MESSAGE_CHANNELS.map((channel): ChannelOptions => {
    const own = templates
      .filter((t) => t.channel === channel && (!needsNotice || t.isNotice))
      .map((t) => ({ key: t.key, name: t.name, locale: t.locale, subject: t.subject, isClientWording: t.isClientWording, isNotice: t.isNotice, usesDeadline: t.usesDeadline }));
    const points = context.contactPoints
      .filter((p) => p.kind === CONTACT_KIND_FOR_CHANNEL[channel])
      .map((p): ContactPointOption => {
        const why = contactPointRefusal(channel, { kind: p.kind as ContactPointKind, value: p.value, isInvalid: p.isInvalid, optedOutAt: p.optedOutAt });
        return { id: p.id, kind: p.kind as ContactPointKind, value: p.value, label: p.label, isPrimary: p.isPrimary, isVerified: p.isVerified, isUsable: !why, refusal: why?.message ?? null };
      })
      .sort((a, b) => Number(b.isUsable) - Number(a.isUsable) || Number(b.isPrimary) - Number(a.isPrimary));
    const refusal =
      closedOrHeld?.message ??
      (own.length === 0
        ? needsNotice
          ? `The formal notice goes first, and it is not sent by ${channel === "sms" ? "SMS" : channel}: choose a letter or an email.`
          : `No ${channel === "sms" ? "SMS" : channel} template applies to this case.`
        : points.length === 0
          ? NO_POINT[channel]
          : points.some((p) => p.isUsable)
            ? null
            : `None of the debtor's ${channel === "letter" ? "addresses" : channel === "email" ? "email addresses" : "numbers"} can be used: ${points[0]!.refusal}`);
    return {
      channel,
      templates: own,
      locales: LOCALES.filter((l) => own.some((t) => t.locale === l)),
      contactPoints: points,
      isUsable: refusal === null,
      refusal,
    };
  });

  return {
    caseId: kase.id,
    reference: kase.reference,
    debtorName: context.debtorName,
    debtorLocale,
    stage: state.stage,
    holds: [...state.holds],
    caseRefusal: closedOrHeld ? { reason: closedOrHeld.reason, code: closedOrHeld.code, field: null, message: closedOrHeld.message } : null,
    needsNotice,
    channels,
    today: day,
    defaultDeadline: addDays(day, DEFAULT_DEADLINE_DAYS),
  };
}
