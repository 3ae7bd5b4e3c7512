import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, compareDates, nextSemester, type Semester } from "./dates.ts";
import { isDomainError } from "./errors.ts";
import {
  FR_LEGAL_INTEREST_RATES,
  frCommercialRateSchedule,
  frLegalInterestRate,
  frLegalRateSchedule,
  frLimitation,
  frRecoveryIndemnity,
} from "./fr.ts";
import { segmentedInterest } from "./interest.ts";
import { euStatutoryRate } from "./rates.ts";

describe("frLegalInterestRate", () => {
  it.each<[Semester, number, number]>([
    ["2015-H1", 4.06, 0.93],
    ["2018-H1", 3.73, 0.89],
    ["2019-H1", 3.4, 0.86],
    ["2022-H2", 3.15, 0.77],
    ["2023-H2", 6.82, 4.22],
    ["2024-H1", 8.01, 5.07],
    ["2024-H2", 8.16, 4.92],
    ["2025-H1", 7.21, 3.71],
    ["2025-H2", 6.65, 2.76],
    ["2026-H1", 6.67, 2.62],
  ])("%s: individual %s%%, other %s%%", (semester, individual, other) => {
    expect(frLegalInterestRate(semester)).toEqual({ individual, other });
  });

  it("has every semester from 2015-H1 to 2026-H1 and no gap", () => {
    let count = 0;
    for (let s: Semester = "2015-H1"; compareDates(`${s.slice(0, 4)}-01-01`, "2026-01-01") <= 0; s = nextSemester(s)) {
      if (s === "2026-H2") break;
      expect(FR_LEGAL_INTEREST_RATES[s], s).toBeDefined();
      count += 1;
    }
    expect(count).toBe(23);
    expect(Object.keys(FR_LEGAL_INTEREST_RATES)).toHaveLength(23);
  });

  it("refuses semesters outside the table with PRECONDITION_FAILED", () => {
    for (const s of ["2014-H2", "2026-H2"] as Semester[]) {
      try {
        frLegalInterestRate(s);
        expect.unreachable();
      } catch (e) {
        expect(isDomainError(e, "PRECONDITION_FAILED")).toBe(true);
      }
    }
    expect(() => frLegalInterestRate("2025-H3" as Semester)).toThrow(RangeError);
  });
});

describe("rate schedules", () => {
  it("frLegalRateSchedule follows the table and stops at its end", () => {
    const s = frLegalRateSchedule("other");
    expect(s.periods[0]).toEqual({ from: "2015-01-01", annualRatePct: 0.93 });
    expect(s.periods.at(-1)).toEqual({ from: "2026-01-01", annualRatePct: 2.62 });
    expect(s.until).toBe("2026-06-30");
    expect(frLegalRateSchedule("individual").periods.find((p) => p.from === "2024-07-01")?.annualRatePct).toBe(8.16);
  });

  it("frCommercialRateSchedule is ECB reference + 10 per semester from 2009", () => {
    const s = frCommercialRateSchedule();
    expect(s.periods[0]).toEqual({ from: "2009-01-01", annualRatePct: 12.5 });
    expect(s.periods.find((p) => p.from === "2024-07-01")?.annualRatePct).toBe(14.25);
    expect(s.periods.find((p) => p.from === "2025-07-01")?.annualRatePct).toBe(euStatutoryRate("2025-H2").franceDefault);
  });

  it("computes B2B late-payment penalties across a rate change", () => {
    // €5,000 due 31 May 2024, paid 31 Aug 2024: 30 days (June) at 14.5% + 62 days (July–Aug) at 14.25%
    // = 5,000 × (14.5% × 30 + 14.25% × 62) / 365 = 180.616… → €180.62
    const r = segmentedInterest({ principalCents: 5_000_00, from: "2024-05-31", to: "2024-08-31", schedule: frCommercialRateSchedule() });
    expect(r.segments.map((x) => [x.days, x.annualRatePct])).toEqual([
      [30, 14.5],
      [62, 14.25],
    ]);
    expect(r.interestCents).toBe(180_62);
  });
});

describe("frRecoveryIndemnity", () => {
  it("is €40 per late invoice for a professional debtor, nothing for a consumer", () => {
    expect(frRecoveryIndemnity({ lateInvoices: 1, debtorIsProfessional: true })).toBe(40_00);
    expect(frRecoveryIndemnity({ lateInvoices: 3, debtorIsProfessional: true })).toBe(120_00);
    expect(frRecoveryIndemnity({ lateInvoices: 0, debtorIsProfessional: true })).toBe(0);
    expect(frRecoveryIndemnity({ lateInvoices: 3, debtorIsProfessional: false })).toBe(0);
  });

  it("rejects a bad invoice count, naming the field", () => {
    expect(() => frRecoveryIndemnity({ lateInvoices: -1, debtorIsProfessional: true })).toThrow(/lateInvoices/);
    expect(() => frRecoveryIndemnity({ lateInvoices: 1.5, debtorIsProfessional: true })).toThrow(/lateInvoices/);
  });
});

describe("frLimitation", () => {
  it("is 2 years against a consumer and 5 against a professional, ending on the same date", () => {
    expect(frLimitation({ debtor: "consumer", exigibleOn: "2025-03-15" })).toEqual({ years: 2, lastDay: "2027-03-15" });
    expect(frLimitation({ debtor: "professional", exigibleOn: "2025-03-15" })).toEqual({ years: 5, lastDay: "2030-03-15" });
    expect(frLimitation({ debtor: "consumer", exigibleOn: "2023-12-31" })).toEqual({ years: 2, lastDay: "2025-12-31" });
  });

  it("ends on 28 February when the term starts on 29 February", () => {
    expect(frLimitation({ debtor: "consumer", exigibleOn: "2024-02-29" }).lastDay).toBe("2026-02-28");
    expect(frLimitation({ debtor: "professional", exigibleOn: "2024-02-29" }).lastDay).toBe("2029-02-28");
    expect(frLimitation({ debtor: "professional", exigibleOn: "2023-02-28" }).lastDay).toBe("2028-02-28");
  });

  it("does not move a last day that falls on a weekend", () => {
    // 2027-03-13 is a Saturday: no art. 642 CPC extension for prescription.
    expect(frLimitation({ debtor: "consumer", exigibleOn: "2025-03-13" }).lastDay).toBe("2027-03-13");
  });

  it("always ends 2 or 5 calendar years later, never later than the same date", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 30 }), fc.constantFrom("consumer" as const, "professional" as const), (n, debtor) => {
        const exigibleOn = addDays("2000-01-01", n);
        const { years, lastDay } = frLimitation({ debtor, exigibleOn });
        expect(Number(lastDay.slice(0, 4)) - Number(exigibleOn.slice(0, 4))).toBe(years);
        expect(lastDay.slice(5) <= exigibleOn.slice(5)).toBe(true);
      }),
    );
  });

  it("rejects bad input, naming the field", () => {
    expect(() => frLimitation({ debtor: "consumer", exigibleOn: "2025-02-29" })).toThrow(/exigibleOn/);
    expect(() => frLimitation({ debtor: "company" as "consumer", exigibleOn: "2025-02-28" })).toThrow(/debtor/);
  });
});
