/**
 * Paying from the portal, end to end in core: the real Stripe SDK creating a Checkout Session over
 * HTTP that msw intercepts, and webhook deliveries signed the way Stripe signs them.
 */
import { auditEvents, cases, contactPoints, ledgerEntries, messages, paymentAllocations, payments, type Case } from "@recouvra/db";
import { seedDemo } from "@recouvra/db/seed";
import { useTestDb } from "@recouvra/db/testing";
import { isDomainError } from "@recouvra/domain";
import { and, eq, gt, inArray, ne, sql } from "drizzle-orm";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import Stripe from "stripe";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { systemActor, systemClock, type Actor, type Ctx } from "../context.ts";
import { dispatchOutbox } from "../messages/dispatch-outbox.ts";
import type { Transport } from "../messages/transport.ts";
import { completeDemoCheckout, getCheckout, getPaymentOptions, startCheckout } from "./checkout.ts";
import { demoProvider, stripeProvider, WebhookSignatureError } from "./provider.ts";
import { receiveProviderWebhook } from "./record-provider-payment.ts";

const t = useTestDb();
const WEBHOOK_SECRET = "whsec_test_recouvra";
const PORTAL = "http://portal.test";

/** What the intercepted Stripe API received. */
const created: URLSearchParams[] = [];
const server = setupServer(
  http.post("https://api.stripe.com/v1/checkout/sessions", async ({ request }) => {
    const form = new URLSearchParams(await request.text());
    created.push(form);
    const id = `cs_test_${created.length}_${Math.random().toString(36).slice(2, 10)}`;
    return HttpResponse.json({
      id,
      object: "checkout.session",
      mode: "payment",
      status: "open",
      payment_status: "unpaid",
      amount_total: Number(form.get("line_items[0][price_data][unit_amount]")),
      currency: form.get("line_items[0][price_data][currency]"),
      metadata: { caseId: form.get("metadata[caseId]") },
      url: `https://checkout.stripe.com/c/pay/${id}`,
    });
  }),
);

const stripe = new Stripe("sk_test_recouvra", { maxNetworkRetries: 0 });
const provider = stripeProvider({ secretKey: "sk_test_recouvra", webhookSecret: WEBHOOK_SECRET, stripe });

beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  await seedDemo(t.db, { today: new Date().toISOString().slice(0, 10) });
}, 60_000);
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const debtorOf = (kase: Case): Actor => ({ kind: "debtor", debtorId: kase.debtorId, caseIds: [kase.id] });
const ctxAs = (actor: Actor): Ctx => ({ db: t.db, clock: systemClock, actor });
const webhookCtx = () => ctxAs(systemActor("webhook:stripe"));

const used = new Set<string>();
/** An open seeded case of `jurisdiction`, with a balance, no hold, no plan, and an email on file. */
async function openCase(jurisdiction: "FR" | "BE" | "NL"): Promise<Case> {
  const rows = await t.db
    .select()
    .from(cases)
    .where(
      and(
        eq(cases.jurisdiction, jurisdiction),
        ne(cases.stage, "closed"),
        inArray(cases.stage, ["notified", "in_contact", "negotiating"]),
        gt(cases.balanceCents, 20_000),
        sql`cardinality(${cases.holds}) = 0`,
        sql`exists (select 1 from ${contactPoints} cp where cp.debtor_id = ${cases.debtorId} and cp.kind = 'email' and not cp.is_invalid and cp.opted_out_at is null)`,
      ),
    );
  const kase = rows.find((r) => !used.has(r.id));
  if (!kase) throw new Error(`no open ${jurisdiction} case left in the seed`);
  used.add(kase.id);
  return kase;
}

/** `kase` with collection costs and interest on its ledger (the WIK costs after the 14-day letter, statutory interest). */
async function withCostsAndInterest(kase: Case): Promise<Case> {
  const base = { caseId: kase.id, clientId: kase.clientId, currency: kase.currency, effectiveOn: new Date().toISOString().slice(0, 10) };
  await t.db.insert(ledgerEntries).values([
    { ...base, component: "costs", kind: "charged", amountCents: 4_000, description: "Collection costs (test)" },
    { ...base, component: "interest", kind: "accrued", amountCents: 1_500, description: "Statutory interest (test)" },
  ]);
  const [row] = await t.db.update(cases).set({ balanceCents: kase.balanceCents + 5_500 }).where(eq(cases.id, kase.id)).returning();
  return row!;
}

