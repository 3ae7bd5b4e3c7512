import { countOpenCases, openDatabase, systemActor, systemClock, type Clock, type Ctx, type PlatformDatabase } from "@recouvra/core";
import { hostname } from "node:os";
import PgBoss from "pg-boss";
import { allJobs, type JobDefinition, type WorkerIdentity } from "./jobs/index.ts";

export interface StartWorkerOptions {
  databaseUrl: string;
  workerName: string;
  clock?: Clock;
  /** Jobs to run; defaults to all of them (tests may pass a subset). */
  jobs?: (deps: { ctx: Ctx; identity: WorkerIdentity }) => JobDefinition[];
  log?: (message: string) => void;
}

export interface RunningWorker {
  boss: PgBoss;
  database: PlatformDatabase;
  identity: WorkerIdentity;
  openCases: number;
  /** Lets running jobs finish, then closes pg-boss and the database pool. */
  stop(): Promise<void>;
}

/** Starts pg-boss on the platform database, creates the queues, registers the handlers and the schedules. */
export async function startWorker(options: StartWorkerOptions): Promise<RunningWorker> {
  const log = options.log ?? ((m: string) => console.info(`[worker] ${m}`));
  const identity: WorkerIdentity = {
    workerName: options.workerName,
    startedAt: (options.clock ?? systemClock).now(),
    host: hostname(),
    pid: process.pid,
  };
  const database = await openDatabase({ url: options.databaseUrl, max: 5 });
  const ctx: Ctx = { db: database.db, clock: options.clock ?? systemClock, actor: systemActor(options.workerName) };

  const boss = new PgBoss({ connectionString: options.databaseUrl, application_name: options.workerName });
  // pg-boss reports background failures (maintenance, cron) as events; without a listener Node would crash.
  boss.on("error", (error) => console.error("[worker] pg-boss error:", error));

  try {
    await boss.start();
    const jobs = (options.jobs ?? allJobs)({ ctx, identity });
    for (const job of jobs) {
      // send() to a queue that was never created returns null without an error, so create them all first.
      await ensureQueue(boss, job);
      await boss.work(job.queue, async (batch) => job.handle(batch));
      if (job.cron) await boss.schedule(job.queue, job.cron);
      if (job.runAtStart) await boss.send(job.queue, {});
    }
    const openCases = await countOpenCases({ ctx });
    log(`started as "${identity.workerName}" with ${jobs.length} job(s); ${openCases} open case(s) in the database`);
    return {
      boss,
      database,
      identity,
      openCases,
      async stop() {
        await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
        await database.close();
      },
    };
  } catch (error) {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    await database.close();
    throw error;
  }
}

async function ensureQueue(boss: PgBoss, job: JobDefinition): Promise<void> {
  if (await boss.getQueue(job.queue)) {
    await boss.updateQueue(job.queue, { name: job.queue, ...job.options });
  } else {
    await boss.createQueue(job.queue, { name: job.queue, ...job.options });
  }
}
