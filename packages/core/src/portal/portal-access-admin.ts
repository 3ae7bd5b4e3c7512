/**
 * The agency's side of a case's portal access: how the debtor's ways in stand (live personal links,
 * the access code, failed attempts and the lock, open sessions, the last visit), and what staff do
 * about them — a new personal link, sent through the outbox or shown once to be read out; a new access
 * code, shown once, which also ends every open portal session; a lock-out cleared.
 *
 * Who: agency staff whose scope holds the case act; the case's client users may read the status but
 * not act (FORBIDDEN); anyone else, debtors included, gets NOT_FOUND. Secrets (a link's token, a new
 * access code) are returned once to the caller and never stored or audited: the database keeps the
 * SHA-256 of a link and the argon2id hash of a code.
 */
import { auditEvents, cases, messages, portalLinks, portalOneTimeCodes, portalSessions, rateLimits, type Case } from "@recouvra/db";
import { DomainError, isPortalLocked, LOCALES, normaliseCaseReference, placeholdersIn, type IsoDate, type Locale } from "@recouvra/domain";
import { and, desc, eq, gt, isNull, max, sql } from "drizzle-orm";
import { z } from "zod";
import { hashPassword } from "../auth/passwords.ts";
import { auditFor, lockWorkableCase, parseInput } from "../cases/actions/shared.ts";
import type { Actor, Ctx } from "../context.ts";
import { listMessageOptions } from "../messages/list-message-options.ts";
import { sendMessage, SendMessageInputSchema, type SentMessage } from "../messages/send-message.ts";
import { applicableTemplates, findApplicableTemplate } from "../messages/templates.ts";
import { canWorkCases, requireCase } from "../scope.ts";
import { issuePortalLinkInTx, type IssuedPortalLink } from "./portal-links.ts";
import { portalLimitKey } from "./shared.ts";

const NOT_FOUND = "This case does not exist or is not yours to see.";
const NOT_YOURS_TO_CHANGE = "Only the agency's case handlers can change a debtor's portal access.";

/** The case for reading its portal access: staff and the case's client users; debtors never (NOT_FOUND). */
async function requireReadableCase(ctx: Ctx, caseId: string): Promise<Case> {
  if (ctx.actor.kind === "debtor") throw new DomainError("NOT_FOUND", NOT_FOUND);
  return requireCase(ctx.db, ctx.actor, caseId);
}

/** Refuses a debtor before the scope check, so their own case answers like any other (NOT_FOUND). */
function assertNotDebtor(actor: Actor): void {
  if (actor.kind === "debtor") throw new DomainError("NOT_FOUND", NOT_FOUND);
}

// ---------------------------------------------------------------------------------------------------
// Access codes

/**
 * The characters of a generated access code: capitals and digits without the pairs people confuse when
 * reading a letter or hearing it on the phone (0/O, 1/I). Thirty-two of them, so the five low bits of
 * a random byte pick one with no bias.
 */
export const ACCESS_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
/** Characters of a generated access code: 8 × 5 bits = 40 bits, against ten attempts per half hour. */
export const ACCESS_CODE_LENGTH = 8;

/** An access code from `ACCESS_CODE_LENGTH` random bytes, in the form the portal compares (no spaces). */
export function accessCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < ACCESS_CODE_LENGTH) throw new RangeError(`accessCodeFromBytes needs ${ACCESS_CODE_LENGTH} random bytes`);
  let code = "";
  for (let i = 0; i < ACCESS_CODE_LENGTH; i++) code += ACCESS_CODE_ALPHABET[bytes[i]! & 31];
  return code;
}

/**
 * An access code as a person reads it out or prints it: two groups of four ("K7QM 4XPA"). The portal
 * drops spaces from what is typed, so the debtor may type it with or without.
 */
export function formatAccessCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, "$1 ");
}

// ---------------------------------------------------------------------------------------------------
// Status

/** A live personal link, as staff may see it (never its token). */
export interface PortalLinkStatus {
  /** The first characters of the link's SHA-256: enough to tell two links apart in the audit trail. */
  shortId: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  /** The outbox message that carried it; null when it was shown to staff to read out. */
  message: { id: string; channel: string; recipient: string; status: string } | null;
}

