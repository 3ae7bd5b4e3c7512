/**
 * The debtor's contact details in the portal: they add an email address, a phone number or a postal
 * address (source `debtor_portal`, unverified), say which is to be used first, report one as not theirs
 * or no longer valid (it is marked invalid and kept: a debtor never deletes history), and say how and
 * when they prefer to be contacted. The agent sees all of it in the case file.
 */
import { contactPoints, debtors, type ContactPoint, type Tx } from "@recouvra/db";
import {
  changeContactPoint,
  CONTACT_POINT_KINDS,
  CONTACT_TIME_SLOTS,
  contactPointValueField,
  findDuplicateContactPoint,
  isUsableContactPoint,
  normaliseContactPoint,
  PREFERRED_CHANNELS,
  type ContactPointKind,
  type ContactTimeSlot,
  type NewContactPointInput,
  type PreferredChannel,
} from "@recouvra/domain";
import { and, asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { clockOf, parseInput } from "../cases/actions/shared.ts";
import { contactPointStateOf, demotePrimaries } from "../contacts/shared.ts";
import type { Ctx } from "../context.ts";
import { isUuid } from "../scope.ts";
import { debtorAudit, lockDebtorCase, refuseClosed, requireDebtorCase, selfServiceError } from "./self-service-shared.ts";

/** The `source` of a contact point the debtor added themself. */
export const DEBTOR_PORTAL_SOURCE = "debtor_portal";

/** Why the debtor reports a point. */
export const DEBTOR_REPORT_REASONS = ["not_mine", "no_longer_valid"] as const;
export type DebtorReportReason = (typeof DEBTOR_REPORT_REASONS)[number];
const REPORT_NOTES: Record<DebtorReportReason, string> = { not_mine: "Not theirs", no_longer_valid: "No longer valid" };

/** A contact point as the debtor sees it: theirs, still in use. */
export interface DebtorContactPoint {
  id: string;
  kind: ContactPointKind;
  value: string;
  /** Used first for its kind. */
  isPrimary: boolean;
  /** The debtor asked for no messages there. */
  isOptedOut: boolean;
  /** The debtor added it in the portal. */
  isOwnAddition: boolean;
}

/** How the debtor prefers to be contacted. */
export interface DebtorContactPreferences {
  channel: PreferredChannel | null;
  times: ContactTimeSlot[];
  updatedAt: string | null;
}

/** What the contact page shows. */
export interface DebtorContactDetails {
  caseId: string;
  reference: string;
  isClosed: boolean;
  /** The country a national phone number is read in (the case's). */
  phoneCountry: string;
  points: DebtorContactPoint[];
  preferences: DebtorContactPreferences;
}

const KIND_ORDER: readonly ContactPointKind[] = ["email", "phone", "address"];

/** The points and preferences of the debtor of the case (invalid points are history: not listed). */
export async function getDebtorContactDetails({ ctx, input }: { ctx: Ctx; input: { caseId: string } }): Promise<DebtorContactDetails> {
  const kase = await requireDebtorCase(ctx.db, ctx, input.caseId);
  const [[debtor], rows] = await Promise.all([
    ctx.db.select().from(debtors).where(and(eq(debtors.id, kase.debtorId), eq(debtors.clientId, kase.clientId))).limit(1),
    ctx.db
      .select()
      .from(contactPoints)
      .where(and(eq(contactPoints.debtorId, kase.debtorId), eq(contactPoints.clientId, kase.clientId), eq(contactPoints.isInvalid, false)))
      .orderBy(desc(contactPoints.isPrimary), asc(contactPoints.createdAt)),
  ]);
  return {
    caseId: kase.id,
    reference: kase.reference,
    isClosed: kase.stage === "closed",
    phoneCountry: kase.jurisdiction,
    points: rows
      .map((p) => ({ id: p.id, kind: p.kind as ContactPointKind, value: p.value, isPrimary: p.isPrimary, isOptedOut: p.optedOutAt !== null, isOwnAddition: p.source === DEBTOR_PORTAL_SOURCE }))
      .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind)),
    preferences: preferencesOf(debtor),
  };
}

function preferencesOf(debtor: { preferredChannel: string | null; preferredContactTimes: string[] | null; preferencesUpdatedAt: Date | null } | undefined): DebtorContactPreferences {
  return {
    channel: (debtor?.preferredChannel ?? null) as PreferredChannel | null,
    times: CONTACT_TIME_SLOTS.filter((s) => (debtor?.preferredContactTimes ?? []).includes(s)),
    updatedAt: debtor?.preferencesUpdatedAt ? debtor.preferencesUpdatedAt.toISOString() : null,
  };
}

