// Paying from the debtor portal: the provider adapters (Stripe Checkout, the offline demo checkout),
// starting a checkout, and recording the payment from the provider's signed webhook; automatic
// collection of a plan's instalments from a saved card or SEPA mandate.
export {
  amountRefusalOf,
  completeDemoCheckout,
  getCheckout,
  GetCheckoutInputSchema,
  getPaymentOptions,
  startCheckout,
  StartCheckoutInputSchema,
  type CheckoutView,
  type PaymentOptions,
  type StartCheckoutInput,
} from "./checkout.ts";
export { collectDueInstalments, CollectDueInstalmentsInputSchema, type CollectDueInstalmentsResult } from "./collect-instalments.ts";
export {
  CompleteDemoMandateSetupInputSchema,
  completeDemoMandateSetup,
  getAutomaticCollection,
  getMandateSetup,
  GetMandateSetupInputSchema,
  revokeMandate,
  startMandateSetup,
  StartMandateSetupInputSchema,
  type AutomaticCollection,
  type MandateSetupView,
  type MandateView,
  type StartMandateSetupInput,
} from "./mandates.ts";
export {
  DEMO_SAVED_METHODS,
  demoProvider,
  stripeProvider,
  WebhookSignatureError,
  type CheckoutRequest,
  type CreatedCheckout,
  type DemoCheckout,
  type DemoPaymentProvider,
  type DemoSetup,
  type OffSessionChargeOutcome,
  type OffSessionChargeRequest,
  type PaymentProvider,
  type SavedMethod,
  type SetupCheckoutRequest,
  type StripeProviderOptions,
  type WebhookDelivery,
} from "./provider.ts";
export { receiveProviderWebhook, recordProviderPayment, RecordProviderPaymentInputSchema, type ProviderPaymentOutcome } from "./record-provider-payment.ts";
export { RECEIPT_TEMPLATE, type ReceiptSkipReason } from "./receipt.ts";
export { checkStripeEnvPair, STRIPE_ENV_FIELDS } from "./env.ts";
