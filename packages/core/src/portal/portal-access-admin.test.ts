/**
 * The agency's side of portal access against a real database: the status staff read, a link shown
 * once or sent through the outbox, the access code reset that shuts out whoever held the old one, the
 * lock-out cleared — each with the wrong actors (another team, another client, the client user of the
 * case, the debtor) refused and nothing written for them.
 */
import { auditEvents, cases, messages, portalLinks, portalOneTimeCodes, portalSessions, rateLimits } from "@recouvra/db";
import { useTestDb } from "@recouvra/db/testing";
import { isDomainError, normaliseAccessCode, PORTAL_MAX_FAILED_ATTEMPTS } from "@recouvra/domain";
import { and, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../auth/passwords.ts";
import { buildAgency, ctxFor, NOW, openCase, type Agency } from "../cases/actions/test-fixtures.ts";
import { systemActor, type Actor, type Ctx } from "../context.ts";
import { addContactPoints, insertAgencyTemplates, movableClock, setUpAgency } from "../messages/test-fixtures.ts";
import {
  ACCESS_CODE_ALPHABET,
  ACCESS_CODE_LENGTH,
  accessCodeFromBytes,
  clearPortalLock,
  formatAccessCode,
  getPortalAccess,
  issuePortalLinkForCase,
  resetPortalAccessCode,
  sendPortalLink,
} from "./portal-access-admin.ts";
import { issuePortalLink, openPortalLink } from "./portal-links.ts";
import { validatePortalSession } from "./portal-sessions.ts";
import { startPortalSignIn } from "./portal-sign-in.ts";
import { SIGN_IN_REFUSED } from "./shared.ts";

const t = useTestDb();
let agency: Agency;
let otherClientUser: Actor;
const ACCESS_CODE = "OLD-CODE-1357";
let accessCodeHash: string;
const fail = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);
const portalCtx = (clock = movableClock(NOW)): Ctx & { clock: ReturnType<typeof movableClock> } => ({ db: t.db, clock, actor: systemActor("portal:public") });
const caseRow = async (id: string) => (await t.db.select().from(cases).where(eq(cases.id, id)))[0]!;
const auditOf = async (caseId: string, action: string) => t.db.select().from(auditEvents).where(and(eq(auditEvents.caseId, caseId), eq(auditEvents.action, action)));

beforeAll(async () => {
  agency = await buildAgency(t.db);
  await setUpAgency(t.db);
  await insertAgencyTemplates(t.db);
  accessCodeHash = await hashPassword(ACCESS_CODE);
  otherClientUser = { kind: "user", userId: randomUUID(), role: "client", clientId: agency.otherClientId };
});

/** A case of team A the portal opens with ACCESS_CODE; with `points`, a mobile and an email on file. */
async function portalCase(options: { points?: boolean } = {}) {
  const placed = await openCase(t.db, agency);
  const [kase] = await t.db.update(cases).set({ portalAccessCodeHash: accessCodeHash, reference: placed.reference.toUpperCase() }).where(eq(cases.id, placed.id)).returning();
  const points = options.points ? await addContactPoints(t.db, kase!) : null;
  return { kase: kase!, points };
}

/** The wrong people for a change: another team's agent, another client's user, the debtor; and the case's own client user. */
function outsiders(kase: { id: string; debtorId: string }): Actor[] {
  return [agency.agentB, otherClientUser, { kind: "debtor", debtorId: kase.debtorId, caseIds: [kase.id] }];
}

/** Signs in with reference + code as the portal does (no usable contact: the session opens at once). */
async function signIn(reference: string, code: string, ctx = portalCtx()) {
  const result = await startPortalSignIn({ ctx, input: { reference, accessCode: code } });
  if (result.status !== "signed_in") throw new Error("expected a session");
  return result;
}