const optionalText = (field: string, max: number) => z.string().max(max, `${field}: at most ${max} characters`).optional();

export const UpdateDebtorContactInputSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("preferences"),
      caseId: z.string(),
      /** Null: no preference. */
      preferredChannel: z.enum(PREFERRED_CHANNELS, { error: "preferredChannel: choose email, SMS, phone or letter" }).nullable(),
      preferredTimes: z.array(z.enum(CONTACT_TIME_SLOTS, { error: "preferredTimes: choose morning, afternoon or evening" })).max(CONTACT_TIME_SLOTS.length),
    }),
    z.object({
      intent: z.literal("add"),
      caseId: z.string(),
      kind: z.enum(CONTACT_POINT_KINDS, { error: "kind: choose an email address, a phone number or an address" }),
      email: optionalText("email", 320),
      phone: optionalText("phone", 40),
      line1: optionalText("line1", 300),
      line2: optionalText("line2", 300),
      postalCode: optionalText("postalCode", 20),
      city: optionalText("city", 300),
      countryCode: optionalText("countryCode", 60),
      /** Use it first for its kind. */
      isPreferred: z.boolean().default(false),
    }),
    z.object({
      intent: z.literal("report"),
      caseId: z.string(),
      contactPointId: z.string(),
      why: z.enum(DEBTOR_REPORT_REASONS, { error: "why: say whether it is not yours or no longer valid" }).default("no_longer_valid"),
    }),
  ],
  { error: "intent: choose what to change" },
);
export type UpdateDebtorContactInput = z.input<typeof UpdateDebtorContactInputSchema>;

/** What an update changed. */
export type UpdatedDebtorContact =
  | { intent: "preferences"; preferences: DebtorContactPreferences }
  | { intent: "add"; contactPointId: string; isPrimary: boolean; isNew: boolean }
  | { intent: "report"; contactPointId: string };

/**
 * One change to the debtor's contact details: `preferences` (channel and parts of the day), `add` (a new
 * point, normalised — a national phone number is read in the case's country — or an existing one made
 * the first to use), or `report` (a point marked invalid, "reported by debtor"). Audited as the debtor;
 * NOT_FOUND for anyone else's case or point; refused on a closed case; VALIDATION naming the field.
 */
