/**
 * The debtor asks to be called back: on one of their numbers or a new one, on a working day of the next
 * two weeks, in the part of the day that suits them. The case handler finds it at the top of their
 * queue on that day ("Debtor asked to be called back on 17 March 2027 (morning)") until someone speaks
 * with the debtor on the phone.
 */
import { auditEvents, contactPoints, debtors, interactions } from "@recouvra/db";
import {
  callBackDays,
  CONTACT_TIME_SLOTS,
  findDuplicateContactPoint,
  formatLongDate,
  isUsableContactPoint,
  normaliseContactPoint,
  stopsContact,
  type CaseHold,
  type ContactTimeSlot,
  type IsoDate,
  type Jurisdiction,
} from "@recouvra/domain";
import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { z } from "zod";
import { CONVERSATION_OUTCOMES } from "../cases/actions/log-interaction.ts";
import { clockOf, parseInput } from "../cases/actions/shared.ts";
import { contactPointStateOf, demotePrimaries } from "../contacts/shared.ts";
import type { Ctx } from "../context.ts";
import { isUuid } from "../scope.ts";
import { DEBTOR_PORTAL_SOURCE } from "./self-service-contact.ts";
import { debtorAudit, lockDebtorCase, recordPortalRequest, refuseClosed, requireDebtorCase, selfServiceError } from "./self-service-shared.ts";

/** The audit action of a call-back request; the work queue reads the day and part of the day from it. */
export const CALL_BACK_REQUESTED_ACTION = "portal.call_back_requested";
/** The choice of "a number not listed" in the form. */
export const NEW_PHONE_CHOICE = "new";

/** What the call-back page offers. */
export interface CallBackOptions {
  caseId: string;
  reference: string;
  isClosed: boolean;
  /** A dispute, insolvency or death stops the agency calling: the page says so and offers messages. */
  isOnHold: boolean;
  days: IsoDate[];
  slots: readonly ContactTimeSlot[];
  phones: { id: string; value: string; isPrimary: boolean }[];
  phoneCountry: string;
  /** The debtor's preferred parts of the day, to preselect. */
  preferredTimes: ContactTimeSlot[];
  /** The request nobody has called back on yet, if any. */
  pending: { on: IsoDate; slot: ContactTimeSlot; phone: string } | null;
}

/** The call-back choices of the debtor's case; NOT_FOUND for anyone else. */
export async function getCallBackOptions({ ctx, input }: { ctx: Ctx; input: { caseId: string } }): Promise<CallBackOptions> {
  const kase = await requireDebtorCase(ctx.db, ctx, input.caseId);
  const { day } = clockOf(ctx);
  const [[debtor], phones, [requested], [called]] = await Promise.all([
    ctx.db.select({ preferredContactTimes: debtors.preferredContactTimes }).from(debtors).where(eq(debtors.id, kase.debtorId)).limit(1),
    ctx.db
      .select()
      .from(contactPoints)
      .where(and(eq(contactPoints.debtorId, kase.debtorId), eq(contactPoints.clientId, kase.clientId), eq(contactPoints.kind, "phone")))
      .orderBy(desc(contactPoints.isPrimary), asc(contactPoints.createdAt)),
    ctx.db
      .select({ occurredAt: auditEvents.occurredAt, data: auditEvents.data })
      .from(auditEvents)
      .where(and(eq(auditEvents.caseId, kase.id), eq(auditEvents.action, CALL_BACK_REQUESTED_ACTION)))
      .orderBy(desc(auditEvents.occurredAt))
      .limit(1),
    lastPhoneConversation(ctx, kase.id),
  ]);
  const data = (requested?.data ?? {}) as { on?: string; slot?: ContactTimeSlot; phone?: string };
  const isPending = requested && data.on && data.on >= day && (!called || called.occurredAt < requested.occurredAt);
  return {
    caseId: kase.id,
    reference: kase.reference,
    isClosed: kase.stage === "closed",
    isOnHold: stopsContact(kase.holds as CaseHold[]),
    days: callBackDays(day, kase.jurisdiction as Jurisdiction),
    slots: CONTACT_TIME_SLOTS,
    phones: phones.filter((p) => isUsableContactPoint(contactPointStateOf(p))).map((p) => ({ id: p.id, value: p.value, isPrimary: p.isPrimary })),
    phoneCountry: kase.jurisdiction,
    preferredTimes: CONTACT_TIME_SLOTS.filter((s) => (debtor?.preferredContactTimes ?? []).includes(s)),
    pending: isPending ? { on: data.on!, slot: data.slot ?? "morning", phone: data.phone ?? "" } : null,
  };
}

/** The latest phone conversation an agent logged on the case (what answers a call-back request). */
function lastPhoneConversation(ctx: Ctx, caseId: string) {
  return ctx.db
    .select({ occurredAt: interactions.occurredAt })
    .from(interactions)
    .where(and(eq(interactions.caseId, caseId), eq(interactions.channel, "phone"), isNotNull(interactions.userId), inArray(interactions.outcome, [...CONVERSATION_OUTCOMES])))
    .orderBy(desc(interactions.occurredAt))
    .limit(1);
}

