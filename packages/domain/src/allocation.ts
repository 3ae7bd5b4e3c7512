/**
 * Allocation (imputation / toerekening) of a payment on one claim across its components, in the
 * order the governing law prescribes. Which claim a payment goes to (several invoices) is decided
 * before this, by the use-case: here it is one debt with its costs, interest and principal.
 */
import { DomainError } from "./errors.ts";
import type { Jurisdiction } from "./vocabulary.ts";

/** The three components a payment is allocated across, in integer cents. */
export interface ComponentAmounts {
  readonly costsCents: number;
  readonly interestCents: number;
  readonly principalCents: number;
}

/** Field names of `ComponentAmounts`, so callers can iterate without repeating them. */
export type AllocationComponent = keyof ComponentAmounts;

/** Result of allocating one payment. */
export interface Allocation {
  /** What the payment paid off, per component. */
  readonly applied: ComponentAmounts;
  /** What is still owed after the payment, per component. */
  readonly remaining: ComponentAmounts;
  /** Paid beyond the whole balance: to be refunded or applied to another claim by the use-case. */
  readonly surplusCents: number;
}

/**
 * Which legal basis decides the order in Belgium. `general` is the Civil Code rule; `consumer_credit`
 * is the Code of Economic Law's derogation for a consumer credit after termination or acceleration.
 */
export type BelgianAllocationBasis = "general" | "consumer_credit";

/** Input of `allocatePayment`. */
export interface AllocatePaymentInput {
  readonly order: Jurisdiction;
  readonly balances: ComponentAmounts;
  readonly paymentCents: number;
  /** Only for `order: 'BE'`; defaults to `general`. */
  readonly beBasis?: BelgianAllocationBasis;
}

// NL — art. 6:44 lid 1 BW: a payment goes first to the costs, then to the interest due, and only then
// to the principal (and running interest). The creditor may refuse a payment whose debtor names another
// order (lid 2), so the statutory order is the one to book.
const NL_ORDER = ["costsCents", "interestCents", "principalCents"] as const;

// FR — art. 1343-1 al. 1 Code civil (formerly art. 1254): a partial payment of a debt bearing interest
// goes first to the interest. The text is silent on costs; the Cour de cassation treats recovery costs as
// accessories of the debt that, like interest, the debtor cannot make a payment skip in favour of the
// capital (Cass. 1re civ., 7 févr. 1995, n° 92-14.216). So costs sit with the accessories, before the
// principal, and after the interest that the article names first.
const FR_ORDER = ["interestCents", "costsCents", "principalCents"] as const;

// BE — old Civil Code art. 1254: a partial payment on capital and interest goes first to the interest.
// Belgian practice (e.g. droitsquotidiens.be, "Qu'est-ce qui est remboursé en priorité ?") books costs and
// penalties first, then interest, then the principal, unless agreed otherwise. Book XIX of the Code of
// Economic Law (consumer debts, in force 1 Sept. 2023) caps costs and interest; we found no general
// derogation from this order in it (to confirm with counsel, like the numbering of the equivalent rule in
// Book 5 of the new Civil Code). The derogation that does exist is for consumer credit after termination
// or acceleration (art. VII.106 CDE, formerly art. 27bis of the 1991 consumer credit law): payments go
// first to the outstanding balance and the cost of credit, and only then to late-payment interest and
// penalties. Hence `beBasis` rather than the debtor type: a consumer's ordinary invoice keeps the order.
const BE_GENERAL_ORDER = ["costsCents", "interestCents", "principalCents"] as const;
const BE_CONSUMER_CREDIT_ORDER = ["principalCents", "interestCents", "costsCents"] as const;

/** The order, first to last, in which a payment pays off components under a jurisdiction's rule. */
export function allocationOrder(order: Jurisdiction, beBasis: BelgianAllocationBasis = "general"): readonly AllocationComponent[] {
  switch (order) {
    case "NL":
      return NL_ORDER;
    case "FR":
      return FR_ORDER;
    case "BE":
      return beBasis === "consumer_credit" ? BE_CONSUMER_CREDIT_ORDER : BE_GENERAL_ORDER;
    default:
      throw new DomainError("VALIDATION", `order must be one of NL, FR, BE, got "${String(order)}"`, { field: "order" });
  }
}

function requireCents(n: number, field: string): number {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new DomainError("VALIDATION", `${field} must be a whole, non-negative number of cents, got ${n}`, { field });
  }
  return n;
}

/** Allocates a payment across costs, interest and principal in the jurisdiction's statutory order. */
export function allocatePayment(input: AllocatePaymentInput): Allocation {
  const { balances } = input;
  if (input.beBasis !== undefined && input.order !== "BE") {
    throw new DomainError("VALIDATION", "beBasis applies to Belgian allocation only", { field: "beBasis" });
  }
  if (input.beBasis !== undefined && input.beBasis !== "general" && input.beBasis !== "consumer_credit") {
    throw new DomainError("VALIDATION", `beBasis must be general or consumer_credit, got "${String(input.beBasis)}"`, { field: "beBasis" });
  }
  let left = requireCents(input.paymentCents, "paymentCents");
  const owed: Record<AllocationComponent, number> = {
    costsCents: requireCents(balances.costsCents, "balances.costsCents"),
    interestCents: requireCents(balances.interestCents, "balances.interestCents"),
    principalCents: requireCents(balances.principalCents, "balances.principalCents"),
  };
  const applied: Record<AllocationComponent, number> = { costsCents: 0, interestCents: 0, principalCents: 0 };
  for (const component of allocationOrder(input.order, input.beBasis)) {
    const take = Math.min(left, owed[component]);
    applied[component] = take;
    left -= take;
  }
  return {
    applied,
    remaining: {
      costsCents: owed.costsCents - applied.costsCents,
      interestCents: owed.interestCents - applied.interestCents,
      principalCents: owed.principalCents - applied.principalCents,
    },
    surplusCents: left,
  };
}
