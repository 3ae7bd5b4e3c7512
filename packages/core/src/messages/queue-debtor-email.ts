/**
 * An email to the debtor queued by the platform itself (a payment receipt, a plan confirmation, a
 * dispute acknowledgment), inside the transaction of what it confirms: the outbox row, the outbound
 * interaction it is logged as, and the `message.queued` event. Each caller renders its own wording
 * and records its own reason when nothing could be queued.
 */
import { contactPoints, interactions, messages, type Case, type ContactPoint, type DbOrTx, type Tx } from "@recouvra/db";
import { contactPointRefusal, type ContactPointKind, type Locale } from "@recouvra/domain";
import { and, asc, desc, eq } from "drizzle-orm";

/** The first email of `points` that may still be written to (not invalid, not opted out), in the order given. */
export function firstUsableEmail(points: readonly ContactPoint[]): ContactPoint | null {
  return (
    points.find((p) => contactPointRefusal("email", { kind: p.kind as ContactPointKind, value: p.value, isInvalid: p.isInvalid, optedOutAt: p.optedOutAt }) === null) ?? null
  );
}

/** The debtor's email that may still be written to, primary first then oldest first; null when none. */
export async function usableDebtorEmail(db: DbOrTx, kase: Case): Promise<ContactPoint | null> {
  const points = await db
    .select()
    .from(contactPoints)
    .where(and(eq(contactPoints.debtorId, kase.debtorId), eq(contactPoints.clientId, kase.clientId), eq(contactPoints.kind, "email")))
    .orderBy(desc(contactPoints.isPrimary), asc(contactPoints.createdAt));
  return firstUsableEmail(points);
}

/** Where the `message.queued` event is written (the caller's audit trail: the debtor, or the actor who recorded a payment). */
export interface EmailAudit {
  event(action: string, entityType: string, entityId: string | null, data?: Record<string, unknown>): Promise<unknown>;
}

export interface DebtorEmail {
  kase: Case;
  audit: EmailAudit;
  now: Date;
  /** The address, from `usableDebtorEmail` or `firstUsableEmail`. */
  point: ContactPoint;
  template: string;
  locale: Locale;
  subject: string | null;
  body: string;
  /** The message's `data`: what it was rendered from and what it confirms. */
  data: Record<string, unknown>;
  /** Unique in the outbox: a second queueing with the same key fails like any unique violation. */
  idempotencyKey: string;
  /** What the `message.queued` event says besides the channel, template, locale, contact point and interaction. */
  auditData: Record<string, unknown>;
}

/** Queues the email, logs it as an outbound interaction and audits it; returns the message's id. */
export async function queueDebtorEmail(tx: Tx, email: DebtorEmail): Promise<string> {
  const { kase, point, now } = email;
  const [row] = await tx
    .insert(messages)
    .values({
      caseId: kase.id,
      clientId: kase.clientId,
      channel: "email",
      direction: "outbound",
      template: email.template,
      locale: email.locale,
      contactPointId: point.id,
      recipient: point.value,
      subject: email.subject,
      body: email.body,
      data: email.data,
      status: "queued",
      idempotencyKey: email.idempotencyKey,
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: messages.id });
  const messageId = row!.id;
  const [interaction] = await tx
    .insert(interactions)
    .values({ caseId: kase.id, clientId: kase.clientId, channel: "email", direction: "outbound", userId: null, contactPointId: point.id, messageId, occurredAt: now, createdAt: now })
    .returning({ id: interactions.id });
  await email.audit.event("message.queued", "message", messageId, {
    channel: "email",
    template: email.template,
    locale: email.locale,
    contactPointId: point.id,
    interactionId: interaction!.id,
    ...email.auditData,
  });
  return messageId;
}