export const RequestCallBackInputSchema = z.object({
  caseId: z.string(),
  /** One of the debtor's numbers, or `new` with `newPhone`. */
  contactPointId: z.string({ error: "contactPointId: choose the number to call" }).trim().min(1, "contactPointId: choose the number to call"),
  newPhone: z.string().max(40, "newPhone: at most 40 characters").optional(),
  day: z.string({ error: "day: choose a day" }).trim().min(1, "day: choose a day"),
  slot: z.enum(CONTACT_TIME_SLOTS, { error: "slot: choose a part of the day" }),
  note: z.string().trim().max(500, "note: at most 500 characters").optional(),
});
export type RequestCallBackInput = z.input<typeof RequestCallBackInputSchema>;

const SLOT_WORDS: Record<ContactTimeSlot, string> = { morning: "in the morning", afternoon: "in the afternoon", evening: "in the evening" };

/**
 * Records the debtor's call-back request: an inbound portal interaction (outcome `callback_requested`)
 * on the number to call, and the next action `call_back` on the chosen day (an action already due is
 * kept: see `nextActionForPortalRequest`). A new number is added to the debtor's points. Refused on a
 * closed case and while a hold stops the agency calling; VALIDATION names the field.
 */
export async function requestCallBack({ ctx, input }: { ctx: Ctx; input: RequestCallBackInput }): Promise<{ interactionId: string; contactPointId: string; on: IsoDate }> {
  const data = parseInput(RequestCallBackInputSchema, input);
  const { now, day } = clockOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const kase = await lockDebtorCase(tx, ctx, data.caseId);
    refuseClosed(kase);
    if (stopsContact(kase.holds as CaseHold[])) {
      throw selfServiceError("PRECONDITION_FAILED", "Your file is on hold: we do not call while it is. Write to us instead and we will answer you here.", null, { reason: "on_hold" });
    }
    if (!callBackDays(day, kase.jurisdiction as Jurisdiction).includes(data.day)) {
      throw selfServiceError("VALIDATION", "day: choose one of the days offered", "day", { reason: "not_offered" });
    }
    // The debtor row is the lock of their points (a new number may be added below).
    await tx.select({ id: debtors.id }).from(debtors).where(and(eq(debtors.id, kase.debtorId), eq(debtors.clientId, kase.clientId))).for("update");
    const points = await tx.select().from(contactPoints).where(and(eq(contactPoints.debtorId, kase.debtorId), eq(contactPoints.clientId, kase.clientId)));
    const audit = debtorAudit(tx, kase, now);

    let phone: { id: string; value: string };
    if (data.contactPointId === NEW_PHONE_CHOICE) {
      const typed = data.newPhone ?? "";
      const read = normaliseContactPoint({ kind: "phone", phone: typed }, { defaultCountry: kase.jurisdiction });
      if (!read.ok) throw selfServiceError("VALIDATION", `newPhone: ${read.problem.message}`, "newPhone", { reason: typed.trim() === "" ? "required" : "invalid" });
      const same = findDuplicateContactPoint(read.point, points);
      if (same?.isInvalid) throw selfServiceError("VALIDATION", "newPhone: this number is marked as not working", "newPhone", { reason: "duplicate_invalid", value: same.value });
      if (same?.optedOutAt) throw selfServiceError("VALIDATION", "newPhone: you asked us not to use this number", "newPhone", { reason: "duplicate_opted_out", value: same.value });
      if (same) {
        phone = { id: same.id, value: same.value };
      } else {
        const primary = points.find((p) => p.kind === "phone" && p.isPrimary);
        const isPrimary = !primary || !isUsableContactPoint(contactPointStateOf(primary));
        if (isPrimary) await demotePrimaries(tx, kase.debtorId, "phone", now);
        const [row] = await tx
          .insert(contactPoints)
          .values({ debtorId: kase.debtorId, clientId: kase.clientId, ...read.point, isPrimary, isVerified: false, hasConsent: true, source: DEBTOR_PORTAL_SOURCE, createdAt: now, updatedAt: now })
          .returning({ id: contactPoints.id });
        await audit.event("contact_point.added", "contact_point", row!.id, { kind: "phone", value: read.point.value, label: null, isPrimary, hasConsent: true, source: DEBTOR_PORTAL_SOURCE });
        phone = { id: row!.id, value: read.point.value };
      }
    } else {
      const chosen = isUuid(data.contactPointId) ? points.find((p) => p.id === data.contactPointId && p.kind === "phone") : undefined;
      if (!chosen || !isUsableContactPoint(contactPointStateOf(chosen))) {
        throw selfServiceError("VALIDATION", "contactPointId: choose one of your numbers, or give another one", "contactPointId", { reason: "not_offered" });
      }
      phone = { id: chosen.id, value: chosen.value };
    }

    const said = `Please call me back on ${formatLongDate(data.day, "en-GB")} ${SLOT_WORDS[data.slot]}, at ${phone.value}.`;
    const recorded = await recordPortalRequest(tx, kase, {
      now,
      day,
      outcome: "callback_requested",
      note: data.note ? `${said}\n${data.note}` : said,
      contactPointId: phone.id,
      wanted: { on: data.day, kind: "call_back" },
    });
    await audit.event(CALL_BACK_REQUESTED_ACTION, "interaction", recorded.interactionId, {
      on: data.day,
      slot: data.slot,
      phone: phone.value,
      contactPointId: phone.id,
      hasNote: Boolean(data.note),
      nextAction: recorded.nextAction,
    });
    return { interactionId: recorded.interactionId, contactPointId: phone.id, on: data.day };
  });
}