describe("access codes", () => {
  it("draws every character from the unambiguous alphabet, without bias, in the form the portal compares", () => {
    expect(ACCESS_CODE_ALPHABET).toHaveLength(32);
    expect(new Set(ACCESS_CODE_ALPHABET).size).toBe(32);
    expect(ACCESS_CODE_ALPHABET).not.toMatch(/[01IO]/);
    // Each of the 256 byte values lands on one character, each character exactly eight times.
    const seen = new Map<string, number>();
    for (let b = 0; b < 256; b++) {
      const c = accessCodeFromBytes(new Uint8Array(ACCESS_CODE_LENGTH).fill(b))[0]!;
      seen.set(c, (seen.get(c) ?? 0) + 1);
    }
    expect([...seen.values()]).toEqual(Array(32).fill(8));
    expect(accessCodeFromBytes(Uint8Array.from([0, 1, 2, 3, 28, 29, 30, 31]))).toBe("ABCD6789");
    for (let i = 0; i < 200; i++) {
      const code = accessCodeFromBytes(crypto.getRandomValues(new Uint8Array(ACCESS_CODE_LENGTH)));
      expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
      // Typed as printed, with the space or without, lower case or not: the portal reads the same code.
      expect(normaliseAccessCode(formatAccessCode(code).toLowerCase())).toBe(code);
    }
    expect(formatAccessCode("K7QM4XPA")).toBe("K7QM 4XPA");
    expect(() => accessCodeFromBytes(new Uint8Array(4))).toThrow(RangeError);
  });
});

describe("getPortalAccess", () => {
  it("shows the live links, the code, the failures, the open sessions and the last visit", async () => {
    const { kase } = await portalCase();
    const agent = ctxFor(t.db, agency.agentA);
    const fresh = await getPortalAccess({ ctx: agent, input: { caseId: kase.id } });
    expect(fresh).toMatchObject({ caseId: kase.id, reference: kase.reference, canAct: true, hasAccessCode: true, accessCodeResetAt: null, failedAttempts: 0, lockedUntil: null, links: [], openSessions: 0, lastVisitAt: null });

    const revoked = await issuePortalLink({ ctx: agent, input: { caseId: kase.id } });
    const live = await issuePortalLink({ ctx: agent, input: { caseId: kase.id } });
    const clock = movableClock("2027-03-15T10:00:00Z");
    await fail(startPortalSignIn({ ctx: portalCtx(clock), input: { reference: kase.reference, accessCode: "WRONG" } }));
    await openPortalLink({ ctx: portalCtx(clock), input: { token: live.token } });
    await fail(startPortalSignIn({ ctx: portalCtx(clock), input: { reference: kase.reference, accessCode: "WRONG-AGAIN" } }));
    const seen = await getPortalAccess({ ctx: { ...agent, clock: movableClock("2027-03-15T10:05:00Z") }, input: { caseId: kase.id } });
    expect(seen).toMatchObject({ failedAttempts: 2, openSessions: 1, lastVisitAt: new Date("2027-03-15T10:00:00Z") });
    expect(seen.links).toEqual([{ shortId: expect.stringMatching(/^[0-9a-f]{8}$/), createdAt: new Date(NOW), expiresAt: live.expiresAt, lastUsedAt: new Date("2027-03-15T10:00:00Z"), message: null }]);
    expect(JSON.stringify(seen)).not.toContain(live.token);
    expect(JSON.stringify(seen)).not.toContain(revoked.token);

    // An hour later the session has ended on its own; the visit is still on record.
    const later = await getPortalAccess({ ctx: { ...agent, clock: movableClock("2027-03-15T11:00:00Z") }, input: { caseId: kase.id } });
    expect(later).toMatchObject({ openSessions: 0, lastVisitAt: new Date("2027-03-15T10:00:00Z") });
  });

  it("shows a lock while it holds, and forgets it once it has run out", async () => {
    const { kase } = await portalCase();
    const ctx = portalCtx();
    for (let i = 0; i < PORTAL_MAX_FAILED_ATTEMPTS; i++) await fail(startPortalSignIn({ ctx, input: { reference: kase.reference, accessCode: `WRONG-${i}` } }));
    const agent = ctxFor(t.db, agency.agentA);
    expect(await getPortalAccess({ ctx: agent, input: { caseId: kase.id } })).toMatchObject({ lockedUntil: new Date("2027-03-15T09:30:00Z"), failedAttempts: 0 });
    expect(await getPortalAccess({ ctx: { ...agent, clock: movableClock("2027-03-15T09:31:00Z") }, input: { caseId: kase.id } })).toMatchObject({ lockedUntil: null, failedAttempts: 0 });
  });

  it("offers the templates that print the link, the debtor's language first, and says why a channel cannot carry one", async () => {
    const { kase } = await portalCase({ points: true });
    const access = await getPortalAccess({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id } });
    const sms = access.sending!.channels.find((c) => c.channel === "sms")!;
    const email = access.sending!.channels.find((c) => c.channel === "email")!;
    expect(access.sending!.debtorLocale).toBe("fr");
    expect(sms.templates.map((tpl) => `${tpl.key}/${tpl.locale}`)).toEqual(["reminder_sms/fr", "reminder_sms/nl", "reminder_sms/en"]);
    // Only usable numbers: not the landline, not the opted-out mobile.
    expect(sms.contactPoints.map((p) => p.value)).toEqual(["+33639980123"]);
    expect(sms.refusal).toBeNull();
    expect(email.templates).toEqual([]);
    expect(email.refusal).toMatch(/No email template prints the personal link \(\{portal_url\}\)/);

    await t.db.update(cases).set({ stage: "in_contact", holds: ["disputed"] }).where(eq(cases.id, kase.id));
    const held = await getPortalAccess({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id } });
    expect(held.sending!.channels.every((c) => c.refusal && /disputed/.test(c.refusal))).toBe(true);
  });

  it("lets the case's client user read it without acting, and is NOT_FOUND for everyone else", async () => {
    const { kase } = await portalCase({ points: true });
    const asClient = await getPortalAccess({ ctx: ctxFor(t.db, agency.clientUser), input: { caseId: kase.id } });
    expect(asClient).toMatchObject({ caseId: kase.id, canAct: false, hasAccessCode: true, sending: null });
    expect((await getPortalAccess({ ctx: ctxFor(t.db, agency.supervisor), input: { caseId: kase.id } })).canAct).toBe(true);
    for (const actor of outsiders(kase)) {
      expect(isDomainError(await fail(getPortalAccess({ ctx: ctxFor(t.db, actor), input: { caseId: kase.id } })), "NOT_FOUND"), JSON.stringify(actor)).toBe(true);
    }
    expect(isDomainError(await fail(getPortalAccess({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: "not-a-case" } })), "NOT_FOUND")).toBe(true);
  });
});

