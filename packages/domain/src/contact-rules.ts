/**
 * Whether a letter, email or SMS may go to the debtor right now, and if not, why — in words an agent
 * can act on. The rules that never bend (DESIGN): nothing goes out on a closed case or while a hold
 * stops contact (the stage machine's `canContact`), nothing to a contact point that is invalid or
 * opted out, and a payment deadline is always a concrete calendar date in the future (step 2: "by
 * 15 March 2027", never "within 10 days"). Quiet hours and frequency caps belong to the strategy
 * engine and are not decided here.
 */
import { addDays, isIsoDate, type IsoDate } from "./dates.ts";
import type { ErrorCode } from "./errors.ts";
import { canContact, HOLDS_THAT_STOP_CONTACT, type CaseState } from "./stages.ts";
import { MAX_SMS_SEGMENTS, smsSegments } from "./templates.ts";
import type { CaseHold, ContactPointKind, Jurisdiction, Locale, MessageChannel } from "./vocabulary.ts";

/** Why a message may not be sent; stable codes the UI may translate. */
export const CONTACT_REFUSAL_REASONS = [
  "case_closed",
  "on_hold",
  "notice_first",
  "wrong_kind",
  "contact_invalid",
  "opted_out",
  "not_mobile",
  "deadline_missing",
  "deadline_not_future",
  "deadline_too_far",
  "too_long",
] as const;
export type ContactRefusalReason = (typeof CONTACT_REFUSAL_REASONS)[number];

/** A refusal: its code for the error adapters, the input it is about, and a sentence safe to show. */
export interface ContactRefusal {
  readonly reason: ContactRefusalReason;
  readonly code: ErrorCode;
  /** The input the agent should change, when changing one would help. */
  readonly field: "contactPointId" | "deadline" | "templateKey" | null;
  readonly message: string;
  /** The holds that stop contact, for `on_hold`. */
  readonly holds?: readonly CaseHold[];
}

/** What the rules need to know about a contact point. */
export interface ContactPointFacts {
  readonly kind: ContactPointKind;
  readonly value: string;
  readonly isInvalid: boolean;
  /** When the debtor opted out of this point (ISO instant or Date); null while they have not. */
  readonly optedOutAt: string | Date | null;
}

/** Templates that are the formal notice (or the statutory letter that stands for it in BE and NL). */
export const NOTICE_TEMPLATE_KEYS = ["formal_notice", "first_reminder", "fourteen_day_letter"] as const;

/** True when sending `templateKey` puts the debtor on notice, which starts the collection process. */
export function isNoticeTemplate(templateKey: string): boolean {
  return (NOTICE_TEMPLATE_KEYS as readonly string[]).includes(templateKey);
}

/** The kind of contact point each channel is delivered to. */
export const CONTACT_KIND_FOR_CHANNEL: Readonly<Record<MessageChannel, ContactPointKind>> = { letter: "address", email: "email", sms: "phone" };

/** Furthest a payment deadline may lie: a date a year out is a typing mistake, not a demand. */
export const MAX_DEADLINE_DAYS = 365;

const CHANNEL_WORDS: Record<MessageChannel, { a: string; needs: string }> = {
  letter: { a: "A letter", needs: "a postal address" },
  email: { a: "An email", needs: "an email address" },
  sms: { a: "An SMS", needs: "a mobile phone number" },
};

const KIND_WORDS: Record<ContactPointKind, { one: string; many: string }> = {
  address: { one: "a postal address", many: "postal addresses" },
  email: { one: "an email address", many: "email addresses" },
  phone: { one: "a phone number", many: "phone numbers" },
};

// What stops contact, and what the agent can do about it. Vulnerability is not here: it asks for care
// from whoever writes, not for silence (`canContact`).
const HOLD_ADVICE: Record<(typeof HOLDS_THAT_STOP_CONTACT)[number], string> = {
  disputed: "the debt is disputed — resolve the dispute first",
  insolvency: "the debtor is in insolvency proceedings — the claim is pursued in the proceedings, not by writing to the debtor",
  deceased: "the debtor has died — release the hold once the estate or the heirs are known",
};

