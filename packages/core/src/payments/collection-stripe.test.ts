/**
 * Automatic collection through the real Stripe SDK: the setup-mode Checkout Session, the SetupIntent
 * read back for the saved method, and the off-session PaymentIntent, over HTTP that msw intercepts;
 * their outcomes arrive as webhook deliveries signed the way Stripe signs them.
 */
import { auditEvents, instalments, messages, paymentMandates, payments } from "@recouvra/db";
import { seedDemo } from "@recouvra/db/seed";
import { useTestDb } from "@recouvra/db/testing";
import { and, eq } from "drizzle-orm";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import Stripe from "stripe";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { systemActor, systemClock, today, type Actor, type Ctx } from "../context.ts";
import { startCheckout } from "./checkout.ts";
import { collectDueInstalments } from "./collect-instalments.ts";
import { startMandateSetup } from "./mandates.ts";
import { stripeProvider } from "./provider.ts";
import { receiveProviderWebhook } from "./record-provider-payment.ts";
import { debtorOf, openCases, withLivePlan } from "./test-plans.ts";

const t = useTestDb();
const DAY = today(systemClock);
const SECRET = "whsec_test_collection";
const PORTAL = "http://portal.test";
const nextCase = openCases(() => t.db);

/** What the intercepted Stripe API received. */
const sessions: URLSearchParams[] = [];
const setupReads: URL[] = [];
const charges: { form: URLSearchParams; idempotencyKey: string | null }[] = [];

/** Saved methods Stripe "holds", by setup intent id. */
const savedMethods: Record<string, { id: string; type: "card" | "sepa_debit"; customer: string }> = {
  seti_card: { id: "pm_card_visa", type: "card", customer: "cus_card" },
  seti_sepa: { id: "pm_sepa_de", type: "sepa_debit", customer: "cus_sepa" },
  seti_declining: { id: "pm_card_declining", type: "card", customer: "cus_declining" },
};

const server = setupServer(
  http.post("https://api.stripe.com/v1/checkout/sessions", async ({ request }) => {
    const form = new URLSearchParams(await request.text());
    sessions.push(form);
    const id = `cs_test_setup_${sessions.length}`;
    return HttpResponse.json({ id, object: "checkout.session", mode: form.get("mode"), status: "open", url: `https://checkout.stripe.com/c/pay/${id}`, metadata: {} });
  }),
  http.get("https://api.stripe.com/v1/setup_intents/:id", ({ request, params }) => {
    setupReads.push(new URL(request.url));
    const saved = savedMethods[String(params.id)];
    if (!saved) return HttpResponse.json({ error: { type: "invalid_request_error", message: "No such setupintent" } }, { status: 404 });
    const paymentMethod =
      saved.type === "card"
        ? { id: saved.id, object: "payment_method", type: "card", card: { brand: "visa", display_brand: "visa", last4: "4242", exp_month: 12, exp_year: 2030 } }
        : { id: saved.id, object: "payment_method", type: "sepa_debit", sepa_debit: { country: "DE", last4: "3000", bank_code: "37040044" } };
    return HttpResponse.json({ id: params.id, object: "setup_intent", status: "succeeded", customer: saved.customer, payment_method: paymentMethod, mandate: saved.type === "sepa_debit" ? "mandate_1" : null });
  }),
  http.post("https://api.stripe.com/v1/payment_intents", async ({ request }) => {
    const form = new URLSearchParams(await request.text());
    charges.push({ form, idempotencyKey: request.headers.get("idempotency-key") });
    const id = `pi_test_${charges.length}`;
    const intent = { id, object: "payment_intent", amount: Number(form.get("amount")), currency: form.get("currency"), metadata: {} };
    if (form.get("payment_method") === "pm_card_declining") {
      return HttpResponse.json(
        { error: { type: "card_error", code: "card_declined", decline_code: "insufficient_funds", message: "Your card has insufficient funds.", payment_intent: { ...intent, status: "requires_payment_method" } } },
        { status: 402 },
      );
    }
    return HttpResponse.json({ ...intent, status: form.get("allowed_payment_method_types[0]") === "sepa_debit" ? "processing" : "succeeded" });
  }),
);