async function balancesOf(caseId: string) {
  const rows = await t.db
    .select({ component: ledgerEntries.component, cents: sql<string>`sum(${ledgerEntries.amountCents})` })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.caseId, caseId))
    .groupBy(ledgerEntries.component);
  return Object.fromEntries(rows.map((r) => [r.component, Number(r.cents)])) as Record<string, number>;
}

/** The event Stripe sends when a session is paid, and its `Stripe-Signature` header. */
function signedEvent(session: { id: string; caseId: string; amountCents: number; currency?: string; paymentStatus?: string }, type = "checkout.session.completed") {
  const payload = JSON.stringify({
    id: `evt_${session.id}_${type.length}`,
    object: "event",
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: {
      object: {
        id: session.id,
        object: "checkout.session",
        mode: "payment",
        status: "complete",
        payment_status: session.paymentStatus ?? "paid",
        amount_total: session.amountCents,
        currency: session.currency ?? "eur",
        client_reference_id: session.caseId,
        metadata: { caseId: session.caseId },
        payment_intent: `pi_${session.id}`,
        customer_details: { name: "Payer Name", email: "payer@example.test" },
      },
    },
  });
  return { payload, signature: stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }) };
}

async function errorOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describe("startCheckout", () => {
  it("creates a Stripe Checkout Session for the amount, with card, SEPA Direct Debit, Bancontact and iDEAL in euros, and remembers it", async () => {
    const kase = await openCase("FR");
    const before = created.length;
    const result = await startCheckout({ ctx: ctxAs(debtorOf(kase)), input: { caseId: kase.id, amountCents: 10_000, locale: "nl", portalUrl: PORTAL }, provider });
    expect(created.length).toBe(before + 1);
    const form = created.at(-1)!;
    expect(form.get("mode")).toBe("payment");
    expect(form.get("line_items[0][price_data][unit_amount]")).toBe("10000");
    expect(form.get("line_items[0][price_data][currency]")).toBe("eur");
    expect(form.get("line_items[0][price_data][product_data][name]")).toBe(`Betaling — dossier ${kase.reference}`);
    expect([0, 1, 2, 3].map((i) => form.get(`allowed_payment_method_types[${i}]`))).toEqual(["card", "sepa_debit", "bancontact", "ideal"]);
    expect(form.get("metadata[caseId]")).toBe(kase.id);
    expect(form.get("client_reference_id")).toBe(kase.id);
    expect(form.get("locale")).toBe("nl");
    expect(form.get("success_url")).toBe(`${PORTAL}/case/pay/done?session_id={CHECKOUT_SESSION_ID}`);
    expect(form.get("cancel_url")).toBe(`${PORTAL}/case/pay`);
    expect(form.get("customer_email")).toMatch(/@/);
    expect(result.url).toBe(`https://checkout.stripe.com/c/pay/${result.checkoutId}`);

    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, "checkout"), eq(auditEvents.entityId, result.checkoutId)));
    expect(event).toMatchObject({ action: "payment.checkout_started", actorKind: "debtor", actorId: kase.debtorId, caseId: kase.id });
    expect(event!.data).toMatchObject({ provider: "stripe", amountCents: 10_000, currency: "EUR", isFullBalance: false });
    const view = await getCheckout({ ctx: ctxAs(debtorOf(kase)), input: { caseId: kase.id, checkoutId: result.checkoutId } });
    expect(view).toMatchObject({ status: "confirming", amountCents: 10_000, paidCents: null, isCaseClosed: false });
  });

  it("refuses an amount above the balance, or below the minimum, before calling Stripe", async () => {
    const kase = await openCase("FR");
    const before = created.length;
    const above = await errorOf(() => startCheckout({ ctx: ctxAs(debtorOf(kase)), input: { caseId: kase.id, amountCents: kase.balanceCents + 1, portalUrl: PORTAL }, provider }));
    expect(isDomainError(above) && above.code).toBe("VALIDATION");
    expect(isDomainError(above) && above.field).toBe("amountCents");
    expect((above as Error).cause).toEqual({ reason: "above_balance", balanceCents: kase.balanceCents });
    const below = await errorOf(() => startCheckout({ ctx: ctxAs(debtorOf(kase)), input: { caseId: kase.id, amountCents: 499, portalUrl: PORTAL }, provider }));
    expect((below as Error).cause).toEqual({ reason: "below_minimum", minimumCents: 500 });
    expect(created.length).toBe(before);
  });

  it("answers NOT_FOUND for another debtor's case, a staff actor and a made-up id", async () => {
    const mine = await openCase("FR");
    const theirs = await openCase("FR");
    for (const [actor, caseId] of [
      [debtorOf(mine), theirs.id],
      [systemActor("test"), mine.id],
      [debtorOf(mine), "not-a-uuid"],
    ] as const) {
      const error = await errorOf(() => startCheckout({ ctx: ctxAs(actor), input: { caseId, amountCents: 10_000, portalUrl: PORTAL }, provider }));
      expect(isDomainError(error) && error.code).toBe("NOT_FOUND");
      const read = await errorOf(() => getPaymentOptions({ ctx: ctxAs(actor), input: { caseId } }));
      expect(isDomainError(read) && read.code).toBe("NOT_FOUND");
    }
  });
});

