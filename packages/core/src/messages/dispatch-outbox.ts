/**
 * The outbox dispatcher the worker runs: it claims the queued messages that are due, checks once more
 * that each may still go out (a dispute opened or an opt-out received since it was queued stops it:
 * status suppressed), hands the others to the transport and records the outcome — sent, or back to
 * queued with an exponential back-off, or failed after the last attempt. Every change is audited. A
 * message that will not go out again has its one-time code or link token blanked in that same write
 * (`redact-secrets.ts`).
 *
 * Exactly once: the claim takes the rows with `FOR UPDATE SKIP LOCKED` and marks them `sending` in the
 * same transaction, so two dispatchers running at once never claim the same message. The transport is
 * called outside any transaction (no lock held during network I/O); a `sending` message whose worker
 * died is claimed again once its lease has run out, with the same idempotency key for the provider.
 */
import { appendAuditEvent, cases, contactPoints, interactions, messages, type DbOrTx, type Message } from "@recouvra/db";
import { caseContactRefusal, contactPointRefusal, deadlineRefusal, type ContactPointKind, type IsoDate, type Locale, type MessageChannel } from "@recouvra/domain";
import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { z } from "zod";
import { assertSystem } from "../access.ts";
import { today, type Ctx } from "../context.ts";
import { RECEIPT_TEMPLATE } from "../payments/receipt.ts";
import { PORTAL_CODE_TEMPLATE } from "../portal/one-time-code-texts.ts";
import { DISPUTE_ACKNOWLEDGMENT_TEMPLATE } from "../portal/self-service-texts.ts";
import { caseStateOf } from "../scope.ts";
import { redactMessageSecrets } from "./redact-secrets.ts";
import { outboxTransport, type OutboundMessage, type Transport } from "./transport.ts";

/** Attempts before a message is given up as failed. */
export const OUTBOX_MAX_ATTEMPTS = 5;
/** Wait before the first retry; it doubles with each further failure (1, 2, 4, 8 minutes…). */
export const OUTBOX_FIRST_RETRY_SECONDS = 60;
/** Longest wait between two attempts. */
export const OUTBOX_MAX_RETRY_SECONDS = 6 * 3600;
/** How long a claimed message stays with its dispatcher before another may take it over. */
export const OUTBOX_SENDING_LEASE_SECONDS = 10 * 60;

/** Seconds to wait after the `attempts`-th failed attempt. */
export function outboxRetryDelaySeconds(attempts: number): number {
  return Math.min(OUTBOX_FIRST_RETRY_SECONDS * 2 ** Math.max(0, attempts - 1), OUTBOX_MAX_RETRY_SECONDS);
}

export const DispatchOutboxInputSchema = z.object({
  /** Messages claimed in one run at most. */
  limit: z.number().int().min(1).max(500).default(50),
});
export type DispatchOutboxInput = z.input<typeof DispatchOutboxInputSchema>;

export interface DispatchOutboxResult {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  suppressed: number;
}

const at = (now: Date, seconds: number) => new Date(now.getTime() + seconds * 1000);

function audit(tx: DbOrTx, message: Message, occurredAt: Date, action: string, data: Record<string, unknown>) {
  return appendAuditEvent(tx, { occurredAt, actorKind: "system", actorId: null, action, entityType: "message", entityId: message.id, caseId: message.caseId, clientId: message.clientId, data });
}

/**
 * The columns that blank a message's one-time code or link token once it will not be handed to a
 * transport again, and what the audit event says was blanked; nothing for a message without secrets.
 * The offline transport is the exception: without provider keys the development outbox IS the
 * debtor's mailbox (the demo signs in by reading the code there), so its copy keeps the text.
 */
function withoutSecrets(message: Message, transport: Transport): { columns: Partial<Pick<Message, "subject" | "body">>; audit: { redacted?: string[] } } {
  const redacted = transport.provider === outboxTransport.provider ? null : redactMessageSecrets(message);
  return redacted ? { columns: { subject: redacted.subject, body: redacted.body }, audit: { redacted: redacted.redacted } } : { columns: {}, audit: {} };
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text || "The transport failed without saying why").slice(0, 500);
}

