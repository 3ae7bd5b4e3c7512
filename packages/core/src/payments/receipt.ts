/**
 * The receipt for a payment taken through the portal, queued in the outbox inside the transaction that
 * records the payment. A receipt acknowledges money received, not a demand: it goes out even when the
 * payment closed the case (where collection messages stop), but only to an email address the debtor
 * can still be written to.
 */
import type { Case, Tx } from "@recouvra/db";
import { debtorFormatLocale, formatMoney, isDomainError, renderTemplate, type Jurisdiction, type Locale } from "@recouvra/domain";
import type { Ctx } from "../context.ts";
import { auditFor } from "../cases/actions/shared.ts";
import { DEFAULT_PORTAL_URL, loadMessageContext, templateValues } from "../messages/compose.ts";
import { firstUsableEmail, queueDebtorEmail } from "../messages/queue-debtor-email.ts";
import { findApplicableTemplate } from "../messages/templates.ts";

export const RECEIPT_TEMPLATE = "payment_receipt";

/** Why no receipt was queued (recorded on the audit trail: a receipt is never dropped silently). */
export type ReceiptSkipReason = "no_email" | "template_missing" | "value_missing";

/** Queues the receipt of `paymentId` (its outbox key, `receipt:<paymentId>`, is unique: one receipt per payment). */
export async function queuePaymentReceipt(
  tx: Tx,
  ctx: Ctx,
  kase: Case,
  payment: { paymentId: string; amountCents: number; portalUrl?: string },
): Promise<{ messageId: string } | { skipped: ReceiptSkipReason }> {
  const now = ctx.clock.now();
  const audit = auditFor(tx, ctx, kase, now);
  const skip = async (reason: ReceiptSkipReason) => {
    await audit.event("payment.receipt_not_sent", "payment", payment.paymentId, { reason });
    return { skipped: reason };
  };
  const context = await loadMessageContext(tx, ctx.actor, kase);
  const point = firstUsableEmail(context.contactPoints);
  if (!point) return skip("no_email");
  const locale = context.debtor.locale as Locale;
  const template = await findApplicableTemplate(tx, { clientId: kase.clientId, key: RECEIPT_TEMPLATE, channel: "email", locale });
  if (!template) return skip("template_missing");

  const localeTag = debtorFormatLocale(locale, kase.jurisdiction as Jurisdiction);
  // {amount} on a receipt is what was paid, not the balance the collection letters print.
  const values = { ...templateValues(context, { localeTag, deadline: null, portalUrl: payment.portalUrl ?? DEFAULT_PORTAL_URL }), amount: formatMoney(payment.amountCents, kase.currency, localeTag) };
  let subject: string | null;
  let body: string;
  try {
    subject = template.subject ? renderTemplate(template.subject, values) : null;
    body = renderTemplate(template.body, values);
  } catch (error) {
    if (isDomainError(error)) return skip("value_missing");
    throw error;
  }
  const messageId = await queueDebtorEmail(tx, {
    kase,
    audit,
    now,
    point,
    template: template.key,
    locale,
    subject,
    body,
    data: { templateId: template.id, isClientWording: template.isClientWording, paymentId: payment.paymentId, amountCents: payment.amountCents, values },
    idempotencyKey: `receipt:${payment.paymentId}`,
    auditData: { isClientWording: template.isClientWording, deadline: null, paymentId: payment.paymentId },
  });
  return { messageId };
}
