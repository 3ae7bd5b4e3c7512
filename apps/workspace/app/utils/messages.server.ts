/**
 * Glue of the send form and the outbox pages: what the form has chosen (from the URL, checked against
 * the options so a stale choice falls back to a sensible one), the preview, the send input, and the
 * outbox filters.
 */
import {
  listMessageOptions,
  previewMessage,
  type Ctx,
  type ListOutboxInput,
  type MessageOptions,
  type MessagePreview,
  type SendMessageInput,
  type SentMessage,
} from "@recouvra/core";
import { isDomainError, type Locale, type MessageChannel, type MessageStatus } from "@recouvra/domain";
import { randomUUID } from "node:crypto";
import { env } from "./env.server.ts";
import { CHANNEL_LABELS, CHANNEL_ORDER, STATUS_ORDER } from "./messages.ts";

/** What the form currently says; every field is one the options allow. */
export interface MessageSelection {
  channel: MessageChannel;
  locale: Locale;
  templateKey: string | null;
  contactPointId: string | null;
  deadline: string;
}

/** The preview the form shows: the message, or why it cannot be sent (with the field to change). */
export type PreviewAnswer = { ok: true; preview: MessagePreview } | { ok: false; refusal: { field: string | null; message: string } } | null;

const read = (get: (name: string) => string | null, name: string): string | null => {
  const value = get(name)?.trim();
  return value ? value : null;
};

/** The choices of the form, from the query string, each one falling back when the options do not offer it. */
export function selectionFrom(options: MessageOptions, get: (name: string) => string | null): MessageSelection {
  const wanted = read(get, "channel");
  const channel =
    CHANNEL_ORDER.find((c) => c === wanted) ?? options.channels.find((c) => c.isUsable)?.channel ?? options.channels.find((c) => c.templates.length > 0)?.channel ?? "letter";
  const offer = options.channels.find((c) => c.channel === channel)!;
  const wantedLocale = read(get, "locale");
  const locale = offer.locales.find((l) => l === wantedLocale) ?? offer.locales.find((l) => l === options.debtorLocale) ?? offer.locales[0] ?? options.debtorLocale;
  const inLocale = offer.templates.filter((t) => t.locale === locale);
  const wantedTemplate = read(get, "templateKey");
  // Without a choice, the everyday reminder of the channel rather than whatever sorts first (a receipt).
  const templateKey = inLocale.find((t) => t.key === wantedTemplate)?.key ?? inLocale.find((t) => t.key.startsWith("reminder_"))?.key ?? inLocale[0]?.key ?? null;
  const wantedPoint = read(get, "contactPointId");
  const usable = offer.contactPoints.filter((p) => p.isUsable);
  const contactPointId = usable.find((p) => p.id === wantedPoint)?.id ?? usable[0]?.id ?? null;
  return { channel, locale, templateKey, contactPointId, deadline: read(get, "deadline") ?? options.defaultDeadline };
}

/** The options of the form, the current choices, the preview when asked for, and a fresh idempotency key. */
export async function loadMessageForm(ctx: Ctx, caseId: string, query: URLSearchParams) {
  const options = await listMessageOptions({ ctx, input: { caseId } });
  const selection = selectionFrom(options, (n) => query.get(n));
  let preview: PreviewAnswer = null;
  if (query.get("preview")) {
    try {
      preview = await previewMessage({ ctx, input: { caseId, ...previewInputOf(selection), portalUrl: env.PORTAL_URL } });
      if (!preview.ok) preview = { ok: false, refusal: { field: preview.refusal.field, message: preview.refusal.message } };
    } catch (error) {
      if (!isDomainError(error, "VALIDATION")) throw error;
      preview = { ok: false, refusal: { field: error.field ?? null, message: error.message } };
    }
  }
  // The key is made when the form renders, so submitting this form twice queues one message.
  return { options, selection, preview, idempotencyKey: randomUUID().replaceAll("-", "") };
}

function previewInputOf(selection: MessageSelection) {
  return {
    channel: selection.channel,
    locale: selection.locale,
    templateKey: selection.templateKey ?? "",
    contactPointId: selection.contactPointId ?? "",
    deadline: selection.deadline,
  };
}

/** The send form's fields as `sendMessage` takes them. */
export function sendInputFrom(caseId: string, form: FormData): SendMessageInput {
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value.trim() : "";
  };
  return {
    caseId,
    channel: field("channel") as MessageChannel,
    templateKey: field("templateKey"),
    contactPointId: field("contactPointId"),
    idempotencyKey: field("idempotencyKey"),
    portalUrl: env.PORTAL_URL,
    ...(field("locale") ? { locale: field("locale") as Locale } : {}),
    ...(field("deadline") ? { deadline: field("deadline") } : {}),
    ...(field("expectedDigest") ? { expectedDigest: field("expectedDigest") } : {}),
  };
}

/** The toast after a send. */
export function sentToast(result: SentMessage, channel: MessageChannel): string {
  if (result.isDuplicate) return `This ${CHANNEL_LABELS[channel].toLowerCase()} was already queued: it is sent once, not twice.`;
  const moved = result.movedCaseTo === "notified" ? " The case is now on notice." : "";
  return `${channel === "sms" ? "SMS" : CHANNEL_LABELS[channel]} queued: it goes out within a minute.${moved}`;
}

/** The outbox filters from the query string; unknown values are ignored rather than refused. */
export function outboxInputFrom(query: URLSearchParams): ListOutboxInput {
  const status = STATUS_ORDER.find((s) => s === query.get("status")) as MessageStatus | undefined;
  const channel = CHANNEL_ORDER.find((c) => c === query.get("channel"));
  const caseId = query.get("case")?.trim() || undefined;
  const page = Number(query.get("page") ?? "1");
  return { ...(status ? { status } : {}), ...(channel ? { channel } : {}), ...(caseId ? { caseId } : {}), page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1 };
}