describe("the Stripe webhook", () => {
  it("records a full payment once when the event is delivered three times at once, closes the case as paid and queues the receipt", async () => {
    const kase = await openCase("FR");
    const { checkoutId } = await startCheckout({ ctx: ctxAs(debtorOf(kase)), input: { caseId: kase.id, amountCents: kase.balanceCents, portalUrl: PORTAL }, provider });
    const delivery = signedEvent({ id: checkoutId, caseId: kase.id, amountCents: kase.balanceCents });

    const outcomes = await Promise.all([1, 2, 3].map(() => receiveProviderWebhook({ ctx: webhookCtx(), input: delivery, provider })));
    expect(outcomes.map((o) => o.status).sort()).toEqual(["recorded", "replayed", "replayed"]);
    const again = await receiveProviderWebhook({ ctx: webhookCtx(), input: delivery, provider });
    expect(again.status).toBe("replayed");

    const rows = await t.db.select().from(payments).where(eq(payments.caseId, kase.id));
    const online = rows.filter((p) => p.provider === "stripe");
    expect(online).toHaveLength(1);
    expect(online[0]).toMatchObject({ externalId: checkoutId, amountCents: kase.balanceCents, currency: "EUR", payerName: "Payer Name" });
    const after = (await t.db.select().from(cases).where(eq(cases.id, kase.id)))[0]!;
    expect(after).toMatchObject({ stage: "closed", closureReason: "paid", balanceCents: 0 });
    expect(Object.values(await balancesOf(kase.id)).reduce((a, b) => a + b, 0)).toBe(0);

    const receipts = await t.db.select().from(messages).where(and(eq(messages.caseId, kase.id), eq(messages.template, "payment_receipt"), eq(messages.idempotencyKey, `receipt:${online[0]!.id}`)));
    expect(receipts).toHaveLength(1);
    expect(receipts[0]).toMatchObject({ channel: "email", status: "queued", direction: "outbound" });
    expect(receipts[0]!.body).toMatch(/\d/);

    // The case is closed now, which stops collection messages; the receipt still goes out.
    const sent: string[] = [];
    const transport: Transport = { provider: "test", send: (m) => (sent.push(m.id), Promise.resolve({ providerMessageId: `test-${m.id}` })) };
    for (let round = 0; round < 20 && !sent.includes(receipts[0]!.id); round++) {
      const r = await dispatchOutbox({ ctx: ctxAs(systemActor("worker")), input: { limit: 500 }, transport });
      if (r.claimed === 0) break;
    }
    const [dispatched] = await t.db.select().from(messages).where(eq(messages.id, receipts[0]!.id));
    expect(dispatched).toMatchObject({ status: "sent" });

    const recorded = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, online[0]!.id), eq(auditEvents.action, "payment.recorded")));
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.data).toMatchObject({ provider: "stripe", eventId: JSON.parse(delivery.payload).id, externalId: checkoutId });
    expect(recorded[0]!.actorKind).toBe("system");
    const closed = await t.db.select().from(auditEvents).where(and(eq(auditEvents.caseId, kase.id), eq(auditEvents.action, "case.case_closed")));
    expect(closed.length).toBeGreaterThanOrEqual(1);

    const view = await getCheckout({ ctx: ctxAs(debtorOf(kase)), input: { caseId: kase.id, checkoutId } });
    expect(view).toMatchObject({ status: "paid", paidCents: kase.balanceCents, balanceCents: 0, isCaseClosed: true });
  });

  it("allocates a part-payment in the Dutch order (costs, interest, principal), accrues the commission and keeps the case open", async () => {
    const kase = await withCostsAndInterest(await openCase("NL"));
    const before = await balancesOf(kase.id);
    const amount = before.costs! + before.interest! + 1_000;
    expect(amount).toBeLessThan(kase.balanceCents);
    const { checkoutId } = await startCheckout({ ctx: ctxAs(debtorOf(kase)), input: { caseId: kase.id, amountCents: amount, portalUrl: PORTAL }, provider });
    const outcome = await receiveProviderWebhook({ ctx: webhookCtx(), input: signedEvent({ id: checkoutId, caseId: kase.id, amountCents: amount }), provider });
    expect(outcome.status).toBe("recorded");
    if (outcome.status !== "recorded") return;
    expect(outcome.payment.allocation).toEqual([
      { component: "costs", amountCents: before.costs },
      { component: "interest", amountCents: before.interest },
      { component: "principal", amountCents: 1_000 },
    ]);
    const lines = await t.db.select().from(paymentAllocations).where(eq(paymentAllocations.paymentId, outcome.payment.paymentId));
    expect(lines.reduce((s, l) => s + l.amountCents, 0)).toBe(amount);
    const after = await balancesOf(kase.id);
    expect(after.costs).toBe(0);
    expect(after.interest).toBe(0);
    expect(after.principal).toBe(before.principal! - 1_000);
    const row = (await t.db.select().from(cases).where(eq(cases.id, kase.id)))[0]!;
    expect(row.stage).not.toBe("closed");
    expect(row.balanceCents).toBe(kase.balanceCents - amount);
    const [recorded] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, outcome.payment.paymentId), eq(auditEvents.action, "payment.recorded")));
    expect((recorded!.data as { feeAgreementId: string | null }).feeAgreementId).not.toBeNull();
    expect(outcome.payment.commission).not.toBeNull();
    expect(outcome.receiptMessageId).not.toBeNull();
  });

  it("refuses a delivery whose signature does not verify, and writes nothing", async () => {
    const kase = await openCase("FR");
    const good = signedEvent({ id: "cs_test_forged", caseId: kase.id, amountCents: kase.balanceCents });
    const forged = { payload: good.payload, signature: Stripe.webhooks.generateTestHeaderString({ payload: good.payload, secret: "whsec_someone_else" }) };
    const tampered = { payload: good.payload.replace(`"amount_total":${kase.balanceCents}`, '"amount_total":1'), signature: good.signature };
    for (const delivery of [forged, tampered, { payload: good.payload, signature: null }]) {
      const error = await errorOf(() => receiveProviderWebhook({ ctx: webhookCtx(), input: delivery, provider }));
      expect(error).toBeInstanceOf(WebhookSignatureError);
    }
    expect(await t.db.select().from(payments).where(eq(payments.externalId, "cs_test_forged"))).toHaveLength(0);
  });

  it("waits for SEPA Direct Debit to clear: a completed but unpaid session records nothing, async_payment_succeeded records it", async () => {
    const kase = await openCase("BE");
    const session = { id: "cs_test_sepa", caseId: kase.id, amountCents: 5_000 };
    const pending = await receiveProviderWebhook({ ctx: webhookCtx(), input: signedEvent({ ...session, paymentStatus: "unpaid" }), provider });
    expect(pending).toMatchObject({ status: "ignored" });
    expect(await t.db.select().from(payments).where(eq(payments.externalId, "cs_test_sepa"))).toHaveLength(0);
    const cleared = await receiveProviderWebhook({ ctx: webhookCtx(), input: signedEvent(session, "checkout.session.async_payment_succeeded"), provider });
    expect(cleared.status).toBe("recorded");
    const other = await receiveProviderWebhook({ ctx: webhookCtx(), input: signedEvent(session, "payment_intent.succeeded"), provider });
    expect(other).toMatchObject({ status: "ignored" });
  });

  it("tells the debtor when a SEPA Direct Debit bounces, and records no payment", async () => {
    const kase = await openCase("BE");
    const { checkoutId } = await startCheckout({ ctx: ctxAs(debtorOf(kase)), input: { caseId: kase.id, amountCents: 5_000, portalUrl: PORTAL }, provider });
    const session = { id: checkoutId, caseId: kase.id, amountCents: 5_000, paymentStatus: "unpaid" };
    const outcomes = await Promise.all([1, 2].map(() => receiveProviderWebhook({ ctx: webhookCtx(), input: signedEvent(session, "checkout.session.async_payment_failed"), provider })));
    expect(outcomes).toEqual([{ status: "failed" }, { status: "failed" }]);
    expect(await t.db.select().from(payments).where(eq(payments.externalId, checkoutId))).toHaveLength(0);
    expect(await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, checkoutId), eq(auditEvents.action, "payment.checkout_failed")))).toHaveLength(1);
    const view = await getCheckout({ ctx: ctxAs(debtorOf(kase)), input: { caseId: kase.id, checkoutId } });
    expect(view.status).toBe("failed");
  });

  it("is recorded by the system actor only", async () => {
    const kase = await openCase("FR");
    const error = await errorOf(() => receiveProviderWebhook({ ctx: ctxAs(debtorOf(kase)), input: signedEvent({ id: "cs_test_debtor", caseId: kase.id, amountCents: 5_000 }), provider }));
    expect(isDomainError(error) && error.code).toBe("FORBIDDEN");
  });
});

