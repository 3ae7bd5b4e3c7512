/**
 * Holds that stop collection contact besides a dispute: insolvency proceedings, the debtor's death,
 * a vulnerable debtor. A dispute's hold is set and released through the dispute itself.
 */
import { cases, notes } from "@recouvra/db";
import { addDays, DomainError } from "@recouvra/domain";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../context.ts";
import { actorIds, auditFor, bumpVersion, caseStateOf, clockOf, lockWorkableCase, parseInput, step } from "./shared.ts";

export const MANUAL_HOLDS = ["insolvency", "deceased", "vulnerable"] as const;
export type ManualHold = (typeof MANUAL_HOLDS)[number];

export const HoldInputSchema = z.object({
  caseId: z.string(),
  hold: z.enum(MANUAL_HOLDS, { error: "hold must be insolvency, deceased or vulnerable (a dispute is opened as a dispute)" }),
  note: z.string().trim().min(3, "note is required: say what you learned and from whom").max(2000, "note is at most 2,000 characters"),
});
export type HoldInput = z.input<typeof HoldInputSchema>;

async function changeHold(ctx: Ctx, input: HoldInput, set: boolean): Promise<{ holds: string[] }> {
  const data = parseInput(HoldInputSchema, input);
  const { now, day } = clockOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const kase = await lockWorkableCase(tx, ctx, data.caseId);
    const state = caseStateOf(kase);
    if (state.stage === "closed") throw new DomainError("CONFLICT", "The case is closed.");
    const has = state.holds.includes(data.hold);
    if (set && has) throw new DomainError("CONFLICT", "This hold is already set.", { field: "hold" });
    if (!set && !has) throw new DomainError("PRECONDITION_FAILED", "This hold is not set.", { field: "hold" });
    const moved = step(state, set ? { type: "hold_set", hold: data.hold } : { type: "hold_released", hold: data.hold });
    const holds = [...moved.state.holds];
    const next = holds.includes("disputed")
      ? { nextActionOn: addDays(day, 14), nextActionKind: "review_dispute" }
      : holds.length > 0
        ? { nextActionOn: addDays(day, 30), nextActionKind: "review_hold" }
        : { nextActionOn: day, nextActionKind: "call" };
    await tx.update(cases).set({ ...bumpVersion, holds, ...next }).where(eq(cases.id, kase.id));
    // The reason is evidence (a court notice, a death certificate mentioned): pinned at the top of the notes.
    const [note] = await tx
      .insert(notes)
      .values({ caseId: kase.id, clientId: kase.clientId, userId: actorIds(ctx).userId, body: `${set ? "Hold set" : "Hold released"} (${data.hold}): ${data.note}`, isPinned: set, createdAt: now })
      .returning({ id: notes.id });
    const audit = auditFor(tx, ctx, kase, now);
    await audit.records(moved.events);
    await audit.event("note.added", "note", note!.id, { isPinned: set, isSharedWithClient: false });
    return { holds };
  });
}

/** Sets an insolvency, deceased or vulnerable hold with the reason (the first two stop contact). */
export async function setHold({ ctx, input }: { ctx: Ctx; input: HoldInput }): Promise<{ holds: string[] }> {
  return changeHold(ctx, input, true);
}

/** Releases such a hold with the reason; collection resumes when no hold is left. */
export async function releaseHold({ ctx, input }: { ctx: Ctx; input: HoldInput }): Promise<{ holds: string[] }> {
  return changeHold(ctx, input, false);
}
