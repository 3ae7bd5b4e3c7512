/** Names and the live preview of the message-template pages, shared by their server and browser code. */
import { DomainError, renderTemplate, smsSegments, type Locale, type MessageChannel, type TemplatePlaceholder, type TemplateValues } from "@recouvra/domain";

/** How each channel is named in the workspace. */
export const CHANNEL_LABELS: Record<MessageChannel, string> = { letter: "Letter", email: "Email", sms: "SMS" };

/** How each channel is named inside a sentence. */
export const CHANNEL_WORDS: Record<MessageChannel, string> = { letter: "letter", email: "email", sms: "SMS" };

/** Section headings of the template list. */
export const CHANNEL_PLURALS: Record<MessageChannel, string> = { letter: "Letters", email: "Emails", sms: "SMS" };

/** How each language is named in the workspace. */
export const LOCALE_LABELS: Record<Locale, string> = { fr: "French", nl: "Dutch", en: "English" };

/** The form's field ids, so an error can send focus to the field it names. */
export const TEMPLATE_FIELD_IDS = { name: "template-name", subject: "template-subject", body: "template-body", isActive: "template-active" } as const;
export type TemplateField = keyof typeof TEMPLATE_FIELD_IDS;

/** How the form labels each field, for the error summary. */
export const TEMPLATE_FIELD_LABELS: Record<TemplateField, string> = { name: "Name", subject: "Subject", body: "Text", isActive: "In use" };

export function isTemplateField(field: string | undefined): field is TemplateField {
  return field !== undefined && Object.hasOwn(TEMPLATE_FIELD_IDS, field);
}

/**
 * `text` filled with the example values, and why it could not be filled completely (an unknown
 * placeholder): what can be filled still is, so the preview stays readable while one types.
 */
export function previewText(text: string, values: TemplateValues): { text: string; problem: string | null } {
  try {
    return { text: renderTemplate(text, values), problem: null };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const partial = text.replace(/\{([^{}]*)\}/g, (whole, name: string) => values[name.trim() as TemplatePlaceholder] ?? whole);
    return { text: partial, problem: error.message };
  }
}

/** What an SMS costs in length: characters, parts, and the first character that forces Unicode. */
export function smsLength(text: string): { units: number; segments: number; encoding: "gsm7" | "ucs2"; perPart: number; unicodeBecause: string | null } {
  const { units, segments, encoding } = smsSegments(text);
  const unicodeBecause = encoding === "ucs2" ? ([...text].find((ch) => smsSegments(ch).encoding === "ucs2") ?? null) : null;
  const perPart = encoding === "gsm7" ? (segments > 1 ? 153 : 160) : segments > 1 ? 67 : 70;
  return { units, segments, encoding, perPart, unicodeBecause };
}

/** The list's address with the same filters, to come back to after an action. */
export function templateListHref(filters: { clientId?: string | null; channel?: string | null }): string {
  const p = new URLSearchParams();
  if (filters.channel) p.set("channel", filters.channel);
  if (filters.clientId) p.set("client", filters.clientId);
  const s = p.toString();
  return s ? `/admin/templates?${s}` : "/admin/templates";
}
