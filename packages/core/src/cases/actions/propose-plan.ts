/**
 * A payment plan agreed with the debtor on the phone. The client's negotiation policy decides: within
 * it the plan starts at once (instalments scheduled, case → arrangement); outside it the plan waits as
 * `proposed` in the approvals queue with the policy's reasons and its closest allowed counter-offer.
 */
import { arrangements, cases, instalments, promises, type Case, type DbOrTx } from "@recouvra/db";
import {
  buildSchedule,
  DomainError,
  evaluateProposal,
  isIsoDate,
  PLAN_FREQUENCIES,
  type Instalment,
  type IsoDate,
  type PlanProposal,
  type PolicyReason,
  transition,
} from "@recouvra/domain";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../context.ts";
import { requireWorkableCase } from "../../scope.ts";
import { actorIds, auditFor, bumpVersion, caseStateOf, clockOf, lockWorkableCase, parseInput, refusalError, step } from "./shared.ts";
import { findPolicy } from "./terms.ts";

const cents = (field: string) =>
  z.number({ error: `${field} must be an amount` }).int(`${field} must be whole cents`).positive(`${field} must be more than zero`);

export const PlanTermsInputSchema = z
  .object({
    caseId: z.string(),
    frequency: z.enum(PLAN_FREQUENCIES, { error: "frequency must be weekly, biweekly or monthly" }),
    firstDueOn: z.string({ error: "firstDueOn is required" }).refine(isIsoDate, "firstDueOn must be a date (YYYY-MM-DD)"),
    count: z.number({ error: "count must be a number" }).int("count must be a whole number").min(1, "count must be at least 1").max(520, "count is at most 520").optional(),
    instalmentCents: cents("instalmentCents").optional(),
    downPaymentCents: cents("downPaymentCents").optional(),
    note: z.string().trim().max(2000, "note is at most 2,000 characters").optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.count === undefined) === (v.instalmentCents === undefined)) {
      ctx.addIssue({ code: "custom", path: ["count"], message: "count: give either the number of instalments or the instalment amount" });
    }
  });
export type ProposePlanInput = z.input<typeof PlanTermsInputSchema>;

/** What the policy says about a plan, before anything is written. */
export interface PlanPreview {
  balanceCents: number;
  currency: string;
  schedule: Instalment[];
  /** `active`: within policy, starts at once; `approval`: goes to the approvals queue. */
  outcome: "active" | "approval";
  reasons: PolicyReason[];
  /** The closest plan the policy would allow, when the domain offers one. */
  counterSchedule: Instalment[] | null;
  approver: "supervisor" | "client";
}

type PlanTerms = z.output<typeof PlanTermsInputSchema>;

function proposalOf(t: PlanTerms): PlanProposal {
  return {
    kind: "plan",
    frequency: t.frequency,
    firstDueOn: t.firstDueOn,
    ...(t.count !== undefined ? { count: t.count } : { instalmentCents: t.instalmentCents }),
    ...(t.downPaymentCents !== undefined ? { downPaymentCents: t.downPaymentCents } : {}),
  };
}

async function decide(db: DbOrTx, kase: Case, day: IsoDate, t: PlanTerms): Promise<PlanPreview> {
  if (kase.balanceCents <= 0) throw new DomainError("PRECONDITION_FAILED", "Nothing is owed on this case: there is nothing to plan.");
  if (t.firstDueOn < day) throw new DomainError("VALIDATION", "firstDueOn cannot be in the past", { field: "firstDueOn" });
  if (t.downPaymentCents !== undefined && t.downPaymentCents >= kase.balanceCents) {
    throw new DomainError("VALIDATION", "downPaymentCents must be less than the balance (record a promise to pay in full instead)", { field: "downPaymentCents" });
  }
  const proposal = proposalOf(t);
  // Throws VALIDATION / LIMIT_EXCEEDED naming the field when the terms cannot make a schedule at all.
  const schedule = buildSchedule({ totalCents: kase.balanceCents, ...proposal });
  const found = await findPolicy(db, kase.clientId);
  const base = { balanceCents: kase.balanceCents, currency: kase.currency, schedule, approver: found?.approver ?? ("supervisor" as const) };
  if (!found) {
    return { ...base, outcome: "approval", reasons: [{ code: "balance_above_auto_limit", message: "The client has no negotiation policy: every plan is reviewed." }], counterSchedule: null };
  }
  const decision = evaluateProposal({ policy: found.policy, balanceCents: kase.balanceCents, today: day, proposal });
  if (decision.decision === "accept") return { ...base, schedule: decision.schedule, outcome: "active", reasons: [], counterSchedule: null };
  return { ...base, outcome: "approval", reasons: [...decision.reasons], counterSchedule: decision.decision === "counter" ? decision.schedule : null };
}

/** The schedule a plan would have and whether the policy lets it start at once; writes nothing. */
export async function previewPlan({ ctx, input }: { ctx: Ctx; input: ProposePlanInput }): Promise<PlanPreview> {
  const t = parseInput(PlanTermsInputSchema, input);
  const kase = await requireWorkableCase(ctx.db, ctx.actor, t.caseId);
  return decide(ctx.db, kase, clockOf(ctx).day, t);
}

