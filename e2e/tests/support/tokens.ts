import { randomBytes } from "node:crypto";
import type { DbHandle } from "@recouvra/db";

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

/**
 * The one-time code the portal just sent for `caseId`, as the debtor would read it: the platform under
 * test has no provider keys, so its development outbox is the debtor's mailbox and keeps the text
 * (a real transport's copy is blanked once sent, `redact-secrets.ts` in core).
 */
export async function oneTimeCodeFor(db: DbHandle, caseId: string): Promise<string> {
  const [message] = await db.sql<{ body: string | null }[]>`
    select body from messages where case_id = ${caseId} and template = 'portal_one_time_code' order by created_at desc limit 1`;
  const code = /\b(\d{6})\b/.exec(message?.body ?? "")?.[1];
  if (!code) throw new Error(`no one-time code in the outbox for case ${caseId}`);
  return code;
}
