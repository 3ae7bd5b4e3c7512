/**
 * No cure, no pay: the agency's commission on what is actually recovered, per payment, under the
 * client's fee agreement. Rounding happens at two named points only: the commission once (half-up, on
 * the exact sum of every rate slice) and the VAT once (half-up, on the rounded commission, as an invoice
 * line is taxed).
 */
import type { ComponentAmounts } from "./allocation.ts";
import { DomainError } from "./errors.ts";
import { divRoundHalfUp, percentOf, percentToRational } from "./money.ts";

/** A commission rate for claims at least `fromDays` old when placed. */
export interface AgeRateTier {
  readonly fromDays: number;
  readonly ratePct: number;
}

/** A rate for the part of the case's commissionable recovery above `fromCents` (a degressive scale). */
export interface RecoveredRateTier {
  readonly fromCents: number;
  readonly ratePct: number;
}

/** Whether recovered interest and costs go to the agency untouched or to the client like principal. */
export type InterestAndCostsTreatment = "kept_by_agency" | "passed_through";

/** A client's fee agreement (the commission part of it). */
export interface FeeAgreement {
  /** Amicable rate by the claim's age at placement; the first tier starts at 0 days, `fromDays` strictly rising. */
  readonly ageTiers: readonly AgeRateTier[];
  /** Flat rate once the case is in legal handover; replaces every amicable tier. */
  readonly legalHandoverRatePct: number;
  /** Optional: the part of the recovery above each threshold is charged at that tier's rate instead. */
  readonly recoveredTiers?: readonly RecoveredRateTier[];
  /** Least commission per case that recovers anything; topped up payment by payment until reached. */
  readonly minimumFeeCents?: number;
  readonly interestAndCosts: InterestAndCostsTreatment;
  readonly vatRatePct: number;
}

/** Who received the debtor's money. Money paid directly to the creditor still earns commission. */
export type PaymentReceiver = "agency" | "creditor";

/** One payment as commission sees it. For a reversal pass negative amounts and the original's context. */
export interface CommissionPayment {
  /** The payment's allocation (`allocatePayment(...).applied`); all ≥ 0, or all ≤ 0 for a reversal. */
  readonly allocation: ComponentAmounts;
  /** Age of the claim when the case was placed, in days past its due date. */
  readonly claimAgeDays: number;
  readonly isLegalHandover: boolean;
  readonly receivedBy: PaymentReceiver;
  /** Commission already earned on the case before this payment (for the minimum-fee top-up). */
  readonly commissionEarnedBeforeCents: number;
  /** Commissionable amount already recovered on the case before this payment (for recovered tiers). */
  readonly recoveredBeforeCents?: number;
}

/** A slice of the commissionable amount and the rate it was charged at (exact, before rounding). */
export interface CommissionSlice {
  readonly amountCents: number;
  readonly ratePct: number;
}

/**
 * The split of one payment. Always: commission + VAT + kept + (netToClient + receivedByClient) = gross.
 * `netToClientCents` is what the agency remits for this payment; negative when the client owes the agency
 * (the debtor paid the creditor directly, so the creditor holds the money and owes commission and VAT).
 */
export interface CommissionResult {
  readonly grossCents: number;
  readonly receivedBy: PaymentReceiver;
  /** The part of the payment commission is charged on. */
  readonly commissionableCents: number;
  /** Interest and costs the agency keeps entirely (0 when they are passed through). */
  readonly keptInterestAndCostsCents: number;
  readonly slices: readonly CommissionSlice[];
  /** Commission from the rates, rounded once. */
  readonly rateCommissionCents: number;
  /** Added so the case reaches the agreement's minimum fee. */
  readonly minimumFeeTopUpCents: number;
  readonly commissionCents: number;
  readonly vatCents: number;
  /** The gross when the creditor received the payment directly, else 0. */
  readonly receivedByClientCents: number;
  readonly netToClientCents: number;
}

function invalid(field: string, message: string): DomainError {
  return new DomainError("VALIDATION", message, { field });
}

function assertPct(n: number, field: string): void {
  if (!Number.isFinite(n) || n < 0 || n > 100) throw invalid(field, `${field} must be a percentage from 0 to 100, got ${n}`);
}

function assertWhole(n: number, field: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw invalid(field, `${field} must be a whole number ≥ 0, got ${n}`);
}

