/** The debtor contests the debt: collection pauses (hold `disputed`) until the dispute is resolved. */
import { cases, disputes, type Case, type Tx } from "@recouvra/db";
import { addDays, DISPUTE_REASONS, DomainError, type CaseRecord, type DisputeReason, type IsoDate } from "@recouvra/domain";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../context.ts";
import { actorIds, auditFor, bumpVersion, caseStateOf, clockOf, lockWorkableCase, parseInput, step } from "./shared.ts";

export const OpenDisputeInputSchema = z.object({
  caseId: z.string(),
  reason: z.enum(DISPUTE_REASONS, { error: "reason: choose why the debtor disputes the debt" }),
  details: z.string().trim().min(3, "details are required: what does the debtor say?").max(5000, "details are at most 5,000 characters"),
});
export type OpenDisputeInput = z.input<typeof OpenDisputeInputSchema>;

/**
 * What opening a dispute writes, whoever opens it (a case handler here, the debtor in the portal), on a
 * case the caller has locked: refused on a closed case and beside an open dispute; the dispute row, the
 * `disputed` hold through the stage machine, and the next action. The caller audits (its own actor)
 * `dispute.opened` and the returned stage records in the same transaction.
 */
export async function insertOpenDispute(
  tx: Tx,
  kase: Case,
  dispute: { reason: DisputeReason; details: string; openedAt: Date; nextAction: { on: IsoDate; kind: string } },
): Promise<{ disputeId: string; records: readonly CaseRecord[] }> {
  if (kase.stage === "closed") throw new DomainError("CONFLICT", "The case is closed.");
  const [open] = await tx.select({ id: disputes.id }).from(disputes).where(and(eq(disputes.caseId, kase.id), eq(disputes.status, "open")));
  if (open) throw new DomainError("CONFLICT", "A dispute is already open on this case: add to it rather than opening another.");
  const moved = step(caseStateOf(kase), { type: "hold_set", hold: "disputed" });
  const [row] = await tx
    .insert(disputes)
    .values({ caseId: kase.id, clientId: kase.clientId, reason: dispute.reason, details: dispute.details, status: "open", openedAt: dispute.openedAt })
    .returning({ id: disputes.id });
  await tx
    .update(cases)
    .set({ ...bumpVersion, holds: [...moved.state.holds], nextActionOn: dispute.nextAction.on, nextActionKind: dispute.nextAction.kind })
    .where(eq(cases.id, kase.id));
  return { disputeId: row!.id, records: moved.events };
}

/** Opens a dispute (one open per case) and sets the `disputed` hold: contact stops at once. */
export async function openDispute({ ctx, input }: { ctx: Ctx; input: OpenDisputeInput }): Promise<{ disputeId: string }> {
  const data = parseInput(OpenDisputeInputSchema, input);
  const { now, day } = clockOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const kase = await lockWorkableCase(tx, ctx, data.caseId);
    const opened = await insertOpenDispute(tx, kase, { reason: data.reason, details: data.details, openedAt: now, nextAction: { on: addDays(day, 14), kind: "review_dispute" } });
    const audit = auditFor(tx, ctx, kase, now);
    await audit.event("dispute.opened", "dispute", opened.disputeId, { reason: data.reason });
    await audit.records(opened.records);
    return { disputeId: opened.disputeId };
  });
}

export const DISPUTE_RESOLUTIONS = ["upheld", "rejected", "withdrawn"] as const;

export const ResolveDisputeInputSchema = z.object({
  caseId: z.string(),
  status: z.enum(DISPUTE_RESOLUTIONS, { error: "status must be upheld, rejected or withdrawn" }),
  resolution: z.string().trim().min(3, "resolution is required: say how it was resolved").max(5000, "resolution is at most 5,000 characters"),
});
export type ResolveDisputeInput = z.input<typeof ResolveDisputeInputSchema>;

/** Resolves the open dispute and releases the `disputed` hold (other holds stay). */
export async function resolveDispute({ ctx, input }: { ctx: Ctx; input: ResolveDisputeInput }): Promise<{ disputeId: string }> {
  const data = parseInput(ResolveDisputeInputSchema, input);
  const { now, day } = clockOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const kase = await lockWorkableCase(tx, ctx, data.caseId);
    const [open] = await tx.select().from(disputes).where(and(eq(disputes.caseId, kase.id), eq(disputes.status, "open")));
    if (!open) throw new DomainError("PRECONDITION_FAILED", "There is no open dispute on this case.");
    await tx
      .update(disputes)
      .set({ status: data.status, resolution: data.resolution, resolvedAt: now, resolvedByUserId: actorIds(ctx).userId })
      .where(eq(disputes.id, open.id));
    // A closed case keeps its holds as they were: nothing to release for collection.
    const moved = kase.stage === "closed" ? { state: caseStateOf(kase), events: [] } : step(caseStateOf(kase), { type: "hold_released", hold: "disputed" });
    const stillHeld = moved.state.holds.length > 0;
    await tx
      .update(cases)
      .set({
        ...bumpVersion,
        holds: [...moved.state.holds],
        ...(kase.stage === "closed" ? {} : stillHeld ? { nextActionOn: addDays(day, 30), nextActionKind: "review_hold" } : { nextActionOn: day, nextActionKind: "call" }),
      })
      .where(eq(cases.id, kase.id));
    const audit = auditFor(tx, ctx, kase, now);
    await audit.event("dispute.resolved", "dispute", open.id, { status: data.status });
    await audit.records(moved.events);
    return { disputeId: open.id };
  });
}
