/**
 * Paying a payment plan's instalments: which amount the portal offers as "the next instalment", when
 * an instalment may be charged automatically to a saved card or SEPA mandate, and the label the debtor
 * and the agent read for a saved method.
 */
import type { IsoDate } from "./dates.ts";
import { minimumPortalPaymentCents } from "./portal-payments.ts";
import type { InstalmentStatus, MandateMethod } from "./vocabulary.ts";

/** An instalment as these rules read it. */
export interface InstalmentLine {
  seq: number;
  dueOn: IsoDate;
  amountCents: number;
  paidCents: number;
  status: InstalmentStatus | string;
}

/** What is still owed on an instalment (nothing on a paid or waived one). */
export function instalmentOpenCents(line: Pick<InstalmentLine, "amountCents" | "paidCents" | "status">): number {
  if (line.status === "paid" || line.status === "waived") return 0;
  return Math.max(0, line.amountCents - line.paidCents);
}

/** The "pay the next instalment" offer of the pay page. */
export interface NextInstalment {
  amountCents: number;
  /** The due date of the earliest instalment the amount pays. */
  dueOn: IsoDate;
  /** True when that date is already past. */
  isOverdue: boolean;
  /** How many instalments are past due (0 when the next one is not yet due). */
  overdueCount: number;
  /** The instalments (by number) the amount settles, in order. */
  seqs: number[];
}

/**
 * The amount to offer as "the next instalment": what is still due on the earliest unsettled
 * instalment — or, when two or more are already overdue, the overdue total, so one payment catches
 * up. Capped at the balance. Null when nothing is left on the plan, nothing is owed, or the amount is
 * below the smallest online payment (a few euros left on an instalment are paid with "another amount").
 */
export function nextInstalmentToPay(lines: readonly InstalmentLine[], facts: { today: IsoDate; balanceCents: number }): NextInstalment | null {
  if (facts.balanceCents <= 0) return null;
  const open = [...lines].filter((l) => instalmentOpenCents(l) > 0).sort((a, b) => a.seq - b.seq);
  if (open.length === 0) return null;
  const overdue = open.filter((l) => l.dueOn < facts.today);
  const paying = overdue.length >= 2 ? overdue : [open[0]!];
  const wanted = paying.reduce((sum, l) => sum + instalmentOpenCents(l), 0);
  const amountCents = Math.min(wanted, facts.balanceCents);
  if (amountCents < minimumPortalPaymentCents(facts.balanceCents)) return null;
  const first = paying[0]!;
  return { amountCents, dueOn: first.dueOn, isOverdue: first.dueOn < facts.today, overdueCount: overdue.length, seqs: paying.map((l) => l.seq) };
}

/** Days between two charge attempts of one instalment after the provider refused one. */
export const COLLECTION_RETRY_DAYS = 3;
/** Charge attempts per instalment at most; after that the instalment is left to the usual follow-up. */
export const MAX_COLLECTION_ATTEMPTS = 3;
/** The smallest charge card networks and SEPA accept (€0.50). */
export const MIN_COLLECTION_CENTS = 50;

/** An instalment's collection facts. */
export interface CollectionState extends InstalmentLine {
  collectionRequestedAt: Date | null;
  collectionError: string | null;
  /** Charges asked of the provider so far for this instalment. */
  attempts: number;
}

/** Why an instalment is not charged now. */
export type CollectionSkipReason = "not_due" | "settled" | "nothing_owed" | "too_small" | "awaiting_outcome" | "retry_later" | "attempts_exhausted";

export type CollectionDecision = { action: "charge"; amountCents: number; attempt: number } | { action: "skip"; reason: CollectionSkipReason };

/**
 * Whether to charge an instalment to the saved method now. Due today or overdue, something still
 * owed, and either never asked or refused at least `COLLECTION_RETRY_DAYS` ago, at most
 * `MAX_COLLECTION_ATTEMPTS` times. A charge asked and not refused is never asked again: a SEPA debit
 * stays "processing" for days before it succeeds, and asking again would debit the debtor twice.
 */
export function collectionDecision(line: CollectionState, facts: { today: IsoDate; now: Date; balanceCents: number }): CollectionDecision {
  const open = instalmentOpenCents(line);
  if (open === 0 || line.status === "paid" || line.status === "waived") return { action: "skip", reason: "settled" };
  if (line.dueOn > facts.today) return { action: "skip", reason: "not_due" };
  if (facts.balanceCents <= 0) return { action: "skip", reason: "nothing_owed" };
  const amountCents = Math.min(open, facts.balanceCents);
  if (amountCents < MIN_COLLECTION_CENTS) return { action: "skip", reason: "too_small" };
  if (line.attempts >= MAX_COLLECTION_ATTEMPTS) return { action: "skip", reason: "attempts_exhausted" };
  if (line.collectionRequestedAt) {
    if (line.collectionError === null) return { action: "skip", reason: "awaiting_outcome" };
    const waitedMs = facts.now.getTime() - line.collectionRequestedAt.getTime();
    if (waitedMs < COLLECTION_RETRY_DAYS * 24 * 60 * 60 * 1000) return { action: "skip", reason: "retry_later" };
  }
  return { action: "charge", amountCents, attempt: line.attempts + 1 };
}

/** The saved methods a plan in `currency` can be collected from: SEPA Direct Debit only settles in euros. */
export function mandateMethodsFor(currency: string): MandateMethod[] {
  return currency.toUpperCase() === "EUR" ? ["card", "sepa_debit"] : ["card"];
}

const CARD_BRANDS: Record<string, string> = {
  visa: "Visa",
  mastercard: "Mastercard",
  amex: "American Express",
  cartes_bancaires: "Cartes Bancaires",
  diners: "Diners Club",
  discover: "Discover",
  jcb: "JCB",
  unionpay: "UnionPay",
  maestro: "Maestro",
};

/** What a saved method is shown as, e.g. "Visa •••• 4242" or "SEPA DE •••• 3000": never the full number. */
export function mandateLabel(method: { method: "card"; brand: string | null; last4: string | null } | { method: "sepa_debit"; country: string | null; last4: string | null }): string {
  const tail = method.last4 ? ` •••• ${method.last4}` : "";
  if (method.method === "card") {
    const brand = method.brand ? (CARD_BRANDS[method.brand.toLowerCase()] ?? method.brand.charAt(0).toUpperCase() + method.brand.slice(1)) : "Card";
    return `${brand}${tail}`;
  }
  return `SEPA${method.country ? ` ${method.country.toUpperCase()}` : ""}${tail}`;
}
