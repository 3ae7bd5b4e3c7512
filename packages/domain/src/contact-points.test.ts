import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allowedContactPointChanges,
  changeContactPoint,
  CONTACT_POINT_CHANGES,
  contactPointMatchKey,
  findDuplicateContactPoint,
  invalidationProblem,
  invalidationReasonsFor,
  isUsableContactPoint,
  normaliseContactPoint,
  type ContactPointState,
} from "./contact-points.ts";
import { CONTACT_POINT_KINDS } from "./vocabulary.ts";

const phone: ContactPointState = { kind: "phone", isPrimary: true, isVerified: true, isInvalid: false, hasConsent: true, isOptedOut: false };

describe("changeContactPoint", () => {
  it("marking a point invalid withdraws its verification and its primary role, and marking it valid keeps them withdrawn", () => {
    const invalid = changeContactPoint(phone, "invalidate");
    expect(invalid).toEqual({ ok: true, state: { ...phone, isInvalid: true, isVerified: false, isPrimary: false } });
    const again = changeContactPoint(invalid.ok ? invalid.state : phone, "revalidate");
    expect(again).toEqual({ ok: true, state: { ...phone, isInvalid: false, isVerified: false, isPrimary: false } });
  });

  it("refuses to verify, or make primary, an invalid point, saying what to do", () => {
    const invalid = { ...phone, isInvalid: true, isVerified: false, isPrimary: false };
    expect(changeContactPoint(invalid, "verify")).toMatchObject({ ok: false, code: "PRECONDITION_FAILED", message: expect.stringMatching(/mark it valid again/) });
    expect(changeContactPoint(invalid, "make_primary")).toMatchObject({ ok: false, code: "PRECONDITION_FAILED" });
  });

  it("an opt-out withdraws consent and the primary role; lifting it records consent again", () => {
    const out = changeContactPoint(phone, "opt_out");
    expect(out).toEqual({ ok: true, state: { ...phone, isOptedOut: true, hasConsent: false, isPrimary: false } });
    expect(changeContactPoint(out.ok ? out.state : phone, "lift_opt_out")).toEqual({ ok: true, state: { ...phone, isOptedOut: false, hasConsent: true, isPrimary: false } });
  });

  it("refuses an opt-out on a postal address, and a primary that is opted out", () => {
    const address = { ...phone, kind: "address" as const };
    expect(changeContactPoint(address, "opt_out")).toMatchObject({ ok: false, code: "PRECONDITION_FAILED", message: expect.stringMatching(/Mark it invalid/) });
    expect(changeContactPoint({ ...phone, isPrimary: false, isOptedOut: true }, "make_primary")).toMatchObject({ ok: false, code: "PRECONDITION_FAILED" });
  });

  it("refuses a change that is already made as a conflict, naming the kind of point", () => {
    expect(changeContactPoint(phone, "verify")).toEqual({ ok: false, code: "CONFLICT", message: "This phone number is already verified." });
    expect(changeContactPoint(phone, "make_primary")).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(changeContactPoint(phone, "revalidate")).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(changeContactPoint(phone, "lift_opt_out")).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("lists exactly the changes it accepts", () => {
    expect(allowedContactPointChanges(phone)).toEqual(["invalidate", "opt_out"]);
    expect(allowedContactPointChanges({ ...phone, isPrimary: false, isVerified: false, isInvalid: true })).toEqual(["revalidate", "opt_out"]);
  });

  const states = fc.record({
    kind: fc.constantFrom(...CONTACT_POINT_KINDS),
    isPrimary: fc.boolean(),
    isVerified: fc.boolean(),
    isInvalid: fc.boolean(),
    hasConsent: fc.boolean(),
    isOptedOut: fc.boolean(),
  });

  it("never leaves an invalid or opted-out point primary, nor an invalid one verified (property)", () => {
    const sound = (s: ContactPointState) => !(s.isInvalid && s.isVerified) && !(s.isPrimary && !isUsableContactPoint(s));
    fc.assert(
      fc.property(states.filter(sound), fc.array(fc.constantFrom(...CONTACT_POINT_CHANGES), { maxLength: 12 }), (start, changes) => {
        let state: ContactPointState = start;
        for (const change of changes) {
          const result = changeContactPoint(state, change);
          if (result.ok) state = result.state;
          if (!sound(state)) return false;
        }
        return true;
      }),
    );
  });

  it("an accepted change is never accepted twice in a row (property)", () => {
    fc.assert(
      fc.property(states, fc.constantFrom(...CONTACT_POINT_CHANGES), (state, change) => {
        const first = changeContactPoint(state, change);
        return !first.ok || !changeContactPoint(first.state, change).ok;
      }),
    );
  });
});

describe("invalidation reasons", () => {
  it("offers the reasons that fit the kind of point", () => {
    expect(invalidationReasonsFor("phone")).toEqual(["wrong_number", "not_in_service", "not_the_debtor", "other"]);
    expect(invalidationReasonsFor("address")).toEqual(["letter_returned", "moved_away", "not_the_debtor", "other"]);
    expect(invalidationReasonsFor("email")).toEqual(["email_bounced", "not_the_debtor", "other"]);
  });

  it("names the field of a reason that does not fit, and of a missing note for Other", () => {
    expect(invalidationProblem("phone", "letter_returned", null)).toMatchObject({ field: "reason" });
    expect(invalidationProblem("email", "other", "  ")).toMatchObject({ field: "note" });
    expect(invalidationProblem("email", "other", "Typo in the domain")).toBeNull();
    expect(invalidationProblem("phone", "wrong_number", undefined)).toBeNull();
  });
});

describe("normaliseContactPoint", () => {
  const fr = { defaultCountry: "FR" };

  it("lower-cases an email and refuses one that is not an address, naming the field", () => {
    expect(normaliseContactPoint({ kind: "email", email: "  Marie.Durand@Example.FR " }, fr)).toMatchObject({ ok: true, point: { kind: "email", value: "marie.durand@example.fr" } });
    expect(normaliseContactPoint({ kind: "email", email: "marie.durand@example" }, fr)).toMatchObject({ ok: false, problem: { field: "email" } });
    expect(normaliseContactPoint({ kind: "email", email: "marie durand@example.fr" }, fr)).toMatchObject({ ok: false, problem: { field: "email" } });
    expect(normaliseContactPoint({ kind: "email", email: "" }, fr)).toMatchObject({ ok: false, problem: { field: "email", message: "email is required" } });
  });

  it("writes a phone number in E.164, reading a national number in the debtor's country", () => {
    expect(normaliseContactPoint({ kind: "phone", phone: "06 12 34 56 78" }, fr)).toMatchObject({ ok: true, point: { value: "+33612345678" } });
    expect(normaliseContactPoint({ kind: "phone", phone: "0470 12 34 56" }, { defaultCountry: "BE" })).toMatchObject({ ok: true, point: { value: "+32470123456" } });
    expect(normaliseContactPoint({ kind: "phone", phone: "0031 6 1234 5678" }, fr)).toMatchObject({ ok: true, point: { value: "+31612345678" } });
    expect(normaliseContactPoint({ kind: "phone", phone: "12 34" }, fr)).toMatchObject({ ok: false, problem: { field: "phone" } });
    expect(normaliseContactPoint({ kind: "phone", phone: "call me" }, fr)).toMatchObject({ ok: false, problem: { field: "phone" } });
  });

  it("writes an address as the one line the placement import stores, checking the postal code of its country", () => {
    const result = normaliseContactPoint({ kind: "address", line1: " 12  rue des Lilas ", line2: "", postalCode: "75011", city: "Paris" }, fr);
    expect(result).toEqual({
      ok: true,
      point: { kind: "address", value: "12 rue des Lilas, 75011 Paris, FR", line1: "12 rue des Lilas", line2: null, postalCode: "75011", city: "Paris", countryCode: "FR" },
    });
    expect(normaliseContactPoint({ kind: "address", line1: "Kerkstraat 1", postalCode: "1012ab", city: "Amsterdam", countryCode: "Nederland" }, fr)).toMatchObject({
      ok: true,
      point: { value: "Kerkstraat 1, 1012 AB Amsterdam, NL", countryCode: "NL", postalCode: "1012 AB" },
    });
    expect(normaliseContactPoint({ kind: "address", line1: "Rue Haute 5", postalCode: "75011", city: "Bruxelles", countryCode: "BE" }, fr)).toMatchObject({
      ok: false,
      problem: { field: "postalCode", message: expect.stringMatching(/like 1000/) },
    });
    expect(normaliseContactPoint({ kind: "address", line1: "", postalCode: "75011", city: "Paris" }, fr)).toMatchObject({ ok: false, problem: { field: "line1" } });
    expect(normaliseContactPoint({ kind: "address", line1: "1 rue", postalCode: "75011", city: " " }, fr)).toMatchObject({ ok: false, problem: { field: "city" } });
    expect(normaliseContactPoint({ kind: "address", line1: "1 rue", postalCode: "75011", city: "Paris", countryCode: "Atlantis" }, fr)).toMatchObject({ ok: false, problem: { field: "countryCode" } });
  });
});

describe("duplicates", () => {
  const onFile = [
    { id: "e", kind: "email", value: "marie.durand@example.fr" },
    { id: "p", kind: "phone", value: "+33612345678" },
    { id: "a", kind: "address", value: "12, Rue de l'Église, 75011 Paris, FR" },
  ];

  it("finds the same point typed another way", () => {
    const typed = (input: Parameters<typeof normaliseContactPoint>[0]) => {
      const result = normaliseContactPoint(input, { defaultCountry: "FR" });
      if (!result.ok) throw new Error(result.problem.message);
      return findDuplicateContactPoint(result.point, onFile)?.id ?? null;
    };
    expect(typed({ kind: "email", email: "MARIE.DURAND@example.fr" })).toBe("e");
    expect(typed({ kind: "phone", phone: "+33 6 12 34 56 78" })).toBe("p");
    expect(typed({ kind: "phone", phone: "06.12.34.56.78" })).toBe("p");
    expect(typed({ kind: "address", line1: "12 rue de l’eglise", postalCode: "75011", city: "PARIS" })).toBe("a");
    expect(typed({ kind: "phone", phone: "06 12 34 56 79" })).toBeNull();
  });

  it("only compares points of the same kind", () => {
    expect(findDuplicateContactPoint({ kind: "email", value: "+33612345678" }, onFile)).toBeNull();
  });

  it("keys ignore case and spacing of addresses (property)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9 ,]{1,40}$/), (line) => contactPointMatchKey("address", line) === contactPointMatchKey("address", `  ${line.toUpperCase()}  `)),
    );
  });
});
