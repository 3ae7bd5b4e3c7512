import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  caseContactRefusal,
  contactPointRefusal,
  contentRefusal,
  deadlineRefusal,
  debtorFormatLocale,
  formatLongDate,
  isNoticeTemplate,
  messageRefusal,
  phoneLineKind,
  smsSafeText,
  type ContactPointFacts,
  type MessageFacts,
} from "./contact-rules.ts";
import { formatMoney } from "./money.ts";
import { smsSegments } from "./templates.ts";

const mobile: ContactPointFacts = { kind: "phone", value: "+33639980123", isInvalid: false, optedOutAt: null };
const email: ContactPointFacts = { kind: "email", value: "lea.martin@example.test", isInvalid: false, optedOutAt: null };
const address: ContactPointFacts = { kind: "address", value: "12 rue des Lilas, 75011 Paris, FR", isInvalid: false, optedOutAt: null };
const TODAY = "2027-03-15";

const facts = (overrides: Partial<MessageFacts> = {}): MessageFacts => ({
  state: { stage: "notified", holds: [] },
  channel: "sms",
  templateKey: "reminder_sms",
  point: mobile,
  deadline: "2027-03-29",
  usesDeadline: false,
  today: TODAY,
  ...overrides,
});

describe("caseContactRefusal", () => {
  it("lets an open case without holds be written to", () => {
    expect(caseContactRefusal({ stage: "in_contact", holds: [] }, { isNotice: false })).toBeNull();
  });

  it("refuses a closed case, saying how to resume", () => {
    const r = caseContactRefusal({ stage: "closed", holds: [], closureReason: "paid" }, { isNotice: false });
    expect(r).toMatchObject({ reason: "case_closed", code: "CONFLICT", field: null });
    expect(r!.message).toMatch(/closed.*Reopen/);
  });

  it.each([
    [["disputed"], /disputed — resolve the dispute first/],
    [["insolvency"], /insolvency proceedings/],
    [["deceased"], /has died/],
  ] as const)("refuses while the case is on hold %j, naming what to do", (holds, text) => {
    const r = caseContactRefusal({ stage: "in_contact", holds: [...holds] }, { isNotice: false });
    expect(r).toMatchObject({ reason: "on_hold", code: "PRECONDITION_FAILED", holds });
    expect(r!.message).toMatch(text);
  });

  it("lets a case handler write to a vulnerable debtor: vulnerability asks for care, not silence", () => {
    expect(caseContactRefusal({ stage: "in_contact", holds: ["vulnerable"] }, { isNotice: false })).toBeNull();
  });

  it("names every hold when several are set", () => {
    const r = caseContactRefusal({ stage: "notified", holds: ["disputed", "insolvency"] }, { isNotice: false });
    expect(r!.message).toMatch(/disputed.*; and .*insolvency/);
  });

  it("refuses a reminder before the formal notice, but not the notice itself", () => {
    expect(caseContactRefusal({ stage: "new", holds: [] }, { isNotice: false })).toMatchObject({ reason: "notice_first", field: "templateKey" });
    expect(caseContactRefusal({ stage: "new", holds: [] }, { isNotice: true })).toBeNull();
    // Not even the notice goes out on hold: a disputed claim is not put on notice.
    expect(caseContactRefusal({ stage: "new", holds: ["disputed"] }, { isNotice: true })).toMatchObject({ reason: "on_hold" });
  });
});

describe("isNoticeTemplate", () => {
  it("knows the formal notice and the statutory letters that stand for it", () => {
    expect(["formal_notice", "first_reminder", "fourteen_day_letter"].every(isNoticeTemplate)).toBe(true);
    expect(isNoticeTemplate("reminder_sms")).toBe(false);
  });
});

describe("phoneLineKind", () => {
  it.each([
    ["+33639980123", "mobile"], // FR 06
    ["+33712345678", "mobile"], // FR 07
    ["+33199001234", "landline"], // FR 01
    ["+32470123456", "mobile"], // BE 0470
    ["+3221234567", "landline"], // BE 02 Brussels
    ["+31612345678", "mobile"], // NL 06
    ["+31301234567", "landline"], // NL 030 Utrecht
    ["+352621123456", "mobile"], // LU 621
    ["+4915112345678", "mobile"], // DE 0151
    ["+447700900123", "mobile"], // GB 07700
    ["+447012345678", "landline"], // GB 070 personal numbering, not a phone
    ["+34612345678", "unknown"], // ES: not a known plan, allowed
    ["0612345678", "malformed"],
    ["+33 6 39 98 01 23", "mobile"], // spaces tolerated
  ] as const)("%s is %s", (value, kind) => {
    expect(phoneLineKind(value)).toBe(kind);
  });
});

