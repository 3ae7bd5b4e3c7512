import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareDates, daysBetween } from "./dates.ts";
import { DomainError } from "./errors.ts";
import { buildSchedule, MAX_SCHEDULE_INSTALMENTS, periodDate, scheduleEndsOn, scheduleTotal, type ScheduleInput } from "./schedule.ts";
import type { PlanFrequency } from "./vocabulary.ts";

const dates = (s: ReturnType<typeof buildSchedule>) => s.map((l) => l.dueOn);
const amounts = (s: ReturnType<typeof buildSchedule>) => s.map((l) => l.amountCents);

describe("buildSchedule — worked examples", () => {
  it("splits by count, extra cents on the first instalments, monthly from the 31st without drifting after February", () => {
    const s = buildSchedule({ totalCents: 100_000, firstDueOn: "2026-01-31", frequency: "monthly", count: 3 });
    expect(amounts(s)).toEqual([33_334, 33_333, 33_333]);
    expect(dates(s)).toEqual(["2026-01-31", "2026-02-28", "2026-03-31"]);
    expect(s.map((l) => l.seq)).toEqual([1, 2, 3]);
    expect(s.every((l) => !l.isDownPayment)).toBe(true);
  });

  it("lands on 29 February in a leap year and keeps the 30th afterwards", () => {
    const s = buildSchedule({ totalCents: 5_000, firstDueOn: "2027-12-30", frequency: "monthly", count: 5 });
    expect(dates(s)).toEqual(["2027-12-30", "2028-01-30", "2028-02-29", "2028-03-30", "2028-04-30"]);
  });

  it("weekly and biweekly step by 7 and 14 days, across a year end", () => {
    expect(dates(buildSchedule({ totalCents: 300, firstDueOn: "2026-12-24", frequency: "weekly", count: 3 }))).toEqual([
      "2026-12-24",
      "2026-12-31",
      "2027-01-07",
    ]);
    expect(dates(buildSchedule({ totalCents: 300, firstDueOn: "2026-12-24", frequency: "biweekly", count: 3 }))).toEqual([
      "2026-12-24",
      "2027-01-07",
      "2027-01-21",
    ]);
  });

  it("by amount: equal instalments and a smaller last one", () => {
    const s = buildSchedule({ totalCents: 100_000, firstDueOn: "2026-03-01", frequency: "monthly", instalmentCents: 30_000 });
    expect(amounts(s)).toEqual([30_000, 30_000, 30_000, 10_000]);
    expect(amounts(buildSchedule({ totalCents: 90_000, firstDueOn: "2026-03-01", frequency: "monthly", instalmentCents: 30_000 }))).toEqual([
      30_000, 30_000, 30_000,
    ]);
    expect(amounts(buildSchedule({ totalCents: 100, firstDueOn: "2026-03-01", frequency: "monthly", instalmentCents: 30_000 }))).toEqual([100]);
  });

  it("a down payment is due on the first date, instalments one period later", () => {
    const s = buildSchedule({ totalCents: 100_000, firstDueOn: "2026-01-15", frequency: "monthly", count: 4, downPaymentCents: 20_000 });
    expect(s).toEqual([
      { seq: 1, dueOn: "2026-01-15", amountCents: 20_000, isDownPayment: true },
      { seq: 2, dueOn: "2026-02-15", amountCents: 20_000, isDownPayment: false },
      { seq: 3, dueOn: "2026-03-15", amountCents: 20_000, isDownPayment: false },
      { seq: 4, dueOn: "2026-04-15", amountCents: 20_000, isDownPayment: false },
      { seq: 5, dueOn: "2026-05-15", amountCents: 20_000, isDownPayment: false },
    ]);
    expect(scheduleEndsOn(s)).toBe("2026-05-15");
    expect(scheduleTotal(s)).toBe(100_000);
  });

  it("periodDate counts from the anchor", () => {
    expect(periodDate("2026-01-31", "monthly", 13)).toBe("2027-02-28");
    expect(periodDate("2026-01-31", "weekly", 0)).toBe("2026-01-31");
  });
});

