/**
 * Money received outside the portal: a bank transfer carrying the case's structured reference, a
 * payment the debtor made straight to the creditor (which still earns commission: no cure, no pay), or
 * a manual entry. Allocated in the order the case's law prescribes, booked on the ledger, commissioned
 * under the client's fee agreement, and — when it clears the balance — the case closes as paid.
 */
import { arrangements, auditEvents, cases, claims, instalments, ledgerEntries, paymentAllocations, payments, promises, type Case, type DbOrTx, type NewLedgerEntry, type Tx } from "@recouvra/db";
import {
  allocatePayment,
  allocationBalancesOf,
  commission,
  daysBetween,
  DomainError,
  isIsoDate,
  isValidOgm,
  isValidRfReference,
  paymentEntries,
  type CaseRecord,
  type CommissionResult,
  type ComponentAmounts,
  type Jurisdiction,
  type LedgerBalances,
  type LedgerComponent,
  type LedgerEntry,
  type PaymentProvider,
} from "@recouvra/domain";
import { and, asc, eq, inArray, min, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../context.ts";
import { requireWorkableCase } from "../../scope.ts";
import { actorIds, auditFor, bumpVersion, caseStateOf, clockOf, lockWorkableCase, parseInput, step } from "./shared.ts";
import { findFeeAgreement } from "./terms.ts";

/** Providers an agent records by hand (Stripe and the demo checkout arrive through their webhooks). */
export const MANUAL_PAYMENT_PROVIDERS = ["bank_transfer", "direct_to_creditor", "manual"] as const;
export type ManualPaymentProvider = (typeof MANUAL_PAYMENT_PROVIDERS)[number];

const amount = z.number({ error: "amountCents is required" }).int("amountCents must be whole cents").positive("amountCents must be more than zero").max(1e12, "amountCents is too large");

export const RecordPaymentInputSchema = z
  .object({
    caseId: z.string(),
    provider: z.enum(MANUAL_PAYMENT_PROVIDERS, { error: "provider must be bank_transfer, direct_to_creditor or manual" }),
    amountCents: amount,
    receivedOn: z.string({ error: "receivedOn is required" }).refine(isIsoDate, "receivedOn must be a date (YYYY-MM-DD)"),
    /** The bank statement line, the creditor's receipt number… — a retry with the same one writes nothing. */
    externalId: z.string({ error: "externalId is required" }).trim().min(1, "externalId is required").max(200, "externalId is at most 200 characters"),
    /** The structured communication the payer typed (RF creditor reference or Belgian OGM). */
    reference: z.string().trim().max(60, "reference is at most 60 characters").optional(),
    payerName: z.string().trim().max(200, "payerName is at most 200 characters").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.provider !== "bank_transfer") return;
    if (!v.reference) ctx.addIssue({ code: "custom", path: ["reference"], message: "reference is required for a bank transfer: the structured communication on the statement" });
    else if (!isValidRfReference(v.reference) && !isValidOgm(v.reference)) {
      ctx.addIssue({ code: "custom", path: ["reference"], message: "reference is not a valid structured reference (RF… or +++123/4567/89012+++): check the digits" });
    }
  });
export type RecordPaymentInput = z.input<typeof RecordPaymentInputSchema>;

export interface RecordedPayment {
  paymentId: string;
  /** True when this provider event was already recorded: nothing was written this time. */
  isReplay: boolean;
  amountCents: number;
  /** Per ledger component, what the payment paid off. */
  allocation: { component: LedgerComponent; amountCents: number }[];
  /** Paid beyond the balance: kept as a credit for the debtor (a negative balance), to refund. */
  surplusCents: number;
  balanceCents: number;
  commission: Pick<CommissionResult, "commissionCents" | "vatCents" | "netToClientCents"> | null;
  isCaseClosed: boolean;
}

/** Balance per component: the sum of the case's ledger, nothing else. */
async function ledgerBalances(db: DbOrTx, caseId: string): Promise<LedgerBalances> {
  const rows = await db
    .select({ component: ledgerEntries.component, cents: sql<string>`coalesce(sum(${ledgerEntries.amountCents}), 0)` })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.caseId, caseId))
    .groupBy(ledgerEntries.component);
  const by = (c: string) => Number(rows.find((r) => r.component === c)?.cents ?? 0);
  const b = { principalCents: by("principal"), interestCents: by("interest"), costsCents: by("costs"), feesCents: by("fees") };
  return { ...b, totalCents: b.principalCents + b.interestCents + b.costsCents + b.feesCents };
}