describe("a new personal link", () => {
  it("shown once: returns the token, revokes the earlier links, and audits the issue without the token", async () => {
    const { kase } = await portalCase();
    const agent = ctxFor(t.db, agency.agentA);
    const earlier = await issuePortalLink({ ctx: agent, input: { caseId: kase.id } });
    const shown = await issuePortalLinkForCase({ ctx: agent, input: { caseId: kase.id } });
    expect(shown.path).toBe(`/l/${shown.token}`);
    expect(isDomainError(await fail(openPortalLink({ ctx: portalCtx(), input: { token: earlier.token } })), "NOT_FOUND")).toBe(true);
    expect((await openPortalLink({ ctx: portalCtx(), input: { token: shown.token } })).caseId).toBe(kase.id);
    const issued = await auditOf(kase.id, "portal.link_issued");
    expect(issued).toHaveLength(2);
    expect(issued[1]).toMatchObject({ actorKind: "user", data: { messageId: null, revokedLinks: 1 } });
    expect(JSON.stringify(issued)).not.toContain(shown.token);
  });

  it("is FORBIDDEN to the case's client user and NOT_FOUND to the others; no link is written for them", async () => {
    const { kase } = await portalCase();
    expect(isDomainError(await fail(issuePortalLinkForCase({ ctx: ctxFor(t.db, agency.clientUser), input: { caseId: kase.id } })), "FORBIDDEN")).toBe(true);
    for (const actor of outsiders(kase)) {
      expect(isDomainError(await fail(issuePortalLinkForCase({ ctx: ctxFor(t.db, actor), input: { caseId: kase.id } })), "NOT_FOUND")).toBe(true);
    }
    expect(await t.db.select().from(portalLinks).where(eq(portalLinks.caseId, kase.id))).toHaveLength(0);
  });

  it("sent by SMS through the outbox with a template that prints it; a template without the link is refused", async () => {
    const { kase, points } = await portalCase({ points: true });
    const agent = ctxFor(t.db, agency.agentA);
    const earlier = await issuePortalLink({ ctx: agent, input: { caseId: kase.id } });
    const key = () => randomUUID().replaceAll("-", "");
    const sent = await sendPortalLink({ ctx: agent, input: { caseId: kase.id, channel: "sms", templateKey: "reminder_sms", locale: "fr", contactPointId: points!.mobile.id, idempotencyKey: key() } });
    expect(sent).toMatchObject({ channel: "sms", recipient: "+33639980123", isDuplicate: false });
    const [message] = await t.db.select().from(messages).where(eq(messages.id, sent.messageId));
    expect(message).toMatchObject({ status: "queued", template: "reminder_sms", recipient: "+33639980123" });
    const token = /\/l\/([a-z2-7]{32})/.exec(message!.body ?? "")![1]!;
    expect((await openPortalLink({ ctx: portalCtx(), input: { token } })).caseId).toBe(kase.id);
    expect(isDomainError(await fail(openPortalLink({ ctx: portalCtx(), input: { token: earlier.token } })), "NOT_FOUND")).toBe(true);
    const access = await getPortalAccess({ ctx: agent, input: { caseId: kase.id } });
    expect(access.links).toEqual([expect.objectContaining({ message: { id: sent.messageId, channel: "sms", recipient: "+33639980123", status: "queued" } })]);

    const noLink = await fail(sendPortalLink({ ctx: agent, input: { caseId: kase.id, channel: "email", templateKey: "reminder_email", locale: "fr", contactPointId: points!.email.id, idempotencyKey: key() } }));
    expect(isDomainError(noLink, "VALIDATION") && noLink.field).toBe("templateKey");
    const byLetter = await fail(sendPortalLink({ ctx: agent, input: { caseId: kase.id, channel: "letter" as "sms", templateKey: "formal_notice", locale: "fr", contactPointId: points!.address.id, idempotencyKey: key() } }));
    expect(isDomainError(byLetter, "VALIDATION") && byLetter.field).toBe("channel");
    expect(isDomainError(await fail(sendPortalLink({ ctx: ctxFor(t.db, agency.clientUser), input: { caseId: kase.id, channel: "sms", templateKey: "reminder_sms", locale: "fr", contactPointId: points!.mobile.id, idempotencyKey: key() } })), "FORBIDDEN")).toBe(true);
    expect(isDomainError(await fail(sendPortalLink({ ctx: ctxFor(t.db, agency.agentB), input: { caseId: kase.id, channel: "sms", templateKey: "reminder_sms", locale: "fr", contactPointId: points!.mobile.id, idempotencyKey: key() } })), "NOT_FOUND")).toBe(true);
    expect(await t.db.select().from(messages).where(eq(messages.caseId, kase.id))).toHaveLength(1);
  });
});

