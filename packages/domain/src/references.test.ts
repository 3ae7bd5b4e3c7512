import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "./errors.ts";
import { formatIban, formatRf, IBAN_LENGTHS, isValidIban, isValidOgm, isValidRfReference, ogmReference, rfReference } from "./references.ts";

const DIGITS = "0123456789";
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** Every string obtained by replacing one character with another of the same class (digit↔digit, letter↔letter). */
function sameClassSubstitutions(s: string, from = 0): string[] {
  const out: string[] = [];
  for (let i = from; i < s.length; i += 1) {
    const alphabet = DIGITS.includes(s[i]!) ? DIGITS : LETTERS.includes(s[i]!) ? LETTERS : "";
    for (const c of alphabet) if (c !== s[i]) out.push(s.slice(0, i) + c + s.slice(i + 1));
  }
  return out;
}

describe("ISO 11649 creditor reference", () => {
  it("knows the standard's example RF18 5390 0754 7034", () => {
    expect(rfReference("539007547034")).toBe("RF18539007547034");
    expect(isValidRfReference("RF18539007547034")).toBe(true);
    expect(isValidRfReference("rf18 5390 0754 7034")).toBe(true);
    expect(formatRf("rf18539007547034")).toBe("RF18 5390 0754 7034");
  });

  it("works with letters in the base and keeps two-digit check digits", () => {
    const ref = rfReference("a1");
    expect(ref).toMatch(/^RF\d{2}A1$/);
    expect(isValidRfReference(ref)).toBe(true);
    expect(rfReference("ABCDEFGHIJKLMNOPQRSTU")).toHaveLength(25);
  });

  it("rejects malformed references", () => {
    for (const bad of ["", "RF", "RF18", "RF1853900754703X!", "XX18539007547034", "RF19539007547034", "RF18" + "1".repeat(22), "RF00539007547034"]) {
      expect(isValidRfReference(bad), bad).toBe(false);
    }
  });

  it("refuses a base that is empty, too long or not alphanumeric, naming the field", () => {
    for (const bad of ["", "1".repeat(22), "AB-!"]) {
      expect(() => rfReference(bad)).toThrow(DomainError);
    }
    try {
      rfReference("");
    } catch (e) {
      expect((e as DomainError).field).toBe("base");
    }
    expect(() => formatRf("RF19539007547034")).toThrow(/not a valid RF/);
  });

  const base = fc.stringMatching(/^[A-Z0-9]{1,21}$/);

  it("property: generated references always validate, in compact and printed form", () => {
    fc.assert(
      fc.property(base, (b) => {
        const ref = rfReference(b);
        expect(isValidRfReference(ref)).toBe(true);
        expect(isValidRfReference(formatRf(ref).toLowerCase())).toBe(true);
      }),
    );
  });

  it("property: any single same-class character change is rejected (MOD 97-10 catches every one)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z0-9]{1,8}$/), (b) => {
        for (const altered of sameClassSubstitutions(rfReference(b), 2)) expect(isValidRfReference(altered), altered).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it("property: swapping two different adjacent digits is rejected", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{2,21}$/), fc.nat(), (b, k) => {
        const ref = rfReference(b);
        const i = 2 + (k % (ref.length - 3));
        if (ref[i] === ref[i + 1]) return;
        const swapped = ref.slice(0, i) + ref[i + 1] + ref[i] + ref.slice(i + 2);
        expect(isValidRfReference(swapped)).toBe(false);
      }),
    );
  });
});

describe("Belgian structured communication (OGM/VCS)", () => {
  it("knows +++090/9337/55493+++ (0909337554 mod 97 = 93)", () => {
    expect(ogmReference("0909337554")).toBe("+++090/9337/55493+++");
    expect(isValidOgm("+++090/9337/55493+++")).toBe(true);
    expect(isValidOgm("***090/9337/55493***")).toBe(true);
    expect(isValidOgm("090933755493")).toBe(true);
    expect(isValidOgm(" +++090 / 9337 / 55493+++ ")).toBe(true);
  });

  it("uses 97 when the base is a multiple of 97", () => {
    // 97 × 10309278 = 999999966
    expect(ogmReference("0999999966")).toBe("+++099/9999/96697+++");
    expect(isValidOgm("+++099/9999/96697+++")).toBe(true);
    expect(isValidOgm("+++099/9999/96600+++")).toBe(false);
  });

  it("rejects malformed communications", () => {
    for (const bad of ["", "+++090/9337/55494+++", "+++090/9337/5549+++", "++090/9337/55493++", "+++090/9337/55493***", "+++0909/337/55493+++", "0909337554", "09093375549x"]) {
      expect(isValidOgm(bad), bad).toBe(false);
    }
  });

  it("refuses a base that is not exactly 10 digits", () => {
    for (const bad of ["123", "12345678901", "12345abcde"]) expect(() => ogmReference(bad)).toThrow(DomainError);
  });

  const base10 = fc.stringMatching(/^\d{10}$/);

  it("property: generated communications always validate", () => {
    fc.assert(
      fc.property(base10, (b) => {
        expect(isValidOgm(ogmReference(b))).toBe(true);
      }),
    );
  });

  it("property: any single digit change is rejected", () => {
    fc.assert(
      fc.property(base10, (b) => {
        const digits = ogmReference(b).replace(/\D/g, "");
        for (const altered of sameClassSubstitutions(digits)) expect(isValidOgm(altered), altered).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});

describe("IBAN (ISO 13616)", () => {
  // Published example IBANs (ECBS / national bank documentation).
  const valid = [
    "BE68539007547034",
    "NL91ABNA0417164300",
    "FR1420041010050500013M02606",
    "DE89370400440532013000",
    "GB82WEST12345698765432",
    "LU280019400644750000",
    "CH9300762011623852957",
  ];

  it.each(valid)("accepts %s, also printed and lowercase", (iban) => {
    expect(isValidIban(iban)).toBe(true);
    expect(isValidIban(formatIban(iban).toLowerCase())).toBe(true);
  });

  it("prints in groups of four", () => {
    expect(formatIban("fr1420041010050500013m02606")).toBe("FR14 2004 1010 0505 0001 3M02 606");
  });

  it("rejects wrong check digits, wrong lengths and unknown countries", () => {
    for (const bad of ["BE69539007547034", "BE6853900754703", "BE685390075470344", "XX68539007547034", "", "BE68-5390-0754-703!", "NL91ABNA041716430O"]) {
      expect(isValidIban(bad), bad).toBe(false);
    }
    expect(() => formatIban("BE69539007547034")).toThrow(DomainError);
  });

  it("covers at least the euro-area and SEPA countries the platform works with", () => {
    for (const cc of ["BE", "NL", "FR", "LU", "DE", "ES", "IT", "PT", "IE", "AT", "FI", "MC", "CH", "GB", "NO", "SE", "DK", "PL"]) {
      expect(IBAN_LENGTHS[cc], cc).toBeGreaterThan(14);
    }
  });

  it("property: any single same-class change of a valid IBAN is rejected", () => {
    fc.assert(
      fc.property(fc.constantFrom(...valid), (iban) => {
        // Positions 0–1 are the country: a change there fails on length or country, checked above.
        for (const altered of sameClassSubstitutions(iban, 2)) {
          const length = IBAN_LENGTHS[altered.slice(0, 2)];
          if (length === altered.length) expect(isValidIban(altered), altered).toBe(false);
        }
      }),
      { numRuns: valid.length * 3 },
    );
  });
});
