import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocatePayment } from "./allocation.ts";
import { DomainError } from "./errors.ts";
import { allocationBalancesOf, assertLedgerEntry, balancesOf, paymentEntries, reversalOf, type LedgerEntry } from "./ledger.ts";
import { LEDGER_COMPONENTS, type LedgerComponent, type LedgerKind } from "./vocabulary.ts";

const placed: LedgerEntry[] = [
  { component: "principal", kind: "placed", amountCents: 120_000, effectiveOn: "2026-01-10", reference: "INV-1" },
  { component: "interest", kind: "accrued", amountCents: 1_234, effectiveOn: "2026-02-10" },
  { component: "costs", kind: "charged", amountCents: 4_000, effectiveOn: "2026-02-10" },
  { component: "fees", kind: "charged", amountCents: 750, effectiveOn: "2026-02-11" },
];

describe("balancesOf", () => {
  it("sums per component and in total", () => {
    expect(balancesOf(placed)).toEqual({ principalCents: 120_000, interestCents: 1_234, costsCents: 4_000, feesCents: 750, totalCents: 125_984 });
  });

  it("is zero for no entries", () => {
    expect(balancesOf([])).toEqual({ principalCents: 0, interestCents: 0, costsCents: 0, feesCents: 0, totalCents: 0 });
  });

  it("refuses malformed entries, naming the entry and field", () => {
    const bad: [Partial<LedgerEntry>, string][] = [
      [{ amountCents: 0 }, "entries[0].amountCents"],
      [{ amountCents: 1.5 }, "entries[0].amountCents"],
      [{ kind: "payment", amountCents: 10 }, "entries[0].amountCents"],
      [{ kind: "placed", amountCents: -10 }, "entries[0].amountCents"],
      [{ kind: "write_off", amountCents: 10 }, "entries[0].amountCents"],
      [{ component: "vat" as LedgerComponent }, "entries[0].component"],
      [{ kind: "refund" as LedgerKind }, "entries[0].kind"],
      [{ effectiveOn: "2026-02-30" }, "entries[0].effectiveOn"],
    ];
    for (const [patch, field] of bad) {
      try {
        balancesOf([{ ...placed[0]!, ...patch }]);
        expect.unreachable(JSON.stringify(patch));
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        expect((e as DomainError).field).toBe(field);
      }
    }
  });

  it("lets adjustments and reversals go either way", () => {
    expect(() => assertLedgerEntry({ component: "interest", kind: "adjustment", amountCents: -5, effectiveOn: "2026-03-01" })).not.toThrow();
    expect(() => assertLedgerEntry({ component: "interest", kind: "reversal", amountCents: 5, effectiveOn: "2026-03-01" })).not.toThrow();
  });
});

describe("paymentEntries", () => {
  it("books an NL allocation as negative entries, costs before fees", () => {
    const balances = balancesOf(placed);
    const allocation = allocatePayment({ order: "NL", balances: allocationBalancesOf(balances), paymentCents: 10_000 });
    expect(allocation.applied).toEqual({ costsCents: 4_750, interestCents: 1_234, principalCents: 4_016 });
    const entries = paymentEntries(allocation, { effectiveOn: "2026-03-01", reference: "pay_1", balances });
    expect(entries).toEqual([
      { component: "costs", kind: "payment", amountCents: -4_000, effectiveOn: "2026-03-01", reference: "pay_1" },
      { component: "fees", kind: "payment", amountCents: -750, effectiveOn: "2026-03-01", reference: "pay_1" },
      { component: "interest", kind: "payment", amountCents: -1_234, effectiveOn: "2026-03-01", reference: "pay_1" },
      { component: "principal", kind: "payment", amountCents: -4_016, effectiveOn: "2026-03-01", reference: "pay_1" },
    ]);
    expect(balancesOf([...placed, ...entries]).totalCents).toBe(125_984 - 10_000);
  });

  it("books all costs on `costs` without balances, skips zero components and the surplus", () => {
    const allocation = allocatePayment({ order: "FR", balances: { costsCents: 0, interestCents: 100, principalCents: 50 }, paymentCents: 500 });
    expect(allocation.surplusCents).toBe(350);
    expect(paymentEntries(allocation, { effectiveOn: "2026-03-01" })).toEqual([
      { component: "interest", kind: "payment", amountCents: -100, effectiveOn: "2026-03-01" },
      { component: "principal", kind: "payment", amountCents: -50, effectiveOn: "2026-03-01" },
    ]);
  });

  it("refuses a malformed allocation or date", () => {
    expect(() => paymentEntries({ applied: { costsCents: -1, interestCents: 0, principalCents: 0 } }, { effectiveOn: "2026-03-01" })).toThrow(DomainError);
    expect(() => paymentEntries({ applied: { costsCents: 1, interestCents: 0, principalCents: 0 } }, { effectiveOn: "01/03/2026" })).toThrow(
      /effectiveOn/,
    );
  });
});