function refusal(reason: ContactRefusalReason, code: ErrorCode, field: ContactRefusal["field"], message: string, holds?: readonly CaseHold[]): ContactRefusal {
  return { reason, code, field, message, ...(holds ? { holds } : {}) };
}

/**
 * Why nothing may be sent about this case now: closed, on a hold that stops contact, or (for anything
 * but the notice itself) not yet put on notice. Null when the case may be written to.
 */
export function caseContactRefusal(state: CaseState, options: { isNotice: boolean }): ContactRefusal | null {
  if (state.stage === "closed") return refusal("case_closed", "CONFLICT", null, "The case is closed: nothing more is sent about it. Reopen the case first if collection must resume.");
  if (!canContact(state)) {
    const holds = HOLDS_THAT_STOP_CONTACT.filter((h) => state.holds.includes(h));
    return refusal("on_hold", "PRECONDITION_FAILED", null, `Contact is stopped while the case is on hold: ${holds.map((h) => HOLD_ADVICE[h]).join("; and ")}.`, holds);
  }
  // The process starts with the formal notice (DESIGN step 2); a reminder before it would demand
  // payment of a debt the debtor was never formally told about.
  if (state.stage === "new" && !options.isNotice) {
    return refusal("notice_first", "PRECONDITION_FAILED", "templateKey", "The formal notice has not been sent yet: send the formal notice (or the statutory first reminder) before any other message.");
  }
  return null;
}

const E164 = /^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// Mobile ranges of the countries the agency writes to most (national numbering plans: ARCEP 06/07,
// BIPT 045x–049x, ACM 06, ILR 6x1, BNetzA 015x–017x, Ofcom 07 except 070/076 pagers and personal
// numbers). Elsewhere the number alone does not tell, and the SMS is allowed.
const MOBILE_RANGES: ReadonlyArray<{ country: string; prefix: string; mobile: RegExp }> = [
  { country: "LU", prefix: "352", mobile: /^\+3526[2-9]1/ },
  { country: "FR", prefix: "33", mobile: /^\+33[67]/ },
  { country: "BE", prefix: "32", mobile: /^\+324[5-9]/ },
  { country: "NL", prefix: "31", mobile: /^\+316[1-5]/ },
  { country: "DE", prefix: "49", mobile: /^\+491[5-7]/ },
  { country: "GB", prefix: "44", mobile: /^\+447[1-57-9]/ },
];

/**
 * What a phone number is, from its E.164 form: `mobile`, `landline` (a country whose mobile ranges are
 * known, outside them), `unknown` (another country), or `malformed` (not E.164 at all).
 */
export function phoneLineKind(value: string): "mobile" | "landline" | "unknown" | "malformed" {
  const number = value.replace(/[\s.()-]/g, "");
  if (!E164.test(number)) return "malformed";
  const range = MOBILE_RANGES.find((r) => number.startsWith(`+${r.prefix}`));
  if (!range) return "unknown";
  return range.mobile.test(number) ? "mobile" : "landline";
}

/** Why `point` cannot receive a message on `channel`; null when it can. */
export function contactPointRefusal(channel: MessageChannel, point: ContactPointFacts): ContactRefusal | null {
  const words = CHANNEL_WORDS[channel];
  if (point.kind !== CONTACT_KIND_FOR_CHANNEL[channel]) {
    return refusal("wrong_kind", "VALIDATION", "contactPointId", `${words.a} goes to ${words.needs}, and this is ${KIND_WORDS[point.kind].one}: choose one of the debtor's ${KIND_WORDS[CONTACT_KIND_FOR_CHANNEL[channel]].many}.`);
  }
  if (point.optedOutAt) {
    const on = (typeof point.optedOutAt === "string" ? point.optedOutAt : point.optedOutAt.toISOString()).slice(0, 10);
    return refusal("opted_out", "PRECONDITION_FAILED", "contactPointId", `The debtor opted out of messages to ${point.value} on ${on}: use another channel or another contact point.`);
  }
  if (point.isInvalid) {
    return refusal("contact_invalid", "PRECONDITION_FAILED", "contactPointId", `${point.value} is marked invalid (returned mail, bounce or wrong number): choose another contact point, or add a correct one to the debtor.`);
  }
  if (point.kind === "email" && !EMAIL.test(point.value)) {
    return refusal("contact_invalid", "PRECONDITION_FAILED", "contactPointId", `${point.value} is not a valid email address: correct it on the debtor's contact details first.`);
  }
  if (channel === "sms") {
    const line = phoneLineKind(point.value);
    if (line === "malformed") return refusal("not_mobile", "PRECONDITION_FAILED", "contactPointId", `${point.value} is not a phone number in international form (+33…): correct it on the debtor's contact details first.`);
    if (line === "landline") return refusal("not_mobile", "PRECONDITION_FAILED", "contactPointId", `${point.value} is a landline: an SMS needs a mobile number. Call it instead, or choose a mobile number.`);
  }
  return null;
}

