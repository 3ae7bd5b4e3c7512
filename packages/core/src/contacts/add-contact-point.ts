/**
 * A case handler adds a way to reach the debtor: an email address, a phone number (stored in E.164) or
 * a postal address. A point the debtor already has, typed another way, is refused and named.
 */
import { contactPoints } from "@recouvra/db";
import {
  CONTACT_POINT_KINDS,
  contactPointNoun,
  contactPointValueField,
  DomainError,
  findDuplicateContactPoint,
  isUsableContactPoint,
  normaliseContactPoint,
  type NewContactPointInput,
} from "@recouvra/domain";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context.ts";
import { auditFor, clockOf, parseInput } from "../cases/actions/shared.ts";
import { contactPointStateOf, debtorCountryOf, demotePrimaries, lockDebtorOfCase } from "./shared.ts";

const text = (field: string, max: number) => z.string().max(max, `${field} is at most ${max} characters`).optional();

export const AddContactPointInputSchema = z.object({
  caseId: z.string(),
  kind: z.enum(CONTACT_POINT_KINDS, { error: "kind must be email, phone or address" }),
  email: text("email", 320),
  phone: text("phone", 40),
  line1: text("line1", 300),
  line2: text("line2", 300),
  postalCode: text("postalCode", 20),
  city: text("city", 300),
  countryCode: text("countryCode", 60),
  label: z.string().trim().max(60, "label is at most 60 characters").optional(),
  /** The debtor agreed to be contacted on this point. */
  hasConsent: z.boolean().default(false),
  /** Make it the primary point of its kind (it is anyway when the debtor has no usable one). */
  isPrimary: z.boolean().default(false),
});
export type AddContactPointInput = z.input<typeof AddContactPointInputSchema>;

/** Adds a contact point to the debtor of the case, refusing a duplicate of one on file. */
export async function addContactPoint({ ctx, input }: { ctx: Ctx; input: AddContactPointInput }): Promise<{ contactPointId: string; isPrimary: boolean }> {
  const data = parseInput(AddContactPointInputSchema, input);
  const { now } = clockOf(ctx);
  const typed: NewContactPointInput =
    data.kind === "email"
      ? { kind: "email", email: data.email ?? "" }
      : data.kind === "phone"
        ? { kind: "phone", phone: data.phone ?? "" }
        : { kind: "address", line1: data.line1 ?? "", line2: data.line2, postalCode: data.postalCode ?? "", city: data.city ?? "", countryCode: data.countryCode };
  return ctx.db.transaction(async (tx) => {
    const { kase, debtor } = await lockDebtorOfCase(tx, ctx, data.caseId);
    const existing = await tx.select().from(contactPoints).where(eq(contactPoints.debtorId, debtor.id));
    const read = normaliseContactPoint(typed, { defaultCountry: debtorCountryOf(debtor, existing) });
    if (!read.ok) throw new DomainError("VALIDATION", read.problem.message, { field: read.problem.field });
    const point = read.point;
    const duplicate = findDuplicateContactPoint(point, existing);
    if (duplicate) {
      const field = contactPointValueField(point.kind);
      const hint = duplicate.isInvalid
        ? ", marked invalid: mark it valid again rather than adding it twice"
        : duplicate.optedOutAt
          ? ", and opted out of it: lift the opt-out if they consent again"
          : "";
      throw new DomainError("VALIDATION", `${field}: the debtor already has this ${contactPointNoun(point.kind)} (${duplicate.value})${hint}`, { field });
    }
    const primary = existing.find((p) => p.kind === point.kind && p.isPrimary);
    // A kind with no usable primary gets this one: messages must have somewhere to go first.
    const isPrimary = data.isPrimary || !primary || !isUsableContactPoint(contactPointStateOf(primary));
    const previousPrimaryId = isPrimary ? await demotePrimaries(tx, debtor.id, point.kind, now) : null;
    const [row] = await tx
      .insert(contactPoints)
      .values({
        debtorId: debtor.id,
        clientId: debtor.clientId,
        ...point,
        label: data.label || null,
        isPrimary,
        hasConsent: data.hasConsent,
        source: "agent",
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: contactPoints.id });
    await auditFor(tx, ctx, kase, now).event("contact_point.added", "contact_point", row!.id, {
      kind: point.kind,
      value: point.value,
      label: data.label || null,
      isPrimary,
      hasConsent: data.hasConsent,
      ...(previousPrimaryId ? { previousPrimaryId } : {}),
    });
    return { contactPointId: row!.id, isPrimary };
  });
}