/** Templates that answer the debtor's own request rather than pursue them: no hold stops them. */
const ANSWERS_TO_THE_DEBTOR: ReadonlySet<string> = new Set([PORTAL_CODE_TEMPLATE, RECEIPT_TEMPLATE, DISPUTE_ACKNOWLEDGMENT_TEMPLATE]);

/** Why a claimed message must not go out any more; null when it may. */
function suppressionOf(message: Message, kase: (typeof cases.$inferSelect) | undefined, point: (typeof contactPoints.$inferSelect) | undefined, day: IsoDate): string | null {
  if (!message.caseId) return null;
  if (!kase) return "The case is gone.";
  // The notice itself moved the case on when it was queued, so the notice-first rule is not asked again.
  // A sign-in code is not collection contact but the answer to the debtor's own request: a dispute or
  // other hold must not lock them out of the portal where they follow it. Nor is a payment receipt,
  // which acknowledges money received and goes out even when that very payment closed the case, nor
  // the acknowledgment of a dispute, which answers the very dispute that set the hold.
  const held = ANSWERS_TO_THE_DEBTOR.has(message.template ?? "") ? null : caseContactRefusal(caseStateOf(kase), { isNotice: true });
  if (held) return held.message;
  if (!point) return "The contact point it was addressed to was removed.";
  const unusable = contactPointRefusal(message.channel as MessageChannel, { kind: point.kind as ContactPointKind, value: point.value, isInvalid: point.isInvalid, optedOutAt: point.optedOutAt });
  if (unusable) return unusable.message;
  const deadline = (message.data as { deadline?: string | null } | null)?.deadline;
  if (deadline && deadlineRefusal(deadline, day, { isRequired: false })) return `The payment deadline it names (${deadline}) has passed: compose a new message with a new deadline.`;
  return null;
}

/** Claims up to `limit` due messages: suppressed ones are settled at once, the others marked sending. */
async function claim(ctx: Ctx, limit: number, now: Date, transport: Transport): Promise<{ toSend: Message[]; suppressed: number }> {
  const day = today(ctx.clock);
  return ctx.db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(messages)
      .where(
        and(
          eq(messages.direction, "outbound"),
          or(
            and(eq(messages.status, "queued"), or(isNull(messages.nextAttemptAt), lte(messages.nextAttemptAt, now))),
            // A lease run out: its dispatcher died between claiming and recording the outcome.
            and(eq(messages.status, "sending"), lte(messages.nextAttemptAt, now)),
          ),
        ),
      )
      .orderBy(asc(sql`coalesce(${messages.nextAttemptAt}, ${messages.createdAt})`), asc(messages.createdAt), asc(messages.id))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return { toSend: [], suppressed: 0 };
    const caseIds = [...new Set(due.map((m) => m.caseId).filter((id): id is string => id !== null))];
    const pointIds = [...new Set(due.map((m) => m.contactPointId).filter((id): id is string => id !== null))];
    const [caseRows, pointRows] = await Promise.all([
      caseIds.length ? tx.select().from(cases).where(inArray(cases.id, caseIds)) : Promise.resolve([]),
      pointIds.length ? tx.select().from(contactPoints).where(inArray(contactPoints.id, pointIds)) : Promise.resolve([]),
    ]);
    const caseById = new Map(caseRows.map((c) => [c.id, c]));
    const pointById = new Map(pointRows.map((p) => [p.id, p]));
    const toSend: Message[] = [];
    let suppressed = 0;
    for (const message of due) {
      const why = suppressionOf(message, message.caseId ? caseById.get(message.caseId) : undefined, message.contactPointId ? pointById.get(message.contactPointId) : undefined, day);
      if (why) {
        const secrets = withoutSecrets(message, transport);
        await tx.update(messages).set({ status: "suppressed", error: why, nextAttemptAt: null, updatedAt: now, ...secrets.columns }).where(eq(messages.id, message.id));
        await audit(tx, message, now, "message.suppressed", { reason: why, ...secrets.audit });
        suppressed += 1;
        continue;
      }
      const attempts = message.attempts + 1;
      const [claimed] = await tx
        .update(messages)
        .set({ status: "sending", attempts, nextAttemptAt: at(now, OUTBOX_SENDING_LEASE_SECONDS), updatedAt: now })
        .where(eq(messages.id, message.id))
        .returning();
      await audit(tx, message, now, "message.sending", { attempt: attempts, ...(message.status === "sending" ? { leaseExpired: true } : {}) });
      toSend.push(claimed!);
    }
    return { toSend, suppressed };
  });
}

