/**
 * Work-queue prioritisation: which open case an agent should work next, and why.
 *
 * The score is a sum of reason weights, so a row can always say exactly what put it where it is.
 * Weights are tiered so the order an agent expects holds whatever the amounts: what the debtor asked
 * for in the portal and nobody has answered yet (a dispute, a message, a call back on the day they
 * chose) comes first, above anything else together — the debtor is reaching out, and a dispute must be
 * seen the day collection paused — then a commitment falling
 * due or missed today (promise, instalment) outranks the debtor waiting for us (reply, proposal),
 * which outranks fresh placements nobody has called yet, which outranks the 90-day review and a
 * plain scheduled follow-up. Balance only breaks ties inside a tier (it is capped below the gap).
 *
 * Holds: a dispute, an insolvency or a death stops collection contact (DESIGN "Rules that never
 * bend"), so a held case carries none of the contact-driving reasons. It is listed only when its
 * hold is due for review (the next action date the hold set has come), with that single reason: the
 * agent's work there is to look at the dispute or the proceedings, not to call the debtor, and a queue
 * that hid held cases for good would let disputes rot. What the debtor themself asked for in the portal
 * is listed on a held case too: answering the debtor who disputes, or calling back one who asked to be
 * called, is not collection contact. A vulnerable debtor is not a stop: the case is worked, with care,
 * and the row says so.
 */
import { formatLongDate } from "./contact-rules.ts";
import { daysBetween, type IsoDate } from "./dates.ts";
import { formatMoney } from "./money.ts";
import { stopsContact } from "./stages.ts";
import type { CaseHold, CaseStage, ContactTimeSlot, DisputeReason } from "./vocabulary.ts";


/** Why a case is in the queue, most urgent first. */
export const QUEUE_REASON_CODES = [
  "portal_dispute",
  "call_back",
  "portal_message",
  "promise_missed",
  "instalment_missed",
  "promise_broken",
  "promise_due",
  "instalment_due",
  "debtor_replied",
  "proposal_waiting",
  "new_not_contacted",
  "high_balance_no_contact",
  "review_overdue",
  "review_soon",
  "hold_review",
  "follow_up_due",
  "balance",
  "vulnerable",
] as const;
export type QueueReasonCode = (typeof QUEUE_REASON_CODES)[number];

/** One reason a case is where it is in the queue; `detail` is the sentence an agent reads. */
export interface QueueReason {
  readonly code: QueueReasonCode;
  readonly weight: number;
  readonly detail: string;
}

/** A case's score and the reasons behind it, heaviest first; `isListed` false = not in the queue today. */
export interface QueuePriority {
  readonly score: number;
  readonly reasons: readonly QueueReason[];
  readonly isListed: boolean;
}

/** What prioritisation needs to know about a case, as of `today`. Dates are ISO calendar dates. */
export interface QueueCaseFacts {
  readonly stage: CaseStage;
  readonly holds: readonly CaseHold[];
  /** What the debtor owes now, in minor units. */
  readonly balanceCents: number;
  readonly currency?: string;
  readonly placedOn: IsoDate;
  readonly noticeSentOn?: IsoDate | null;
  /** First conversation with the debtor (right-party contact), if any. */
  readonly firstContactOn?: IsoDate | null;
  readonly nextActionOn?: IsoDate | null;
  readonly nextActionKind?: string | null;
  /** Due date of the earliest pending promise to pay. */
  readonly promiseDueOn?: IsoDate | null;
  /** Day the latest promise was recorded as broken. */
  readonly promiseBrokenOn?: IsoDate | null;
  /** Due date of the earliest unsettled instalment of the live plan (scheduled, partially paid or missed). */
  readonly instalmentDueOn?: IsoDate | null;
  /** Day the oldest unanswered message or portal visit of the debtor came in. */
  readonly inboundWaitingSince?: IsoDate | null;
  /** Day the debtor's (or a counter-) proposal started waiting for a decision. */
  readonly proposalWaitingSince?: IsoDate | null;
  /** The 90-day review date (set when the notice went out). */
  readonly reviewDueOn?: IsoDate | null;
  /**
   * The reason of the case's open dispute, which words a dispute the debtor opened in the portal (next
   * action `portal_dispute`, set until an agent answers them): `already_paid` is said as such.
   */
  readonly portalDisputeReason?: DisputeReason | null;
  /** Day the oldest message the debtor wrote in the portal since an agent last answered came in. */
  readonly portalMessageSince?: IsoDate | null;
  /** The day the debtor asked to be called back, when no agent has called since they asked. */
  readonly callBackOn?: IsoDate | null;
  /** The part of that day they chose (null: any time). */
  readonly callBackSlot?: ContactTimeSlot | null;
}

