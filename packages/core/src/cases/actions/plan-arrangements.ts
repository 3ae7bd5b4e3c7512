/**
 * What a plan agreed with the case handler and a plan the debtor proposes in the portal share: the
 * policy's answer over the case's balance, starting an agreed plan (instalments, pending promises
 * cancelled, case → arrangement through the stage machine) and filing one for approval. Each caller
 * brings its own audit helper, so the trail says who acted (agent or debtor).
 */
import { arrangements, cases, instalments, promises, type Case, type DbOrTx, type NewArrangement, type Tx } from "@recouvra/db";
import { buildSchedule, DomainError, evaluateProposal, transition, type Instalment, type IsoDate, type PlanProposal, type PolicyReason } from "@recouvra/domain";
import { and, eq, inArray } from "drizzle-orm";
import { bumpVersion, caseStateOf, refusalError, step, type auditFor } from "./shared.ts";
import { findPolicy } from "./terms.ts";

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

/** The audit helpers a plan writes through: `auditFor`'s shape, whoever the actor is. */
export type PlanAudit = Pick<ReturnType<typeof auditFor>, "event" | "records">;

const NO_POLICY: PolicyReason = { code: "balance_above_auto_limit", message: "The client has no negotiation policy: every plan is reviewed." };

/**
 * The client's policy applied to `proposal` over the case's balance on `day`. Throws VALIDATION naming
 * the field when the terms cannot make a schedule at all (a past first date, a down payment of the whole
 * balance, an amount so small the plan would never end).
 */
export async function decidePlan(db: DbOrTx, kase: Case, day: IsoDate, proposal: PlanProposal): Promise<PlanPreview> {
  if (kase.balanceCents <= 0) throw new DomainError("PRECONDITION_FAILED", "Nothing is owed on this case: there is nothing to plan.");
  if (proposal.firstDueOn < day) throw new DomainError("VALIDATION", "firstDueOn cannot be in the past", { field: "firstDueOn" });
  if (proposal.downPaymentCents !== undefined && proposal.downPaymentCents >= kase.balanceCents) {
    throw new DomainError("VALIDATION", "downPaymentCents must be less than the balance (record a promise to pay in full instead)", { field: "downPaymentCents" });
  }
  const schedule = buildSchedule({ totalCents: kase.balanceCents, ...proposal });
  const found = await findPolicy(db, kase.clientId);
  const base = { balanceCents: kase.balanceCents, currency: kase.currency, schedule, approver: found?.approver ?? ("supervisor" as const) };
  if (!found) return { ...base, outcome: "approval", reasons: [NO_POLICY], counterSchedule: null };
  const decision = evaluateProposal({ policy: found.policy, balanceCents: kase.balanceCents, today: day, proposal });
  if (decision.decision === "accept") return { ...base, schedule: decision.schedule, outcome: "active", reasons: [], counterSchedule: null };
  return { ...base, outcome: "approval", reasons: [...decision.reasons], counterSchedule: decision.decision === "counter" ? decision.schedule : null };
}

/**
 * Refuses a plan the case could not take now (closed, on hold, another commitment running), with the
 * stage machine's reason: checked before the policy is asked, so nothing waits that could never start.
 */
export function assertPlanCanStart(kase: Case): void {
  const allowed = transition(caseStateOf(kase), { type: "plan_accepted" });
  if (!allowed.ok) throw refusalError(allowed.refusal);
}

/** The id of a proposal on the case still waiting for a decision (in one of `statuses`), or null. */
export async function findWaitingProposal(tx: DbOrTx, caseId: string, statuses: readonly ("proposed" | "countered")[] = ["proposed", "countered"]): Promise<string | null> {
  const [waiting] = await tx
    .select({ id: arrangements.id })
    .from(arrangements)
    .where(and(eq(arrangements.caseId, caseId), inArray(arrangements.status, [...statuses])))
    .limit(1);
  return waiting?.id ?? null;
}

/** The columns of an arrangement the caller decides; the rest (case, client, kind, status, money) follow from the case. */
export type ArrangementDetails = Pick<NewArrangement, "proposedBy" | "proposedByUserId" | "terms" | "decisionReason" | "acknowledgmentText" | "acknowledgmentIp" | "acknowledgedAt" | "counterOfId">;

/**
 * Starts an agreed plan on a locked case: the arrangement `active` with its instalments, any pending
 * promise cancelled (the debtor cannot pay at once after all), the case moved to `arrangement`, and the
 * `arrangement.accepted` event with the stage machine's records.
 */
export async function startPlan(
  tx: Tx,
  input: { kase: Case; now: Date; schedule: readonly Instalment[]; details: ArrangementDetails; audit: PlanAudit; auditData?: Record<string, unknown> },
): Promise<{ arrangementId: string; cancelledPromises: number }> {
  const { kase, now, schedule } = input;
  const moved = step(caseStateOf(kase), { type: "plan_accepted" });
  const [row] = await tx
    .insert(arrangements)
    .values({
      ...input.details,
      caseId: kase.id,
      clientId: kase.clientId,
      kind: "plan",
      status: "active",
      currency: kase.currency,
      totalCents: kase.balanceCents,
      decidedAt: now,
      acceptedAt: now,
      createdAt: now,
    })
    .returning({ id: arrangements.id });
  const arrangementId = row!.id;
  await tx.insert(instalments).values(schedule.map((l) => ({ arrangementId, seq: l.seq, dueOn: l.dueOn, amountCents: l.amountCents })));
  const cancelled = await tx
    .update(promises)
    .set({ status: "cancelled", resolvedAt: now })
    .where(and(eq(promises.caseId, kase.id), eq(promises.status, "pending")))
    .returning({ id: promises.id });
  await tx
    .update(cases)
    .set({ ...bumpVersion, stage: moved.state.stage, nextActionOn: schedule[0]!.dueOn, nextActionKind: "check_instalment" })
    .where(eq(cases.id, kase.id));
  await input.audit.event("arrangement.accepted", "arrangement", arrangementId, {
    totalCents: kase.balanceCents,
    instalments: schedule.length,
    firstDueOn: schedule[0]!.dueOn,
    ...input.auditData,
    cancelledPromises: cancelled.length,
  });
  await input.audit.records(moved.events);
  return { arrangementId, cancelledPromises: cancelled.length };
}

/**
 * Files a plan or settlement for a person's decision: the arrangement `proposed` (what the approvals
 * queue lists and `decideApproval` decides), the case's version bumped, and `arrangement.proposed`.
 */
export async function fileProposal(
  tx: Tx,
  input: { kase: Case; now: Date; kind: "plan" | "settlement"; totalCents: number; details: ArrangementDetails; audit: PlanAudit; auditData: Record<string, unknown> },
): Promise<string> {
  const { kase, now } = input;
  const [row] = await tx
    .insert(arrangements)
    .values({ ...input.details, caseId: kase.id, clientId: kase.clientId, kind: input.kind, status: "proposed", currency: kase.currency, totalCents: input.totalCents, createdAt: now })
    .returning({ id: arrangements.id });
  await tx.update(cases).set(bumpVersion).where(eq(cases.id, kase.id));
  await input.audit.event("arrangement.proposed", "arrangement", row!.id, input.auditData);
  return row!.id;
}
