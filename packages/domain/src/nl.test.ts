import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isoWeekday } from "./dates.ts";
import {
  NL_COLLECTION_COSTS_MAX_CENTS,
  NL_COLLECTION_COSTS_MIN_CENTS,
  isNlPublicHoliday,
  nlCollectionCosts,
  nlCollectionCostsWithVat,
  nlFourteenDayTerm,
} from "./nl.ts";

describe("nlCollectionCosts", () => {
  // Worked from the tiers of art. 2(1) Besluit vergoeding voor buitengerechtelijke incassokosten.
  it.each([
    [100_00, 40_00], // 15% = €15 → minimum €40
    [266_66, 40_00], // 15% = €39.999 → minimum
    [267_00, 40_05],
    [300_00, 45_00],
    [1_000_00, 150_00],
    [2_500_00, 375_00],
    [3_000_00, 425_00], // 375 + 10% × 500
    [5_000_00, 625_00],
    [7_500_00, 750_00], // 625 + 5% × 2,500
    [10_000_00, 875_00],
    [20_000_00, 975_00], // 875 + 1% × 10,000
    [200_000_00, 2_775_00],
    [500_000_00, 4_275_00], // 2,775 + 0.5% × 300,000
    [1_000_000_00, 6_775_00],
    [5_000_000_00, 6_775_00],
  ])("%i cents → %i cents", (principal, costs) => {
    expect(nlCollectionCosts(principal)).toBe(costs);
  });

  it("is exact to the cent at every tier edge", () => {
    expect(nlCollectionCosts(2_500_01)).toBe(375_00); // 375.0010
    expect(nlCollectionCosts(2_500_10)).toBe(375_01); // 375.0100
    expect(nlCollectionCosts(5_000_20)).toBe(625_01); // 625.0100
    expect(nlCollectionCosts(10_000_50)).toBe(875_01); // 875.0050, half-up
    expect(nlCollectionCosts(10_000_49)).toBe(875_00); // 875.0049
    expect(nlCollectionCosts(200_001_00)).toBe(2_775_01); // 2,775.0050, half-up
    expect(nlCollectionCosts(999_999_99)).toBe(6_775_00); // 6,774.99995 → 6,775.00
    expect(nlCollectionCosts(999_998_00)).toBe(6_774_99);
  });

  it("stays within the statutory minimum and maximum and never decreases", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000_00 }), fc.integer({ min: 0, max: 50_000_00 }), (p, extra) => {
        const c = nlCollectionCosts(p);
        expect(c).toBeGreaterThanOrEqual(NL_COLLECTION_COSTS_MIN_CENTS);
        expect(c).toBeLessThanOrEqual(NL_COLLECTION_COSTS_MAX_CENTS);
        expect(nlCollectionCosts(p + extra)).toBeGreaterThanOrEqual(c);
      }),
    );
  });

  it("rejects invalid principals, naming the field", () => {
    expect(() => nlCollectionCosts(-1)).toThrow(/principalCents/);
    expect(() => nlCollectionCosts(10.5)).toThrow(/principalCents/);
    expect(() => nlCollectionCosts(Number.NaN)).toThrow(RangeError);
  });
});

describe("nlCollectionCostsWithVat", () => {
  it("adds 21% VAT on the capped costs", () => {
    expect(nlCollectionCostsWithVat(1_000_00)).toEqual({ costsCents: 150_00, vatCents: 31_50, totalCents: 181_50 });
    expect(nlCollectionCostsWithVat(100_00)).toEqual({ costsCents: 40_00, vatCents: 8_40, totalCents: 48_40 });
    expect(nlCollectionCostsWithVat(2_000_000_00)).toEqual({ costsCents: 6_775_00, vatCents: 1_422_75, totalCents: 8_197_75 });
  });

  it("takes another VAT rate and rejects a bad one", () => {
    expect(nlCollectionCostsWithVat(1_000_00, 9).vatCents).toBe(13_50);
    expect(() => nlCollectionCostsWithVat(1_000_00, -1)).toThrow(/vatRatePct/);
  });
});

describe("isNlPublicHoliday", () => {
  it("knows the Algemene termijnenwet holidays", () => {
    for (const d of ["2025-01-01", "2025-04-18", "2025-04-20", "2025-04-21", "2025-04-26", "2025-05-05", "2025-05-29", "2025-06-08", "2025-06-09", "2025-12-25", "2025-12-26", "2024-04-27", "2013-04-30"]) {
      expect(isNlPublicHoliday(d), d).toBe(true);
    }
    for (const d of ["2025-04-17", "2025-04-27", "2025-04-22", "2025-05-01", "2025-12-24", "2013-04-27"]) {
      expect(isNlPublicHoliday(d), d).toBe(false);
    }
  });
});

describe("nlFourteenDayTerm", () => {
  it("starts the day after receipt and lets costs run from day 15", () => {
    expect(nlFourteenDayTerm({ receivedOn: "2025-03-03" })).toEqual({
      start: "2025-03-04",
      end: "2025-03-17",
      earliestCostsDate: "2025-03-18",
      isExtended: false,
    });
  });

  it("moves an end on a weekend or holiday to the next working day (Algemene termijnenwet art. 1)", () => {
    // Received Saturday 1 March 2025: day 14 is Saturday 15 March → Monday 17 March.
    expect(nlFourteenDayTerm({ receivedOn: "2025-03-01" })).toEqual({
      start: "2025-03-02",
      end: "2025-03-17",
      earliestCostsDate: "2025-03-18",
      isExtended: true,
    });
    // Day 14 is Good Friday 18 April 2025 → past Easter Monday to Tuesday 22 April.
    expect(nlFourteenDayTerm({ receivedOn: "2025-04-04" }).end).toBe("2025-04-22");
    // Day 14 is Christmas Day 2025 (Thursday) → Monday 29 December.
    expect(nlFourteenDayTerm({ receivedOn: "2025-12-11" }).earliestCostsDate).toBe("2025-12-30");
  });

  it("can leave the calendar term unextended", () => {
    expect(nlFourteenDayTerm({ receivedOn: "2025-03-01", applyAlgemeneTermijnenwet: false })).toEqual({
      start: "2025-03-02",
      end: "2025-03-15",
      earliestCostsDate: "2025-03-16",
      isExtended: false,
    });
  });

  it("never allows costs before day 15 and always ends on a working day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 20 }), (n) => {
        const receivedOn = addDays("2015-01-01", n);
        const t = nlFourteenDayTerm({ receivedOn });
        expect(t.start).toBe(addDays(receivedOn, 1));
        expect(daysBetween(receivedOn, t.earliestCostsDate)).toBeGreaterThanOrEqual(15);
        expect(t.earliestCostsDate).toBe(addDays(t.end, 1));
        expect(isoWeekday(t.end)).toBeLessThanOrEqual(5);
        expect(isNlPublicHoliday(t.end)).toBe(false);
      }),
    );
  });

  it("rejects an invalid date, naming the field", () => {
    expect(() => nlFourteenDayTerm({ receivedOn: "2025-02-29" })).toThrow(/receivedOn/);
  });
});
