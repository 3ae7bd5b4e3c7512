/**
 * What the contact-point use-cases share: the case they are worked from, the debtor row they lock, the
 * point they change, and one path from a domain change to the row and its audit event.
 *
 * A contact point belongs to the debtor, not to the case: a debtor with several cases of one client
 * shares its points between them. The actor must be able to work the case named in the input, and the
 * point must belong to that case's debtor; anything else is NOT_FOUND (a client user included), so an
 * id tried from another tenant confirms nothing.
 */
import { auditEvents, contactPoints, debtors, type Case, type ContactPoint, type DbOrTx, type Debtor, type Tx } from "@recouvra/db";
import { changeContactPoint, DomainError, type ContactPointChange, type ContactPointKind, type ContactPointState } from "@recouvra/domain";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Ctx } from "../context.ts";
import { auditFor, clockOf } from "../cases/actions/shared.ts";
import { canWorkCases, isUuid, requireWorkableCase } from "../scope.ts";

const CASE_NOT_FOUND = "This case does not exist or is not yours to see.";
const POINT_NOT_FOUND = "This contact point does not exist or is not yours to see.";

/** The case (in the actor's working scope) and its debtor, locked so two changes to one debtor's points queue up. */
export async function lockDebtorOfCase(tx: Tx, ctx: Ctx, caseId: string): Promise<{ kase: Case; debtor: Debtor }> {
  if (!canWorkCases(ctx.actor)) throw new DomainError("NOT_FOUND", CASE_NOT_FOUND);
  const kase = await requireWorkableCase(tx, ctx.actor, caseId);
  // The debtor row, not the case, is the lock: the same debtor's other cases change the same points.
  const [debtor] = await tx.select().from(debtors).where(and(eq(debtors.id, kase.debtorId), eq(debtors.clientId, kase.clientId))).for("update");
  if (!debtor) throw new DomainError("NOT_FOUND", CASE_NOT_FOUND);
  return { kase, debtor };
}

/** `lockDebtorOfCase` and the point `contactPointId` of that debtor, locked; NOT_FOUND for anyone else's. */
export async function lockContactPointOfCase(tx: Tx, ctx: Ctx, caseId: string, contactPointId: string): Promise<{ kase: Case; debtor: Debtor; point: ContactPoint }> {
  const { kase, debtor } = await lockDebtorOfCase(tx, ctx, caseId);
  if (!isUuid(contactPointId)) throw new DomainError("NOT_FOUND", POINT_NOT_FOUND);
  const [point] = await tx
    .select()
    .from(contactPoints)
    .where(and(eq(contactPoints.id, contactPointId), eq(contactPoints.debtorId, debtor.id), eq(contactPoints.clientId, debtor.clientId)))
    .for("update");
  if (!point) throw new DomainError("NOT_FOUND", POINT_NOT_FOUND);
  return { kase, debtor, point };
}

/** The domain's view of a stored point. */
export function contactPointStateOf(point: Pick<ContactPoint, "kind" | "isPrimary" | "isVerified" | "isInvalid" | "hasConsent" | "optedOutAt">): ContactPointState {
  return {
    kind: point.kind as ContactPointKind,
    isPrimary: point.isPrimary,
    isVerified: point.isVerified,
    isInvalid: point.isInvalid,
    hasConsent: point.hasConsent,
    isOptedOut: point.optedOutAt !== null,
  };
}

/** Takes the primary role away from the debtor's other points of `kind` (one primary per kind, by a unique index). */
export async function demotePrimaries(tx: Tx, debtorId: string, kind: string, now: Date): Promise<string | null> {
  const demoted = await tx
    .update(contactPoints)
    .set({ isPrimary: false, updatedAt: now })
    .where(and(eq(contactPoints.debtorId, debtorId), eq(contactPoints.kind, kind), eq(contactPoints.isPrimary, true)))
    .returning({ id: contactPoints.id });
  return demoted[0]?.id ?? null;
}

/** What a change use-case returns: the point's state after it. */
export interface ChangedContactPoint {
  contactPointId: string;
  state: ContactPointState;
}

/**
 * Applies one domain change to a point in one transaction: scope, locks, the domain's refusal as a typed
 * error, the row, and its audit event `action` with `data` (the point's kind and value are added).
 */
