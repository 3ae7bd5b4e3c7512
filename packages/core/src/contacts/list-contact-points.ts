/** The debtor's contact points as a case handler manages them: state, why, and the changes allowed now. */
import { contactPoints, debtors } from "@recouvra/db";
import { allowedContactPointChanges, DomainError, type ContactPointChange, type ContactPointKind } from "@recouvra/domain";
import { and, asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context.ts";
import { parseInput } from "../cases/actions/shared.ts";
import { canWorkCases, requireWorkableCase } from "../scope.ts";
import { contactPointNotes, contactPointStateOf, debtorCountryOf } from "./shared.ts";

export const ListContactPointsInputSchema = z.object({ caseId: z.string() });
export type ListContactPointsInput = z.input<typeof ListContactPointsInputSchema>;

export interface ManagedContactPoint {
  id: string;
  kind: ContactPointKind;
  value: string;
  label: string | null;
  isPrimary: boolean;
  isVerified: boolean;
  isInvalid: boolean;
  hasConsent: boolean;
  optedOutAt: string | null;
  source: string | null;
  /** Why it was marked invalid (reason and note), while it is. */
  invalidReason: string | null;
  /** How the debtor asked to opt out (a `DebtorRequestSource`), while opted out. */
  optOutSource: string | null;
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
      const note = notes.get(p.id);
      return {
        id: p.id,
        kind: state.kind,
        value: p.value,
        label: p.label,
        isPrimary: p.isPrimary,
        isVerified: p.isVerified,
        isInvalid: p.isInvalid,
        hasConsent: p.hasConsent,
        optedOutAt: p.optedOutAt ? p.optedOutAt.toISOString() : null,
        source: p.source,
        invalidReason: p.isInvalid ? (note?.invalidReason ?? null) : null,
        optOutSource: p.optedOutAt ? (note?.optOutSource ?? null) : null,
        allowedChanges: allowedContactPointChanges(state),
      };
    }),
  };
}
