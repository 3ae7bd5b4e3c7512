/**
 * Composing a message from a case: who may ask, the case's facts the templates draw on, and the one
 * function that turns a template, a contact point and a deadline into exactly what would be sent — or
 * the reason it may not be. Preview and send both go through `composeMessage`, so what an agent
 * previews is what the debtor receives.
 */
import { agencySettings, cases, clients, contactPoints, debtors, users, type Case, type ContactPoint, type DbOrTx, type Debtor } from "@recouvra/db";
import {
  contentRefusal,
  debtorFormatLocale,
  DomainError,
  formatIban,
  formatLongDate,
  formatMoney,
  formatRf,
  isDomainError,
  isValidIban,
  isValidRfReference,
  LOCALES,
  MESSAGE_CHANNELS,
  messageRefusal,
  renderTemplate,
  smsSafeText,
  smsSegments,
  TEMPLATE_PLACEHOLDERS,
  type ContactPointKind,
  type ContactRefusalReason,
  type ErrorCode,
  type IsoDate,
  type Jurisdiction,
  type Locale,
  type MessageChannel,
  type TemplatePlaceholder,
  type TemplateValues,
} from "@recouvra/domain";
import { createHash } from "node:crypto";
import { and, asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../context.ts";
import { canWorkCases, caseStateOf, requireCase } from "../scope.ts";
import { findApplicableTemplate, type ApplicableTemplate } from "./templates.ts";

/** Where the debtor portal answers when the app does not say (the development default). */
export const DEFAULT_PORTAL_URL = "http://localhost:3001";

/**
 * Stands for the personal link's token in a composed message. Sending replaces it with a freshly issued
 * token (`sendMessage`); a preview shows it as is. It has a real token's length, so the characters and
 * SMS parts the agent previews are those sent.
 */
export const PORTAL_LINK_SAMPLE_TOKEN = "x".repeat(32);

/** The personal link as a preview shows it: the portal's address, `/l/`, and the sample token. */
export function samplePortalLink(portalUrl: string): string {
  return `${portalUrl.replace(/\/+$/, "")}/l/${PORTAL_LINK_SAMPLE_TOKEN}`;
}

/** Why a message was refused: the domain's contact rules, plus what only the database can tell. */
export type MessageRefusalReason = ContactRefusalReason | "template_missing" | "contact_missing" | "value_missing";

/** A refusal safe to show, with the field the agent should change (when one would help). */
export interface MessageRefusal {
  reason: MessageRefusalReason;
  code: ErrorCode;
  field: string | null;
  message: string;
}

/** The refusal as the typed error a use-case throws. */
export function refusalToError(refusal: MessageRefusal): DomainError {
  return new DomainError(refusal.code, refusal.message, refusal.field ? { field: refusal.field } : undefined);
}

/** What the send form submits (and the preview takes). */
export const MessageInputSchema = z.object({
  caseId: z.string(),
  channel: z.enum(MESSAGE_CHANNELS, { error: "channel: choose letter, email or SMS" }),
  templateKey: z.string({ error: "templateKey: choose a template" }).trim().min(1, "templateKey: choose a template"),
  /** The language to write in; the debtor's own when absent. */
  locale: z.enum(LOCALES, { error: "locale must be fr, nl or en" }).optional(),
  contactPointId: z.string({ error: "contactPointId: choose who to send it to" }).trim().min(1, "contactPointId: choose who to send it to"),
  /** The payment deadline the message names, a calendar date after today. */
  deadline: z.string().trim().optional(),
  /** The debtor portal's address as the app knows it. */
  portalUrl: z.string().url("portalUrl must be a URL").optional(),
});
export type MessageInput = z.input<typeof MessageInputSchema>;

/** SMS facts an agent needs before sending: GSM-7 or UCS-2, characters, parts. */
export interface SmsFacts {
  encoding: "gsm7" | "ucs2";
  characters: number;
  segments: number;
}

/** Exactly what would be sent. */
export interface ComposedMessage {
  caseId: string;
  channel: MessageChannel;
  templateId: string;
  templateKey: string;
  templateName: string;
  isClientWording: boolean;
  isNotice: boolean;
  locale: Locale;
  contactPointId: string;
  /** The email address, E.164 number or printed address block, as sent. */
  recipient: string;
  subject: string | null;
  body: string;
  deadline: IsoDate | null;
  sms: SmsFacts | null;
  /** Fingerprint of channel, recipient, subject and body: a send can insist on what was previewed. */
  digest: string;
  /** The values the template was filled with, kept so the message can be re-rendered as sent. */
  values: TemplateValues;
}

/** Everything about a case the messages draw on, read once. */
export interface MessageContext {
  kase: Case;
  debtor: Debtor;
  debtorName: string;
  clientName: string;
  agency: { name: string; phone: string | null; iban: string | null } | null;
  agentName: string | null;
  contactPoints: ContactPoint[];
}

/**
 * The case `caseId` if the actor may write to its debtor. Messages are the agency's business: to a
 * client user or a debtor the case's messaging does not exist (NOT_FOUND), as for a case out of scope.
 */
export async function requireMessagingCase(db: DbOrTx, actor: Actor, caseId: string): Promise<Case> {
  if (!canWorkCases(actor)) throw new DomainError("NOT_FOUND", "This case does not exist or is not yours to see.");
  return requireCase(db, actor, caseId);
}

/** A person's or company's name as a letter addresses them. */
export function debtorDisplayName(d: Pick<Debtor, "kind" | "firstName" | "lastName" | "companyName">): string {
  if (d.kind === "company") return d.companyName ?? "";
  return [d.firstName, d.lastName].filter(Boolean).join(" ");
}

/** Loads the debtor, client, agency, agent and contact points of `kase`. */
export async function loadMessageContext(db: DbOrTx, actor: Actor, kase: Case): Promise<MessageContext> {
  const agentId = actor.kind === "user" ? actor.userId : kase.assignedUserId;
  const [[debtor], [client], [agency], agentRows, points] = await Promise.all([
    db.select().from(debtors).where(eq(debtors.id, kase.debtorId)).limit(1),
    db.select({ name: clients.name }).from(clients).where(eq(clients.id, kase.clientId)).limit(1),
    db.select({ name: agencySettings.name, phone: agencySettings.phone, iban: agencySettings.iban }).from(agencySettings).where(eq(agencySettings.id, 1)).limit(1),
    agentId ? db.select({ name: users.displayName }).from(users).where(eq(users.id, agentId)).limit(1) : Promise.resolve([]),
    db
      .select()
      .from(contactPoints)
      .where(and(eq(contactPoints.debtorId, kase.debtorId), eq(contactPoints.clientId, kase.clientId)))
      .orderBy(asc(contactPoints.kind), desc(contactPoints.isPrimary), asc(contactPoints.createdAt)),
  ]);
  if (!debtor || !client) throw new DomainError("NOT_FOUND", "This case does not exist or is not yours to see.");
  return {
    kase,
    debtor,
    debtorName: debtorDisplayName(debtor),
    clientName: client.name,
    agency: agency ?? null,
    agentName: agentRows[0]?.name ?? null,
    contactPoints: points,
  };
}

/** The block a letter is addressed with: the debtor's name, then the address lines. */
export function addressBlock(name: string, point: Pick<ContactPoint, "value" | "line1" | "line2" | "postalCode" | "city" | "countryCode">): string {
  if (!point.line1) return [name, point.value].join("\n");
  const town = [point.postalCode, point.city].filter(Boolean).join(" ");
  return [name, point.line1, point.line2, town, point.countryCode].filter(Boolean).join("\n");
}

/** Where a message on `channel` to `point` is delivered, as recorded on the message. */
export function recipientOf(channel: MessageChannel, point: ContactPoint, debtorName: string): string {
  return channel === "letter" ? addressBlock(debtorName, point) : point.value;
}

/** The values every template may use, for this case, in `localeTag`'s conventions. */
export function templateValues(context: MessageContext, options: { localeTag: string; deadline: IsoDate | null; portalUrl: string }): TemplateValues {
  const { kase, agency } = context;
  const values: TemplateValues = {
    debtor: context.debtorName,
    creditor: context.clientName,
    reference: kase.reference,
    amount: formatMoney(kase.balanceCents, kase.currency, options.localeTag),
    payment_reference: isValidRfReference(kase.paymentReference) ? formatRf(kase.paymentReference) : kase.paymentReference,
    portal_url: options.portalUrl,
  };
  if (options.deadline) values.deadline = formatLongDate(options.deadline, options.localeTag);
  if (agency?.name) values.agency = agency.name;
  if (agency?.phone) values.agency_phone = agency.phone;
  if (agency?.iban) values.iban = isValidIban(agency.iban) ? formatIban(agency.iban) : agency.iban;
  if (context.agentName) values.agent = context.agentName;
  return values;
}

// What to do when a placeholder has nothing to fill it with.
const MISSING_VALUE_ADVICE: Partial<Record<TemplatePlaceholder, string>> = {
  iban: "enter the agency's bank account in the agency settings",
  agency: "enter the agency's name in the agency settings",
  agency_phone: "enter the agency's phone number in the agency settings",
  agent: "assign the case to a case handler",
  debtor: "complete the debtor's name",
};

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

const refused = (reason: MessageRefusalReason, code: ErrorCode, field: string | null, message: string) => ({ ok: false as const, refusal: { reason, code, field, message } });

/** A composed message, or why it may not be sent. */
export type Composition = { ok: true; message: ComposedMessage; template: ApplicableTemplate } | { ok: false; refusal: MessageRefusal };

/**
 * What the message of `input` would be on `today`, checked against every contact rule: the case's
 * stage and holds, the contact point, the deadline, the filled-in length of an SMS.
 */
export async function composeMessage(db: DbOrTx, context: MessageContext, input: z.output<typeof MessageInputSchema>, today: IsoDate): Promise<Composition> {
  const { kase, debtor } = context;
  const locale = input.locale ?? (debtor.locale as Locale);
  const template = await findApplicableTemplate(db, { clientId: kase.clientId, key: input.templateKey, channel: input.channel, locale });
  if (!template) {
    return refused("template_missing", "VALIDATION", "templateKey", `There is no "${input.templateKey}" template for ${input.channel === "sms" ? "SMS" : `${input.channel}s`} in ${LANGUAGE_NAMES[locale]}: choose another template or language.`);
  }
  const point = context.contactPoints.find((p) => p.id === input.contactPointId);
  if (!point) return refused("contact_missing", "VALIDATION", "contactPointId", "Choose one of the debtor's contact points to send it to.");
  // A deadline the wording does not print is not checked: it would refuse a message for a date nobody reads.
  const deadline = template.usesDeadline ? (input.deadline ?? null) : null;
  const refusal = messageRefusal({
    state: caseStateOf(kase),
    channel: input.channel,
    templateKey: template.key,
    point: { kind: point.kind as ContactPointKind, value: point.value, isInvalid: point.isInvalid, optedOutAt: point.optedOutAt },
    deadline,
    usesDeadline: template.usesDeadline,
    today,
  });
  if (refusal) return { ok: false, refusal: { reason: refusal.reason, code: refusal.code, field: refusal.field, message: refusal.message } };

  const localeTag = debtorFormatLocale(locale, kase.jurisdiction as Jurisdiction);
  const values = templateValues(context, { localeTag, deadline, portalUrl: samplePortalLink(input.portalUrl ?? DEFAULT_PORTAL_URL) });
  let subject: string | null;
  let body: string;
  try {
    subject = input.channel === "sms" || !template.subject ? null : renderTemplate(template.subject, values);
    body = renderTemplate(template.body, values);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const name = error.field as TemplatePlaceholder | undefined;
    const advice = name ? MISSING_VALUE_ADVICE[name] : undefined;
    const what = name && Object.hasOwn(TEMPLATE_PLACEHOLDERS, name) ? TEMPLATE_PLACEHOLDERS[name].toLowerCase() : "one of its values";
    return refused("value_missing", "PRECONDITION_FAILED", "templateKey", `This template prints ${what}${name ? ` ({${name}})` : ""}, which this case does not have${advice ? `: ${advice}, or choose another template` : ": choose another template"}.`);
  }
  let sms: SmsFacts | null = null;
  if (input.channel === "sms") {
    body = smsSafeText(body);
    const tooLong = contentRefusal("sms", body);
    if (tooLong) return { ok: false, refusal: { reason: tooLong.reason, code: tooLong.code, field: tooLong.field, message: tooLong.message } };
    const facts = smsSegments(body);
    sms = { encoding: facts.encoding, characters: [...body].length, segments: facts.segments };
  }
  const recipient = recipientOf(input.channel, point, context.debtorName);
  return {
    ok: true,
    template,
    message: {
      caseId: kase.id,
      channel: input.channel,
      templateId: template.id,
      templateKey: template.key,
      templateName: template.name,
      isClientWording: template.isClientWording,
      isNotice: template.isNotice,
      locale,
      contactPointId: point.id,
      recipient,
      subject,
      body,
      deadline,
      sms,
      digest: sha256(JSON.stringify([input.channel, recipient, subject, body])),
      values,
    },
  };
}

/** Language names as the agency's staff read them. */
export const LANGUAGE_NAMES: Record<Locale, string> = { fr: "French", nl: "Dutch", en: "English" };

/** Locks the case row for the transaction (after the scope check), so sends on one case queue up. */
export async function lockMessagingCase(tx: DbOrTx, actor: Actor, caseId: string): Promise<Case> {
  await requireMessagingCase(tx, actor, caseId);
  const [row] = await tx.select().from(cases).where(eq(cases.id, caseId)).for("update");
  if (!row) throw new DomainError("NOT_FOUND", "This case does not exist or is not yours to see.");
  return row;
}