/** Throws a DomainError naming the field when a fee agreement is inconsistent. */
export function assertFeeAgreement(agreement: FeeAgreement): FeeAgreement {
  const tiers = agreement.ageTiers;
  if (!Array.isArray(tiers) || tiers.length === 0 || tiers[0]!.fromDays !== 0) {
    throw invalid("ageTiers", "ageTiers must start with a tier from 0 days");
  }
  tiers.forEach((t, i) => {
    assertWhole(t.fromDays, `ageTiers[${i}].fromDays`);
    assertPct(t.ratePct, `ageTiers[${i}].ratePct`);
    if (i > 0 && t.fromDays <= tiers[i - 1]!.fromDays) throw invalid(`ageTiers[${i}].fromDays`, "ageTiers must have strictly rising fromDays");
  });
  assertPct(agreement.legalHandoverRatePct, "legalHandoverRatePct");
  (agreement.recoveredTiers ?? []).forEach((t, i, all) => {
    assertWhole(t.fromCents, `recoveredTiers[${i}].fromCents`);
    if (t.fromCents === 0) throw invalid(`recoveredTiers[${i}].fromCents`, "a recovered tier starts above 0 (below it the age rate applies)");
    assertPct(t.ratePct, `recoveredTiers[${i}].ratePct`);
    if (i > 0 && t.fromCents <= all[i - 1]!.fromCents) throw invalid(`recoveredTiers[${i}].fromCents`, "recoveredTiers must have strictly rising fromCents");
  });
  if (agreement.minimumFeeCents !== undefined) assertWhole(agreement.minimumFeeCents, "minimumFeeCents");
  if (agreement.interestAndCosts !== "kept_by_agency" && agreement.interestAndCosts !== "passed_through") {
    throw invalid("interestAndCosts", "interestAndCosts must be kept_by_agency or passed_through");
  }
  assertPct(agreement.vatRatePct, "vatRatePct");
  return agreement;
}

/** The amicable rate for a claim of this age at placement. */
export function ageRatePct(agreement: FeeAgreement, claimAgeDays: number): number {
  let rate = agreement.ageTiers[0]!.ratePct;
  for (const tier of agreement.ageTiers) if (claimAgeDays >= tier.fromDays) rate = tier.ratePct;
  return rate;
}

/** Splits `[before, before + amount)` of the case's recovery into slices by rate. */
function slicesFor(agreement: FeeAgreement, payment: CommissionPayment, amount: number): CommissionSlice[] {
  if (amount === 0) return [];
  if (payment.isLegalHandover) return [{ amountCents: amount, ratePct: agreement.legalHandoverRatePct }];
  const bands = [{ fromCents: 0, ratePct: ageRatePct(agreement, payment.claimAgeDays) }, ...(agreement.recoveredTiers ?? [])];
  const start = payment.recoveredBeforeCents ?? 0;
  const end = start + amount;
  const slices: CommissionSlice[] = [];
  bands.forEach((band, i) => {
    const lo = Math.max(start, band.fromCents);
    const hi = Math.min(end, bands[i + 1]?.fromCents ?? Number.POSITIVE_INFINITY);
    if (hi > lo) slices.push({ amountCents: hi - lo, ratePct: band.ratePct });
  });
  return slices;
}

/** Σ amount × rate / 100 over the slices, exactly, rounded half-up once to the cent. */
function roundedCommission(slices: readonly CommissionSlice[]): number {
  if (slices.length === 0) return 0;
  const rationals = slices.map((s) => ({ amount: BigInt(s.amountCents), ...percentToRational(s.ratePct) }));
  const denominator = rationals.reduce((max, r) => (r.scale > max ? r.scale : max), 1n);
  // Scales are powers of ten, so each divides the largest one.
  const numerator = rationals.reduce((sum, r) => sum + r.amount * r.numerator * (denominator / r.scale), 0n);
  return Number(divRoundHalfUp(numerator, 100n * denominator));
}

/** The largest commission c with c + VAT(c) ≤ available (VAT rounded as it will be on the invoice). */
function largestCommissionWithin(available: number, vatRatePct: number): number {
  if (available <= 0) return 0;
  const { numerator, scale } = percentToRational(vatRatePct);
  let c = Number((BigInt(available) * 100n * scale) / (100n * scale + numerator));
  while (c > 0 && c + percentOf(c, vatRatePct) > available) c -= 1;
  while (c + 1 + percentOf(c + 1, vatRatePct) <= available) c += 1;
  return c;
}