describe("buildSchedule — invalid input names the field", () => {
  const base: ScheduleInput = { totalCents: 10_000, firstDueOn: "2026-01-01", frequency: "monthly", count: 2 };
  const bad: [string, Record<string, unknown>, string, string][] = [
    ["zero total", { totalCents: 0 }, "totalCents", "VALIDATION"],
    ["fractional total", { totalCents: 10.5 }, "totalCents", "VALIDATION"],
    ["bad date", { firstDueOn: "2026-02-30" }, "firstDueOn", "VALIDATION"],
    ["bad frequency", { frequency: "daily" }, "frequency", "VALIDATION"],
    ["count 0", { count: 0 }, "count", "VALIDATION"],
    ["count not whole", { count: 2.5 }, "count", "VALIDATION"],
    ["more instalments than cents", { totalCents: 3, count: 4 }, "count", "VALIDATION"],
    ["count and amount", { instalmentCents: 100 }, "count", "VALIDATION"],
    ["neither", { count: undefined }, "count", "VALIDATION"],
    ["amount 0", { count: undefined, instalmentCents: 0 }, "instalmentCents", "VALIDATION"],
    ["negative down payment", { downPaymentCents: -1 }, "downPaymentCents", "VALIDATION"],
    ["down payment = total", { downPaymentCents: 10_000 }, "downPaymentCents", "VALIDATION"],
    ["too many by count", { totalCents: 100_000, count: MAX_SCHEDULE_INSTALMENTS + 1 }, "count", "LIMIT_EXCEEDED"],
    ["too many by amount", { totalCents: 100_000, count: undefined, instalmentCents: 1 }, "instalmentCents", "LIMIT_EXCEEDED"],
  ];
  it.each(bad)("%s", (_name, patch, field, code) => {
    try {
      buildSchedule({ ...base, ...patch } as ScheduleInput);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).field).toBe(field);
      expect((e as DomainError).code).toBe(code);
    }
  });
});

describe("buildSchedule — properties", () => {
  const frequency = fc.constantFrom<PlanFrequency>("weekly", "biweekly", "monthly");
  const firstDueOn = fc
    .date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2035-12-31T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const byCount = fc
    .record({ totalCents: fc.integer({ min: 1, max: 100_000_000 }), count: fc.integer({ min: 1, max: 120 }), down: fc.integer({ min: 0, max: 100 }) })
    .filter(({ totalCents, count, down }) => {
      const d = Math.floor((totalCents * down) / 100);
      return d < totalCents && count <= totalCents - d;
    });
  const byAmount = fc.record({ totalCents: fc.integer({ min: 1, max: 100_000_000 }), each: fc.integer({ min: 1, max: 100_000_000 }), down: fc.integer({ min: 0, max: 99 }) }).filter(
    ({ totalCents, each, down }) => Math.ceil((totalCents - Math.floor((totalCents * down) / 100)) / each) <= MAX_SCHEDULE_INSTALMENTS - 1,
  );

  function common(s: ReturnType<typeof buildSchedule>, totalCents: number, freq: PlanFrequency, first: string) {
    expect(scheduleTotal(s)).toBe(totalCents);
    expect(s[0]!.dueOn).toBe(first);
    s.forEach((line, i) => {
      expect(line.seq).toBe(i + 1);
      expect(line.amountCents).toBeGreaterThan(0);
      expect(Number.isSafeInteger(line.amountCents)).toBe(true);
      if (i > 0) expect(compareDates(s[i - 1]!.dueOn, line.dueOn)).toBe(-1);
      if (i > 0 && freq !== "monthly") expect(daysBetween(s[i - 1]!.dueOn, line.dueOn)).toBe(freq === "weekly" ? 7 : 14);
    });
    if (freq === "monthly") {
      // Every due date keeps the first date's day of month, or the month's last day when it is shorter.
      const day = Number(first.slice(8));
      for (const line of s) {
        const [y, m, d] = line.dueOn.split("-").map(Number) as [number, number, number];
        const monthLength = new Date(Date.UTC(y, m, 0)).getUTCDate();
        expect(d).toBe(Math.min(day, monthLength));
      }
    }
  }

  it("by count: sums exactly, right count, regular instalments within one cent, larger ones first", () => {
    fc.assert(
      fc.property(byCount, frequency, firstDueOn, ({ totalCents, count, down }, freq, first) => {
        const downPaymentCents = Math.floor((totalCents * down) / 100);
        const s = buildSchedule({ totalCents, firstDueOn: first, frequency: freq, count, downPaymentCents });
        common(s, totalCents, freq, first);
        const regular = s.filter((l) => !l.isDownPayment).map((l) => l.amountCents);
        expect(regular).toHaveLength(count);
        expect(s).toHaveLength(count + (downPaymentCents > 0 ? 1 : 0));
        expect(Math.max(...regular) - Math.min(...regular)).toBeLessThanOrEqual(1);
        expect([...regular].sort((a, b) => b - a)).toEqual(regular);
      }),
    );
  });

  it("by amount: every regular instalment is the amount except a last one of 1 cent to the amount", () => {
    fc.assert(
      fc.property(byAmount, frequency, firstDueOn, ({ totalCents, each, down }, freq, first) => {
        const downPaymentCents = Math.floor((totalCents * down) / 100);
        const s = buildSchedule({ totalCents, firstDueOn: first, frequency: freq, instalmentCents: each, downPaymentCents });
        common(s, totalCents, freq, first);
        const regular = s.filter((l) => !l.isDownPayment).map((l) => l.amountCents);
        expect(regular).toHaveLength(Math.ceil((totalCents - downPaymentCents) / each));
        regular.slice(0, -1).forEach((a) => expect(a).toBe(each));
        expect(regular.at(-1)!).toBeLessThanOrEqual(each);
      }),
    );
  });
});
