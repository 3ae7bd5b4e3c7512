import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, isoWeekday } from "./dates.ts";
import {
  alreadyPaidDetails,
  alreadyPaidProblem,
  CALL_BACK_HORIZON_DAYS,
  callBackDays,
  isCallBackDay,
  isFrPublicHoliday,
  nextActionAfterPortalReply,
  nextActionForPortalRequest,
} from "./self-service.ts";

describe("call-back days", () => {
  it("knows the French public holidays, movable ones included", () => {
    // 2027: Easter Sunday is 28 March, so Easter Monday 29 March, Ascension 6 May, Whit Monday 17 May.
    for (const day of ["2027-01-01", "2027-03-29", "2027-05-01", "2027-05-06", "2027-05-08", "2027-05-17", "2027-07-14", "2027-08-15", "2027-11-01", "2027-11-11", "2027-12-25"]) {
      expect(isFrPublicHoliday(day), day).toBe(true);
    }
    for (const day of ["2027-03-26", "2027-03-28", "2027-05-07", "2027-12-26"]) expect(isFrPublicHoliday(day), day).toBe(false);
  });

  it("offers working days of the case's country from today to two weeks ahead", () => {
    // Monday 15 March 2027 (FR): 11 working days up to Monday 29 March, which is Easter Monday.
    const days = callBackDays("2027-03-15", "FR");
    expect(days[0]).toBe("2027-03-15");
    expect(days.at(-1)).toBe("2027-03-26");
    expect(days).toHaveLength(10);
    expect(days).not.toContain("2027-03-20");
    // Belgium's 21 July and the Dutch King's Day are not working days there, but are in France.
    expect(isCallBackDay("2027-07-21", "BE")).toBe(false);
    expect(isCallBackDay("2027-07-21", "FR")).toBe(true);
    expect(isCallBackDay("2027-04-27", "NL")).toBe(false);
  });

  it("only ever offers weekdays within the horizon, in order (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.constantFrom("FR" as const, "BE" as const, "NL" as const), (offset, jurisdiction) => {
        const today = addDays("2026-01-01", offset);
        const days = callBackDays(today, jurisdiction);
        // Two weeks always hold at least six working days, even around Christmas and Easter.
        expect(days.length).toBeGreaterThanOrEqual(6);
        for (const d of days) {
          expect(d >= today && d <= addDays(today, CALL_BACK_HORIZON_DAYS)).toBe(true);
          expect(isoWeekday(d)).toBeLessThanOrEqual(5);
        }
        expect([...days].sort()).toEqual(days);
      }),
    );
  });
});

describe("already paid", () => {
  it("says what the debtor reports in words, with their note", () => {
    expect(alreadyPaidDetails({ paidOn: "2027-03-01", amountCents: 25_000, currency: "EUR", method: "bank_transfer" })).toBe("The debtor says they paid €250.00 on 2027-03-01 by bank transfer.");
    expect(alreadyPaidDetails({ paidOn: "2027-02-10", amountCents: 106_000, currency: "EUR", method: "to_creditor", note: " Paid at the shop " })).toBe(
      "The debtor says they paid €1,060.00 on 2027-02-10 directly to the creditor. Their note: Paid at the shop",
    );
  });

  it("refuses a payment date in the future and an amount of nothing, naming the field", () => {
    expect(alreadyPaidProblem({ paidOn: "2027-03-16", amountCents: 100 }, "2027-03-15")).toMatchObject({ field: "paidOn" });
    expect(alreadyPaidProblem({ paidOn: "2017-01-01", amountCents: 100 }, "2027-03-15")).toMatchObject({ field: "paidOn" });
    expect(alreadyPaidProblem({ paidOn: "2027-03-15", amountCents: 0 }, "2027-03-15")).toMatchObject({ field: "amountCents" });
    expect(alreadyPaidProblem({ paidOn: "2027-03-15", amountCents: 1 }, "2027-03-15")).toBeNull();
  });
});

describe("the next action a portal request sets", () => {
  const today = "2027-03-15";

  it("puts the case in front of the handler on the day wanted, unless something is already due", () => {
    expect(nextActionForPortalRequest({ on: null, kind: null }, { on: today, kind: "portal_dispute" }, today)).toEqual({ on: today, kind: "portal_dispute" });
    expect(nextActionForPortalRequest({ on: "2027-03-29", kind: "review_dispute" }, { on: today, kind: "answer_portal_message" }, today)).toEqual({ on: today, kind: "answer_portal_message" });
    // An overdue follow-up stays: the case is already among the due ones, and a call back next week must not hide it.
    expect(nextActionForPortalRequest({ on: "2027-03-12", kind: "call" }, { on: "2027-03-22", kind: "call_back" }, today)).toEqual({ on: "2027-03-12", kind: "call" });
    // One overdue beyond the queue's window no longer finds the case: the request's day replaces it.
    expect(nextActionForPortalRequest({ on: "2027-02-01", kind: "call" }, { on: "2027-03-22", kind: "call_back" }, today)).toEqual({ on: "2027-03-22", kind: "call_back" });
  });

  it("after a written answer, schedules the dispute's review, the hold's, or nothing; a call back stays", () => {
    expect(nextActionAfterPortalReply({ on: today, kind: "portal_dispute" }, ["disputed"], today)).toEqual({ on: "2027-03-29", kind: "review_dispute" });
    expect(nextActionAfterPortalReply({ on: today, kind: "answer_portal_message" }, ["insolvency"], today)).toEqual({ on: "2027-04-14", kind: "review_hold" });
    expect(nextActionAfterPortalReply({ on: today, kind: "answer_portal_message" }, ["vulnerable"], today)).toEqual({ on: null, kind: null });
    expect(nextActionAfterPortalReply({ on: "2027-03-17", kind: "call_back" }, [], today)).toEqual({ on: "2027-03-17", kind: "call_back" });
  });
});