/**
 * Why `deadline` cannot be the payment deadline printed in a message sent on `today`: missing when the
 * wording names one, not a date, not after today, or absurdly far. Null when it is fine.
 */
export function deadlineRefusal(deadline: IsoDate | null | undefined, today: IsoDate, options: { isRequired: boolean }): ContactRefusal | null {
  if (deadline === null || deadline === undefined || deadline === "") {
    return options.isRequired ? refusal("deadline_missing", "VALIDATION", "deadline", "This message names a payment deadline: choose the date by which the debtor must pay.") : null;
  }
  if (!isIsoDate(deadline)) return refusal("deadline_not_future", "VALIDATION", "deadline", "The deadline must be a calendar date (YYYY-MM-DD).");
  if (deadline <= today) return refusal("deadline_not_future", "VALIDATION", "deadline", `The deadline must be a date after today (${today}): the debtor needs time to pay, e.g. ${addDays(today, 14)}.`);
  if (deadline > addDays(today, MAX_DEADLINE_DAYS)) return refusal("deadline_too_far", "VALIDATION", "deadline", `A deadline more than a year away (${deadline}) is surely a typing mistake: choose a date before ${addDays(today, MAX_DEADLINE_DAYS + 1)}.`);
  return null;
}

/** Why a filled-in SMS cannot go out: more parts than we ever send. Null for letters, emails and SMS that fit. */
export function contentRefusal(channel: MessageChannel, body: string): ContactRefusal | null {
  if (channel !== "sms") return null;
  const { segments } = smsSegments(body);
  if (segments <= MAX_SMS_SEGMENTS) return null;
  return refusal("too_long", "PRECONDITION_FAILED", "templateKey", `Once filled in, this SMS takes ${segments} parts (at most ${MAX_SMS_SEGMENTS}): choose a shorter template or send an email.`);
}

/** Everything `messageRefusal` weighs. */
export interface MessageFacts {
  readonly state: CaseState;
  readonly channel: MessageChannel;
  readonly templateKey: string;
  readonly point: ContactPointFacts;
  readonly deadline: IsoDate | null | undefined;
  /** True when the wording prints the deadline. */
  readonly usesDeadline: boolean;
  readonly today: IsoDate;
}

/** The first reason this message may not be sent now, most fundamental first; null when it may. */
export function messageRefusal(facts: MessageFacts): ContactRefusal | null {
  return (
    caseContactRefusal(facts.state, { isNotice: isNoticeTemplate(facts.templateKey) }) ??
    contactPointRefusal(facts.channel, facts.point) ??
    deadlineRefusal(facts.deadline, facts.today, { isRequired: facts.usesDeadline })
  );
}

/** The BCP 47 tag to format amounts and dates for a debtor: their language, their country's conventions. */
export function debtorFormatLocale(locale: Locale, jurisdiction: Jurisdiction): string {
  return locale === "en" ? "en-GB" : `${locale}-${jurisdiction}`;
}

/** A calendar date spelled out in `localeTag`, e.g. "29 mars 2027", "29 maart 2027", "29 March 2027". */
export function formatLongDate(date: IsoDate, localeTag: string): string {
  return new Intl.DateTimeFormat(localeTag, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`));
}

/**
 * An SMS text with the no-break spaces that number and currency formatting put in ("1 060,00 €")
 * replaced by plain spaces: they are outside GSM-7, and a single one would switch the whole SMS to
 * UCS-2 (70 characters a part instead of 160).
 */
export function smsSafeText(text: string): string {
  return text.replace(/[\u00A0\u2007\u2009\u202F]/g, " ");
}
