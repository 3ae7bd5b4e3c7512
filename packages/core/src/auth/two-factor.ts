/**
 * Optional second factor for staff: TOTP (authenticator app). Enrolment stores the secret at once but
 * switches it on only when the user proves their app produces the right codes; sign-in then opens a
 * session that counts only once `verifySecondFactor` accepted a code (Lucia's two-factor design).
 */
import { appendAuditEvent, rateLimits, sessions, users, type DbOrTx, type User } from "@recouvra/db";
import { DomainError } from "@recouvra/domain";
import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context.ts";
import { assertMayUseTwoFactor, requireActingUser, type AuthCtx } from "./acting-user.ts";
import { checkCurrentPassword } from "./check-current-password.ts";
import { SECOND_FACTOR_FAILURES, assertNotLimited, clearAttempts, rateLimitKey, recordAttempt } from "./rate-limit.ts";
import { generateTotpSecret, matchTotpStep, totpUri } from "./totp.ts";

export const WRONG_CODE = "That code is not right. Enter the current 6-digit code from your app.";

const CodeSchema = z
  .string()
  .transform((v) => v.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app."));
const SessionIdSchema = z.string().regex(/^[0-9a-f]{64}$/);

function parseOrThrow<T extends z.ZodTypeAny>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new DomainError("VALIDATION", issue.message, { field: String(issue.path[0] ?? "code") });
}

/** Where the user's two-step verification stands; `pending` carries what the set-up screen shows. */
export type TwoFactorState =
  | { status: "unavailable" }
  | { status: "off" }
  | { status: "pending"; secret: string; uri: string }
  | { status: "on"; enabledAt: Date };

/** The two-step verification state of `user` (the secret is shown only while enrolment is pending). */
export function twoFactorStateOf(user: User): TwoFactorState {
  if (user.role === "client") return { status: "unavailable" };
  if (user.totpEnabledAt) return { status: "on", enabledAt: user.totpEnabledAt };
  if (user.totpSecret) return { status: "pending", secret: user.totpSecret, uri: totpUri(user.totpSecret, user.email) };
  return { status: "off" };
}

// RFC 6238 §5.2: a code accepted once must not be accepted again. The last accepted time step is kept
// as a counter in `rate_limits` (a `users.totp_last_step` column would say it more plainly).
const lastStepKey = (userId: string) => `two-factor:last-step:${userId}`;

async function consumeStep(db: DbOrTx, userId: string, step: number, now: Date): Promise<boolean> {
  const key = lastStepKey(userId);
  const [last] = await db.select().from(rateLimits).where(eq(rateLimits.key, key)).for("update");
  if (last && last.count >= step) return false;
  await db
    .insert(rateLimits)
    .values({ key, windowStartedAt: now, count: step })
    .onConflictDoUpdate({ target: rateLimits.key, set: { windowStartedAt: now, count: step } });
  return true;
}

function audit(db: DbOrTx, user: User, now: Date, action: string, data: Record<string, unknown> = {}) {
  return appendAuditEvent(db, {
    occurredAt: now,
    actorKind: "user",
    actorId: user.id,
    action,
    entityType: "user",
    entityId: user.id,
    clientId: user.clientId,
    data,
  });
}

/**
 * Checks a code for `user` inside `tx`: counts a failure (and may lock), refuses a replayed code.
 * Returns false after recording the failure; the caller commits and then refuses.
 */
async function checkCode(tx: DbOrTx, user: User, secret: string, code: string, now: Date, failedAction: string): Promise<boolean> {
  const step = matchTotpStep(secret, code, now);
  if (step !== null && (await consumeStep(tx, user.id, step, now))) {
    await clearAttempts(tx, rateLimitKey.secondFactor(user.id));
    return true;
  }
  await recordAttempt(tx, rateLimitKey.secondFactor(user.id), SECOND_FACTOR_FAILURES, now);
  await audit(tx, user, now, failedAction, { reason: step === null ? "wrong_code" : "code_reused" });
  return false;
}

/** Starts (or restarts) setting up an authenticator app: a new secret and the URI for its QR code. */
export async function beginTotpEnrolment({ ctx }: { ctx: Ctx; input?: Record<string, never> }): Promise<{ secret: string; uri: string }> {
  const user = await requireActingUser(ctx.db, ctx.actor, "set up two-step verification");
  assertMayUseTwoFactor(user);
  if (user.totpEnabledAt) throw new DomainError("CONFLICT", "Two-step verification is already on.");
  const secret = generateTotpSecret();
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ totpSecret: secret }).where(eq(users.id, user.id));
    await audit(tx, user, ctx.clock.now(), "auth.totp_enrolment_started");
  });
  return { secret, uri: totpUri(secret, user.email) };
}

/** Abandons a pending set-up (the secret is forgotten). */
export async function cancelTotpEnrolment({ ctx }: { ctx: Ctx; input?: Record<string, never> }): Promise<void> {
  const user = await requireActingUser(ctx.db, ctx.actor, "set up two-step verification");
  if (user.totpEnabledAt) throw new DomainError("CONFLICT", "Two-step verification is already on; turn it off instead.");
  if (!user.totpSecret) return;
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ totpSecret: null }).where(eq(users.id, user.id));
    await audit(tx, user, ctx.clock.now(), "auth.totp_enrolment_cancelled");
  });
}

