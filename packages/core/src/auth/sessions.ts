/**
 * Sessions in the Lucia design (docs/decisions/0002): the cookie carries a random token, the database
 * stores only its SHA-256, expiry slides while the session is used, and revocation is a DELETE.
 */
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { sessions, users, type DbOrTx, type Session, type User } from "@recouvra/db";
import { eq } from "drizzle-orm";
import type { Clock } from "../context.ts";

/** How long a staff session lives without use. */
export const SESSION_LIFETIME_MS = 8 * 60 * 60 * 1000;
/** A session is renewed once less than this remains, so an active user is never cut off mid-task. */
const RENEW_WITHIN_MS = SESSION_LIFETIME_MS / 2;

/** A fresh session token: 160 random bits, base32 (what goes in the cookie, never stored). */
export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** The stored session id for a token: its SHA-256 in lower-case hex. */
export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

interface SessionCtx {
  db: DbOrTx;
  clock: Clock;
}

/** Opens a session for `userId` and returns the token to set in the cookie. */
export async function createSession({
  ctx,
  input,
}: {
  ctx: SessionCtx;
  input: { token: string; userId: string; ip?: string; userAgent?: string };
}): Promise<Session> {
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .insert(sessions)
    .values({
      id: sessionIdFromToken(input.token),
      userId: input.userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 400),
    })
    .returning();
  return row!;
}

export type SessionValidation = { session: Session; user: User; renewed: boolean } | null;

/**
 * The session and user behind `token`, or null when it is unknown, expired or its user is disabled.
 * An expired session is deleted; one past half its life is extended (`renewed`: reset the cookie).
 */
export async function validateSessionToken({ ctx, input }: { ctx: SessionCtx; input: { token: string } }): Promise<SessionValidation> {
  const id = sessionIdFromToken(input.token);
  const [found] = await ctx.db.select({ session: sessions, user: users }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.id, id));
  if (!found) return null;
  const now = ctx.clock.now();
  if (found.session.expiresAt.getTime() <= now.getTime() || found.user.isDisabled) {
    await ctx.db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (found.session.expiresAt.getTime() - now.getTime() < RENEW_WITHIN_MS) {
    const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    await ctx.db.update(sessions).set({ expiresAt, lastSeenAt: now }).where(eq(sessions.id, id));
    return { session: { ...found.session, expiresAt, lastSeenAt: now }, user: found.user, renewed: true };
  }
  return { session: found.session, user: found.user, renewed: false };
}

/** Ends one session (sign out). */
export async function invalidateSession({ ctx, input }: { ctx: Pick<SessionCtx, "db">; input: { sessionId: string } }): Promise<void> {
  await ctx.db.delete(sessions).where(eq(sessions.id, input.sessionId));
}

/** Ends every session of a user (password change, disabling, "sign out everywhere"). */
export async function invalidateUserSessions({ ctx, input }: { ctx: Pick<SessionCtx, "db">; input: { userId: string } }): Promise<number> {
  const deleted = await ctx.db.delete(sessions).where(eq(sessions.userId, input.userId)).returning({ id: sessions.id });
  return deleted.length;
}