const stripe = new Stripe("sk_test_collection", { maxNetworkRetries: 0 });
const provider = stripeProvider({ secretKey: "sk_test_collection", webhookSecret: SECRET, stripe });

beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  await seedDemo(t.db, { today: DAY });
}, 60_000);
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const ctxAs = (actor: Actor): Ctx => ({ db: t.db, clock: systemClock, actor });
const webhook = () => ctxAs(systemActor("webhook:stripe"));
const worker = () => ctxAs(systemActor("worker"));

/** A delivery of `type` about `object`, signed with the endpoint secret as Stripe signs it. */
function signed(type: string, object: Record<string, unknown>, eventId = `evt_${type}_${String(object.id)}`) {
  const payload = JSON.stringify({ id: eventId, object: "event", api_version: Stripe.API_VERSION, created: Math.floor(Date.now() / 1000), livemode: false, pending_webhooks: 1, type, data: { object } });
  return { payload, signature: stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET }) };
}

const setupCompleted = (session: { id: string; caseId: string; arrangementId: string; setupIntent: string; customer: string | null }) =>
  signed("checkout.session.completed", {
    id: session.id,
    object: "checkout.session",
    mode: "setup",
    status: "complete",
    payment_status: "no_payment_required",
    amount_total: null,
    currency: "eur",
    customer: session.customer,
    setup_intent: session.setupIntent,
    client_reference_id: session.caseId,
    metadata: { caseId: session.caseId, arrangementId: session.arrangementId },
  });

const intentEvent = (type: string, intent: { id: string; caseId: string; arrangementId?: string; instalmentId?: string; amountCents: number; status: string; error?: object }) =>
  signed(type, {
    id: intent.id,
    object: "payment_intent",
    amount: intent.amountCents,
    amount_received: intent.status === "succeeded" ? intent.amountCents : 0,
    currency: "eur",
    status: intent.status,
    metadata: { caseId: intent.caseId, ...(intent.arrangementId ? { arrangementId: intent.arrangementId } : {}), ...(intent.instalmentId ? { instalmentId: intent.instalmentId } : {}) },
    last_payment_error: intent.error ?? null,
  });

const mandatesOf = (caseId: string) => t.db.select().from(paymentMandates).where(eq(paymentMandates.caseId, caseId));
const stripePaymentsOf = (caseId: string) => t.db.select().from(payments).where(and(eq(payments.caseId, caseId), eq(payments.provider, "stripe")));

/** A case with a running plan and a saved method (recorded from the signed setup event). */
async function caseWithSavedMethod(setupIntent: keyof typeof savedMethods, lines: { days: number; amountCents: number }[]) {
  const kase = await nextCase();
  const plan = await withLivePlan(t.db, kase, DAY, lines);
  const { setupId } = await startMandateSetup({ ctx: ctxAs(debtorOf(kase)), input: { caseId: kase.id, portalUrl: PORTAL }, provider });
  const outcome = await receiveProviderWebhook({ ctx: webhook(), input: setupCompleted({ id: setupId, caseId: kase.id, arrangementId: plan.arrangementId, setupIntent, customer: savedMethods[setupIntent]!.customer }), provider });
  expect(outcome.status).toBe("mandate_saved");
  return { kase, plan, setupId };
}

