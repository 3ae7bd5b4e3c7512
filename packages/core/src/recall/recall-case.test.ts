import { auditEvents, cases, clients, promises } from "@recouvra/db";
import { seedDemo } from "@recouvra/db/seed";
import { useTestDb } from "@recouvra/db/testing";
import { isDomainError } from "@recouvra/domain";
import { and, eq, ne } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock, type Actor, type Ctx } from "../context.ts";
import { recallCase } from "./recall-case.ts";

const t = useTestDb();
const ctx = (actor: Actor): Ctx => ({ db: t.db, clock: fixedClock("2026-11-22T10:00:00Z"), actor });
const clientIds: Record<string, string> = {};
const client = (name: string): Actor => ({ kind: "user", userId: "00000000-0000-4000-8000-0000000000c1", role: "client", clientId: clientIds[name] });

beforeAll(async () => {
  await seedDemo(t.db, { today: "2026-11-22" });
  for (const c of await t.db.select().from(clients)) clientIds[c.name] = c.id;
}, 60_000);

describe("recallCase", () => {
  it("closes a client's open case as withdrawn, cancels its pending promise, and tells the agency why", async () => {
    const [kase] = await t.db.select().from(cases).where(and(eq(cases.clientId, clientIds.Telenova!), eq(cases.stage, "promise")));
    await recallCase({ ctx: ctx(client("Telenova")), input: { caseId: kase!.id, reason: "The customer paid us directly" } });
    const [after] = await t.db.select().from(cases).where(eq(cases.id, kase!.id));
    expect(after).toMatchObject({ stage: "closed", closureReason: "withdrawn", closedOn: "2026-11-22" });
    expect(await t.db.select().from(promises).where(and(eq(promises.caseId, kase!.id), eq(promises.status, "pending")))).toEqual([]);
    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.caseId, kase!.id), eq(auditEvents.action, "case.recalled")));
    expect(event!.data).toMatchObject({ reason: "The customer paid us directly", byRole: "client" });
    const again = await recallCase({ ctx: ctx(client("Telenova")), input: { caseId: kase!.id, reason: "Twice" } }).catch((e: unknown) => e);
    expect(isDomainError(again, "PRECONDITION_FAILED") || isDomainError(again, "CONFLICT")).toBe(true);
  });

  it("answers NOT_FOUND for another client's case and changes nothing", async () => {
    const [other] = await t.db.select().from(cases).where(and(eq(cases.clientId, clientIds["Kleurrijk Wonen"]!), ne(cases.stage, "closed")));
    const error = await recallCase({ ctx: ctx(client("Telenova")), input: { caseId: other!.id, reason: "Not mine" } }).catch((e: unknown) => e);
    expect(isDomainError(error, "NOT_FOUND")).toBe(true);
    const [same] = await t.db.select().from(cases).where(eq(cases.id, other!.id));
    expect(same!.stage).toBe(other!.stage);
  });

  it("requires a reason and is not for agents", async () => {
    const [kase] = await t.db.select().from(cases).where(and(eq(cases.clientId, clientIds.Telenova!), ne(cases.stage, "closed")));
    const noReason = await recallCase({ ctx: ctx(client("Telenova")), input: { caseId: kase!.id, reason: " " } }).catch((e: unknown) => e);
    expect(isDomainError(noReason, "VALIDATION") && noReason.field).toBe("reason");
    const agent = await recallCase({ ctx: ctx({ kind: "user", userId: "a", role: "agent" }), input: { caseId: kase!.id, reason: "Because" } }).catch((e: unknown) => e);
    expect(isDomainError(agent, "FORBIDDEN")).toBe(true);
  });
});
