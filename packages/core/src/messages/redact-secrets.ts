/**
 * The secrets a message carries only for as long as the outbox may still hand it to a transport: the
 * one-time sign-in code and the token of a personal portal link. Once a message is done with — sent,
 * failed for good or suppressed — its stored subject and body keep every word but those, so the trail
 * still shows that a code or a link went out, to whom and when, while a copy of the database (or anyone
 * reading the outbox) holds nothing that opens the debtor's file.
 */
import { ONE_TIME_CODE_DIGITS } from "@recouvra/domain";
import { PORTAL_CODE_TEMPLATE } from "../portal/one-time-code-texts.ts";

/**
 * What stands in the stored text for each character of a secret. An asterisk is in the GSM-7 basic
 * set, and the blank keeps the secret's length, so the stored SMS still counts the characters and
 * parts that were sent (a "•" would turn it into UCS-2 on the outbox page).
 */
export const REDACTION_CHARACTER = "*";
const blankOf = (secret: string) => REDACTION_CHARACTER.repeat(secret.length);

/** Which secrets a message had blanked. */
export type RedactedSecret = "one_time_code" | "portal_link";

// A code is the only run of exactly this many digits in the fixed sign-in texts (the minutes are two).
const CODE = new RegExp(`(?<!\\d)\\d{${ONE_TIME_CODE_DIGITS}}(?!\\d)`, "g");
// `/l/<token>` with a token as `generateSessionToken` makes them (32 lower-case base32 characters).
const LINK_TOKEN = /(\/l\/)[a-z2-7]{32}(?![a-z2-7])/g;

function blank(text: string | null, isCodeMessage: boolean, found: Set<RedactedSecret>): string | null {
  if (text === null) return null;
  let out = text.replace(LINK_TOKEN, (whole, prefix: string) => {
    found.add("portal_link");
    return `${prefix}${blankOf(whole.slice(prefix.length))}`;
  });
  if (isCodeMessage) {
    out = out.replace(CODE, (code) => {
      found.add("one_time_code");
      return blankOf(code);
    });
  }
  return out;
}

/**
 * The subject and body of `message` with its secrets blanked, and which were found; null when it has
 * none (nothing to write).
 */
export function redactMessageSecrets(message: { template: string | null; subject: string | null; body: string | null }): {
  subject: string | null;
  body: string | null;
  redacted: RedactedSecret[];
} | null {
  const found = new Set<RedactedSecret>();
  const isCodeMessage = message.template === PORTAL_CODE_TEMPLATE;
  const subject = blank(message.subject, isCodeMessage, found);
  const body = blank(message.body, isCodeMessage, found);
  if (found.size === 0) return null;
  return { subject, body, redacted: [...found].sort() };
}
