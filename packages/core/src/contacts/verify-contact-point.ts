/** A case handler reached the debtor themself on a contact point (right-party contact): it is verified. */
import { z } from "zod";
import type { Ctx } from "../context.ts";
import { parseInput } from "../cases/actions/shared.ts";
import { applyContactPointChange, type ChangedContactPoint } from "./shared.ts";

export const VerifyContactPointInputSchema = z.object({
  caseId: z.string(),
  contactPointId: z.string(),
  note: z.string().trim().max(2000, "note is at most 2,000 characters").optional(),
});
export type VerifyContactPointInput = z.input<typeof VerifyContactPointInputSchema>;

/** Marks the point verified; refused while it is marked invalid. */
export async function verifyContactPoint({ ctx, input }: { ctx: Ctx; input: VerifyContactPointInput }): Promise<ChangedContactPoint> {
  const data = parseInput(VerifyContactPointInputSchema, input);
  return applyContactPointChange(ctx, data, "verify", { action: "contact_point.verified", data: { note: data.note || null } });
}
