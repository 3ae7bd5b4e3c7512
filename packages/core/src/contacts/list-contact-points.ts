/** The debtor's contact points as a case handler manages them: state, why, and the changes allowed now. */
import { contactPoints, debtors } from "@recouvra/db";
import { allowedContactPointChanges, DomainError, type ContactPointChange, type ContactPointKind } from "@recouvra/domain";
import { and, asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context.ts";
import { parseInput } from "../cases/actions/shared.ts";
import { canWorkCases, requireWorkableCase } from "../scope.ts";
import { contactPointNotes, contactPointStateOf, contactPointView, debtorCountryOf, type ContactPointView } from "./shared.ts";

export const ListContactPointsInputSchema = z.object({ caseId: z.string() });
export type ListContactPointsInput = z.input<typeof ListContactPointsInputSchema>;

export interface ManagedContactPoint extends ContactPointView {
  kind: ContactPointKind;
  allowedChanges: ContactPointChange[];
}

export interface ContactPointList {
  caseId: string;
  debtorId: string;
  /** The country a national phone number is read in. */
  phoneCountry: string;
  points: ManagedContactPoint[];
}

/** The points of the case's debtor, for someone who can work the case (NOT_FOUND for anyone else). */
export async function listContactPoints({ ctx, input }: { ctx: Ctx; input: ListContactPointsInput }): Promise<ContactPointList> {
  const data = parseInput(ListContactPointsInputSchema, input);
  if (!canWorkCases(ctx.actor)) throw new DomainError("NOT_FOUND", "This case does not exist or is not yours to see.");
  const kase = await requireWorkableCase(ctx.db, ctx.actor, data.caseId);
  const [[debtor], rows, notes] = await Promise.all([
    ctx.db.select().from(debtors).where(eq(debtors.id, kase.debtorId)).limit(1),
    ctx.db
      .select()
      .from(contactPoints)
      .where(and(eq(contactPoints.debtorId, kase.debtorId), eq(contactPoints.clientId, kase.clientId)))
      .orderBy(asc(contactPoints.kind), desc(contactPoints.isPrimary), asc(contactPoints.createdAt)),
    contactPointNotes(ctx.db, kase.debtorId),
  ]);
  if (!debtor) throw new DomainError("NOT_FOUND", "This case does not exist or is not yours to see.");
  return {
    caseId: kase.id,
    debtorId: debtor.id,
    phoneCountry: debtorCountryOf(debtor, rows),
    points: rows.map((p) => {
      const state = contactPointStateOf(p);
      return { ...contactPointView(p, notes.get(p.id)), kind: state.kind, allowedChanges: allowedContactPointChanges(state) };
    }),
  };
}
