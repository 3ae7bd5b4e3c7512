/**
 * Money as integer minor units with an ISO 4217 currency. Never floats: every division that can
 * leave a remainder goes through `divRoundHalfUp`, at points the rules name.
 */

/** An amount in minor units (cents) of a currency. */
export interface Money {
  readonly amountCents: number;
  readonly currency: string;
}

const CURRENCY = /^[A-Z]{3}$/;

/** Throws a RangeError naming the field when `n` is not a safe integer number of cents. */
export function assertCents(n: number, field = "amount"): number {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${field} must be a whole number of cents, got ${n}`);
  return n;
}

/** Builds a Money value, checking the amount is whole cents and the currency an ISO code. */
export function money(amountCents: number, currency = "EUR"): Money {
  assertCents(amountCents);
  if (!CURRENCY.test(currency)) throw new RangeError(`currency must be an ISO 4217 code, got "${currency}"`);
  return { amountCents, currency };
}

/** Adds amounts of one currency; refuses to mix currencies. */
export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new RangeError(`cannot add ${a.currency} to ${b.currency}`);
  return money(a.amountCents + b.amountCents, a.currency);
}

/**
 * `numerator / denominator` rounded half away from zero to an integer, computed exactly with bigints
 * (half-up on the absolute value is how amounts are rounded to the cent in EU practice).
 */
export function divRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("division by zero");
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n * 2n + d) / (2n * d);
  return negative ? -q : q;
}

/**
 * A percentage given as a decimal number (`12.15`) as an exact rational `numerator / 10^scale`,
 * so rates can enter integer arithmetic without binary floating-point error.
 */
export function percentToRational(pct: number): { numerator: bigint; scale: bigint } {
  if (!Number.isFinite(pct)) throw new RangeError(`percentage must be finite, got ${pct}`);
  // The shortest decimal text that round-trips (`0.1`, `1e-7`, `2.5e+21`) is the value meant; read it
  // textually, exponent included, so no binary expansion leaks in.
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/i.exec(pct.toString());
  if (!m) throw new RangeError(`percentage must be a decimal number, got ${pct}`);
  const [, sign = "", int = "0", frac = "", exp = "0"] = m;
  const digits = BigInt(`${sign}${int}${frac}`);
  const shift = Number(exp) - frac.length;
  return shift >= 0 ? { numerator: digits * 10n ** BigInt(shift), scale: 1n } : { numerator: digits, scale: 10n ** BigInt(-shift) };
}

/** `amountCents × pct / 100`, rounded half-up once to the cent. */
export function percentOf(amountCents: number, pct: number): number {
  assertCents(amountCents);
  const { numerator, scale } = percentToRational(pct);
  return Number(divRoundHalfUp(BigInt(amountCents) * numerator, 100n * scale));
}

/** Formats cents for people, e.g. `formatMoney(123456, "EUR", "fr-FR")` → `1 234,56 €`. */
export function formatMoney(amountCents: number, currency = "EUR", locale = "en-GB"): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(amountCents / 100);
}

/** Throws a RangeError naming the field unless `n` is a whole, non-negative number of cents. */
export function assertNonNegativeCents(n: number, field = "amount"): number {
  assertCents(n, field);
  if (n < 0) throw new RangeError(`${field} must not be negative, got ${n}`);
  return n;
}

/** Sum of amounts in cents, checked to stay a safe integer (a silent float would corrupt a balance). */
export function sumCents(amounts: readonly number[]): number {
  let total = 0;
  for (const [i, a] of amounts.entries()) {
    assertCents(a, `amounts[${i}]`);
    total += a;
  }
  return assertCents(total, "sum");
}

/**
 * Splits `totalCents` into `parts` whole-cent amounts that differ by at most one cent and sum exactly
 * to the total; the leftover cents go to the first parts, so later parts are never the larger ones.
 */
export function splitCents(totalCents: number, parts: number): number[] {
  assertNonNegativeCents(totalCents, "totalCents");
  if (!Number.isSafeInteger(parts) || parts < 1) throw new RangeError(`parts must be a whole number ≥ 1, got ${parts}`);
  const base = Math.floor(totalCents / parts);
  const extra = totalCents - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < extra ? 1 : 0));
}

/** `a / b` rounded up, for whole non-negative numbers (how many instalments of `b` cover `a`). */
export function ceilDiv(a: number, b: number): number {
  assertNonNegativeCents(a, "dividend");
  if (!Number.isSafeInteger(b) || b < 1) throw new RangeError(`divisor must be a whole number ≥ 1, got ${b}`);
  return Math.floor(a / b) + (a % b === 0 ? 0 : 1);
}
