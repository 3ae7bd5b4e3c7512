/**
 * A debtor's contact points (email, phone, postal address): which changes a case handler may make from
 * which state, and how a new point is read, normalised and matched against the ones on file.
 *
 * - Verified means the agency reached the debtor themself there (right-party contact) or the debtor
 *   confirmed it; an invalid point cannot be verified, and marking a point invalid withdraws its
 *   verification and its primary role (it is kept as history but never used again).
 * - An opt-out stops messages on that point at once (DESIGN, "Rules that never bend"), withdraws
 *   consent and the primary role; it is lifted only when the debtor gives consent again. Postal addresses take no opt-out:
 *   the formal notice and the statements of sums due must be able to reach the debtor in writing; an
 *   address that is not theirs is marked invalid instead.
 * - The primary point of a kind is the one messages go to first: it must be valid and not opted out.
 */
import { normalisePhone, parseCountry } from "./placement-import.ts";
import type { ContactPointKind } from "./vocabulary.ts";

/** The changes a case handler makes to an existing contact point. */
export const CONTACT_POINT_CHANGES = ["verify", "invalidate", "revalidate", "opt_out", "lift_opt_out", "make_primary"] as const;
export type ContactPointChange = (typeof CONTACT_POINT_CHANGES)[number];

/** What the rules look at on a contact point. */
export interface ContactPointState {
  readonly kind: ContactPointKind;
  readonly isPrimary: boolean;
  readonly isVerified: boolean;
  readonly isInvalid: boolean;
  readonly hasConsent: boolean;
  readonly isOptedOut: boolean;
}

export type ContactPointChangeResult =
  | { ok: true; state: ContactPointState }
  | { ok: false; code: "CONFLICT" | "PRECONDITION_FAILED"; message: string };

const NOUNS: Record<ContactPointKind, string> = { email: "email address", phone: "phone number", address: "postal address" };

/** "phone number", "email address", "postal address". */
export function contactPointNoun(kind: ContactPointKind): string {
  return NOUNS[kind];
}

/** Kinds on which the debtor can opt out of being contacted. */
export const OPT_OUT_KINDS: readonly ContactPointKind[] = ["email", "phone"];

/** Applies `change` to `state`, or says why it cannot be made. */
export function changeContactPoint(state: ContactPointState, change: ContactPointChange): ContactPointChangeResult {
  const noun = NOUNS[state.kind];
  const refuse = (code: "CONFLICT" | "PRECONDITION_FAILED", message: string): ContactPointChangeResult => ({ ok: false, code, message });
  switch (change) {
    case "verify":
      if (state.isInvalid) return refuse("PRECONDITION_FAILED", `This ${noun} is marked invalid: mark it valid again before verifying it.`);
      if (state.isVerified) return refuse("CONFLICT", `This ${noun} is already verified.`);
      return { ok: true, state: { ...state, isVerified: true } };
    case "invalidate":
      if (state.isInvalid) return refuse("CONFLICT", `This ${noun} is already marked invalid.`);
      return { ok: true, state: { ...state, isInvalid: true, isVerified: false, isPrimary: false } };
    case "revalidate":
      if (!state.isInvalid) return refuse("CONFLICT", `This ${noun} is not marked invalid.`);
      return { ok: true, state: { ...state, isInvalid: false } };
    case "opt_out":
      if (!OPT_OUT_KINDS.includes(state.kind)) {
        return refuse("PRECONDITION_FAILED", "A postal address takes no opt-out: formal letters must be able to reach the debtor. Mark it invalid if it is not theirs.");
      }
      if (state.isOptedOut) return refuse("CONFLICT", `The debtor has already opted out of this ${noun}.`);
      return { ok: true, state: { ...state, isOptedOut: true, hasConsent: false, isPrimary: false } };
    case "lift_opt_out":
      if (!state.isOptedOut) return refuse("CONFLICT", `The debtor has not opted out of this ${noun}.`);
      return { ok: true, state: { ...state, isOptedOut: false, hasConsent: true } };
    case "make_primary":
      if (state.isInvalid) return refuse("PRECONDITION_FAILED", `This ${noun} is marked invalid: it cannot be the primary one.`);
      if (state.isOptedOut) return refuse("PRECONDITION_FAILED", `The debtor opted out of this ${noun}: it cannot be the primary one.`);
      if (state.isPrimary) return refuse("CONFLICT", `This ${noun} is already the primary one.`);
      return { ok: true, state: { ...state, isPrimary: true } };
  }
}

