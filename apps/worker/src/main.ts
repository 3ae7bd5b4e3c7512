import { readWorkerEnv } from "./env.ts";
import { startWorker } from "./worker.ts";

const env = readWorkerEnv();
const worker = await startWorker({ databaseUrl: env.DATABASE_URL, workerName: env.WORKER_NAME });

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.info(`[worker] ${signal} received, finishing running jobs`);
  try {
    await worker.stop();
    process.exit(0);
  } catch (error) {
    console.error("[worker] shutdown failed:", error);
    process.exit(1);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
