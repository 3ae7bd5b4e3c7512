/** A negotiation note on a case; the agency decides whether the client creditor may read it. */
import { cases, notes } from "@recouvra/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../context.ts";
import { actorIds, auditFor, bumpVersion, clockOf, lockWorkableCase, parseInput } from "./shared.ts";

export const AddNoteInputSchema = z.object({
  caseId: z.string(),
  body: z.string({ error: "body is required" }).trim().min(1, "body is required: write the note").max(5000, "body is at most 5,000 characters"),
  isSharedWithClient: z.boolean().default(false),
  isPinned: z.boolean().default(false),
});
export type AddNoteInput = z.input<typeof AddNoteInputSchema>;

/** Adds a note to the case, optionally shared with the client creditor. */
export async function addNote({ ctx, input }: { ctx: Ctx; input: AddNoteInput }): Promise<{ noteId: string }> {
  const data = parseInput(AddNoteInputSchema, input);
  const { now } = clockOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const kase = await lockWorkableCase(tx, ctx, data.caseId);
    const [row] = await tx
      .insert(notes)
      .values({ caseId: kase.id, clientId: kase.clientId, userId: actorIds(ctx).userId, body: data.body, isPinned: data.isPinned, isSharedWithClient: data.isSharedWithClient, createdAt: now })
      .returning({ id: notes.id });
    await tx.update(cases).set(bumpVersion).where(eq(cases.id, kase.id));
    await auditFor(tx, ctx, kase, now).event("note.added", "note", row!.id, { isPinned: data.isPinned, isSharedWithClient: data.isSharedWithClient });
    return { noteId: row!.id };
  });
}
