// The queue against the demo agency: scope, filters and search on realistic data.
import { cases, claims, clients, contactPoints, debtors, teams, users } from "@recouvra/db";
import { seedDemo, TEAMS } from "@recouvra/db/seed";
import { useTestDb } from "@recouvra/db/testing";
import { ageBucketBounds, amountBandBounds, isDomainError, QUEUE_AGE_BUCKETS, QUEUE_AMOUNT_BANDS, type IsoDate } from "@recouvra/domain";
import { and, eq, ne, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock, type Actor, type Ctx } from "../context.ts";
import { listWorkQueue, nextCaseAfter } from "./list-work-queue.ts";

const TODAY: IsoDate = "2026-11-22";
const t = useTestDb();
let frTeamId = "";
let claire: Actor;
let clientUser: Actor;
const ctxOf = (actor: Actor): Ctx => ({ db: t.db, clock: fixedClock(`${TODAY}T10:00:00Z`), actor });

beforeAll(async () => {
  await seedDemo(t.db, { today: TODAY });
  const [team] = await t.db.select().from(teams).where(eq(teams.name, TEAMS[0].name));
  frTeamId = team!.id;
  const [agent] = await t.db.select().from(users).where(eq(users.email, "claire.dubois@recouvra-demo.test"));
  claire = { kind: "user", userId: agent!.id, role: "agent", teamId: frTeamId };
  const [client] = await t.db.select().from(users).where(eq(users.role, "client")).limit(1);
  clientUser = { kind: "user", userId: client!.id, role: "client", clientId: client!.clientId! };
}, 120_000);

async function teamOf(caseIds: string[]): Promise<Set<string | null>> {
  const rows = await t.db.select({ teamId: cases.teamId }).from(cases).where(sql`${cases.id} in ${caseIds}`);
  return new Set(rows.map((r) => r.teamId));
}

