// Paying from the debtor portal: the provider adapters (Stripe Checkout, the offline demo checkout),
// starting a checkout, and recording the payment from the provider's signed webhook.
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
export {
  demoProvider,
  stripeProvider,
  WebhookSignatureError,
  type CheckoutRequest,
  type CreatedCheckout,
  type DemoCheckout,
  type DemoPaymentProvider,
  type PaymentProvider,
  type StripeProviderOptions,
  type WebhookDelivery,
} from "./provider.ts";
export { receiveProviderWebhook, recordProviderPayment, RecordProviderPaymentInputSchema, type ProviderPaymentOutcome } from "./record-provider-payment.ts";
export { RECEIPT_TEMPLATE, type ReceiptSkipReason } from "./receipt.ts";
