import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  afterFailedPortalAttempt,
  isPortalLocked,
  maskEmail,
  maskPhone,
  normaliseAccessCode,
  normaliseCaseReference,
  normaliseOneTimeCode,
  oneTimeCodeFromBytes,
  PORTAL_LOCK_MINUTES,
  PORTAL_MAX_FAILED_ATTEMPTS,
} from "./portal-access.ts";

const at = (iso: string) => new Date(iso);

describe("what a debtor types", () => {
  it("reads a reference however it was typed", () => {
    expect(normaliseCaseReference(" rc-2026-000123 ")).toBe("RC-2026-000123");
    expect(normaliseCaseReference("RC 2026 000123")).toBe("RC2026000123");
    expect(normaliseCaseReference("RC-2026'; drop table cases;--")).toBe("RC-2026DROPTABLECASES--");
  });

  it("reads an access code in any case, without stray spaces", () => {
    expect(normaliseAccessCode(" demo-4821 ")).toBe("DEMO-4821");
    expect(normaliseAccessCode("DEMO - 4821")).toBe("DEMO-4821");
  });

  it("accepts six digits as a one-time code, grouped or not", () => {
    expect(normaliseOneTimeCode("123 456")).toBe("123456");
    expect(normaliseOneTimeCode("012-345")).toBe("012345");
    expect(normaliseOneTimeCode("12345")).toBeNull();
    expect(normaliseOneTimeCode("12345a")).toBeNull();
  });
});

describe("one-time codes", () => {
  it("turns four random bytes into six digits, keeping leading zeros", () => {
    expect(oneTimeCodeFromBytes(new Uint8Array([0, 0, 0, 7]))).toBe("000007");
    expect(oneTimeCodeFromBytes(new Uint8Array([0, 0x0f, 0x42, 0x40]))).toBe("000000"); // 1,000,000
  });

  it("rejects the top of the range so that no code is more likely than another", () => {
    expect(oneTimeCodeFromBytes(new Uint8Array([0xff, 0xff, 0xff, 0xff]))).toBeNull();
  });

  it("always yields six digits or asks for another draw", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 4, maxLength: 4 }), (bytes) => {
        const code = oneTimeCodeFromBytes(bytes);
        return code === null || /^\d{6}$/.test(code);
      }),
    );
  });
});

describe("masking contact points", () => {
  it("shows a Belgian mobile by its country, first and last two digits", () => {
    expect(maskPhone("+32470123412")).toBe("+32 4•• •• •• 12");
    expect(maskPhone("+33612345678")).toBe("+33 6•• •• •• 78");
    expect(maskPhone("+352621123456")).toBe("+352 6•• •• •• 56");
  });

  it("shows an email by its first letters and top-level domain", () => {
    expect(maskEmail("jeanne.dupont@example.be")).toBe("j•••@e•••.be");
    expect(maskEmail("x@localhost")).toBe("x•••@l•••");
  });

  it("never shows more than three digits of a phone number's national part", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\+3[1-3]\d{8,10}$/), (phone) => {
        const masked = maskPhone(phone);
        return (masked.replace(/[^\d]/g, "").length - 2) <= 3 && !masked.includes(phone.slice(3, -2));
      }),
    );
  });
});

describe("locking sign-in after repeated failures", () => {
  const now = at("2027-03-15T09:00:00Z");

  it(`locks on the ${PORTAL_MAX_FAILED_ATTEMPTS}th failure for ${PORTAL_LOCK_MINUTES} minutes`, () => {
    let state = { failedAttempts: 0, lockedUntil: null as Date | null };
    for (let i = 1; i < PORTAL_MAX_FAILED_ATTEMPTS; i++) {
      state = afterFailedPortalAttempt(state, now);
      expect(isPortalLocked(state, now)).toBe(false);
    }
    expect(state.failedAttempts).toBe(9);
    state = afterFailedPortalAttempt(state, now);
    expect(state).toEqual({ failedAttempts: 0, lockedUntil: at("2027-03-15T09:30:00Z") });
    expect(isPortalLocked(state, at("2027-03-15T09:29:59Z"))).toBe(true);
    expect(isPortalLocked(state, at("2027-03-15T09:30:00Z"))).toBe(false);
  });

  it("starts counting afresh once a lock has run out", () => {
    const expired = { failedAttempts: 4, lockedUntil: at("2027-03-15T08:00:00Z") };
    expect(afterFailedPortalAttempt(expired, now)).toEqual({ failedAttempts: 1, lockedUntil: null });
  });
});
