import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, type Semester } from "./dates.ts";
import { BE_DAMAGES_MAX_CENTS, beConsumerDamagesCap, beMaxInterestRate, beReminderPeriod, isBePublicHoliday, isBeWorkingDay } from "./be.ts";

describe("beConsumerDamagesCap", () => {
  // Worked from art. XIX.4 Code de droit économique.
  it.each([
    [0, 20_00],
    [100_00, 20_00],
    [150_00, 20_00],
    [150_01, 30_00], // 30 + 10% × 0.01
    [150_05, 30_01], // 30 + 0.005, half-up
    [300_00, 45_00], // 30 + 10% × 150
    [500_00, 65_00], // 30 + 10% × 350
    [500_01, 65_00], // 65 + 5% × 0.01
    [500_10, 65_01], // 65 + 0.005, half-up
    [1_000_00, 90_00], // 65 + 5% × 500
    [10_000_00, 540_00],
    [39_199_80, 1_999_99],
    [39_199_90, 2_000_00], // 1,999.995 → 2,000.00
    [39_200_00, 2_000_00],
    [1_000_000_00, 2_000_00],
  ])("%i cents outstanding → at most %i cents", (outstanding, cap) => {
    expect(beConsumerDamagesCap(outstanding)).toBe(cap);
  });

  it("is between €20 and €2,000 and never decreases with the balance", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_00 }), fc.integer({ min: 0, max: 10_000_00 }), (b, extra) => {
        const cap = beConsumerDamagesCap(b);
        expect(cap).toBeGreaterThanOrEqual(20_00);
        expect(cap).toBeLessThanOrEqual(BE_DAMAGES_MAX_CENTS);
        expect(beConsumerDamagesCap(b + extra)).toBeGreaterThanOrEqual(cap);
      }),
    );
  });

  it("rejects invalid balances, naming the field", () => {
    expect(() => beConsumerDamagesCap(-1)).toThrow(/outstandingCents/);
    expect(() => beConsumerDamagesCap(0.5)).toThrow(/outstandingCents/);
  });
});

describe("Belgian public holidays and working days", () => {
  it("knows the ten legal holidays", () => {
    for (const d of ["2025-01-01", "2025-04-21", "2025-05-01", "2025-05-29", "2025-06-09", "2025-07-21", "2025-08-15", "2025-11-01", "2025-11-11", "2025-12-25", "2026-04-06", "2026-05-14", "2026-05-25"]) {
      expect(isBePublicHoliday(d), d).toBe(true);
    }
    for (const d of ["2025-04-18", "2025-12-26", "2025-04-22", "2025-05-05"]) expect(isBePublicHoliday(d), d).toBe(false);
  });

  it("treats Saturdays, Sundays and holidays as non-working", () => {
    expect(isBeWorkingDay("2025-09-05")).toBe(true); // Friday
    expect(isBeWorkingDay("2025-09-06")).toBe(false); // Saturday
    expect(isBeWorkingDay("2025-09-07")).toBe(false); // Sunday
    expect(isBeWorkingDay("2025-07-21")).toBe(false); // National Day, a Monday
  });
});

describe("beReminderPeriod", () => {
  it("starts the day after an email is sent", () => {
    expect(beReminderPeriod({ sentOn: "2025-09-01", channel: "email" })).toEqual({
      start: "2025-09-02",
      end: "2025-09-15",
      earliestDamagesDate: "2025-09-16",
    });
  });

  it("starts on the third working day after a letter is posted", () => {
    // Posted Monday: Tue (1), Wed (2), Thu (3).
    expect(beReminderPeriod({ sentOn: "2025-09-01", channel: "post" })).toEqual({
      start: "2025-09-04",
      end: "2025-09-17",
      earliestDamagesDate: "2025-09-18",
    });
    // Posted Good Friday 2025 (a working day in Belgium): the weekend and Easter Monday are skipped.
    expect(beReminderPeriod({ sentOn: "2025-04-18", channel: "post" }).start).toBe("2025-04-24");
    // Posted Thursday 17 July 2025: Fri 18 (1), Mon 21 July holiday, Tue 22 (2), Wed 23 (3).
    expect(beReminderPeriod({ sentOn: "2025-07-17", channel: "post" }).start).toBe("2025-07-23");
    // Posted Christmas Eve 2025: Fri 26 (1), Mon 29 (2), Tue 30 (3); the term crosses New Year.
    expect(beReminderPeriod({ sentOn: "2025-12-24", channel: "post" })).toEqual({
      start: "2025-12-30",
      end: "2026-01-12",
      earliestDamagesDate: "2026-01-13",
    });
  });

  it("always gives 14 calendar days from a start 3–9 days after posting", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 10 }), fc.constantFrom("post" as const, "email" as const), (n, channel) => {
        const sentOn = addDays("2023-09-01", n);
        const p = beReminderPeriod({ sentOn, channel });
        expect(daysBetween(p.start, p.end)).toBe(13);
        expect(p.earliestDamagesDate).toBe(addDays(p.end, 1));
        const lag = daysBetween(sentOn, p.start);
        if (channel === "email") expect(lag).toBe(1);
        else {
          expect(lag).toBeGreaterThanOrEqual(3);
          expect(lag).toBeLessThanOrEqual(9);
          expect(isBeWorkingDay(p.start)).toBe(true);
        }
      }),
    );
  });

  it("rejects bad input, naming the field", () => {
    expect(() => beReminderPeriod({ sentOn: "2025-02-30", channel: "post" })).toThrow(/sentOn/);
    expect(() => beReminderPeriod({ sentOn: "2025-02-03", channel: "sms" as "post" })).toThrow(/channel/);
  });
});

describe("beMaxInterestRate", () => {
  // FPS Finance publications: 12% in 2023-H2, 12.5% in 2024-H1 and 2024-H2, 11.5% in 2025-H1, 10.5% in 2026-H1, 8% while the ECB rate was 0.
  it.each<[Semester, number, number]>([
    ["2020-H1", 0, 8],
    ["2023-H2", 4, 12],
    ["2024-H1", 4.5, 12.5],
    ["2024-H2", 4.5, 12.5],
    ["2025-H1", 3.5, 11.5],
    ["2025-H2", 2.5, 10.5],
    ["2026-H1", 2.5, 10.5],
  ])("%s: reference %s, rate %s", (semester, reference, rate) => {
    expect(beMaxInterestRate(semester)).toEqual({ reference, rate });
  });
});