function outbound(message: Message): OutboundMessage {
  return {
    id: message.id,
    channel: message.channel as MessageChannel,
    recipient: message.recipient,
    subject: message.subject,
    body: message.body ?? "",
    locale: (message.locale as Locale | null) ?? null,
    caseId: message.caseId,
    idempotencyKey: message.idempotencyKey,
    attempt: message.attempts,
  };
}

// Only the dispatcher that claimed this attempt may record its outcome: after a lost lease another one
// owns the message, and its attempt count has moved on.
const isOurAttempt = (message: Message) => and(eq(messages.id, message.id), eq(messages.status, "sending"), eq(messages.attempts, message.attempts));

/**
 * Sends the due messages of the outbox through `transport`, at most `limit` of them. Only the
 * platform runs it (the worker, every minute).
 */
export async function dispatchOutbox({ ctx, input = {}, transport }: { ctx: Ctx; input?: DispatchOutboxInput; transport: Transport }): Promise<DispatchOutboxResult> {
  assertSystem(ctx.actor, "dispatch the outbox");
  const { limit } = DispatchOutboxInputSchema.parse(input);
  const { toSend, suppressed } = await claim(ctx, limit, ctx.clock.now(), transport);
  const result: DispatchOutboxResult = { claimed: toSend.length + suppressed, sent: 0, retried: 0, failed: 0, suppressed };

  for (const message of toSend) {
    let outcome: { ok: true; providerMessageId: string } | { ok: false; error: string };
    try {
      const sent = await transport.send(outbound(message));
      outcome = { ok: true, providerMessageId: sent.providerMessageId };
    } catch (error) {
      outcome = { ok: false, error: errorText(error) };
    }
    const now = ctx.clock.now();
    // Sent, or given up: either way the text will not go out again, so its secrets go with this outcome.
    const secrets = withoutSecrets(message, transport);
    await ctx.db.transaction(async (tx) => {
      if (outcome.ok) {
        const [done] = await tx
          .update(messages)
          .set({ status: "sent", provider: transport.provider, providerMessageId: outcome.providerMessageId, sentAt: now, nextAttemptAt: null, error: null, updatedAt: now, ...secrets.columns })
          .where(isOurAttempt(message))
          .returning({ id: messages.id });
        if (!done) return;
        await tx.update(interactions).set({ outcome: "sent" }).where(eq(interactions.messageId, message.id));
        await audit(tx, message, now, "message.sent", { provider: transport.provider, providerMessageId: outcome.providerMessageId, attempt: message.attempts, ...secrets.audit });
        result.sent += 1;
        return;
      }
      const isLast = message.attempts >= OUTBOX_MAX_ATTEMPTS;
      const retryAt = isLast ? null : at(now, outboxRetryDelaySeconds(message.attempts));
      const [done] = await tx
        .update(messages)
        // A retry needs the text as it was; a message given up keeps no secret.
        .set({ status: isLast ? "failed" : "queued", provider: transport.provider, error: outcome.error, nextAttemptAt: retryAt, updatedAt: now, ...(isLast ? secrets.columns : {}) })
        .where(isOurAttempt(message))
        .returning({ id: messages.id });
      if (!done) return;
      if (isLast) {
        await audit(tx, message, now, "message.failed", { provider: transport.provider, attempts: message.attempts, error: outcome.error, ...secrets.audit });
        result.failed += 1;
      } else {
        await audit(tx, message, now, "message.retry_scheduled", { provider: transport.provider, attempt: message.attempts, nextAttemptAt: retryAt!.toISOString(), error: outcome.error });
        result.retried += 1;
      }
    });
  }
  return result;
}