/** How a payment of `amountCents` would be booked on the case today. */
function plan(kase: Pick<Case, "jurisdiction">, balances: LedgerBalances, amountCents: number, effectiveOn: string, reference?: string) {
  const allocation = allocatePayment({ order: kase.jurisdiction as Jurisdiction, balances: allocationBalancesOf(balances), paymentCents: amountCents });
  const entries: LedgerEntry[] = paymentEntries(allocation, { effectiveOn, balances, ...(reference ? { reference } : {}) });
  return { allocation, entries };
}

const compact = (s: string) => s.replace(/[\s\-+*/]+/g, "").toUpperCase();

/** How a payment would be allocated on the case now; writes nothing (the payment form's preview). */
export async function previewPaymentAllocation({ ctx, input }: { ctx: Ctx; input: { caseId: string; amountCents: number } }) {
  const amountCents = parseInput(z.object({ amountCents: amount }), { amountCents: input.amountCents }).amountCents;
  const kase = await requireWorkableCase(ctx.db, ctx.actor, input.caseId);
  const balances = await ledgerBalances(ctx.db, kase.id);
  const { allocation, entries } = plan(kase, balances, amountCents, clockOf(ctx).day);
  return {
    jurisdiction: kase.jurisdiction,
    currency: kase.currency,
    balanceCents: balances.totalCents,
    lines: entries.map((e) => ({ component: e.component, amountCents: -e.amountCents })),
    surplusCents: allocation.surplusCents,
    balanceAfterCents: balances.totalCents - amountCents,
  };
}

async function commissionFor(db: DbOrTx, kase: Case, applied: ComponentAmounts, provider: PaymentProvider, day: string) {
  const agreement = await findFeeAgreement(db, kase.clientId, day);
  if (!agreement) return null;
  const [oldest] = await db.select({ dueOn: min(claims.dueOn) }).from(claims).where(eq(claims.caseId, kase.id));
  // Commission already earned on the case is recorded with each payment's audit event (see the decision in index.ts).
  const [earned] = await db
    .select({ cents: sql<string>`coalesce(sum((${auditEvents.data}->>'commissionCents')::bigint), 0)` })
    .from(auditEvents)
    .where(and(eq(auditEvents.caseId, kase.id), eq(auditEvents.action, "payment.recorded")));
  // What was recovered before, as the agreement counts it: principal only when interest and costs stay with the agency.
  const keptByAgency = agreement.rules.interestAndCosts === "kept_by_agency";
  const [recovered] = await db
    .select({ cents: sql<string>`coalesce(sum(${paymentAllocations.amountCents}), 0)` })
    .from(paymentAllocations)
    .innerJoin(payments, eq(payments.id, paymentAllocations.paymentId))
    .where(and(eq(payments.caseId, kase.id), eq(payments.status, "succeeded"), keptByAgency ? eq(paymentAllocations.component, "principal") : undefined));
  const result = commission(agreement.rules, {
    allocation: applied,
    claimAgeDays: oldest?.dueOn ? Math.max(0, daysBetween(oldest.dueOn, kase.placedOn)) : 0,
    isLegalHandover: kase.closureReason === "legal_handover",
    receivedBy: provider === "direct_to_creditor" ? "creditor" : "agency",
    commissionEarnedBeforeCents: Number(earned?.cents ?? 0),
    recoveredBeforeCents: Number(recovered?.cents ?? 0),
  });
  return { agreementId: agreement.id, result };
}

const PROVIDER_WORDS: Record<PaymentProvider, string> = {
  stripe: "online through the portal",
  demo: "through the portal's demo checkout",
  bank_transfer: "by bank transfer",
  direct_to_creditor: "made directly to the creditor",
  manual: "recorded manually",
};

/** Records a payment received outside the portal; idempotent on (provider, externalId). */
export async function recordPayment({ ctx, input }: { ctx: Ctx; input: RecordPaymentInput }): Promise<RecordedPayment> {
  const data = parseInput(RecordPaymentInputSchema, input);
  const { now, day } = clockOf(ctx);
  if (data.receivedOn > day) throw new DomainError("VALIDATION", "receivedOn cannot be in the future", { field: "receivedOn" });

  return ctx.db.transaction(async (tx) => {
    const kase = await lockWorkableCase(tx, ctx, data.caseId);
    const existing = await findExisting(tx, data.provider, data.externalId);
    if (existing) return replayOf(tx, existing, kase);

    if (data.provider === "bank_transfer" && compact(data.reference!) !== compact(kase.paymentReference)) {
      throw new DomainError("VALIDATION", `reference does not match this case's payment reference (${kase.paymentReference})`, { field: "reference" });
    }
    return bookPayment(tx, ctx, kase, {
      provider: data.provider,
      externalId: data.externalId,
      amountCents: data.amountCents,
      receivedOn: data.receivedOn,
      receivedAt: data.receivedOn === day ? now : new Date(`${data.receivedOn}T12:00:00Z`),
      reference: data.reference ?? null,
      payerName: data.payerName ?? null,
    });
  });
}