describe("saving a method through Stripe Checkout in setup mode", () => {
  it("creates a setup-mode session for card and SEPA Direct Debit, with the case and the plan in its metadata", async () => {
    const kase = await nextCase();
    const plan = await withLivePlan(t.db, kase, DAY, [{ days: 7, amountCents: 20_000 }]);
    const before = sessions.length;
    const result = await startMandateSetup({ ctx: ctxAs(debtorOf(kase)), input: { caseId: kase.id, locale: "nl", portalUrl: PORTAL }, provider });
    expect(sessions.length).toBe(before + 1);
    const form = sessions.at(-1)!;
    expect(form.get("mode")).toBe("setup");
    expect(form.get("currency")).toBe("eur");
    expect([form.get("allowed_payment_method_types[0]"), form.get("allowed_payment_method_types[1]"), form.get("allowed_payment_method_types[2]")]).toEqual(["card", "sepa_debit", null]);
    expect(form.get("customer_creation")).toBe("always");
    expect(form.get("customer")).toBeNull();
    expect(form.get("customer_email")).toMatch(/@/);
    expect(form.get("metadata[caseId]")).toBe(kase.id);
    expect(form.get("metadata[arrangementId]")).toBe(plan.arrangementId);
    expect(form.get("setup_intent_data[metadata][arrangementId]")).toBe(plan.arrangementId);
    expect(form.get("client_reference_id")).toBe(kase.id);
    expect(form.get("locale")).toBe("nl");
    expect(form.get("success_url")).toBe(`${PORTAL}/case/pay/automatic?session_id={CHECKOUT_SESSION_ID}`);
    expect(form.get("cancel_url")).toBe(`${PORTAL}/case/pay`);
    expect(form.get("line_items[0][price_data][unit_amount]")).toBeNull();
    expect(result.url).toBe(`https://checkout.stripe.com/c/pay/${result.setupId}`);
  });

  it("records the card the SetupIntent saved, once for three deliveries, and a second setup reuses the Stripe customer", async () => {
    const kase = await nextCase();
    const plan = await withLivePlan(t.db, kase, DAY, [{ days: 7, amountCents: 20_000 }]);
    const { setupId } = await startMandateSetup({ ctx: ctxAs(debtorOf(kase)), input: { caseId: kase.id, portalUrl: PORTAL }, provider });
    const delivery = setupCompleted({ id: setupId, caseId: kase.id, arrangementId: plan.arrangementId, setupIntent: "seti_card", customer: "cus_card" });
    const readsBefore = setupReads.length;
    const outcomes = await Promise.all([1, 2, 3].map(() => receiveProviderWebhook({ ctx: webhook(), input: delivery, provider })));
    expect(outcomes.map((o) => o.status).sort()).toEqual(["mandate_replayed", "mandate_replayed", "mandate_saved"]);
    expect(setupReads.length).toBeGreaterThan(readsBefore);
    expect(setupReads.at(-1)!.pathname).toBe("/v1/setup_intents/seti_card");
    expect(setupReads.at(-1)!.searchParams.get("expand[0]")).toBe("payment_method");
    const rows = await mandatesOf(kase.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ provider: "stripe", method: "card", label: "Visa •••• 4242", providerSetupId: setupId, providerCustomerId: "cus_card", providerPaymentMethodId: "pm_card_visa", status: "active" });

    await startMandateSetup({ ctx: ctxAs(debtorOf(kase)), input: { caseId: kase.id, portalUrl: PORTAL }, provider });
    const form = sessions.at(-1)!;
    expect(form.get("customer")).toBe("cus_card");
    expect(form.get("customer_creation")).toBeNull();
    expect(form.get("customer_email")).toBeNull();
  });

  it("labels a SEPA Direct Debit mandate by the bank's country and the IBAN's last digits", async () => {
    const { kase } = await caseWithSavedMethod("seti_sepa", [{ days: 7, amountCents: 20_000 }]);
    expect((await mandatesOf(kase.id))[0]).toMatchObject({ method: "sepa_debit", label: "SEPA DE •••• 3000", providerPaymentMethodId: "pm_sepa_de" });
  });

  it("refuses a setup naming another case's plan", async () => {
    const mine = await nextCase();
    await withLivePlan(t.db, mine, DAY, [{ days: 7, amountCents: 20_000 }]);
    const theirs = await nextCase();
    const theirPlan = await withLivePlan(t.db, theirs, DAY, [{ days: 7, amountCents: 20_000 }]);
    const outcome = await receiveProviderWebhook({ ctx: webhook(), input: setupCompleted({ id: "cs_test_crossed", caseId: mine.id, arrangementId: theirPlan.arrangementId, setupIntent: "seti_card", customer: null }), provider });
    expect(outcome.status).toBe("ignored");
    expect(await mandatesOf(mine.id)).toHaveLength(0);
    expect(await mandatesOf(theirs.id)).toHaveLength(0);
  });
});

