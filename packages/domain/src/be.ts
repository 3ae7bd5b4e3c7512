/**
 * Belgian consumer-debt law (Code of Economic Law, Book XIX "Dettes du consommateur", in force since
 * 1 Sept 2023): the free first reminder and its 14-day term, the cap on fixed damages, and the maximum
 * late-payment interest rate.
 */
import { addDays, assertIsoDate, easterSunday, isoWeekday, semesterBounds, type IsoDate, type Semester } from "./dates.ts";
import { assertCents, divRoundHalfUp } from "./money.ts";
import { addPercentagePoints, ecbMainRate } from "./rates.ts";

/** Overall maximum of the fixed damages a consumer can owe, in cents (art. XIX.4). */
export const BE_DAMAGES_MAX_CENTS = 2_000_00;

/** Maximum fixed damages (indemnité forfaitaire / schadebeding) for a consumer's outstanding balance, in cents. */
export function beConsumerDamagesCap(outstandingCents: number): number {
  // Code de droit économique art. XIX.4 §2 (inserted by the law of 4 May 2023): at most €20 if the outstanding
  // balance is ≤ €150; €30 + 10% of the part between €150.01 and €500 if it is €150.01–€500; €65 + 5% of the
  // part above €500 if it exceeds €500, with an overall maximum of €2,000. Rounded half-up once.
  assertCents(outstandingCents, "outstandingCents");
  if (outstandingCents < 0) throw new RangeError(`outstandingCents must not be negative, got ${outstandingCents}`);
  if (outstandingCents <= 150_00) return 20_00;
  if (outstandingCents <= 500_00) return 30_00 + Number(divRoundHalfUp(BigInt(outstandingCents - 150_00), 10n));
  return Math.min(BE_DAMAGES_MAX_CENTS, 65_00 + Number(divRoundHalfUp(BigInt(outstandingCents - 500_00), 20n)));
}

/** True on a Belgian legal public holiday. */
export function isBePublicHoliday(date: IsoDate): boolean {
  // Arrêté royal of 18 April 1974: 1 January, Easter Sunday and Monday, 1 May, Ascension Day, Whit Sunday and
  // Monday, 21 July, 15 August, 1 November, 11 November, 25 December. Good Friday and 26 December are not.
  assertIsoDate(date, "date");
  const md = date.slice(5);
  if (["01-01", "05-01", "07-21", "08-15", "11-01", "11-11", "12-25"].includes(md)) return true;
  const easter = easterSunday(Number(date.slice(0, 4)));
  return [0, 1, 39, 49, 50].some((offset) => addDays(easter, offset) === date);
}

/** True on a Belgian working day as used for the paper-reminder term: Monday–Friday, not a legal public holiday. */
export function isBeWorkingDay(date: IsoDate): boolean {
  // Book XIX does not define "jour ouvrable / werkdag". The Judicial Code uses the same "third working day
  // after handing to the post" presumption (art. 53bis) and moves a deadline that ends on a Saturday, Sunday or
  // legal holiday (art. 53): Saturdays are treated as non-working here too. Counting Saturdays instead could
  // only make the term start earlier, so excluding them is the reading that never charges a consumer too soon.
  return isoWeekday(date) <= 5 && !isBePublicHoliday(date);
}

/** The 14-day term of a Belgian free first reminder. */
export interface BeReminderPeriod {
  /** First day of the 14 calendar days. */
  readonly start: IsoDate;
  /** Last of the 14 days. */
  readonly end: IsoDate;
  /** First day damages, interest or further costs may be claimed. */
  readonly earliestDamagesDate: IsoDate;
}

/** The term a free first reminder must give a Belgian consumer before any damages or interest. */
export function beReminderPeriod(input: { sentOn: IsoDate; channel: "post" | "email" }): BeReminderPeriod {
  // Code de droit économique art. XIX.2 §1: nothing beyond the principal may be claimed before a free first
  // reminder has given the consumer at least 14 calendar days to pay; the term starts on the third working day
  // after a paper reminder is sent, or the day after an electronic one is sent. The starting day is day 1 of
  // the 14, so damages may be claimed from the 15th day on. Calendar days: no extension for weekends.
  const { sentOn, channel } = input;
  assertIsoDate(sentOn, "sentOn");
  let start: IsoDate;
  if (channel === "email") {
    start = addDays(sentOn, 1);
  } else if (channel === "post") {
    start = sentOn;
    for (let workingDays = 0; workingDays < 3; ) {
      start = addDays(start, 1);
      if (isBeWorkingDay(start)) workingDays += 1;
    }
  } else {
    throw new RangeError(`channel must be "post" or "email", got "${String(channel)}"`);
  }
  const end = addDays(start, 13);
  return { start, end, earliestDamagesDate: addDays(end, 1) };
}

/** Belgian late-payment rate of a semester: the rounded ECB reference and the rate (reference + 8). */
export interface BeLatePaymentRate {
  /** ECB MRO rate in force on the first day of the semester, rounded up to the next half point. */
  readonly reference: number;
  /** Statutory B2B rate; also the ceiling on late-payment interest charged to a consumer (art. XIX.4). */
  readonly rate: number;
}

/** Maximum late-payment interest rate for a semester in Belgium (law of 2 Aug 2002 rate, Book XIX cap). */
export function beMaxInterestRate(semester: Semester): BeLatePaymentRate {
  // Law of 2 August 2002 on late payment in commercial transactions, art. 5 al. 2: the ECB rate in force on the
  // first calendar day of the semester, rounded up to the next half percentage point, + 8 points (published each
  // semester by the FPS Finance, e.g. 12.5% in 2024-H2 from 4.25%, 11.5% in 2025-H1 from 3.15%).
  // Code de droit économique art. XIX.4: interest claimed from a consumer may not exceed that rate.
  const { start } = semesterBounds(semester);
  const ecb = ecbMainRate(start);
  const reference = (Math.ceil(Math.round(ecb * 100) / 50) * 50) / 100;
  return { reference, rate: addPercentagePoints(reference, 8) };
}
