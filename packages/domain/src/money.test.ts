import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addMoney,
  assertCents,
  assertNonNegativeCents,
  ceilDiv,
  divRoundHalfUp,
  formatMoney,
  money,
  percentOf,
  percentToRational,
  splitCents,
  sumCents,
} from "./money.ts";

describe("money", () => {
  it("builds and adds amounts of one currency", () => {
    expect(money(1_234)).toEqual({ amountCents: 1_234, currency: "EUR" });
    expect(addMoney(money(1_000), money(-250))).toEqual({ amountCents: 750, currency: "EUR" });
  });

  it("refuses floats, unsafe integers, bad currencies and mixed currencies", () => {
    expect(() => money(1.5)).toThrow(RangeError);
    expect(() => money(2 ** 53)).toThrow(RangeError);
    expect(() => money(100, "eur")).toThrow(/currency/);
    expect(() => addMoney(money(1, "EUR"), money(1, "GBP"))).toThrow(/cannot add/);
    expect(() => assertCents(Number.NaN, "paymentCents")).toThrow(/paymentCents/);
    expect(() => assertNonNegativeCents(-1, "balance")).toThrow(/balance must not be negative/);
    expect(assertNonNegativeCents(0)).toBe(0);
  });

  it("formats for people", () => {
    expect(formatMoney(123_456, "EUR", "en-GB")).toBe("€1,234.56");
    expect(formatMoney(-5, "EUR", "nl-NL")).toMatch(/0,05/);
  });
});

describe("divRoundHalfUp", () => {
  it("rounds halves away from zero", () => {
    expect(divRoundHalfUp(5n, 2n)).toBe(3n);
    expect(divRoundHalfUp(-5n, 2n)).toBe(-3n);
    expect(divRoundHalfUp(5n, -2n)).toBe(-3n);
    expect(divRoundHalfUp(7n, 3n)).toBe(2n);
    expect(divRoundHalfUp(0n, 7n)).toBe(0n);
    expect(() => divRoundHalfUp(1n, 0n)).toThrow(/division by zero/);
  });

  it("property: result is within half of the exact quotient, ties away from zero, odd in sign", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 9n }), (n, d) => {
        const q = divRoundHalfUp(n, d);
        // |n − q·d| ≤ d/2, i.e. 2|n − q·d| ≤ d.
        const diff = n - q * d;
        expect(2n * (diff < 0n ? -diff : diff) <= d).toBe(true);
        expect(divRoundHalfUp(-n, d)).toBe(-q);
        if (2n * (diff < 0n ? -diff : diff) === d) expect(q < 0n ? -q : q).toBeGreaterThan((n < 0n ? -n : n) / d);
      }),
    );
  });
});

describe("percentToRational and percentOf", () => {
  it("reads decimal percentages exactly", () => {
    expect(percentToRational(12.15)).toEqual({ numerator: 1215n, scale: 100n });
    expect(percentToRational(8)).toEqual({ numerator: 8n, scale: 1n });
    expect(percentToRational(0.1)).toEqual({ numerator: 1n, scale: 10n });
    expect(percentToRational(1e-7)).toEqual({ numerator: 1n, scale: 10_000_000n });
    expect(percentToRational(-1.25e-7)).toEqual({ numerator: -125n, scale: 1_000_000_000n });
    expect(percentToRational(2.5e21)).toEqual({ numerator: 2_500_000_000_000_000_000_000n, scale: 1n });
    expect(() => percentToRational(Number.NaN)).toThrow(RangeError);
  });

  it("takes a percentage of cents with one half-up rounding", () => {
    expect(percentOf(3_333, 15)).toBe(500); // 499.95
    expect(percentOf(1_000, 12.15)).toBe(122); // 121.5
    expect(percentOf(-1_000, 12.15)).toBe(-122);
    expect(percentOf(10, 0.1)).toBe(0); // 0.01
    // 0.1 + 0.2 in binary floating point is 0.30000000000000004; the decimal text is what counts.
    expect(percentOf(100_000_000, 0.3)).toBe(300_000);
  });

  it("property: percentOf is the exact decimal product, rounded half-up", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.integer({ min: 0, max: 10_000 }), (cents, hundredths) => {
        const exactTimes10000 = BigInt(cents) * BigInt(hundredths); // cents × pct × 100
        expect(percentOf(cents, hundredths / 100)).toBe(Number(divRoundHalfUp(exactTimes10000, 10_000n)));
      }),
    );
  });
});

describe("sumCents, splitCents, ceilDiv", () => {
  it("sums exactly and refuses non-cents", () => {
    expect(sumCents([])).toBe(0);
    expect(sumCents([1, -2, 3])).toBe(2);
    expect(() => sumCents([1, 0.5])).toThrow(/amounts\[1\]/);
    expect(() => sumCents([Number.MAX_SAFE_INTEGER, 1])).toThrow(/sum/);
  });

  it("splits with the extra cents first", () => {
    expect(splitCents(100, 3)).toEqual([34, 33, 33]);
    expect(splitCents(2, 3)).toEqual([1, 1, 0]);
    expect(splitCents(0, 2)).toEqual([0, 0]);
    expect(() => splitCents(100, 0)).toThrow(/parts/);
    expect(() => splitCents(-1, 2)).toThrow(/totalCents/);
  });

  it("ceilDiv", () => {
    expect(ceilDiv(0, 3)).toBe(0);
    expect(ceilDiv(9, 3)).toBe(3);
    expect(ceilDiv(10, 3)).toBe(4);
    expect(ceilDiv(Number.MAX_SAFE_INTEGER, 1)).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => ceilDiv(1, 0)).toThrow(/divisor/);
  });

  it("property: a split sums exactly, parts differ by at most one cent, larger first", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 1, max: 500 }), (total, parts) => {
        const split = splitCents(total, parts);
        expect(split).toHaveLength(parts);
        expect(split.reduce((a, b) => a + b, 0)).toBe(total);
        expect(Math.max(...split) - Math.min(...split)).toBeLessThanOrEqual(1);
        expect([...split].sort((a, b) => b - a)).toEqual(split);
      }),
    );
  });

  it("property: ceilDiv(a, b) is the least n with n·b ≥ a", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 1, max: 10 ** 6 }), (a, b) => {
        const n = ceilDiv(a, b);
        expect(n * b).toBeGreaterThanOrEqual(a);
        expect((n - 1) * b).toBeLessThan(a === 0 ? 1 : a);
      }),
    );
  });
});
