/**
 * Signing in without the link: the case reference and the access code printed on the letter, then —
 * when the case has a usable mobile phone or email on file — a one-time code sent there through the
 * outbox. Wrong attempts lock the reference (known or not, in the same way) after ten failures and
 * count against the client's IP; neither the answers nor their timing tell whether a reference exists.
 */
import { agencySettings, cases, contactPoints, debtors, messages, portalOneTimeCodes, type ContactPoint, type DbOrTx } from "@recouvra/db";
import {
  afterFailedPortalAttempt,
  contactPointRefusal,
  DomainError,
  LOCALES,
  maskEmail,
  maskPhone,
  normaliseAccessCode,
  normaliseCaseReference,
  normaliseOneTimeCode,
  ONE_TIME_CODE_MAX_ATTEMPTS,
  ONE_TIME_CODE_MINUTES,
  oneTimeCodeFromBytes,
  phoneLineKind,
  type ContactPointKind,
  type Locale,
} from "@recouvra/domain";
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { assertSystem } from "../access.ts";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "../auth/passwords.ts";
import { assertNotLimited, recordAttempt } from "../auth/rate-limit.ts";
import { generateSessionToken } from "../auth/sessions.ts";
import { parseInput } from "../cases/actions/shared.ts";
import type { Ctx } from "../context.ts";
import { ONE_TIME_CODE_TEXTS, PORTAL_CODE_TEMPLATE } from "./one-time-code-texts.ts";
import type { OpenedPortalSession } from "./portal-links.ts";
import {
  assertPortalNotLocked,
  auditPortal,
  ClientFactsSchema,
  CODE_INVALID,
  CODE_WRONG,
  insertPortalSession,
  PORTAL_IP_FAILURES,
  portalLimitKey,
  recordReferenceFailure,
  referenceLockState,
  SIGN_IN_LOCKED,
  SIGN_IN_REFUSED,
} from "./shared.ts";

export const StartPortalSignInInputSchema = ClientFactsSchema.extend({
  reference: z.string({ error: "Enter your file reference." }).transform(normaliseCaseReference).pipe(z.string().min(1, "Enter your file reference.")),
  accessCode: z.string({ error: "Enter your access code." }).max(200, SIGN_IN_REFUSED).transform(normaliseAccessCode).pipe(z.string().min(1, "Enter your access code.")),
});
export type StartPortalSignInInput = z.input<typeof StartPortalSignInInputSchema>;

/** Where a one-time code went, as the code page may show it. */
export interface CodeDestination {
  channel: "sms" | "email";
  /** Half-hidden: "+32 4•• •• •• 12", "j•••@e•••.be". */
  masked: string;
}

export type StartPortalSignInResult =
  | ({ status: "signed_in" } & OpenedPortalSession)
  | { status: "code_sent"; challengeId: string; destination: CodeDestination; expiresAt: Date };

const clip = (ua: string | undefined) => ua?.slice(0, 400);

/** The point a one-time code goes to: a usable mobile first (it is on the phone in the debtor's hand), then an email; primary ones first. */
function codeDestinationOf(points: readonly ContactPoint[]): { point: ContactPoint; channel: "sms" | "email" } | null {
  const facts = (p: ContactPoint) => ({ kind: p.kind as ContactPointKind, value: p.value, isInvalid: p.isInvalid, optedOutAt: p.optedOutAt });
  const mobile = points.find((p) => p.kind === "phone" && phoneLineKind(p.value) === "mobile" && !contactPointRefusal("sms", facts(p)));
  if (mobile) return { point: mobile, channel: "sms" };
  const email = points.find((p) => p.kind === "email" && !contactPointRefusal("email", facts(p)));
  return email ? { point: email, channel: "email" } : null;
}

/** A fresh one-time code, every value equally likely. */
function drawOneTimeCode(): string {
  for (;;) {
    const code = oneTimeCodeFromBytes(crypto.getRandomValues(new Uint8Array(4)));
    if (code) return code;
  }
}