describe("listWorkQueue on the demo agency", () => {
  it("refuses client users and debtors", async () => {
    for (const actor of [clientUser, { kind: "debtor", debtorId: "d", caseIds: [] } as Actor]) {
      const error = await listWorkQueue({ ctx: ctxOf(actor) }).catch((e: unknown) => e);
      expect(isDomainError(error, "FORBIDDEN")).toBe(true);
    }
  });

  it("lists only the agent's team's open cases, ranked by score, each with a reason", async () => {
    const queue = await listWorkQueue({ ctx: ctxOf(claire), input: { limit: 100 } });
    expect(queue.rows.length).toBeGreaterThan(20);
    expect(await teamOf(queue.rows.map((r) => r.caseId))).toEqual(new Set([frTeamId]));
    expect(queue.rows.every((r) => r.stage !== "closed" && r.reasons.length > 0)).toBe(true);
    for (let i = 1; i < queue.rows.length; i++) expect(queue.rows[i - 1]!.score).toBeGreaterThanOrEqual(queue.rows[i]!.score);
    // Every open, unheld case of the team is in the ranking (the demo is smaller than the window).
    const [{ n }] = (await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(cases)
      .where(and(eq(cases.teamId, frTeamId), ne(cases.stage, "closed"), sql`not (${cases.holds} && array['disputed','insolvency','deceased']::text[])`))) as [{ n: number }];
    expect(queue.total).toBeGreaterThanOrEqual(n);
    // Filter options: the agency's active clients, by name.
    const active = await t.db.select({ name: clients.name }).from(clients).where(eq(clients.isActive, true));
    expect(queue.clientOptions.map((c) => c.name)).toEqual(active.map((c) => c.name).sort((a, b) => (a < b ? -1 : 1)));
  });

  it("pages through the ranking without repeating a case", async () => {
    const first = await listWorkQueue({ ctx: ctxOf(claire), input: { page: 1, limit: 10 } });
    const second = await listWorkQueue({ ctx: ctxOf(claire), input: { page: 2, limit: 10 } });
    expect(first.hasNextPage).toBe(true);
    const all = await listWorkQueue({ ctx: ctxOf(claire), input: { page: 1, limit: 20 } });
    expect([...first.rows, ...second.rows].map((r) => r.caseId)).toEqual(all.rows.map((r) => r.caseId));
  });

  it("filters by stage, client, age bucket and amount band", async () => {
    const byStage = await listWorkQueue({ ctx: ctxOf(claire), input: { filters: { stage: "negotiating" }, limit: 100 } });
    expect(byStage.rows.length).toBeGreaterThan(0);
    expect(byStage.rows.every((r) => r.stage === "negotiating")).toBe(true);

    const clientId = (await listWorkQueue({ ctx: ctxOf(claire) })).clientOptions[0]!.id;
    const byClient = await listWorkQueue({ ctx: ctxOf(claire), input: { filters: { clientId }, limit: 100 } });
    expect(byClient.rows.length).toBeGreaterThan(0);
    expect(byClient.rows.every((r) => r.clientId === clientId)).toBe(true);

    let seenAge = 0;
    for (const bucket of QUEUE_AGE_BUCKETS) {
      const { minDays, maxDays } = ageBucketBounds(bucket);
      const q = await listWorkQueue({ ctx: ctxOf(claire), input: { filters: { ageBucket: bucket }, limit: 100 } });
      seenAge += q.total;
      expect(q.rows.every((r) => r.daysSincePlacement >= minDays && (maxDays === null || r.daysSincePlacement <= maxDays))).toBe(true);
    }
    let seenAmount = 0;
    for (const band of QUEUE_AMOUNT_BANDS) {
      const { minCents, maxCents } = amountBandBounds(band);
      const q = await listWorkQueue({ ctx: ctxOf(claire), input: { filters: { amountBand: band }, limit: 100 } });
      seenAmount += q.total;
      expect(q.rows.every((r) => (minCents === null || r.balanceCents >= minCents) && (maxCents === null || r.balanceCents < maxCents))).toBe(true);
    }
    const all = await listWorkQueue({ ctx: ctxOf(claire) });
    expect(seenAge).toBe(all.total);
    expect(seenAmount).toBe(all.total);
  });

  it("finds a case by reference (exact or prefix), debtor name, email, phone and invoice number", async () => {
    const queue = await listWorkQueue({ ctx: ctxOf(claire), input: { limit: 100 } });
    const target = queue.rows.find((r) => r.stage !== "new") ?? queue.rows[0]!;
    const search = async (q: string) => (await listWorkQueue({ ctx: ctxOf(claire), input: { filters: { search: q }, limit: 100 } })).rows.map((r) => r.caseId);

    expect(await search(target.reference)).toEqual([target.caseId]);
    expect(await search(target.reference.toLowerCase())).toEqual([target.caseId]);
    expect(await search(target.reference.slice(0, -1))).toContain(target.caseId);

    const [row] = await t.db
      .select({ debtorId: cases.debtorId, lastName: debtors.lastName, companyName: debtors.companyName })
      .from(cases)
      .innerJoin(debtors, eq(debtors.id, cases.debtorId))
      .where(eq(cases.id, target.caseId));
    const name = (row!.companyName ?? row!.lastName)!;
    expect(await search(name.slice(0, 4).toLowerCase())).toContain(target.caseId);

    const points = await t.db.select().from(contactPoints).where(eq(contactPoints.debtorId, row!.debtorId));
    const email = points.find((p) => p.kind === "email");
    if (email) expect(await search(email.value.toUpperCase())).toContain(target.caseId);
    const phone = points.find((p) => p.kind === "phone");
    if (phone) {
      // Typed the way people write numbers: with spaces.
      const spaced = `${phone.value.slice(0, 3)} ${phone.value.slice(3, 6)} ${phone.value.slice(6)}`;
      expect(await search(spaced)).toContain(target.caseId);
    }
    expect(email ?? phone).toBeDefined();

    const [claim] = await t.db.select().from(claims).where(eq(claims.caseId, target.caseId)).limit(1);
    expect(await search(claim!.invoiceNumber)).toContain(target.caseId);
    expect(await search("zz-no-such-thing")).toEqual([]);
    // LIKE wildcards are literal.
    expect(await search("%")).toEqual([]);
  });

  it("never finds another team's case, whatever the search", async () => {
    const [other] = await t.db
      .select({ reference: cases.reference })
      .from(cases)
      .where(and(ne(cases.teamId, frTeamId), ne(cases.stage, "closed")))
      .limit(1);
    const found = await listWorkQueue({ ctx: ctxOf(claire), input: { filters: { search: other!.reference } } });
    expect(found.rows).toEqual([]);
    const admin: Actor = { kind: "user", userId: "admin", role: "admin" };
    expect((await listWorkQueue({ ctx: ctxOf(admin), input: { filters: { search: other!.reference } } })).rows).toHaveLength(1);
  });

  it("rejects bad filters with the field named", async () => {
    const error = await listWorkQueue({ ctx: ctxOf(claire), input: { filters: { clientId: "nope" } } }).catch((e: unknown) => e);
    expect(isDomainError(error, "VALIDATION") && error.field).toBe("filters.clientId");
    const closed = await listWorkQueue({ ctx: ctxOf(claire), input: { filters: { stage: "closed" as "new" } } }).catch((e: unknown) => e);
    expect(isDomainError(closed, "VALIDATION")).toBe(true);
  });

  it("gives the next case after one, and the head for an unknown one", async () => {
    const queue = await listWorkQueue({ ctx: ctxOf(claire), input: { limit: 3 } });
    expect(await nextCaseAfter({ ctx: ctxOf(claire), input: { caseId: queue.rows[0]!.caseId } })).toBe(queue.rows[1]!.caseId);
    expect(await nextCaseAfter({ ctx: ctxOf(claire), input: { caseId: "00000000-0000-4000-8000-000000000000" } })).toBe(queue.rows[0]!.caseId);
  });

  it("names the clients by their own names", async () => {
    const names = (await t.db.select({ name: clients.name }).from(clients)).map((c) => c.name);
    const queue = await listWorkQueue({ ctx: ctxOf(claire) });
    expect(queue.rows.every((r) => names.includes(r.clientName))).toBe(true);
  });
});