/** The changes `changeContactPoint` accepts from `state`, in the order a menu lists them. */
export function allowedContactPointChanges(state: ContactPointState): ContactPointChange[] {
  return CONTACT_POINT_CHANGES.filter((change) => changeContactPoint(state, change).ok);
}

/** True when the agency may send to or call this point: not invalid, not opted out. */
export function isUsableContactPoint(state: Pick<ContactPointState, "isInvalid" | "isOptedOut">): boolean {
  return !state.isInvalid && !state.isOptedOut;
}

// ---------------------------------------------------------------------------------------------------
// Why a point is invalid, and how the debtor asked

export const INVALIDATION_REASONS = ["wrong_number", "not_in_service", "email_bounced", "letter_returned", "moved_away", "not_the_debtor", "other"] as const;
export type InvalidationReason = (typeof INVALIDATION_REASONS)[number];

export const INVALIDATION_REASON_LABELS: Record<InvalidationReason, string> = {
  wrong_number: "Wrong number",
  not_in_service: "Number not in service",
  email_bounced: "Email bounced",
  letter_returned: "Letter returned to sender",
  moved_away: "Debtor moved away",
  not_the_debtor: "Belongs to someone else",
  other: "Other",
};

const REASON_KINDS: Record<InvalidationReason, readonly ContactPointKind[]> = {
  wrong_number: ["phone"],
  not_in_service: ["phone"],
  email_bounced: ["email"],
  letter_returned: ["address"],
  moved_away: ["address"],
  not_the_debtor: ["email", "phone", "address"],
  other: ["email", "phone", "address"],
};

/** The reasons that make sense for a point of `kind` (a letter is not returned from a phone number). */
export function invalidationReasonsFor(kind: ContactPointKind): InvalidationReason[] {
  return INVALIDATION_REASONS.filter((r) => REASON_KINDS[r].includes(kind));
}

/** What is wrong with an invalidation's reason and note, naming the field; null when they hold. */
export function invalidationProblem(kind: ContactPointKind, reason: InvalidationReason, note: string | null | undefined): FieldProblem | null {
  if (!REASON_KINDS[reason].includes(kind)) {
    return { field: "reason", message: `reason: "${INVALIDATION_REASON_LABELS[reason]}" does not apply to a ${NOUNS[kind]}` };
  }
  if (reason === "other" && !note?.trim()) return { field: "note", message: "note is required when the reason is Other: say what is wrong" };
  return null;
}

/** How the debtor told the agency (to opt out, or to give consent again). */
export const DEBTOR_REQUEST_SOURCES = ["call", "email", "sms", "letter", "portal", "in_person"] as const;
export type DebtorRequestSource = (typeof DEBTOR_REQUEST_SOURCES)[number];

export const DEBTOR_REQUEST_SOURCE_LABELS: Record<DebtorRequestSource, string> = {
  call: "During a phone call",
  email: "By email",
  sms: "By SMS reply (e.g. STOP)",
  letter: "By letter",
  portal: "In the debtor portal",
  in_person: "In person",
};

// ---------------------------------------------------------------------------------------------------
// New contact points

/** A problem with one field of a form, said so that the message names it. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** A contact point as a case handler types it. */
export type NewContactPointInput =
  | { kind: "email"; email: string }
  | { kind: "phone"; phone: string }
  | { kind: "address"; line1: string; line2?: string | null; postalCode: string; city: string; countryCode?: string | null };

/** A new point in the form it is stored: `value` normalised (email lower-case, phone E.164, address one line). */
export interface NormalisedContactPoint {
  kind: ContactPointKind;
  value: string;
  line1: string | null;
  line2: string | null;
  postalCode: string | null;
  city: string | null;
  countryCode: string | null;
}

export type NormaliseContactPointResult = { ok: true; point: NormalisedContactPoint } | { ok: false; problem: FieldProblem };

// The placement import's rule: something@domain.tld, no spaces; the address is at most 254 characters (RFC 5321).
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;
const MAX_LINE = 200;

// Postal code shapes of the countries the agency writes to most; elsewhere any short code is taken.
const POSTAL_CODES: Readonly<Record<string, { pattern: RegExp; example: string; normalise?: (s: string) => string }>> = {
  FR: { pattern: /^\d{5}$/, example: "75011" },
  BE: { pattern: /^\d{4}$/, example: "1000" },
  LU: { pattern: /^\d{4}$/, example: "1511" },
  DE: { pattern: /^\d{5}$/, example: "10115" },
  NL: { pattern: /^[1-9]\d{3} ?[A-Z]{2}$/, example: "1012 AB", normalise: (s) => `${s.slice(0, 4)} ${s.slice(-2)}` },
};

