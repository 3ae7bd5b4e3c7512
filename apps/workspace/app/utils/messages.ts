/** Words of the send form and the outbox (safe in the browser bundle). */
import type { Tone } from "@recouvra/ui";
import type { Locale, MessageChannel, MessageStatus } from "@recouvra/domain";

// Core's lists are server code (it pulls the database driver): the pages keep their own, typed against it.
export const CHANNEL_ORDER = ["letter", "email", "sms"] as const satisfies readonly MessageChannel[];
export const STATUS_ORDER = ["queued", "sending", "sent", "delivered", "failed", "bounced", "complained", "suppressed", "received"] as const satisfies readonly MessageStatus[];

export const CHANNEL_LABELS: Record<MessageChannel, string> = { letter: "Letter", email: "Email", sms: "SMS" };

export const LANGUAGE_LABELS: Record<Locale, string> = { fr: "French", nl: "Dutch", en: "English" };

export const SEND_LABELS: Record<MessageChannel, string> = { letter: "Send the letter", email: "Send the email", sms: "Send the SMS" };

export const STATUS_LABELS: Record<MessageStatus, string> = {
  queued: "Queued",
  sending: "Sending",
  sent: "Sent",
  delivered: "Delivered",
  failed: "Failed",
  bounced: "Bounced",
  complained: "Marked as spam",
  suppressed: "Not sent (contact stopped)",
  received: "Received",
};

/** Badge colours; the label always carries the meaning on its own. */
export const STATUS_TONES: Record<MessageStatus, Tone> = {
  queued: "info",
  sending: "info",
  sent: "positive",
  delivered: "positive",
  failed: "critical",
  bounced: "critical",
  complained: "critical",
  suppressed: "caution",
  received: "neutral",
};

/** "97 characters · 1 part (GSM-7)" — what an SMS costs and how it is encoded. */
export function smsFactsText(sms: { encoding: "gsm7" | "ucs2"; characters: number; segments: number }): string {
  const encoding = sms.encoding === "gsm7" ? "GSM-7" : "Unicode (UCS-2): fewer characters a part";
  return `${sms.characters} characters · ${sms.segments} part${sms.segments === 1 ? "" : "s"} · ${encoding}`;
}