/** Tier weights; exported so tests and the UI can reason about them, not to be tuned per call. */
export const QUEUE_WEIGHTS = {
  /**
   * A tier of its own: more than every other reason of one case can add up to (580), so a case whose
   * debtor asked for something in the portal is always above one whose debtor did not.
   */
  debtorInPortal: 600,
  missedCommitment: 90,
  brokenPromise: 85,
  dueCommitment: 80,
  debtorWaiting: 70,
  newNotContacted: 50,
  highBalanceNoContact: 40,
  reviewOverdue: 45,
  /** A review 14 days out weighs this; one due today 14 more. */
  reviewSoon: 30,
  holdReview: 15,
  followUp: 20,
  /** The balance weight never exceeds this, so money breaks ties but never jumps a tier. */
  balanceCap: 30,
} as const;

/** How far back a broken promise still asks for a call. */
const BROKEN_PROMISE_WINDOW_DAYS = 14;
/** How long after placement an uncontacted case counts as a new placement. */
const NEW_PLACEMENT_DAYS = 30;
/**
 * How long an unanswered reply stays a reason. "Unanswered" is inferred (no agent contact logged since),
 * and that inference goes stale: a reply older than this was dealt with some way nobody logged.
 */
const DEBTOR_WAITING_DAYS = 30;
/** How far ahead the 90-day review shows up. */
const REVIEW_HORIZON_DAYS = 14;
/** From this balance (in minor units, i.e. 2,000.00) no contact yet is itself a reason. */
export const HIGH_BALANCE_CENTS = 200_000;

/** Ages of a case since placement, as the queue filters them (inclusive day ranges). */
export const QUEUE_AGE_BUCKETS = ["0-30", "31-60", "61-90", "91-120", "120+"] as const;
export type QueueAgeBucket = (typeof QUEUE_AGE_BUCKETS)[number];
const AGE_BOUNDS: Record<QueueAgeBucket, { minDays: number; maxDays: number | null }> = {
  "0-30": { minDays: 0, maxDays: 30 },
  "31-60": { minDays: 31, maxDays: 60 },
  "61-90": { minDays: 61, maxDays: 90 },
  "91-120": { minDays: 91, maxDays: 120 },
  "120+": { minDays: 121, maxDays: null },
};
/** The inclusive range of days since placement of an age bucket (`maxDays` null = no upper bound). */
export function ageBucketBounds(bucket: QueueAgeBucket): { minDays: number; maxDays: number | null } {
  return AGE_BOUNDS[bucket];
}

/** Balance bands (in the case currency's major units: "<100" is under 100.00). */
export const QUEUE_AMOUNT_BANDS = ["<100", "100-500", "500-2000", "2000+"] as const;
export type QueueAmountBand = (typeof QUEUE_AMOUNT_BANDS)[number];
const AMOUNT_BOUNDS: Record<QueueAmountBand, { minCents: number | null; maxCents: number | null }> = {
  "<100": { minCents: null, maxCents: 10_000 },
  "100-500": { minCents: 10_000, maxCents: 50_000 },
  "500-2000": { minCents: 50_000, maxCents: 200_000 },
  "2000+": { minCents: 200_000, maxCents: null },
};
/** The half-open balance range [minCents, maxCents) of an amount band (null = unbounded). */
export function amountBandBounds(band: QueueAmountBand): { minCents: number | null; maxCents: number | null } {
  return AMOUNT_BOUNDS[band];
}

/** The weight a balance adds: grows with the logarithm of the amount, never decreases, capped. */
export function balanceWeight(balanceCents: number): number {
  if (!(balanceCents > 0)) return 0;
  return Math.min(QUEUE_WEIGHTS.balanceCap, Math.floor(6 * Math.log10(1 + balanceCents / 100)));
}

function ago(days: number): string {
  if (days === 0) return "today";
  if (days === 1) return "yesterday";
  return `${days} days ago`;
}

function inDays(days: number): string {
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  return `in ${days} days`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}


/**
 * The priority of a case on `today`: its score, the reasons behind it (heaviest first, ties by code so
 * the result is deterministic), and whether it belongs in the queue at all. Closed cases never do.
 */