describe("the demo checkout", () => {
  it("sends the debtor to the portal's demo page, and its Pay goes through the same signed webhook path", async () => {
    const demo = demoProvider();
    const kase = await openCase("FR");
    const before = created.length;
    const { checkoutId, url } = await startCheckout({ ctx: ctxAs(debtorOf(kase)), input: { caseId: kase.id, amountCents: kase.balanceCents, portalUrl: PORTAL }, provider: demo });
    expect(created.length).toBe(before);
    expect(url).toBe(`${PORTAL}/case/pay/demo/${checkoutId}`);

    const stranger = await openCase("FR");
    const refused = await errorOf(() => completeDemoCheckout({ ctx: ctxAs(debtorOf(stranger)), input: { caseId: stranger.id, checkoutId }, provider: demo }));
    expect(isDomainError(refused) && refused.code).toBe("NOT_FOUND");

    const delivery = await completeDemoCheckout({ ctx: ctxAs(debtorOf(kase)), input: { caseId: kase.id, checkoutId }, provider: demo });
    expect(JSON.parse(delivery.payload)).toMatchObject({ type: "checkout.session.completed", data: { object: { id: checkoutId, amount_total: kase.balanceCents } } });
    // Signed with the demo's own secret: Stripe's secret does not verify it, and vice versa.
    expect(await errorOf(() => receiveProviderWebhook({ ctx: webhookCtx(), input: delivery, provider }))).toBeInstanceOf(WebhookSignatureError);
    const outcome = await receiveProviderWebhook({ ctx: webhookCtx(), input: delivery, provider: demo });
    expect(outcome.status).toBe("recorded");
    const twice = await receiveProviderWebhook({ ctx: webhookCtx(), input: await completeDemoCheckout({ ctx: ctxAs(debtorOf(kase)), input: { caseId: kase.id, checkoutId }, provider: demo }), provider: demo });
    expect(twice.status).toBe("replayed");
    const [payment] = await t.db.select().from(payments).where(and(eq(payments.provider, "demo"), eq(payments.externalId, checkoutId)));
    expect(payment).toMatchObject({ caseId: kase.id, amountCents: kase.balanceCents });
    expect((await t.db.select().from(cases).where(eq(cases.id, kase.id)))[0]).toMatchObject({ stage: "closed", closureReason: "paid" });
  });

  it("cannot pay a Stripe checkout through the demo page", async () => {
    const kase = await openCase("FR");
    const { checkoutId } = await startCheckout({ ctx: ctxAs(debtorOf(kase)), input: { caseId: kase.id, amountCents: 10_000, portalUrl: PORTAL }, provider });
    const error = await errorOf(() => completeDemoCheckout({ ctx: ctxAs(debtorOf(kase)), input: { caseId: kase.id, checkoutId }, provider: demoProvider() }));
    expect(isDomainError(error) && error.code).toBe("NOT_FOUND");
  });
});
