/**
 * The outcome of an instalment charged to a saved method, from the provider's signed webhook: the
 * payment is booked on `payment_intent.succeeded` only (external id = the payment intent), and a
 * `payment_intent.payment_failed` leaves the instalment due with the provider's reason. Only payment
 * intents our collection created carry `metadata.instalmentId`: the payment intent behind a portal
 * Checkout Session (booked under the session's id) never does, so one payment is never booked twice.
 */
import { arrangements, auditEvents, instalments, payments, type Case, type Tx } from "@recouvra/db";
import { DomainError } from "@recouvra/domain";
import { and, eq, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { z } from "zod";
import type { Ctx } from "../context.ts";
import { bookPayment, findExisting, replayOf } from "../cases/actions/record-payment.ts";
import { auditFor, clockOf, lockWorkableCase } from "../cases/actions/shared.ts";
import type { PaymentProvider } from "./provider.ts";
import type { ProviderPaymentOutcome } from "./record-provider-payment.ts";
import { queuePaymentReceipt } from "./receipt.ts";

const PaymentIntentSchema = z.object({
  id: z.string().min(1),
  object: z.literal("payment_intent"),
  amount: z.number().int().positive(),
  amount_received: z.number().int().nonnegative().nullish(),
  currency: z.string().length(3),
  status: z.string(),
  metadata: z.record(z.string(), z.string()).nullish(),
  last_payment_error: z.object({ code: z.string().nullish(), decline_code: z.string().nullish(), message: z.string().nullish() }).nullish(),
});
type PaymentIntentObject = z.infer<typeof PaymentIntentSchema>;

/** The collection facts of a payment intent's metadata, or null when it is not one of our instalment charges. */
function collectionOf(object: unknown): { intent: PaymentIntentObject; caseId: string; instalmentId: string; arrangementId: string | null } | null {
  if (!object || typeof object !== "object" || (object as { object?: unknown }).object !== "payment_intent") return null;
  const metadata = (object as { metadata?: Record<string, unknown> | null }).metadata;
  if (typeof metadata?.instalmentId !== "string" || typeof metadata.caseId !== "string") return null;
  const parsed = PaymentIntentSchema.safeParse(object);
  if (!parsed.success) throw new DomainError("VALIDATION", "The payment intent in the event is malformed.", { cause: parsed.error });
  return { intent: parsed.data, caseId: metadata.caseId, instalmentId: metadata.instalmentId, arrangementId: typeof metadata.arrangementId === "string" ? metadata.arrangementId : null };
}

/** The instalment `instalmentId` of the case's plans, locked; NOT_FOUND when it is not the case's. */
async function lockInstalment(tx: Tx, kase: Case, instalmentId: string) {
  const [row] = await tx
    .select({ i: instalments })
    .from(instalments)
    .innerJoin(arrangements, eq(arrangements.id, instalments.arrangementId))
    .where(and(sql`${instalments.id}::text = ${instalmentId}`, eq(arrangements.caseId, kase.id)))
    .for("update", { of: instalments });
  if (!row) throw new DomainError("NOT_FOUND", "The instalment of this charge is not one of the case's.");
  return row.i;
}

/** The payment already booked for this payment intent: as its external id, or behind a checkout session. */
async function bookedFor(tx: Tx, providerName: string, kase: Case, paymentIntentId: string) {
  const direct = await findExisting(tx, providerName, paymentIntentId);
  if (direct) return direct;
  const [viaCheckout] = await tx
    .select({ p: payments })
    .from(auditEvents)
    .innerJoin(payments, sql`${payments.id}::text = ${auditEvents.entityId}`)
    .where(and(eq(auditEvents.caseId, kase.id), eq(auditEvents.action, "payment.recorded"), sql`${auditEvents.data}->>'paymentIntentId' = ${paymentIntentId}`))
    .limit(1);
  return viaCheckout?.p ?? null;
}

/** `payment_intent.succeeded` of an instalment charge: books the payment once, queues the receipt. */
export async function recordInstalmentCharge(ctx: Ctx, event: Stripe.Event, provider: Pick<PaymentProvider, "name">, portalUrl?: string): Promise<ProviderPaymentOutcome> {
  const charge = collectionOf(event.data.object);
  if (!charge) return { status: "ignored", reason: "not an instalment collection" };
  const { intent } = charge;
  if (intent.status !== "succeeded") return { status: "ignored", reason: `payment intent ${intent.status}` };
  const amountCents = intent.amount_received && intent.amount_received > 0 ? intent.amount_received : intent.amount;
  const { now, day } = clockOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const kase = await lockWorkableCase(tx, ctx, charge.caseId);
    const existing = await bookedFor(tx, provider.name, kase, intent.id);
    if (existing) return { status: "replayed", payment: await replayOf(tx, existing, kase) };
    if (intent.currency.toUpperCase() !== kase.currency) {
      throw new DomainError("CONFLICT", `The charge was made in ${intent.currency.toUpperCase()}, the case is in ${kase.currency}.`);
    }
    const line = await lockInstalment(tx, kase, charge.instalmentId);
    if (line.collectionError !== null) await tx.update(instalments).set({ collectionError: null }).where(eq(instalments.id, line.id));
    const payment = await bookPayment(tx, ctx, kase, {
      provider: provider.name,
      externalId: intent.id,
      amountCents,
      receivedOn: day,
      receivedAt: now,
      reference: null,
      payerName: null,
      auditData: { eventId: event.id, eventType: event.type, paymentIntentId: intent.id, instalmentId: line.id, arrangementId: charge.arrangementId, collection: "automatic" },
    });
    const receipt = await queuePaymentReceipt(tx, ctx, kase, { paymentId: payment.paymentId, amountCents: payment.amountCents, ...(portalUrl ? { portalUrl } : {}) });
    return { status: "recorded", payment, receiptMessageId: "messageId" in receipt ? receipt.messageId : null };
  });
}

