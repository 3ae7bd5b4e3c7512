/**
 * How a queued message leaves the platform. Each adapter (Resend for email, Twilio for SMS, a print
 * service for letters) implements `Transport`; the offline default records the message as sent to the
 * development outbox, which the workspace shows at /outbox, so nothing is ever dropped silently.
 */
import type { Locale, MessageChannel } from "@recouvra/domain";

/** What a transport is handed: the message exactly as stored. */
export interface OutboundMessage {
  id: string;
  channel: MessageChannel;
  recipient: string;
  subject: string | null;
  body: string;
  locale: Locale | null;
  caseId: string | null;
  /** Stable across retries: adapters pass it to providers that deduplicate (Resend's Idempotency-Key). */
  idempotencyKey: string;
  /** 1 for the first attempt. */
  attempt: number;
}

/** Sends a message; resolves with the provider's id, or throws (the dispatcher retries, then gives up). */
export interface Transport {
  /** Recorded on the message (`resend`, `twilio`, `outbox`…). */
  readonly provider: string;
  send(message: OutboundMessage): Promise<{ providerMessageId: string }>;
}

/** The offline transport: the message is "sent" to the development outbox, with an id derived from its own. */
export const outboxTransport: Transport = {
  provider: "outbox",
  async send(message) {
    // Derived, not random: a message re-sent after a lost lease keeps the same provider id.
    return { providerMessageId: `outbox_${message.id}` };
  },
};