export function prioritiseCase(facts: QueueCaseFacts, today: IsoDate): QueuePriority {
  if (facts.stage === "closed") return { score: 0, reasons: [], isListed: false };
  const reasons: QueueReason[] = [];
  const add = (code: QueueReasonCode, weight: number, detail: string) => reasons.push({ code, weight, detail });
  const since = (date: IsoDate) => daysBetween(date, today);

  // What the debtor asked for in the portal, listed whatever the holds (answering them is not collection).
  addPortalRequests(facts, today, add);

  if (stopsContact(facts.holds)) {
    // Only the hold's own review is work; nothing that would lead to contacting the debtor counts.
    // A review the debtor's own request already puts in front of the agent would say the same thing twice.
    const repeats = FOLLOW_UPS_COVERED[facts.nextActionKind ?? ""]?.some((code) => reasons.some((r) => r.code === code)) ?? false;
    if (facts.nextActionOn && facts.nextActionOn <= today && !repeats) {
      const late = since(facts.nextActionOn);
      const what = facts.holds.includes("disputed") ? "Dispute" : facts.holds.includes("insolvency") ? "Insolvency" : "Hold";
      add("hold_review", QUEUE_WEIGHTS.holdReview, late === 0 ? `${what} review due today` : `${what} review overdue by ${plural(late, "day")}`);
    }
    return finish(reasons);
  }

  // Commitments: the debtor said they would pay on a day; checking on that day is what keeps them.
  if (facts.promiseDueOn) {
    const late = since(facts.promiseDueOn);
    if (late > 0) add("promise_missed", QUEUE_WEIGHTS.missedCommitment, `Promise missed ${ago(late)}`);
    else if (late === 0) add("promise_due", QUEUE_WEIGHTS.dueCommitment, "Promise due today");
  }
  if (facts.promiseBrokenOn && !reasons.some((r) => r.code === "promise_missed")) {
    const late = since(facts.promiseBrokenOn);
    if (late >= 0 && late <= BROKEN_PROMISE_WINDOW_DAYS) add("promise_broken", QUEUE_WEIGHTS.brokenPromise, `Promise broken ${ago(late)}`);
  }
  if (facts.instalmentDueOn) {
    const late = since(facts.instalmentDueOn);
    if (late > 0) add("instalment_missed", QUEUE_WEIGHTS.missedCommitment, `Instalment missed ${ago(late)}`);
    else if (late === 0) add("instalment_due", QUEUE_WEIGHTS.dueCommitment, "Instalment due today");
  }

  // The debtor is waiting for us (a portal request listed above already says so, more precisely).
  const hasPortalRequest = reasons.some((r) => PORTAL_REQUEST_CODES.includes(r.code));
  if (!hasPortalRequest && facts.inboundWaitingSince && facts.inboundWaitingSince <= today && since(facts.inboundWaitingSince) <= DEBTOR_WAITING_DAYS) {
    add("debtor_replied", QUEUE_WEIGHTS.debtorWaiting, `Debtor replied ${ago(since(facts.inboundWaitingSince))}`);
  }
  if (facts.proposalWaitingSince && facts.proposalWaitingSince <= today) {
    const waited = since(facts.proposalWaitingSince);
    add("proposal_waiting", QUEUE_WEIGHTS.debtorWaiting, waited === 0 ? "Plan proposal waiting since today" : `Plan proposal waiting ${plural(waited, "day")}`);
  }

  // Nobody has spoken to the debtor yet: the first 30 days after the notice matter most.
  if (!facts.firstContactOn) {
    const age = since(facts.placedOn);
    if (age >= 0 && age <= NEW_PLACEMENT_DAYS) add("new_not_contacted", QUEUE_WEIGHTS.newNotContacted, `New placement not contacted (${plural(age, "day")})`);
    if (facts.balanceCents >= HIGH_BALANCE_CENTS) add("high_balance_no_contact", QUEUE_WEIGHTS.highBalanceNoContact, "High balance, no contact yet");
  }

  if (facts.reviewDueOn) {
    const left = daysBetween(today, facts.reviewDueOn);
    if (left < 0) add("review_overdue", QUEUE_WEIGHTS.reviewOverdue, `90-day review overdue by ${plural(-left, "day")}`);
    else if (left <= REVIEW_HORIZON_DAYS) add("review_soon", QUEUE_WEIGHTS.reviewSoon + (REVIEW_HORIZON_DAYS - left), `Review ${inDays(left)}`);
  }

  // A follow-up that only checks a commitment or the review already listed would say the same thing twice.
  const repeats = FOLLOW_UPS_COVERED[facts.nextActionKind ?? ""]?.some((code) => reasons.some((r) => r.code === code)) ?? false;
  if (facts.nextActionOn && facts.nextActionOn <= today && !repeats) {
    const late = since(facts.nextActionOn);
    const what = facts.nextActionKind ? `${humanise(facts.nextActionKind)} due` : "Follow-up due";
    add("follow_up_due", QUEUE_WEIGHTS.followUp, late === 0 ? `${what} today` : `${what} ${plural(late, "day")} ago`);
  }

  const money = balanceWeight(facts.balanceCents);
  if (money > 0) add("balance", money, `Balance ${formatMoney(facts.balanceCents, facts.currency ?? "EUR", "en-GB")}`);
  if (facts.holds.includes("vulnerable")) add("vulnerable", 0, "Vulnerable debtor: handle with care");
  return finish(reasons, true);
}