export const ConfirmTotpEnrolmentInputSchema = z.object({ code: CodeSchema, sessionId: SessionIdSchema });
export type ConfirmTotpEnrolmentInput = z.input<typeof ConfirmTotpEnrolmentInputSchema>;

/**
 * Switches two-step verification on once `code` proves the app works. The session doing it counts as
 * verified; the user's other sessions are ended, as they never passed the second factor.
 */
export async function confirmTotpEnrolment({ ctx, input }: { ctx: Ctx; input: ConfirmTotpEnrolmentInput }): Promise<void> {
  const { code, sessionId } = parseOrThrow(ConfirmTotpEnrolmentInputSchema, input);
  const now = ctx.clock.now();
  const accepted = await ctx.db.transaction(async (tx) => {
    const user = await requireActingUser(tx, ctx.actor, "set up two-step verification", { forUpdate: true });
    assertMayUseTwoFactor(user);
    if (user.totpEnabledAt) throw new DomainError("CONFLICT", "Two-step verification is already on.");
    if (!user.totpSecret) throw new DomainError("PRECONDITION_FAILED", "Start the set-up again: no authenticator app is being added.");
    await assertNotLimited(tx, rateLimitKey.secondFactor(user.id), SECOND_FACTOR_FAILURES, now);
    if (!(await checkCode(tx, user, user.totpSecret, code, now, "auth.totp_confirmation_failed"))) return false;
    await tx.update(users).set({ totpEnabledAt: now }).where(eq(users.id, user.id));
    await tx.update(sessions).set({ isTwoFactorVerified: true }).where(and(eq(sessions.id, sessionId), eq(sessions.userId, user.id)));
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, sessionId)));
    await audit(tx, user, now, "auth.totp_enabled");
    return true;
  });
  if (!accepted) throw new DomainError("VALIDATION", WRONG_CODE, { field: "code" });
}

export const DisableTotpInputSchema = z.object({ password: z.string().min(1, "Enter your password.").max(1024) });
export type DisableTotpInput = z.input<typeof DisableTotpInputSchema>;

/** Turns two-step verification off; asks for the password so an unattended session cannot do it. */
export async function disableTotp({ ctx, input }: { ctx: Ctx; input: DisableTotpInput }): Promise<void> {
  const { password } = parseOrThrow(DisableTotpInputSchema, input);
  const user = await requireActingUser(ctx.db, ctx.actor, "turn off two-step verification");
  if (!user.totpEnabledAt) throw new DomainError("PRECONDITION_FAILED", "Two-step verification is not on.");
  await checkCurrentPassword(ctx, user, password, "password");
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ totpSecret: null, totpEnabledAt: null }).where(eq(users.id, user.id));
    await tx.delete(rateLimits).where(eq(rateLimits.key, lastStepKey(user.id)));
    await audit(tx, user, ctx.clock.now(), "auth.totp_disabled");
  });
}

export const VerifySecondFactorInputSchema = z.object({
  /** The half-open session from `signIn` (`sessionIdFromToken(token)`). */
  sessionId: SessionIdSchema,
  code: CodeSchema,
});
export type VerifySecondFactorInput = z.input<typeof VerifySecondFactorInputSchema>;

/**
 * Completes a sign-in that stopped at `two_factor_required`: marks the session verified when `code` is
 * right. An unknown, expired or already verified session is PRECONDITION_FAILED (sign in again).
 */
export async function verifySecondFactor({ ctx, input }: { ctx: AuthCtx; input: VerifySecondFactorInput }): Promise<{ user: User }> {
  const { sessionId, code } = parseOrThrow(VerifySecondFactorInputSchema, input);
  const now = ctx.clock.now();
  const outcome = await ctx.db.transaction(async (tx) => {
    const [found] = await tx
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.id, sessionId))
      .for("update");
    const expired = !found || found.session.expiresAt.getTime() <= now.getTime() || found.user.isDisabled;
    if (expired || found.session.isTwoFactorVerified || !found.user.totpEnabledAt || !found.user.totpSecret) {
      throw new DomainError("PRECONDITION_FAILED", "Your sign-in has expired. Sign in again.");
    }
    const { user } = found;
    await assertNotLimited(tx, rateLimitKey.secondFactor(user.id), SECOND_FACTOR_FAILURES, now);
    if (!(await checkCode(tx, user, found.user.totpSecret, code, now, "auth.second_factor_failed"))) return null;
    await tx.update(sessions).set({ isTwoFactorVerified: true, lastSeenAt: now }).where(eq(sessions.id, sessionId));
    const [updated] = await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id)).returning();
    await audit(tx, user, now, "auth.signed_in", { method: "password+totp" });
    return updated!;
  });
  if (!outcome) throw new DomainError("VALIDATION", WRONG_CODE, { field: "code" });
  return { user: outcome };
}

/** The acting user's own account page: profile and two-step verification state. */
export async function getAccount({ ctx }: { ctx: Ctx; input?: Record<string, never> }): Promise<{ user: User; twoFactor: TwoFactorState }> {
  const user = await requireActingUser(ctx.db, ctx.actor, "see an account");
  return { user, twoFactor: twoFactorStateOf(user) };
}
