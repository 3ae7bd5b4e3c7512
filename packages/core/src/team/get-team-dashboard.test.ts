import { cases, clients, debtors, interactions, payments, promises, teams, users } from "@recouvra/db";
import { useTestDb } from "@recouvra/db/testing";
import { isDomainError } from "@recouvra/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock, type Actor, type Ctx } from "../context.ts";
import { getTeamDashboard } from "./get-team-dashboard.ts";

const t = useTestDb();
// Thursday 19 November 2026, 15:00 in Paris: the week started Monday the 16th.
const clock = fixedClock("2026-11-19T14:00:00Z");
const ctx = (actor: Actor): Ctx => ({ db: t.db, clock, actor });
const ids: Record<string, string> = {};

beforeAll(async () => {
  const [client] = await t.db.insert(clients).values({ name: "C", legalName: "C SA", jurisdiction: "BE", countryCode: "BE" }).returning();
  const [teamA, teamB] = await t.db.insert(teams).values([{ name: "A" }, { name: "B" }]).returning();
  const [a1, a2] = await t.db
    .insert(users)
    .values([
      { email: "a1@x.test", displayName: "Anna", role: "agent", teamId: teamA!.id },
      { email: "a2@x.test", displayName: "Bram", role: "agent", teamId: teamB!.id },
    ])
    .returning();
  const [debtor] = await t.db.insert(debtors).values({ clientId: client!.id, kind: "person", type: "consumer", lastName: "D", locale: "fr", jurisdiction: "BE" }).returning();
  const base = { clientId: client!.id, debtorId: debtor!.id, jurisdiction: "BE", currency: "EUR", placedOn: "2026-09-01" };
  const [c1, c2, c3] = await t.db
    .insert(cases)
    .values([
      { ...base, reference: "R1", paymentReference: "P1", stage: "in_contact", teamId: teamA!.id, assignedUserId: a1!.id },
      { ...base, reference: "R2", paymentReference: "P2", stage: "promise", teamId: teamA!.id, assignedUserId: a1!.id },
      { ...base, reference: "R3", paymentReference: "P3", stage: "in_contact", teamId: teamB!.id, assignedUserId: a2!.id },
    ] as (typeof cases.$inferInsert)[])
    .returning();
  const call = (caseId: string, userId: string, at: string, outcome: string) => ({ caseId, clientId: client!.id, channel: "phone", direction: "outbound", outcome, userId, occurredAt: new Date(at) });
  await t.db.insert(interactions).values([
    call(c1!.id, a1!.id, "2026-11-19T08:00:00Z", "right_party_contact"),
    call(c2!.id, a1!.id, "2026-11-19T09:00:00Z", "no_answer"),
    // 23:30 in Paris on the 18th: yesterday, even though it is the 18th in UTC too.
    call(c1!.id, a1!.id, "2026-11-18T22:30:00Z", "no_answer"),
    // 00:30 in Paris on the 19th (23:30 UTC on the 18th): today.
    call(c3!.id, a2!.id, "2026-11-18T23:30:00Z", "promised"),
  ]);
  const promise = (caseId: string, userId: string, dueOn: string, status: string) => ({ caseId, clientId: client!.id, promisedOn: "2026-08-01", dueOn, amountCents: 1000, currency: "EUR", status, userId });
  await t.db.insert(promises).values([
    promise(c1!.id, a1!.id, "2026-11-10", "kept"),
    promise(c2!.id, a1!.id, "2026-11-12", "broken"),
    promise(c2!.id, a1!.id, "2026-09-01", "broken"), // more than 30 days ago: not counted
    promise(c2!.id, a1!.id, "2026-11-25", "pending"),
  ]);
  const pay = (caseId: string, externalId: string, at: string, amountCents: number) => ({ caseId, clientId: client!.id, provider: "bank_transfer", externalId, amountCents, currency: "EUR", receivedAt: new Date(at) });
  await t.db.insert(payments).values([
    pay(c1!.id, "x1", "2026-11-17T10:00:00Z", 5000), // this week
    pay(c2!.id, "x2", "2026-11-05T10:00:00Z", 2000), // this month, last week
    pay(c2!.id, "x3", "2026-10-30T10:00:00Z", 9999), // last month
    pay(c3!.id, "x4", "2026-11-18T10:00:00Z", 700),
  ]);
  Object.assign(ids, { teamA: teamA!.id, a1: a1!.id, a2: a2!.id });
});

describe("getTeamDashboard", () => {
  it("gives each agent's open cases, contacts today (agency time), promises of the last 30 days and collections", async () => {
    const d = await getTeamDashboard({ ctx: ctx({ kind: "user", userId: "admin", role: "admin" }) });
    expect(d.weekStart).toBe("2026-11-16");
    expect(d.monthStart).toBe("2026-11-01");
    const anna = d.agents.find((a) => a.displayName === "Anna")!;
    expect(anna).toMatchObject({ openCases: 2, contactsToday: 2, rightPartyContactsToday: 1, promisesKept: 1, promisesBroken: 1, collectedWeekCents: 5000, collectedMonthCents: 7000 });
    const bram = d.agents.find((a) => a.displayName === "Bram")!;
    expect(bram).toMatchObject({ openCases: 1, contactsToday: 1, rightPartyContactsToday: 1, collectedWeekCents: 700, collectedMonthCents: 700 });
    expect(d.totals).toMatchObject({ openCases: 3, contactsToday: 3, collectedMonthCents: 7700 });
  });

  it("shows a team's supervisor that team only, and a supervisor without a team every team", async () => {
    const own = await getTeamDashboard({ ctx: ctx({ kind: "user", userId: "s", role: "supervisor", teamId: ids.teamA }) });
    expect(own.agents.map((a) => a.displayName)).toEqual(["Anna"]);
    const all = await getTeamDashboard({ ctx: ctx({ kind: "user", userId: "s", role: "supervisor" }) });
    expect(all.agents).toHaveLength(2);
  });

  it("is refused to agents, client users and debtors", async () => {
    for (const actor of [
      { kind: "user", userId: ids.a1!, role: "agent", teamId: ids.teamA } as Actor,
      { kind: "user", userId: "c", role: "client", clientId: "x" } as Actor,
      { kind: "debtor", debtorId: "d", caseIds: [] } as Actor,
    ]) {
      const error = await getTeamDashboard({ ctx: ctx(actor) }).catch((e: unknown) => e);
      expect(isDomainError(error, "FORBIDDEN")).toBe(true);
    }
  });
});
