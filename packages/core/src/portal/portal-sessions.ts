/**
 * Debtor portal sessions, in the same Lucia design as staff sessions (docs/decisions/0002): the cookie
 * carries a random token, `portal_sessions` only its SHA-256. They are short — 30 minutes idle, 8 hours
 * at most — because a debtor's phone is often shared and the statement is private.
 */
import { cases, debtors, portalSessions, type DbOrTx } from "@recouvra/db";
import { LOCALES, type Locale } from "@recouvra/domain";
import { eq } from "drizzle-orm";
import type { Actor, Clock } from "../context.ts";
import { sessionIdFromToken } from "../auth/sessions.ts";
import { auditPortal, PORTAL_SESSION_IDLE_MS, PORTAL_SESSION_MAX_MS, TOKEN_SHAPE } from "./shared.ts";

interface SessionCtx {
  db: DbOrTx;
  clock: Clock;
}

/** A live portal session: whose case it opens, and the actor the portal's use-cases run as. */
export interface PortalSessionInfo {
  sessionId: string;
  caseId: string;
  clientId: string;
  debtorId: string;
  /** The debtor's language on file, the portal's language unless the visitor picked another. */
  debtorLocale: Locale;
  expiresAt: Date;
  actor: Extract<Actor, { kind: "debtor" }>;
}

// Writing on every request would turn each page view into an UPDATE; a minute of slack costs nothing.
const TOUCH_AFTER_MS = 60 * 1000;

/**
 * The session behind `token`, or null when it is unknown or expired (an expired one is deleted). Use
 * extends it by the idle lifetime, never past eight hours after it was opened.
 */
export async function validatePortalSession({ ctx, input }: { ctx: SessionCtx; input: { token: string } }): Promise<PortalSessionInfo | null> {
  if (!TOKEN_SHAPE.test(input.token)) return null;
  const id = sessionIdFromToken(input.token);
  const [found] = await ctx.db
    .select({ session: portalSessions, debtorId: cases.debtorId, locale: debtors.locale })
    .from(portalSessions)
    .innerJoin(cases, eq(cases.id, portalSessions.caseId))
    .innerJoin(debtors, eq(debtors.id, cases.debtorId))
    .where(eq(portalSessions.id, id));
  if (!found) return null;
  const now = ctx.clock.now();
  const { session } = found;
  if (session.expiresAt.getTime() <= now.getTime()) {
    await ctx.db.delete(portalSessions).where(eq(portalSessions.id, id));
    return null;
  }
  let expiresAt = session.expiresAt;
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_AFTER_MS) {
    expiresAt = new Date(Math.min(now.getTime() + PORTAL_SESSION_IDLE_MS, session.createdAt.getTime() + PORTAL_SESSION_MAX_MS));
    await ctx.db.update(portalSessions).set({ expiresAt, lastSeenAt: now }).where(eq(portalSessions.id, id));
  }
  const debtorLocale = (LOCALES as readonly string[]).includes(found.locale) ? (found.locale as Locale) : "fr";
  return {
    sessionId: id,
    caseId: session.caseId,
    clientId: session.clientId,
    debtorId: found.debtorId,
    debtorLocale,
    expiresAt,
    actor: { kind: "debtor", debtorId: found.debtorId, caseIds: [session.caseId] },
  };
}

/** Ends the portal session behind `token` (sign out); an unknown token is already signed out. */
export async function signOutPortal({ ctx, input }: { ctx: SessionCtx; input: { token: string } }): Promise<void> {
  if (!TOKEN_SHAPE.test(input.token)) return;
  const id = sessionIdFromToken(input.token);
  await ctx.db.transaction(async (tx) => {
    const [ended] = await tx.delete(portalSessions).where(eq(portalSessions.id, id)).returning();
    if (!ended) return;
    const [kase] = await tx.select({ debtorId: cases.debtorId }).from(cases).where(eq(cases.id, ended.caseId));
    await auditPortal(tx, { now: ctx.clock.now(), action: "portal.signed_out", caseId: ended.caseId, clientId: ended.clientId, debtorId: kase?.debtorId ?? null, entityType: "case", entityId: ended.caseId });
  });
}
