/** Words and small helpers of the case action forms (safe in the browser bundle). */
import type { ManualPaymentProvider } from "@recouvra/core";
import type { DisputeReason, InteractionOutcome, LedgerComponent } from "@recouvra/domain";

/** What an action answers when the use-case refused the form. */
export interface ActionFailure {
  fieldErrors: Record<string, string>;
  formError: string | null;
  values: Record<string, string>;
}

export const OUTCOME_LABELS: Partial<Record<InteractionOutcome, string>> = {
  right_party_contact: "Spoke with the debtor (right-party contact)",
  third_party: "Spoke with someone else",
  no_answer: "No answer",
  voicemail: "Left a voicemail",
  wrong_number: "Wrong number",
  refused: "Debtor refused to pay",
  promised: "Debtor promised to pay",
  disputed: "Debtor disputes the debt",
  callback_requested: "Callback requested",
};

export const DISPUTE_REASON_LABELS: Record<DisputeReason, string> = {
  not_mine: "Not my debt",
  already_paid: "Already paid",
  amount_wrong: "Amount is wrong",
  goods_or_service: "Problem with the goods or service",
  identity_theft: "Identity theft",
  other: "Other",
};

// Core's lists are server code (it pulls the database driver): the forms keep their own, typed against it.
export const PAYMENT_PROVIDER_CHOICES = ["bank_transfer", "direct_to_creditor", "manual"] as const satisfies readonly ManualPaymentProvider[];
export const DISPUTE_RESOLUTION_CHOICES = ["rejected", "upheld", "withdrawn"] as const;

export const PROVIDER_LABELS = {
  bank_transfer: "Bank transfer to the agency",
  direct_to_creditor: "Paid directly to the creditor",
  manual: "Other (cash, cheque…) recorded manually",
} as const;

export const ALLOCATION_LABELS: Record<LedgerComponent, string> = {
  principal: "Principal",
  interest: "Interest",
  costs: "Costs",
  fees: "Fees",
};

/** An amount in cents for people, e.g. "1 060,00 €". */
export function money(cents: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(cents / 100);
}

/** The error of one field, when the last submission had one. */
export function fieldError(failure: ActionFailure | undefined, name: string): string | null {
  return failure?.fieldErrors[name] ?? null;
}
