/**
 * What the debtor's self-service use-cases share: the one case of the portal session (anyone else's is
 * NOT_FOUND, staff included), the refusal of a closed case, the audit trail written as the debtor, and
 * the inbound portal interaction that puts the request in front of the case handler.
 */
import { appendAuditEvent, cases, interactions, type Case, type DbOrTx, type Tx } from "@recouvra/db";
import { DomainError, nextActionForPortalRequest, type CaseRecord, type InteractionOutcome, type IsoDate, type PortalRequestAction } from "@recouvra/domain";
import { eq, sql } from "drizzle-orm";
import type { Ctx } from "../context.ts";
import { requireCase } from "../scope.ts";

const NOT_FOUND = "This case does not exist or is not yours to see.";

/** Why a self-service request was refused, carried as the error's cause so the portal can word it. */
export type SelfServiceRefusal =
  | { reason: "case_closed" }
  | { reason: "dispute_open"; openedAt: string }
  | { reason: "on_hold" }
  | { reason: "file_too_big" | "file_empty" | "file_type" | "too_many_files"; filename: string | null }
  | { reason: "invalid" | "required" | "too_long" | "not_offered" }
  | { reason: "duplicate" | "duplicate_invalid" | "duplicate_opted_out"; value: string }
  | { reason: "already_invalid" };

/** A refusal with the field it is about (null: the whole request). */
export function selfServiceError(code: DomainError["code"], message: string, field: string | null, refusal: SelfServiceRefusal): DomainError {
  return new DomainError(code, message, { ...(field ? { field } : {}), cause: refusal });
}

/** The refusal behind a self-service error, or null for any other error. */
export function selfServiceRefusalOf(error: unknown): SelfServiceRefusal | null {
  if (!(error instanceof DomainError)) return null;
  const cause = error.cause as SelfServiceRefusal | undefined;
  return cause && typeof cause === "object" && "reason" in cause ? cause : null;
}

/** The debtor of the portal session; any other actor is NOT_FOUND, as for a stranger's case. */
export function debtorIdOf(ctx: Ctx): string {
  if (ctx.actor.kind !== "debtor") throw new DomainError("NOT_FOUND", NOT_FOUND);
  return ctx.actor.debtorId;
}

/** The debtor's own case `caseId` (read only). */
export async function requireDebtorCase(db: DbOrTx, ctx: Ctx, caseId: string): Promise<Case> {
  const debtorId = debtorIdOf(ctx);
  const kase = await requireCase(db, ctx.actor, caseId);
  if (kase.debtorId !== debtorId) throw new DomainError("NOT_FOUND", NOT_FOUND);
  return kase;
}

/** The debtor's own case, locked until the transaction ends (two requests on one case queue up here). */
export async function lockDebtorCase(tx: Tx, ctx: Ctx, caseId: string): Promise<Case> {
  await requireDebtorCase(tx, ctx, caseId);
  const [row] = await tx.select().from(cases).where(eq(cases.id, caseId)).for("update");
  if (!row) throw new DomainError("NOT_FOUND", NOT_FOUND);
  return row;
}

/** Refuses a request on a closed case, in words the portal shows as they are. */
export function refuseClosed(kase: Case): void {
  if (kase.stage === "closed") {
    throw selfServiceError("CONFLICT", "This file is closed: there is nothing more to do on it. Contact us if something is wrong.", null, { reason: "case_closed" });
  }
}

/** Audit helpers bound to one transaction, one case and one instant, acting as the case's debtor. */
export function debtorAudit(tx: DbOrTx, kase: Case, now: Date) {
  const base = { occurredAt: now, actorKind: "debtor" as const, actorId: kase.debtorId, caseId: kase.id, clientId: kase.clientId };
  return {
    event: (action: string, entityType: string, entityId: string | null, data: Record<string, unknown> = {}) => appendAuditEvent(tx, { ...base, action, entityType, entityId, data }),
    records: async (records: readonly CaseRecord[]) => {
      for (const { type, ...data } of records) await appendAuditEvent(tx, { ...base, action: `case.${type}`, entityType: "case", entityId: kase.id, data });
    },
  };
}

/** The debtor's request as an inbound portal interaction, their own words in `note` (no agent: `userId` null). */
export async function insertPortalInteraction(
  tx: Tx,
  kase: Case,
  request: { now: Date; outcome: InteractionOutcome; note: string; contactPointId?: string | null },
): Promise<string> {
  const [row] = await tx
    .insert(interactions)
    .values({
      caseId: kase.id,
      clientId: kase.clientId,
      channel: "portal",
      direction: "inbound",
      outcome: request.outcome,
      note: request.note,
      userId: null,
      contactPointId: request.contactPointId ?? null,
      occurredAt: request.now,
      createdAt: request.now,
    })
    .returning({ id: interactions.id });
  return row!.id;
}

/**
 * Records the debtor's request (`insertPortalInteraction`) and sets the next action that brings the
 * case before its handler on `wanted.on` (see `nextActionForPortalRequest`). `kase` is the row as
 * locked, before this request changed it.
 */
export async function recordPortalRequest(
  tx: Tx,
  kase: Case,
  request: { now: Date; day: IsoDate; outcome: InteractionOutcome; note: string; contactPointId?: string | null; wanted: { on: IsoDate; kind: PortalRequestAction } },
): Promise<{ interactionId: string; nextAction: { on: IsoDate; kind: string } }> {
  const interactionId = await insertPortalInteraction(tx, kase, request);
  const nextAction = nextActionForPortalRequest({ on: kase.nextActionOn, kind: kase.nextActionKind }, request.wanted, request.day);
  await tx
    .update(cases)
    .set({ version: sql`${cases.version} + 1`, nextActionOn: nextAction.on, nextActionKind: nextAction.kind })
    .where(eq(cases.id, kase.id));
  return { interactionId, nextAction };
}
