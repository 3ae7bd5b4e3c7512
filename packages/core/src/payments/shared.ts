/**
 * What the payment use-cases share: the debtor's own case and the plan that is running on a case.
 */
import { arrangements, instalments, type Arrangement, type Case, type DbOrTx, type Instalment } from "@recouvra/db";
import { DomainError } from "@recouvra/domain";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Actor } from "../context.ts";
import { requireCase } from "../scope.ts";

export const NOT_FOUND = "This case does not exist or is not yours to see.";

/** The case of a debtor's own file; anyone else (staff included) gets NOT_FOUND, as for a stranger's case. */
export async function requireDebtorCase(db: DbOrTx, actor: Actor, caseId: string): Promise<Case> {
  if (actor.kind !== "debtor") throw new DomainError("NOT_FOUND", NOT_FOUND);
  return requireCase(db, actor, caseId);
}

/** True while something is left to pay on the case. */
export const isOpen = (kase: Case) => kase.stage !== "closed" && kase.balanceCents > 0;

/** Arrangement statuses during which instalments fall due. */
export const LIVE_PLAN_STATUSES = ["accepted", "active"] as const;

/** The case's running plan (accepted or active) and its instalments in order, or null. */
export async function livePlanOf(db: DbOrTx, caseId: string): Promise<{ plan: Arrangement; lines: Instalment[] } | null> {
  const [plan] = await db
    .select()
    .from(arrangements)
    .where(and(eq(arrangements.caseId, caseId), inArray(arrangements.status, [...LIVE_PLAN_STATUSES])))
    .limit(1);
  if (!plan) return null;
  const lines = await db.select().from(instalments).where(eq(instalments.arrangementId, plan.id)).orderBy(asc(instalments.seq));
  return { plan, lines };
}
