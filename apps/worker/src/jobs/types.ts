import type { Ctx } from "@recouvra/core";
import type PgBoss from "pg-boss";

/** Who this worker process is, as recorded in its heartbeats. */
export interface WorkerIdentity {
  workerName: string;
  startedAt: Date;
  host: string;
  pid: number;
  version?: string;
}

/** What a job handler gets: a use-case context acting as the system, and the worker's identity. */
export interface JobDeps {
  ctx: Ctx;
  identity: WorkerIdentity;
}

/** One kind of background job: its queue, when it runs, and what it does. */
export interface JobDefinition {
  queue: string;
  /** Queue settings, applied when the queue is created at start-up. */
  options?: Omit<PgBoss.Queue, "name">;
  /** Cron expression (UTC) for recurring runs; pg-boss makes sure only one worker enqueues each tick. */
  cron?: string;
  /** Also enqueue one run as soon as the worker starts. */
  runAtStart?: boolean;
  handle(jobs: PgBoss.Job<unknown>[]): Promise<void>;
}