/** A channel on which a new personal link can be sent, with the templates that print one. */
export interface PortalLinkChannel {
  channel: "email" | "sms";
  /** Templates of the channel that print `{portal_url}`, the debtor's language first. */
  templates: { key: string; name: string; locale: Locale; isClientWording: boolean; usesDeadline: boolean }[];
  /** The debtor's usable addresses or numbers for the channel. */
  contactPoints: { id: string; value: string; label: string | null; isPrimary: boolean }[];
  /** Why nothing can be sent on this channel now; null when it can. */
  refusal: string | null;
}

/** How a case's portal access stands. */
export interface PortalAccess {
  caseId: string;
  reference: string;
  /** True when the actor may act (issue, reset, clear); client users only read. */
  canAct: boolean;
  hasAccessCode: boolean;
  /** When staff last set a new access code (null: the code placed with the case, or none). */
  accessCodeResetAt: Date | null;
  /** Wrong reference + access code attempts counted since the last success or lock. */
  failedAttempts: number;
  /** Set while sign-in with the reference is locked. */
  lockedUntil: Date | null;
  /** Personal links that still open the file, newest first. */
  links: PortalLinkStatus[];
  openSessions: number;
  /** The debtor's last sign-in or page view on the portal, whichever is later. */
  lastVisitAt: Date | null;
  /**
   * For staff: the debtor's language, the ways to send a new link, and the payment deadline a template
   * that names one would print (the send form's default); null for client users.
   */
  sending: { debtorLocale: Locale; defaultDeadline: IsoDate; channels: PortalLinkChannel[] } | null;
}

export const GetPortalAccessInputSchema = z.object({ caseId: z.string() });
export type GetPortalAccessInput = z.input<typeof GetPortalAccessInputSchema>;

const PORTAL_URL_PLACEHOLDER = "portal_url";
const LINK_CHANNELS = ["email", "sms"] as const;
const CHANNEL_NOUN = { email: "email", sms: "SMS" } as const;

const printsPortalLink = (t: { subject: string | null; body: string }) => placeholdersIn(`${t.subject ?? ""} ${t.body}`).includes(PORTAL_URL_PLACEHOLDER);

/** The channels a new link may go out on, from the send form's own options so the same rules apply. */
async function linkChannels(ctx: Ctx, kase: Case): Promise<NonNullable<PortalAccess["sending"]>> {
  const [options, templates] = await Promise.all([listMessageOptions({ ctx, input: { caseId: kase.id } }), applicableTemplates(ctx.db, kase.clientId)]);
  const withLink = new Set(templates.filter(printsPortalLink).map((t) => `${t.channel}/${t.key}/${t.locale}`));
  const rank = (l: Locale) => (l === options.debtorLocale ? -1 : LOCALES.indexOf(l));
  const channels = LINK_CHANNELS.map((channel): PortalLinkChannel => {
    const offer = options.channels.find((c) => c.channel === channel)!;
    const own = offer.templates
      .filter((t) => withLink.has(`${channel}/${t.key}/${t.locale}`))
      .sort((a, b) => rank(a.locale) - rank(b.locale) || a.name.localeCompare(b.name))
      .map((t) => ({ key: t.key, name: t.name, locale: t.locale, isClientWording: t.isClientWording, usesDeadline: t.usesDeadline }));
    const points = offer.contactPoints.filter((p) => p.isUsable).map((p) => ({ id: p.id, value: p.value, label: p.label, isPrimary: p.isPrimary }));
    const refusal =
      options.caseRefusal?.message ??
      (own.length === 0
        ? options.needsNotice
          ? "The formal notice has not gone out yet: until it has, only the notice may be sent, and no notice template prints the personal link. Show a link and read it out instead."
          : `No ${CHANNEL_NOUN[channel]} template prints the personal link ({portal_url}) for this case: an admin can add it to one under Templates. Meanwhile, show a link and read it out.`
        : offer.refusal);
    return { channel, templates: own, contactPoints: points, refusal };
  });
  return { debtorLocale: options.debtorLocale, defaultDeadline: options.defaultDeadline, channels };
}

/**
 * How the portal access of a case stands (agency staff and the case's client users; NOT_FOUND for
 * anyone else). Read-only: it never extends a session or touches a link.
 */
export async function getPortalAccess({ ctx, input }: { ctx: Ctx; input: GetPortalAccessInput }): Promise<PortalAccess> {
  const { caseId } = parseInput(GetPortalAccessInputSchema, input);
  const kase = await requireReadableCase(ctx, caseId);
  const now = ctx.clock.now();
  const canAct = canWorkCases(ctx.actor);
  const [links, [sessions], [lastSignIn], [lastReset], sending] = await Promise.all([
    ctx.db
      .select({ link: portalLinks, messageChannel: messages.channel, messageRecipient: messages.recipient, messageStatus: messages.status })
      .from(portalLinks)
      .leftJoin(messages, eq(messages.id, portalLinks.messageId))
      .where(and(eq(portalLinks.caseId, kase.id), isNull(portalLinks.revokedAt), gt(portalLinks.expiresAt, now)))
      .orderBy(desc(portalLinks.createdAt)),
    ctx.db
      .select({
        open: sql<number>`count(*) filter (where ${gt(portalSessions.expiresAt, now)})`.mapWith(Number),
        lastSeenAt: max(portalSessions.lastSeenAt),
      })
      .from(portalSessions)
      .where(eq(portalSessions.caseId, kase.id)),
    ctx.db.select({ at: max(auditEvents.occurredAt) }).from(auditEvents).where(and(eq(auditEvents.caseId, kase.id), eq(auditEvents.action, "portal.signed_in"))),
    ctx.db.select({ at: max(auditEvents.occurredAt) }).from(auditEvents).where(and(eq(auditEvents.caseId, kase.id), eq(auditEvents.action, "portal.access_code_reset"))),
    canAct ? linkChannels(ctx, kase) : Promise.resolve(null),
  ]);
  const visits = [sessions?.lastSeenAt ?? null, lastSignIn?.at ?? null].filter((d): d is Date => d instanceof Date);
  const lock = { failedAttempts: kase.portalFailedAttempts, lockedUntil: kase.portalLockedUntil };
  const isLocked = isPortalLocked(lock, now);
  return {
    caseId: kase.id,
    reference: kase.reference,
    canAct,
    hasAccessCode: kase.portalAccessCodeHash !== null,
    accessCodeResetAt: lastReset?.at ?? null,
    // A lock that has run out is forgotten at the next attempt (afterFailedPortalAttempt): show it so.
    failedAttempts: kase.portalLockedUntil && !isLocked ? 0 : kase.portalFailedAttempts,
    lockedUntil: isLocked ? kase.portalLockedUntil : null,
    links: links.map(({ link, messageChannel, messageRecipient, messageStatus }) => ({
      shortId: link.id.slice(0, 8),
      createdAt: link.createdAt,
      expiresAt: link.expiresAt,
      lastUsedAt: link.lastUsedAt,
      message: link.messageId && messageChannel ? { id: link.messageId, channel: messageChannel, recipient: messageRecipient ?? "", status: messageStatus ?? "" } : null,
    })),
    openSessions: sessions?.open ?? 0,
    lastVisitAt: visits.length > 0 ? new Date(Math.max(...visits.map((d) => d.getTime()))) : null,
    sending,
  };
}

// ---------------------------------------------------------------------------------------------------
// A new personal link

export const IssuePortalLinkForCaseInputSchema = z.object({ caseId: z.string() });
export type IssuePortalLinkForCaseInput = z.input<typeof IssuePortalLinkForCaseInputSchema>;

/**
 * A new personal link for staff to read out or copy, shown once: the case's earlier links stop
 * working. The case row is locked so two at once cannot both stay live.
 */
export async function issuePortalLinkForCase({ ctx, input }: { ctx: Ctx; input: IssuePortalLinkForCaseInput }): Promise<IssuedPortalLink> {
  const { caseId } = parseInput(IssuePortalLinkForCaseInputSchema, input);
  assertNotDebtor(ctx.actor);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const kase = await lockWorkableCase(tx, ctx, caseId).catch(forbiddenWording);
    return issuePortalLinkInTx(tx, ctx, kase, now);
  });
}