export async function applyContactPointChange(
  ctx: Ctx,
  ids: { caseId: string; contactPointId: string },
  change: ContactPointChange,
  audit: { action: string; data: Record<string, unknown>; check?: (point: ContactPoint) => void },
): Promise<ChangedContactPoint> {
  const { now } = clockOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const { kase, debtor, point } = await lockContactPointOfCase(tx, ctx, ids.caseId, ids.contactPointId);
    audit.check?.(point);
    const before = contactPointStateOf(point);
    const result = changeContactPoint(before, change);
    if (!result.ok) throw new DomainError(result.code, result.message);
    const after = result.state;
    const previousPrimaryId = change === "make_primary" ? await demotePrimaries(tx, debtor.id, point.kind, now) : null;
    await tx
      .update(contactPoints)
      .set({
        isPrimary: after.isPrimary,
        isVerified: after.isVerified,
        isInvalid: after.isInvalid,
        hasConsent: after.hasConsent,
        ...(after.isOptedOut !== before.isOptedOut ? { optedOutAt: after.isOptedOut ? now : null } : {}),
        updatedAt: now,
      })
      .where(eq(contactPoints.id, point.id));
    await auditFor(tx, ctx, kase, now).event(audit.action, "contact_point", point.id, {
      kind: point.kind,
      value: point.value,
      ...audit.data,
      ...(before.isPrimary && !after.isPrimary ? { wasPrimary: true } : {}),
      ...(change === "make_primary" ? { previousPrimaryId } : {}),
      ...(change === "lift_opt_out" ? { optedOutAt: point.optedOutAt } : {}),
    });
    return { contactPointId: point.id, state: after };
  });
}

/** Why a point was marked invalid and how the debtor opted out of it, as the audit trail recorded them. */
export interface ContactPointNote {
  invalidReason: string | null;
  optOutSource: string | null;
}

/** The latest invalidation reason and opt-out source recorded for each point of `debtorId`, from the audit trail. */
export async function contactPointNotes(db: DbOrTx, debtorId: string): Promise<Map<string, ContactPointNote>> {
  const rows = await db
    .select({ entityId: auditEvents.entityId, action: auditEvents.action, data: auditEvents.data })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entityType, "contact_point"),
        inArray(auditEvents.action, ["contact_point.invalidated", "contact_point.opted_out"]),
        inArray(auditEvents.entityId, sql`(select ${contactPoints.id}::text from ${contactPoints} where ${contactPoints.debtorId} = ${debtorId})`),
      ),
    )
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id));
  const notes = new Map<string, ContactPointNote>();
  const seen = new Set<string>();
  for (const row of rows) {
    // Newest first: the first event of each action on a point is the one that set its current state.
    if (!row.entityId || seen.has(`${row.entityId} ${row.action}`)) continue;
    seen.add(`${row.entityId} ${row.action}`);
    const note = notes.get(row.entityId) ?? { invalidReason: null, optOutSource: null };
    const data = (row.data ?? {}) as Record<string, unknown>;
    const text = (k: string) => (typeof data[k] === "string" && data[k] !== "" ? (data[k] as string) : null);
    if (row.action === "contact_point.invalidated") note.invalidReason = [text("reason"), text("note")].filter(Boolean).join(": ") || null;
    else note.optOutSource = text("source");
    notes.set(row.entityId, note);
  }
  return notes;
}

/** A stored point as the workspace shows it: the case file and the contact-points page. */
export interface ContactPointView {
  id: string;
  kind: string;
  value: string;
  label: string | null;
  isPrimary: boolean;
  isVerified: boolean;
  isInvalid: boolean;
  hasConsent: boolean;
  optedOutAt: string | null;
  /** Staff only. */
  source: string | null;
  /** Staff only: why it is marked invalid (reason and note), while it is. */
  invalidReason: string | null;
  /** Staff only: how the debtor asked to opt out (a `DebtorRequestSource`), while opted out. */
  optOutSource: string | null;
}

/** `point` with its `note` (from `contactPointNotes`); a note outlived by the state it explained is left out. */
export function contactPointView(point: ContactPoint, note: ContactPointNote | undefined): ContactPointView {
  return {
    id: point.id,
    kind: point.kind,
    value: point.value,
    label: point.label,
    isPrimary: point.isPrimary,
    isVerified: point.isVerified,
    isInvalid: point.isInvalid,
    hasConsent: point.hasConsent,
    optedOutAt: point.optedOutAt ? point.optedOutAt.toISOString() : null,
    source: point.source,
    invalidReason: point.isInvalid ? (note?.invalidReason ?? null) : null,
    optOutSource: point.optedOutAt ? (note?.optOutSource ?? null) : null,
  };
}

/**
 * The country a national phone number of the debtor is read in: that of their primary valid address,
 * else of any address on file, else the debtor's jurisdiction.
 */
export function debtorCountryOf(debtor: Pick<Debtor, "jurisdiction">, points: readonly Pick<ContactPoint, "kind" | "countryCode" | "isPrimary" | "isInvalid">[]): string {
  const addresses = points.filter((p) => p.kind === "address" && p.countryCode);
  const best = addresses.find((p) => p.isPrimary && !p.isInvalid) ?? addresses.find((p) => !p.isInvalid) ?? addresses[0];
  return best?.countryCode ?? debtor.jurisdiction;
}
