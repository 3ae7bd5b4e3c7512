import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  addYears,
  assertIsoDate,
  calendarDateIn,
  compareDates,
  daysBetween,
  daysInMonth,
  easterSunday,
  isIsoDate,
  isLeapYear,
  isoWeekday,
  maxDate,
  minDate,
  nextSemester,
  semesterBounds,
  semesterOf,
  type Semester,
} from "./dates.ts";

const anyDate = fc.integer({ min: 0, max: 365 * 200 }).map((n) => addDays("1900-01-01", n));

describe("isIsoDate / assertIsoDate", () => {
  it("accepts real calendar dates, leap days included", () => {
    for (const d of ["2025-01-01", "2024-02-29", "2000-02-29", "2025-12-31", "0001-01-01"]) expect(isIsoDate(d)).toBe(true);
  });

  it("rejects impossible or badly formatted dates", () => {
    for (const d of ["2027-02-30", "2023-02-29", "1900-02-29", "2025-04-31", "2025-13-01", "2025-00-10", "2025-01-00", "2025-1-01", "25-01-01", "2025/01/01", "", "2025-01-01T00:00"]) {
      expect(isIsoDate(d)).toBe(false);
    }
  });

  it("names the field in the error", () => {
    expect(() => assertIsoDate("2025-02-30", "dueOn")).toThrow(RangeError);
    expect(() => assertIsoDate("2025-02-30", "dueOn")).toThrow(/dueOn/);
  });
});

describe("leap years and month lengths", () => {
  it("follows the Gregorian rule", () => {
    expect([1900, 2000, 2023, 2024, 2100, 2400].map(isLeapYear)).toEqual([false, true, false, true, false, true]);
  });

  it("knows February's length", () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2025, 4)).toBe(30);
    expect(daysInMonth(2025, 12)).toBe(31);
  });
});

describe("addDays / daysBetween", () => {
  it("crosses month, year and leap-day boundaries", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(daysBetween("2025-01-01", "2026-01-01")).toBe(365);
    expect(daysBetween("2025-03-10", "2025-03-01")).toBe(-9);
  });

  it("rejects invalid dates", () => {
    expect(() => addDays("2025-02-30", 1)).toThrow(RangeError);
    expect(() => daysBetween("2025-01-01", "2025-13-01")).toThrow(RangeError);
  });

  it("are inverse operations", () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        expect(daysBetween(d, addDays(d, n))).toBe(n);
      }),
    );
  });
});

describe("addMonths / addYears", () => {
  it("clamps to the end of shorter months", () => {
    expect(addMonths("2025-01-31", 1)).toBe("2025-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2025-03-31", 1)).toBe("2025-04-30");
    expect(addMonths("2025-03-31", -1)).toBe("2025-02-28");
    expect(addMonths("2025-01-15", 12)).toBe("2026-01-15");
    expect(addMonths("2025-11-30", 3)).toBe("2026-02-28");
    expect(addMonths("2025-01-15", -13)).toBe("2023-12-15");
  });

  it("maps 29 February to 28 February in common years", () => {
    expect(addYears("2024-02-29", 1)).toBe("2025-02-28");
    expect(addYears("2024-02-29", 4)).toBe("2028-02-29");
    expect(addYears("2024-02-29", -1)).toBe("2023-02-28");
  });

  it("rejects invalid dates", () => {
    expect(() => addMonths("2025-02-29", 1)).toThrow(RangeError);
    expect(() => addYears("not a date", 1)).toThrow(RangeError);
  });

  it("always yields a valid date with a day not after the original", () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -240, max: 240 }), (d, n) => {
        const r = addMonths(d, n);
        expect(isIsoDate(r)).toBe(true);
        expect(Number(r.slice(8))).toBeLessThanOrEqual(Number(d.slice(8)));
      }),
    );
  });
});

