/**
 * A client's negotiation policy and the automatic answer to a debtor's proposal: accept it, counter
 * with the closest plan the policy allows, or refer it to a case handler.
 */
import { addDays, addMonths, compareDates, daysBetween, isIsoDate, maxDate, minDate, type IsoDate } from "./dates.ts";
import { DomainError } from "./errors.ts";
import { ceilDiv, percentOf, percentToRational } from "./money.ts";
import { buildSchedule, MAX_SCHEDULE_INSTALMENTS, periodDate, type Instalment } from "./schedule.ts";
import { PLAN_FREQUENCIES, type PlanFrequency } from "./vocabulary.ts";

/** What a client lets the platform agree to on its behalf without a case handler. */
export interface NegotiationPolicy {
  /** Most lines in a plan, the down payment included. */
  readonly maxInstalments: number;
  /** Longest plan, counted from the first due date to the last one. */
  readonly maxDurationMonths: number;
  /** Smallest instalment; only the last one of a plan may be smaller (it takes what is left). */
  readonly minInstalmentCents: number;
  /** Share of the balance the first payment must reach, when the client wants a down payment. */
  readonly minDownPaymentPct?: number;
  /** Latest first payment, in days after the proposal. */
  readonly maxFirstPaymentDelayDays: number;
  /** Deepest settlement discount a case handler may agree to; above it the client decides. */
  readonly maxSettlementDiscountPct: number;
  /** Settlements are never accepted automatically (product rule): a person looks at every one. */
  readonly autoAcceptSettlement: false;
  /** Balances above this are always referred: a large debt deserves a conversation. */
  readonly maxAutoBalanceCents?: number;
}

/** A payment plan proposed by the debtor: a regular amount or a number of instalments, and a first date. */
export interface PlanProposal {
  readonly kind: "plan";
  readonly frequency: PlanFrequency;
  readonly firstDueOn: IsoDate;
  readonly instalmentCents?: number;
  readonly count?: number;
  readonly downPaymentCents?: number;
}

/** A lump sum offered in full and final settlement, below the balance. */
export interface SettlementProposal {
  readonly kind: "settlement";
  readonly amountCents: number;
  readonly payOn?: IsoDate;
}

export type Proposal = PlanProposal | SettlementProposal;

/** Stable reason codes; the UI translates them, `message` is the English fallback. */
export const POLICY_REASON_CODES = [
  "first_payment_in_past",
  "first_payment_too_late",
  "down_payment_too_low",
  "instalment_too_low",
  "too_many_instalments",
  "plan_too_long",
  "total_mismatch",
  "balance_above_auto_limit",
  "settlement_requires_approval",
  "settlement_discount_exceeds_policy",
] as const;
export type PolicyReasonCode = (typeof POLICY_REASON_CODES)[number];

export interface PolicyReason {
  readonly code: PolicyReasonCode;
  readonly message: string;
}

/** The answer to a proposal. `reason` is the first of `reasons`. */
export type ProposalDecision =
  | { readonly decision: "accept"; readonly schedule: Instalment[] }
  | { readonly decision: "counter"; readonly schedule: Instalment[]; readonly reason: PolicyReason; readonly reasons: readonly PolicyReason[] }
  | { readonly decision: "refer"; readonly reason: PolicyReason; readonly reasons: readonly PolicyReason[] };

/** Input of `evaluateProposal`; `today` is the clock's date, passed in. */
export interface EvaluateProposalInput {
  readonly policy: NegotiationPolicy;
  readonly balanceCents: number;
  readonly today: IsoDate;
  readonly proposal: Proposal;
}

const MESSAGES: Record<PolicyReasonCode, string> = {
  first_payment_in_past: "The first payment date is in the past.",
  first_payment_too_late: "The first payment is later than the creditor allows.",
  down_payment_too_low: "The first payment is below the required down payment.",
  instalment_too_low: "An instalment is below the minimum amount.",
  too_many_instalments: "The plan has more instalments than the creditor allows.",
  plan_too_long: "The plan lasts longer than the creditor allows.",
  total_mismatch: "The instalments do not add up to the balance.",
  balance_above_auto_limit: "This balance needs a case handler's review.",
  settlement_requires_approval: "A settlement is always reviewed by a case handler.",
  settlement_discount_exceeds_policy: "The discount asked is deeper than the creditor allows; the creditor must decide.",
};

function reason(code: PolicyReasonCode): PolicyReason {
  return { code, message: MESSAGES[code] };
}

function invalid(field: string, message: string): DomainError {
  return new DomainError("VALIDATION", message, { field });
}

