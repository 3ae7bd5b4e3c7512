import { workerHeartbeats } from "@recouvra/db";
import { useTestDb } from "@recouvra/db/testing";
import { isDomainError } from "@recouvra/domain";
import { describe, expect, it } from "vitest";
import { fixedClock, systemActor, type Actor, type Ctx } from "../context.ts";
import { countOpenCases } from "./count-open-cases.ts";
import { recordHeartbeat } from "./record-heartbeat.ts";

const t = useTestDb();
const ctx = (at: string, actor: Actor = systemActor("worker")): Ctx => ({ db: t.db, clock: fixedClock(at), actor });
const startedAt = new Date("2027-03-15T08:00:00Z");

describe("recordHeartbeat", () => {
  it("keeps one row per worker, moved forward at each beat", async () => {
    await recordHeartbeat({ ctx: ctx("2027-03-15T08:00:01Z"), input: { workerName: "w1", startedAt, host: "box", pid: 42 } });
    const row = await recordHeartbeat({ ctx: ctx("2027-03-15T08:01:00Z"), input: { workerName: "w1", startedAt, host: "box", pid: 42 } });
    expect(row.lastBeatAt.toISOString()).toBe("2027-03-15T08:01:00.000Z");

    const rows = await t.db.select().from(workerHeartbeats);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ workerName: "w1", host: "box", pid: 42, startedAt });
  });

  it("records a restart as a new start time on the same row", async () => {
    const restarted = new Date("2027-03-15T09:00:00Z");
    await recordHeartbeat({ ctx: ctx("2027-03-15T09:00:02Z"), input: { workerName: "w1", startedAt: restarted } });
    const rows = await t.db.select().from(workerHeartbeats);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.startedAt).toEqual(restarted);
    expect(rows[0]?.pid).toBeNull();
  });

  it("rejects an empty worker name", async () => {
    await expect(recordHeartbeat({ ctx: ctx("2027-03-15T09:00:00Z"), input: { workerName: " ", startedAt } })).rejects.toThrow();
  });

  it("may only be written by the platform itself, not by a user or a debtor", async () => {
    for (const actor of [
      { kind: "user", userId: "u1", role: "admin" },
      { kind: "debtor", debtorId: "d1", caseIds: [] },
    ] satisfies Actor[]) {
      const error = await recordHeartbeat({ ctx: ctx("2027-03-15T09:00:00Z", actor), input: { workerName: "w2", startedAt } }).catch(
        (e: unknown) => e,
      );
      expect(isDomainError(error, "FORBIDDEN")).toBe(true);
    }
    expect(await t.db.select().from(workerHeartbeats)).toHaveLength(1);
  });
});

describe("countOpenCases", () => {
  it("answers zero on an empty database and refuses debtors", async () => {
    expect(await countOpenCases({ ctx: ctx("2027-03-15T09:00:00Z") })).toBe(0);
    const error = await countOpenCases({ ctx: ctx("2027-03-15T09:00:00Z", { kind: "debtor", debtorId: "d", caseIds: [] }) }).catch(
      (e: unknown) => e,
    );
    expect(isDomainError(error, "FORBIDDEN")).toBe(true);
  });
});
