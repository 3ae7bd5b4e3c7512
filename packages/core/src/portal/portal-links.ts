/**
 * Personal portal links: `/l/<token>` printed in a letter, email or SMS opens a portal session on the
 * case without typing anything. The token is random (160 bits); the database keeps only its SHA-256,
 * so a copy of the database holds no usable link. Issuing a new link revokes the case's live ones, so
 * only the latest message's link works.
 */
import { appendAuditEvent, cases, debtors, portalLinks, type Case, type DbOrTx } from "@recouvra/db";
import { DomainError, LOCALES, type Locale } from "@recouvra/domain";
import { and, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import { assertSystem } from "../access.ts";
import { assertNotLimited, recordAttempt } from "../auth/rate-limit.ts";
import { generateSessionToken } from "../auth/sessions.ts";
import { actorIds, parseInput } from "../cases/actions/shared.ts";
import type { Ctx } from "../context.ts";
import { canWorkCases, requireCase } from "../scope.ts";
import { auditPortal, ClientFactsSchema, INVALID_LINK, insertPortalSession, linkIdFromToken, PORTAL_IP_FAILURES, PORTAL_LINK_LIFETIME_DAYS, portalLimitKey, TOKEN_SHAPE } from "./shared.ts";

/** The path of a personal link on the portal. */
export function portalLinkPath(token: string): string {
  return `/l/${token}`;
}

export interface IssuedPortalLink {
  /** The secret: only ever put in the message that carries it, never stored. */
  token: string;
  /** `/l/<token>`, to append to the portal's address. */
  path: string;
  expiresAt: Date;
}

/**
 * Issues a link for `kase` inside the caller's transaction (e.g. the send of the message that carries
 * it), revoking the case's earlier live links, with its audit event.
 */
export async function issuePortalLinkInTx(tx: DbOrTx, ctx: Ctx, kase: Pick<Case, "id" | "clientId">, now: Date, messageId: string | null = null): Promise<IssuedPortalLink> {
  const token = generateSessionToken();
  const expiresAt = new Date(now.getTime() + PORTAL_LINK_LIFETIME_DAYS * 24 * 60 * 60 * 1000);
  const revoked = await tx
    .update(portalLinks)
    .set({ revokedAt: now })
    .where(and(eq(portalLinks.caseId, kase.id), isNull(portalLinks.revokedAt), gt(portalLinks.expiresAt, now)))
    .returning({ id: portalLinks.id });
  const id = linkIdFromToken(token);
  await tx.insert(portalLinks).values({ id, caseId: kase.id, clientId: kase.clientId, messageId, expiresAt, createdAt: now });
  const { actorKind, actorId } = actorIds(ctx);
  await appendAuditEvent(tx, {
    occurredAt: now,
    actorKind,
    actorId,
    action: "portal.link_issued",
    entityType: "portal_link",
    entityId: id,
    caseId: kase.id,
    clientId: kase.clientId,
    data: { expiresAt, messageId, revokedLinks: revoked.length },
  });
  return { token, path: portalLinkPath(token), expiresAt };
}

export const IssuePortalLinkInputSchema = z.object({ caseId: z.string() });
export type IssuePortalLinkInput = z.input<typeof IssuePortalLinkInputSchema>;

/** Issues a personal link for a case (agency staff or the platform); a case out of scope is NOT_FOUND. */
export async function issuePortalLink({ ctx, input }: { ctx: Ctx; input: IssuePortalLinkInput }): Promise<IssuedPortalLink> {
  const { caseId } = parseInput(IssuePortalLinkInputSchema, input);
  if (!canWorkCases(ctx.actor)) throw new DomainError("NOT_FOUND", "This case does not exist or is not yours to see.");
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const kase = await requireCase(tx, ctx.actor, caseId);
    return issuePortalLinkInTx(tx, ctx, kase, now);
  });
}

export const OpenPortalLinkInputSchema = ClientFactsSchema.extend({ token: z.string().max(200) });
export type OpenPortalLinkInput = z.input<typeof OpenPortalLinkInputSchema>;

/** A portal session opened: the token for the cookie, and whose case it is. */
export interface OpenedPortalSession {
  token: string;
  caseId: string;
  debtorId: string;
  debtorLocale: Locale;
  expiresAt: Date;
}

/**
 * Opens a portal session from a personal link (the portal, as the system actor). An unknown, expired or
 * revoked link is NOT_FOUND with one wording; dead links count against the client's IP, so the portal
 * cannot be used to try tokens.
 */
export async function openPortalLink({ ctx, input }: { ctx: Ctx; input: OpenPortalLinkInput }): Promise<OpenedPortalSession> {
  assertSystem(ctx.actor, "open portal links");
  const { token, ip, userAgent } = parseInput(OpenPortalLinkInputSchema, input);
  const now = ctx.clock.now();
  const ipKey = ip ? portalLimitKey.ip(ip) : null;
  if (ipKey) await assertNotLimited(ctx.db, ipKey, PORTAL_IP_FAILURES, now);

  const found = TOKEN_SHAPE.test(token)
    ? (
        await ctx.db
          .select({ link: portalLinks, debtorId: cases.debtorId, locale: debtors.locale })
          .from(portalLinks)
          .innerJoin(cases, eq(cases.id, portalLinks.caseId))
          .innerJoin(debtors, eq(debtors.id, cases.debtorId))
          .where(eq(portalLinks.id, linkIdFromToken(token)))
      )[0]
    : undefined;
  const isLive = found && !found.link.revokedAt && found.link.expiresAt.getTime() > now.getTime();
  if (!found || !isLive) {
    const reason = !found ? "unknown" : found.link.revokedAt ? "revoked" : "expired";
    await ctx.db.transaction(async (tx) => {
      if (ipKey) await recordAttempt(tx, ipKey, PORTAL_IP_FAILURES, now);
      await auditPortal(tx, {
        now,
        action: "portal.link_refused",
        caseId: found?.link.caseId ?? null,
        clientId: found?.link.clientId ?? null,
        entityType: "portal_link",
        entityId: found?.link.id ?? null,
        data: { reason, ip, userAgent: userAgent?.slice(0, 400) },
      });
    });
    throw new DomainError("NOT_FOUND", INVALID_LINK);
  }

  const { link } = found;
  const sessionToken = generateSessionToken();
  const session = await ctx.db.transaction(async (tx) => {
    await tx.update(portalLinks).set({ lastUsedAt: now }).where(eq(portalLinks.id, link.id));
    const opened = await insertPortalSession(tx, { token: sessionToken, caseId: link.caseId, clientId: link.clientId, now, ip, userAgent });
    await auditPortal(tx, {
      now,
      action: "portal.signed_in",
      caseId: link.caseId,
      clientId: link.clientId,
      debtorId: found.debtorId,
      entityType: "case",
      entityId: link.caseId,
      data: { method: "link", linkId: link.id, ip, userAgent: userAgent?.slice(0, 400) },
    });
    return opened;
  });
  return {
    token: sessionToken,
    caseId: link.caseId,
    debtorId: found.debtorId,
    debtorLocale: (LOCALES as readonly string[]).includes(found.locale) ? (found.locale as Locale) : "fr",
    expiresAt: session.expiresAt,
  };
}
