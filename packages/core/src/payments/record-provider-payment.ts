/**
 * Money taken by the payment provider, recorded from its signed webhook — never from the debtor's
 * return to the portal, which anyone can type. Stripe delivers at least once and retries for days, and
 * may deliver the same event twice at the same instant: the case row lock serialises deliveries, and
 * `payments (provider, external_id)` — the Checkout Session id — lets exactly one of them book it.
 *
 * The same endpoint also receives the events of automatic collection: a setup session completing
 * (the saved card or SEPA mandate, mandates.ts) and the outcome of an instalment charged to it
 * (record-instalment-charge.ts).
 */
import { auditEvents, type Case } from "@recouvra/db";
import { DomainError } from "@recouvra/domain";
import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import { z } from "zod";
import type { Ctx } from "../context.ts";
import { bookPayment, findExisting, replayOf, type RecordedPayment } from "../cases/actions/record-payment.ts";
import { auditFor, clockOf, lockWorkableCase } from "../cases/actions/shared.ts";
import { recordProviderMandate } from "./mandates.ts";
import type { PaymentProvider } from "./provider.ts";
import { queuePaymentReceipt } from "./receipt.ts";
import { recordInstalmentCharge, recordInstalmentChargeFailure } from "./record-instalment-charge.ts";

/** What became of a webhook event. */
export type ProviderPaymentOutcome =
  | { status: "recorded"; payment: RecordedPayment; receiptMessageId: string | null }
  | { status: "replayed"; payment: RecordedPayment }
  /** A SEPA Direct Debit that bounced, or an instalment charge refused: nothing was received. */
  | { status: "failed" }
  /** A setup session completed: the saved card or SEPA mandate is recorded (or was already). */
  | { status: "mandate_saved" | "mandate_replayed"; mandateId: string }
  /** Not a payment we record (another event type, a session still processing, not one of ours). */
  | { status: "ignored"; reason: string };

// A SEPA Direct Debit session completes unpaid ("processing") and is paid days later, announced by
// async_payment_succeeded; a card, Bancontact or iDEAL session completes paid.
const PAID_EVENTS = new Set(["checkout.session.completed", "checkout.session.async_payment_succeeded"]);
const FAILED_EVENT = "checkout.session.async_payment_failed";
// Charges of instalments to a saved method (automatic collection).
const CHARGE_SUCCEEDED = "payment_intent.succeeded";
const CHARGE_FAILED = "payment_intent.payment_failed";

const SessionSchema = z.object({
  id: z.string().min(1),
  object: z.literal("checkout.session"),
  amount_total: z.number().int().positive(),
  currency: z.string().length(3),
  payment_status: z.string(),
  metadata: z.record(z.string(), z.string()).nullish(),
  client_reference_id: z.string().nullish(),
  payment_intent: z.union([z.string(), z.object({ id: z.string() })]).nullish(),
  customer_details: z.object({ name: z.string().nullish() }).nullish(),
});

export const RecordProviderPaymentInputSchema = z.object({
  event: z.object({ id: z.string().min(1), type: z.string(), created: z.number(), data: z.object({ object: z.unknown() }) }),
  /** The portal's origin, for the link in the receipt. */
  portalUrl: z.string().url().optional(),
});

