/** The point messages of its kind go to first; the debtor's previous primary of that kind steps down. */
import { z } from "zod";
import type { Ctx } from "../context.ts";
import { parseInput } from "../cases/actions/shared.ts";
import { applyContactPointChange, type ChangedContactPoint } from "./shared.ts";

export const MakeContactPointPrimaryInputSchema = z.object({
  caseId: z.string(),
  contactPointId: z.string(),
});
export type MakeContactPointPrimaryInput = z.input<typeof MakeContactPointPrimaryInputSchema>;

/** Makes the point the primary one of its kind; refused for an invalid or opted-out point. */
export async function makeContactPointPrimary({ ctx, input }: { ctx: Ctx; input: MakeContactPointPrimaryInput }): Promise<ChangedContactPoint> {
  const data = parseInput(MakeContactPointPrimaryInputSchema, input);
  return applyContactPointChange(ctx, data, "make_primary", { action: "contact_point.made_primary", data: {} });
}
