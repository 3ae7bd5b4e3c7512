import { useTestDb } from "@recouvra/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import { HEARTBEAT_QUEUE } from "./jobs/index.ts";
import { waitFor } from "./testing/wait-for.ts";
import { startWorker, type RunningWorker } from "./worker.ts";

const t = useTestDb();
let worker: RunningWorker | undefined;

afterAll(async () => {
  await worker?.stop();
});

describe("worker", () => {
  it("starts pg-boss, creates and schedules the heartbeat queue, and beats at once", async () => {
    const logs: string[] = [];
    worker = await startWorker({ databaseUrl: t.url, workerName: "worker@test", log: (m) => logs.push(m) });
    expect(logs.join("\n")).toMatch(/0 open case\(s\)/);

    const beat = await waitFor(async () => {
      const rows = await t.sql<{ worker_name: string; last_beat_at: string; pid: number }[]>`select * from worker_heartbeats`;
      return rows[0];
    }, 15_000);
    expect(beat.worker_name).toBe("worker@test");
    expect(beat.pid).toBe(process.pid);
    expect(Date.now() - new Date(beat.last_beat_at).getTime()).toBeLessThan(15_000);

    expect(await worker.boss.getQueue(HEARTBEAT_QUEUE)).toMatchObject({ name: HEARTBEAT_QUEUE, retryLimit: 0 });
    const schedules = await worker.boss.getSchedules();
    expect(schedules).toEqual(expect.arrayContaining([expect.objectContaining({ name: HEARTBEAT_QUEUE, cron: "* * * * *" })]));
  });

  it("stops gracefully and restarts on the same database without duplicating its queue", async () => {
    await worker?.stop();
    worker = await startWorker({ databaseUrl: t.url, workerName: "worker@test", log: () => {} });
    const rows = await t.sql`select count(*)::int as n from pgboss.queue where name = ${HEARTBEAT_QUEUE}`;
    expect(rows[0]).toEqual({ n: 1 });
  });
});
