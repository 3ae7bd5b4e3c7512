/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`). Legal dates are calendar dates, not instants:
 * all arithmetic here is done in UTC on whole days so no time zone can shift a deadline.
 */

/** An ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True when `s` is a real calendar date in `YYYY-MM-DD` form (2027-02-30 is not). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** Throws a RangeError naming the value when `s` is not a calendar date. */
export function assertIsoDate(s: string, field = "date"): IsoDate {
  if (!isIsoDate(s)) throw new RangeError(`${field} must be a calendar date YYYY-MM-DD, got "${s}"`);
  return s;
}

function toEpochDay(date: IsoDate): number {
  assertIsoDate(date);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999.
  const at = new Date(0);
  at.setUTCFullYear(y, m - 1, d);
  return at.getTime() / DAY_MS;
}

function fromEpochDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Days in month `month` (1-12) of `year`, leap years included. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** `date` plus `days` (negative to go back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * `date` plus `months`, clamped to the last day of the target month (31 January + 1 month = 28/29 February),
 * the usual rule for monthly due dates and for terms expressed in months.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  assertIsoDate(date);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const td = Math.min(d, daysInMonth(ty, tm));
  return `${String(ty).padStart(4, "0")}-${String(tm).padStart(2, "0")}-${String(td).padStart(2, "0")}`;
}

/** `date` plus `years`, 29 February landing on 28 February in a common year. */
export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** -1, 0 or 1 as `a` is before, equal to or after `b`. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  assertIsoDate(a);
  assertIsoDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The later of two dates. */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}

/** The earlier of two dates. */
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) <= 0 ? a : b;
}

/** Day of week, 1 = Monday … 7 = Sunday (ISO 8601). */
export function isoWeekday(date: IsoDate): number {
  const dow = new Date(toEpochDay(date) * DAY_MS).getUTCDay();
  return dow === 0 ? 7 : dow;
}

/** A half-year, the period by which statutory interest rates are set: `2025-H1`, `2025-H2`. */
export type Semester = `${number}-H${1 | 2}`;

const SEMESTER = /^(\d{4})-H([12])$/;

/** The semester a date falls in. */
export function semesterOf(date: IsoDate): Semester {
  assertIsoDate(date);
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return `${y}-H${m <= 6 ? 1 : 2}` as Semester;
}

/** First and last day of a semester. */
export function semesterBounds(semester: Semester): { start: IsoDate; end: IsoDate } {
  const m = SEMESTER.exec(semester);
  if (!m) throw new RangeError(`semester must look like 2025-H1, got "${semester}"`);
  const y = m[1]!;
  return m[2] === "1" ? { start: `${y}-01-01`, end: `${y}-06-30` } : { start: `${y}-07-01`, end: `${y}-12-31` };
}

/** The semester after `semester`. */
export function nextSemester(semester: Semester): Semester {
  const { end } = semesterBounds(semester);
  return semesterOf(addDays(end, 1));
}

/** The calendar date of an instant in a given IANA time zone (e.g. when a letter was received in Paris). */
export function calendarDateIn(instant: Date, timeZone: string): IsoDate {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** Easter Sunday of a Gregorian year, the anchor of the movable public holidays in Belgium and the Netherlands. */
export function easterSunday(year: number): IsoDate {
  // Anonymous Gregorian computus (Meeus/Jones/Butcher), valid for every Gregorian year.
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`year must be a Gregorian year 1583-9999, got ${year}`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