function wholeAtLeast(n: number, min: number, field: string): void {
  if (!Number.isSafeInteger(n) || n < min) throw invalid(field, `${field} must be a whole number ≥ ${min}, got ${n}`);
}

function pct(n: number, field: string): void {
  if (!Number.isFinite(n) || n < 0 || n > 100) throw invalid(field, `${field} must be a percentage from 0 to 100, got ${n}`);
}

/** Throws a DomainError naming the field when a policy is not usable. */
export function assertPolicy(policy: NegotiationPolicy): NegotiationPolicy {
  wholeAtLeast(policy.maxInstalments, 1, "policy.maxInstalments");
  if (policy.maxInstalments > MAX_SCHEDULE_INSTALMENTS) {
    throw invalid("policy.maxInstalments", `policy.maxInstalments must be at most ${MAX_SCHEDULE_INSTALMENTS}`);
  }
  wholeAtLeast(policy.maxDurationMonths, 0, "policy.maxDurationMonths");
  wholeAtLeast(policy.minInstalmentCents, 0, "policy.minInstalmentCents");
  wholeAtLeast(policy.maxFirstPaymentDelayDays, 0, "policy.maxFirstPaymentDelayDays");
  if (policy.minDownPaymentPct !== undefined) pct(policy.minDownPaymentPct, "policy.minDownPaymentPct");
  pct(policy.maxSettlementDiscountPct, "policy.maxSettlementDiscountPct");
  if (policy.autoAcceptSettlement !== false) throw invalid("policy.autoAcceptSettlement", "settlements are never accepted automatically");
  if (policy.maxAutoBalanceCents !== undefined) wholeAtLeast(policy.maxAutoBalanceCents, 0, "policy.maxAutoBalanceCents");
  return policy;
}

/** The down payment a policy requires on a balance (half-up to the cent; 0 when none is required). */
export function requiredDownPaymentCents(policy: NegotiationPolicy, balanceCents: number): number {
  return policy.minDownPaymentPct ? Math.min(balanceCents, percentOf(balanceCents, policy.minDownPaymentPct)) : 0;
}

/** Every way a schedule breaks a policy for a balance, as of `today`; empty when it complies. */
export function planViolations(policy: NegotiationPolicy, balanceCents: number, today: IsoDate, schedule: readonly Instalment[]): PolicyReason[] {
  const first = schedule[0];
  const last = schedule.at(-1);
  if (!first || !last) throw invalid("schedule", "a schedule has at least one instalment");
  const found: PolicyReasonCode[] = [];
  if (compareDates(first.dueOn, today) < 0) found.push("first_payment_in_past");
  if (daysBetween(today, first.dueOn) > policy.maxFirstPaymentDelayDays) found.push("first_payment_too_late");
  // The first line is the down payment whether or not it is labelled so: what matters is the money up front.
  if (first.amountCents < requiredDownPaymentCents(policy, balanceCents)) found.push("down_payment_too_low");
  if (schedule.slice(0, -1).some((line) => line.amountCents < policy.minInstalmentCents)) found.push("instalment_too_low");
  if (schedule.length > policy.maxInstalments) found.push("too_many_instalments");
  if (compareDates(last.dueOn, addMonths(first.dueOn, policy.maxDurationMonths)) > 0) found.push("plan_too_long");
  if (schedule.reduce((sum, line) => sum + line.amountCents, 0) !== balanceCents) found.push("total_mismatch");
  return found.map(reason);
}

/** How many regular instalments fit before the duration limit, after `offset` periods already used. */
function instalmentsWithinDuration(policy: NegotiationPolicy, first: IsoDate, frequency: PlanFrequency, offset: number, cap: number): number {
  const limit = addMonths(first, policy.maxDurationMonths);
  let n = 0;
  while (n < cap && compareDates(periodDate(first, frequency, n + offset), limit) <= 0) n += 1;
  return n;
}

/**
 * The plan closest to a proposal that the policy allows: the first date moved into the allowed window,
 * the down payment raised to the minimum, then the regular amount raised (or the count lowered) until the
 * plan fits the instalment, duration and minimum-amount limits. Falls back to one payment of the balance.
 */