describe("charging an instalment off-session", () => {
  it("sends Stripe the amount, the saved method, off_session and confirm, the case's metadata and the idempotency key; books only from the signed event", async () => {
    const { kase, plan } = await caseWithSavedMethod("seti_card", [{ days: -2, amountCents: 21_000 }, { days: 28, amountCents: 21_000 }]);
    const [due] = plan.instalments;
    await collectDueInstalments({ ctx: worker(), provider });
    const mine = charges.filter((c) => c.form.get("metadata[instalmentId]") === due!.id);
    expect(mine).toHaveLength(1);
    const { form, idempotencyKey } = mine[0]!;
    expect(idempotencyKey).toBe(`instalment:${due!.id}:1`);
    expect(form.get("amount")).toBe("21000");
    expect(form.get("currency")).toBe("eur");
    expect(form.get("customer")).toBe("cus_card");
    expect(form.get("payment_method")).toBe("pm_card_visa");
    expect(form.get("off_session")).toBe("true");
    expect(form.get("confirm")).toBe("true");
    expect(form.get("allowed_payment_method_types[0]")).toBe("card");
    expect(form.get("metadata[caseId]")).toBe(kase.id);
    expect(form.get("metadata[arrangementId]")).toBe(plan.arrangementId);
    // Stripe said "succeeded", but nothing is booked before the signed event.
    expect(await stripePaymentsOf(kase.id)).toHaveLength(0);
    const paymentIntentId = `pi_test_${charges.indexOf(mine[0]!) + 1}`;
    const [submitted] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, due!.id), eq(auditEvents.action, "instalment.collection_submitted")));
    expect(submitted!.data).toMatchObject({ paymentIntentId, providerStatus: "succeeded", attempt: 1 });

    // Running again the same day asks nothing more.
    await collectDueInstalments({ ctx: worker(), provider });
    expect(charges.filter((c) => c.form.get("metadata[instalmentId]") === due!.id)).toHaveLength(1);

    const event = intentEvent("payment_intent.succeeded", { id: paymentIntentId, caseId: kase.id, arrangementId: plan.arrangementId, instalmentId: due!.id, amountCents: 21_000, status: "succeeded" });
    const outcomes = await Promise.all([1, 2].map(() => receiveProviderWebhook({ ctx: webhook(), input: event, provider })));
    expect(outcomes.map((o) => o.status).sort()).toEqual(["recorded", "replayed"]);
    const booked = await stripePaymentsOf(kase.id);
    expect(booked).toHaveLength(1);
    expect(booked[0]).toMatchObject({ externalId: paymentIntentId, amountCents: 21_000 });
    const [line] = await t.db.select().from(instalments).where(eq(instalments.id, due!.id));
    expect(line).toMatchObject({ status: "paid", paidCents: 21_000 });
    const receipts = await t.db.select().from(messages).where(and(eq(messages.caseId, kase.id), eq(messages.idempotencyKey, `receipt:${booked[0]!.id}`)));
    expect(receipts).toHaveLength(1);
    const [recorded] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, booked[0]!.id), eq(auditEvents.action, "payment.recorded")));
    expect(recorded!.data).toMatchObject({ eventId: JSON.parse(event.payload).id, paymentIntentId, instalmentId: due!.id, collection: "automatic" });
    expect((recorded!.data as { commissionCents: number | null }).commissionCents).not.toBeNull();
  });

  it("keeps a declined card's reason on the instalment, which stays due; the failure event for the same intent adds nothing", async () => {
    const { kase, plan } = await caseWithSavedMethod("seti_declining", [{ days: 0, amountCents: 16_000 }]);
    const [due] = plan.instalments;
    const result = await collectDueInstalments({ ctx: worker(), provider });
    expect(result.refused).toBeGreaterThanOrEqual(1);
    const sent = charges.filter((c) => c.form.get("metadata[instalmentId]") === due!.id);
    expect(sent).toHaveLength(1);
    const [line] = await t.db.select().from(instalments).where(eq(instalments.id, due!.id));
    expect(line).toMatchObject({ status: "scheduled", paidCents: 0, collectionError: "insufficient_funds: Your card has insufficient funds." });
    const failures = () => t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, due!.id), eq(auditEvents.action, "instalment.collection_failed")));
    const [failure] = await failures();
    const paymentIntentId = `pi_test_${charges.indexOf(sent[0]!) + 1}`;
    expect(failure!.data).toMatchObject({ paymentIntentId, code: "insufficient_funds", attempt: 1 });

    const event = intentEvent("payment_intent.payment_failed", { id: paymentIntentId, caseId: kase.id, instalmentId: due!.id, amountCents: 16_000, status: "requires_payment_method", error: { code: "card_declined", decline_code: "insufficient_funds", message: "Your card has insufficient funds." } });
    expect(await receiveProviderWebhook({ ctx: webhook(), input: event, provider })).toEqual({ status: "failed" });
    expect(await failures()).toHaveLength(1);
    expect(await stripePaymentsOf(kase.id)).toHaveLength(0);
  });

  it("waits for a SEPA debit to clear, and keeps the bank's refusal when it bounces", async () => {
    const { kase, plan } = await caseWithSavedMethod("seti_sepa", [{ days: -1, amountCents: 19_000 }]);
    const [due] = plan.instalments;
    await collectDueInstalments({ ctx: worker(), provider });
    const sent = charges.filter((c) => c.form.get("metadata[instalmentId]") === due!.id);
    expect(sent.map((c) => c.form.get("allowed_payment_method_types[0]"))).toEqual(["sepa_debit"]);
    const paymentIntentId = `pi_test_${charges.indexOf(sent[0]!) + 1}`;
    // Processing: not asked again, however often the run goes.
    await collectDueInstalments({ ctx: worker(), provider });
    expect(charges.filter((c) => c.form.get("metadata[instalmentId]") === due!.id)).toHaveLength(1);

    const bounced = intentEvent("payment_intent.payment_failed", { id: paymentIntentId, caseId: kase.id, instalmentId: due!.id, amountCents: 19_000, status: "requires_payment_method", error: { code: "insufficient_funds", message: "The account has insufficient funds." } });
    expect(await receiveProviderWebhook({ ctx: webhook(), input: bounced, provider })).toEqual({ status: "failed" });
    expect(await receiveProviderWebhook({ ctx: webhook(), input: bounced, provider })).toEqual({ status: "failed" });
    const [line] = await t.db.select().from(instalments).where(eq(instalments.id, due!.id));
    expect(line).toMatchObject({ status: "scheduled", collectionError: "insufficient_funds: The account has insufficient funds." });
    expect(await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, due!.id), eq(auditEvents.action, "instalment.collection_failed")))).toHaveLength(1);
  });

  it("never books a portal checkout twice through its payment intent", async () => {
    const kase = await nextCase();
    const plan = await withLivePlan(t.db, kase, DAY, [{ days: 3, amountCents: 20_000 }]);
    const { checkoutId } = await startCheckout({ ctx: ctxAs(debtorOf(kase)), input: { caseId: kase.id, amountCents: 20_000, portalUrl: PORTAL }, provider });
    const paid = signed("checkout.session.completed", {
      id: checkoutId,
      object: "checkout.session",
      mode: "payment",
      status: "complete",
      payment_status: "paid",
      amount_total: 20_000,
      currency: "eur",
      metadata: { caseId: kase.id },
      payment_intent: "pi_of_the_checkout",
      customer_details: { name: null },
    });
    expect((await receiveProviderWebhook({ ctx: webhook(), input: paid, provider })).status).toBe("recorded");
    // Stripe also announces the session's own payment intent; it carries the checkout's metadata only.
    const own = intentEvent("payment_intent.succeeded", { id: "pi_of_the_checkout", caseId: kase.id, amountCents: 20_000, status: "succeeded" });
    expect(await receiveProviderWebhook({ ctx: webhook(), input: own, provider })).toMatchObject({ status: "ignored" });
    // Even one naming an instalment is recognised as the payment already booked under the session.
    const named = intentEvent("payment_intent.succeeded", { id: "pi_of_the_checkout", caseId: kase.id, instalmentId: plan.instalments[0]!.id, amountCents: 20_000, status: "succeeded" });
    expect(await receiveProviderWebhook({ ctx: webhook(), input: named, provider })).toMatchObject({ status: "replayed" });
    const booked = await stripePaymentsOf(kase.id);
    expect(booked).toHaveLength(1);
    expect(booked[0]!.externalId).toBe(checkoutId);
  });
});