describe("reversalOf", () => {
  it("mirrors every entry as a reversal on the reversal's date", () => {
    const entries = paymentEntries({ applied: { costsCents: 10, interestCents: 0, principalCents: 20 } }, { effectiveOn: "2026-03-01", reference: "pay_1" });
    expect(reversalOf(entries, { effectiveOn: "2026-03-09", reference: "chargeback_7" })).toEqual([
      { component: "costs", kind: "reversal", amountCents: 10, effectiveOn: "2026-03-09", reference: "chargeback_7" },
      { component: "principal", kind: "reversal", amountCents: 20, effectiveOn: "2026-03-09", reference: "chargeback_7" },
    ]);
    expect(reversalOf(entries, { effectiveOn: "2026-03-09" })[0]!.reference).toBe("pay_1");
  });
});

describe("ledger — properties", () => {
  const date = fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const positiveKinds: LedgerKind[] = ["placed", "accrued", "charged"];
  const entry: fc.Arbitrary<LedgerEntry> = fc
    .record({
      component: fc.constantFrom(...LEDGER_COMPONENTS),
      kind: fc.constantFrom<LedgerKind>("placed", "accrued", "charged", "payment", "write_off", "adjustment", "reversal"),
      size: fc.integer({ min: 1, max: 1_000_000_00 }),
      negative: fc.boolean(),
      effectiveOn: date,
    })
    .map(({ component, kind, size, negative, effectiveOn }) => {
      const sign = positiveKinds.includes(kind) ? 1 : kind === "payment" || kind === "write_off" ? -1 : negative ? -1 : 1;
      return { component, kind, amountCents: sign * size, effectiveOn };
    });

  it("balances are exactly the sums of the entries", () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), (entries) => {
        const b = balancesOf(entries);
        const sum = (c: LedgerComponent) => entries.filter((e) => e.component === c).reduce((s, e) => s + e.amountCents, 0);
        expect(b.principalCents).toBe(sum("principal"));
        expect(b.interestCents).toBe(sum("interest"));
        expect(b.costsCents).toBe(sum("costs"));
        expect(b.feesCents).toBe(sum("fees"));
        expect(b.totalCents).toBe(entries.reduce((s, e) => s + e.amountCents, 0));
      }),
    );
  });

  it("a payment plus its reversal nets to zero, and the payment lowers the total by exactly what was applied", () => {
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 20 }),
        fc.constantFrom("NL" as const, "FR" as const, "BE" as const),
        fc.integer({ min: 0, max: 200_000_000 }),
        (history, order, paymentCents) => {
          const before = balancesOf(history);
          const allocation = allocatePayment({ order, balances: allocationBalancesOf(before), paymentCents });
          const paid = paymentEntries(allocation, { effectiveOn: "2026-06-01", reference: "p", balances: before });
          const applied = allocation.applied.costsCents + allocation.applied.interestCents + allocation.applied.principalCents;
          expect(balancesOf([...history, ...paid]).totalCents).toBe(before.totalCents - applied);
          expect(balancesOf([...paid, ...reversalOf(paid, { effectiveOn: "2026-06-09" })]).totalCents).toBe(0);
          expect(balancesOf([...history, ...paid, ...reversalOf(paid, { effectiveOn: "2026-06-09" })])).toEqual(before);
          // Never pays a component below zero when it started at or above zero.
          const after = balancesOf([...history, ...paid]);
          for (const k of ["principalCents", "interestCents", "costsCents", "feesCents"] as const) {
            if (before[k] >= 0) expect(after[k]).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });
});
