import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ComponentAmounts } from "./allocation.ts";
import { ageRatePct, commission, reverseCommission, type CommissionPayment, type FeeAgreement } from "./commission.ts";
import { DomainError } from "./errors.ts";

const agreement: FeeAgreement = {
  ageTiers: [
    { fromDays: 0, ratePct: 10 },
    { fromDays: 90, ratePct: 15 },
  ],
  legalHandoverRatePct: 25,
  interestAndCosts: "passed_through",
  vatRatePct: 21,
};
const allocation: ComponentAmounts = { principalCents: 100_000, interestCents: 2_000, costsCents: 3_000 };
const payment: CommissionPayment = { allocation, claimAgeDays: 30, isLegalHandover: false, receivedBy: "agency", commissionEarnedBeforeCents: 0 };
const pay = (over: Partial<CommissionPayment> = {}, fee: Partial<FeeAgreement> = {}) => commission({ ...agreement, ...fee }, { ...payment, ...over });

describe("commission — worked examples", () => {
  it("10 % under 90 days, interest and costs passed through and commissioned like principal", () => {
    expect(pay()).toEqual({
      grossCents: 105_000,
      receivedBy: "agency",
      commissionableCents: 105_000,
      keptInterestAndCostsCents: 0,
      slices: [{ amountCents: 105_000, ratePct: 10 }],
      rateCommissionCents: 10_500,
      minimumFeeTopUpCents: 0,
      commissionCents: 10_500,
      vatCents: 2_205,
      receivedByClientCents: 0,
      netToClientCents: 92_295,
    });
  });

  it("15 % from 90 days; VAT rounded half-up once on the rounded commission", () => {
    expect(ageRatePct(agreement, 89)).toBe(10);
    expect(ageRatePct(agreement, 90)).toBe(15);
    const r = pay({ claimAgeDays: 90 });
    expect([r.commissionCents, r.vatCents, r.netToClientCents]).toEqual([15_750, 3_308, 85_942]); // 3 307,5 → 3 308
  });

  it("interest and costs kept by the agency: not commissioned, kept entirely", () => {
    const r = pay({ claimAgeDays: 120 }, { interestAndCosts: "kept_by_agency" });
    expect(r.keptInterestAndCostsCents).toBe(5_000);
    expect(r.commissionableCents).toBe(100_000);
    expect([r.commissionCents, r.vatCents, r.netToClientCents]).toEqual([15_000, 3_150, 81_850]);
  });

  it("legal handover: the flat handover rate replaces the tiers", () => {
    const r = pay({ isLegalHandover: true, claimAgeDays: 400 });
    expect(r.slices).toEqual([{ amountCents: 105_000, ratePct: 25 }]);
    expect([r.commissionCents, r.vatCents, r.netToClientCents]).toEqual([26_250, 5_513, 73_237]);
  });

  it("paid directly to the creditor: the client owes commission and VAT (negative net)", () => {
    const r = pay({ receivedBy: "creditor" });
    expect(r.receivedByClientCents).toBe(105_000);
    expect(r.netToClientCents).toBe(-12_705);
    const kept = pay({ receivedBy: "creditor" }, { interestAndCosts: "kept_by_agency" });
    // The creditor also hands over the interest and costs the agency keeps.
    expect(kept.netToClientCents).toBe(-(10_000 + 2_100 + 5_000));
  });

  it("rounds half-up to the cent once: 15 % of 33.33 € = 4.9995 € → 5.00 €, 12.15 % of 33.33 € → 4.05 €", () => {
    expect(pay({ claimAgeDays: 100, allocation: { principalCents: 3_333, interestCents: 0, costsCents: 0 } }).commissionCents).toBe(500);
    expect(
      commission({ ...agreement, ageTiers: [{ fromDays: 0, ratePct: 12.15 }] }, { ...payment, allocation: { principalCents: 3_333, interestCents: 0, costsCents: 0 } })
        .commissionCents,
    ).toBe(405);
  });

  it("recovered-amount tiers charge each part of the case's recovery at its band's rate", () => {
    const fee: Partial<FeeAgreement> = {
      ageTiers: [{ fromDays: 0, ratePct: 15 }],
      recoveredTiers: [
        { fromCents: 500_000, ratePct: 10 },
        { fromCents: 1_000_000, ratePct: 5 },
      ],
    };
    const r = pay({ allocation: { principalCents: 700_000, interestCents: 0, costsCents: 0 }, recoveredBeforeCents: 400_000 }, fee);
    expect(r.slices).toEqual([
      { amountCents: 100_000, ratePct: 15 },
      { amountCents: 500_000, ratePct: 10 },
      { amountCents: 100_000, ratePct: 5 },
    ]);
    expect(r.commissionCents).toBe(15_000 + 50_000 + 5_000);
  });

  it("rounds the sum of the slices, not each slice (1.5 + 0.5 = 2, not 2 + 1)", () => {
    const r = pay({ allocation: { principalCents: 20, interestCents: 0, costsCents: 0 } }, { ageTiers: [{ fromDays: 0, ratePct: 15 }], recoveredTiers: [{ fromCents: 10, ratePct: 5 }] });
    expect(r.commissionCents).toBe(2);
  });

  it("tops up to the minimum fee per case, never beyond what the payment leaves the client", () => {
    const fee = { minimumFeeCents: 5_000 };
    const small = { principalCents: 10_000, interestCents: 0, costsCents: 0 };
    const first = pay({ allocation: small }, fee);
    expect([first.rateCommissionCents, first.minimumFeeTopUpCents, first.commissionCents, first.vatCents, first.netToClientCents]).toEqual([
      1_000, 4_000, 5_000, 1_050, 3_950,
    ]);
    // Later payments on the same case: the minimum is already earned.
    expect(pay({ allocation: small, commissionEarnedBeforeCents: 5_000 }, fee).minimumFeeTopUpCents).toBe(0);
    // A tiny payment: the top-up stops where commission + VAT would exceed it (826 + 173 ≤ 1 000).
    const tiny = pay({ allocation: { principalCents: 1_000, interestCents: 0, costsCents: 0 } }, fee);
    expect([tiny.commissionCents, tiny.vatCents, tiny.netToClientCents]).toEqual([826, 173, 1]);
    // …and the rest comes from the next payment.
    expect(pay({ allocation: small, commissionEarnedBeforeCents: 826 }, fee).commissionCents).toBe(4_174);
  });

  it("no commission on a zero payment, even with a minimum fee", () => {
    const r = pay({ allocation: { principalCents: 0, interestCents: 0, costsCents: 0 } }, { minimumFeeCents: 5_000 });
    expect([r.grossCents, r.commissionCents, r.vatCents, r.netToClientCents]).toEqual([0, 0, 0, 0]);
  });

  it("a reversal gives the exact negative of the original", () => {
    const original = pay({ claimAgeDays: 90 }, { minimumFeeCents: 50_000 });
    const reversed = pay({ claimAgeDays: 90, allocation: { principalCents: -100_000, interestCents: -2_000, costsCents: -3_000 } }, { minimumFeeCents: 50_000 });
    expect(reversed).toEqual(reverseCommission(original));
    expect(reversed.commissionCents).toBe(-original.commissionCents);
    expect(reversed.netToClientCents).toBe(-original.netToClientCents);
  });
});

