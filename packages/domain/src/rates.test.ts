import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, compareDates, semesterBounds, type Semester } from "./dates.ts";
import { isDomainError } from "./errors.ts";
import { ECB_MAIN_RATES, ECB_TABLE_VALID_UNTIL, addPercentagePoints, ecbMainRate, euStatutoryRate, euStatutoryRateSchedule } from "./rates.ts";

describe("ECB_MAIN_RATES", () => {
  it("is in strictly increasing date order with valid rates", () => {
    ECB_MAIN_RATES.forEach((c, i) => {
      expect(c.ratePct).toBeGreaterThanOrEqual(0);
      const prev = ECB_MAIN_RATES[i - 1];
      if (prev) {
        expect(compareDates(prev.from, c.from)).toBe(-1);
        expect(prev.ratePct).not.toBe(c.ratePct);
      }
    });
    expect(compareDates(ECB_MAIN_RATES.at(-1)!.from, ECB_TABLE_VALID_UNTIL)).toBeLessThanOrEqual(0);
  });

  it("covers the whole of 2008 onwards", () => {
    expect(compareDates(ECB_MAIN_RATES[0]!.from, "2008-01-01")).toBe(-1);
  });
});

describe("ecbMainRate", () => {
  it.each([
    ["2008-01-01", 4.0],
    ["2008-10-14", 4.25],
    ["2008-10-15", 3.75],
    ["2009-05-13", 1.0],
    ["2012-07-11", 0.75],
    ["2016-03-15", 0.05],
    ["2016-03-16", 0.0],
    ["2022-07-26", 0.0],
    ["2022-07-27", 0.5],
    ["2023-09-19", 4.25],
    ["2023-09-20", 4.5],
    ["2024-06-12", 4.25],
    ["2024-09-18", 3.65],
    ["2024-10-23", 3.4],
    ["2024-12-18", 3.15],
    ["2025-02-05", 2.9],
    ["2025-03-12", 2.65],
    ["2025-04-23", 2.4],
    ["2025-06-10", 2.4],
    ["2025-06-11", 2.15],
    ["2025-12-31", 2.15],
  ])("on %s is %s%%", (on, rate) => {
    expect(ecbMainRate(on)).toBe(rate);
  });

  it("keeps the last known rate after the table's validity date", () => {
    expect(ecbMainRate(addDays(ECB_TABLE_VALID_UNTIL, 400))).toBe(ECB_MAIN_RATES.at(-1)!.ratePct);
  });

  it("refuses dates before the table", () => {
    try {
      ecbMainRate("2007-06-12");
      expect.unreachable();
    } catch (e) {
      expect(isDomainError(e, "PRECONDITION_FAILED")).toBe(true);
    }
  });

  it("rejects invalid dates, naming the field", () => {
    expect(() => ecbMainRate("2025-02-29")).toThrow(/on must be/);
  });

  it("is the rate of the latest change on or before the day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7000 }), (n) => {
        const on = addDays(ECB_MAIN_RATES[0]!.from, n);
        const applicable = ECB_MAIN_RATES.filter((c) => c.from <= on).at(-1)!;
        expect(ecbMainRate(on)).toBe(applicable.ratePct);
      }),
    );
  });
});

describe("euStatutoryRate", () => {
  // Cross-checks: the Dutch wettelijke handelsrente (reference + 8) was 8% in 2022-H2, 10.5% in 2023-H1,
  // 12% in 2023-H2, 12.5% in 2024-H1, 12.25% in 2024-H2, 11.15% in 2025-H1; the French "+10" rate was 12.5%
  // on 1 January 2009.
  it.each<[Semester, number, number, number]>([
    ["2009-H1", 2.5, 10.5, 12.5],
    ["2022-H2", 0, 8, 10],
    ["2023-H1", 2.5, 10.5, 12.5],
    ["2023-H2", 4.0, 12, 14],
    ["2024-H1", 4.5, 12.5, 14.5],
    ["2024-H2", 4.25, 12.25, 14.25],
    ["2025-H1", 3.15, 11.15, 13.15],
    ["2025-H2", 2.15, 10.15, 12.15],
    ["2026-H1", 2.15, 10.15, 12.15],
  ])("%s: reference %s, minimum %s, France %s", (semester, reference, minimum, franceDefault) => {
    expect(euStatutoryRate(semester)).toEqual({ reference, minimum, franceDefault });
  });

  it("rejects semesters before the table and malformed ones", () => {
    expect(() => euStatutoryRate("2007-H1")).toThrow(/ECB rate table starts/);
    expect(() => euStatutoryRate("2025-H0" as Semester)).toThrow(RangeError);
  });
});

describe("euStatutoryRateSchedule", () => {
  it("has one period per semester, each equal to euStatutoryRate's minimum", () => {
    const { periods, until } = euStatutoryRateSchedule();
    expect(until).toBeUndefined();
    expect(periods[0]).toEqual({ from: "2007-07-01", annualRatePct: 12 });
    expect(periods.at(-1)!.from).toBe("2025-07-01");
    for (const p of periods) {
      const semester = `${p.from.slice(0, 4)}-H${p.from.slice(5, 7) === "01" ? 1 : 2}` as Semester;
      expect(semesterBounds(semester).start).toBe(p.from);
      expect(p.annualRatePct).toBe(euStatutoryRate(semester).minimum);
    }
  });
});

describe("addPercentagePoints", () => {
  it("has no floating-point residue", () => {
    expect(addPercentagePoints(3.15, 8)).toBe(11.15);
    expect(addPercentagePoints(0.05, 8)).toBe(8.05);
    expect(addPercentagePoints(3.65, 10)).toBe(13.65);
  });
});