/** The provider's reason for refusing a charge, as kept on the instalment. */
export function refusalText(code: string, message: string): string {
  return `${code}: ${message}`.slice(0, 500);
}

/**
 * Remembers, once per payment intent, that an instalment's charge was refused: the instalment keeps
 * its status (still due; the plan's missed-instalment follow-up runs as usual) and the charge is
 * tried again after the retry interval. Used by the webhook and by the worker's immediate refusals.
 */
export async function recordCollectionRefusal(
  tx: Tx,
  ctx: Ctx,
  kase: Case,
  refusal: { instalmentId: string; paymentIntentId: string | null; code: string; message: string; attempt?: number; eventId?: string },
): Promise<void> {
  const line = await lockInstalment(tx, kase, refusal.instalmentId);
  if (refusal.paymentIntentId) {
    const [seen] = await tx
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "instalment"), eq(auditEvents.entityId, line.id), eq(auditEvents.action, "instalment.collection_failed"), sql`${auditEvents.data}->>'paymentIntentId' = ${refusal.paymentIntentId}`))
      .limit(1);
    if (seen) return;
  }
  const text = refusalText(refusal.code, refusal.message);
  if (line.status !== "paid" && line.status !== "waived") await tx.update(instalments).set({ collectionError: text }).where(eq(instalments.id, line.id));
  await auditFor(tx, ctx, kase, clockOf(ctx).now).event("instalment.collection_failed", "instalment", line.id, {
    arrangementId: line.arrangementId,
    seq: line.seq,
    paymentIntentId: refusal.paymentIntentId,
    code: refusal.code,
    message: refusal.message,
    ...(refusal.attempt ? { attempt: refusal.attempt } : {}),
    ...(refusal.eventId ? { eventId: refusal.eventId } : {}),
  });
}

/** `payment_intent.payment_failed` of an instalment charge (a declined card, a bounced SEPA debit). */
export async function recordInstalmentChargeFailure(ctx: Ctx, event: Stripe.Event): Promise<ProviderPaymentOutcome> {
  const charge = collectionOf(event.data.object);
  if (!charge) return { status: "ignored", reason: "not an instalment collection" };
  const error = charge.intent.last_payment_error;
  await ctx.db.transaction(async (tx) => {
    const kase = await lockWorkableCase(tx, ctx, charge.caseId);
    await recordCollectionRefusal(tx, ctx, kase, {
      instalmentId: charge.instalmentId,
      paymentIntentId: charge.intent.id,
      code: error?.decline_code ?? error?.code ?? "payment_failed",
      message: error?.message ?? "The payment was refused.",
      eventId: event.id,
    });
  });
  return { status: "failed" };
}
