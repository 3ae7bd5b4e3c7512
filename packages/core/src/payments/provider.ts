/**
 * The payment provider adapter: Stripe Checkout in production, and an offline demo checkout when no
 * Stripe key is set. Both hand the debtor a page to pay on, and both deliver the outcome as a signed
 * `checkout.session.completed` event verified by the Stripe SDK, so the webhook code path that
 * records the payment is the same whichever provider took the money.
 */
import type { CheckoutPaymentMethod, Locale } from "@recouvra/domain";
import { randomBytes } from "node:crypto";
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

/** A payment provider as the use-cases see it. */
export interface PaymentProvider {
  /** The `payments.provider` value of what it takes. */
  readonly name: "stripe" | "demo";
  createCheckout(request: CheckoutRequest): Promise<CreatedCheckout>;
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

/** The offline provider, plus what the demo page needs to play Stripe's part. */
export interface DemoPaymentProvider extends PaymentProvider {
  readonly name: "demo";
  /** The signed delivery Stripe would send once the checkout is paid. */
  completionDelivery(checkout: DemoCheckout): WebhookDelivery;
}

/**
 * The offline demo checkout: the session lives on a portal page (`/case/pay/demo/<id>`), and "paying"
 * it produces the event Stripe would send, signed with `webhookSecret`. Without a configured secret
 * one is drawn per process, so nobody outside it can forge a demo payment.
 */
export function demoProvider(options: { webhookSecret?: string } = {}): DemoPaymentProvider {
  const secret = options.webhookSecret ?? `whsec_demo_${randomBytes(24).toString("hex")}`;
  return {
    name: "demo",
    createCheckout(request) {
      const id = `cs_demo_${randomBytes(16).toString("hex")}`;
      return Promise.resolve({ id, url: new URL(`/case/pay/demo/${id}`, request.successUrl).href });
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