describe("resetPortalAccessCode", () => {
  it("sets a new code kept only as its hash, ends every open session, revokes the links and clears the lock", async () => {
    const { kase } = await portalCase();
    const agent = ctxFor(t.db, agency.agentA);
    const first = await signIn(kase.reference, ACCESS_CODE);
    const link = await issuePortalLink({ ctx: agent, input: { caseId: kase.id } });
    const second = await openPortalLink({ ctx: portalCtx(), input: { token: link.token } });
    await t.db.insert(portalOneTimeCodes).values({ caseId: kase.id, clientId: kase.clientId, codeHash: "pending", expiresAt: new Date("2027-03-15T09:10:00Z") });
    await t.db.update(cases).set({ portalFailedAttempts: 4 }).where(eq(cases.id, kase.id));

    const reset = await resetPortalAccessCode({ ctx: agent, input: { caseId: kase.id, deliveredBy: "phone_identity_checked" } });
    expect(reset).toMatchObject({ endedSessions: 2, revokedLinks: 1 });
    expect(reset.accessCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(reset.formatted).toBe(`${reset.accessCode.slice(0, 4)} ${reset.accessCode.slice(4)}`);

    const after = await caseRow(kase.id);
    expect(after).toMatchObject({ portalFailedAttempts: 0, portalLockedUntil: null });
    expect(after.portalAccessCodeHash).toMatch(/^\$argon2id\$/);
    expect(after.portalAccessCodeHash).not.toContain(reset.accessCode);
    // Whoever was signed in is out, on every device; the old link and the pending code are dead.
    for (const token of [first.token, second.token]) expect(await validatePortalSession({ ctx: portalCtx(), input: { token } })).toBeNull();
    expect(await t.db.select().from(portalSessions).where(eq(portalSessions.caseId, kase.id))).toHaveLength(0);
    expect(isDomainError(await fail(openPortalLink({ ctx: portalCtx(), input: { token: link.token } })), "NOT_FOUND")).toBe(true);
    expect((await t.db.select().from(portalOneTimeCodes).where(eq(portalOneTimeCodes.caseId, kase.id)))[0]!.consumedAt).not.toBeNull();

    // The old code no longer opens the file; the new one does, typed as read out.
    const old = await fail(startPortalSignIn({ ctx: portalCtx(), input: { reference: kase.reference, accessCode: ACCESS_CODE } }));
    expect(isDomainError(old, "VALIDATION") && (old as Error).message).toBe(SIGN_IN_REFUSED);
    expect((await signIn(kase.reference, reset.formatted.toLowerCase())).caseId).toBe(kase.id);

    const [event] = await auditOf(kase.id, "portal.access_code_reset");
    expect(event).toMatchObject({ actorKind: "user", entityType: "case", entityId: kase.id, data: { deliveredBy: "phone_identity_checked", hadAccessCode: true, endedSessions: 2, revokedLinks: 1, retiredOneTimeCodes: 1, wasLocked: false } });
    expect(JSON.stringify(event)).not.toContain(reset.accessCode);
    expect((await getPortalAccess({ ctx: agent, input: { caseId: kase.id } })).accessCodeResetAt).toEqual(new Date(NOW));
  });

  it("names the field when the delivery is missing, and refuses the wrong people without touching the code", async () => {
    const { kase } = await portalCase();
    const missing = await fail(resetPortalAccessCode({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, deliveredBy: "pigeon" as "letter" } }));
    expect(isDomainError(missing, "VALIDATION") && missing.field).toBe("deliveredBy");
    expect(isDomainError(await fail(resetPortalAccessCode({ ctx: ctxFor(t.db, agency.clientUser), input: { caseId: kase.id, deliveredBy: "letter" } })), "FORBIDDEN")).toBe(true);
    for (const actor of outsiders(kase)) {
      expect(isDomainError(await fail(resetPortalAccessCode({ ctx: ctxFor(t.db, actor), input: { caseId: kase.id, deliveredBy: "letter" } })), "NOT_FOUND")).toBe(true);
    }
    expect((await caseRow(kase.id)).portalAccessCodeHash).toBe(accessCodeHash);
    expect(await auditOf(kase.id, "portal.access_code_reset")).toHaveLength(0);
  });
});

