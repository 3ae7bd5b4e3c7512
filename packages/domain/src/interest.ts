/**
 * Simple (non-compounding) interest on a principal, at one rate or at a schedule of rates.
 *
 * Conventions, shared by every function here:
 * - Day count actual/365: each calendar day accrues 1/365 of the annual rate, leap years included
 *   (French practice for intérêts légaux and pénalités de retard, and the usual Dutch/Belgian reading).
 * - A period `{ from, to }` accrues for the days after `from` up to and including `to`:
 *   `days = daysBetween(from, to)`. So `from` is the last day nothing was owed yet (typically the due date)
 *   and adjacent periods chain (`a→b` then `b→c`) without counting a day twice.
 * - `to` before `from` is a caller bug and throws; `to === from` is a zero-day period.
 * - Amounts are computed exactly in bigint rationals and rounded half-up to the cent once, at the end.
 */
import { DomainError } from "./errors.ts";
import { addDays, assertIsoDate, compareDates, daysBetween, type IsoDate } from "./dates.ts";
import { assertCents, divRoundHalfUp, percentToRational } from "./money.ts";

/** Days per year in the actual/365 convention. */
export const DAY_COUNT_BASIS = 365;

/** A rate that applies from `from` (the first accruing day, inclusive) until the next period starts. */
export interface RatePeriod {
  readonly from: IsoDate;
  readonly annualRatePct: number;
}

/** Annual rates over time, e.g. one period per semester. */
export interface RateSchedule {
  /** Rate changes in strictly increasing date order. */
  readonly periods: readonly RatePeriod[];
  /** Last day the schedule is known for; interest for later days is refused. Absent: the last rate stays in force. */
  readonly until?: IsoDate;
}

/** One stretch of a segmented computation, with the same from-exclusive / to-inclusive convention. */
export interface InterestSegment {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly days: number;
  readonly annualRatePct: number;
  /** This segment alone, rounded half-up: for display only, the total is rounded once from exact values. */
  readonly interestCents: number;
}

/** Result of `simpleInterest`. */
export interface SimpleInterestResult {
  readonly days: number;
  readonly interestCents: number;
}

/** Result of `segmentedInterest`. */
export interface SegmentedInterestResult extends SimpleInterestResult {
  readonly segments: readonly InterestSegment[];
}

/** An exact amount of cents as `numerator / denominator`. */
interface Rational {
  numerator: bigint;
  denominator: bigint;
}

function assertNonNegativeCents(n: number, field: string): number {
  assertCents(n, field);
  if (n < 0) throw new RangeError(`${field} must not be negative, got ${n}`);
  return n;
}

function assertRate(pct: number, field: string): number {
  if (!Number.isFinite(pct) || pct < 0) throw new RangeError(`${field} must be a finite percentage ≥ 0, got ${pct}`);
  return pct;
}

function assertPeriod(from: IsoDate, to: IsoDate): number {
  assertIsoDate(from, "from");
  assertIsoDate(to, "to");
  const days = daysBetween(from, to);
  if (days < 0) throw new RangeError(`to (${to}) must not be before from (${from})`);
  return days;
}

/** Exact interest in cents: principal × rate% × days / (100 × 365). */
function exactInterest(principalCents: number, annualRatePct: number, days: number): Rational {
  const { numerator, scale } = percentToRational(annualRatePct);
  return {
    numerator: BigInt(principalCents) * numerator * BigInt(days),
    denominator: 100n * scale * BigInt(DAY_COUNT_BASIS),
  };
}

function addRational(a: Rational, b: Rational): Rational {
  if (a.denominator === b.denominator) return { numerator: a.numerator + b.numerator, denominator: a.denominator };
  return { numerator: a.numerator * b.denominator + b.numerator * a.denominator, denominator: a.denominator * b.denominator };
}

function roundCents(r: Rational): number {
  return Number(divRoundHalfUp(r.numerator, r.denominator));
}

