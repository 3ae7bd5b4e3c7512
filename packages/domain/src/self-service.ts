/**
 * The debtor's own requests in the portal — a dispute, "it is already paid", a message, a call back —
 * and how they reach a case handler: which days a call back can be asked for, the words an "already
 * paid" report is recorded in, and which next action puts the case in front of its handler.
 *
 * A request from the debtor is the moment amicable collection works best (they are reaching out), and a
 * dispute stops collection at once (DESIGN "Rules that never bend"): the case must be looked at the same
 * day. The work queue lists these requests itself (queue.ts); the next action set here is what makes an
 * index find the case among a million (the queue's "next action due" candidates).
 */
import { isBePublicHoliday } from "./be.ts";
import { addDays, assertIsoDate, daysBetween, easterSunday, isoWeekday, type IsoDate } from "./dates.ts";
import { formatMoney } from "./money.ts";
import { isNlPublicHoliday } from "./nl.ts";
import type { CaseHold, Jurisdiction } from "./vocabulary.ts";

/** How far ahead a debtor may ask to be called back (today included). */
export const CALL_BACK_HORIZON_DAYS = 14;

/** True on a French public holiday (Code du travail art. L3133-1; Alsace-Moselle's two extra days are not counted). */
export function isFrPublicHoliday(date: IsoDate): boolean {
  assertIsoDate(date, "date");
  const md = date.slice(5);
  if (["01-01", "05-01", "05-08", "07-14", "08-15", "11-01", "11-11", "12-25"].includes(md)) return true;
  const easter = easterSunday(Number(date.slice(0, 4)));
  // Easter Monday, Ascension Day, Whit Monday.
  return [1, 39, 50].some((offset) => addDays(easter, offset) === date);
}

/**
 * True when a case handler can return a call on `date` for a case of `jurisdiction`: Monday to Friday,
 * not a public holiday there (a call on the debtor's public holiday is as unwelcome as one on Sunday).
 */
export function isCallBackDay(date: IsoDate, jurisdiction: Jurisdiction): boolean {
  if (isoWeekday(date) > 5) return false;
  switch (jurisdiction) {
    case "FR":
      return !isFrPublicHoliday(date);
    case "BE":
      return !isBePublicHoliday(date);
    case "NL":
      return !isNlPublicHoliday(date);
  }
}

/** The days a debtor may choose for a call back: working days from `today` to `today` + 14, in order. */
export function callBackDays(today: IsoDate, jurisdiction: Jurisdiction): IsoDate[] {
  const days: IsoDate[] = [];
  for (let d = 0; d <= CALL_BACK_HORIZON_DAYS; d++) {
    const day = addDays(today, d);
    if (isCallBackDay(day, jurisdiction)) days.push(day);
  }
  return days;
}

/** How the debtor says they paid. */
export const ALREADY_PAID_METHODS = ["bank_transfer", "to_creditor", "other"] as const;
export type AlreadyPaidMethod = (typeof ALREADY_PAID_METHODS)[number];

const METHOD_WORDS: Record<AlreadyPaidMethod, string> = {
  bank_transfer: "by bank transfer",
  to_creditor: "directly to the creditor",
  other: "in another way",
};

/** What a debtor reports when they say the debt is already paid. */
export interface AlreadyPaidReport {
  paidOn: IsoDate;
  amountCents: number;
  currency: string;
  method: AlreadyPaidMethod;
  note?: string | null;
}

/**
 * The dispute's details for an "already paid" report, in the words a case handler reads (the case file
 * is in English), e.g. "The debtor says they paid 250.00 EUR on 2027-03-01 by bank transfer."
 */
export function alreadyPaidDetails(report: AlreadyPaidReport): string {
  const amount = formatMoney(report.amountCents, report.currency, "en-GB");
  const said = `The debtor says they paid ${amount} on ${report.paidOn} ${METHOD_WORDS[report.method]}.`;
  const note = report.note?.trim();
  return note ? `${said} Their note: ${note}` : said;
}

/** Why an "already paid" report cannot be taken, naming its field; null when it holds. */
export function alreadyPaidProblem(report: Pick<AlreadyPaidReport, "paidOn" | "amountCents">, today: IsoDate): { field: "paidOn" | "amountCents"; message: string } | null {
  if (report.paidOn > today) return { field: "paidOn", message: "paidOn: the payment date cannot be in the future" };
  // Ten years back covers the longest limitation period the platform deals with.
  if (daysBetween(report.paidOn, today) > 3660) return { field: "paidOn", message: "paidOn: the payment date is more than ten years ago" };
  if (!Number.isInteger(report.amountCents) || report.amountCents <= 0) return { field: "amountCents", message: "amountCents: the amount paid must be more than zero" };
  return null;
}

/** The next-action kinds a debtor's portal request sets, so the case handler sees it today. */
export const PORTAL_REQUEST_ACTIONS = ["portal_dispute", "answer_portal_message", "call_back"] as const;
export type PortalRequestAction = (typeof PORTAL_REQUEST_ACTIONS)[number];

/** How long a next action already due keeps the case among the queue's "due" candidates. */
export const DUE_ACTION_WINDOW_DAYS = 30;

/** A case's next action. */
export interface CaseNextAction {
  on: IsoDate | null;
  kind: string | null;
}

/**
 * The next action after a portal request that wants the case handler on `wanted.on`. A next action
 * already due (within the queue's window) is kept: the case is in front of the handler already, and
 * moving it later (a call back asked for next week) would hide what is due now — the request itself
 * is listed from its own facts. Otherwise the request's day and kind are set.
 */
export function nextActionForPortalRequest(current: CaseNextAction, wanted: { on: IsoDate; kind: PortalRequestAction }, today: IsoDate): { on: IsoDate; kind: string } {
  if (current.on && current.on <= today && daysBetween(current.on, today) <= DUE_ACTION_WINDOW_DAYS) {
    return { on: current.on, kind: current.kind ?? wanted.kind };
  }
  return { on: wanted.on, kind: wanted.kind };
}

/**
 * The next action once a case handler has answered the debtor in writing in the portal. An answered
 * dispute alert becomes the dispute's review two weeks out (what opening one in the workspace sets);
 * an answered message leaves nothing scheduled on a workable case, and the hold's review on a held one,
 * so a held case never drops out of the queue for good. A call back is not answered by writing: it
 * stays, as does anything else the handler scheduled.
 */
export function nextActionAfterPortalReply(current: CaseNextAction, holds: readonly CaseHold[], today: IsoDate): CaseNextAction {
  if (current.kind !== "portal_dispute" && current.kind !== "answer_portal_message") return current;
  if (holds.includes("disputed")) return { on: addDays(today, 14), kind: "review_dispute" };
  if (holds.includes("insolvency") || holds.includes("deceased")) return { on: addDays(today, 30), kind: "review_hold" };
  return { on: null, kind: null };
}
