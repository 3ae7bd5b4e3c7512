/**
 * One automatic-collection run from the command line, without waiting for the daily schedule:
 *   pnpm --filter @recouvra/worker exec tsx src/collect-instalments.ts
 * It runs in this process (a worker running at the same time never charges the same instalment: the
 * claim skips what another run holds) and prints what it did.
 */
import { collectDueInstalments, openDatabase, systemActor, systemClock } from "@recouvra/core";
import { readWorkerEnv } from "./env.ts";
import { collectionProvider } from "./jobs/instalment-collection.ts";

const env = readWorkerEnv();
const database = await openDatabase({ url: env.DATABASE_URL, max: 2 });
try {
  const result = await collectDueInstalments({ ctx: { db: database.db, clock: systemClock, actor: systemActor(`${env.WORKER_NAME}:collect-instalments`) }, provider: collectionProvider() });
  console.info(`[collect-instalments] ${result.requested} charge(s) asked, ${result.submitted} accepted, ${result.refused} refused, ${result.skipped} left for later`);
} finally {
  await database.close();
}