describe("comparisons and weekdays", () => {
  it("orders dates", () => {
    expect(compareDates("2025-01-01", "2025-01-02")).toBe(-1);
    expect(compareDates("2025-01-02", "2025-01-02")).toBe(0);
    expect(compareDates("2025-01-03", "2025-01-02")).toBe(1);
    expect(maxDate("2025-01-01", "2024-12-31")).toBe("2025-01-01");
    expect(minDate("2025-01-01", "2024-12-31")).toBe("2024-12-31");
    expect(() => compareDates("2025-01-01", "2025-02-31")).toThrow(RangeError);
  });

  it("numbers weekdays Monday = 1 … Sunday = 7", () => {
    expect(isoWeekday("2025-01-01")).toBe(3);
    expect(isoWeekday("2025-03-02")).toBe(7);
    expect(isoWeekday("2025-03-03")).toBe(1);
    expect(isoWeekday("2024-02-29")).toBe(4);
  });
});

describe("semesters", () => {
  it("maps dates to half-years", () => {
    expect(semesterOf("2025-01-01")).toBe("2025-H1");
    expect(semesterOf("2025-06-30")).toBe("2025-H1");
    expect(semesterOf("2025-07-01")).toBe("2025-H2");
    expect(semesterOf("2025-12-31")).toBe("2025-H2");
  });

  it("gives bounds and successors", () => {
    expect(semesterBounds("2025-H1")).toEqual({ start: "2025-01-01", end: "2025-06-30" });
    expect(semesterBounds("2025-H2")).toEqual({ start: "2025-07-01", end: "2025-12-31" });
    expect(nextSemester("2025-H1")).toBe("2025-H2");
    expect(nextSemester("2025-H2")).toBe("2026-H1");
  });

  it("rejects malformed semesters", () => {
    expect(() => semesterBounds("2025-H3" as Semester)).toThrow(RangeError);
    expect(() => semesterBounds("2025H1" as Semester)).toThrow(RangeError);
    expect(() => semesterOf("2025-06-31")).toThrow(RangeError);
  });

  it("round-trips", () => {
    fc.assert(
      fc.property(anyDate, (d) => {
        const s = semesterOf(d);
        const { start, end } = semesterBounds(s);
        expect(compareDates(start, d)).toBeLessThanOrEqual(0);
        expect(compareDates(d, end)).toBeLessThanOrEqual(0);
        expect(semesterBounds(nextSemester(s)).start).toBe(addDays(end, 1));
      }),
    );
  });
});

describe("easterSunday", () => {
  it("matches published Easter dates", () => {
    expect(easterSunday(2019)).toBe("2019-04-21");
    expect(easterSunday(2024)).toBe("2024-03-31");
    expect(easterSunday(2025)).toBe("2025-04-20");
    expect(easterSunday(2026)).toBe("2026-04-05");
    expect(easterSunday(2038)).toBe("2038-04-25"); // latest possible date
    expect(easterSunday(2285)).toBe("2285-03-22"); // earliest possible date
  });

  it("is always a Sunday between 22 March and 25 April", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 9999 }), (y) => {
        const e = easterSunday(y);
        expect(isoWeekday(e)).toBe(7);
        expect(e.slice(5) >= "03-22" && e.slice(5) <= "04-25").toBe(true);
      }),
    );
  });

  it("rejects non-Gregorian years", () => {
    expect(() => easterSunday(1500)).toThrow(RangeError);
    expect(() => easterSunday(2025.5)).toThrow(RangeError);
  });
});

describe("calendarDateIn", () => {
  it("takes the calendar date in the given zone", () => {
    expect(calendarDateIn(new Date("2025-03-01T23:30:00Z"), "Europe/Paris")).toBe("2025-03-02");
    expect(calendarDateIn(new Date("2025-03-01T22:30:00Z"), "Europe/Paris")).toBe("2025-03-01");
  });
});

describe("years before 100", () => {
  it("are not read as 1900-1999", () => {
    expect(addDays("0050-01-01", 1)).toBe("0050-01-02");
    expect(daysBetween("0050-01-01", "0051-01-01")).toBe(365);
  });
});
