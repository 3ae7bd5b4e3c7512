import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./dates.ts";
import { isDomainError } from "./errors.ts";
import { frLegalRateSchedule } from "./fr.ts";
import { constantRateSchedule, segmentedInterest, simpleInterest, type RateSchedule } from "./interest.ts";

const principal = fc.integer({ min: 0, max: 100_000_000_00 });
const rate = fc.integer({ min: 0, max: 3000 }).map((n) => n / 100);
const day = fc.integer({ min: 0, max: 365 * 30 }).map((n) => addDays("2000-01-01", n));
const span = fc.integer({ min: 0, max: 365 * 5 });

describe("simpleInterest", () => {
  it("computes actual/365 worked examples", () => {
    expect(simpleInterest({ principalCents: 10_000_00, from: "2025-01-01", to: "2026-01-01", annualRatePct: 8 })).toEqual({
      days: 365,
      interestCents: 800_00,
    });
    // €1,234.56 at 12.15% for 45 days = 18.4937… → €18.49
    expect(simpleInterest({ principalCents: 1_234_56, from: "2025-03-01", to: "2025-04-15", annualRatePct: 12.15 })).toEqual({
      days: 45,
      interestCents: 18_49,
    });
  });

  it("counts a leap year as 366 days of 1/365 each", () => {
    expect(simpleInterest({ principalCents: 10_000_00, from: "2024-01-01", to: "2025-01-01", annualRatePct: 8 })).toEqual({
      days: 366,
      interestCents: 802_19,
    });
  });

  it("excludes the start day and includes the end day", () => {
    expect(simpleInterest({ principalCents: 365_00, from: "2025-01-31", to: "2025-02-01", annualRatePct: 100 })).toEqual({
      days: 1,
      interestCents: 1_00,
    });
  });

  it("rounds half-up once", () => {
    // 50 cents × 1% × 365/365 = 0.5 cent
    expect(simpleInterest({ principalCents: 50, from: "2025-01-01", to: "2026-01-01", annualRatePct: 1 }).interestCents).toBe(1);
    expect(simpleInterest({ principalCents: 49, from: "2025-01-01", to: "2026-01-01", annualRatePct: 1 }).interestCents).toBe(0);
  });

  it("gives nothing for an empty period and refuses a reversed one", () => {
    expect(simpleInterest({ principalCents: 1_000_00, from: "2025-05-05", to: "2025-05-05", annualRatePct: 10 })).toEqual({ days: 0, interestCents: 0 });
    expect(() => simpleInterest({ principalCents: 1_000_00, from: "2025-05-05", to: "2025-05-04", annualRatePct: 10 })).toThrow(RangeError);
  });

  it("rejects invalid input, naming the field", () => {
    const ok = { principalCents: 100, from: "2025-01-01", to: "2025-02-01", annualRatePct: 5 };
    expect(() => simpleInterest({ ...ok, principalCents: 1.5 })).toThrow(/principalCents/);
    expect(() => simpleInterest({ ...ok, principalCents: -1 })).toThrow(/principalCents/);
    expect(() => simpleInterest({ ...ok, from: "2025-02-30" })).toThrow(/from/);
    expect(() => simpleInterest({ ...ok, to: "2025-1-1" })).toThrow(/to/);
    expect(() => simpleInterest({ ...ok, annualRatePct: -1 })).toThrow(/annualRatePct/);
    expect(() => simpleInterest({ ...ok, annualRatePct: Number.NaN })).toThrow(/annualRatePct/);
  });

  it("is zero for a zero principal or rate", () => {
    fc.assert(
      fc.property(principal, rate, day, span, (p, r, from, n) => {
        const to = addDays(from, n);
        expect(simpleInterest({ principalCents: 0, from, to, annualRatePct: r }).interestCents).toBe(0);
        expect(simpleInterest({ principalCents: p, from, to, annualRatePct: 0 }).interestCents).toBe(0);
      }),
    );
  });

  it("is additive over adjacent periods within one cent", () => {
    fc.assert(
      fc.property(principal, rate, day, span, span, (p, r, a, n1, n2) => {
        const b = addDays(a, n1);
        const c = addDays(b, n2);
        const whole = simpleInterest({ principalCents: p, from: a, to: c, annualRatePct: r });
        const first = simpleInterest({ principalCents: p, from: a, to: b, annualRatePct: r });
        const second = simpleInterest({ principalCents: p, from: b, to: c, annualRatePct: r });
        expect(first.days + second.days).toBe(whole.days);
        expect(Math.abs(first.interestCents + second.interestCents - whole.interestCents)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("grows with the principal and the length of the period", () => {
    fc.assert(
      fc.property(principal, principal, rate, day, span, span, (p1, p2, r, from, n1, n2) => {
        const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
        const to = addDays(from, n1);
        expect(simpleInterest({ principalCents: lo, from, to, annualRatePct: r }).interestCents).toBeLessThanOrEqual(
          simpleInterest({ principalCents: hi, from, to, annualRatePct: r }).interestCents,
        );
        expect(simpleInterest({ principalCents: lo, from, to, annualRatePct: r }).interestCents).toBeLessThanOrEqual(
          simpleInterest({ principalCents: lo, from, to: addDays(to, n2), annualRatePct: r }).interestCents,
        );
      }),
    );
  });
});

describe("segmentedInterest", () => {
  it("splits at semester boundaries (French legal rate, professional creditor)", () => {
    // 2025-H1 3.71% for 16 May–30 June (46 days), 2025-H2 2.76% for 1 July–15 August (46 days):
    // 10,000 × (3.71% × 46 + 2.76% × 46) / 365 = 81.5397… → €81.54
    const result = segmentedInterest({ principalCents: 10_000_00, from: "2025-05-15", to: "2025-08-15", schedule: frLegalRateSchedule("other") });
    expect(result.days).toBe(92);
    expect(result.interestCents).toBe(81_54);
    expect(result.segments).toEqual([
      { from: "2025-05-15", to: "2025-06-30", days: 46, annualRatePct: 3.71, interestCents: 46_76 },
      { from: "2025-06-30", to: "2025-08-15", days: 46, annualRatePct: 2.76, interestCents: 34_78 },
    ]);
  });

  it("rounds the total once, not per segment", () => {
    // Segments of 0.5 and 0.75 cent: rounding each would give 2 cents, the exact total 1.25 rounds to 1.
    const schedule: RateSchedule = { periods: [{ from: "2025-01-01", annualRatePct: 1 }, { from: "2025-01-02", annualRatePct: 1.5 }] };
    const r = segmentedInterest({ principalCents: 18_250, from: "2024-12-31", to: "2025-01-02", schedule });
    expect(r.segments.map((s) => s.interestCents)).toEqual([1, 1]);
    // exact: 18250 × (1% + 1.5%) / 365 = 1.25 cents
    expect(r.interestCents).toBe(1);
  });

  it("handles a period inside a single rate period and an empty period", () => {
    const schedule = frLegalRateSchedule("individual");
    const r = segmentedInterest({ principalCents: 1_000_00, from: "2024-02-01", to: "2024-03-01", schedule });
    expect(r.segments).toHaveLength(1);
    expect(r.interestCents).toBe(simpleInterest({ principalCents: 1_000_00, from: "2024-02-01", to: "2024-03-01", annualRatePct: 8.01 }).interestCents);
    expect(segmentedInterest({ principalCents: 1_000_00, from: "2024-02-01", to: "2024-02-01", schedule })).toEqual({ days: 0, interestCents: 0, segments: [] });
  });

  it("refuses days outside the schedule", () => {
    const schedule = frLegalRateSchedule("other");
    for (const [from, to] of [
      ["2014-12-01", "2015-02-01"],
      ["2026-06-01", "2026-07-01"],
    ] as const) {
      try {
        segmentedInterest({ principalCents: 100, from, to, schedule });
        expect.unreachable();
      } catch (e) {
        expect(isDomainError(e, "PRECONDITION_FAILED")).toBe(true);
      }
    }
    // The last known day itself is fine; so is a period starting the day before the first rate.
    expect(segmentedInterest({ principalCents: 100_00, from: "2026-06-01", to: "2026-06-30", schedule }).days).toBe(29);
    expect(segmentedInterest({ principalCents: 100_00, from: "2014-12-31", to: "2015-01-31", schedule }).days).toBe(31);
  });

  it("rejects malformed schedules and input", () => {
    const ok = { principalCents: 100, from: "2025-01-01", to: "2025-02-01" };
    expect(() => segmentedInterest({ ...ok, schedule: { periods: [] } })).toThrow(RangeError);
    expect(() =>
      segmentedInterest({ ...ok, schedule: { periods: [{ from: "2025-01-01", annualRatePct: 1 }, { from: "2024-01-01", annualRatePct: 2 }] } }),
    ).toThrow(/increasing/);
    expect(() => segmentedInterest({ ...ok, schedule: { periods: [{ from: "2025-13-01", annualRatePct: 1 }] } })).toThrow(/periods\[0\]\.from/);
    expect(() => segmentedInterest({ ...ok, principalCents: -5, schedule: constantRateSchedule(1) })).toThrow(/principalCents/);
    expect(() => segmentedInterest({ ...ok, to: "2024-12-31", schedule: constantRateSchedule(1) })).toThrow(RangeError);
  });

  it("equals simpleInterest for a constant schedule", () => {
    fc.assert(
      fc.property(principal, rate, day, span, (p, r, from, n) => {
        const to = addDays(from, n);
        const seg = segmentedInterest({ principalCents: p, from, to, schedule: constantRateSchedule(r) });
        const simple = simpleInterest({ principalCents: p, from, to, annualRatePct: r });
        expect(seg.days).toBe(simple.days);
        expect(seg.interestCents).toBe(simple.interestCents);
      }),
    );
  });

  it("equals simpleInterest when every period has the same rate", () => {
    fc.assert(
      fc.property(principal, rate, day, span, fc.uniqueArray(fc.integer({ min: 1, max: 2000 }), { maxLength: 6 }), (p, r, from, n, cuts) => {
        const starts = ["1990-01-01", ...cuts.sort((a, b) => a - b).map((c) => addDays(from, c))];
        const schedule: RateSchedule = { periods: starts.map((s) => ({ from: s, annualRatePct: r })) };
        const to = addDays(from, n);
        expect(segmentedInterest({ principalCents: p, from, to, schedule }).interestCents).toBe(
          simpleInterest({ principalCents: p, from, to, annualRatePct: r }).interestCents,
        );
      }),
    );
  });

  it("has chained segments whose days add up, and is additive within one cent", () => {
    const schedule = frLegalRateSchedule("individual");
    const inTable = fc.integer({ min: 0, max: 3500 }).map((n) => addDays("2015-01-01", n));
    fc.assert(
      fc.property(principal, inTable, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), (p, a, n1, n2) => {
        const b = addDays(a, n1);
        const c = addDays(b, n2);
        const whole = segmentedInterest({ principalCents: p, from: a, to: c, schedule });
        expect(whole.segments.reduce((sum, s) => sum + s.days, 0)).toBe(whole.days);
        whole.segments.forEach((s, i) => {
          expect(s.from).toBe(i === 0 ? a : whole.segments[i - 1]!.to);
        });
        const first = segmentedInterest({ principalCents: p, from: a, to: b, schedule });
        const second = segmentedInterest({ principalCents: p, from: b, to: c, schedule });
        expect(Math.abs(first.interestCents + second.interestCents - whole.interestCents)).toBeLessThanOrEqual(1);
      }),
    );
  });
});
