import { dispatchOutbox, outboxTransport, type DispatchOutboxResult, type Transport } from "@recouvra/core";
import type { JobDefinition, JobDeps } from "./types.ts";

export const OUTBOX_QUEUE = "outbox-dispatch";

/** Messages claimed per round; a run goes round until the outbox has nothing due. */
const BATCH = 50;
/** Rounds per run at most, so one run never outlives the next minute's. */
const MAX_ROUNDS = 20;

/**
 * Every minute (and at start), sends what the outbox has due. Until the Resend and Twilio adapters
 * land, messages go to the development outbox, visible in the workspace at /outbox. Several workers
 * may run it at once: the dispatcher's claim never hands one message to two of them.
 */
export function outboxJob({ ctx }: JobDeps, transport: Transport = outboxTransport): JobDefinition {
  return {
    queue: OUTBOX_QUEUE,
    // A run that fails is not retried by pg-boss: the next minute's run picks up whatever is still due,
    // and each message carries its own retry schedule.
    options: { retryLimit: 0, expireInSeconds: 55 },
    cron: "* * * * *",
    runAtStart: true,
    async handle() {
      const total: DispatchOutboxResult = { claimed: 0, sent: 0, retried: 0, failed: 0, suppressed: 0 };
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const result = await dispatchOutbox({ ctx, input: { limit: BATCH }, transport });
        for (const k of Object.keys(total) as (keyof DispatchOutboxResult)[]) total[k] += result[k];
        if (result.claimed < BATCH) break;
      }
      if (total.failed > 0) console.warn(`[worker] outbox: ${total.failed} message(s) failed for good after their last attempt`);
    },
  };
}
