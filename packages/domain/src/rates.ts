/**
 * Reference interest rates: the ECB main refinancing operations (MRO) rate and the EU statutory
 * late-payment rate built on it. Tables are dated facts, checked against the Banque de France's copy of
 * the ECB key rates table and the ECB's decision press releases; update them when the ECB decides.
 */
import { DomainError } from "./errors.ts";
import { assertIsoDate, compareDates, nextSemester, semesterBounds, semesterOf, type IsoDate, type Semester } from "./dates.ts";
import type { RateSchedule } from "./interest.ts";

/** One change of the ECB MRO rate, effective from `from` (the date of effect, not the decision date). */
export interface EcbRateChange {
  readonly from: IsoDate;
  readonly ratePct: number;
  /**
   * `fixed`: fixed-rate tenders (since 15 Oct 2008). `minimum_bid`: variable-rate tenders, the rate is the
   * minimum bid rate; Directive 2011/7/EU art. 2(7)(a) lets states use it or the marginal rate, so a
   * national figure for such a semester may differ by a few hundredths.
   */
  readonly kind: "fixed" | "minimum_bid";
}

/**
 * ECB MRO rate changes with their dates of effect, oldest first.
 * Source: ECB key interest rates table (as republished by the Banque de France) and ECB monetary policy
 * press releases 2022–2025 (last decision checked: 18 Dec 2025, rates unchanged at MRO 2.15%).
 */
export const ECB_MAIN_RATES: readonly EcbRateChange[] = [
  { from: "2007-06-13", ratePct: 4.0, kind: "minimum_bid" },
  { from: "2008-07-09", ratePct: 4.25, kind: "minimum_bid" },
  // 8 Oct 2008: from the operation settled on 15 Oct 2008, fixed-rate tenders with full allotment.
  { from: "2008-10-15", ratePct: 3.75, kind: "fixed" },
  { from: "2008-11-12", ratePct: 3.25, kind: "fixed" },
  { from: "2008-12-10", ratePct: 2.5, kind: "fixed" },
  { from: "2009-01-21", ratePct: 2.0, kind: "fixed" },
  { from: "2009-03-11", ratePct: 1.5, kind: "fixed" },
  { from: "2009-04-08", ratePct: 1.25, kind: "fixed" },
  { from: "2009-05-13", ratePct: 1.0, kind: "fixed" },
  { from: "2011-04-13", ratePct: 1.25, kind: "fixed" },
  { from: "2011-07-13", ratePct: 1.5, kind: "fixed" },
  { from: "2011-11-09", ratePct: 1.25, kind: "fixed" },
  { from: "2011-12-14", ratePct: 1.0, kind: "fixed" },
  { from: "2012-07-11", ratePct: 0.75, kind: "fixed" },
  { from: "2013-05-08", ratePct: 0.5, kind: "fixed" },
  { from: "2013-11-13", ratePct: 0.25, kind: "fixed" },
  { from: "2014-06-11", ratePct: 0.15, kind: "fixed" },
  { from: "2014-09-10", ratePct: 0.05, kind: "fixed" },
  { from: "2016-03-16", ratePct: 0.0, kind: "fixed" },
  { from: "2022-07-27", ratePct: 0.5, kind: "fixed" },
  { from: "2022-09-14", ratePct: 1.25, kind: "fixed" },
  { from: "2022-11-02", ratePct: 2.0, kind: "fixed" },
  { from: "2022-12-21", ratePct: 2.5, kind: "fixed" },
  { from: "2023-02-08", ratePct: 3.0, kind: "fixed" },
  { from: "2023-03-22", ratePct: 3.5, kind: "fixed" },
  { from: "2023-05-10", ratePct: 3.75, kind: "fixed" },
  { from: "2023-06-21", ratePct: 4.0, kind: "fixed" },
  { from: "2023-08-02", ratePct: 4.25, kind: "fixed" },
  { from: "2023-09-20", ratePct: 4.5, kind: "fixed" },
  { from: "2024-06-12", ratePct: 4.25, kind: "fixed" },
  { from: "2024-09-18", ratePct: 3.65, kind: "fixed" },
  { from: "2024-10-23", ratePct: 3.4, kind: "fixed" },
  { from: "2024-12-18", ratePct: 3.15, kind: "fixed" },
  { from: "2025-02-05", ratePct: 2.9, kind: "fixed" },
  { from: "2025-03-12", ratePct: 2.65, kind: "fixed" },
  { from: "2025-04-23", ratePct: 2.4, kind: "fixed" },
  { from: "2025-06-11", ratePct: 2.15, kind: "fixed" },
];

