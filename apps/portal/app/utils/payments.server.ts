/**
 * Glue between the payment routes and their use-cases: which provider takes the money (Stripe when a
 * key is set, the demo checkout otherwise), the pay form's parsing and its errors, the demo "Pay",
 * and the webhook that records payments; automatic collection of a plan's instalments (saving a card
 * or SEPA mandate, the demo setup page, stopping it). Every route here answers for one signed-in
 * debtor only.
 */
import { data, redirect } from "@remix-run/node";
import {
  amountRefusalOf,
  completeDemoCheckout,
  completeDemoMandateSetup,
  DEMO_SAVED_METHODS,
  demoProvider,
  getAutomaticCollection,
  getCheckout,
  getMandateSetup,
  getPaymentOptions,
  receiveProviderWebhook,
  revokeMandate,
  startCheckout,
  startMandateSetup,
  stripeProvider,
  systemActor,
  WebhookSignatureError,
  type DemoPaymentProvider,
  type PaymentProvider,
} from "@recouvra/core";
import { isDomainError, MANDATE_METHODS, parseAmount, type MandateMethod } from "@recouvra/domain";
import { createContext } from "./context.server.ts";
import { env } from "./env.server.ts";
import { requireDebtorSession } from "./session.server.ts";

// A debtor's money matters are theirs alone: never kept by a shared cache or the back/forward cache.
const PRIVATE_HEADERS = { "Cache-Control": "private, no-store", Vary: "Cookie" };

// Kept on globalThis: the demo's per-process signing secret must survive Vite's module reloads, or a
// checkout opened before an edit could no longer be paid after it.
const globalForPayments = globalThis as typeof globalThis & { __recouvraPaymentProvider?: PaymentProvider };

/** The provider of this process: Stripe with STRIPE_SECRET_KEY, the offline demo checkout without. */
export function paymentProvider(): PaymentProvider {
  globalForPayments.__recouvraPaymentProvider ??= env.STRIPE_SECRET_KEY
    ? stripeProvider({ secretKey: env.STRIPE_SECRET_KEY, webhookSecret: env.STRIPE_WEBHOOK_SECRET! })
    : demoProvider(env.STRIPE_WEBHOOK_SECRET ? { webhookSecret: env.STRIPE_WEBHOOK_SECRET } : {});
  return globalForPayments.__recouvraPaymentProvider;
}

function demoOnly(): DemoPaymentProvider {
  const provider = paymentProvider();
  // With Stripe configured the demo pages do not exist, so nobody can "pay" without paying.
  if (provider.name !== "demo") throw new Response("Not found", { status: 404, headers: PRIVATE_HEADERS });
  return provider as DemoPaymentProvider;
}

/** NOT_FOUND (and a malformed id) become the same 404 as an address that names nothing. */
async function orNotFound<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isDomainError(error) && (error.code === "NOT_FOUND" || error.code === "VALIDATION")) throw new Response("Not found", { status: 404, headers: PRIVATE_HEADERS });
    throw error;
  }
}

const originOf = (request: Request) => new URL(request.url).origin;

/** The pay page: the next instalment, the balance, the smallest part-payment, the methods, automatic collection, and whether this is the demo. */
export async function loadPayPage(request: Request) {
  const { ctx, caseId } = await requireDebtorSession(request);
  const options = await orNotFound(() => getPaymentOptions({ ctx, input: { caseId } }));
  // Set by the redirect after "Stop automatic collection", to confirm it on the page.
  const isCollectionStopped = new URL(request.url).searchParams.get("automatic") === "stopped";
  return data({ options, isDemo: paymentProvider().name === "demo", isCollectionStopped }, { headers: PRIVATE_HEADERS });
}

/** Why the pay form was sent back, for the page to word in its language. */
export type PayFormError =
  | { field: "amount"; kind: "amountMissing" | "amountInvalid" }
  | { field: "amount"; kind: "belowMinimum"; minimumCents: number }
  | { field: "amount"; kind: "aboveBalance"; balanceCents: number }
  | { field: null; kind: "nothingDue" | "unavailable" | "instalmentSettled" };

/** What the pay form sent back: the error, and what the debtor had typed. */
export interface PayFormReply {
  error: PayFormError;
  choice: "instalment" | "full" | "other";
  amount: string;
}

const choiceOf = (value: FormDataEntryValue | null): PayFormReply["choice"] => (value === "other" ? "other" : value === "instalment" ? "instalment" : "full");

