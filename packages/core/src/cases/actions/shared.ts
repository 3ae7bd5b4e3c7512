/**
 * What every case action shares: input parsing that names the field, the locked read of a workable
 * case, the stage machine's refusals as typed errors, and the audit helper bound to one transaction.
 */
import { appendAuditEvent, cases, type Case, type Tx } from "@recouvra/db";
import { DomainError, transition, type CaseEvent, type CaseRecord, type CaseState, type TransitionRefusal } from "@recouvra/domain";
import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { today, type Ctx } from "../../context.ts";
import { caseStateOf, requireWorkableCase } from "../../scope.ts";

/** Parses `input` with `schema`; the first problem becomes a VALIDATION error naming its field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "input";
  throw new DomainError("VALIDATION", issue.message, { field });
}

/** The case, checked against the actor's scope and then locked until the transaction ends. */
export async function lockWorkableCase(tx: Tx, ctx: Ctx, caseId: string): Promise<Case> {
  // Scope first (NOT_FOUND / FORBIDDEN), then the row lock: two actions on one case queue up here, and
  // under READ COMMITTED the locked re-read sees what the other one committed.
  await requireWorkableCase(tx, ctx.actor, caseId);
  const [row] = await tx.select().from(cases).where(eq(cases.id, caseId)).for("update");
  if (!row) throw new DomainError("NOT_FOUND", "This case does not exist or is not yours to see.");
  return row;
}

const HOLD_WORDS: Record<string, string> = {
  disputed: "the debt is disputed",
  insolvency: "the debtor is in insolvency proceedings",
  deceased: "the debtor has died",
  vulnerable: "the debtor is flagged as vulnerable",
};

/** A sentence saying which holds stop contact, e.g. "Contact is paused: the debt is disputed." */
export function holdSentence(holds: readonly string[]): string {
  return `Contact is paused while the case is on hold: ${holds.map((h) => HOLD_WORDS[h] ?? h).join(", and ")}.`;
}

/** The domain's refusal as a typed error; a hold says which one, so the agent knows why. */
export function refusalError(refusal: TransitionRefusal): DomainError {
  if (refusal.reason === "on_hold" && refusal.holds?.length) return new DomainError(refusal.code, holdSentence(refusal.holds));
  return new DomainError(refusal.code, refusal.message);
}

/** Applies `event` to the case state or throws the refusal. */
export function step(state: CaseState, event: CaseEvent): { state: CaseState; events: readonly CaseRecord[] } {
  const result = transition(state, event);
  if (!result.ok) throw refusalError(result.refusal);
  return { state: result.state, events: result.events };
}

export { caseStateOf };

/** Who acted, as the audit trail and the `userId` columns record it. */
export function actorIds(ctx: Ctx): { actorKind: "user" | "system"; actorId: string | null; userId: string | null } {
  return ctx.actor.kind === "user"
    ? { actorKind: "user", actorId: ctx.actor.userId, userId: ctx.actor.userId }
    : { actorKind: "system", actorId: null, userId: null };
}

/** Audit helpers bound to one transaction, one case and one instant. */
export function auditFor(tx: Tx, ctx: Ctx, kase: Case, now: Date) {
  const { actorKind, actorId } = actorIds(ctx);
  const base = { occurredAt: now, actorKind, actorId, caseId: kase.id, clientId: kase.clientId };
  return {
    event: (action: string, entityType: string, entityId: string | null, data: Record<string, unknown> = {}) =>
      appendAuditEvent(tx, { ...base, action, entityType, entityId, data }),
    /** One `case.<record>` event per record the stage machine returned (stage_changed, case_closed, hold_set…). */
    records: async (records: readonly CaseRecord[]) => {
      for (const { type, ...data } of records) await appendAuditEvent(tx, { ...base, action: `case.${type}`, entityType: "case", entityId: kase.id, data });
    },
  };
}

/** The columns every action sets on the case row besides its own: the version bump. */
export const bumpVersion = { version: sql`${cases.version} + 1` } as const;

/** The clock's instant and calendar day, read once per action. */
export function clockOf(ctx: Ctx): { now: Date; day: string } {
  return { now: ctx.clock.now(), day: today(ctx.clock) };
}

/** A calendar date field: YYYY-MM-DD that exists. */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
