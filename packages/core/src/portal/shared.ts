/**
 * What the portal's ways in share: token hashing, the neutral wording, the rate-limit rules and the
 * one place a portal session row is written.
 */
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { appendAuditEvent, portalSessions, rateLimits, type DbOrTx } from "@recouvra/db";
import { afterFailedPortalAttempt, DomainError, isPortalLocked, type PortalLockState } from "@recouvra/domain";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { RateLimitRule } from "../auth/rate-limit.ts";
import { sessionIdFromToken } from "../auth/sessions.ts";

/** A portal session ends after this long without a request: debtors often use a shared or borrowed phone. */
export const PORTAL_SESSION_IDLE_MS = 30 * 60 * 1000;
/** …and at the latest this long after it was opened, however active. */
export const PORTAL_SESSION_MAX_MS = 8 * 60 * 60 * 1000;
/** How long a personal link printed in a letter, email or SMS stays valid. */
export const PORTAL_LINK_LIFETIME_DAYS = 30;

/** The one answer for a link that is unknown, expired or revoked: it never says which. */
export const INVALID_LINK = "This link is invalid or has expired.";
/** The one answer for a wrong reference or access code, whether or not the reference exists. */
export const SIGN_IN_REFUSED = "The reference and access code do not match.";
/** The answer once a reference (known or not) or an address has had too many wrong attempts. */
export const SIGN_IN_LOCKED = "Too many attempts. For your security, try again in 30 minutes.";
/** The answer for a one-time code that is unknown, expired, used or burned. */
export const CODE_INVALID = "This code is invalid or has expired.";
/** The answer for a wrong one-time code that may still be retried. */
export const CODE_WRONG = "This code is not right.";

/**
 * Failures of any portal way in (wrong code, dead link) per client IP. Generous because a household or
 * a mobile carrier's NAT shares one address; the per-reference lock does the real work.
 */
export const PORTAL_IP_FAILURES: RateLimitRule = { limit: 30, windowMs: 15 * 60 * 1000, lockMs: 15 * 60 * 1000 };

/** Keys of the portal's counters in `rate_limits`. */
export const portalLimitKey = {
  ip: (ip: string) => `portal:ip:${ip}`,
  reference: (reference: string) => `portal:reference:${reference}`,
};

/** The stored id of a personal-link token: its SHA-256, like a session's. */
export function linkIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** What a token from `generateSessionToken` looks like; anything else cannot be one and skips the database. */
export const TOKEN_SHAPE = /^[a-z2-7]{32}$/;

/** Client facts recorded with sign-in events and sessions. */
export const ClientFactsSchema = z.object({
  ip: z.string().max(100).optional(),
  userAgent: z.string().optional(),
});

/** Opens a portal session for `token` on a case, inside the caller's transaction. */
export async function insertPortalSession(
  tx: DbOrTx,
  input: { token: string; caseId: string; clientId: string; now: Date; ip?: string; userAgent?: string },
): Promise<{ sessionId: string; expiresAt: Date }> {
  const sessionId = sessionIdFromToken(input.token);
  const expiresAt = new Date(input.now.getTime() + PORTAL_SESSION_IDLE_MS);
  await tx.insert(portalSessions).values({
    id: sessionId,
    caseId: input.caseId,
    clientId: input.clientId,
    expiresAt,
    createdAt: input.now,
    lastSeenAt: input.now,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 400),
  });
  return { sessionId, expiresAt };
}

/**
 * The lock state of a reference nobody holds, kept in `rate_limits` under the same rule a real case
 * follows in its own columns: the lock must look exactly the same whether the reference exists or not.
 */
export async function referenceLockState(db: DbOrTx, reference: string): Promise<PortalLockState> {
  const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, portalLimitKey.reference(reference)));
  return row ? { failedAttempts: row.count, lockedUntil: row.lockedUntil } : { failedAttempts: 0, lockedUntil: null };
}

/** Counts one failure against a reference nobody holds; returns the new state. */
export async function recordReferenceFailure(tx: DbOrTx, reference: string, now: Date): Promise<PortalLockState> {
  const key = portalLimitKey.reference(reference);
  // Serialises two failures on one reference, as the row lock does for a real case.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
  const next = afterFailedPortalAttempt(await referenceLockState(tx, reference), now);
  await tx
    .insert(rateLimits)
    .values({ key, windowStartedAt: now, count: next.failedAttempts, lockedUntil: next.lockedUntil })
    .onConflictDoUpdate({ target: rateLimits.key, set: { count: next.failedAttempts, lockedUntil: next.lockedUntil } });
  return next;
}

/** Throws the neutral lock answer when `state` is locked at `now`. */
export function assertPortalNotLocked(state: PortalLockState, now: Date): void {
  if (isPortalLocked(state, now)) throw new DomainError("LIMIT_EXCEEDED", SIGN_IN_LOCKED);
}

/** Audit of a portal way in; failures about no case name none. */
export function auditPortal(
  tx: DbOrTx,
  event: { now: Date; action: string; caseId?: string | null; clientId?: string | null; debtorId?: string | null; entityType: string; entityId?: string | null; data?: Record<string, unknown> },
) {
  return appendAuditEvent(tx, {
    occurredAt: event.now,
    actorKind: event.debtorId ? "debtor" : "system",
    actorId: event.debtorId ?? null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    caseId: event.caseId ?? null,
    clientId: event.clientId ?? null,
    data: event.data,
  });
}
