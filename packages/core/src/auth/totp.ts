/**
 * TOTP (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits — what every authenticator app expects).
 * Codes are computed from the injected clock through HOTP, because @oslojs/otp's TOTP helpers read
 * the system time and tests must be able to stand at any instant.
 */
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { createTOTPKeyURI, generateHOTP } from "@oslojs/otp";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted either side of now: phones whose clock drifts by up to 30 s still work. */
const DRIFT_STEPS = 1;
/** Name shown in the authenticator app. */
export const TOTP_ISSUER = "Recouvra";

/** A new 160-bit secret (RFC 4226's recommended length), as the base32 text users type in by hand. */
export function generateTotpSecret(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32UpperCaseNoPadding(bytes);
}

/** The `otpauth://` URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, accountName: string): string {
  return createTOTPKeyURI(TOTP_ISSUER, accountName, decodeBase32IgnorePadding(secret), TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}

/** The time step (RFC 6238's T) that `at` falls in. */
export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code for `secret` at `at`. */
export function totpCodeAt(secret: string, at: Date): string {
  return generateHOTP(decodeBase32IgnorePadding(secret), BigInt(totpStep(at)), TOTP_DIGITS);
}

/**
 * The time step whose code `code` is, within the allowed drift around `at`, or null. The caller refuses
 * a step not later than the last one accepted, so an observed code cannot be replayed.
 */
export function matchTotpStep(secret: string, code: string, at: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const key = decodeBase32IgnorePadding(secret);
  const given = new TextEncoder().encode(code);
  const now = totpStep(at);
  let matched: number | null = null;
  // Every candidate is compared (no early exit), in constant time.
  for (let step = now - DRIFT_STEPS; step <= now + DRIFT_STEPS; step++) {
    const expected = new TextEncoder().encode(generateHOTP(key, BigInt(step), TOTP_DIGITS));
    if (constantTimeEqual(expected, given) && matched === null) matched = step;
  }
  return matched;
}
