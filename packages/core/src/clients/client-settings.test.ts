import { auditEvents, clients, feeAgreements } from "@recouvra/db";
import { seedDemo } from "@recouvra/db/seed";
import { useTestDb } from "@recouvra/db/testing";
import { isDomainError } from "@recouvra/domain";
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock, type Actor, type Ctx } from "../context.ts";
import { getClientSettings, listClientSettings, updateFeeAgreement, updateNegotiationPolicy, type UpdateNegotiationPolicyInput } from "./client-settings.ts";

const t = useTestDb();
const admin: Actor = { kind: "user", userId: "00000000-0000-4000-8000-00000000000a", role: "admin" };
const ctx = (actor: Actor, at = "2026-11-22T10:00:00Z"): Ctx => ({ db: t.db, clock: fixedClock(at), actor });
let telenova = "";

beforeAll(async () => {
  await seedDemo(t.db, { today: "2026-11-22" });
  const [row] = await t.db.select().from(clients).where(eq(clients.name, "Telenova"));
  telenova = row!.id;
}, 60_000);

const policy = (over: Partial<UpdateNegotiationPolicyInput> = {}): UpdateNegotiationPolicyInput => ({
  clientId: telenova,
  maxInstalments: 10,
  maxDurationMonths: 10,
  minInstalmentCents: 2500,
  maxFirstPaymentDelayDays: 20,
  maxSettlementDiscountPct: 15,
  approver: "client",
  ...over,
});

describe("client settings", () => {
  it("are read by supervisors and admins, refused to agents and client users", async () => {
    expect(await listClientSettings({ ctx: ctx({ kind: "user", userId: "s", role: "supervisor" }) })).toHaveLength(3);
    const settings = await getClientSettings({ ctx: ctx(admin), input: { clientId: telenova } });
    expect(settings.client.name).toBe("Telenova");
    expect(settings.feeAgreement?.rules.ageTiers.length).toBeGreaterThan(0);
    expect(settings.policy?.maxInstalments).toBeGreaterThan(0);
    for (const actor of [{ kind: "user", userId: "a", role: "agent" }, { kind: "user", userId: "c", role: "client", clientId: telenova }] as Actor[]) {
      const error = await getClientSettings({ ctx: ctx(actor), input: { clientId: telenova } }).catch((e: unknown) => e);
      expect(isDomainError(error, "FORBIDDEN")).toBe(true);
    }
    const missing = await getClientSettings({ ctx: ctx(admin), input: { clientId: "nope" } }).catch((e: unknown) => e);
    expect(isDomainError(missing, "NOT_FOUND")).toBe(true);
  });

  it("lets an admin set the policy and who approves beyond it, audited; names the bad field", async () => {
    const after = await updateNegotiationPolicy({ ctx: ctx(admin), input: policy() });
    expect(after.policy).toMatchObject({ maxInstalments: 10, minInstalmentCents: 2500, autoAcceptSettlement: false });
    expect(after.approver).toBe("client");
    expect(after.isDefaultPolicy).toBe(false);
    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "client.policy_updated"), eq(auditEvents.clientId, telenova)));
    expect(event?.actorId).toBe(admin.kind === "user" ? admin.userId : "");

    const bad = await updateNegotiationPolicy({ ctx: ctx(admin), input: policy({ maxInstalments: 0 }) }).catch((e: unknown) => e);
    expect(isDomainError(bad, "VALIDATION") && bad.field).toBe("maxInstalments");
    const supervisor = await updateNegotiationPolicy({ ctx: ctx({ kind: "user", userId: "s", role: "supervisor" }), input: policy() }).catch((e: unknown) => e);
    expect(isDomainError(supervisor, "FORBIDDEN")).toBe(true);
  });

  it("puts a new fee agreement in force from its date, ending the previous one that day", async () => {
    const input = { clientId: telenova, validFrom: "2026-12-01", ageTiers: [{ fromDays: 0, ratePct: 12 }], legalHandoverRatePct: 20, interestAndCosts: "kept_by_agency" as const, vatRatePct: 21 };
    const before = await getClientSettings({ ctx: ctx(admin), input: { clientId: telenova } });
    await updateFeeAgreement({ ctx: ctx(admin), input });
    // Still the old one today; the new one from 1 December.
    expect((await getClientSettings({ ctx: ctx(admin), input: { clientId: telenova } })).feeAgreement?.rules).toEqual(before.feeAgreement?.rules);
    const december = await getClientSettings({ ctx: ctx(admin, "2026-12-01T10:00:00Z"), input: { clientId: telenova } });
    expect(december.feeAgreement?.rules.ageTiers).toEqual([{ fromDays: 0, ratePct: 12 }]);
    const rows = await t.db.select().from(feeAgreements).where(eq(feeAgreements.clientId, telenova)).orderBy(asc(feeAgreements.validFrom));
    expect(rows.at(-2)?.validTo).toBe("2026-12-01");
    expect(rows.at(-1)?.validTo).toBeNull();

    const again = await updateFeeAgreement({ ctx: ctx(admin), input }).catch((e: unknown) => e);
    expect(isDomainError(again, "CONFLICT")).toBe(true);
    const past = await updateFeeAgreement({ ctx: ctx(admin), input: { ...input, validFrom: "2026-01-01" } }).catch((e: unknown) => e);
    expect(isDomainError(past, "VALIDATION") && past.field).toBe("validFrom");
    const badTiers = await updateFeeAgreement({ ctx: ctx(admin), input: { ...input, validFrom: "2027-01-01", ageTiers: [{ fromDays: 30, ratePct: 10 }] } }).catch((e: unknown) => e);
    expect(isDomainError(badTiers, "VALIDATION")).toBe(true);
  });
});