/** The pay form's POST: the amount chosen, then off to the checkout (Stripe's page or the demo's). */
export async function submitPayment(request: Request) {
  const { ctx, caseId, locale } = await requireDebtorSession(request);
  const form = await request.formData();
  const choice = choiceOf(form.get("choice"));
  const typed = String(form.get("amount") ?? "").trim();
  const reply = (error: PayFormError, status = 400) => data<PayFormReply>({ error, choice, amount: typed }, { status, headers: PRIVATE_HEADERS });

  const options = await orNotFound(() => getPaymentOptions({ ctx, input: { caseId } }));
  if (!options.canPay) return reply({ field: null, kind: "nothingDue" }, 409);
  let amountCents = options.balanceCents;
  if (choice === "instalment") {
    // The amount is the server's, never the form's: what is due now on the plan.
    if (!options.nextInstalment) return reply({ field: null, kind: "instalmentSettled" }, 409);
    amountCents = options.nextInstalment.amountCents;
  }
  if (choice === "other") {
    if (!typed) return reply({ field: "amount", kind: "amountMissing" });
    const parsed = parseAmount(typed);
    if (!parsed.ok || (parsed.currency && parsed.currency !== options.currency)) return reply({ field: "amount", kind: "amountInvalid" });
    amountCents = parsed.cents;
  }
  try {
    const checkout = await startCheckout({ ctx, input: { caseId, amountCents, locale, portalUrl: originOf(request) }, provider: paymentProvider() });
    return redirect(checkout.url, { headers: PRIVATE_HEADERS });
  } catch (error) {
    const refusal = amountRefusalOf(error);
    if (refusal?.reason === "below_minimum") return reply({ field: "amount", kind: "belowMinimum", minimumCents: refusal.minimumCents });
    if (refusal?.reason === "above_balance") return reply({ field: "amount", kind: "aboveBalance", balanceCents: refusal.balanceCents });
    if (refusal?.reason === "nothing_due") return reply({ field: null, kind: "nothingDue" }, 409);
    if (refusal?.reason === "not_whole_cents") return reply({ field: "amount", kind: "amountInvalid" });
    if (isDomainError(error)) throw error;
    // Stripe unreachable or refusing: nothing was charged, and the debtor can simply try again.
    console.error("Starting a checkout failed", error);
    return reply({ field: null, kind: "unavailable" }, 503);
  }
}

/** The demo checkout page's checkout; a paid one goes straight to the confirmation. */
export async function loadDemoCheckout(request: Request, checkoutId: string) {
  demoOnly();
  const { ctx, caseId } = await requireDebtorSession(request);
  const checkout = await orNotFound(() => getCheckout({ ctx, input: { caseId, checkoutId } }));
  if (checkout.provider !== "demo") throw new Response("Not found", { status: 404, headers: PRIVATE_HEADERS });
  if (checkout.status === "paid") throw redirect(donePath(checkoutId), { headers: PRIVATE_HEADERS });
  return data({ checkout }, { headers: PRIVATE_HEADERS });
}

const donePath = (checkoutId: string) => `/case/pay/done?session_id=${encodeURIComponent(checkoutId)}`;

/**
 * The demo's "Pay": plays Stripe's part by producing the signed `checkout.session.completed` delivery
 * and handing it to the same code path as the real webhook, then shows the confirmation page.
 */
export async function payDemoCheckout(request: Request, checkoutId: string) {
  const provider = demoOnly();
  const { ctx, caseId } = await requireDebtorSession(request);
  const delivery = await orNotFound(() => completeDemoCheckout({ ctx, input: { caseId, checkoutId }, provider }));
  await receiveWebhook(delivery.payload, delivery.signature, originOf(request));
  return redirect(donePath(checkoutId), { headers: PRIVATE_HEADERS });
}

/** The confirmation page: "we are confirming" until the webhook has recorded the payment. */
export async function loadPaymentDone(request: Request) {
  const { ctx, caseId } = await requireDebtorSession(request);
  const checkoutId = new URL(request.url).searchParams.get("session_id") ?? "";
  const checkout = await orNotFound(() => getCheckout({ ctx, input: { caseId, checkoutId } }));
  return data({ checkout }, { headers: PRIVATE_HEADERS });
}

/** The one code path a signed delivery takes, from Stripe's servers or the demo page. */
async function receiveWebhook(payload: string, signature: string | null, portalUrl: string) {
  const ctx = await createContext(systemActor("webhook:stripe"));
  return receiveProviderWebhook({ ctx, input: { payload, signature, portalUrl }, provider: paymentProvider() });
}

/**
 * POST /webhooks/stripe. 2xx tells Stripe to stop retrying: only once the payment is recorded (or the
 * event is one we do not record). A bad signature is refused without reading the body any further.
 */
export async function handleStripeWebhook(request: Request): Promise<Response> {
  if (request.method !== "POST") return new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });
  // The signature covers the exact bytes Stripe sent: read the raw text, never a re-serialised body.
  const payload = await request.text();
  try {
    const outcome = await receiveWebhook(payload, request.headers.get("stripe-signature"), originOf(request));
    return Response.json({ received: true, status: outcome.status });
  } catch (error) {
    if (error instanceof WebhookSignatureError) return Response.json({ error: "invalid signature" }, { status: 400 });
    // A refused event (unknown case, wrong currency) stays failed on Stripe's dashboard, where it is retried and seen.
    if (isDomainError(error)) return Response.json({ error: error.code, message: error.message }, { status: 422 });
    throw error;
  }
}