describe("commission — invalid input names the field", () => {
  const bad: [string, () => unknown, string][] = [
    ["mixed signs", () => pay({ allocation: { principalCents: 10, interestCents: -1, costsCents: 0 } }), "allocation"],
    ["fractional cents", () => pay({ allocation: { principalCents: 1.5, interestCents: 0, costsCents: 0 } }), "allocation.principalCents"],
    ["negative age", () => pay({ claimAgeDays: -1 }), "claimAgeDays"],
    ["negative earned", () => pay({ commissionEarnedBeforeCents: -1 }), "commissionEarnedBeforeCents"],
    ["receiver", () => pay({ receivedBy: "bailiff" as "agency" }), "receivedBy"],
    ["no age tiers", () => pay({}, { ageTiers: [] }), "ageTiers"],
    ["first tier not at 0", () => pay({}, { ageTiers: [{ fromDays: 30, ratePct: 10 }] }), "ageTiers"],
    ["tiers not rising", () => pay({}, { ageTiers: [{ fromDays: 0, ratePct: 10 }, { fromDays: 0, ratePct: 12 }] }), "ageTiers[1].fromDays"],
    ["rate above 100", () => pay({}, { legalHandoverRatePct: 101 }), "legalHandoverRatePct"],
    ["negative VAT", () => pay({}, { vatRatePct: -21 }), "vatRatePct"],
    ["recovered tier at 0", () => pay({}, { recoveredTiers: [{ fromCents: 0, ratePct: 5 }] }), "recoveredTiers[0].fromCents"],
    ["treatment", () => pay({}, { interestAndCosts: "split" as "kept_by_agency" }), "interestAndCosts"],
  ];
  it.each(bad)("%s", (_name, run, field) => {
    try {
      run();
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).field).toBe(field);
    }
  });
});

