/**
 * Getting into the debtor portal: what a typed reference, access code or one-time code may look like,
 * how a contact point is shown half-hidden, and when a case's sign-in locks. Pure: the clock is an
 * argument, randomness comes from the caller.
 */

/** Wrong reference/access-code attempts before a case (or a reference nobody holds) is locked. */
export const PORTAL_MAX_FAILED_ATTEMPTS = 10;
/** How long a lock lasts. Long enough to make guessing pointless, short enough not to strand a debtor for a day. */
export const PORTAL_LOCK_MINUTES = 30;
/** Digits of a one-time code: 10⁶ values against five attempts is a one-in-200,000 chance. */
export const ONE_TIME_CODE_DIGITS = 6;
/** Wrong entries one one-time code allows before it is burned. */
export const ONE_TIME_CODE_MAX_ATTEMPTS = 5;
/** Lifetime of a one-time code: time to switch to the mail or SMS app and back, not more. */
export const ONE_TIME_CODE_MINUTES = 10;

/**
 * A case reference as the debtor may type it ("rc 2026 000123", "RC-2026-000123 "): upper-case, spaces
 * dropped. Only characters a reference can hold survive, so the value is safe to use as a lookup key.
 */
export function normaliseCaseReference(input: string): string {
  return input
    .normalize("NFKC")
    .toUpperCase()
    .replace(/\s+/g, "")
    .replace(/[^A-Z0-9-]/g, "")
    .slice(0, 40);
}

/**
 * An access code as printed on the letter ("DEMO-4821"): typed codes lose surrounding spaces and case,
 * because a letter in capitals is often retyped in lower case on a phone keyboard.
 */
export function normaliseAccessCode(input: string): string {
  return input.normalize("NFKC").trim().toUpperCase().replace(/\s+/g, "").slice(0, 64);
}

/** A one-time code as typed ("123 456", "123-456"): its digits, or null when it cannot be a code. */
export function normaliseOneTimeCode(input: string): string | null {
  const digits = input.replace(/[\s-]/g, "");
  return new RegExp(`^\\d{${ONE_TIME_CODE_DIGITS}}$`).test(digits) ? digits : null;
}

/**
 * A one-time code from random bytes (at least 4). Rejection sampling keeps every code equally likely:
 * a plain modulo would favour the low codes. Returns null when the bytes fall in the rejected range;
 * the caller draws again.
 */
export function oneTimeCodeFromBytes(bytes: Uint8Array): string | null {
  if (bytes.length < 4) throw new RangeError("oneTimeCodeFromBytes needs 4 random bytes");
  const value = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  const range = 10 ** ONE_TIME_CODE_DIGITS;
  const limit = Math.floor(2 ** 32 / range) * range;
  if (value >= limit) return null;
  return String(value % range).padStart(ONE_TIME_CODE_DIGITS, "0");
}

/**
 * An email address as the sign-in page may show it: enough for the owner to recognise it, too little
 * for anyone else to learn it ("j•••@e•••.be").
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "•••";
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf(".");
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 ? domain.slice(dot) : "";
  return `${local[0]}•••@${host[0] ?? ""}•••${tld}`;
}

/**
 * A phone number in E.164 as the sign-in page may show it: the country code, the first digit of the
 * national number and the last two ("+32 4•• •• •• 12"). The rest is hidden whatever the length.
 */
export function maskPhone(e164: string): string {
  const digits = e164.replace(/[^\d]/g, "");
  if (digits.length < 6) return "•• •• ••";
  const countryLength = COUNTRY_CODE_LENGTHS.find(([prefix]) => digits.startsWith(prefix))?.[1] ?? 2;
  const country = digits.slice(0, countryLength);
  const national = digits.slice(countryLength);
  return `+${country} ${national[0]}•• •• •• ${national.slice(-2)}`;
}

// Country calling codes of the countries the agency writes to most; others are assumed two digits long,
// which at worst shows one digit of the national number as part of the country code.
const COUNTRY_CODE_LENGTHS: ReadonlyArray<readonly [string, number]> = [
  ["352", 3],
  ["1", 1],
  ["7", 1],
];

/** The sign-in state of a case: failed attempts counted since the last success, and a lock when set. */
export interface PortalLockState {
  failedAttempts: number;
  lockedUntil: Date | null;
}

/** True while `state` is locked at `now`. */
export function isPortalLocked(state: PortalLockState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/**
 * The state after one more wrong attempt at `now`: the count goes up and, reaching the limit, the case
 * locks for PORTAL_LOCK_MINUTES and the count starts again, so the next lock needs ten new failures.
 * A lock that has run out is forgotten first.
 */
export function afterFailedPortalAttempt(state: PortalLockState, now: Date): PortalLockState {
  const count = (state.lockedUntil && !isPortalLocked(state, now) ? 0 : state.failedAttempts) + 1;
  if (count >= PORTAL_MAX_FAILED_ATTEMPTS) return { failedAttempts: 0, lockedUntil: new Date(now.getTime() + PORTAL_LOCK_MINUTES * 60_000) };
  return { failedAttempts: count, lockedUntil: state.lockedUntil && isPortalLocked(state, now) ? state.lockedUntil : null };
}