/** Why the automatic-collection form was sent back. */
export type AutomaticFormError = { kind: "noPlan" | "nothingDue" | "unavailable" } | { kind: "methodInvalid" };

/** Where "stop" may send the debtor back to: a page of their own file, never another site. */
function returnPathOf(value: FormDataEntryValue | null): string {
  const path = typeof value === "string" ? value : "";
  return /^\/case(\/[a-z0-9-]+)*$/.test(path) ? path : "/case/pay";
}

/**
 * POST /case/pay/automatic. `intent=start`: off to the provider's page to save a card or sign a SEPA
 * mandate (or the demo's); `intent=stop`: automatic collection ends, back to `returnTo` (a page of
 * the file, /case/pay by default) with `?automatic=stopped`.
 */
export async function submitAutomaticCollection(request: Request) {
  const { ctx, caseId, locale } = await requireDebtorSession(request);
  const form = await request.formData();
  const reply = (error: AutomaticFormError, status: number) => data({ error }, { status, headers: PRIVATE_HEADERS });
  if (form.get("intent") === "stop") {
    await orNotFound(() => revokeMandate({ ctx, input: { caseId } }));
    return redirect(`${returnPathOf(form.get("returnTo"))}?automatic=stopped`, { headers: PRIVATE_HEADERS });
  }
  try {
    const setup = await startMandateSetup({ ctx, input: { caseId, locale, portalUrl: originOf(request) }, provider: paymentProvider() });
    return redirect(setup.url, { headers: PRIVATE_HEADERS });
  } catch (error) {
    if (isDomainError(error) && error.code === "PRECONDITION_FAILED") return reply({ kind: "noPlan" }, 409);
    if (isDomainError(error) && error.code === "CONFLICT") return reply({ kind: "nothingDue" }, 409);
    if (isDomainError(error)) return orNotFound(() => Promise.reject(error));
    console.error("Starting a mandate setup failed", error);
    return reply({ kind: "unavailable" }, 503);
  }
}

/**
 * GET /case/pay/automatic: automatic collection on the debtor's file and, back from the provider
 * (`?session_id=`), what became of the setup — "confirming" until the webhook has recorded it.
 */
export async function loadAutomaticCollection(request: Request) {
  const { ctx, caseId } = await requireDebtorSession(request);
  const setupId = new URL(request.url).searchParams.get("session_id");
  const setup = setupId ? await orNotFound(() => getMandateSetup({ ctx, input: { caseId, setupId } })) : null;
  const collection = await orNotFound(() => getAutomaticCollection({ ctx, input: { caseId } }));
  return data({ setup, collection, isDemo: paymentProvider().name === "demo" }, { headers: PRIVATE_HEADERS });
}

const automaticPath = (setupId: string) => `/case/pay/automatic?session_id=${encodeURIComponent(setupId)}`;

/** The demo setup page's setup; a completed one goes straight to its confirmation. */
export async function loadDemoSetup(request: Request, setupId: string) {
  demoOnly();
  const { ctx, caseId } = await requireDebtorSession(request);
  const setup = await orNotFound(() => getMandateSetup({ ctx, input: { caseId, setupId } }));
  if (setup.provider !== "demo") throw new Response("Not found", { status: 404, headers: PRIVATE_HEADERS });
  if (setup.status !== "confirming") throw redirect(automaticPath(setupId), { headers: PRIVATE_HEADERS });
  const labels = { card: DEMO_SAVED_METHODS.card.label, sepa_debit: DEMO_SAVED_METHODS.sepa_debit.label };
  return data({ setup, labels }, { headers: PRIVATE_HEADERS });
}

/**
 * The demo setup page's "Save": plays Stripe's part by producing the signed setup-mode
 * `checkout.session.completed` delivery and handing it to the webhook's code path.
 */
export async function saveDemoSetup(request: Request, setupId: string) {
  const provider = demoOnly();
  const { ctx, caseId } = await requireDebtorSession(request);
  const form = await request.formData();
  const method = String(form.get("method") ?? "");
  if (!(MANDATE_METHODS as readonly string[]).includes(method)) {
    return data({ error: { kind: "methodInvalid" } as AutomaticFormError }, { status: 400, headers: PRIVATE_HEADERS });
  }
  const delivery = await orNotFound(() => completeDemoMandateSetup({ ctx, input: { caseId, setupId, method: method as MandateMethod }, provider }));
  await receiveWebhook(delivery.payload, delivery.signature, originOf(request));
  return redirect(automaticPath(setupId), { headers: PRIVATE_HEADERS });
}
