import { describe, expect, it } from "vitest";
import { formatOpeningHours } from "./opening-hours.ts";

const weekdays = [1, 2, 3, 4, 5] as const;

describe("formatOpeningHours", () => {
  it("folds consecutive days with the same hours, in each language", () => {
    const hours = [...weekdays.map((weekday) => ({ weekday, opens: "09:00", closes: "17:30" })), { weekday: 6 as const, opens: "09:00", closes: "12:00" }];
    expect(formatOpeningHours(hours, "en")).toEqual([
      { days: "Monday – Friday", hours: "09:00–17:30" },
      { days: "Saturday", hours: "09:00–12:00" },
    ]);
    expect(formatOpeningHours(hours, "fr")[0]!.days).toBe("lundi – vendredi");
    expect(formatOpeningHours(hours, "nl")[0]!.days).toBe("maandag – vrijdag");
  });

  it("joins split days and does not fold across a gap", () => {
    const hours = [
      { weekday: 1 as const, opens: "13:00", closes: "17:00" },
      { weekday: 1 as const, opens: "09:00", closes: "12:00" },
      { weekday: 3 as const, opens: "09:00", closes: "12:00" },
    ];
    expect(formatOpeningHours(hours, "en")).toEqual([
      { days: "Monday", hours: "09:00–12:00, 13:00–17:00" },
      { days: "Wednesday", hours: "09:00–12:00" },
    ]);
  });

  it("returns nothing for no hours", () => {
    expect(formatOpeningHours([], "en")).toEqual([]);
  });
});
