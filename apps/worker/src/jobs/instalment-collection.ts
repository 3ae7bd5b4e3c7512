import { collectDueInstalments, demoProvider, stripeProvider, type PaymentProvider } from "@recouvra/core";
import { readPaymentEnv, type PaymentEnv } from "../env.ts";
import type { JobDefinition, JobDeps } from "./types.ts";

export const INSTALMENT_COLLECTION_QUEUE = "instalment-collection";

/** Every morning at 07:00 UTC (8 or 9 o'clock in Paris, Brussels and Amsterdam). */
export const INSTALMENT_COLLECTION_CRON = "0 7 * * *";

/**
 * The provider instalments are charged through: Stripe with STRIPE_SECRET_KEY (its webhooks go to the
 * portal's /webhooks/stripe, which records the payments), the offline demo provider without — whose
 * signed events are handed to the same webhook code path inside this process.
 */
export function collectionProvider(env: PaymentEnv = readPaymentEnv()): PaymentProvider {
  if (env.STRIPE_SECRET_KEY) return stripeProvider({ secretKey: env.STRIPE_SECRET_KEY, webhookSecret: env.STRIPE_WEBHOOK_SECRET ?? "" });
  return demoProvider(env.STRIPE_WEBHOOK_SECRET ? { webhookSecret: env.STRIPE_WEBHOOK_SECRET } : {});
}

/**
 * Daily (and on demand: `boss.send("instalment-collection", {})` to the running worker, or once from
 * the command line with `pnpm --filter @recouvra/worker exec tsx src/collect-instalments.ts`), charges the instalments due today or overdue to the debtors' saved cards and
 * SEPA mandates. Several workers may run it at once: the claim never hands one instalment to two.
 */
export function instalmentCollectionJob({ ctx }: JobDeps, provider: PaymentProvider = collectionProvider()): JobDefinition {
  return {
    queue: INSTALMENT_COLLECTION_QUEUE,
    // Not retried by pg-boss: an instalment whose charge was refused is tried again by a later run, on
    // its own schedule, and a run that crashed leaves the rest to the next morning.
    options: { retryLimit: 0, expireInSeconds: 30 * 60 },
    cron: INSTALMENT_COLLECTION_CRON,
    async handle() {
      const result = await collectDueInstalments({ ctx, provider });
      if (result.requested > 0 || result.skipped > 0) {
        console.info(`[worker] instalment collection: ${result.requested} charge(s) asked, ${result.submitted} accepted, ${result.refused} refused, ${result.skipped} left for later`);
      }
    },
  };
}