/** Scheduled next actions (the strategy's and the worker's kinds) that a heavier reason already covers. */
const FOLLOW_UPS_COVERED: Record<string, readonly QueueReasonCode[]> = {
  check_promise: ["promise_due", "promise_missed", "promise_broken"],
  check_instalment: ["instalment_due", "instalment_missed"],
  review: ["review_overdue", "review_soon"],
  // The next actions the debtor's portal requests set (self-service.ts) repeat the request's own reason.
  portal_dispute: ["portal_dispute"],
  answer_portal_message: ["portal_message"],
  call_back: ["call_back"],
};

/** The reasons that say what the debtor asked for in the portal. */
export const PORTAL_REQUEST_CODES: readonly QueueReasonCode[] = ["portal_dispute", "call_back", "portal_message"];

const SLOT_WORDS: Record<ContactTimeSlot, string> = { morning: "morning", afternoon: "afternoon", evening: "evening" };

/** The debtor's unanswered portal requests as reasons (each stays a reason for at most 30 days). */
function addPortalRequests(facts: QueueCaseFacts, today: IsoDate, add: (code: QueueReasonCode, weight: number, detail: string) => void): void {
  const waited = (on: IsoDate | null | undefined): number | null => {
    if (!on || on > today) return null;
    const days = daysBetween(on, today);
    return days <= DEBTOR_WAITING_DAYS ? days : null;
  };
  const weight = QUEUE_WEIGHTS.debtorInPortal;
  // A portal dispute is its next action: opening it sets `portal_dispute` for the day, answering the debtor
  // replaces it with the dispute's review (a dispute recorded by an agent never carries it).
  const disputed = facts.nextActionKind === "portal_dispute" && facts.holds.includes("disputed") ? waited(facts.nextActionOn) : null;
  if (disputed !== null) {
    add(
      "portal_dispute",
      weight,
      facts.portalDisputeReason === "already_paid" ? `Debtor reported in the portal ${ago(disputed)} that it is already paid` : `Debtor disputed in the portal ${ago(disputed)}`,
    );
  }
  const callBack = waited(facts.callBackOn);
  if (callBack !== null && facts.callBackOn) {
    const slot = facts.callBackSlot ? ` (${SLOT_WORDS[facts.callBackSlot]})` : "";
    add("call_back", weight, `Debtor asked to be called back on ${formatLongDate(facts.callBackOn, "en-GB")}${slot}${callBack === 0 ? "" : `, ${plural(callBack, "day")} ago`}`);
  }
  const wrote = waited(facts.portalMessageSince);
  if (wrote !== null) add("portal_message", weight, `Debtor wrote in the portal ${ago(wrote)}`);
}

function finish(reasons: QueueReason[], workable = false): QueuePriority {
  const ordered = [...reasons].sort((a, b) => b.weight - a.weight || QUEUE_REASON_CODES.indexOf(a.code) - QUEUE_REASON_CODES.indexOf(b.code));
  const score = ordered.reduce((sum, r) => sum + r.weight, 0);
  // A held case is listed only for its review; a workable one always is (balance alone keeps it there).
  return { score, reasons: ordered, isListed: workable || ordered.length > 0 };
}

function humanise(kind: string): string {
  const words = kind.replaceAll("_", " ").trim();
  return words.length === 0 ? "Follow-up" : words[0]!.toUpperCase() + words.slice(1);
}

/** Queue order: higher score first, then the earlier next action, then the reference (a total order). */
export function compareQueueEntries(
  a: { score: number; nextActionOn?: IsoDate | null; reference: string },
  b: { score: number; nextActionOn?: IsoDate | null; reference: string },
): number {
  if (a.score !== b.score) return b.score - a.score;
  const an = a.nextActionOn ?? "9999-12-31";
  const bn = b.nextActionOn ?? "9999-12-31";
  if (an !== bn) return an < bn ? -1 : 1;
  return a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0;
}
