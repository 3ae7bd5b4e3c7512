/**
 * The payment provider adapter: Stripe Checkout in production, and an offline demo checkout when no
 * Stripe key is set. Both hand the debtor a page to pay on, and both deliver the outcome as a signed
 * `checkout.session.completed` event verified by the Stripe SDK, so the webhook code path that
 * records the payment is the same whichever provider took the money.
 *
 * For automatic collection of a plan's instalments they also save a card or a SEPA mandate (a
 * checkout in setup mode) and charge it off-session; the charge's outcome arrives, again, as a signed
 * `payment_intent.succeeded` or `payment_intent.payment_failed` event.
 */
import { mandateLabel, type CheckoutPaymentMethod, type Locale, type MandateMethod } from "@recouvra/domain";
import { createHash, randomBytes } from "node:crypto";
import Stripe from "stripe";

/** What the portal asks the provider for: one payment of `amountCents` on one case. */
export interface CheckoutRequest {
  caseId: string;
  /** The case reference, shown on the checkout page and the card statement. */
  reference: string;
  amountCents: number;
  currency: string;
  paymentMethods: readonly CheckoutPaymentMethod[];
  locale: Locale;
  /** The line the debtor reads on the checkout page. */
  description: string;
  /** Where the provider sends the debtor after paying; `{CHECKOUT_SESSION_ID}` is replaced by the session id. */
  successUrl: string;
  /** Where the debtor goes back to when they leave the checkout without paying. */
  cancelUrl: string;
  /** Prefills the receipt address on the checkout page. */
  customerEmail: string | null;
}

/** A checkout the debtor is sent to. */
export interface CreatedCheckout {
  /** The Checkout Session id (`cs_…`): the payment's external id once it is paid. */
  id: string;
  url: string;
}

/** What the portal asks for to save a way of collecting a plan's instalments. */
export interface SetupCheckoutRequest {
  caseId: string;
  arrangementId: string;
  reference: string;
  currency: string;
  methods: readonly MandateMethod[];
  locale: Locale;
  description: string;
  /** `{CHECKOUT_SESSION_ID}` is replaced by the session id. */
  successUrl: string;
  cancelUrl: string;
  customerEmail: string | null;
  /** The provider's customer already holding this debtor's earlier saved method, to reuse. */
  customerId: string | null;
}

/** The method a completed setup saved, as the provider reports it. */
export interface SavedMethod {
  method: MandateMethod;
  paymentMethodId: string;
  customerId: string | null;
  /** "Visa •••• 4242", "SEPA DE •••• 3000". */
  label: string;
}

/** An off-session charge of one instalment to a saved method. */
export interface OffSessionChargeRequest {
  caseId: string;
  arrangementId: string;
  instalmentId: string;
  amountCents: number;
  currency: string;
  customerId: string | null;
  paymentMethodId: string;
  method: MandateMethod;
  description: string;
  /** `instalment:<id>:<attempt>`: a retried request is the same charge, never a second one. */
  idempotencyKey: string;
}

/**
 * What the provider answered. `submitted` is not "paid": the payment is recorded only from the signed
 * `payment_intent.succeeded` event (for the demo provider, `delivery` is that event, to hand over).
 */
export type OffSessionChargeOutcome =
  | { status: "submitted"; paymentIntentId: string; providerStatus: string; delivery?: WebhookDelivery }
  | { status: "refused"; paymentIntentId: string | null; code: string; message: string };

/** A payment provider as the use-cases see it. */
export interface PaymentProvider {
  /** The `payments.provider` value of what it takes. */
  readonly name: "stripe" | "demo";
  createCheckout(request: CheckoutRequest): Promise<CreatedCheckout>;
  /** A checkout in setup mode: the debtor saves a card or signs a SEPA mandate, nothing is charged. */
  createSetupCheckout(request: SetupCheckoutRequest): Promise<CreatedCheckout>;
  /** The method a completed setup saved (the setup intent named by the session of the webhook). */
  retrieveSavedMethod(setup: { setupIntentId: string; customerId: string | null }): Promise<SavedMethod>;
  /** Charges a saved method without the debtor present. Refusals are answered, not thrown. */
  chargeOffSession(request: OffSessionChargeRequest): Promise<OffSessionChargeOutcome>;
  /** The event of a webhook delivery whose `Stripe-Signature` header verifies; throws otherwise. */
  verifyWebhook(payload: string, signature: string | null): Stripe.Event;
}