/**
 * Reads a contact point typed by a case handler. A phone number without a country code is read as a
 * number of `defaultCountry` (the debtor's), as the placement import does; an address without a
 * country is in `defaultCountry`.
 */
export function normaliseContactPoint(input: NewContactPointInput, { defaultCountry }: { defaultCountry: string }): NormaliseContactPointResult {
  const problem = (field: string, message: string): NormaliseContactPointResult => ({ ok: false, problem: { field, message } });
  const none = { line1: null, line2: null, postalCode: null, city: null, countryCode: null };
  switch (input.kind) {
    case "email": {
      const email = input.email.trim().toLowerCase();
      if (email === "") return problem("email", "email is required");
      if (email.length > 254 || !EMAIL.test(email)) return problem("email", "email is not a valid address: write it as name@example.com");
      return { ok: true, point: { kind: "email", value: email, ...none } };
    }
    case "phone": {
      if (input.phone.trim() === "") return problem("phone", "phone is required");
      const phone = normalisePhone(input.phone, defaultCountry);
      if (!phone) return problem("phone", "phone is not a valid number: write it with its country code (+33 6 12 34 56 78) or as a national number (06 12 34 56 78)");
      return { ok: true, point: { kind: "phone", value: phone, ...none } };
    }
    case "address": {
      const line1 = collapse(input.line1);
      const line2 = collapse(input.line2 ?? "") || null;
      const city = collapse(input.city);
      const countryRaw = collapse(input.countryCode ?? "");
      if (line1 === "") return problem("line1", "line1 is required: the street and number");
      if (line1.length > MAX_LINE) return problem("line1", `line1 is at most ${MAX_LINE} characters`);
      if (line2 && line2.length > MAX_LINE) return problem("line2", `line2 is at most ${MAX_LINE} characters`);
      const countryCode = countryRaw === "" ? defaultCountry : parseCountry(countryRaw);
      if (!countryCode || !/^[A-Z]{2}$/.test(countryCode)) return problem("countryCode", "countryCode must be a country code such as FR, BE or NL");
      const rule = POSTAL_CODES[countryCode];
      let postalCode = collapse(input.postalCode).toUpperCase();
      if (postalCode === "") return problem("postalCode", "postalCode is required");
      if (rule && !rule.pattern.test(postalCode)) return problem("postalCode", `postalCode is not a postal code of ${countryCode}: write it like ${rule.example}`);
      if (!rule && !/^[A-Z0-9][A-Z0-9 -]{1,9}$/.test(postalCode)) return problem("postalCode", "postalCode is not a postal code");
      if (rule?.normalise) postalCode = rule.normalise(postalCode);
      if (city === "") return problem("city", "city is required");
      if (city.length > MAX_LINE) return problem("city", `city is at most ${MAX_LINE} characters`);
      // The same one-line form the placement import stores, so the same address matches whichever way it came in.
      const value = [line1, line2, `${postalCode} ${city}`, countryCode].filter(Boolean).join(", ");
      return { ok: true, point: { kind: "address", value, line1, line2, postalCode, city, countryCode } };
    }
  }
}

function collapse(s: string): string {
  return s.trim().replace(/\s+/g, " ");
}

/**
 * What two points of one kind share when they are the same place: emails and E.164 numbers as stored;
 * addresses without case, accents, punctuation or spacing ("12, Rue de l'Église" = "12 rue de l eglise").
 */
export function contactPointMatchKey(kind: ContactPointKind, value: string): string {
  if (kind !== "address") return `${kind}:${value.trim().toLowerCase()}`;
  const plain = value
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  return `address:${plain}`;
}

/** The field a new point of `kind` is typed in, for a duplicate's error. */
export function contactPointValueField(kind: ContactPointKind): string {
  return kind === "address" ? "line1" : kind;
}

/** The point on file that `point` would repeat, if any. */
export function findDuplicateContactPoint<T extends { kind: string; value: string }>(point: Pick<NormalisedContactPoint, "kind" | "value">, existing: readonly T[]): T | null {
  const key = contactPointMatchKey(point.kind, point.value);
  return existing.find((e) => e.kind === point.kind && contactPointMatchKey(point.kind, e.value) === key) ?? null;
}