describe("clearPortalLock", () => {
  it("unlocks a locked case at once, with its reference counter, and audits what it cleared", async () => {
    const { kase } = await portalCase();
    const ctx = portalCtx();
    for (let i = 0; i < PORTAL_MAX_FAILED_ATTEMPTS; i++) await fail(startPortalSignIn({ ctx, input: { reference: kase.reference, accessCode: `WRONG-${i}` } }));
    expect(isDomainError(await fail(startPortalSignIn({ ctx, input: { reference: kase.reference, accessCode: ACCESS_CODE } })), "LIMIT_EXCEEDED")).toBe(true);
    await t.db.insert(rateLimits).values({ key: `portal:reference:${kase.reference}`, windowStartedAt: new Date(NOW), count: 3 });

    const cleared = await clearPortalLock({ ctx: ctxFor(t.db, agency.agentA2), input: { caseId: kase.id } });
    expect(cleared).toEqual({ wasLocked: true, failedAttempts: 0 });
    expect(await caseRow(kase.id)).toMatchObject({ portalFailedAttempts: 0, portalLockedUntil: null });
    expect(await t.db.select().from(rateLimits).where(eq(rateLimits.key, `portal:reference:${kase.reference}`))).toHaveLength(0);
    expect((await signIn(kase.reference, ACCESS_CODE, ctx)).caseId).toBe(kase.id);
    const [event] = await auditOf(kase.id, "portal.lock_cleared");
    expect(event).toMatchObject({ actorKind: "user", data: { wasLocked: true, failedAttempts: 0, lockedUntil: "2027-03-15T09:30:00.000Z", referenceCounter: 3 } });
  });

  it("clears failed attempts below the lock too, and refuses the wrong people", async () => {
    const { kase } = await portalCase();
    await t.db.update(cases).set({ portalFailedAttempts: 6 }).where(eq(cases.id, kase.id));
    expect(isDomainError(await fail(clearPortalLock({ ctx: ctxFor(t.db, agency.clientUser), input: { caseId: kase.id } })), "FORBIDDEN")).toBe(true);
    for (const actor of outsiders(kase)) {
      expect(isDomainError(await fail(clearPortalLock({ ctx: ctxFor(t.db, actor), input: { caseId: kase.id } })), "NOT_FOUND")).toBe(true);
    }
    expect((await caseRow(kase.id)).portalFailedAttempts).toBe(6);
    expect(await clearPortalLock({ ctx: ctxFor(t.db, agency.supervisor), input: { caseId: kase.id } })).toEqual({ wasLocked: false, failedAttempts: 6 });
    expect((await caseRow(kase.id)).portalFailedAttempts).toBe(0);
  });
});
