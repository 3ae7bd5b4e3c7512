import { appendAuditEvent, sessions } from "@recouvra/db";
import { DomainError } from "@recouvra/domain";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context.ts";

export const SignOutInputSchema = z.object({ sessionId: z.string().regex(/^[0-9a-f]{64}$/) });
export type SignOutInput = z.input<typeof SignOutInputSchema>;

/** Ends the acting user's session `sessionId`. Someone else's session is NOT_FOUND (and stays open). */
export async function signOut({ ctx, input }: { ctx: Ctx; input: SignOutInput }): Promise<void> {
  if (ctx.actor.kind !== "user") throw new DomainError("FORBIDDEN", "Only a signed-in person can sign out.");
  const { sessionId } = SignOutInputSchema.parse(input);
  const { userId, clientId } = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    const deleted = await tx
      .delete(sessions)
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
      .returning({ id: sessions.id });
    if (deleted.length === 0) throw new DomainError("NOT_FOUND", "This session has already ended.");
    await appendAuditEvent(tx, {
      occurredAt: ctx.clock.now(),
      actorKind: "user",
      actorId: userId,
      action: "auth.signed_out",
      entityType: "user",
      entityId: userId,
      clientId: clientId ?? null,
      data: {},
    });
  });
}