function counterPlan(policy: NegotiationPolicy, balanceCents: number, today: IsoDate, proposal: PlanProposal): Instalment[] {
  const first = minDate(maxDate(proposal.firstDueOn, today), addDays(today, policy.maxFirstPaymentDelayDays));
  const single = (): Instalment[] => [{ seq: 1, dueOn: first, amountCents: balanceCents, isDownPayment: false }];
  let down = Math.max(proposal.downPaymentCents ?? 0, requiredDownPaymentCents(policy, balanceCents));
  // A down payment followed by instalments is a line like the others: it must reach the minimum amount.
  if (down > 0) down = Math.max(down, policy.minInstalmentCents);
  if (down >= balanceCents) return single();
  const rest = balanceCents - down;
  const offset = down > 0 ? 1 : 0;
  const linesLeft = policy.maxInstalments - offset;
  const maxCount = instalmentsWithinDuration(policy, first, proposal.frequency, offset, Math.max(0, linesLeft));
  if (maxCount < 1) return single();
  const base = { totalCents: balanceCents, firstDueOn: first, frequency: proposal.frequency, downPaymentCents: down };
  if (proposal.count !== undefined) {
    const byMinimum = policy.minInstalmentCents > 0 ? Math.max(1, Math.floor(rest / policy.minInstalmentCents)) : rest;
    return buildSchedule({ ...base, count: Math.min(proposal.count, maxCount, byMinimum) });
  }
  const each = Math.max(proposal.instalmentCents ?? 1, policy.minInstalmentCents, ceilDiv(rest, maxCount));
  return buildSchedule({ ...base, instalmentCents: each });
}

function assertProposal(proposal: Proposal, balanceCents: number): void {
  if (proposal.kind === "settlement") {
    wholeAtLeast(proposal.amountCents, 1, "amountCents");
    if (proposal.amountCents >= balanceCents) throw invalid("amountCents", "a settlement offers less than the balance; pay the balance instead");
    if (proposal.payOn !== undefined && !isIsoDate(proposal.payOn)) throw invalid("payOn", `payOn must be a calendar date YYYY-MM-DD, got "${proposal.payOn}"`);
    return;
  }
  if (proposal.kind !== "plan") throw invalid("kind", `proposal kind must be plan or settlement, got "${String((proposal as { kind: unknown }).kind)}"`);
  if (!(PLAN_FREQUENCIES as readonly string[]).includes(proposal.frequency)) {
    throw invalid("frequency", `frequency must be one of ${PLAN_FREQUENCIES.join(", ")}`);
  }
  if (!isIsoDate(proposal.firstDueOn)) throw invalid("firstDueOn", `firstDueOn must be a calendar date YYYY-MM-DD, got "${proposal.firstDueOn}"`);
}

function evaluateSettlement(policy: NegotiationPolicy, balanceCents: number, today: IsoDate, proposal: SettlementProposal): ProposalDecision {
  const reasons = [reason("settlement_requires_approval")];
  // discount% > max%  ⇔  (balance − amount) × 100 × scale > numerator × balance, in exact integers.
  const { numerator, scale } = percentToRational(policy.maxSettlementDiscountPct);
  if (BigInt(balanceCents - proposal.amountCents) * 100n * scale > numerator * BigInt(balanceCents)) {
    reasons.push(reason("settlement_discount_exceeds_policy"));
  }
  if (proposal.payOn !== undefined) {
    if (compareDates(proposal.payOn, today) < 0) reasons.push(reason("first_payment_in_past"));
    else if (daysBetween(today, proposal.payOn) > policy.maxFirstPaymentDelayDays) reasons.push(reason("first_payment_too_late"));
  }
  return { decision: "refer", reason: reasons[0]!, reasons };
}

/** Accepts a proposal within policy, counters a plan outside it with the closest allowed plan, refers the rest. */
export function evaluateProposal(input: EvaluateProposalInput): ProposalDecision {
  const { policy, balanceCents, today, proposal } = input;
  assertPolicy(policy);
  wholeAtLeast(balanceCents, 1, "balanceCents");
  if (!isIsoDate(today)) throw invalid("today", `today must be a calendar date YYYY-MM-DD, got "${today}"`);
  assertProposal(proposal, balanceCents);

  if (proposal.kind === "settlement") return evaluateSettlement(policy, balanceCents, today, proposal);
  if (policy.maxAutoBalanceCents !== undefined && balanceCents > policy.maxAutoBalanceCents) {
    const r = reason("balance_above_auto_limit");
    return { decision: "refer", reason: r, reasons: [r] };
  }

  let proposed: Instalment[] | undefined;
  let reasons: PolicyReason[];
  try {
    proposed = buildSchedule({ totalCents: balanceCents, ...proposal });
    reasons = planViolations(policy, balanceCents, today, proposed);
  } catch (e) {
    // An amount so small it would take more lines than any plan may have is a limit, not bad input.
    if (!(e instanceof DomainError) || e.code !== "LIMIT_EXCEEDED") throw e;
    reasons = [reason("too_many_instalments")];
  }
  if (proposed && reasons.length === 0) return { decision: "accept", schedule: proposed };
  const schedule = counterPlan(policy, balanceCents, today, proposal);
  return { decision: "counter", schedule, reason: reasons[0]!, reasons };
}