/** One payment to book on a case: what the provider (or the agent) says was received. */
export interface PaymentBooking {
  provider: PaymentProvider;
  externalId: string;
  amountCents: number;
  receivedOn: string;
  receivedAt: Date;
  /** The structured communication a bank transfer carried. */
  reference: string | null;
  payerName: string | null;
  /** Facts the provider adds to the audit event (e.g. the webhook event's id). */
  auditData?: Record<string, unknown>;
}

/**
 * Books a payment on a case already locked by the caller's transaction (after its replay check):
 * the payment row, its allocation in the jurisdiction's order on the ledger, the commission, the
 * commitments it meets and the stage it moves the case to, with the audit events.
 */
export async function bookPayment(tx: Tx, ctx: Ctx, kase: Case, data: PaymentBooking): Promise<RecordedPayment> {
  const { now, day } = clockOf(ctx);
  const { userId } = actorIds(ctx);
  const balances = await ledgerBalances(tx, kase.id);
  const [payment] = await tx
    .insert(payments)
    .values({
      caseId: kase.id,
      clientId: kase.clientId,
      provider: data.provider,
      externalId: data.externalId,
      amountCents: data.amountCents,
      currency: kase.currency,
      receivedAt: data.receivedAt,
      status: "succeeded",
      payerName: data.payerName,
      createdAt: now,
    })
    .onConflictDoNothing({ target: [payments.provider, payments.externalId] })
    .returning();
  // Another case recorded this provider event between our lookup and insert.
  if (!payment) throw new DomainError("CONFLICT", "This payment is already recorded on another case.", { field: "externalId" });

  const { allocation, entries } = plan(kase, balances, data.amountCents, data.receivedOn, payment.id);
  const description = `Payment ${PROVIDER_WORDS[data.provider]}${data.reference ? ` ${data.reference}` : ""}`;
  const ledgerRows: NewLedgerEntry[] = entries.map((e) => ({
    caseId: kase.id,
    clientId: kase.clientId,
    component: e.component,
    kind: "payment",
    amountCents: e.amountCents,
    currency: kase.currency,
    effectiveOn: data.receivedOn,
    reference: payment.id,
    description,
    paymentId: payment.id,
    createdBy: userId,
  }));
  if (allocation.surplusCents > 0) {
    // Money beyond the balance is not lost: it stays on the ledger as a credit owed back to the debtor
    // (the case balance goes negative by that much) until it is refunded or applied to another claim.
    ledgerRows.push({
      ...ledgerRows[0]!,
      component: "principal",
      kind: "adjustment",
      amountCents: -allocation.surplusCents,
      description: `Overpayment held as a credit for the debtor (${description.toLowerCase()})`,
    });
  }
  if (ledgerRows.length > 0) await tx.insert(ledgerEntries).values(ledgerRows);
  const allocationRows = entries.map((e) => ({ paymentId: payment.id, component: e.component, amountCents: -e.amountCents }));
  if (allocationRows.length > 0) await tx.insert(paymentAllocations).values(allocationRows);

  const fee = await commissionFor(tx, kase, allocation.applied, data.provider, day);
  const appliedCents = data.amountCents - allocation.surplusCents;
  const balanceCents = balances.totalCents - data.amountCents;

  // Commitments the money meets: the running plan's instalments in order, a pending promise.
  const records: CaseRecord[] = [];
  let state = caseStateOf(kase);
  const apply = (event: Parameters<typeof step>[1]) => {
    const moved = step(state, event);
    state = moved.state;
    records.push(...moved.events);
  };
  apply({ type: "payment_received" });
  const audit = auditFor(tx, ctx, kase, now);
  const followUps: (() => Promise<unknown>)[] = [];

  const [live] = await tx.select().from(arrangements).where(and(eq(arrangements.caseId, kase.id), inArray(arrangements.status, ["accepted", "active"])));
  let planCompleted = false;
  if (live && appliedCents > 0) {
    let left = appliedCents;
    const lines = await tx.select().from(instalments).where(eq(instalments.arrangementId, live.id)).orderBy(asc(instalments.seq));
    for (const line of lines) {
      if (left === 0) break;
      const open = line.amountCents - line.paidCents;
      if (open <= 0 || line.status === "waived") continue;
      const take = Math.min(open, left);
      left -= take;
      const paid = line.paidCents + take;
      await tx.update(instalments).set({ paidCents: paid, status: paid === line.amountCents ? "paid" : "partially_paid", paidOn: data.receivedOn }).where(eq(instalments.id, line.id));
    }
    const [unpaid] = await tx.select({ id: instalments.id }).from(instalments).where(and(eq(instalments.arrangementId, live.id), sql`${instalments.paidCents} < ${instalments.amountCents}`, sql`${instalments.status} <> 'waived'`)).limit(1);
    if (!unpaid || balanceCents <= 0) {
      planCompleted = true;
      await tx.update(arrangements).set({ status: "completed" }).where(eq(arrangements.id, live.id));
      followUps.push(() => audit.event("arrangement.completed", "arrangement", live.id, { byPaymentId: payment.id }));
    }
  }
  const [promise] = await tx.select().from(promises).where(and(eq(promises.caseId, kase.id), eq(promises.status, "pending"))).limit(1);
  if (promise && (data.amountCents >= promise.amountCents || balanceCents <= 0)) {
    await tx.update(promises).set({ status: "kept", resolvedAt: now }).where(eq(promises.id, promise.id));
    followUps.push(() => audit.event("promise.kept", "promise", promise.id, { byPaymentId: payment.id }));
    if (state.stage === "promise") apply({ type: "promise_kept" });
  }
  if (balanceCents <= 0 && state.stage !== "closed") {
    apply(planCompleted && state.stage === "arrangement" ? { type: "plan_completed" } : { type: "paid_in_full" });
  }
  const isClosed = state.stage === "closed";
  await tx
    .update(cases)
    .set({
      ...bumpVersion,
      balanceCents,
      stage: state.stage,
      ...(isClosed && kase.stage !== "closed" ? { closureReason: state.closureReason ?? "paid", closedOn: day, nextActionOn: null, nextActionKind: null } : {}),
      ...(!isClosed && kase.stage === "promise" && state.stage !== "promise" ? { nextActionOn: day, nextActionKind: "call" } : {}),
    })
    .where(eq(cases.id, kase.id));

  await audit.event("payment.recorded", "payment", payment.id, {
    provider: data.provider,
    externalId: data.externalId,
    amountCents: data.amountCents,
    receivedOn: data.receivedOn,
    reference: data.reference,
    ...data.auditData,
    applied: allocation.applied,
    surplusCents: allocation.surplusCents,
    balanceAfterCents: balanceCents,
    // No cure, no pay: the commission this payment earned, under the agreement in force (see index.ts).
    feeAgreementId: fee?.agreementId ?? null,
    commissionableCents: fee?.result.commissionableCents ?? null,
    commissionCents: fee?.result.commissionCents ?? null,
    vatCents: fee?.result.vatCents ?? null,
    keptInterestAndCostsCents: fee?.result.keptInterestAndCostsCents ?? null,
    netToClientCents: fee?.result.netToClientCents ?? null,
    receivedBy: data.provider === "direct_to_creditor" ? "creditor" : "agency",
  });
  for (const f of followUps) await f();
  await audit.records(records);
  return {
    paymentId: payment.id,
    isReplay: false,
    amountCents: data.amountCents,
    allocation: allocationRows.map((r) => ({ component: r.component, amountCents: r.amountCents })),
    surplusCents: allocation.surplusCents,
    balanceCents,
    commission: fee ? { commissionCents: fee.result.commissionCents, vatCents: fee.result.vatCents, netToClientCents: fee.result.netToClientCents } : null,
    isCaseClosed: isClosed,
  };

}

/** The payment already recorded for this provider event, if any. */
export async function findExisting(db: DbOrTx, provider: string, externalId: string) {
  const [row] = await db.select().from(payments).where(and(eq(payments.provider, provider), eq(payments.externalId, externalId)));
  return row ?? null;
}

/** A provider event seen before: answer with what was recorded then, write nothing. */
export async function replayOf(db: DbOrTx, existing: typeof payments.$inferSelect, kase: Case): Promise<RecordedPayment> {
  if (existing.caseId !== kase.id) throw new DomainError("CONFLICT", "This payment is already recorded on another case.", { field: "externalId" });
  const lines = await db.select().from(paymentAllocations).where(eq(paymentAllocations.paymentId, existing.id));
  const applied = lines.reduce((s, l) => s + l.amountCents, 0);
  return {
    paymentId: existing.id,
    isReplay: true,
    amountCents: existing.amountCents,
    allocation: lines.map((l) => ({ component: l.component as LedgerComponent, amountCents: l.amountCents })),
    surplusCents: existing.amountCents - applied,
    balanceCents: kase.balanceCents,
    commission: null,
    isCaseClosed: kase.stage === "closed",
  };
}
