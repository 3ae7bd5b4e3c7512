import type { ActionFunctionArgs } from "@remix-run/node";
import { handleStripeWebhook } from "~/utils/payments.server.ts";

// A resource route: Stripe's servers POST signed events here (Dashboard → Developers → Webhooks:
// checkout.session.completed, checkout.session.async_payment_succeeded and async_payment_failed,
// and for automatic collection of instalments payment_intent.succeeded and payment_intent.payment_failed).
export const action = ({ request }: ActionFunctionArgs) => handleStripeWebhook(request);

export const loader = () => new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });
