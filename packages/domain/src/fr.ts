/**
 * French collection law: taux de l'intérêt légal, B2B late-payment penalties and recovery indemnity,
 * limitation periods.
 */
import { DomainError } from "./errors.ts";
import { addYears, assertIsoDate, semesterBounds, type IsoDate, type Semester } from "./dates.ts";
import type { RateSchedule } from "./interest.ts";
import { euStatutoryRate, semesterRateSchedule } from "./rates.ts";

/** The two French legal interest rates of a semester. */
export interface FrLegalInterestRate {
  /** Creditor is a natural person not acting for professional needs. */
  readonly individual: number;
  /** All other cases (notably professional creditors). */
  readonly other: number;
}

/**
 * Taux de l'intérêt légal per semester, from the semi-annual arrêtés (art. L313-2 and D313-1-A Code
 * monétaire et financier; two rates since 1 Jan 2015). Checked against the Direction générale du Trésor's
 * list (2015-H1 to 2020-H1) and the arrêtés as reported for later semesters (last: arrêté of 15 Dec 2025,
 * JORF 26 Dec 2025, for 2026-H1).
 */
export const FR_LEGAL_INTEREST_RATES: Readonly<Partial<Record<Semester, FrLegalInterestRate>>> = {
  "2015-H1": { individual: 4.06, other: 0.93 },
  "2015-H2": { individual: 4.29, other: 0.99 },
  "2016-H1": { individual: 4.54, other: 1.01 },
  "2016-H2": { individual: 4.35, other: 0.93 },
  "2017-H1": { individual: 4.16, other: 0.9 },
  "2017-H2": { individual: 3.94, other: 0.9 },
  "2018-H1": { individual: 3.73, other: 0.89 },
  "2018-H2": { individual: 3.6, other: 0.88 },
  "2019-H1": { individual: 3.4, other: 0.86 },
  "2019-H2": { individual: 3.26, other: 0.87 },
  "2020-H1": { individual: 3.15, other: 0.87 },
  "2020-H2": { individual: 3.11, other: 0.84 },
  "2021-H1": { individual: 3.14, other: 0.79 },
  "2021-H2": { individual: 3.12, other: 0.76 },
  "2022-H1": { individual: 3.13, other: 0.76 },
  "2022-H2": { individual: 3.15, other: 0.77 },
  "2023-H1": { individual: 4.47, other: 2.06 },
  "2023-H2": { individual: 6.82, other: 4.22 },
  "2024-H1": { individual: 8.01, other: 5.07 },
  "2024-H2": { individual: 8.16, other: 4.92 },
  "2025-H1": { individual: 7.21, other: 3.71 },
  "2025-H2": { individual: 6.65, other: 2.76 },
  "2026-H1": { individual: 6.67, other: 2.62 },
};

const FR_LEGAL_FIRST: Semester = "2015-H1";
const FR_LEGAL_LAST: Semester = "2026-H1";

/** French legal interest rates (individual creditor / other cases) for a semester. */
export function frLegalInterestRate(semester: Semester): FrLegalInterestRate {
  // Code monétaire et financier art. L313-2: the rate is set each semester by arrêté, one for creditors who
  // are natural persons not acting for professional needs and one for all other cases.
  semesterBounds(semester);
  const rate = FR_LEGAL_INTEREST_RATES[semester];
  if (!rate) {
    throw new DomainError("PRECONDITION_FAILED", `The French legal interest rate for ${semester} is not in the table (${FR_LEGAL_FIRST} to ${FR_LEGAL_LAST}).`, {
      field: "semester",
    });
  }
  return rate;
}

/** Per-semester French legal interest rate as a schedule for `segmentedInterest`, refusing days after the table. */
export function frLegalRateSchedule(kind: "individual" | "other"): RateSchedule {
  // Code monétaire et financier art. L313-2: a new rate each semester; no rate is known past the last arrêté.
  const periods: { from: IsoDate; annualRatePct: number }[] = [];
  for (const [semester, rate] of Object.entries(FR_LEGAL_INTEREST_RATES) as [Semester, FrLegalInterestRate][]) {
    periods.push({ from: semesterBounds(semester).start, annualRatePct: rate[kind] });
  }
  periods.sort((a, b) => (a.from < b.from ? -1 : 1));
  return { periods, until: semesterBounds(FR_LEGAL_LAST).end };
}

/** Per-semester default B2B late-payment rate (ECB reference + 10 points) as a schedule, from 2009-H1. */
export function frCommercialRateSchedule(): RateSchedule {
  // Code de commerce art. L441-10 I (formerly L441-6): when the contract is silent, the ECB rate of its most
  // recent refinancing operation + 10 points, the H1 rate being the one in force on 1 January and the H2
  // rate the one in force on 1 July. +10 applies since 1 January 2009 (loi LME n° 2008-776).
  return semesterRateSchedule("2009-H1", (s) => euStatutoryRate(s).franceDefault);
}

/** Fixed recovery indemnity per late invoice, in cents. */
export const FR_RECOVERY_INDEMNITY_CENTS = 40_00;

/** Indemnité forfaitaire pour frais de recouvrement: €40 per late invoice owed by a professional, 0 for consumers. */
export function frRecoveryIndemnity(input: { lateInvoices: number; debtorIsProfessional: boolean }): number {
  // Code de commerce art. L441-10 II (any professional paying late owes a fixed indemnity for recovery costs)
  // and art. D441-5 (amount: €40). It applies between professionals only, never to a consumer debtor.
  const { lateInvoices, debtorIsProfessional } = input;
  if (!Number.isSafeInteger(lateInvoices) || lateInvoices < 0) {
    throw new RangeError(`lateInvoices must be a whole number ≥ 0, got ${lateInvoices}`);
  }
  return debtorIsProfessional ? lateInvoices * FR_RECOVERY_INDEMNITY_CENTS : 0;
}

/** Limitation of a creditor's action and the last day it can still be brought. */
export interface FrLimitation {
  readonly years: number;
  /** Last day on which the action is still in time: prescription is acquired at the end of this day. */
  readonly lastDay: IsoDate;
}

/** French limitation period for a claim that became payable on `exigibleOn`. */
export function frLimitation(input: { debtor: "consumer" | "professional"; exigibleOn: IsoDate }): FrLimitation {
  // Consumer: Code de la consommation art. L218-2, a professional's action for goods or services supplied to a
  // consumer is time-barred after 2 years. Professional: Code de commerce art. L110-4 (obligations arising
  // between merchants, or merchants and non-merchants) and Code civil art. 2224: 5 years.
  // Computation: Code civil art. 2228 (counted in days, not hours) and 2229 (acquired when the last day of the
  // term is complete). The day of exigibility is not counted, so a term in years ends at midnight on the day
  // with the same date N years later; with no such date (29 February) the term ends on the last day of that
  // month, as art. 641 Code de procédure civile states for procedural time limits.
  // No weekend/holiday extension (art. 642 CPC) is applied: it targets procedural time limits, and leaving
  // it out can only make `lastDay` earlier, never let the creditor act too late.
  const { debtor, exigibleOn } = input;
  assertIsoDate(exigibleOn, "exigibleOn");
  if (debtor !== "consumer" && debtor !== "professional") throw new RangeError(`debtor must be "consumer" or "professional", got "${String(debtor)}"`);
  const years = debtor === "consumer" ? 2 : 5;
  return { years, lastDay: addYears(exigibleOn, years) };
}
