/**
 * The debtor asks for no more messages on an email address or a phone number: the opt-out stops them
 * at once and is recorded with when and how the debtor asked. It is lifted only when the debtor gives
 * consent again, recorded the same way.
 */
import { DEBTOR_REQUEST_SOURCES } from "@recouvra/domain";
import { z } from "zod";
import type { Ctx } from "../context.ts";
import { parseInput } from "../cases/actions/shared.ts";
import { applyContactPointChange, type ChangedContactPoint } from "./shared.ts";

export const RecordOptOutInputSchema = z.object({
  caseId: z.string(),
  contactPointId: z.string(),
  source: z.enum(DEBTOR_REQUEST_SOURCES, { error: "source: choose how the debtor asked" }),
  note: z.string().trim().max(2000, "note is at most 2,000 characters").optional(),
});
export type RecordOptOutInput = z.input<typeof RecordOptOutInputSchema>;

/** Records the debtor's opt-out of the point: no message goes there any more, and consent is withdrawn. */
export async function recordOptOut({ ctx, input }: { ctx: Ctx; input: RecordOptOutInput }): Promise<ChangedContactPoint> {
  const data = parseInput(RecordOptOutInputSchema, input);
  return applyContactPointChange(ctx, data, "opt_out", { action: "contact_point.opted_out", data: { source: data.source, note: data.note || null } });
}

export const LiftOptOutInputSchema = z.object({
  caseId: z.string(),
  contactPointId: z.string(),
  /** The case handler's statement that the debtor has given consent again: nothing else lifts an opt-out. */
  hasConsent: z.literal(true, { error: "hasConsent: an opt-out is lifted only once the debtor has given consent again" }),
  source: z.enum(DEBTOR_REQUEST_SOURCES, { error: "source: choose how the debtor gave consent" }),
  note: z.string().trim().max(2000, "note is at most 2,000 characters").optional(),
});
export type LiftOptOutInput = z.input<typeof LiftOptOutInputSchema>;

/** Lifts the opt-out on the debtor's renewed consent, recorded with how it was given. */
export async function liftOptOut({ ctx, input }: { ctx: Ctx; input: LiftOptOutInput }): Promise<ChangedContactPoint> {
  const data = parseInput(LiftOptOutInputSchema, input);
  return applyContactPointChange(ctx, data, "lift_opt_out", { action: "contact_point.opt_out_lifted", data: { source: data.source, note: data.note || null } });
}
