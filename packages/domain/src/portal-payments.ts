/**
 * Paying online from the debtor portal: which amounts a debtor may pay in one go, and which payment
 * methods the checkout offers for a currency.
 */

/**
 * The smallest part-payment the portal accepts: below it card fees eat a large share of the money and
 * a debtor paying €0.50 at a time would keep the file open for years. A balance smaller than this is
 * paid in one go.
 */
export const MIN_PORTAL_PAYMENT_CENTS = 500;

/** Why a chosen amount cannot be paid online. */
export type PortalPaymentRefusal =
  | { reason: "nothing_due" }
  | { reason: "not_whole_cents" }
  | { reason: "below_minimum"; minimumCents: number }
  | { reason: "above_balance"; balanceCents: number };

/** The smallest amount the debtor may pay now: the minimum, or the whole balance when it is smaller. */
export function minimumPortalPaymentCents(balanceCents: number): number {
  return Math.max(0, Math.min(balanceCents, MIN_PORTAL_PAYMENT_CENTS));
}

/**
 * Whether `amountCents` may be paid online against a balance of `balanceCents`: between the minimum
 * and the balance (paying more than is owed would only create a refund to make), or null when it may.
 */
export function portalPaymentRefusal(amountCents: number, balanceCents: number): PortalPaymentRefusal | null {
  if (balanceCents <= 0) return { reason: "nothing_due" };
  if (!Number.isSafeInteger(amountCents)) return { reason: "not_whole_cents" };
  const minimumCents = minimumPortalPaymentCents(balanceCents);
  if (amountCents < minimumCents) return { reason: "below_minimum", minimumCents };
  if (amountCents > balanceCents) return { reason: "above_balance", balanceCents };
  return null;
}

/** Payment methods of a Stripe Checkout Session, as Stripe names them. */
export type CheckoutPaymentMethod = "card" | "sepa_debit" | "bancontact" | "ideal";

/**
 * The methods the checkout offers for `currency`: card always; SEPA Direct Debit, Bancontact and
 * iDEAL only settle in euros (Stripe refuses them on a session in any other currency).
 */
export function checkoutPaymentMethods(currency: string): CheckoutPaymentMethod[] {
  return currency.toUpperCase() === "EUR" ? ["card", "sepa_debit", "bancontact", "ideal"] : ["card"];
}
