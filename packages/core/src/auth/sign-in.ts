import { appendAuditEvent, users, type User } from "@recouvra/db";
import { DomainError } from "@recouvra/domain";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { AuthCtx } from "./acting-user.ts";
import { verifyAgainstDummy, verifyPassword } from "./passwords.ts";
import { ACCOUNT_FAILURES, IP_FAILURES, assertNotLimited, clearAttempts, rateLimitKey, recordAttempt } from "./rate-limit.ts";
import { createSession, generateSessionToken } from "./sessions.ts";

/** The one message for every credential failure, so the form never says which half was wrong. */
export const SIGN_IN_FAILED = "Email or password is incorrect.";

export const SignInInputSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter your email address.").max(320, SIGN_IN_FAILED),
  // Not trimmed: spaces can be part of a password. The upper bound keeps hashing cheap to refuse.
  password: z.string().min(1, "Enter your password.").max(1024, SIGN_IN_FAILED),
  ip: z.string().max(100).optional(),
  userAgent: z.string().optional(),
});
export type SignInInput = z.input<typeof SignInInputSchema>;

export type SignInResult =
  | { status: "signed_in"; token: string; user: User }
  | { status: "two_factor_required"; token: string; user: User };

/**
 * Checks an email and password and opens a session. Unknown email, wrong password, disabled account
 * and an account without a password all fail with the same VALIDATION message after the same argon2
 * work, so neither the answer nor its timing tells whether an account exists. Failures are counted per
 * email and per IP (LIMIT_EXCEEDED past the limit). A user with TOTP gets a session that counts as signed
 * in only after `verifySecondFactor`.
 */
export async function signIn({ ctx, input }: { ctx: AuthCtx; input: SignInInput }): Promise<SignInResult> {
  const parsed = SignInInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainError("VALIDATION", issue.message, { field: String(issue.path[0] ?? "email") });
  }
  const { email, password, ip, userAgent } = parsed.data;
  const now = ctx.clock.now();
  const accountKey = rateLimitKey.account(email);
  const ipKey = ip ? rateLimitKey.ip(ip) : null;

  await assertNotLimited(ctx.db, accountKey, ACCOUNT_FAILURES, now);
  if (ipKey) await assertNotLimited(ctx.db, ipKey, IP_FAILURES, now);

  const [user] = await ctx.db.select().from(users).where(eq(users.email, email));
  const passwordMatches = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);

  if (!user || !passwordMatches || user.isDisabled) {
    const reason = !user ? "unknown_account" : !passwordMatches ? "wrong_password" : "account_disabled";
    await ctx.db.transaction(async (tx) => {
      await recordAttempt(tx, accountKey, ACCOUNT_FAILURES, now);
      if (ipKey) await recordAttempt(tx, ipKey, IP_FAILURES, now);
      // The typed email is recorded only when it names an account: people sometimes type their
      // password into the email field, and the trail is permanent.
      await appendAuditEvent(tx, {
        occurredAt: now,
        actorKind: "user",
        actorId: user?.id ?? null,
        action: "auth.sign_in_failed",
        entityType: "user",
        entityId: user?.id ?? null,
        clientId: user?.clientId ?? null,
        data: { reason, ip, userAgent: userAgent?.slice(0, 400) },
      });
    });
    throw new DomainError("VALIDATION", SIGN_IN_FAILED);
  }

  const needsSecondFactor = user.totpEnabledAt !== null && user.totpSecret !== null;
  const token = generateSessionToken();
  const signedIn = await ctx.db.transaction(async (tx) => {
    await clearAttempts(tx, accountKey);
    await createSession({ ctx: { db: tx, clock: ctx.clock }, input: { token, userId: user.id, ip, userAgent } });
    const [updated] = needsSecondFactor
      ? [user]
      : await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id)).returning();
    await appendAuditEvent(tx, {
      occurredAt: now,
      actorKind: "user",
      actorId: user.id,
      action: needsSecondFactor ? "auth.second_factor_required" : "auth.signed_in",
      entityType: "user",
      entityId: user.id,
      clientId: user.clientId,
      data: { method: "password", ip, userAgent: userAgent?.slice(0, 400) },
    });
    return updated!;
  });
  return { status: needsSecondFactor ? "two_factor_required" : "signed_in", token, user: signedIn };
}