/** Records a plan: active at once within policy, otherwise `proposed` for approval with the reason. */
export async function proposePlan({ ctx, input }: { ctx: Ctx; input: ProposePlanInput }): Promise<{ arrangementId: string; status: "active" | "proposed"; reasons: PolicyReason[] }> {
  const t = parseInput(PlanTermsInputSchema, input);
  const { now, day } = clockOf(ctx);
  const { userId } = actorIds(ctx);
  return ctx.db.transaction(async (tx) => {
    const kase = await lockWorkableCase(tx, ctx, t.caseId);
    // A plan the case could not take now (closed, on hold, another plan running) is refused before the
    // policy is even asked, so nothing waits in the approvals queue that could never start.
    const allowed = transition(caseStateOf(kase), { type: "plan_accepted" });
    if (!allowed.ok) throw refusalError(allowed.refusal);
    const [waiting] = await tx
      .select({ id: arrangements.id })
      .from(arrangements)
      .where(and(eq(arrangements.caseId, kase.id), inArray(arrangements.status, ["proposed", "countered"])));
    if (waiting) throw new DomainError("CONFLICT", "A plan for this case is already waiting for approval.");

    const preview = await decide(tx, kase, day, t);
    const { note, caseId: _caseId, ...terms } = t;
    const audit = auditFor(tx, ctx, kase, now);
    const common = {
      caseId: kase.id,
      clientId: kase.clientId,
      kind: "plan" as const,
      proposedBy: "agent" as const,
      proposedByUserId: userId,
      currency: kase.currency,
      totalCents: kase.balanceCents,
    };

    if (preview.outcome === "approval") {
      const reason = preview.reasons.map((r) => r.message).join(" ");
      const [row] = await tx
        .insert(arrangements)
        .values({
          ...common,
          status: "proposed",
          // What the approver needs: the terms as proposed (decideApproval rebuilds the schedule from them),
          // the policy's reason codes, and the counter-offer the policy would accept instead.
          terms: {
            ...terms,
            instalments: preview.schedule.length,
            interestFrozen: true,
            reasonCodes: preview.reasons.map((r) => r.code),
            approver: preview.approver,
            ...(note ? { agentNote: note } : {}),
            ...(preview.counterSchedule ? { counter: preview.counterSchedule } : {}),
          },
          decisionReason: reason,
          createdAt: now,
        })
        .returning({ id: arrangements.id });
      await tx.update(cases).set(bumpVersion).where(eq(cases.id, kase.id));
      await audit.event("arrangement.proposed", "arrangement", row!.id, {
        totalCents: kase.balanceCents,
        instalments: preview.schedule.length,
        reason,
        reasonCodes: preview.reasons.map((r) => r.code),
        approver: preview.approver,
      });
      return { arrangementId: row!.id, status: "proposed" as const, reasons: preview.reasons };
    }

    const moved = step(caseStateOf(kase), { type: "plan_accepted" });
    const schedule = preview.schedule;
    const money = (c: number) => `${(c / 100).toFixed(2)} ${kase.currency}`;
    const [row] = await tx
      .insert(arrangements)
      .values({
        ...common,
        status: "active",
        terms: { ...terms, instalments: schedule.length, interestFrozen: true, ...(note ? { agentNote: note } : {}) },
        decisionReason: "Within the client's negotiation policy",
        decidedAt: now,
        acceptedAt: now,
        // Accepting a plan acknowledges the debt (DESIGN step 4): keep what was agreed, in words.
        acknowledgmentText: `Agreed by phone with the case handler: the debtor acknowledges owing ${money(kase.balanceCents)} (file ${kase.reference}) and will pay it in ${schedule.length} instalments, the first on ${schedule[0]!.dueOn}.`,
        acknowledgedAt: now,
        createdAt: now,
      })
      .returning({ id: arrangements.id });
    await tx.insert(instalments).values(schedule.map((l) => ({ arrangementId: row!.id, seq: l.seq, dueOn: l.dueOn, amountCents: l.amountCents })));
    // A plan replaces a pending promise (the debtor cannot pay at once after all).
    const cancelled = await tx
      .update(promises)
      .set({ status: "cancelled", resolvedAt: now })
      .where(and(eq(promises.caseId, kase.id), eq(promises.status, "pending")))
      .returning({ id: promises.id });
    await tx
      .update(cases)
      .set({ ...bumpVersion, stage: moved.state.stage, nextActionOn: schedule[0]!.dueOn, nextActionKind: "check_instalment" })
      .where(eq(cases.id, kase.id));
    await audit.event("arrangement.accepted", "arrangement", row!.id, {
      totalCents: kase.balanceCents,
      instalments: schedule.length,
      firstDueOn: schedule[0]!.dueOn,
      decision: "accept",
      cancelledPromises: cancelled.length,
    });
    await audit.records(moved.events);
    return { arrangementId: row!.id, status: "active" as const, reasons: [] };
  });
}