/** Simple interest at one annual rate, actual/365, for the days after `from` up to and including `to`. */
export function simpleInterest(input: {
  principalCents: number;
  from: IsoDate;
  to: IsoDate;
  annualRatePct: number;
}): SimpleInterestResult {
  assertNonNegativeCents(input.principalCents, "principalCents");
  assertRate(input.annualRatePct, "annualRatePct");
  const days = assertPeriod(input.from, input.to);
  return { days, interestCents: roundCents(exactInterest(input.principalCents, input.annualRatePct, days)) };
}

/** A schedule with one rate forever, e.g. a contractual rate. */
export function constantRateSchedule(annualRatePct: number): RateSchedule {
  assertRate(annualRatePct, "annualRatePct");
  return { periods: [{ from: "1000-01-01", annualRatePct }] };
}

function validateSchedule(schedule: RateSchedule): void {
  if (schedule.periods.length === 0) throw new RangeError("schedule.periods must not be empty");
  schedule.periods.forEach((p, i) => {
    assertIsoDate(p.from, `schedule.periods[${i}].from`);
    assertRate(p.annualRatePct, `schedule.periods[${i}].annualRatePct`);
    const prev = schedule.periods[i - 1];
    if (prev && compareDates(prev.from, p.from) >= 0) {
      throw new RangeError(`schedule.periods must be in strictly increasing date order (${prev.from} then ${p.from})`);
    }
  });
  if (schedule.until !== undefined) assertIsoDate(schedule.until, "schedule.until");
}

/** Simple interest, actual/365, where the annual rate follows a schedule (e.g. one rate per semester). */
export function segmentedInterest(input: {
  principalCents: number;
  from: IsoDate;
  to: IsoDate;
  schedule: RateSchedule;
}): SegmentedInterestResult {
  // The period is cut wherever the schedule changes rate. The segments' exact interests are summed and the
  // total is rounded half-up once, so the result does not depend on how many segments there are (rounding
  // each segment would drift by up to ½ cent per segment). Statutory rates that change per semester (Directive
  // 2011/7/EU art. 3(2), Code de commerce L441-10, Code monétaire et financier L313-2) are applied day by day.
  const { principalCents, from, to, schedule } = input;
  assertNonNegativeCents(principalCents, "principalCents");
  const days = assertPeriod(from, to);
  validateSchedule(schedule);
  if (days === 0) return { days: 0, interestCents: 0, segments: [] };

  const firstAccruingDay = addDays(from, 1);
  const first = schedule.periods[0]!;
  if (compareDates(firstAccruingDay, first.from) < 0) {
    throw new DomainError("PRECONDITION_FAILED", `No interest rate is known before ${first.from}; the period starts on ${firstAccruingDay}.`, {
      field: "from",
    });
  }
  if (schedule.until !== undefined && compareDates(to, schedule.until) > 0) {
    throw new DomainError("PRECONDITION_FAILED", `No interest rate is known after ${schedule.until}; the period runs to ${to}.`, {
      field: "to",
    });
  }

  const segments: InterestSegment[] = [];
  let total: Rational = { numerator: 0n, denominator: 1n };
  let cursor = from;
  schedule.periods.forEach((period, i) => {
    const next = schedule.periods[i + 1];
    // The last day at this rate is the day before the next period starts.
    const periodEnd = next ? addDays(next.from, -1) : to;
    if (compareDates(periodEnd, cursor) <= 0) return;
    const segmentEnd = compareDates(periodEnd, to) < 0 ? periodEnd : to;
    if (compareDates(segmentEnd, cursor) <= 0) return;
    const segmentDays = daysBetween(cursor, segmentEnd);
    const exact = exactInterest(principalCents, period.annualRatePct, segmentDays);
    total = addRational(total, exact);
    segments.push({ from: cursor, to: segmentEnd, days: segmentDays, annualRatePct: period.annualRatePct, interestCents: roundCents(exact) });
    cursor = segmentEnd;
  });
  return { days, interestCents: roundCents(total), segments };
}