/**
 * The table is known to be complete up to this date. For later dates `ecbMainRate` returns the last rate,
 * because a rate stays in force until the ECB changes it; refresh the table after each ECB decision.
 */
export const ECB_TABLE_VALID_UNTIL: IsoDate = "2025-12-31";

/** Adds percentage points without binary floating-point residue (3.15 + 8 = 11.15, never 11.149999…). */
export function addPercentagePoints(pct: number, points: number): number {
  return Math.round((pct + points) * 10_000) / 10_000;
}

/** The ECB MRO rate (percent) in force on `on`. */
export function ecbMainRate(on: IsoDate): number {
  assertIsoDate(on, "on");
  let rate: number | undefined;
  for (const change of ECB_MAIN_RATES) {
    if (compareDates(change.from, on) > 0) break;
    rate = change.ratePct;
  }
  if (rate === undefined) {
    throw new DomainError("PRECONDITION_FAILED", `The ECB rate table starts on ${ECB_MAIN_RATES[0]!.from}; no rate is known for ${on}.`, {
      field: "on",
    });
  }
  return rate;
}

/** The EU late-payment rates of a half-year: ECB reference, statutory minimum, French default. */
export interface EuStatutoryRate {
  /** ECB MRO rate in force on 1 January (H1) or 1 July (H2). */
  readonly reference: number;
  /** Statutory interest for late payment: reference + 8 points. */
  readonly minimum: number;
  /** France, art. L441-10 I Code de commerce, when the contract is silent: reference + 10 points. */
  readonly franceDefault: number;
}

/** Directive 2011/7/EU late-payment rates for a semester (reference, +8 minimum, French +10 default). */
export function euStatutoryRate(semester: Semester): EuStatutoryRate {
  // Directive 2011/7/EU art. 2(6)-(7) (statutory interest = reference rate + at least 8 points; reference =
  // ECB rate on its most recent MRO) and art. 3(2) (H1 uses the rate in force on 1 January, H2 on 1 July).
  // Code de commerce art. L441-10 I: ECB refinancing rate + 10 points, same semester rule (+10 since the
  // LME law took effect on 1 Jan 2009; +7 before). Before 16 March 2013 (transposition of 2011/7) the
  // Directive 2000/35/EC minimum was reference + 7: `minimum` states the current rule.
  const { start } = semesterBounds(semester);
  const reference = ecbMainRate(start);
  return { reference, minimum: addPercentagePoints(reference, 8), franceDefault: addPercentagePoints(reference, 10) };
}

/** The semester holding the first date of the ECB table whose 1 Jan / 1 Jul rate is known. */
const FIRST_REFERENCE_SEMESTER: Semester = (() => {
  const first = semesterOf(ECB_MAIN_RATES[0]!.from);
  return semesterBounds(first).start === ECB_MAIN_RATES[0]!.from ? first : nextSemester(first);
})();

/** A schedule with one period per semester from `first` to the semester of ECB_TABLE_VALID_UNTIL. */
export function semesterRateSchedule(first: Semester, rateOf: (semester: Semester) => number): RateSchedule {
  // Directive 2011/7/EU art. 3(2): ECB-based statutory rates are fixed per half-year. The last period has no
  // end: like the ECB rate itself, it stays in force until the table is updated.
  const last = semesterOf(ECB_TABLE_VALID_UNTIL);
  const periods: { from: IsoDate; annualRatePct: number }[] = [];
  for (let s = first; compareDates(semesterBounds(s).start, semesterBounds(last).start) <= 0; s = nextSemester(s)) {
    periods.push({ from: semesterBounds(s).start, annualRatePct: rateOf(s) });
  }
  return { periods };
}

/** Per-semester EU statutory minimum (ECB reference + 8 points) as a rate schedule for `segmentedInterest`. */
export function euStatutoryRateSchedule(): RateSchedule {
  // Directive 2011/7/EU art. 2(6) and 3(2): the rate is fixed per half-year.
  return semesterRateSchedule(FIRST_REFERENCE_SEMESTER, (s) => euStatutoryRate(s).minimum);
}
