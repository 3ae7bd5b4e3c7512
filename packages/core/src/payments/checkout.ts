/**
 * A debtor paying from the portal: starting a checkout for the whole balance or a chosen part of it,
 * and reading it back (the demo checkout page, the "we are confirming your payment" page). Nothing
 * here records a payment: only the provider's signed webhook does (see record-provider-payment.ts).
 */
import { appendAuditEvent, auditEvents, payments } from "@recouvra/db";
import {
  checkoutPaymentMethods,
  DomainError,
  formatMoney,
  LOCALES,
  minimumPortalPaymentCents,
  nextInstalmentToPay,
  portalPaymentRefusal,
  type Locale,
  type NextInstalment,
  type PortalPaymentRefusal,
} from "@recouvra/domain";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { today, type Ctx } from "../context.ts";
import { parseInput } from "../cases/actions/shared.ts";
import { usableDebtorEmail } from "../messages/queue-debtor-email.ts";
import { automaticCollectionOf, type AutomaticCollection } from "./mandates.ts";
import type { DemoPaymentProvider, PaymentProvider, WebhookDelivery } from "./provider.ts";
import { isOpen, livePlanOf, requireDebtorCase } from "./shared.ts";

/** What the pay page offers: the next instalment of a running plan, the balance, the smallest part-payment, the methods. */
export interface PaymentOptions {
  caseId: string;
  reference: string;
  currency: string;
  balanceCents: number;
  minimumCents: number;
  /** False when nothing is left to pay (closed, or paid off and awaiting closure). */
  canPay: boolean;
  paymentMethods: string[];
  /** With a running plan: what is due on its earliest unsettled instalment (or the overdue total). */
  nextInstalment: NextInstalment | null;
  /** Whether the plan's instalments can be (or are) collected from a saved card or SEPA mandate. */
  automaticCollection: AutomaticCollection;
}

/** The pay page's facts for the debtor's case. */
export async function getPaymentOptions({ ctx, input }: { ctx: Ctx; input: { caseId: string } }): Promise<PaymentOptions> {
  const kase = await requireDebtorCase(ctx.db, ctx.actor, input.caseId);
  const live = await livePlanOf(ctx.db, kase.id);
  const canPay = isOpen(kase);
  const day = today(ctx.clock);
  return {
    caseId: kase.id,
    reference: kase.reference,
    currency: kase.currency,
    balanceCents: Math.max(0, kase.balanceCents),
    minimumCents: minimumPortalPaymentCents(kase.balanceCents),
    canPay,
    paymentMethods: checkoutPaymentMethods(kase.currency),
    nextInstalment: live && canPay ? nextInstalmentToPay(live.lines, { today: day, balanceCents: kase.balanceCents }) : null,
    automaticCollection: await automaticCollectionOf(ctx.db, kase, live, day),
  };
}

export const StartCheckoutInputSchema = z.object({
  caseId: z.string(),
  amountCents: z.number({ error: "amountCents is required" }).int("amountCents must be whole cents").positive("amountCents must be more than zero"),
  /** The checkout page's language: the portal's current one. */
  locale: z.enum(LOCALES).default("fr"),
  /** The portal's own origin, for the provider's return addresses. */
  portalUrl: z.string().url("portalUrl must be a URL"),
});
export type StartCheckoutInput = z.input<typeof StartCheckoutInputSchema>;

/** The refusal of an amount, carried as the VALIDATION error's cause so the portal can word it. */
export function amountRefusalOf(error: unknown): PortalPaymentRefusal | null {
  if (!(error instanceof DomainError) || error.field !== "amountCents") return null;
  const cause = error.cause as PortalPaymentRefusal | undefined;
  return cause && typeof cause === "object" && "reason" in cause ? cause : null;
}

const REFUSAL_WORDS: Record<PortalPaymentRefusal["reason"], (r: PortalPaymentRefusal, currency: string) => string> = {
  nothing_due: () => "Nothing is left to pay on this file.",
  not_whole_cents: () => "Enter the amount in euros and cents.",
  below_minimum: (r, c) => `The smallest amount that can be paid online is ${formatMoney((r as { minimumCents: number }).minimumCents, c)}.`,
  above_balance: (r, c) => `The amount is more than the balance of ${formatMoney((r as { balanceCents: number }).balanceCents, c)}.`,
};

/**
 * Opens a checkout for `amountCents` on the debtor's case (between the minimum and the balance) and
 * returns where to send the debtor. The audit event remembers the checkout, so the demo page and the
 * confirmation page can find it again.
 */