describe("contactPointRefusal", () => {
  it("accepts the right kind of point for each channel", () => {
    expect(contactPointRefusal("sms", mobile)).toBeNull();
    expect(contactPointRefusal("email", email)).toBeNull();
    expect(contactPointRefusal("letter", address)).toBeNull();
  });

  it("refuses the wrong kind, naming what the channel needs", () => {
    expect(contactPointRefusal("letter", email)).toMatchObject({ reason: "wrong_kind", code: "VALIDATION", field: "contactPointId" });
    expect(contactPointRefusal("letter", email)!.message).toBe("A letter goes to a postal address, and this is an email address: choose one of the debtor's postal addresses.");
    expect(contactPointRefusal("sms", email)!.message).toMatch(/An SMS goes to a mobile phone number.*phone numbers\.$/);
    expect(contactPointRefusal("email", mobile)!.message).toMatch(/email addresses\.$/);
  });

  it("refuses an opted-out point, with the day, before anything else about it", () => {
    const r = contactPointRefusal("sms", { ...mobile, isInvalid: true, optedOutAt: "2027-02-03T10:00:00Z" });
    expect(r).toMatchObject({ reason: "opted_out", code: "PRECONDITION_FAILED" });
    expect(r!.message).toBe("The debtor opted out of messages to +33639980123 on 2027-02-03: use another channel or another contact point.");
    expect(contactPointRefusal("email", { ...email, optedOutAt: new Date("2027-01-09T08:00:00Z") })!.message).toMatch(/on 2027-01-09/);
  });

  it("refuses an invalid point and a malformed email", () => {
    expect(contactPointRefusal("letter", { ...address, isInvalid: true })).toMatchObject({ reason: "contact_invalid" });
    expect(contactPointRefusal("email", { ...email, value: "not-an-address" })).toMatchObject({ reason: "contact_invalid" });
  });

  it("refuses an SMS to a landline or a number not in international form", () => {
    expect(contactPointRefusal("sms", { ...mobile, value: "+33199001234" })!.message).toMatch(/landline: an SMS needs a mobile number/);
    expect(contactPointRefusal("sms", { ...mobile, value: "06 39 98 01 23" })).toMatchObject({ reason: "not_mobile" });
    expect(contactPointRefusal("sms", { ...mobile, value: "+34612345678" })).toBeNull();
  });
});

describe("deadlineRefusal", () => {
  it("accepts a future date within a year", () => {
    expect(deadlineRefusal("2027-03-16", TODAY, { isRequired: true })).toBeNull();
    expect(deadlineRefusal("2028-03-14", TODAY, { isRequired: true })).toBeNull();
  });

  it("refuses today, the past, a non-date and a date more than a year out", () => {
    expect(deadlineRefusal(TODAY, TODAY, { isRequired: true })).toMatchObject({ reason: "deadline_not_future", field: "deadline" });
    expect(deadlineRefusal("2027-03-01", TODAY, { isRequired: false })!.message).toMatch(/after today \(2027-03-15\).*2027-03-29/);
    expect(deadlineRefusal("2027-02-30", TODAY, { isRequired: true })).toMatchObject({ reason: "deadline_not_future" });
    // 365 days ahead is the last day allowed (2028 is a leap year).
    expect(deadlineRefusal("2028-03-15", TODAY, { isRequired: true })).toMatchObject({ reason: "deadline_too_far" });
  });

  it("asks for a deadline only when the wording prints one", () => {
    expect(deadlineRefusal(undefined, TODAY, { isRequired: true })).toMatchObject({ reason: "deadline_missing" });
    expect(deadlineRefusal(null, TODAY, { isRequired: false })).toBeNull();
  });

  it("never accepts a date on or before today (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), (back) => {
        const d = new Date(Date.UTC(2027, 2, 15) - back * 86_400_000).toISOString().slice(0, 10);
        return deadlineRefusal(d, TODAY, { isRequired: true })?.reason === "deadline_not_future";
      }),
    );
  });
});

describe("messageRefusal", () => {
  it("lets a reminder SMS to a mobile go on a notified case", () => {
    expect(messageRefusal(facts())).toBeNull();
  });

  it("gives the most fundamental reason first: the hold, then the contact point, then the deadline", () => {
    const all = facts({ state: { stage: "in_contact", holds: ["disputed"] }, point: { ...mobile, optedOutAt: "2027-01-01T00:00:00Z" }, deadline: "2027-01-01", usesDeadline: true });
    expect(messageRefusal(all)!.reason).toBe("on_hold");
    expect(messageRefusal({ ...all, state: { stage: "in_contact", holds: [] } })!.reason).toBe("opted_out");
    expect(messageRefusal({ ...all, state: { stage: "in_contact", holds: [] }, point: mobile })!.reason).toBe("deadline_not_future");
  });

  it("sends a formal notice on a new case, but no reminder", () => {
    expect(messageRefusal(facts({ state: { stage: "new", holds: [] }, channel: "letter", templateKey: "formal_notice", point: address, usesDeadline: true }))).toBeNull();
    expect(messageRefusal(facts({ state: { stage: "new", holds: [] } }))!.reason).toBe("notice_first");
  });
});

describe("contentRefusal", () => {
  it("refuses an SMS longer than four parts, not a long letter", () => {
    expect(contentRefusal("sms", "x".repeat(612))).toBeNull();
    expect(contentRefusal("sms", "x".repeat(613))).toMatchObject({ reason: "too_long" });
    expect(contentRefusal("letter", "x".repeat(5000))).toBeNull();
  });
});

describe("formatting for the debtor", () => {
  it("uses the debtor's language with their country's conventions", () => {
    expect(debtorFormatLocale("fr", "BE")).toBe("fr-BE");
    expect(debtorFormatLocale("nl", "NL")).toBe("nl-NL");
    expect(debtorFormatLocale("en", "FR")).toBe("en-GB");
  });

  it("spells a deadline out in each language", () => {
    expect(formatLongDate("2027-03-29", "fr-FR")).toBe("29 mars 2027");
    expect(formatLongDate("2027-03-29", "nl-BE")).toBe("29 maart 2027");
    expect(formatLongDate("2027-03-29", "en-GB")).toBe("29 March 2027");
  });

  it("keeps an SMS with a French amount in GSM-7", () => {
    const amount = formatMoney(106_000, "EUR", "fr-FR");
    expect(smsSegments(`Solde ${amount}`).encoding).toBe("ucs2");
    expect(smsSafeText(`Solde ${amount}`)).toBe("Solde 1 060,00 €");
    expect(smsSegments(smsSafeText(`Solde ${amount}`)).encoding).toBe("gsm7");
  });
});
