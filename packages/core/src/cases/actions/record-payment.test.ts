import { auditEvents, cases, ledgerEntries, paymentAllocations, payments, promises } from "@recouvra/db";
import { useTestDb } from "@recouvra/db/testing";
import { isDomainError, ogmReference } from "@recouvra/domain";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { recordPromise } from "./record-promise.ts";
import { previewPaymentAllocation, recordPayment } from "./record-payment.ts";
import { buildAgency, ctxFor, openCase, TODAY, type Agency } from "./test-fixtures.ts";

const t = useTestDb();
let agency: Agency;

beforeAll(async () => {
  agency = await buildAgency(t.db);
});

async function ledgerSum(caseId: string): Promise<number> {
  const [row] = await t.db.select({ s: sql<string>`coalesce(sum(${ledgerEntries.amountCents}), 0)` }).from(ledgerEntries).where(eq(ledgerEntries.caseId, caseId));
  return Number(row!.s);
}
const caseRow = async (id: string) => (await t.db.select().from(cases).where(eq(cases.id, id)))[0]!;

describe("recordPayment", () => {
  it("allocates a bank transfer in the French order (interest, costs, principal), books the ledger, keeps the balance in step and records the commission", async () => {
    const kase = await openCase(t.db, agency);
    const preview = await previewPaymentAllocation({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, amountCents: 10_000 } });
    expect(preview.lines).toEqual([
      { component: "costs", amountCents: 4_000 },
      { component: "interest", amountCents: 2_000 },
      { component: "principal", amountCents: 4_000 },
    ]);
    const result = await recordPayment({
      ctx: ctxFor(t.db, agency.agentA),
      input: { caseId: kase.id, provider: "bank_transfer", amountCents: 10_000, receivedOn: TODAY, externalId: "stmt-1", reference: kase.paymentReference.toLowerCase() },
    });
    expect(result).toMatchObject({ isReplay: false, surplusCents: 0, balanceCents: 96_000, isCaseClosed: false });
    // 15% of the principal recovered (interest and costs stay with the agency), VAT 20% on it.
    expect(result.commission).toEqual({ commissionCents: 600, vatCents: 120, netToClientCents: 4_000 - 720 });
    const after = await caseRow(kase.id);
    expect(after.balanceCents).toBe(96_000);
    expect(await ledgerSum(kase.id)).toBe(96_000);
    expect(after.version).toBe(kase.version + 1);
    const lines = await t.db.select().from(paymentAllocations).where(eq(paymentAllocations.paymentId, result.paymentId));
    expect(lines.reduce((s, l) => s + l.amountCents, 0)).toBe(10_000);
    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, result.paymentId), eq(auditEvents.action, "payment.recorded")));
    expect(event!.data).toMatchObject({ provider: "bank_transfer", amountCents: 10_000, commissionCents: 600, vatCents: 120 });
    expect(event!.actorId).toBe((agency.agentA as { userId: string }).userId);
  });

  it("answers a retry with the same provider and externalId with the first payment and writes nothing", async () => {
    const kase = await openCase(t.db, agency);
    const input = { caseId: kase.id, provider: "manual" as const, amountCents: 5_000, receivedOn: TODAY, externalId: "retry-1" };
    const first = await recordPayment({ ctx: ctxFor(t.db, agency.agentA), input });
    const auditCount = async () => (await t.db.select().from(auditEvents).where(eq(auditEvents.caseId, kase.id))).length;
    const before = await auditCount();
    const again = await recordPayment({ ctx: ctxFor(t.db, agency.agentA), input });
    expect(again).toMatchObject({ paymentId: first.paymentId, isReplay: true, amountCents: 5_000 });
    expect(await t.db.select().from(payments).where(eq(payments.caseId, kase.id))).toHaveLength(1);
    expect(await auditCount()).toBe(before);
    expect((await caseRow(kase.id)).balanceCents).toBe(101_000);
  });

  it("keeps the ledger exact under ten concurrent payments", async () => {
    const kase = await openCase(t.db, agency);
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        recordPayment({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, provider: "manual", amountCents: 1_234, receivedOn: TODAY, externalId: `c-${i}` } }),
      ),
    );
    const after = await caseRow(kase.id);
    expect(after.balanceCents).toBe(106_000 - 12_340);
    expect(await ledgerSum(kase.id)).toBe(after.balanceCents);
    expect(after.version).toBe(kase.version + 10);
    expect(await t.db.select().from(payments).where(eq(payments.caseId, kase.id))).toHaveLength(10);
  });

  it("keeps an overpayment as a credit, closes the case as paid and keeps the promise", async () => {
    const kase = await openCase(t.db, agency);
    await recordPromise({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, dueOn: "2027-03-20", amountCents: 106_000 } });
    const result = await recordPayment({
      ctx: ctxFor(t.db, agency.agentA),
      input: { caseId: kase.id, provider: "direct_to_creditor", amountCents: 110_000, receivedOn: TODAY, externalId: "creditor-1" },
    });
    expect(result).toMatchObject({ surplusCents: 4_000, balanceCents: -4_000, isCaseClosed: true });
    // Paid to the creditor: it holds the money and owes the agency commission and VAT.
    expect(result.commission!.netToClientCents).toBeLessThan(0);
    const after = await caseRow(kase.id);
    expect(after).toMatchObject({ stage: "closed", closureReason: "paid", closedOn: TODAY, balanceCents: -4_000, nextActionOn: null });
    expect(await ledgerSum(kase.id)).toBe(-4_000);
    const [credit] = await t.db.select().from(ledgerEntries).where(and(eq(ledgerEntries.caseId, kase.id), eq(ledgerEntries.kind, "adjustment")));
    expect(credit).toMatchObject({ amountCents: -4_000, paymentId: result.paymentId });
    expect((await t.db.select().from(promises).where(eq(promises.caseId, kase.id)))[0]!.status).toBe("kept");
    const actions = (await t.db.select().from(auditEvents).where(eq(auditEvents.caseId, kase.id))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["payment.recorded", "promise.kept", "case.stage_changed", "case.case_closed"]));
  });

  it("checks the structured reference of a bank transfer and names the field", async () => {
    const kase = await openCase(t.db, agency);
    const base = { caseId: kase.id, provider: "bank_transfer" as const, amountCents: 1_000, receivedOn: TODAY, externalId: "ref-1" };
    for (const reference of [undefined, "RF00 1234", "+++123/4567/89012+++"]) {
      const error = await recordPayment({ ctx: ctxFor(t.db, agency.agentA), input: { ...base, reference } }).catch((e: unknown) => e);
      expect(isDomainError(error, "VALIDATION") && error.field).toBe("reference");
    }
    // Valid, but another case's reference: refused, nothing written.
    const wrong = await recordPayment({ ctx: ctxFor(t.db, agency.agentA), input: { ...base, reference: ogmReference("0000012345") } }).catch((e: unknown) => e);
    expect(isDomainError(wrong, "VALIDATION") && wrong.field).toBe("reference");
    expect(await t.db.select().from(payments).where(eq(payments.caseId, kase.id))).toEqual([]);
    const future = await recordPayment({ ctx: ctxFor(t.db, agency.agentA), input: { ...base, provider: "manual", receivedOn: "2027-04-01" } }).catch((e: unknown) => e);
    expect(isDomainError(future, "VALIDATION") && future.field).toBe("receivedOn");
    const zero = await recordPayment({ ctx: ctxFor(t.db, agency.agentA), input: { ...base, provider: "manual", amountCents: 0 } }).catch((e: unknown) => e);
    expect(isDomainError(zero, "VALIDATION") && zero.field).toBe("amountCents");
  });

  it("refuses a provider event already recorded on another case and leaves nothing half-written", async () => {
    const one = await openCase(t.db, agency);
    const two = await openCase(t.db, agency);
    await recordPayment({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: one.id, provider: "manual", amountCents: 1_000, receivedOn: TODAY, externalId: "shared-1" } });
    const error = await recordPayment({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: two.id, provider: "manual", amountCents: 1_000, receivedOn: TODAY, externalId: "shared-1" } }).catch((e: unknown) => e);
    expect(isDomainError(error, "CONFLICT")).toBe(true);
    expect(await ledgerSum(two.id)).toBe(106_000);
    expect(await caseRow(two.id)).toMatchObject({ balanceCents: 106_000, version: two.version });
  });

  it("is refused to a client user (FORBIDDEN) and to another team's agent (NOT_FOUND)", async () => {
    const kase = await openCase(t.db, agency);
    const input = { caseId: kase.id, provider: "manual" as const, amountCents: 1_000, receivedOn: TODAY, externalId: "actor-1" };
    const client = await recordPayment({ ctx: ctxFor(t.db, agency.clientUser), input }).catch((e: unknown) => e);
    expect(isDomainError(client, "FORBIDDEN")).toBe(true);
    const other = await recordPayment({ ctx: ctxFor(t.db, agency.agentB), input }).catch((e: unknown) => e);
    expect(isDomainError(other, "NOT_FOUND")).toBe(true);
    expect(await t.db.select().from(payments).where(eq(payments.caseId, kase.id))).toEqual([]);
  });
});
