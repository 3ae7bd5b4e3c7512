/**
 * Dutch collection law: statutory extrajudicial collection costs (incassokosten) and the
 * fourteen-day letter (veertiendagenbrief) that must precede them for consumers.
 */
import { addDays, assertIsoDate, easterSunday, isoWeekday, type IsoDate } from "./dates.ts";
import { assertCents, divRoundHalfUp, percentOf } from "./money.ts";

/** Tiers of the Besluit vergoeding voor buitengerechtelijke incassokosten, art. 2(1): [width in cents, per mille]. */
const NL_COST_TIERS: readonly (readonly [number, bigint])[] = [
  [2_500_00, 150n],
  [2_500_00, 100n],
  [5_000_00, 50n],
  [190_000_00, 10n],
  [Number.POSITIVE_INFINITY, 5n],
];

/** Minimum collection costs, art. 2(2) of the Besluit. */
export const NL_COLLECTION_COSTS_MIN_CENTS = 40_00;
/** Maximum collection costs, art. 2(1) of the Besluit. */
export const NL_COLLECTION_COSTS_MAX_CENTS = 6_775_00;
/** Standard Dutch VAT rate (Wet op de omzetbelasting 1968, art. 9). */
export const NL_VAT_RATE_PCT = 21;

/** Statutory Dutch extrajudicial collection costs for a principal, in cents, VAT excluded. */
export function nlCollectionCosts(principalCents: number): number {
  // Besluit vergoeding voor buitengerechtelijke incassokosten (Stb. 2012, 141), art. 2(1): 15% of the first
  // €2,500, 10% of the next €2,500, 5% of the next €5,000, 1% of the next €190,000, 0.5% of the rest, at most
  // €6,775; art. 2(2): at least €40. The tiers are summed exactly and rounded half-up once.
  assertCents(principalCents, "principalCents");
  if (principalCents < 0) throw new RangeError(`principalCents must not be negative, got ${principalCents}`);
  let remaining = principalCents;
  let perMille = 0n;
  for (const [width, rate] of NL_COST_TIERS) {
    const slice = Math.min(remaining, width);
    perMille += BigInt(slice) * rate;
    remaining -= slice;
    if (remaining === 0) break;
  }
  const costs = Number(divRoundHalfUp(perMille, 1000n));
  return Math.min(NL_COLLECTION_COSTS_MAX_CENTS, Math.max(NL_COLLECTION_COSTS_MIN_CENTS, costs));
}

/** Collection costs with VAT on top, for a creditor who cannot deduct VAT. */
export interface NlCollectionCostsWithVat {
  readonly costsCents: number;
  readonly vatCents: number;
  readonly totalCents: number;
}

/** Dutch collection costs plus VAT (default 21%), for a creditor who cannot reclaim the VAT. */
export function nlCollectionCostsWithVat(principalCents: number, vatRatePct: number = NL_VAT_RATE_PCT): NlCollectionCostsWithVat {
  // Besluit vergoeding voor buitengerechtelijke incassokosten, art. 2(3): the costs are increased by the VAT
  // percentage when the creditor cannot deduct the VAT it pays on them. The min/max apply before VAT.
  if (!Number.isFinite(vatRatePct) || vatRatePct < 0) throw new RangeError(`vatRatePct must be a finite percentage ≥ 0, got ${vatRatePct}`);
  const costsCents = nlCollectionCosts(principalCents);
  const vatCents = percentOf(costsCents, vatRatePct);
  return { costsCents, vatCents, totalCents: costsCents + vatCents };
}

/** True on a general public holiday of the Dutch Algemene termijnenwet. */
export function isNlPublicHoliday(date: IsoDate): boolean {
  // Algemene termijnenwet art. 3: New Year's Day, Easter Sunday and Monday, Ascension Day, Whit Sunday and
  // Monday, Christmas Day and Boxing Day, King's Day, 5 May; Good Friday is assimilated for its purposes.
  assertIsoDate(date, "date");
  const year = Number(date.slice(0, 4));
  const md = date.slice(5);
  if (md === "01-01" || md === "05-05" || md === "12-25" || md === "12-26") return true;
  if (date === nlKingsDay(year)) return true;
  const easter = easterSunday(year);
  return [-2, 0, 1, 39, 49, 50].some((offset) => addDays(easter, offset) === date);
}

/** King's Day (27 April, since 2014) or Queen's Day (30 April, until 2013), a day earlier when it falls on a Sunday. */
function nlKingsDay(year: number): IsoDate {
  const day = year >= 2014 ? `${year}-04-27` : `${year}-04-30`;
  return isoWeekday(day) === 7 ? addDays(day, -1) : day;
}

/** The fourteen-day term of a Dutch consumer reminder. */
export interface NlFourteenDayTerm {
  /** First day of the term: the day after the reminder was received. */
  readonly start: IsoDate;
  /** Last day the debtor can pay without collection costs. */
  readonly end: IsoDate;
  /** First day collection costs may be charged. */
  readonly earliestCostsDate: IsoDate;
  /** True when `end` was moved past a Saturday, Sunday or public holiday (Algemene termijnenwet art. 1). */
  readonly isExtended: boolean;
}

/** The 14-day term of art. 6:96(6) BW for a reminder received on `receivedOn`, and when costs may first be charged. */
export function nlFourteenDayTerm(input: { receivedOn: IsoDate; applyAlgemeneTermijnenwet?: boolean }): NlFourteenDayTerm {
  // BW art. 6:96(6): for a consumer debtor the costs only become due after a reminder giving 14 days to pay
  // has gone unanswered. Hoge Raad 25 Nov 2016, ECLI:NL:HR:2016:2704 (Fa-Med): the 14 days run from the day
  // after the debtor RECEIVED the reminder, so receipt on day D means the term is D+1 … D+14 and costs can be
  // charged from D+15 at the earliest.
  // Algemene termijnenwet art. 1: a statutory term ending on a Saturday, Sunday or public holiday runs on to the
  // next working day. Whether it covers this term is not settled case law; applying it (the default) can only
  // postpone the costs, so it is the safe reading. (Its art. 2, "at least two working days", is always met.)
  const { receivedOn, applyAlgemeneTermijnenwet = true } = input;
  assertIsoDate(receivedOn, "receivedOn");
  const start = addDays(receivedOn, 1);
  let end = addDays(start, 13);
  let isExtended = false;
  if (applyAlgemeneTermijnenwet) {
    while (isoWeekday(end) >= 6 || isNlPublicHoliday(end)) {
      end = addDays(end, 1);
      isExtended = true;
    }
  }
  return { start, end, earliestCostsDate: addDays(end, 1), isExtended };
}