export const SendPortalLinkInputSchema = SendMessageInputSchema.extend({
  channel: z.enum(LINK_CHANNELS, { error: "Send the link by email or SMS (or show it to read out)." }),
  locale: z.enum(LOCALES, { error: "locale must be fr, nl or en" }),
});
export type SendPortalLinkInput = z.input<typeof SendPortalLinkInputSchema>;

/** A link sent: the outbox message, and where it goes. */
export interface SentPortalLink extends SentMessage {
  channel: "email" | "sms";
  recipient: string;
}

/**
 * Sends a new personal link by email or SMS with a template that prints `{portal_url}`, through the
 * ordinary send path (contact rules, outbox, interaction, audit): the send issues the link and revokes
 * the earlier ones in its transaction. A template without the link is refused (field templateKey).
 */
export async function sendPortalLink({ ctx, input }: { ctx: Ctx; input: SendPortalLinkInput }): Promise<SentPortalLink> {
  const data = parseInput(SendPortalLinkInputSchema, input);
  assertNotDebtor(ctx.actor);
  const kase = await requireCase(ctx.db, ctx.actor, data.caseId);
  if (!canWorkCases(ctx.actor)) throw new DomainError("FORBIDDEN", NOT_YOURS_TO_CHANGE);
  const template = await findApplicableTemplate(ctx.db, { clientId: kase.clientId, key: data.templateKey, channel: data.channel, locale: data.locale });
  if (!template || !printsPortalLink(template)) {
    throw new DomainError("VALIDATION", "This template does not print the personal link ({portal_url}): choose one that does.", { field: "templateKey" });
  }
  const sent = await sendMessage({ ctx, input: data });
  const [row] = await ctx.db.select({ recipient: messages.recipient }).from(messages).where(eq(messages.id, sent.messageId));
  return { ...sent, channel: data.channel, recipient: row?.recipient ?? "" };
}

// ---------------------------------------------------------------------------------------------------
// A new access code

/** How the new code reaches the debtor, as the audit trail records it. */
export const ACCESS_CODE_DELIVERIES = ["letter", "phone_identity_checked"] as const;
export type AccessCodeDelivery = (typeof ACCESS_CODE_DELIVERIES)[number];

export const ResetPortalAccessCodeInputSchema = z.object({
  caseId: z.string(),
  deliveredBy: z.enum(ACCESS_CODE_DELIVERIES, { error: "Choose how the new code will reach the debtor." }),
});
export type ResetPortalAccessCodeInput = z.input<typeof ResetPortalAccessCodeInputSchema>;

/** The new access code (to show once), and what the reset ended. */
export interface ResetPortalAccessCodeResult {
  /** As the portal compares it, e.g. "K7QM4XPA". */
  accessCode: string;
  /** As a person reads it, e.g. "K7QM 4XPA". */
  formatted: string;
  endedSessions: number;
  revokedLinks: number;
}

/**
 * Sets a new access code on the case, kept only as its argon2id hash, and — because whoever held the
 * old one must be shut out — ends every open portal session, revokes the personal links, retires a
 * pending one-time code and clears the sign-in lock, all in one transaction with its audit event.
 */
