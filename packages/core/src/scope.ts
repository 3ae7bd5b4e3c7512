/**
 * Who may see which case: the one place that decides it, so every loader and action of every app
 * asks the same question. A case outside the actor's scope is NOT_FOUND, never FORBIDDEN, so an id
 * guessed from another tenant does not even confirm that the case exists.
 */
import { cases, type Case, type DbOrTx } from "@recouvra/db";
import { DomainError, type CaseHold, type CaseStage, type CaseState, type ClosureReason } from "@recouvra/domain";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Actor } from "./context.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `s` has the shape of a uuid (anything else cannot name a row, and must not reach SQL). */
export function isUuid(s: string): boolean {
  return UUID.test(s);
}

/**
 * The SQL condition on `cases` that selects exactly what `actor` may see:
 * admins and the platform everything; a supervisor the cases of their team (every team when they lead
 * none); an agent the cases of their team, or only those assigned to them when they have no team;
 * a client user the cases of their client; a debtor their own cases.
 */
export function caseScope(actor: Actor): SQL {
  switch (actor.kind) {
    case "system":
      return sql`true`;
    case "debtor":
      return actor.caseIds.length > 0 ? inArray(cases.id, [...actor.caseIds]) : sql`false`;
    case "user":
      switch (actor.role) {
        case "admin":
          return sql`true`;
        case "supervisor":
          return actor.teamId ? eq(cases.teamId, actor.teamId) : sql`true`;
        case "agent":
          return actor.teamId ? eq(cases.teamId, actor.teamId) : eq(cases.assignedUserId, actor.userId);
        case "client":
          // A client user without a client is refused by a CHECK in the database; be safe anyway.
          return actor.clientId ? eq(cases.clientId, actor.clientId) : sql`false`;
      }
  }
}

/** The case `caseId` if `actor` may see it; NOT_FOUND otherwise (also for a malformed id). */
export async function requireCase(db: DbOrTx, actor: Actor, caseId: string): Promise<Case> {
  if (isUuid(caseId)) {
    const [row] = await db.select().from(cases).where(and(eq(cases.id, caseId), caseScope(actor))).limit(1);
    if (row) return row;
  }
  throw new DomainError("NOT_FOUND", "This case does not exist or is not yours to see.");
}

/** True for agency staff who may change a case (client users and debtors act through their own use-cases). */
export function canWorkCases(actor: Actor): boolean {
  return actor.kind === "system" || (actor.kind === "user" && actor.role !== "client");
}

/** `requireCase`, and refuses (FORBIDDEN) an actor who may see the case but not work it. */
export async function requireWorkableCase(db: DbOrTx, actor: Actor, caseId: string): Promise<Case> {
  const found = await requireCase(db, actor, caseId);
  if (!canWorkCases(actor)) throw new DomainError("FORBIDDEN", "Only the agency's case handlers can change a case.");
  return found;
}

/** The domain's view of a case row, for `transition`. */
export function caseStateOf(row: Pick<Case, "stage" | "holds" | "closureReason">): CaseState {
  return {
    stage: row.stage as CaseStage,
    holds: (row.holds ?? []) as CaseHold[],
    ...(row.closureReason ? { closureReason: row.closureReason as ClosureReason } : {}),
  };
}
