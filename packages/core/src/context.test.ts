import { describe, expect, it } from "vitest";
import { fixedClock, isStaff, today } from "./context.ts";

describe("clock", () => {
  it("a fixed clock always answers the same instant, as a fresh Date", () => {
    const clock = fixedClock("2027-03-15T09:00:00Z");
    const a = clock.now();
    a.setFullYear(2000);
    expect(clock.now().toISOString()).toBe("2027-03-15T09:00:00.000Z");
  });

  it("refuses a value that is not an instant", () => {
    expect(() => fixedClock("next tuesday")).toThrow(RangeError);
  });

  it("today is the calendar date in the agency's zone, not in UTC", () => {
    // 23:30 UTC on 31 December is already 1 January in Paris (UTC+1 in winter).
    expect(today(fixedClock("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(today(fixedClock("2026-12-31T23:30:00Z"), "UTC")).toBe("2026-12-31");
    expect(today(fixedClock("2027-07-01T21:59:00Z"), "Europe/Amsterdam")).toBe("2027-07-01");
  });
});

describe("actors", () => {
  it("staff are admins, supervisors and agents; client users, debtors and the system are not", () => {
    expect(isStaff({ kind: "user", userId: "u", role: "agent" })).toBe(true);
    expect(isStaff({ kind: "user", userId: "u", role: "admin" })).toBe(true);
    expect(isStaff({ kind: "user", userId: "u", role: "client", clientId: "c" })).toBe(false);
    expect(isStaff({ kind: "debtor", debtorId: "d", caseIds: [] })).toBe(false);
    expect(isStaff({ kind: "system", name: "worker" })).toBe(false);
  });
});
