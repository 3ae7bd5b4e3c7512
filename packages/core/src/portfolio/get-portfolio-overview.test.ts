import { cases, payments } from "@recouvra/db";
import { seedDemo } from "@recouvra/db/seed";
import { useTestDb } from "@recouvra/db/testing";
import { isDomainError } from "@recouvra/domain";
import { and, eq, ne, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock, type Actor, type Ctx } from "../context.ts";
import { getPortfolioOverview } from "./get-portfolio-overview.ts";

const t = useTestDb();
const clock = fixedClock("2026-11-22T10:00:00Z");
const ctx = (actor: Actor): Ctx => ({ db: t.db, clock, actor });
let telenova = "";
let delmas = "";

beforeAll(async () => {
  await seedDemo(t.db, { today: "2026-11-22" });
  const rows = await t.db.execute<{ id: string; name: string }>(sql`select id, name from clients`);
  telenova = rows.find((r) => r.name === "Telenova")!.id;
  delmas = rows.find((r) => r.name === "Delmas Distribution")!.id;
}, 60_000);

describe("getPortfolioOverview", () => {
  it("gives a client user exactly its own figures, as the database holds them", async () => {
    const o = await getPortfolioOverview({ ctx: ctx({ kind: "user", userId: "u", role: "client", clientId: telenova }) });
    const [expected] = await t.db
      .select({
        placed: sql<number>`count(*)::int`,
        open: sql<number>`(count(*) filter (where stage <> 'closed'))::int`,
        outstanding: sql<string>`coalesce(sum(balance_cents) filter (where stage <> 'closed'), 0)`,
      })
      .from(cases)
      .where(eq(cases.clientId, telenova));
    const [paid] = await t.db
      .select({ total: sql<string>`sum(amount_cents)` })
      .from(payments)
      .where(and(eq(payments.clientId, telenova), eq(payments.status, "succeeded")));
    expect(o.clients).toEqual([{ id: telenova, name: "Telenova" }]);
    expect(o.casesPlaced).toBe(expected!.placed);
    expect(o.openCases).toBe(expected!.open);
    expect(o.outstandingCents).toBe(Number(expected!.outstanding));
    expect(o.collectedCents).toBe(Number(paid!.total));
    expect(o.recoveryRate).toBeCloseTo(o.collectedCents / o.placedCents, 10);
    expect(o.openByStage.reduce((s, x) => s + x.count, 0)).toBe(o.openCases);
    expect(o.openByAge.reduce((s, x) => s + x.count, 0)).toBe(o.openCases);
    expect(o.openByAge.reduce((s, x) => s + x.outstandingCents, 0)).toBe(o.outstandingCents);
    expect(o.collectedByMonth.map((m) => m.month)).toEqual(["2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]);
  });

  it("ignores a client user's attempt to look at another client", async () => {
    const o = await getPortfolioOverview({ ctx: ctx({ kind: "user", userId: "u", role: "client", clientId: telenova }), input: { clientId: delmas } });
    expect(o.clientId).toBe(telenova);
    expect(o.clients.map((c) => c.name)).toEqual(["Telenova"]);
  });

  it("lets an admin see every client or one, and refuses an unknown client as not found", async () => {
    const admin: Actor = { kind: "user", userId: "a", role: "admin" };
    const all = await getPortfolioOverview({ ctx: ctx(admin) });
    expect(all.clients).toHaveLength(3);
    expect(all.casesPlaced).toBe(300);
    const one = await getPortfolioOverview({ ctx: ctx(admin), input: { clientId: delmas } });
    expect(one.casesPlaced).toBe(90);
    const error = await getPortfolioOverview({ ctx: ctx(admin), input: { clientId: "00000000-0000-4000-8000-000000000000" } }).catch((e: unknown) => e);
    expect(isDomainError(error, "NOT_FOUND")).toBe(true);
    const bad = await getPortfolioOverview({ ctx: ctx(admin), input: { clientId: "nope" } }).catch((e: unknown) => e);
    expect(isDomainError(bad, "VALIDATION")).toBe(true);
  });

  it("refuses debtors", async () => {
    const error = await getPortfolioOverview({ ctx: ctx({ kind: "debtor", debtorId: "d", caseIds: [] }) }).catch((e: unknown) => e);
    expect(isDomainError(error, "FORBIDDEN")).toBe(true);
  });

  it("counts only open cases in the stage and age breakdowns", async () => {
    const admin: Actor = { kind: "user", userId: "a", role: "admin" };
    const o = await getPortfolioOverview({ ctx: ctx(admin) });
    const [open] = await t.db.select({ n: sql<number>`count(*)::int` }).from(cases).where(ne(cases.stage, "closed"));
    expect(o.openCases).toBe(open!.n);
  });
});
