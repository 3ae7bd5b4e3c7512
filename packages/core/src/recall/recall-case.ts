/**
 * A client creditor recalls (withdraws) one of its cases: the debtor paid it directly, the claim was
 * disputed with the client, or the client settled otherwise. Collection stops at once: the case closes
 * as withdrawn, pending promises are cancelled, and the agency sees why in the case history.
 */
import { appendAuditEvent, cases, promises } from "@recouvra/db";
import { DomainError, transition } from "@recouvra/domain";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { today, type Ctx } from "../context.ts";
import { caseScope, caseStateOf, isUuid } from "../scope.ts";

export const RecallCaseInputSchema = z.object({
  caseId: z.string(),
  reason: z.string().trim().min(3, "reason is required: tell the agency why the case is recalled").max(1000, "reason is at most 1,000 characters"),
});
export type RecallCaseInput = z.input<typeof RecallCaseInputSchema>;

/** Withdraws a case at its client's request. Client users (their own cases) and administrators. */
export async function recallCase({ ctx, input }: { ctx: Ctx; input: RecallCaseInput }): Promise<void> {
  const actor = ctx.actor;
  if (actor.kind !== "user" || (actor.role !== "client" && actor.role !== "admin")) {
    throw new DomainError("FORBIDDEN", "A case is recalled by its client creditor.");
  }
  const parsed = RecallCaseInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainError("VALIDATION", issue.message, { field: String(issue.path[0]) });
  }
  const { caseId, reason } = parsed.data;
  const now = ctx.clock.now();
  const day = today(ctx.clock);
  await ctx.db.transaction(async (tx) => {
    const [kase] = isUuid(caseId) ? await tx.select().from(cases).where(and(eq(cases.id, caseId), caseScope(actor))).for("update") : [];
    if (!kase) throw new DomainError("NOT_FOUND", "This case does not exist or is not yours to see.");
    const step = transition(caseStateOf(kase), { type: "withdrawn" });
    if (!step.ok) throw new DomainError(step.refusal.code, step.refusal.reason === "case_closed" ? "This case is already closed." : step.refusal.message);
    await tx
      .update(cases)
      .set({ stage: "closed", closureReason: "withdrawn", closedOn: day, nextActionOn: null, nextActionKind: null, version: sql`${cases.version} + 1` })
      .where(eq(cases.id, kase.id));
    const cancelled = await tx
      .update(promises)
      .set({ status: "cancelled", resolvedAt: now })
      .where(and(eq(promises.caseId, kase.id), eq(promises.status, "pending")))
      .returning({ id: promises.id });
    const base = { occurredAt: now, actorKind: "user" as const, actorId: actor.userId, caseId: kase.id, clientId: kase.clientId };
    await appendAuditEvent(tx, { ...base, action: "case.recalled", entityType: "case", entityId: kase.id, data: { reason, byRole: actor.role, cancelledPromises: cancelled.length } });
    for (const record of step.events) {
      await appendAuditEvent(tx, { ...base, action: `case.${record.type}`, entityType: "case", entityId: kase.id, data: { ...record } });
    }
  });
}
