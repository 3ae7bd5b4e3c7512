/**
 * The payment provider's environment variables, read the same way by every process that talks to
 * Stripe (the portal takes payments, the worker charges instalments): unset = the offline demo provider.
 */
import { z } from "zod";

const unsetWhenEmpty = z.literal("").transform(() => undefined);

/** The fields to spread into a process's environment schema. */
export const STRIPE_ENV_FIELDS = {
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_\w+$/, "STRIPE_SECRET_KEY must be a Stripe secret key (sk_test_… or sk_live_…)")
    .optional()
    .or(unsetWhenEmpty),
  // The signing secret of the webhook endpoint /webhooks/stripe.
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_\w+$/, "STRIPE_WEBHOOK_SECRET must be a webhook signing secret (whsec_…)")
    .optional()
    .or(unsetWhenEmpty),
};

/** A secret key without its webhook secret could take money but never record it: refused at start-up. */
export function checkStripeEnvPair(e: { STRIPE_SECRET_KEY?: string; STRIPE_WEBHOOK_SECRET?: string }, ctx: z.RefinementCtx): void {
  if (e.STRIPE_SECRET_KEY && !e.STRIPE_WEBHOOK_SECRET) {
    ctx.addIssue({ code: "custom", path: ["STRIPE_WEBHOOK_SECRET"], message: "is required when STRIPE_SECRET_KEY is set: without it no payment could ever be recorded" });
  }
}
