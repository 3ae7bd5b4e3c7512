import { arrangements, auditEvents, cases, clients, instalments, users } from "@recouvra/db";
import { seedDemo } from "@recouvra/db/seed";
import { useTestDb } from "@recouvra/db/testing";
import { isDomainError } from "@recouvra/domain";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { updateNegotiationPolicy } from "../clients/client-settings.ts";
import { fixedClock, type Actor, type Ctx } from "../context.ts";
import { decideApproval, listApprovals } from "./approvals.ts";

const t = useTestDb();
const clock = fixedClock("2026-11-22T10:00:00Z");
const ctx = (actor: Actor): Ctx => ({ db: t.db, clock, actor });
let supervisor: Actor;
let admin: Actor;
const clientIds: Record<string, string> = {};

beforeAll(async () => {
  await seedDemo(t.db, { today: "2026-11-22" });
  const [s] = await t.db.select().from(users).where(eq(users.role, "supervisor"));
  const [a] = await t.db.select().from(users).where(eq(users.role, "admin"));
  supervisor = { kind: "user", userId: s!.id, role: "supervisor" };
  admin = { kind: "user", userId: a!.id, role: "admin" };
  for (const c of await t.db.select().from(clients)) clientIds[c.name] = c.id;
}, 60_000);

const clientUser = (name: string): Actor => ({ kind: "user", userId: "00000000-0000-4000-8000-0000000000c1", role: "client", clientId: clientIds[name] });

describe("approvals", () => {
  it("lists every waiting proposal to the supervisor, none to agents or to clients who do not decide", async () => {
    const waiting = await listApprovals({ ctx: ctx(supervisor) });
    const [{ n }] = (await t.db.execute(sql`select count(*)::int as n from arrangements where status = 'proposed'`)) as unknown as [{ n: number }];
    expect(waiting.length).toBe(n);
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting[0]).toMatchObject({ approver: "supervisor", kind: "plan" });
    expect(await listApprovals({ ctx: ctx(clientUser("Telenova")) })).toEqual([]);
    const agent = await listApprovals({ ctx: ctx({ kind: "user", userId: "x", role: "agent" }) }).catch((e: unknown) => e);
    expect(isDomainError(agent, "FORBIDDEN")).toBe(true);
  });

  it("starts an approved plan over today's balance, moves the case to arrangement, and refuses a second decision", async () => {
    const [first] = await listApprovals({ ctx: ctx(supervisor) });
    const result = await decideApproval({ ctx: ctx(supervisor), input: { arrangementId: first!.arrangementId, decision: "approve", note: "Debtor lost their job; fair plan" } });
    expect(result.status).toBe("active");
    const [kase] = await t.db.select().from(cases).where(eq(cases.id, first!.caseId));
    expect(kase!.stage).toBe("arrangement");
    const lines = await t.db.select().from(instalments).where(eq(instalments.arrangementId, first!.arrangementId));
    expect(lines.reduce((s, l) => s + l.amountCents, 0)).toBe(kase!.balanceCents);
    expect(lines.every((l) => l.dueOn >= "2026-11-22")).toBe(true);
    const events = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, first!.arrangementId), eq(auditEvents.action, "arrangement.approved")));
    expect(events).toHaveLength(1);
    const again = await decideApproval({ ctx: ctx(supervisor), input: { arrangementId: first!.arrangementId, decision: "reject" } }).catch((e: unknown) => e);
    expect(isDomainError(again, "NOT_FOUND") || isDomainError(again, "CONFLICT")).toBe(true);
  });

  it("records a rejection with its note", async () => {
    const [next] = await listApprovals({ ctx: ctx(supervisor) });
    await decideApproval({ ctx: ctx(supervisor), input: { arrangementId: next!.arrangementId, decision: "reject", note: "Too long for this balance" } });
    const [row] = await t.db.select().from(arrangements).where(eq(arrangements.id, next!.arrangementId));
    expect(row).toMatchObject({ status: "rejected" });
    expect(row!.decisionReason).toContain("Too long for this balance");
  });

  it("routes a client's proposals to the client when its policy says so; other clients cannot decide them", async () => {
    const waiting = await listApprovals({ ctx: ctx(supervisor) });
    const target = waiting.find((w) => w.clientName === "Kleurrijk Wonen") ?? waiting[0]!;
    await updateNegotiationPolicy({
      ctx: ctx(admin),
      input: { clientId: clientIds[target.clientName]!, maxInstalments: 6, maxDurationMonths: 6, minInstalmentCents: 2500, maxFirstPaymentDelayDays: 15, maxSettlementDiscountPct: 10, approver: "client" },
    });
    expect((await listApprovals({ ctx: ctx(supervisor) })).some((w) => w.arrangementId === target.arrangementId)).toBe(false);
    const own = await listApprovals({ ctx: ctx(clientUser(target.clientName)) });
    expect(own.map((w) => w.arrangementId)).toContain(target.arrangementId);
    const otherName = Object.keys(clientIds).find((n) => n !== target.clientName)!;
    const stranger = await decideApproval({ ctx: ctx(clientUser(otherName)), input: { arrangementId: target.arrangementId, decision: "approve" } }).catch((e: unknown) => e);
    expect(isDomainError(stranger, "NOT_FOUND")).toBe(true);
    const bySupervisor = await decideApproval({ ctx: ctx(supervisor), input: { arrangementId: target.arrangementId, decision: "approve" } }).catch((e: unknown) => e);
    expect(isDomainError(bySupervisor, "NOT_FOUND")).toBe(true);
    const decided = await decideApproval({ ctx: ctx(clientUser(target.clientName)), input: { arrangementId: target.arrangementId, decision: "reject", note: "We prefer court action" } });
    expect(decided.status).toBe("rejected");
  });
});