export async function resetPortalAccessCode({ ctx, input }: { ctx: Ctx; input: ResetPortalAccessCodeInput }): Promise<ResetPortalAccessCodeResult> {
  const { caseId, deliveredBy } = parseInput(ResetPortalAccessCodeInputSchema, input);
  assertNotDebtor(ctx.actor);
  // The scope check first, so nobody out of scope makes the server hash anything.
  await requireWorkableCaseOrRefuse(ctx, caseId);
  const accessCode = accessCodeFromBytes(crypto.getRandomValues(new Uint8Array(ACCESS_CODE_LENGTH)));
  const accessCodeHash = await hashPassword(accessCode);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const kase = await lockWorkableCase(tx, ctx, caseId).catch(forbiddenWording);
    const wasLocked = isPortalLocked({ failedAttempts: kase.portalFailedAttempts, lockedUntil: kase.portalLockedUntil }, now);
    await tx.update(cases).set({ portalAccessCodeHash: accessCodeHash, portalFailedAttempts: 0, portalLockedUntil: null }).where(eq(cases.id, kase.id));
    await tx.delete(rateLimits).where(eq(rateLimits.key, portalLimitKey.reference(normaliseCaseReference(kase.reference))));
    const ended = await tx.delete(portalSessions).where(eq(portalSessions.caseId, kase.id)).returning({ id: portalSessions.id, expiresAt: portalSessions.expiresAt });
    const revoked = await tx
      .update(portalLinks)
      .set({ revokedAt: now })
      .where(and(eq(portalLinks.caseId, kase.id), isNull(portalLinks.revokedAt), gt(portalLinks.expiresAt, now)))
      .returning({ id: portalLinks.id });
    const retired = await tx
      .update(portalOneTimeCodes)
      .set({ consumedAt: now })
      .where(and(eq(portalOneTimeCodes.caseId, kase.id), isNull(portalOneTimeCodes.consumedAt)))
      .returning({ id: portalOneTimeCodes.id });
    // Sessions already past their expiry were not open: only the live ones count as ended.
    const endedSessions = ended.filter((s) => s.expiresAt.getTime() > now.getTime()).length;
    await auditFor(tx, ctx, kase, now).event("portal.access_code_reset", "case", kase.id, {
      deliveredBy,
      hadAccessCode: kase.portalAccessCodeHash !== null,
      endedSessions,
      revokedLinks: revoked.length,
      retiredOneTimeCodes: retired.length,
      wasLocked,
    });
    return { accessCode, formatted: formatAccessCode(accessCode), endedSessions, revokedLinks: revoked.length };
  });
}

// ---------------------------------------------------------------------------------------------------
// A lock-out cleared

export const ClearPortalLockInputSchema = z.object({ caseId: z.string() });
export type ClearPortalLockInput = z.input<typeof ClearPortalLockInputSchema>;

/** What clearing found. */
export interface ClearedPortalLock {
  wasLocked: boolean;
  /** Failed attempts counted before the clear. */
  failedAttempts: number;
}

/**
 * Clears the sign-in lock and the failed attempts of the case (and the counter kept under its
 * reference in `rate_limits`), so the debtor can sign in again at once — for a debtor who got in touch
 * and was identified. Audited; clearing what is already clear is harmless.
 */
export async function clearPortalLock({ ctx, input }: { ctx: Ctx; input: ClearPortalLockInput }): Promise<ClearedPortalLock> {
  const { caseId } = parseInput(ClearPortalLockInputSchema, input);
  assertNotDebtor(ctx.actor);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const kase = await lockWorkableCase(tx, ctx, caseId).catch(forbiddenWording);
    const before = { failedAttempts: kase.portalFailedAttempts, lockedUntil: kase.portalLockedUntil };
    const wasLocked = isPortalLocked(before, now);
    await tx.update(cases).set({ portalFailedAttempts: 0, portalLockedUntil: null }).where(eq(cases.id, kase.id));
    const [counter] = await tx.delete(rateLimits).where(eq(rateLimits.key, portalLimitKey.reference(normaliseCaseReference(kase.reference)))).returning({ count: rateLimits.count });
    await auditFor(tx, ctx, kase, now).event("portal.lock_cleared", "case", kase.id, {
      wasLocked,
      failedAttempts: before.failedAttempts,
      lockedUntil: before.lockedUntil,
      referenceCounter: counter?.count ?? null,
    });
    return { wasLocked, failedAttempts: wasLocked || !before.lockedUntil ? before.failedAttempts : 0 };
  });
}

// ---------------------------------------------------------------------------------------------------

/** The scope check of a change, outside any transaction. */
async function requireWorkableCaseOrRefuse(ctx: Ctx, caseId: string): Promise<void> {
  await requireCase(ctx.db, ctx.actor, caseId);
  if (!canWorkCases(ctx.actor)) throw new DomainError("FORBIDDEN", NOT_YOURS_TO_CHANGE);
}

/** The scope guard's FORBIDDEN, in this feature's words. */
function forbiddenWording(error: unknown): never {
  if (error instanceof DomainError && error.code === "FORBIDDEN") throw new DomainError("FORBIDDEN", NOT_YOURS_TO_CHANGE, { cause: error });
  throw error;
}
