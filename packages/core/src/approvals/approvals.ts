/**
 * The approvals queue: plans and settlements the client's negotiation policy did not allow, waiting
 * for a person. Who decides is the client's choice (its policy's `approver`): an agency supervisor, or
 * the client creditor itself. Approving a plan starts it (instalments scheduled by the domain, case to
 * "arrangement"); approving a settlement accepts the lump sum; rejecting keeps collection going.
 */
import { appendAuditEvent, arrangements, cases, clients, debtors, instalments, negotiationPolicies, type DbOrTx } from "@recouvra/db";
import { buildSchedule, DomainError, maxDate, PLAN_FREQUENCIES, transition, type IsoDate } from "@recouvra/domain";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { today, type Ctx } from "../context.ts";
import { caseScope, caseStateOf, isUuid } from "../scope.ts";

export interface ApprovalRequest {
  arrangementId: string;
  caseId: string;
  caseReference: string;
  clientName: string;
  debtorName: string;
  kind: "plan" | "settlement";
  totalCents: number;
  currency: string;
  balanceCents: number;
  /** The proposal as made: frequency, first date, count or amount, lump sum. */
  terms: Record<string, unknown>;
  /** Why the policy did not allow it (the domain's reason, or the agent's). */
  reason: string | null;
  proposedBy: string;
  proposedAt: Date;
  approver: "supervisor" | "client";
}

/** Which approvals an actor decides: supervisors and admins the agency's, client users their client's. */
function approverRole(ctx: Ctx): "supervisor" | "client" {
  const a = ctx.actor;
  if (a.kind === "user" && (a.role === "supervisor" || a.role === "admin")) return "supervisor";
  if (a.kind === "user" && a.role === "client" && a.clientId) return "client";
  throw new DomainError("FORBIDDEN", "Approvals are decided by supervisors or by the client creditor.");
}

// The approver of a case's client: its own policy's, else the agency default's, else the supervisor.
const approverOf = sql<"supervisor" | "client">`coalesce(
  (select p.policy->>'approver' from ${negotiationPolicies} p where p.client_id = ${cases.clientId}),
  (select p.policy->>'approver' from ${negotiationPolicies} p where p.client_id is null),
  'supervisor')`;

/** The requests waiting for this actor's decision, oldest first. */
export async function listApprovals({ ctx }: { ctx: Ctx }): Promise<ApprovalRequest[]> {
  const role = approverRole(ctx);
  const rows = await ctx.db
    .select({
      arrangement: arrangements,
      caseReference: cases.reference,
      balanceCents: cases.balanceCents,
      clientName: clients.name,
      debtorName: sql<string>`coalesce(${debtors.companyName}, concat_ws(' ', ${debtors.firstName}, ${debtors.lastName}))`,
      approver: approverOf,
    })
    .from(arrangements)
    .innerJoin(cases, eq(cases.id, arrangements.caseId))
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .innerJoin(debtors, eq(debtors.id, cases.debtorId))
    .where(and(eq(arrangements.status, "proposed"), caseScope(ctx.actor), sql`${approverOf} = ${role}`))
    .orderBy(asc(arrangements.createdAt));
  return rows.map((r) => ({
    arrangementId: r.arrangement.id,
    caseId: r.arrangement.caseId,
    caseReference: r.caseReference,
    clientName: r.clientName,
    debtorName: r.debtorName,
    kind: r.arrangement.kind as "plan" | "settlement",
    totalCents: r.arrangement.totalCents,
    currency: r.arrangement.currency,
    balanceCents: r.balanceCents,
    terms: r.arrangement.terms as Record<string, unknown>,
    reason: r.arrangement.decisionReason,
    proposedBy: r.arrangement.proposedBy,
    proposedAt: r.arrangement.createdAt,
    approver: r.approver,
  }));
}

const PlanTermsSchema = z.object({
  frequency: z.enum(PLAN_FREQUENCIES),
  firstDueOn: z.string(),
  count: z.number().int().positive().optional(),
  instalmentCents: z.number().int().positive().optional(),
  downPaymentCents: z.number().int().nonnegative().optional(),
});

export const DecideApprovalInputSchema = z.object({
  arrangementId: z.string().refine(isUuid, "arrangementId must be a proposal"),
  decision: z.enum(["approve", "reject"], { error: "decision must be approve or reject" }),
  note: z.string().trim().max(2000, "note is at most 2,000 characters").optional(),
});
export type DecideApprovalInput = z.input<typeof DecideApprovalInputSchema>;

