/**
 * The case ledger: append-only signed entries per component. A positive amount increases what the
 * debtor owes (placed, accrued, charged), a negative one decreases it (payment, write_off); an
 * adjustment may go either way. Nothing is updated in place: a correction is a reversal plus a new entry.
 */
import type { Allocation, ComponentAmounts } from "./allocation.ts";
import { assertIsoDate, type IsoDate } from "./dates.ts";
import { DomainError } from "./errors.ts";
import { LEDGER_COMPONENTS, LEDGER_KINDS, type LedgerComponent, type LedgerKind } from "./vocabulary.ts";

/** One ledger line as the domain sees it (the database row adds ids, case id and timestamps). */
export interface LedgerEntry {
  readonly component: LedgerComponent;
  readonly kind: LedgerKind;
  /** Signed integer cents: positive owed by the debtor, negative paid or cancelled. */
  readonly amountCents: number;
  readonly effectiveOn: IsoDate;
  /** The payment id, invoice number or entry being reversed, for the audit trail. */
  readonly reference?: string;
}

/** Balance per ledger component, and their total. */
export interface LedgerBalances {
  readonly principalCents: number;
  readonly interestCents: number;
  readonly costsCents: number;
  readonly feesCents: number;
  readonly totalCents: number;
}

// The sign each kind may carry: a payment that increases the debt is a bug, not an entry.
const SIGN_RULES: Record<LedgerKind, "positive" | "negative" | "any"> = {
  placed: "positive",
  accrued: "positive",
  charged: "positive",
  payment: "negative",
  write_off: "negative",
  adjustment: "any",
  reversal: "any",
};

/** Throws a DomainError naming the entry's field when it is not a well-formed ledger entry. */
export function assertLedgerEntry(entry: LedgerEntry, field = "entry"): LedgerEntry {
  if (!(LEDGER_COMPONENTS as readonly string[]).includes(entry.component)) {
    throw new DomainError("VALIDATION", `${field}.component must be one of ${LEDGER_COMPONENTS.join(", ")}`, { field: `${field}.component` });
  }
  if (!(LEDGER_KINDS as readonly string[]).includes(entry.kind)) {
    throw new DomainError("VALIDATION", `${field}.kind must be one of ${LEDGER_KINDS.join(", ")}`, { field: `${field}.kind` });
  }
  if (!Number.isSafeInteger(entry.amountCents) || entry.amountCents === 0) {
    throw new DomainError("VALIDATION", `${field}.amountCents must be a non-zero whole number of cents, got ${entry.amountCents}`, {
      field: `${field}.amountCents`,
    });
  }
  const rule = SIGN_RULES[entry.kind];
  if ((rule === "positive" && entry.amountCents < 0) || (rule === "negative" && entry.amountCents > 0)) {
    throw new DomainError("VALIDATION", `${field}.amountCents of a ${entry.kind} entry must be ${rule}, got ${entry.amountCents}`, {
      field: `${field}.amountCents`,
    });
  }
  try {
    assertIsoDate(entry.effectiveOn, `${field}.effectiveOn`);
  } catch (cause) {
    throw new DomainError("VALIDATION", `${field}.effectiveOn must be a calendar date YYYY-MM-DD`, { field: `${field}.effectiveOn`, cause });
  }
  return entry;
}

/** Balances per component and in total: the sum of the entries, nothing else. */
export function balancesOf(entries: readonly LedgerEntry[]): LedgerBalances {
  const sums: Record<LedgerComponent, number> = { principal: 0, interest: 0, costs: 0, fees: 0 };
  entries.forEach((entry, i) => {
    assertLedgerEntry(entry, `entries[${i}]`);
    sums[entry.component] += entry.amountCents;
  });
  const totalCents = sums.principal + sums.interest + sums.costs + sums.fees;
  if (!Number.isSafeInteger(totalCents)) throw new DomainError("VALIDATION", "ledger total exceeds the safe integer range", { field: "entries" });
  return { principalCents: sums.principal, interestCents: sums.interest, costsCents: sums.costs, feesCents: sums.fees, totalCents };
}

/**
 * The balances a payment is allocated against. `fees` (reminder and file fees charged to the debtor)
 * are costs in the sense of art. 6:44 BW / art. 1254 old BE Civil Code, so they rank with the costs.
 * Negative components (an over-credited component) count as zero: nothing is owed on them.
 */
export function allocationBalancesOf(balances: LedgerBalances): ComponentAmounts {
  return {
    costsCents: Math.max(0, balances.costsCents) + Math.max(0, balances.feesCents),
    interestCents: Math.max(0, balances.interestCents),
    principalCents: Math.max(0, balances.principalCents),
  };
}

/** Where and when a payment is booked. */
export interface PaymentEntryOptions {
  readonly effectiveOn: IsoDate;
  /** The payment's id, copied onto every entry so a reversal can find them. */
  readonly reference?: string;
  /**
   * The ledger balances the allocation was made against. When given, the costs part is booked on
   * `costs` first and the rest on `fees`; without it, it all goes to `costs`.
   */
  readonly balances?: LedgerBalances;
}

/** The negative `payment` entries (one per paid component) that book an allocation. The surplus is not booked. */
export function paymentEntries(allocation: Pick<Allocation, "applied">, options: PaymentEntryOptions): LedgerEntry[] {
  const { applied } = allocation;
  for (const key of ["costsCents", "interestCents", "principalCents"] as const) {
    if (!Number.isSafeInteger(applied[key]) || applied[key] < 0) {
      throw new DomainError("VALIDATION", `allocation.applied.${key} must be a whole, non-negative number of cents`, { field: `applied.${key}` });
    }
  }
  const costsOwed = options.balances ? Math.max(0, options.balances.costsCents) : applied.costsCents;
  const toCosts = Math.min(applied.costsCents, costsOwed);
  const parts: [LedgerComponent, number][] = [
    ["costs", toCosts],
    ["fees", applied.costsCents - toCosts],
    ["interest", applied.interestCents],
    ["principal", applied.principalCents],
  ];
  const base = { kind: "payment" as const, effectiveOn: options.effectiveOn, ...(options.reference === undefined ? {} : { reference: options.reference }) };
  const entries = parts.filter(([, cents]) => cents > 0).map(([component, cents]) => ({ ...base, component, amountCents: -cents }));
  entries.forEach((e, i) => assertLedgerEntry(e, `entries[${i}]`));
  return entries;
}

/** Where and when a reversal is booked. */
export interface ReversalOptions {
  readonly effectiveOn: IsoDate;
  /** What is reversed (a payment id, a chargeback id); defaults to each entry's own reference. */
  readonly reference?: string;
}

/**
 * Entries that cancel `entries` exactly (same components, opposite amounts, kind `reversal`), booked
 * on the reversal's own date: the ledger is append-only, so history keeps both.
 */
export function reversalOf(entries: readonly LedgerEntry[], options: ReversalOptions): LedgerEntry[] {
  return entries.map((entry, i) => {
    assertLedgerEntry(entry, `entries[${i}]`);
    const reference = options.reference ?? entry.reference;
    const reversal: LedgerEntry = {
      component: entry.component,
      kind: "reversal",
      amountCents: -entry.amountCents,
      effectiveOn: options.effectiveOn,
      ...(reference === undefined ? {} : { reference }),
    };
    return assertLedgerEntry(reversal, `reversal[${i}]`);
  });
}