const localeOf = (value: string): Locale => ((LOCALES as readonly string[]).includes(value) ? (value as Locale) : "fr");

/**
 * Checks a reference and access code (the portal, as the system actor). Right: a one-time code is sent
 * to the case's mobile or email (`code_sent`), or, with none usable, the session opens (`signed_in`).
 * Wrong or unknown: VALIDATION with one wording; locked: LIMIT_EXCEEDED.
 */
export async function startPortalSignIn({ ctx, input }: { ctx: Ctx; input: StartPortalSignInInput }): Promise<StartPortalSignInResult> {
  assertSystem(ctx.actor, "sign debtors in");
  const { reference, accessCode, ip, userAgent } = parseInput(StartPortalSignInInputSchema, input);
  const now = ctx.clock.now();
  const ipKey = ip ? portalLimitKey.ip(ip) : null;
  if (ipKey) await assertNotLimited(ctx.db, ipKey, PORTAL_IP_FAILURES, now);

  const [kase] = await ctx.db.select().from(cases).where(eq(cases.reference, reference)).limit(1);
  assertPortalNotLocked(kase ? { failedAttempts: kase.portalFailedAttempts, lockedUntil: kase.portalLockedUntil } : await referenceLockState(ctx.db, reference), now);
  // The same argon2 work whether or not there is a code to check, so timing does not reveal a reference.
  const isRight = kase?.portalAccessCodeHash ? await verifyPassword(kase.portalAccessCodeHash, accessCode) : await verifyAgainstDummy(accessCode);

  if (!kase || !isRight) {
    const locked = await ctx.db.transaction(async (tx) => {
      if (ipKey) await recordAttempt(tx, ipKey, PORTAL_IP_FAILURES, now);
      let next;
      if (kase) {
        const [fresh] = await tx.select({ failedAttempts: cases.portalFailedAttempts, lockedUntil: cases.portalLockedUntil }).from(cases).where(eq(cases.id, kase.id)).for("update");
        next = afterFailedPortalAttempt(fresh!, now);
        await tx.update(cases).set({ portalFailedAttempts: next.failedAttempts, portalLockedUntil: next.lockedUntil }).where(eq(cases.id, kase.id));
      } else {
        next = await recordReferenceFailure(tx, reference, now);
      }
      const isLocked = next.lockedUntil !== null && next.lockedUntil.getTime() > now.getTime();
      // An unknown reference is not recorded: people mistype their own, and the trail is permanent.
      await auditPortal(tx, {
        now,
        action: isLocked ? "portal.sign_in_locked" : "portal.sign_in_failed",
        caseId: kase?.id ?? null,
        clientId: kase?.clientId ?? null,
        entityType: "case",
        entityId: kase?.id ?? null,
        data: { reason: !kase ? "unknown_reference" : kase.portalAccessCodeHash ? "wrong_access_code" : "no_access_code", ip, userAgent: clip(userAgent) },
      });
      return isLocked;
    });
    throw locked ? new DomainError("LIMIT_EXCEEDED", SIGN_IN_LOCKED) : new DomainError("VALIDATION", SIGN_IN_REFUSED);
  }

  const [[debtor], points, [agency]] = await Promise.all([
    ctx.db.select({ locale: debtors.locale }).from(debtors).where(eq(debtors.id, kase.debtorId)),
    ctx.db
      .select()
      .from(contactPoints)
      .where(and(eq(contactPoints.debtorId, kase.debtorId), eq(contactPoints.clientId, kase.clientId)))
      .orderBy(desc(contactPoints.isPrimary), asc(contactPoints.createdAt)),
    ctx.db.select({ name: agencySettings.name }).from(agencySettings).where(eq(agencySettings.id, 1)),
  ]);
  const debtorLocale = localeOf(debtor?.locale ?? "fr");
  const destination = codeDestinationOf(points);
  const clearFailures = { portalFailedAttempts: 0, portalLockedUntil: null };

  if (!destination) {
    const token = generateSessionToken();
    const session = await ctx.db.transaction(async (tx) => {
      await tx.update(cases).set(clearFailures).where(eq(cases.id, kase.id));
      const opened = await insertPortalSession(tx, { token, caseId: kase.id, clientId: kase.clientId, now, ip, userAgent });
      await auditPortal(tx, { now, action: "portal.signed_in", caseId: kase.id, clientId: kase.clientId, debtorId: kase.debtorId, entityType: "case", entityId: kase.id, data: { method: "access_code", ip, userAgent: clip(userAgent) } });
      return opened;
    });
    return { status: "signed_in", token, caseId: kase.id, debtorId: kase.debtorId, debtorLocale, expiresAt: session.expiresAt };
  }

  const code = drawOneTimeCode();
  const codeHash = await hashPassword(code);
  const challengeId = randomUUID();
  const expiresAt = new Date(now.getTime() + ONE_TIME_CODE_MINUTES * 60_000);
  const texts = ONE_TIME_CODE_TEXTS[debtorLocale];
  const agencyName = agency?.name ?? "Recouvra";
  await ctx.db.transaction(async (tx) => {
    await tx.update(cases).set(clearFailures).where(eq(cases.id, kase.id));
    // One live code per case: asking again retires the earlier one, so only the latest message counts.
    await tx.update(portalOneTimeCodes).set({ consumedAt: now }).where(and(eq(portalOneTimeCodes.caseId, kase.id), isNull(portalOneTimeCodes.consumedAt)));
    await tx.insert(portalOneTimeCodes).values({ id: challengeId, caseId: kase.id, clientId: kase.clientId, contactPointId: destination.point.id, codeHash, expiresAt, createdAt: now });
    const [message] = await tx
      .insert(messages)
      .values({
        caseId: kase.id,
        clientId: kase.clientId,
        channel: destination.channel,
        direction: "outbound",
        template: PORTAL_CODE_TEMPLATE,
        locale: debtorLocale,
        contactPointId: destination.point.id,
        recipient: destination.point.value,
        subject: destination.channel === "email" ? texts.subject(agencyName) : null,
        body: texts.body({ code, agency: agencyName, minutes: ONE_TIME_CODE_MINUTES }),
        data: { purpose: "portal_sign_in", challengeId },
        status: "queued",
        idempotencyKey: `portal-code:${challengeId}`,
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: messages.id });
    await auditPortal(tx, {
      now,
      action: "portal.one_time_code_sent",
      caseId: kase.id,
      clientId: kase.clientId,
      debtorId: kase.debtorId,
      entityType: "message",
      entityId: message!.id,
      data: { channel: destination.channel, contactPointId: destination.point.id, challengeId, ip, userAgent: clip(userAgent) },
    });
  });
  const masked = destination.channel === "sms" ? maskPhone(destination.point.value) : maskEmail(destination.point.value);
  return { status: "code_sent", challengeId, destination: { channel: destination.channel, masked }, expiresAt };
}

