import { agencySettings } from "@recouvra/db";
import { useTestDb } from "@recouvra/db/testing";
import { isDomainError } from "@recouvra/domain";
import { describe, expect, it } from "vitest";
import { fixedClock, systemActor, type Actor, type Ctx } from "../context.ts";
import { insertCase, insertClient, insertLedgerEntry } from "../testing/fixtures.ts";
import { recordHeartbeat } from "../worker/record-heartbeat.ts";
import { getPlatformStatus } from "./get-platform-status.ts";

const t = useTestDb();
const NOW = "2027-03-15T09:00:00Z";
const ctx = (actor: Actor = systemActor("test"), at = NOW): Ctx => ({ db: t.db, clock: fixedClock(at), actor });

describe("getPlatformStatus", () => {
  it("describes an empty database without failing", async () => {
    const status = await getPlatformStatus({ ctx: ctx() });
    expect(status.isEmpty).toBe(true);
    expect(status.openCases).toBe(0);
    expect(status.openCasesByStage.map((s) => s.stage)).toEqual(["new", "notified", "in_contact", "negotiating", "arrangement", "promise"]);
    expect(status.openCasesByStage.every((s) => s.count === 0)).toBe(true);
    expect(status.clients).toEqual([]);
    expect(status.worker).toBeNull();
    expect(status.agencyName).toBeNull();
    expect(status.today).toBe("2027-03-15");
  });

  it("counts open cases per stage and sums what each client's open cases still owe", async () => {
    const zeta = await insertClient(t.db, { name: "Zeta Telecom" });
    const alpha = await insertClient(t.db, { name: "Alpha Wholesale" });
    await insertClient(t.db, { name: "Mu Webshop" }); // placed nothing yet
    const a1 = await insertCase(t.db, { client: alpha, stage: "new", principalCents: 120_000 });
    await insertLedgerEntry(t.db, a1, { amountCents: 4_000, component: "costs", kind: "charged" });
    await insertCase(t.db, { client: alpha, stage: "new", principalCents: 5_050 });
    await insertCase(t.db, { client: alpha, stage: "negotiating", principalCents: 999 });
    // A closed case's remaining balance is not "outstanding work".
    await insertCase(t.db, { client: alpha, stage: "closed", principalCents: 70_000 });
    await insertCase(t.db, { client: zeta, stage: "promise", principalCents: 30_000 });
    await t.db.insert(agencySettings).values({ name: "Recouvra Demo" });

    const status = await getPlatformStatus({ ctx: ctx() });

    expect(status.isEmpty).toBe(false);
    expect(status.openCases).toBe(4);
    expect(status.closedCases).toBe(1);
    expect(Object.fromEntries(status.openCasesByStage.map((s) => [s.stage, s.count]))).toEqual({
      new: 2,
      notified: 0,
      in_contact: 0,
      negotiating: 1,
      arrangement: 0,
      promise: 1,
    });
    expect(status.clients).toEqual([
      { clientId: alpha.id, name: "Alpha Wholesale", casesPlaced: 4, openCases: 3, outstanding: [{ amountCents: 130_049, currency: "EUR" }] },
      { clientId: expect.any(String), name: "Mu Webshop", casesPlaced: 0, openCases: 0, outstanding: [] },
      { clientId: zeta.id, name: "Zeta Telecom", casesPlaced: 1, openCases: 1, outstanding: [{ amountCents: 30_000, currency: "EUR" }] },
    ]);
    expect(status.agencyName).toBe("Recouvra Demo");
  });

  it("reports the worker fresh within the threshold and stale after it", async () => {
    await recordHeartbeat({
      ctx: ctx(systemActor("worker"), "2027-03-15T08:59:00Z"),
      input: { workerName: "worker@test", startedAt: new Date("2027-03-15T08:00:00Z") },
    });

    const fresh = await getPlatformStatus({ ctx: ctx() });
    expect(fresh.worker).toMatchObject({ workerName: "worker@test", ageSeconds: 60, isFresh: true, lastBeatAt: "2027-03-15T08:59:00.000Z" });

    const stale = await getPlatformStatus({ ctx: ctx(systemActor("test"), "2027-03-15T09:10:00Z") });
    expect(stale.worker).toMatchObject({ ageSeconds: 660, isFresh: false });

    const strict = await getPlatformStatus({ ctx: ctx(), input: { staleAfterSeconds: 30 } });
    expect(strict.worker?.isFresh).toBe(false);
  });

  it("is open to agency staff", async () => {
    const status = await getPlatformStatus({ ctx: ctx({ kind: "user", userId: "u1", role: "agent", teamId: "t1" }) });
    expect(status.openCases).toBe(4);
  });

  it("refuses client users and debtors, who may only see their own data", async () => {
    const wrongActors: Actor[] = [
      { kind: "user", userId: "u2", role: "client", clientId: "c1" },
      { kind: "debtor", debtorId: "d1", caseIds: ["k1"] },
    ];
    for (const actor of wrongActors) {
      const error = await getPlatformStatus({ ctx: ctx(actor) }).catch((e: unknown) => e);
      expect(isDomainError(error, "FORBIDDEN")).toBe(true);
    }
  });
});
