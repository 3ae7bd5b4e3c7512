import { cases, clients, debtors, teams, users } from "@recouvra/db";
import { useTestDb } from "@recouvra/db/testing";
import { isDomainError } from "@recouvra/domain";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "./context.ts";
import { caseScope, requireCase, requireWorkableCase } from "./scope.ts";

const t = useTestDb();
const ids = {} as Record<"clientA" | "clientB" | "teamA" | "teamB" | "agentA" | "caseA1" | "caseA2" | "caseB1", string>;

beforeAll(async () => {
  const [clientA, clientB] = await t.db
    .insert(clients)
    .values([
      { name: "A", legalName: "A SA", jurisdiction: "BE", countryCode: "BE" },
      { name: "B", legalName: "B BV", jurisdiction: "NL", countryCode: "NL" },
    ])
    .returning();
  const [teamA, teamB] = await t.db.insert(teams).values([{ name: "Team A" }, { name: "Team B" }]).returning();
  const [agentA] = await t.db.insert(users).values({ email: "a@x.test", displayName: "Agent A", role: "agent", teamId: teamA!.id }).returning();
  const debtorRows = await t.db
    .insert(debtors)
    .values([clientA!, clientA!, clientB!].map((c, i) => ({ clientId: c.id, kind: "person" as const, type: "consumer" as const, lastName: `D${i}`, locale: "fr", jurisdiction: c.jurisdiction })))
    .returning();
  const caseRow = (i: number, clientId: string, teamId: string | null, assignedUserId: string | null) => ({
    clientId,
    debtorId: debtorRows[i]!.id,
    reference: `RC-TEST-${i}`,
    paymentReference: `RF-TEST-${i}`,
    stage: "new",
    jurisdiction: "BE",
    currency: "EUR",
    placedOn: "2026-10-01",
    teamId,
    assignedUserId,
  });
  const [a1, a2, b1] = await t.db
    .insert(cases)
    .values([caseRow(0, clientA!.id, teamA!.id, null), caseRow(1, clientA!.id, teamB!.id, agentA!.id), caseRow(2, clientB!.id, teamB!.id, null)] as (typeof cases.$inferInsert)[])
    .returning();
  Object.assign(ids, { clientA: clientA!.id, clientB: clientB!.id, teamA: teamA!.id, teamB: teamB!.id, agentA: agentA!.id, caseA1: a1!.id, caseA2: a2!.id, caseB1: b1!.id });
});

async function visible(actor: Actor): Promise<string[]> {
  const rows = await t.db.select({ id: cases.id }).from(cases).where(caseScope(actor));
  return rows.map((r) => r.id).sort();
}

describe("caseScope", () => {
  it("gives admins and the platform every case", async () => {
    const all = [ids.caseA1, ids.caseA2, ids.caseB1].sort();
    expect(await visible({ kind: "user", userId: "u", role: "admin" })).toEqual(all);
    expect(await visible({ kind: "system", name: "test" })).toEqual(all);
  });

  it("gives a client user its own client's cases only", async () => {
    expect(await visible({ kind: "user", userId: "u", role: "client", clientId: ids.clientA })).toEqual([ids.caseA1, ids.caseA2].sort());
    expect(await visible({ kind: "user", userId: "u", role: "client", clientId: ids.clientB })).toEqual([ids.caseB1]);
    expect(await visible({ kind: "user", userId: "u", role: "client" })).toEqual([]);
  });

  it("gives agents and supervisors their team's cases; a teamless agent only what is assigned to them", async () => {
    expect(await visible({ kind: "user", userId: ids.agentA, role: "agent", teamId: ids.teamA })).toEqual([ids.caseA1]);
    expect(await visible({ kind: "user", userId: ids.agentA, role: "agent" })).toEqual([ids.caseA2]);
    expect(await visible({ kind: "user", userId: "s", role: "supervisor", teamId: ids.teamB })).toEqual([ids.caseA2, ids.caseB1].sort());
    expect(await visible({ kind: "user", userId: "s", role: "supervisor" })).toHaveLength(3);
  });

  it("gives a debtor their own cases only", async () => {
    expect(await visible({ kind: "debtor", debtorId: "d", caseIds: [ids.caseB1] })).toEqual([ids.caseB1]);
    expect(await visible({ kind: "debtor", debtorId: "d", caseIds: [] })).toEqual([]);
  });
});

describe("requireCase", () => {
  it("answers NOT_FOUND — not FORBIDDEN — for another tenant's case, an unknown id and a malformed id", async () => {
    const clientB: Actor = { kind: "user", userId: "u", role: "client", clientId: ids.clientB };
    expect((await requireCase(t.db, clientB, ids.caseB1)).id).toBe(ids.caseB1);
    for (const id of [ids.caseA1, "00000000-0000-4000-8000-000000000000", "not-a-uuid", "1; drop table cases"]) {
      const error = await requireCase(t.db, clientB, id).catch((e: unknown) => e);
      expect(isDomainError(error, "NOT_FOUND")).toBe(true);
    }
  });

  it("lets a client user see but not work its case", async () => {
    const clientA: Actor = { kind: "user", userId: "u", role: "client", clientId: ids.clientA };
    const error = await requireWorkableCase(t.db, clientA, ids.caseA1).catch((e: unknown) => e);
    expect(isDomainError(error, "FORBIDDEN")).toBe(true);
    const agent: Actor = { kind: "user", userId: ids.agentA, role: "agent", teamId: ids.teamA };
    expect((await requireWorkableCase(t.db, agent, ids.caseA1)).id).toBe(ids.caseA1);
  });
});
