import { appendAuditEvent, sessions, users } from "@recouvra/db";
import { DomainError } from "@recouvra/domain";
import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context.ts";
import { requireActingUser } from "./acting-user.ts";
import { checkCurrentPassword } from "./check-current-password.ts";
import { NewPasswordSchema, hashPassword } from "./passwords.ts";

export const ChangePasswordInputSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(1024),
    newPassword: NewPasswordSchema,
    /** The session making the change; every other session of the user is signed out. */
    sessionId: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password different from the current one." });
export type ChangePasswordInput = z.input<typeof ChangePasswordInputSchema>;

/**
 * Replaces the acting user's password after checking the current one, and signs out every other
 * session: whoever might know the old password loses access at once.
 */
export async function changePassword({ ctx, input }: { ctx: Ctx; input: ChangePasswordInput }): Promise<{ otherSessionsEnded: number }> {
  const user = await requireActingUser(ctx.db, ctx.actor, "change a password");
  const parsed = ChangePasswordInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainError("VALIDATION", issue.message, { field: String(issue.path[0] ?? "newPassword") });
  }
  const data = parsed.data;
  if (data.newPassword.trim().toLowerCase() === user.email) {
    throw new DomainError("VALIDATION", "Your password cannot be your email address.", { field: "newPassword" });
  }
  await checkCurrentPassword(ctx, user, data.currentPassword);
  const passwordHash = await hashPassword(data.newPassword);
  return ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, user.id), ne(sessions.id, data.sessionId)))
      .returning({ id: sessions.id });
    await appendAuditEvent(tx, {
      occurredAt: ctx.clock.now(),
      actorKind: "user",
      actorId: user.id,
      action: "auth.password_changed",
      entityType: "user",
      entityId: user.id,
      clientId: user.clientId,
      data: { otherSessionsEnded: ended.length },
    });
    return { otherSessionsEnded: ended.length };
  });
}