export async function startCheckout({ ctx, input, provider }: { ctx: Ctx; input: StartCheckoutInput; provider: PaymentProvider }): Promise<{ checkoutId: string; url: string }> {
  const data = parseInput(StartCheckoutInputSchema, input);
  const kase = await requireDebtorCase(ctx.db, ctx.actor, data.caseId);
  const refusal = kase.stage === "closed" ? ({ reason: "nothing_due" } as const) : portalPaymentRefusal(data.amountCents, kase.balanceCents);
  if (refusal) {
    throw new DomainError(refusal.reason === "nothing_due" ? "CONFLICT" : "VALIDATION", REFUSAL_WORDS[refusal.reason](refusal, kase.currency), { field: "amountCents", cause: refusal });
  }
  const paymentMethods = checkoutPaymentMethods(kase.currency);
  const usableEmail = (await usableDebtorEmail(ctx.db, kase))?.value ?? null;
  const base = data.portalUrl.replace(/\/+$/, "");
  const checkout = await provider.createCheckout({
    caseId: kase.id,
    reference: kase.reference,
    amountCents: data.amountCents,
    currency: kase.currency,
    paymentMethods,
    locale: data.locale,
    description: CHECKOUT_DESCRIPTION[data.locale].replace("{reference}", kase.reference),
    successUrl: `${base}/case/pay/done?session_id={CHECKOUT_SESSION_ID}`,
    cancelUrl: `${base}/case/pay`,
    customerEmail: usableEmail,
  });
  await ctx.db.transaction(async (tx) => {
    await appendAuditEvent(tx, {
      occurredAt: ctx.clock.now(),
      actorKind: "debtor",
      actorId: kase.debtorId,
      action: "payment.checkout_started",
      entityType: "checkout",
      entityId: checkout.id,
      caseId: kase.id,
      clientId: kase.clientId,
      data: { provider: provider.name, amountCents: data.amountCents, currency: kase.currency, isFullBalance: data.amountCents === kase.balanceCents, paymentMethods },
    });
  });
  return { checkoutId: checkout.id, url: checkout.url };
}

/** The line on the checkout page, in the debtor's language. */
const CHECKOUT_DESCRIPTION: Record<Locale, string> = {
  fr: "Paiement — dossier {reference}",
  nl: "Betaling — dossier {reference}",
  en: "Payment — file {reference}",
};

/** A checkout of the debtor's case, and what became of it. */
export interface CheckoutView {
  checkoutId: string;
  provider: "stripe" | "demo";
  caseId: string;
  reference: string;
  amountCents: number;
  currency: string;
  /** `confirming` until the provider's webhook has recorded the payment (or said a direct debit failed). */
  status: "confirming" | "paid" | "failed";
  paidCents: number | null;
  balanceCents: number;
  isCaseClosed: boolean;
}

export const GetCheckoutInputSchema = z.object({ caseId: z.string(), checkoutId: z.string().trim().max(200) });

/** The checkout `checkoutId` started on the debtor's case; NOT_FOUND for any other. */
export async function getCheckout({ ctx, input }: { ctx: Ctx; input: z.input<typeof GetCheckoutInputSchema> }): Promise<CheckoutView> {
  const data = parseInput(GetCheckoutInputSchema, input);
  const kase = await requireDebtorCase(ctx.db, ctx.actor, data.caseId);
  const [started] = await ctx.db
    .select({ data: auditEvents.data })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, "checkout"), eq(auditEvents.entityId, data.checkoutId), eq(auditEvents.caseId, kase.id), eq(auditEvents.action, "payment.checkout_started")))
    .limit(1);
  if (!started) throw new DomainError("NOT_FOUND", "This payment does not exist or is not yours to see.");
  const facts = started.data as { provider: "stripe" | "demo"; amountCents: number; currency: string };
  const [failed] = await ctx.db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, "checkout"), eq(auditEvents.entityId, data.checkoutId), eq(auditEvents.caseId, kase.id), eq(auditEvents.action, "payment.checkout_failed")))
    .limit(1);
  const [paid] = await ctx.db
    .select({ amountCents: payments.amountCents })
    .from(payments)
    .where(and(eq(payments.provider, facts.provider), eq(payments.externalId, data.checkoutId), eq(payments.caseId, kase.id)));
  return {
    checkoutId: data.checkoutId,
    provider: facts.provider,
    caseId: kase.id,
    reference: kase.reference,
    amountCents: facts.amountCents,
    currency: facts.currency,
    status: paid ? "paid" : failed ? "failed" : "confirming",
    paidCents: paid?.amountCents ?? null,
    balanceCents: kase.balanceCents,
    isCaseClosed: kase.stage === "closed",
  };
}

/**
 * The demo checkout's "Pay": the signed delivery Stripe would send for this session, to hand to the
 * webhook code path. Only a demo checkout of the debtor's own case can be paid this way.
 */
export async function completeDemoCheckout({ ctx, input, provider }: { ctx: Ctx; input: z.input<typeof GetCheckoutInputSchema>; provider: DemoPaymentProvider }): Promise<WebhookDelivery> {
  const checkout = await getCheckout({ ctx, input });
  if (checkout.provider !== "demo") throw new DomainError("NOT_FOUND", "This payment does not exist or is not yours to see.");
  return provider.completionDelivery({ id: checkout.checkoutId, caseId: checkout.caseId, reference: checkout.reference, amountCents: checkout.amountCents, currency: checkout.currency });
}
