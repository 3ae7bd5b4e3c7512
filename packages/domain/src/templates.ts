/**
 * Message templates: the wording of letters, emails and SMS, with `{placeholder}`s filled from the case.
 * Checked when a template is saved (unknown placeholder, stray brace, missing subject, SMS too long),
 * so nothing half-filled ever reaches a debtor; rendering refuses a placeholder it has no value for.
 */
import { DomainError } from "./errors.ts";
import type { MessageChannel } from "./vocabulary.ts";

/** Every value a template may use, with what it stands for (shown to whoever edits templates). */
export const TEMPLATE_PLACEHOLDERS = {
  debtor: "The debtor's name",
  creditor: "The client creditor's name",
  reference: "The case reference",
  amount: "The balance due today, formatted in the debtor's language",
  deadline: "The payment deadline, a calendar date in the debtor's language",
  payment_reference: "The structured reference to quote when paying (OGM in Belgium, RF elsewhere)",
  iban: "The agency's bank account for payments",
  agency: "The agency's name",
  agency_phone: "The agency's phone number",
  portal_url: "The debtor portal's address",
  agent: "The case handler's name",
} as const;
export type TemplatePlaceholder = keyof typeof TEMPLATE_PLACEHOLDERS;
export type TemplateValues = Partial<Record<TemplatePlaceholder, string>>;

/** Longest SMS we send: 4 concatenated GSM-7 parts (153 characters each). */
export const MAX_SMS_SEGMENTS = 4;

// `{name}` with a lower-case identifier; anything else between braces is a mistake worth naming.
const PLACEHOLDER = /\{([^{}]*)\}/g;

function isPlaceholder(name: string): name is TemplatePlaceholder {
  return Object.hasOwn(TEMPLATE_PLACEHOLDERS, name);
}

/** The distinct placeholder names a text uses, in order of first appearance (known or not). */
export function placeholdersIn(text: string): string[] {
  const seen: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = m[1]!.trim();
    if (!seen.includes(name)) seen.push(name);
  }
  return seen;
}

export interface TemplateProblem {
  field: "subject" | "body";
  message: string;
}

/**
 * What is wrong with a template's subject and body for its channel; an empty list when it may be saved.
 * Letters and emails need a subject; SMS have none and must fit in {@link MAX_SMS_SEGMENTS} parts
 * once filled (placeholders are counted at a typical length, see `SMS_ESTIMATES`).
 */
export function templateProblems(input: { channel: MessageChannel; subject: string | null; body: string }): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const subject = input.subject?.trim() ?? "";
  const texts: Array<["subject" | "body", string]> = [
    ["subject", subject],
    ["body", input.body],
  ];
  if (input.channel === "sms") {
    if (subject) problems.push({ field: "subject", message: "An SMS has no subject: leave it empty." });
  } else if (!subject) {
    problems.push({ field: "subject", message: `${input.channel === "letter" ? "A letter" : "An email"} needs a subject.` });
  }
  if (!input.body.trim()) problems.push({ field: "body", message: "The text is empty." });
  for (const [field, text] of texts) {
    for (const name of placeholdersIn(text)) {
      if (!isPlaceholder(name)) problems.push({ field, message: `Unknown placeholder {${name}}: use one of ${Object.keys(TEMPLATE_PLACEHOLDERS).map((p) => `{${p}}`).join(", ")}.` });
    }
    const unbalanced = text.replace(PLACEHOLDER, "").match(/[{}]/);
    if (unbalanced) problems.push({ field, message: `A "${unbalanced[0]}" has no partner: placeholders are written {name}.` });
  }
  if (input.channel === "sms" && input.body.trim()) {
    const estimate = renderTemplate(input.body.replace(/\{([^{}]*)\}/g, (whole, name: string) => (isPlaceholder(name.trim()) ? whole : "")), SMS_ESTIMATES);
    const { segments } = smsSegments(estimate);
    if (segments > MAX_SMS_SEGMENTS) problems.push({ field: "body", message: `Too long for an SMS: about ${segments} parts once filled in (at most ${MAX_SMS_SEGMENTS}).` });
  }
  return problems;
}

/** Typical lengths of the values, to judge whether an SMS template fits before any case fills it. */
const SMS_ESTIMATES: Record<TemplatePlaceholder, string> = {
  debtor: "x".repeat(24),
  creditor: "x".repeat(20),
  reference: "x".repeat(12),
  amount: "x".repeat(10),
  deadline: "x".repeat(16),
  payment_reference: "x".repeat(20),
  iban: "x".repeat(27),
  agency: "x".repeat(16),
  agency_phone: "x".repeat(15),
  portal_url: "x".repeat(30),
  agent: "x".repeat(20),
};

/**
 * Fills every `{placeholder}` of `text` from `values`. Throws a VALIDATION DomainError naming the first
 * placeholder that is unknown or has no value: a message is never sent with a hole in it.
 */
export function renderTemplate(text: string, values: TemplateValues): string {
  return text.replace(PLACEHOLDER, (_, raw: string) => {
    const name = raw.trim();
    if (!isPlaceholder(name)) throw new DomainError("VALIDATION", `Unknown placeholder {${name}}.`, { field: "body" });
    const value = values[name];
    if (value === undefined || value === "") throw new DomainError("PRECONDITION_FAILED", `Nothing to fill {${name}} with for this case.`, { field: name });
    return value;
  });
}

// GSM 03.38 basic character set; the extension table's characters take two septets.
const GSM7_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
const GSM7_EXTENDED = new Set("^{}\\[~]|€\f");

/**
 * How an SMS text is encoded and how many parts it takes (3GPP TS 23.038 / 23.040): GSM-7 fits 160
 * septets in one part and 153 per part when concatenated; any other character forces UCS-2, 70 and 67
 * (counted in UTF-16 code units, so an emoji counts twice).
 */
export function smsSegments(text: string): { encoding: "gsm7" | "ucs2"; units: number; segments: number } {
  let septets = 0;
  let isGsm = true;
  for (const ch of text) {
    if (GSM7_BASIC.has(ch)) septets += 1;
    else if (GSM7_EXTENDED.has(ch)) septets += 2;
    else {
      isGsm = false;
      break;
    }
  }
  if (isGsm) return { encoding: "gsm7", units: septets, segments: septets === 0 ? 0 : septets <= 160 ? 1 : Math.ceil(septets / 153) };
  const units = text.length;
  return { encoding: "ucs2", units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}
