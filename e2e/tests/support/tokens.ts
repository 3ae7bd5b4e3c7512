import { randomBytes } from "node:crypto";

/**
 * A token as core's `generateSessionToken` makes them (20 random bytes, lower-case base32): what a
 * portal link or session cookie carries; the database keeps only its SHA-256. The e2e package does
 * not depend on core, so specs make their own.
 */
export function portalToken(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of randomBytes(20)) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}