/** A webhook delivery: the raw body and its `Stripe-Signature` header. */
export interface WebhookDelivery {
  payload: string;
  signature: string;
}

/** The signature did not verify (or was missing): the delivery is refused, nothing is read from it. */
export class WebhookSignatureError extends Error {
  constructor(options?: { cause?: unknown }) {
    super("The webhook signature does not verify.", options);
    this.name = "WebhookSignatureError";
  }
}

function verify(payload: string, signature: string | null, secret: string): Stripe.Event {
  if (!signature) throw new WebhookSignatureError();
  try {
    // The SDK checks the HMAC and that the timestamp is within five minutes (replays of old deliveries).
    return Stripe.webhooks.constructEvent(payload, signature, secret);
  } catch (error) {
    throw new WebhookSignatureError({ cause: error });
  }
}

/** Options of the real Stripe adapter; `stripe` lets tests point the SDK at intercepted HTTP. */
export interface StripeProviderOptions {
  secretKey: string;
  webhookSecret: string;
  stripe?: Stripe;
}

/** Stripe Checkout through the official SDK. */
export function stripeProvider(options: StripeProviderOptions): PaymentProvider {
  const stripe = options.stripe ?? new Stripe(options.secretKey, { maxNetworkRetries: 2, appInfo: { name: "Recouvra" } });
  return {
    name: "stripe",
    async createCheckout(request) {
      const session = await stripe.checkout.sessions.create({
        mode: "payment",
        // A filter on what Stripe finds eligible (account settings, currency, the payer's country), not a
        // forced list: Bancontact and iDEAL are offered only where Stripe allows them.
        allowed_payment_method_types: [...request.paymentMethods],
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: request.currency.toLowerCase(),
              unit_amount: request.amountCents,
              product_data: { name: request.description },
            },
          },
        ],
        client_reference_id: request.caseId,
        // The webhook finds the case from the session itself, never from the redirect.
        metadata: { caseId: request.caseId, reference: request.reference },
        payment_intent_data: { metadata: { caseId: request.caseId, reference: request.reference }, description: request.description },
        locale: request.locale,
        success_url: request.successUrl,
        cancel_url: request.cancelUrl,
        ...(request.customerEmail ? { customer_email: request.customerEmail } : {}),
      });
      if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`);
      return { id: session.id, url: session.url };
    },
    async createSetupCheckout(request) {
      const metadata = { caseId: request.caseId, arrangementId: request.arrangementId, reference: request.reference };
      const session = await stripe.checkout.sessions.create({
        mode: "setup",
        currency: request.currency.toLowerCase(),
        allowed_payment_method_types: [...request.methods],
        // The saved method must hang on a Customer to be charged off-session later: reuse the debtor's,
        // or have Checkout create one.
        ...(request.customerId ? { customer: request.customerId } : { customer_creation: "always" as const, ...(request.customerEmail ? { customer_email: request.customerEmail } : {}) }),
        client_reference_id: request.caseId,
        metadata,
        setup_intent_data: { metadata, description: request.description },
        locale: request.locale,
        success_url: request.successUrl,
        cancel_url: request.cancelUrl,
      });
      if (!session.url) throw new Error(`Stripe returned setup session ${session.id} without a URL`);
      return { id: session.id, url: session.url };
    },
    async retrieveSavedMethod(setup) {
      const intent = await stripe.setupIntents.retrieve(setup.setupIntentId, { expand: ["payment_method"] });
      const pm = typeof intent.payment_method === "string" ? await stripe.paymentMethods.retrieve(intent.payment_method) : intent.payment_method;
      if (!pm) throw new Error(`Setup intent ${intent.id} has no payment method`);
      const customer = setup.customerId ?? (typeof intent.customer === "string" ? intent.customer : (intent.customer?.id ?? null));
      if (pm.type === "card") {
        return { method: "card", paymentMethodId: pm.id, customerId: customer, label: mandateLabel({ method: "card", brand: pm.card?.display_brand ?? pm.card?.brand ?? null, last4: pm.card?.last4 ?? null }) };
      }
      if (pm.type === "sepa_debit") {
        return { method: "sepa_debit", paymentMethodId: pm.id, customerId: customer, label: mandateLabel({ method: "sepa_debit", country: pm.sepa_debit?.country ?? null, last4: pm.sepa_debit?.last4 ?? null }) };
      }
      throw new Error(`Setup intent ${intent.id} saved a ${pm.type} payment method, which instalments are not collected from`);
    },
    async chargeOffSession(request) {
      try {
        const intent = await stripe.paymentIntents.create(
          {
            amount: request.amountCents,
            currency: request.currency.toLowerCase(),
            ...(request.customerId ? { customer: request.customerId } : {}),
            payment_method: request.paymentMethodId,
            off_session: true,
            confirm: true,
            allowed_payment_method_types: [request.method],
            description: request.description,
            metadata: { caseId: request.caseId, arrangementId: request.arrangementId, instalmentId: request.instalmentId },
          },
          { idempotencyKey: request.idempotencyKey },
        );
        return { status: "submitted", paymentIntentId: intent.id, providerStatus: intent.status };
      } catch (error) {
        // A decline (or a card needing the debtor to authenticate) is an answer, not a failure of ours.
        if (error instanceof Stripe.errors.StripeError) {
          return { status: "refused", paymentIntentId: error.payment_intent?.id ?? null, code: error.decline_code ?? error.code ?? error.type, message: error.message };
        }
        throw error;
      }
    },
    verifyWebhook: (payload, signature) => verify(payload, signature, options.webhookSecret),
  };
}

/** The checkout the demo page shows and pays. */
export interface DemoCheckout {
  id: string;
  caseId: string;
  reference: string;
  amountCents: number;
  currency: string;
}

/** The setup the demo setup page shows, and what the debtor "saved" on it. */
export interface DemoSetup {
  id: string;
  caseId: string;
  arrangementId: string;
  reference: string;
  method: MandateMethod;
}

/** The offline provider, plus what the demo page needs to play Stripe's part. */
export interface DemoPaymentProvider extends PaymentProvider {
  readonly name: "demo";
  /** The signed delivery Stripe would send once the checkout is paid. */
  completionDelivery(checkout: DemoCheckout): WebhookDelivery;
  /** The signed delivery Stripe would send once the setup checkout saved `setup.method`. */
  setupCompletionDelivery(setup: DemoSetup): WebhookDelivery;
}

/** The demo card and the demo IBAN, as the demo setup page shows them (Stripe's own test numbers). */
export const DEMO_SAVED_METHODS: Record<MandateMethod, { label: string }> = {
  card: { label: mandateLabel({ method: "card", brand: "visa", last4: "4242" }) },
  sepa_debit: { label: mandateLabel({ method: "sepa_debit", country: "DE", last4: "3000" }) },
};

const DEMO_SETUP_INTENT = /^seti_demo_(card|sepa_debit)_(\w+)$/;

/**
 * The offline demo checkout: the session lives on a portal page (`/case/pay/demo/<id>`), and "paying"
 * it produces the event Stripe would send, signed with `webhookSecret`. Without a configured secret
 * one is drawn per process, so nobody outside it can forge a demo payment.
 */
export function demoProvider(options: { webhookSecret?: string } = {}): DemoPaymentProvider {
  const secret = options.webhookSecret ?? `whsec_demo_${randomBytes(24).toString("hex")}`;
  const sign = (event: Record<string, unknown>): WebhookDelivery => {
    const payload = JSON.stringify(event);
    // The real clock, not the use-case's: the SDK checks the signature's timestamp against it.
    return { payload, signature: Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: Math.floor(Date.now() / 1000) }) };
  };
  const envelope = (id: string, type: string, object: Record<string, unknown>) => ({
    id,
    object: "event",
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  });
  return {
    name: "demo",
    createCheckout(request) {
      const id = `cs_demo_${randomBytes(16).toString("hex")}`;
      return Promise.resolve({ id, url: new URL(`/case/pay/demo/${id}`, request.successUrl).href });
    },
    createSetupCheckout(request) {
      const id = `cs_demo_${randomBytes(16).toString("hex")}`;
      return Promise.resolve({ id, url: new URL(`/case/pay/demo-setup/${id}`, request.successUrl).href });
    },
    retrieveSavedMethod(setup) {
      // The demo keeps no state: the setup intent's id says which demo method was saved.
      const match = DEMO_SETUP_INTENT.exec(setup.setupIntentId);
      if (!match) return Promise.reject(new Error(`${setup.setupIntentId} is not a demo setup`));
      const method = match[1] as MandateMethod;
      return Promise.resolve({ method, paymentMethodId: `pm_demo_${method}_${match[2]}`, customerId: setup.customerId, label: DEMO_SAVED_METHODS[method].label });
    },
    chargeOffSession(request) {
      // Same key, same payment intent, same event: a retried request is one charge, as with Stripe.
      const suffix = createHash("sha256").update(request.idempotencyKey).digest("hex").slice(0, 24);
      const id = `pi_demo_${suffix}`;
      const delivery = sign(
        envelope(`evt_demo_${suffix}`, "payment_intent.succeeded", {
          id,
          object: "payment_intent",
          amount: request.amountCents,
          amount_received: request.amountCents,
          currency: request.currency.toLowerCase(),
          status: "succeeded",
          customer: request.customerId,
          payment_method: request.paymentMethodId,
          payment_method_types: [request.method],
          description: request.description,
          metadata: { caseId: request.caseId, arrangementId: request.arrangementId, instalmentId: request.instalmentId },
          livemode: false,
        }),
      );
      return Promise.resolve({ status: "submitted", paymentIntentId: id, providerStatus: "succeeded", delivery });
    },
    setupCompletionDelivery(setup) {
      const suffix = setup.id.replace(/^cs_demo_/, "");
      return sign(
        envelope(`evt_demo_setup_${suffix}`, "checkout.session.completed", {
          id: setup.id,
          object: "checkout.session",
          mode: "setup",
          status: "complete",
          payment_status: "no_payment_required",
          amount_total: null,
          currency: null,
          client_reference_id: setup.caseId,
          customer: `cus_demo_${suffix}`,
          setup_intent: `seti_demo_${setup.method}_${suffix}`,
          metadata: { caseId: setup.caseId, arrangementId: setup.arrangementId, reference: setup.reference },
          livemode: false,
        }),
      );
    },
    verifyWebhook: (payload, signature) => verify(payload, signature, secret),
    completionDelivery(checkout) {
      // The real clock, not the use-case's: the SDK checks the signature's timestamp against it.
      const created = Math.floor(Date.now() / 1000);
      const suffix = checkout.id.replace(/^cs_demo_/, "");
      const event = {
        // One event per session, as Stripe does: paying twice on the demo page is a retried delivery.
        id: `evt_demo_${suffix}`,
        object: "event",
        api_version: Stripe.API_VERSION,
        created,
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
        type: "checkout.session.completed",
        data: {
          object: {
            id: checkout.id,
            object: "checkout.session",
            mode: "payment",
            status: "complete",
            payment_status: "paid",
            amount_subtotal: checkout.amountCents,
            amount_total: checkout.amountCents,
            currency: checkout.currency.toLowerCase(),
            client_reference_id: checkout.caseId,
            metadata: { caseId: checkout.caseId, reference: checkout.reference },
            payment_intent: `pi_demo_${suffix}`,
            customer_details: { name: null, email: null },
            created,
            livemode: false,
          },
        },
      };
      const payload = JSON.stringify(event);
      return { payload, signature: Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: created }) };
    },
  };
}
