/**
 * Closing a case with a reason, through the stage machine. Settled and uncollectable write off what is
 * left (the ledger then sums to zero); withdrawn and legal handover keep the debt owed as it stands —
 * it goes back to the creditor or on to its lawyer.
 */
import { cases, ledgerEntries, promises, type NewLedgerEntry } from "@recouvra/db";
import { CLOSURE_REASONS, DomainError, type CaseEvent, type ClosureReason, type LedgerComponent } from "@recouvra/domain";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../context.ts";
import { actorIds, auditFor, bumpVersion, caseStateOf, clockOf, lockWorkableCase, parseInput, step } from "./shared.ts";

const EVENT_OF: Record<ClosureReason, CaseEvent["type"]> = {
  paid: "paid_in_full",
  settled: "settled",
  withdrawn: "withdrawn",
  uncollectable: "written_off",
  legal_handover: "legal_handover",
};

export const CloseCaseInputSchema = z.object({
  caseId: z.string(),
  reason: z.enum(CLOSURE_REASONS, { error: "reason: choose why the case is closed" }),
  note: z.string().trim().min(3, "note is required: explain the closure for the file").max(2000, "note is at most 2,000 characters"),
});
export type CloseCaseInput = z.input<typeof CloseCaseInputSchema>;

export const WithdrawCaseInputSchema = CloseCaseInputSchema.omit({ reason: true });
export type WithdrawCaseInput = z.input<typeof WithdrawCaseInputSchema>;

/** Closes the case for `reason` (paid only when nothing is owed); writes off the rest when settled or uncollectable. */
export async function closeCase({ ctx, input }: { ctx: Ctx; input: CloseCaseInput }): Promise<{ stage: "closed"; closureReason: ClosureReason; writtenOffCents: number }> {
  const data = parseInput(CloseCaseInputSchema, input);
  const { now, day } = clockOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const kase = await lockWorkableCase(tx, ctx, data.caseId);
    const moved = step(caseStateOf(kase), { type: EVENT_OF[data.reason] } as CaseEvent);
    const sums = await tx
      .select({ component: ledgerEntries.component, cents: sql<string>`coalesce(sum(${ledgerEntries.amountCents}), 0)` })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.caseId, kase.id))
      .groupBy(ledgerEntries.component);
    const total = sums.reduce((s, r) => s + Number(r.cents), 0);
    if (data.reason === "paid" && total > 0) {
      throw new DomainError("PRECONDITION_FAILED", "The balance is not paid: record the payment, or close the case as settled or uncollectable.", { field: "reason" });
    }
    let writtenOffCents = 0;
    if (data.reason === "settled" || data.reason === "uncollectable") {
      const rows: NewLedgerEntry[] = sums
        .filter((r) => Number(r.cents) > 0)
        .map((r) => ({
          caseId: kase.id,
          clientId: kase.clientId,
          component: r.component as LedgerComponent,
          kind: "write_off",
          amountCents: -Number(r.cents),
          currency: kase.currency,
          effectiveOn: day,
          description: data.reason === "settled" ? `Remainder waived under the settlement: ${data.note}` : `Written off as uncollectable: ${data.note}`,
          createdBy: actorIds(ctx).userId,
        }));
      if (rows.length > 0) await tx.insert(ledgerEntries).values(rows);
      writtenOffCents = rows.reduce((s, r) => s - r.amountCents, 0);
    }
    const cancelled = await tx
      .update(promises)
      .set({ status: "cancelled", resolvedAt: now })
      .where(and(eq(promises.caseId, kase.id), eq(promises.status, "pending")))
      .returning({ id: promises.id });
    await tx
      .update(cases)
      .set({ ...bumpVersion, stage: "closed", closureReason: data.reason, closedOn: day, balanceCents: total - writtenOffCents, nextActionOn: null, nextActionKind: null })
      .where(eq(cases.id, kase.id));
    const audit = auditFor(tx, ctx, kase, now);
    await audit.event("case.closure_recorded", "case", kase.id, { reason: data.reason, note: data.note, writtenOffCents, cancelledPromises: cancelled.length });
    if (writtenOffCents > 0) await audit.event("ledger.written_off", "case", kase.id, { amountCents: writtenOffCents, reason: data.note });
    await audit.records(moved.events);
    return { stage: "closed" as const, closureReason: data.reason, writtenOffCents };
  });
}

/** Records the client's withdrawal of the case (taken back by the creditor); the debt stays owed to it. */
export async function withdrawCase({ ctx, input }: { ctx: Ctx; input: WithdrawCaseInput }) {
  const data = parseInput(WithdrawCaseInputSchema, input);
  return closeCase({ ctx, input: { ...data, reason: "withdrawn" } });
}