function computePositive(agreement: FeeAgreement, payment: CommissionPayment, a: ComponentAmounts): CommissionResult {
  const grossCents = a.principalCents + a.interestCents + a.costsCents;
  const keep = agreement.interestAndCosts === "kept_by_agency";
  // Kept interest and costs are the agency's own (its recovery costs and the price of waiting), so
  // charging commission on them as well would be charging twice; passed through, they are recovered for
  // the client like principal and commissioned alike.
  const keptInterestAndCostsCents = keep ? a.interestCents + a.costsCents : 0;
  const commissionableCents = keep ? a.principalCents : grossCents;
  const slices = slicesFor(agreement, payment, commissionableCents);
  const rateCommissionCents = roundedCommission(slices);

  let minimumFeeTopUpCents = 0;
  const minimum = agreement.minimumFeeCents ?? 0;
  if (grossCents > 0 && minimum > payment.commissionEarnedBeforeCents + rateCommissionCents) {
    const wanted = minimum - payment.commissionEarnedBeforeCents - rateCommissionCents;
    // The top-up never takes more than this payment leaves for the client; the rest of the minimum is
    // topped up on later payments (the case's earned commission is passed in each time).
    const room = largestCommissionWithin(grossCents - keptInterestAndCostsCents, agreement.vatRatePct) - rateCommissionCents;
    minimumFeeTopUpCents = Math.max(0, Math.min(wanted, room));
  }
  const commissionCents = rateCommissionCents + minimumFeeTopUpCents;
  const vatCents = percentOf(commissionCents, agreement.vatRatePct);
  const agencyShare = commissionCents + vatCents + keptInterestAndCostsCents;
  const direct = payment.receivedBy === "creditor";
  return {
    grossCents,
    receivedBy: payment.receivedBy,
    commissionableCents,
    keptInterestAndCostsCents,
    slices,
    rateCommissionCents,
    minimumFeeTopUpCents,
    commissionCents,
    vatCents,
    receivedByClientCents: direct ? grossCents : 0,
    netToClientCents: direct ? -agencyShare : grossCents - agencyShare,
  };
}

/** The exact opposite of a commission result: what a reversal (chargeback, returned transfer) books. */
export function reverseCommission(result: CommissionResult): CommissionResult {
  const neg = (n: number) => (n === 0 ? 0 : -n);
  return {
    grossCents: neg(result.grossCents),
    receivedBy: result.receivedBy,
    commissionableCents: neg(result.commissionableCents),
    keptInterestAndCostsCents: neg(result.keptInterestAndCostsCents),
    slices: result.slices.map((s) => ({ amountCents: neg(s.amountCents), ratePct: s.ratePct })),
    rateCommissionCents: neg(result.rateCommissionCents),
    minimumFeeTopUpCents: neg(result.minimumFeeTopUpCents),
    commissionCents: neg(result.commissionCents),
    vatCents: neg(result.vatCents),
    receivedByClientCents: neg(result.receivedByClientCents),
    netToClientCents: neg(result.netToClientCents),
  };
}

/**
 * Commission, VAT, kept interest/costs and the client's net for one payment. A reversal (all amounts
 * ≤ 0, with the original payment's context) gives the exact negative of the original's result.
 */
export function commission(agreement: FeeAgreement, payment: CommissionPayment): CommissionResult {
  assertFeeAgreement(agreement);
  const a = payment.allocation;
  const amounts = [
    ["allocation.principalCents", a.principalCents],
    ["allocation.interestCents", a.interestCents],
    ["allocation.costsCents", a.costsCents],
  ] as const;
  for (const [field, n] of amounts) if (!Number.isSafeInteger(n)) throw invalid(field, `${field} must be a whole number of cents, got ${n}`);
  const negative = amounts.some(([, n]) => n < 0);
  if (negative && amounts.some(([, n]) => n > 0)) {
    throw invalid("allocation", "a payment's components are all positive, or all negative for a reversal");
  }
  assertWhole(payment.claimAgeDays, "claimAgeDays");
  assertWhole(payment.commissionEarnedBeforeCents, "commissionEarnedBeforeCents");
  if (payment.recoveredBeforeCents !== undefined) assertWhole(payment.recoveredBeforeCents, "recoveredBeforeCents");
  if (payment.receivedBy !== "agency" && payment.receivedBy !== "creditor") throw invalid("receivedBy", "receivedBy must be agency or creditor");
  if (typeof payment.isLegalHandover !== "boolean") throw invalid("isLegalHandover", "isLegalHandover must be true or false");

  if (!negative) return computePositive(agreement, payment, a);
  const original = computePositive(agreement, payment, {
    principalCents: -a.principalCents,
    interestCents: -a.interestCents,
    costsCents: -a.costsCents,
  });
  return reverseCommission(original);
}