export const VerifyPortalCodeInputSchema = ClientFactsSchema.extend({
  challengeId: z.string().uuid(CODE_INVALID),
  code: z.string({ error: "Enter the 6-digit code." }).max(50, "Enter the 6-digit code."),
});
export type VerifyPortalCodeInput = z.input<typeof VerifyPortalCodeInputSchema>;

type CodeCheck = { outcome: "signed_in"; session: OpenedPortalSession } | { outcome: "wrong"; attemptsLeft: number } | { outcome: "invalid" };

async function liveCode(tx: DbOrTx, challengeId: string) {
  const [row] = await tx.select().from(portalOneTimeCodes).where(eq(portalOneTimeCodes.id, challengeId)).for("update");
  return row;
}

/**
 * Checks the one-time code of a sign-in (the portal, as the system actor) and opens the session. A
 * wrong code is VALIDATION (field `code`) while attempts remain; the fifth wrong one burns the code.
 * An unknown, expired, used or burned code is NOT_FOUND with one wording.
 */
export async function verifyPortalCode({ ctx, input }: { ctx: Ctx; input: VerifyPortalCodeInput }): Promise<OpenedPortalSession> {
  assertSystem(ctx.actor, "sign debtors in");
  const data = parseInput(VerifyPortalCodeInputSchema, input);
  const code = normaliseOneTimeCode(data.code);
  if (!code) throw new DomainError("VALIDATION", "Enter the 6-digit code.", { field: "code" });
  const now = ctx.clock.now();
  const ipKey = data.ip ? portalLimitKey.ip(data.ip) : null;
  if (ipKey) await assertNotLimited(ctx.db, ipKey, PORTAL_IP_FAILURES, now);

  // The row lock makes guesses on one code take turns, so parallel requests cannot exceed five.
  const check: CodeCheck = await ctx.db.transaction(async (tx): Promise<CodeCheck> => {
    const row = await liveCode(tx, data.challengeId);
    if (!row || row.consumedAt || row.expiresAt.getTime() <= now.getTime() || row.attempts >= ONE_TIME_CODE_MAX_ATTEMPTS) {
      if (ipKey) await recordAttempt(tx, ipKey, PORTAL_IP_FAILURES, now);
      return { outcome: "invalid" };
    }
    const [kase] = await tx.select({ id: cases.id, clientId: cases.clientId, debtorId: cases.debtorId, locale: debtors.locale }).from(cases).innerJoin(debtors, eq(debtors.id, cases.debtorId)).where(eq(cases.id, row.caseId));
    if (!(await verifyPassword(row.codeHash, code))) {
      const attempts = row.attempts + 1;
      const isBurned = attempts >= ONE_TIME_CODE_MAX_ATTEMPTS;
      await tx.update(portalOneTimeCodes).set({ attempts, ...(isBurned ? { consumedAt: now } : {}) }).where(eq(portalOneTimeCodes.id, row.id));
      if (ipKey) await recordAttempt(tx, ipKey, PORTAL_IP_FAILURES, now);
      await auditPortal(tx, { now, action: "portal.one_time_code_failed", caseId: row.caseId, clientId: row.clientId, entityType: "case", entityId: row.caseId, data: { challengeId: row.id, attempts, isBurned, ip: data.ip, userAgent: clip(data.userAgent) } });
      return isBurned ? { outcome: "invalid" } : { outcome: "wrong", attemptsLeft: ONE_TIME_CODE_MAX_ATTEMPTS - attempts };
    }
    await tx.update(portalOneTimeCodes).set({ consumedAt: now }).where(eq(portalOneTimeCodes.id, row.id));
    const token = generateSessionToken();
    const opened = await insertPortalSession(tx, { token, caseId: row.caseId, clientId: row.clientId, now, ip: data.ip, userAgent: data.userAgent });
    await auditPortal(tx, { now, action: "portal.signed_in", caseId: row.caseId, clientId: row.clientId, debtorId: kase!.debtorId, entityType: "case", entityId: row.caseId, data: { method: "one_time_code", challengeId: row.id, ip: data.ip, userAgent: clip(data.userAgent) } });
    return { outcome: "signed_in", session: { token, caseId: row.caseId, debtorId: kase!.debtorId, debtorLocale: localeOf(kase!.locale), expiresAt: opened.expiresAt } };
  });
  if (check.outcome === "invalid") throw new DomainError("NOT_FOUND", CODE_INVALID);
  if (check.outcome === "wrong") throw new DomainError("VALIDATION", CODE_WRONG, { field: "code", cause: { attemptsLeft: check.attemptsLeft } });
  return check.session;
}