export async function updateDebtorContact({ ctx, input }: { ctx: Ctx; input: UpdateDebtorContactInput }): Promise<UpdatedDebtorContact> {
  const data = parseInput(UpdateDebtorContactInputSchema, input);
  const { now } = clockOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const kase = await lockDebtorCase(tx, ctx, data.caseId);
    refuseClosed(kase);
    // The debtor row is the lock of their points and preferences: the same debtor's other cases share them.
    const [debtor] = await tx.select().from(debtors).where(and(eq(debtors.id, kase.debtorId), eq(debtors.clientId, kase.clientId))).for("update");
    if (!debtor) throw selfServiceError("NOT_FOUND", "This case does not exist or is not yours to see.", null, { reason: "invalid" });
    const audit = debtorAudit(tx, kase, now);

    if (data.intent === "preferences") {
      const times = CONTACT_TIME_SLOTS.filter((s) => data.preferredTimes.includes(s));
      await tx.update(debtors).set({ preferredChannel: data.preferredChannel, preferredContactTimes: times, preferencesUpdatedAt: now, updatedAt: now }).where(eq(debtors.id, debtor.id));
      await audit.event("debtor.preferences_updated", "debtor", debtor.id, {
        preferredChannel: data.preferredChannel,
        preferredContactTimes: times,
        previous: { preferredChannel: debtor.preferredChannel, preferredContactTimes: debtor.preferredContactTimes },
      });
      return { intent: "preferences", preferences: { channel: data.preferredChannel, times, updatedAt: now.toISOString() } };
    }

    const existing = await tx.select().from(contactPoints).where(and(eq(contactPoints.debtorId, debtor.id), eq(contactPoints.clientId, debtor.clientId)));
    if (data.intent === "report") return reportPoint(tx, audit, existing, data.contactPointId, data.why, now);

    const typed: NewContactPointInput =
      data.kind === "email"
        ? { kind: "email", email: data.email ?? "" }
        : data.kind === "phone"
          ? { kind: "phone", phone: data.phone ?? "" }
          : { kind: "address", line1: data.line1 ?? "", line2: data.line2, postalCode: data.postalCode ?? "", city: data.city ?? "", countryCode: data.countryCode };
    const read = normaliseContactPoint(typed, { defaultCountry: kase.jurisdiction });
    if (!read.ok) {
      const given = (data as Record<string, unknown>)[read.problem.field];
      const reason = typeof given === "string" && given.trim() !== "" ? "invalid" : "required";
      throw selfServiceError("VALIDATION", read.problem.message, read.problem.field, { reason });
    }
    const point = read.point;
    const field = contactPointValueField(point.kind);
    const duplicate = findDuplicateContactPoint(point, existing);
    if (duplicate) {
      if (duplicate.isInvalid) throw selfServiceError("VALIDATION", `${field}: this ${point.kind} is marked as not working`, field, { reason: "duplicate_invalid", value: duplicate.value });
      if (duplicate.optedOutAt) throw selfServiceError("VALIDATION", `${field}: you asked us not to use this ${point.kind}`, field, { reason: "duplicate_opted_out", value: duplicate.value });
      // Typing a point already on file to say "use this one" makes it the first of its kind.
      if (data.isPreferred && !duplicate.isPrimary) {
        const previousPrimaryId = await demotePrimaries(tx, debtor.id, duplicate.kind, now);
        await tx.update(contactPoints).set({ isPrimary: true, updatedAt: now }).where(eq(contactPoints.id, duplicate.id));
        await audit.event("contact_point.made_primary", "contact_point", duplicate.id, { kind: duplicate.kind, value: duplicate.value, previousPrimaryId, source: "portal" });
        return { intent: "add", contactPointId: duplicate.id, isPrimary: true, isNew: false };
      }
      throw selfServiceError("VALIDATION", `${field}: we already have this ${point.kind}`, field, { reason: "duplicate", value: duplicate.value });
    }
    const primary = existing.find((p) => p.kind === point.kind && p.isPrimary);
    const isPrimary = data.isPreferred || !primary || !isUsableContactPoint(contactPointStateOf(primary));
    const previousPrimaryId = isPrimary ? await demotePrimaries(tx, debtor.id, point.kind, now) : null;
    // Given by the debtor to be reached on: consent to messages there (a postal address takes none).
    const hasConsent = point.kind !== "address";
    const [row] = await tx
      .insert(contactPoints)
      .values({ debtorId: debtor.id, clientId: debtor.clientId, ...point, isPrimary, isVerified: false, hasConsent, source: DEBTOR_PORTAL_SOURCE, createdAt: now, updatedAt: now })
      .returning({ id: contactPoints.id });
    await audit.event("contact_point.added", "contact_point", row!.id, {
      kind: point.kind,
      value: point.value,
      label: null,
      isPrimary,
      hasConsent,
      source: DEBTOR_PORTAL_SOURCE,
      ...(previousPrimaryId ? { previousPrimaryId } : {}),
    });
    return { intent: "add", contactPointId: row!.id, isPrimary, isNew: true };
  });
}

async function reportPoint(
  tx: Tx,
  audit: ReturnType<typeof debtorAudit>,
  existing: readonly ContactPoint[],
  contactPointId: string,
  why: DebtorReportReason,
  now: Date,
): Promise<UpdatedDebtorContact> {
  const point = isUuid(contactPointId) ? existing.find((p) => p.id === contactPointId) : undefined;
  if (!point) throw selfServiceError("NOT_FOUND", "This contact detail does not exist or is not yours to see.", null, { reason: "invalid" });
  const before = contactPointStateOf(point);
  const changed = changeContactPoint(before, "invalidate");
  if (!changed.ok) throw selfServiceError("CONFLICT", "This contact detail is already marked as not valid.", null, { reason: "already_invalid" });
  const after = changed.state;
  await tx.update(contactPoints).set({ isInvalid: true, isPrimary: after.isPrimary, isVerified: after.isVerified, updatedAt: now }).where(eq(contactPoints.id, point.id));
  await audit.event("contact_point.invalidated", "contact_point", point.id, {
    kind: point.kind,
    value: point.value,
    reasonCode: "other",
    reason: "Reported by debtor",
    note: REPORT_NOTES[why],
    source: "portal",
    ...(before.isPrimary ? { wasPrimary: true } : {}),
  });
  return { intent: "report", contactPointId: point.id };
}
