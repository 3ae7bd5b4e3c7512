/**
 * A payment plan agreed with the debtor on the phone. The client's negotiation policy decides: within
 * it the plan starts at once (instalments scheduled, case → arrangement); outside it the plan waits as
 * `proposed` in the approvals queue with the policy's reasons and its closest allowed counter-offer.
 */
import { DomainError, isIsoDate, PLAN_FREQUENCIES, type PlanProposal, type PolicyReason } from "@recouvra/domain";
import { z } from "zod";
import type { Ctx } from "../../context.ts";
import { requireWorkableCase } from "../../scope.ts";
import { assertPlanCanStart, decidePlan, fileProposal, findWaitingProposal, startPlan, type PlanPreview } from "./plan-arrangements.ts";
import { actorIds, auditFor, clockOf, lockWorkableCase, parseInput } from "./shared.ts";

export type { PlanPreview } from "./plan-arrangements.ts";

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

/** The schedule a plan would have and whether the policy lets it start at once; writes nothing. */
export async function previewPlan({ ctx, input }: { ctx: Ctx; input: ProposePlanInput }): Promise<PlanPreview> {
  const t = parseInput(PlanTermsInputSchema, input);
  const kase = await requireWorkableCase(ctx.db, ctx.actor, t.caseId);
  return decidePlan(ctx.db, kase, clockOf(ctx).day, proposalOf(t));
}

/** Records a plan: active at once within policy, otherwise `proposed` for approval with the reason. */
export async function proposePlan({ ctx, input }: { ctx: Ctx; input: ProposePlanInput }): Promise<{ arrangementId: string; status: "active" | "proposed"; reasons: PolicyReason[] }> {
  const t = parseInput(PlanTermsInputSchema, input);
  const { now, day } = clockOf(ctx);
  const { userId } = actorIds(ctx);
  return ctx.db.transaction(async (tx) => {
    const kase = await lockWorkableCase(tx, ctx, t.caseId);
    assertPlanCanStart(kase);
    if (await findWaitingProposal(tx, kase.id)) throw new DomainError("CONFLICT", "A plan for this case is already waiting for approval.");

    const preview = await decidePlan(tx, kase, day, proposalOf(t));
    const { note, caseId: _caseId, ...terms } = t;
    const audit = auditFor(tx, ctx, kase, now);
    const who = { proposedBy: "agent" as const, proposedByUserId: userId };

    if (preview.outcome === "approval") {
      const reason = preview.reasons.map((r) => r.message).join(" ");
      const arrangementId = await fileProposal(tx, {
        kase,
        now,
        kind: "plan",
        totalCents: kase.balanceCents,
        audit,
        details: {
          ...who,
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
        },
        auditData: {
          totalCents: kase.balanceCents,
          instalments: preview.schedule.length,
          reason,
          reasonCodes: preview.reasons.map((r) => r.code),
          approver: preview.approver,
        },
      });
      return { arrangementId, status: "proposed" as const, reasons: preview.reasons };
    }

    const schedule = preview.schedule;
    const money = (c: number) => `${(c / 100).toFixed(2)} ${kase.currency}`;
    const { arrangementId } = await startPlan(tx, {
      kase,
      now,
      schedule,
      audit,
      auditData: { decision: "accept" },
      details: {
        ...who,
        terms: { ...terms, instalments: schedule.length, interestFrozen: true, ...(note ? { agentNote: note } : {}) },
        decisionReason: "Within the client's negotiation policy",
        // Accepting a plan acknowledges the debt (DESIGN step 4): keep what was agreed, in words.
        acknowledgmentText: `Agreed by phone with the case handler: the debtor acknowledges owing ${money(kase.balanceCents)} (file ${kase.reference}) and will pay it in ${schedule.length} instalments, the first on ${schedule[0]!.dueOn}.`,
        acknowledgedAt: now,
      },
    });
    return { arrangementId, status: "active" as const, reasons: [] };
  });
}
