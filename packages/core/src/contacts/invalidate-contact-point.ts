/**
 * A wrong number, a returned letter, a bounced email: the point is marked invalid with the reason, kept
 * as history and never used again, until a case handler marks it valid again and says why.
 */
import { DomainError, INVALIDATION_REASON_LABELS, INVALIDATION_REASONS, invalidationProblem, type ContactPointKind } from "@recouvra/domain";
import { z } from "zod";
import type { Ctx } from "../context.ts";
import { parseInput } from "../cases/actions/shared.ts";
import { applyContactPointChange, type ChangedContactPoint } from "./shared.ts";

export const InvalidateContactPointInputSchema = z.object({
  caseId: z.string(),
  contactPointId: z.string(),
  reason: z.enum(INVALIDATION_REASONS, { error: "reason: choose why it is invalid" }),
  note: z.string().trim().max(2000, "note is at most 2,000 characters").optional(),
});
export type InvalidateContactPointInput = z.input<typeof InvalidateContactPointInputSchema>;

/** Marks the point invalid with its reason; it stops being primary and verified. */
export async function invalidateContactPoint({ ctx, input }: { ctx: Ctx; input: InvalidateContactPointInput }): Promise<ChangedContactPoint> {
  const data = parseInput(InvalidateContactPointInputSchema, input);
  return applyContactPointChange(ctx, data, "invalidate", {
    action: "contact_point.invalidated",
    data: { reasonCode: data.reason, reason: INVALIDATION_REASON_LABELS[data.reason], note: data.note || null },
    check: (point) => {
      const problem = invalidationProblem(point.kind as ContactPointKind, data.reason, data.note);
      if (problem) throw new DomainError("VALIDATION", problem.message, { field: problem.field });
    },
  });
}

export const RevalidateContactPointInputSchema = z.object({
  caseId: z.string(),
  contactPointId: z.string(),
  note: z
    .string({ error: "note is required: say why it is valid after all" })
    .trim()
    .min(3, "note is required: say why it is valid after all")
    .max(2000, "note is at most 2,000 characters"),
});
export type RevalidateContactPointInput = z.input<typeof RevalidateContactPointInputSchema>;

/** Marks an invalid point valid again (it stays unverified until someone reaches the debtor on it). */
export async function revalidateContactPoint({ ctx, input }: { ctx: Ctx; input: RevalidateContactPointInput }): Promise<ChangedContactPoint> {
  const data = parseInput(RevalidateContactPointInputSchema, input);
  return applyContactPointChange(ctx, data, "revalidate", { action: "contact_point.revalidated", data: { note: data.note } });
}