async function lockProposal(tx: DbOrTx, ctx: Ctx, arrangementId: string, role: "supervisor" | "client") {
  const [row] = await tx
    .select({ arrangement: arrangements, case: cases, approver: approverOf })
    .from(arrangements)
    .innerJoin(cases, eq(cases.id, arrangements.caseId))
    .where(and(eq(arrangements.id, arrangementId), caseScope(ctx.actor)))
    .for("update");
  // Someone else's proposal (another client, another team) is simply not found.
  if (!row || row.approver !== role) throw new DomainError("NOT_FOUND", "This request does not exist or is not yours to decide.");
  if (row.arrangement.status !== "proposed") throw new DomainError("CONFLICT", "This request was already decided.");
  return row;
}

/**
 * Approves or rejects a waiting plan or settlement, in one transaction with its audit trail. An approved
 * plan is rescheduled over today's balance if it changed meanwhile, and starts no earlier than today.
 */
export async function decideApproval({ ctx, input }: { ctx: Ctx; input: DecideApprovalInput }): Promise<{ status: string }> {
  const role = approverRole(ctx);
  const parsed = DecideApprovalInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainError("VALIDATION", issue.message, { field: String(issue.path[0]) });
  }
  const { arrangementId, decision, note } = parsed.data;
  const actorId = ctx.actor.kind === "user" ? ctx.actor.userId : null;
  const now = ctx.clock.now();
  const day = today(ctx.clock);

  return ctx.db.transaction(async (tx) => {
    const { arrangement, case: kase } = await lockProposal(tx, ctx, arrangementId, role);
    const audit = (action: string, data: Record<string, unknown>) =>
      appendAuditEvent(tx, { occurredAt: now, actorKind: "user", actorId, action, entityType: "arrangement", entityId: arrangement.id, caseId: kase.id, clientId: kase.clientId, data });
    const decidedBy = role === "client" ? "the client" : "a supervisor";

    if (decision === "reject") {
      await tx.update(arrangements).set({ status: "rejected", decidedAt: now, decisionReason: note ? `Rejected by ${decidedBy}: ${note}` : `Rejected by ${decidedBy}` }).where(eq(arrangements.id, arrangement.id));
      await audit("arrangement.rejected", { by: role, note: note ?? null });
      return { status: "rejected" };
    }

    if (arrangement.kind === "settlement") {
      // The lump sum is now agreed; the case settles when it is paid (the rest is then written off).
      await tx.update(arrangements).set({ status: "accepted", decidedAt: now, acceptedAt: now, decisionReason: `Approved by ${decidedBy}${note ? `: ${note}` : ""}` }).where(eq(arrangements.id, arrangement.id));
      await audit("arrangement.approved", { by: role, kind: "settlement", totalCents: arrangement.totalCents, note: note ?? null });
      return { status: "accepted" };
    }

    const terms = PlanTermsSchema.safeParse(arrangement.terms);
    if (!terms.success) throw new DomainError("PRECONDITION_FAILED", "This proposal's terms are incomplete; ask the case handler to propose it again.");
    const step = transition(caseStateOf(kase), { type: "plan_accepted" });
    if (!step.ok) throw new DomainError(step.refusal.code, step.refusal.message);
    const [running] = await tx
      .select({ id: arrangements.id })
      .from(arrangements)
      .where(and(eq(arrangements.caseId, kase.id), inArray(arrangements.status, ["accepted", "active"])));
    if (running) throw new DomainError("CONFLICT", "This case already has a running plan.");

    const totalCents = kase.balanceCents > 0 ? kase.balanceCents : arrangement.totalCents;
    const firstDueOn: IsoDate = maxDate(terms.data.firstDueOn, day);
    const schedule = buildSchedule({ totalCents, firstDueOn, frequency: terms.data.frequency, count: terms.data.count, instalmentCents: terms.data.count ? undefined : terms.data.instalmentCents, downPaymentCents: terms.data.downPaymentCents });
    await tx
      .update(arrangements)
      .set({ status: "active", totalCents, decidedAt: now, acceptedAt: now, terms: { ...terms.data, firstDueOn, instalments: schedule.length }, decisionReason: `${arrangement.decisionReason ?? "Outside policy"}; approved by ${decidedBy}${note ? `: ${note}` : ""}` })
      .where(eq(arrangements.id, arrangement.id));
    await tx.insert(instalments).values(schedule.map((l) => ({ arrangementId: arrangement.id, seq: l.seq, dueOn: l.dueOn, amountCents: l.amountCents })));
    await tx
      .update(cases)
      .set({ stage: step.state.stage, nextActionOn: schedule[0]!.dueOn, nextActionKind: "instalment_due", version: sql`${cases.version} + 1` })
      .where(eq(cases.id, kase.id));
    await audit("arrangement.approved", { by: role, kind: "plan", totalCents, instalments: schedule.length, firstDueOn, note: note ?? null });
    for (const record of step.events) {
      await appendAuditEvent(tx, { occurredAt: now, actorKind: "user", actorId, action: `case.${record.type}`, entityType: "case", entityId: kase.id, caseId: kase.id, clientId: kase.clientId, data: { ...record } });
    }
    return { status: "active" };
  });
}

