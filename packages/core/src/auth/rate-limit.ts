/**
 * Fixed-window counters in `rate_limits`, shared by every app process through PostgreSQL. Each update
 * is a single upsert, so two concurrent failures both count.
 */
import { rateLimits, type DbOrTx, type RateLimit } from "@recouvra/db";
import { DomainError } from "@recouvra/domain";
import { eq, sql } from "drizzle-orm";

export interface RateLimitRule {
  /** Attempts allowed in one window; the next one is refused. */
  limit: number;
  windowMs: number;
  /** When set, reaching `limit` also locks the key for this long (beyond the window). */
  lockMs?: number;
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/** Failed sign-ins per email address (known or not, so a lock never reveals that an account exists). */
export const ACCOUNT_FAILURES: RateLimitRule = { limit: 5, windowMs: FIFTEEN_MINUTES, lockMs: FIFTEEN_MINUTES };
/**
 * Failed sign-ins per client IP address. Failures rather than all attempts: colleagues behind one office
 * NAT sign in successfully all morning, whereas guessing is almost only failures.
 */
export const IP_FAILURES: RateLimitRule = { limit: 20, windowMs: FIFTEEN_MINUTES };
/** Wrong second-factor codes per user: 10⁶ codes, so five guesses per quarter hour is no real chance. */
export const SECOND_FACTOR_FAILURES: RateLimitRule = { limit: 5, windowMs: FIFTEEN_MINUTES, lockMs: FIFTEEN_MINUTES };
/** Wrong current passwords on a signed-in page (a stolen session must not become a password oracle). */
export const PASSWORD_CHECK_FAILURES: RateLimitRule = { limit: 5, windowMs: FIFTEEN_MINUTES, lockMs: FIFTEEN_MINUTES };

export const TOO_MANY_ATTEMPTS = "Too many attempts. Wait 15 minutes, then try again.";

/** Keys, in one place so nobody spells them two ways. */
export const rateLimitKey = {
  account: (email: string) => `sign-in:account:${email.trim().toLowerCase()}`,
  ip: (ip: string) => `sign-in:ip:${ip}`,
  secondFactor: (userId: string) => `two-factor:user:${userId}`,
  passwordCheck: (userId: string) => `password-check:user:${userId}`,
};

function isBlocked(row: RateLimit | undefined, rule: RateLimitRule, now: Date): boolean {
  if (!row) return false;
  if (row.lockedUntil && row.lockedUntil.getTime() > now.getTime()) return true;
  const windowOpen = row.windowStartedAt.getTime() + rule.windowMs > now.getTime();
  return windowOpen && row.count >= rule.limit;
}

/** Throws LIMIT_EXCEEDED when `key` is locked or has used up its window. */
export async function assertNotLimited(db: DbOrTx, key: string, rule: RateLimitRule, now: Date): Promise<void> {
  const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, key));
  if (isBlocked(row, rule, now)) throw new DomainError("LIMIT_EXCEEDED", TOO_MANY_ATTEMPTS);
}

/** Counts one attempt against `key` (a new window when the last one is over) and locks it at the limit. */
export async function recordAttempt(db: DbOrTx, key: string, rule: RateLimitRule, now: Date): Promise<RateLimit> {
  // Raw SQL gets ISO strings: the driver serialises Dates only through typed columns.
  const windowStart = new Date(now.getTime() - rule.windowMs).toISOString();
  const expired = sql`${rateLimits.windowStartedAt} <= ${windowStart}::timestamptz`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStartedAt: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        windowStartedAt: sql`case when ${expired} then ${now.toISOString()}::timestamptz else ${rateLimits.windowStartedAt} end`,
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
      },
    })
    .returning();
  if (!row) throw new Error("recordAttempt: the upsert returned no row");
  if (rule.lockMs && row.count >= rule.limit) {
    const lockedUntil = new Date(now.getTime() + rule.lockMs);
    await db.update(rateLimits).set({ lockedUntil }).where(eq(rateLimits.key, key));
    return { ...row, lockedUntil };
  }
  return row;
}

/** Forgets the failures of `key` (after a success). */
export async function clearAttempts(db: DbOrTx, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}