/** Records the payment a verified provider event announces, exactly once; other events are ignored. */
export async function recordProviderPayment({
  ctx,
  input,
  provider,
}: {
  ctx: Ctx;
  input: { event: Stripe.Event; portalUrl?: string };
  provider: Pick<PaymentProvider, "name" | "retrieveSavedMethod">;
}): Promise<ProviderPaymentOutcome> {
  if (ctx.actor.kind !== "system") throw new DomainError("FORBIDDEN", "Only the payment provider's webhook records online payments.");
  const parsed = RecordProviderPaymentInputSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("VALIDATION", "The webhook event is malformed.", { cause: parsed.error });
  const { portalUrl } = parsed.data;
  const event = input.event;
  if (event.type === CHARGE_SUCCEEDED) return recordInstalmentCharge(ctx, event, provider, portalUrl);
  if (event.type === CHARGE_FAILED) return recordInstalmentChargeFailure(ctx, event);
  if (!PAID_EVENTS.has(event.type) && event.type !== FAILED_EVENT) return { status: "ignored", reason: `event ${event.type}` };
  if (event.type === "checkout.session.completed" && (event.data.object as { mode?: unknown }).mode === "setup") return recordProviderMandate(ctx, event, provider);
  const session = SessionSchema.safeParse(event.data.object);
  if (!session.success) throw new DomainError("VALIDATION", "The checkout session in the event is malformed.", { cause: session.error });
  const s = session.data;
  const caseId = s.metadata?.caseId ?? s.client_reference_id ?? null;
  // Sessions opened by something else on the same Stripe account (another product) are not ours.
  if (!caseId) return { status: "ignored", reason: "no case in the session" };
  if (event.type === FAILED_EVENT) return recordFailure(ctx, caseId, provider.name, s.id, event.id);
  if (s.payment_status !== "paid") return { status: "ignored", reason: `session ${s.payment_status}` };

  const { now, day } = clockOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const kase: Case = await lockWorkableCase(tx, ctx, caseId);
    const paymentIntentId = typeof s.payment_intent === "string" ? s.payment_intent : (s.payment_intent?.id ?? null);
    // The session's payment intent is never booked on its own (only instalment charges are), but a
    // payment must not be booked twice under two ids even if one ever were.
    const existing = (await findExisting(tx, provider.name, s.id)) ?? (paymentIntentId ? await findExisting(tx, provider.name, paymentIntentId) : null);
    if (existing) return { status: "replayed", payment: await replayOf(tx, existing, kase) };
    if (s.currency.toUpperCase() !== kase.currency) {
      throw new DomainError("CONFLICT", `The session was paid in ${s.currency.toUpperCase()}, the case is in ${kase.currency}.`);
    }
    const payment = await bookPayment(tx, ctx, kase, {
      provider: provider.name,
      externalId: s.id,
      amountCents: s.amount_total,
      receivedOn: day,
      receivedAt: now,
      reference: null,
      payerName: s.customer_details?.name ?? null,
      auditData: {
        eventId: event.id,
        eventType: event.type,
        paymentIntentId,
      },
    });
    const receipt = await queuePaymentReceipt(tx, ctx, kase, { paymentId: payment.paymentId, amountCents: payment.amountCents, ...(portalUrl ? { portalUrl } : {}) });
    return { status: "recorded", payment, receiptMessageId: "messageId" in receipt ? receipt.messageId : null };
  });
}

/** Remembers (once) that the checkout's delayed payment failed, so the confirmation page can say so. */
async function recordFailure(ctx: Ctx, caseId: string, providerName: string, checkoutId: string, eventId: string): Promise<ProviderPaymentOutcome> {
  return ctx.db.transaction(async (tx) => {
    const kase = await lockWorkableCase(tx, ctx, caseId);
    const [seen] = await tx
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "checkout"), eq(auditEvents.entityId, checkoutId), eq(auditEvents.action, "payment.checkout_failed")))
      .limit(1);
    if (!seen) await auditFor(tx, ctx, kase, clockOf(ctx).now).event("payment.checkout_failed", "checkout", checkoutId, { provider: providerName, eventId });
    return { status: "failed" };
  });
}

/**
 * One webhook delivery, from Stripe or from the demo checkout: the signature is verified by the
 * provider, then the event is recorded. Throws `WebhookSignatureError` when it does not verify.
 */
export async function receiveProviderWebhook({
  ctx,
  input,
  provider,
}: {
  ctx: Ctx;
  input: { payload: string; signature: string | null; portalUrl?: string };
  provider: PaymentProvider;
}): Promise<ProviderPaymentOutcome> {
  const event = provider.verifyWebhook(input.payload, input.signature);
  return recordProviderPayment({ ctx, input: { event, ...(input.portalUrl ? { portalUrl: input.portalUrl } : {}) }, provider });
}
