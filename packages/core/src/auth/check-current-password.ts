import { appendAuditEvent, type User } from "@recouvra/db";
import { DomainError } from "@recouvra/domain";
import type { Ctx } from "../context.ts";
import { verifyAgainstDummy, verifyPassword } from "./passwords.ts";
import { PASSWORD_CHECK_FAILURES, assertNotLimited, clearAttempts, rateLimitKey, recordAttempt } from "./rate-limit.ts";

/**
 * Re-authentication before a sensitive change (new password, turning two-step verification off).
 * Wrong answers are counted and audited, then refused with a VALIDATION error on `field`.
 */
export async function checkCurrentPassword(ctx: Ctx, user: User, password: string, field = "currentPassword"): Promise<void> {
  const now = ctx.clock.now();
  const key = rateLimitKey.passwordCheck(user.id);
  await assertNotLimited(ctx.db, key, PASSWORD_CHECK_FAILURES, now);
  const matches = user.passwordHash ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (matches) {
    await clearAttempts(ctx.db, key);
    return;
  }
  await ctx.db.transaction(async (tx) => {
    await recordAttempt(tx, key, PASSWORD_CHECK_FAILURES, now);
    await appendAuditEvent(tx, {
      occurredAt: now,
      actorKind: "user",
      actorId: user.id,
      action: "auth.password_check_failed",
      entityType: "user",
      entityId: user.id,
      clientId: user.clientId,
      data: {},
    });
  });
  throw new DomainError("VALIDATION", "Your current password is incorrect.", { field });
}
