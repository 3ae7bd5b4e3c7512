/**
 * Payment references a debtor types into a bank transfer, and the IBAN check. All three use the
 * ISO 7064 MOD 97-10 family, computed digit-group by digit-group so no number ever exceeds 2^53.
 */
import { DomainError } from "./errors.ts";

function invalid(field: string, message: string): DomainError {
  return new DomainError("VALIDATION", message, { field });
}

/** Remainder mod 97 of a string of letters and digits, letters read as A=10 … Z=35 (ISO 7064). */
function mod97(alnum: string): number {
  let remainder = 0;
  for (const ch of alnum) {
    const value = parseInt(ch, 36);
    // Letters expand to two digits, so fold them in as a two-digit group.
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder;
}

function compact(s: string): string {
  return s.replace(/[\s-]+/g, "").toUpperCase();
}

// ---------------------------------------------------------------------------------------------------
// ISO 11649 structured creditor reference: "RF" + 2 check digits + 1 to 21 letters or digits.

const RF_BASE = /^[A-Z0-9]{1,21}$/;
const RF = /^RF(\d{2})([A-Z0-9]{1,21})$/;

/** The ISO 11649 creditor reference (`RF` + check digits + base) for a base of 1–21 letters/digits. */
export function rfReference(base: string): string {
  const b = compact(base);
  if (!RF_BASE.test(b)) throw invalid("base", `an RF reference base is 1 to 21 letters or digits, got "${base}"`);
  // ISO 11649 §: append "RF00", take mod 97, check digits = 98 − remainder.
  const check = 98 - mod97(`${b}RF00`);
  return `RF${String(check).padStart(2, "0")}${b}`;
}

/** True when `s` is a valid ISO 11649 reference; spaces and lowercase are accepted. */
export function isValidRfReference(s: string): boolean {
  const c = compact(s);
  const m = RF.exec(c);
  if (!m) return false;
  // Check digits 00, 01 and 99 cannot come out of the algorithm (98 − r with r in 0…96 is 2…98).
  const check = Number(m[1]);
  if (check < 2 || check > 98) return false;
  return mod97(`${m[2]}${c.slice(0, 4)}`) === 1;
}

/** An RF reference in its printed form, groups of four: `RF18 5390 0754 7034`. */
export function formatRf(s: string): string {
  const c = compact(s);
  if (!isValidRfReference(c)) throw invalid("reference", `not a valid RF creditor reference: "${s}"`);
  return c.replace(/(.{4})(?=.)/g, "$1 ");
}

// ---------------------------------------------------------------------------------------------------
// Belgian structured communication (OGM/VCS): 10-digit base + 2 check digits, +++ddd/dddd/ddddd+++.

const OGM_BASE = /^\d{10}$/;

function ogmCheck(base10: string): number {
  // Febelfin rule: check = base mod 97, and 97 when the remainder is 0. A 10-digit number fits a double.
  const r = Number(base10) % 97;
  return r === 0 ? 97 : r;
}

/** The Belgian structured communication `+++ddd/dddd/ddddd+++` for a 10-digit base. */
export function ogmReference(base10: string): string {
  if (!OGM_BASE.test(base10)) throw invalid("base10", `a structured communication base is exactly 10 digits, got "${base10}"`);
  const d = `${base10}${String(ogmCheck(base10)).padStart(2, "0")}`;
  return `+++${d.slice(0, 3)}/${d.slice(3, 7)}/${d.slice(7)}+++`;
}

/**
 * True when `s` is a valid structured communication. Accepts the `+++…+++` and `***…***` framings
 * (both are printed by Belgian banks) and the bare 12 digits; spaces and slashes are ignored.
 */
export function isValidOgm(s: string): boolean {
  const t = s.trim();
  const framed = /^(\+{3}|\*{3})([\d/ ]+)\1$/.exec(t);
  const inner = framed ? framed[2]! : t;
  if (framed && !/^\d{3}\/\d{4}\/\d{5}$/.test(inner.replace(/ /g, ""))) return false;
  const digits = inner.replace(/[/ ]/g, "");
  if (!/^\d{12}$/.test(digits)) return false;
  const base = digits.slice(0, 10);
  const check = Number(digits.slice(10));
  return check >= 1 && check <= 97 && ogmCheck(base) === check;
}

// ---------------------------------------------------------------------------------------------------
// IBAN, ISO 13616: country code, 2 check digits, BBAN; valid when the rearranged string mod 97 is 1.

/**
 * IBAN lengths of the SEPA countries and territories (EPC list of SEPA countries) plus a few trading
 * partners; a country not listed is rejected rather than guessed.
 */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AL: 28, AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20, ES: 24,
  FI: 18, FO: 18, FR: 27, GB: 22, GI: 23, GL: 18, GR: 27, HR: 21, HU: 28, IE: 22, IS: 26, IT: 27,
  LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MT: 31, NL: 18, NO: 15, PL: 28,
  PT: 25, RO: 24, RS: 22, SE: 24, SI: 19, SK: 24, SM: 27, VA: 22,
};

/** True when `s` is a valid IBAN of a known country (length and mod-97); spaces and lowercase accepted. */
export function isValidIban(s: string): boolean {
  const c = compact(s);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(c)) return false;
  const length = IBAN_LENGTHS[c.slice(0, 2)];
  if (length === undefined || c.length !== length) return false;
  return mod97(`${c.slice(4)}${c.slice(0, 4)}`) === 1;
}

/** An IBAN in its printed form, groups of four: `BE68 5390 0754 7034`. */
export function formatIban(s: string): string {
  const c = compact(s);
  if (!isValidIban(c)) throw invalid("iban", `not a valid IBAN: "${s}"`);
  return c.replace(/(.{4})(?=.)/g, "$1 ");
}