describe("commission — properties", () => {
  const rate = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100));
  const arbAgreement: fc.Arbitrary<FeeAgreement> = fc.record({
    ageTiers: fc.array(fc.record({ fromDays: fc.integer({ min: 1, max: 2_000 }), ratePct: rate }), { maxLength: 3 }).chain((extra) =>
      rate.map((first) => [
        { fromDays: 0, ratePct: first },
        ...[...new Map(extra.map((t) => [t.fromDays, t])).values()].sort((a, b) => a.fromDays - b.fromDays),
      ]),
    ),
    legalHandoverRatePct: rate,
    recoveredTiers: fc
      .array(fc.record({ fromCents: fc.integer({ min: 1, max: 10_000_000 }), ratePct: rate }), { maxLength: 3 })
      .map((ts) => [...new Map(ts.map((t) => [t.fromCents, t])).values()].sort((a, b) => a.fromCents - b.fromCents)),
    minimumFeeCents: fc.integer({ min: 0, max: 100_000 }),
    interestAndCosts: fc.constantFrom("kept_by_agency" as const, "passed_through" as const),
    vatRatePct: fc.constantFrom(0, 5.5, 6, 9, 20, 21, 25.5),
  });
  const cents = fc.oneof(fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 0, max: 50_000_000 }));
  const arbPayment: fc.Arbitrary<CommissionPayment> = fc.record({
    allocation: fc.record({ principalCents: cents, interestCents: cents, costsCents: cents }),
    claimAgeDays: fc.integer({ min: 0, max: 3_000 }),
    isLegalHandover: fc.boolean(),
    receivedBy: fc.constantFrom("agency" as const, "creditor" as const),
    commissionEarnedBeforeCents: fc.integer({ min: 0, max: 200_000 }),
    recoveredBeforeCents: fc.integer({ min: 0, max: 20_000_000 }),
  });

  it("commission + VAT + kept + net (+ what the creditor received directly) = gross; commission within [0, gross]", () => {
    fc.assert(
      fc.property(arbAgreement, arbPayment, (fee, p) => {
        const r = commission(fee, p);
        const gross = p.allocation.principalCents + p.allocation.interestCents + p.allocation.costsCents;
        expect(r.grossCents).toBe(gross);
        expect(r.commissionCents + r.vatCents + r.keptInterestAndCostsCents + r.netToClientCents + r.receivedByClientCents).toBe(gross);
        expect(r.commissionCents).toBeGreaterThanOrEqual(0);
        expect(r.commissionCents).toBeLessThanOrEqual(gross);
        expect(r.commissionCents).toBe(r.rateCommissionCents + r.minimumFeeTopUpCents);
        expect(r.slices.reduce((s, x) => s + x.amountCents, 0)).toBe(r.commissionableCents);
        if (p.receivedBy === "agency") expect(r.receivedByClientCents).toBe(0);
        else expect(r.netToClientCents).toBe(-(r.commissionCents + r.vatCents + r.keptInterestAndCostsCents));
        // A top-up never makes the client's share of this payment negative.
        if (r.minimumFeeTopUpCents > 0) expect(r.netToClientCents + r.receivedByClientCents).toBeGreaterThanOrEqual(0);
        if (gross === 0) expect(r.commissionCents).toBe(0);
        for (const v of Object.values(r)) if (typeof v === "number") expect(Number.isSafeInteger(v)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("a reversal is the exact negative of the original", () => {
    fc.assert(
      fc.property(arbAgreement, arbPayment, (fee, p) => {
        const original = commission(fee, p);
        const a = p.allocation;
        const reversed = commission(fee, { ...p, allocation: { principalCents: -a.principalCents, interestCents: -a.interestCents, costsCents: -a.costsCents } });
        expect(reversed).toEqual(reverseCommission(original));
        expect(original.commissionCents + reversed.commissionCents).toBe(0);
        expect(original.vatCents + reversed.vatCents).toBe(0);
        expect(original.netToClientCents + reversed.netToClientCents).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it("over a case's payments the minimum fee is reached once enough is recovered", () => {
    fc.assert(
      fc.property(arbAgreement, fc.array(fc.integer({ min: 1, max: 200_000 }), { minLength: 1, maxLength: 10 }), (fee, amounts) => {
        let earned = 0;
        let recovered = 0;
        for (const principalCents of amounts) {
          const r = commission(fee, {
            allocation: { principalCents, interestCents: 0, costsCents: 0 },
            claimAgeDays: 10,
            isLegalHandover: false,
            receivedBy: "agency",
            commissionEarnedBeforeCents: earned,
            recoveredBeforeCents: recovered,
          });
          earned += r.commissionCents;
          recovered += r.commissionableCents;
        }
        const minimum = fee.minimumFeeCents ?? 0;
        const total = amounts.reduce((s, a) => s + a, 0);
        // Enough recovered to pay the minimum plus its VAT: the minimum is reached
        // (each payment's cap can lose a cent to VAT rounding, hence the margin of two cents a payment).
        if (total >= Math.ceil(minimum * (1 + fee.vatRatePct / 100)) + 2 * amounts.length) expect(earned).toBeGreaterThanOrEqual(minimum);
      }),
      { numRuns: 300 },
    );
  });
});
