/**
 * The worker's daily collection run: instalments due today or overdue, on a running plan with an
 * active saved method of this provider, are charged off-session. The claim (FOR UPDATE SKIP LOCKED)
 * and `collectionRequestedAt` are written in one transaction, so two workers never ask for the same
 * charge; the provider is called after that commit, with the idempotency key
 * `instalment:<id>:<attempt>`, so a repeated request is the same charge. Nothing here books money:
 * the payment is recorded only from the signed `payment_intent.succeeded` event.
 */
import { arrangements, auditEvents, cases, debtors, instalments, paymentMandates, type Case, type Instalment, type PaymentMandate } from "@recouvra/db";
import { collectionDecision, COLLECTION_RETRY_DAYS, DomainError, LOCALES, type Locale, type MandateMethod } from "@recouvra/domain";
import { and, asc, count, eq, gt, inArray, isNotNull, isNull, lte, ne, notInArray, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context.ts";
import { auditFor, clockOf, lockWorkableCase, parseInput } from "../cases/actions/shared.ts";
import type { OffSessionChargeOutcome, PaymentProvider } from "./provider.ts";
import { recordCollectionRefusal } from "./record-instalment-charge.ts";
import { receiveProviderWebhook } from "./record-provider-payment.ts";
import { LIVE_PLAN_STATUSES } from "./shared.ts";

export const CollectDueInstalmentsInputSchema = z.object({
  /** Instalments claimed per round; a run goes round until nothing more is due. */
  limit: z.number().int().min(1).max(500).default(50),
  /** The portal's origin, for the link in the receipts. */
  portalUrl: z.string().url().optional(),
});

/** What one run did. */
export interface CollectDueInstalmentsResult {
  /** Charges asked of the provider. */
  requested: number;
  /** Accepted by the provider (succeeded, or processing for a SEPA debit). */
  submitted: number;
  /** Refused by the provider, or the provider could not be reached. */
  refused: number;
  /** Due instalments left alone this time (attempts used up, too small…). */
  skipped: number;
}

interface Claimed {
  line: Instalment;
  kase: Case;
  mandate: PaymentMandate;
  locale: Locale;
  attempt: number;
  amountCents: number;
  idempotencyKey: string;
}

const DESCRIPTION: Record<Locale, string> = {
  fr: "Échéance {seq} — dossier {reference}",
  nl: "Afbetaling {seq} — dossier {reference}",
  en: "Instalment {seq} — file {reference}",
};

const MAX_ROUNDS = 40;

/** Charges the due instalments that have an active saved method (system actor: the worker). */
export async function collectDueInstalments({
  ctx,
  input = {},
  provider,
}: {
  ctx: Ctx;
  input?: z.input<typeof CollectDueInstalmentsInputSchema>;
  provider: PaymentProvider;
}): Promise<CollectDueInstalmentsResult> {
  if (ctx.actor.kind !== "system") throw new DomainError("FORBIDDEN", "Only the platform collects instalments automatically.");
  const data = parseInput(CollectDueInstalmentsInputSchema, input);
  const result: CollectDueInstalmentsResult = { requested: 0, submitted: 0, refused: 0, skipped: 0 };
  const seen: string[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const { claimed, looked } = await claimDue(ctx, provider.name, data.limit, seen);
    result.skipped += looked - claimed.length;
    for (const c of claimed) {
      result.requested += 1;
      const outcome = await charge(provider, c);
      if (outcome.status === "submitted") {
        result.submitted += 1;
        await ctx.db.transaction(async (tx) => {
          await auditFor(tx, ctx, c.kase, ctx.clock.now()).event("instalment.collection_submitted", "instalment", c.line.id, {
            attempt: c.attempt,
            paymentIntentId: outcome.paymentIntentId,
            providerStatus: outcome.providerStatus,
          });
        });
        // The demo provider plays Stripe: its signed event goes through the webhook's own code path.
        if (outcome.delivery) await receiveProviderWebhook({ ctx, input: { ...outcome.delivery, ...(data.portalUrl ? { portalUrl: data.portalUrl } : {}) }, provider });
      } else {
        result.refused += 1;
        await ctx.db.transaction(async (tx) => {
          const kase = await lockWorkableCase(tx, ctx, c.kase.id);
          await recordCollectionRefusal(tx, ctx, kase, { instalmentId: c.line.id, paymentIntentId: outcome.paymentIntentId, code: outcome.code, message: outcome.message, attempt: c.attempt });
        });
      }
    }
    if (looked < data.limit) break;
  }
  return result;
}

/** Asks the provider; an unreachable provider is a refusal like any other (tried again after the interval). */
async function charge(provider: PaymentProvider, c: Claimed): Promise<OffSessionChargeOutcome> {
  try {
    return await provider.chargeOffSession({
      caseId: c.kase.id,
      arrangementId: c.line.arrangementId,
      instalmentId: c.line.id,
      amountCents: c.amountCents,
      currency: c.kase.currency,
      customerId: c.mandate.providerCustomerId,
      paymentMethodId: c.mandate.providerPaymentMethodId,
      method: c.mandate.method as MandateMethod,
      description: DESCRIPTION[c.locale].replace("{seq}", String(c.line.seq)).replace("{reference}", c.kase.reference),
      idempotencyKey: c.idempotencyKey,
    });
  } catch (error) {
    return { status: "refused", paymentIntentId: null, code: "provider_unavailable", message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * One round's claim: due instalments no other worker holds, decided by the domain, and marked as
 * requested in the same transaction. Returns how many rows were looked at, to know when to stop.
 */
async function claimDue(ctx: Ctx, providerName: string, limit: number, seen: string[]): Promise<{ claimed: Claimed[]; looked: number }> {
  const { now, day } = clockOf(ctx);
  const retryBefore = new Date(now.getTime() - COLLECTION_RETRY_DAYS * 24 * 60 * 60 * 1000);
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .select({ line: instalments, kase: cases, mandate: paymentMandates, locale: debtors.locale })
      .from(instalments)
      .innerJoin(arrangements, eq(arrangements.id, instalments.arrangementId))
      .innerJoin(paymentMandates, and(eq(paymentMandates.arrangementId, arrangements.id), eq(paymentMandates.status, "active"), eq(paymentMandates.provider, providerName)))
      .innerJoin(cases, eq(cases.id, arrangements.caseId))
      .innerJoin(debtors, eq(debtors.id, cases.debtorId))
      .where(
        and(
          // instalments_due_idx: unsettled instalments by due date.
          inArray(instalments.status, ["scheduled", "partially_paid"]),
          lte(instalments.dueOn, day),
          inArray(arrangements.status, [...LIVE_PLAN_STATUSES]),
          ne(cases.stage, "closed"),
          gt(cases.balanceCents, 0),
          // A dispute, insolvency or any other hold stops collection at once, a saved method included.
          sql`cardinality(${cases.holds}) = 0`,
          or(isNull(instalments.collectionRequestedAt), and(isNotNull(instalments.collectionError), lte(instalments.collectionRequestedAt, retryBefore))),
          seen.length > 0 ? notInArray(instalments.id, seen) : undefined,
        ),
      )
      .orderBy(asc(instalments.dueOn), asc(instalments.seq))
      .limit(limit)
      .for("update", { of: instalments, skipLocked: true });
    if (rows.length === 0) return { claimed: [], looked: 0 };
    seen.push(...rows.map((r) => r.line.id));
    const attempts = await tx
      .select({ id: auditEvents.entityId, n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "instalment"), inArray(auditEvents.entityId, rows.map((r) => r.line.id)), eq(auditEvents.action, "instalment.collection_requested")))
      .groupBy(auditEvents.entityId);
    const attemptsOf = new Map(attempts.map((a) => [a.id, Number(a.n)]));
    const claimed: Claimed[] = [];
    // Audit chains are per client: taking their heads in one order keeps two workers from deadlocking.
    const ordered = [...rows].sort((a, b) => a.kase.clientId.localeCompare(b.kase.clientId));
    for (const { line, kase, mandate, locale } of ordered) {
      const decision = collectionDecision({ ...line, attempts: attemptsOf.get(line.id) ?? 0 }, { today: day, now, balanceCents: kase.balanceCents });
      if (decision.action !== "charge") continue;
      const idempotencyKey = `instalment:${line.id}:${decision.attempt}`;
      await tx.update(instalments).set({ collectionRequestedAt: now, collectionError: null }).where(eq(instalments.id, line.id));
      await auditFor(tx, ctx, kase, now).event("instalment.collection_requested", "instalment", line.id, {
        arrangementId: line.arrangementId,
        seq: line.seq,
        attempt: decision.attempt,
        amountCents: decision.amountCents,
        currency: kase.currency,
        mandateId: mandate.id,
        method: mandate.method,
        label: mandate.label,
        idempotencyKey,
      });
      claimed.push({ line, kase, mandate, locale: (LOCALES as readonly string[]).includes(locale) ? (locale as Locale) : "fr", attempt: decision.attempt, amountCents: decision.amountCents, idempotencyKey });
    }
    return { claimed, looked: rows.length };
  });
}
