import { auditEvents, cases, contactPoints, messages, portalLinks, portalOneTimeCodes, portalSessions, rateLimits } from "@recouvra/db";
import { useTestDb } from "@recouvra/db/testing";
import { isDomainError, PORTAL_MAX_FAILED_ATTEMPTS } from "@recouvra/domain";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../auth/passwords.ts";
import { sessionIdFromToken } from "../auth/sessions.ts";
import { buildAgency, ctxFor, NOW, openCase, type Agency } from "../cases/actions/test-fixtures.ts";
import { systemActor, type Actor, type Ctx } from "../context.ts";
import { dispatchOutbox } from "../messages/dispatch-outbox.ts";
import { addContactPoints, movableClock, setUpAgency } from "../messages/test-fixtures.ts";
import { outboxTransport } from "../messages/transport.ts";
import { requireCase } from "../scope.ts";
import { issuePortalLink, openPortalLink } from "./portal-links.ts";
import { validatePortalSession, signOutPortal } from "./portal-sessions.ts";
import { startPortalSignIn, verifyPortalCode } from "./portal-sign-in.ts";
import { CODE_INVALID, INVALID_LINK, SIGN_IN_LOCKED, SIGN_IN_REFUSED } from "./shared.ts";

const t = useTestDb();
let agency: Agency;
const ACCESS_CODE = "TEST-4821";
let accessCodeHash: string;
const portal = systemActor("portal:public");
const fail = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

beforeAll(async () => {
  agency = await buildAgency(t.db);
  await setUpAgency(t.db);
  accessCodeHash = await hashPassword(ACCESS_CODE);
});

/** A case the portal can open with ACCESS_CODE; with `points`, a mobile, an email and the rest on file. */
async function portalCase(options: { points?: boolean } = {}) {
  const placed = await openCase(t.db, agency, {});
  // Real references are upper-case (RC-2027-000123), which is how the portal reads what is typed.
  const [kase] = await t.db.update(cases).set({ portalAccessCodeHash: accessCodeHash, reference: placed.reference.toUpperCase() }).where(eq(cases.id, placed.id)).returning();
  if (!kase) throw new Error("no case");
  const points = options.points ? await addContactPoints(t.db, kase) : null;
  return { kase, points };
}

function clockCtx(actor: Actor = portal, iso = NOW): Ctx & { clock: ReturnType<typeof movableClock> } {
  return { db: t.db, clock: movableClock(iso), actor };
}

const actionsOf = async (caseId: string) => (await t.db.select().from(auditEvents).where(eq(auditEvents.caseId, caseId)).orderBy(auditEvents.seq)).map((e) => e.action);

/** The code the outbox message of `challengeId` carries. */
async function codeSentFor(challengeId: string): Promise<string> {
  const [row] = await t.db.select().from(messages).where(sql`${messages.data}->>'challengeId' = ${challengeId}`);
  const code = /\b(\d{6})\b/.exec(row?.body ?? "")?.[1];
  if (!code) throw new Error("no code in the outbox");
  return code;
}

describe("personal links", () => {
  it("issues a link whose token only the message knows, and opens a debtor session for that case with it", async () => {
    const { kase } = await portalCase();
    const link = await issuePortalLink({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id } });
    expect(link.path).toBe(`/l/${link.token}`);
    expect(link.expiresAt.toISOString()).toBe("2027-04-14T09:00:00.000Z");
    const stored = await t.db.select().from(portalLinks).where(eq(portalLinks.caseId, kase.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id).not.toContain(link.token);
    expect(stored[0]!.id).toMatch(/^[0-9a-f]{64}$/);

    const ctx = clockCtx(portal, "2027-03-20T10:00:00Z");
    const opened = await openPortalLink({ ctx, input: { token: link.token, ip: "203.0.113.5" } });
    expect(opened).toMatchObject({ caseId: kase.id, debtorId: kase.debtorId, debtorLocale: "fr" });
    const [used] = await t.db.select().from(portalLinks).where(eq(portalLinks.caseId, kase.id));
    expect(used!.lastUsedAt?.toISOString()).toBe("2027-03-20T10:00:00.000Z");
    const session = await validatePortalSession({ ctx, input: { token: opened.token } });
    expect(session?.actor).toEqual({ kind: "debtor", debtorId: kase.debtorId, caseIds: [kase.id] });
    expect(await actionsOf(kase.id)).toEqual(["portal.link_issued", "portal.signed_in"]);
  });

  it("revokes the earlier links when a new one is issued, and refuses expired and unknown ones with one wording", async () => {
    const { kase } = await portalCase();
    const ctx = ctxFor(t.db, agency.agentA);
    const first = await issuePortalLink({ ctx, input: { caseId: kase.id } });
    const second = await issuePortalLink({ ctx, input: { caseId: kase.id } });
    const refusals = [
      await fail(openPortalLink({ ctx: clockCtx(), input: { token: first.token } })),
      await fail(openPortalLink({ ctx: clockCtx(portal, "2027-04-15T09:00:00Z"), input: { token: second.token } })),
      await fail(openPortalLink({ ctx: clockCtx(), input: { token: "a".repeat(32) } })),
      await fail(openPortalLink({ ctx: clockCtx(), input: { token: "not a token" } })),
    ];
    for (const error of refusals) {
      expect(isDomainError(error, "NOT_FOUND")).toBe(true);
      expect((error as Error).message).toBe(INVALID_LINK);
    }
    expect((await openPortalLink({ ctx: clockCtx(), input: { token: second.token } })).caseId).toBe(kase.id);
  });

  it("lets only the agency's staff and the platform issue links (NOT_FOUND otherwise), and only the portal open them", async () => {
    const { kase } = await portalCase();
    const debtor: Actor = { kind: "debtor", debtorId: kase.debtorId, caseIds: [kase.id] };
    for (const actor of [agency.clientUser, agency.agentB, debtor]) {
      expect(isDomainError(await fail(issuePortalLink({ ctx: ctxFor(t.db, actor), input: { caseId: kase.id } })), "NOT_FOUND")).toBe(true);
    }
    expect(await t.db.select().from(portalLinks).where(eq(portalLinks.caseId, kase.id))).toHaveLength(0);
    const link = await issuePortalLink({ ctx: ctxFor(t.db, systemActor("worker")), input: { caseId: kase.id } });
    expect(isDomainError(await fail(openPortalLink({ ctx: ctxFor(t.db, agency.agentA), input: { token: link.token } })), "FORBIDDEN")).toBe(true);
  });
});

describe("reference + access code", () => {
  it("opens the session at once when no mobile or email is usable, clearing earlier failures", async () => {
    const { kase } = await portalCase();
    const ctx = clockCtx();
    await fail(startPortalSignIn({ ctx, input: { reference: kase.reference, accessCode: "WRONG" } }));
    const result = await startPortalSignIn({ ctx, input: { reference: ` ${kase.reference.toLowerCase()} `, accessCode: ACCESS_CODE.toLowerCase(), ip: "198.51.100.7" } });
    expect(result).toMatchObject({ status: "signed_in", caseId: kase.id, debtorLocale: "fr" });
    const [after] = await t.db.select().from(cases).where(eq(cases.id, kase.id));
    expect(after).toMatchObject({ portalFailedAttempts: 0, portalLockedUntil: null });
    expect(await actionsOf(kase.id)).toEqual(["portal.sign_in_failed", "portal.signed_in"]);
  });

  it("sends a one-time code to the mobile on file, showing it half-hidden, and signs in with it once", async () => {
    const { kase } = await portalCase({ points: true });
    const ctx = clockCtx();
    const started = await startPortalSignIn({ ctx, input: { reference: kase.reference, accessCode: ACCESS_CODE } });
    if (started.status !== "code_sent") throw new Error("expected a code");
    expect(started.destination).toEqual({ channel: "sms", masked: "+33 6•• •• •• 23" });
    const [message] = await t.db.select().from(messages).where(eq(messages.caseId, kase.id));
    expect(message).toMatchObject({ channel: "sms", status: "queued", template: "portal_one_time_code", recipient: "+33639980123", locale: "fr", subject: null });
    expect(message!.body).toMatch(/^Recouvra Test Agency : votre code de connexion est \d{6}\. Il est valable 10 minutes\./);
    const [stored] = await t.db.select().from(portalOneTimeCodes).where(eq(portalOneTimeCodes.id, started.challengeId));
    const code = await codeSentFor(started.challengeId);
    expect(stored!.codeHash).not.toContain(code);

    const opened = await verifyPortalCode({ ctx, input: { challengeId: started.challengeId, code: `${code.slice(0, 3)} ${code.slice(3)}` } });
    expect(opened.caseId).toBe(kase.id);
    // Used once: the same code does not open a second session.
    const again = await fail(verifyPortalCode({ ctx, input: { challengeId: started.challengeId, code } }));
    expect(isDomainError(again, "NOT_FOUND") && (again as Error).message).toBe(CODE_INVALID);
    expect(await actionsOf(kase.id)).toEqual(["portal.one_time_code_sent", "portal.signed_in"]);
  });

  it("uses the email when there is no usable mobile, and retires the previous code when asked again", async () => {
    const { kase } = await portalCase();
    await t.db.insert(contactPoints).values({ debtorId: kase.debtorId, clientId: kase.clientId, kind: "email", value: "lea.martin@example.test", isPrimary: true });
    const ctx = clockCtx();
    const first = await startPortalSignIn({ ctx, input: { reference: kase.reference, accessCode: ACCESS_CODE } });
    const second = await startPortalSignIn({ ctx, input: { reference: kase.reference, accessCode: ACCESS_CODE } });
    if (first.status !== "code_sent" || second.status !== "code_sent") throw new Error("expected codes");
    expect(second.destination).toEqual({ channel: "email", masked: "l•••@e•••.test" });
    const [mail] = await t.db.select().from(messages).where(sql`${messages.data}->>'challengeId' = ${second.challengeId}`);
    expect(mail).toMatchObject({ channel: "email", subject: "Votre code de connexion Recouvra Test Agency", recipient: "lea.martin@example.test" });
    const firstCode = await codeSentFor(first.challengeId);
    expect(isDomainError(await fail(verifyPortalCode({ ctx, input: { challengeId: first.challengeId, code: firstCode } })), "NOT_FOUND")).toBe(true);
  });

  it("delivers the code on a disputed case too: it answers the debtor's own request, it is not collection contact", async () => {
    const { kase } = await portalCase({ points: true });
    await t.db.update(cases).set({ stage: "in_contact", holds: ["disputed"] }).where(eq(cases.id, kase.id));
    const ctx = clockCtx();
    const started = await startPortalSignIn({ ctx, input: { reference: kase.reference, accessCode: ACCESS_CODE } });
    expect(started.status).toBe("code_sent");
    await dispatchOutbox({ ctx: { ...ctx, actor: systemActor("worker") }, input: { limit: 500 }, transport: outboxTransport });
    const [message] = await t.db.select().from(messages).where(eq(messages.caseId, kase.id));
    expect(message).toMatchObject({ status: "sent", provider: "outbox" });
  });

  it("refuses a wrong code with the attempts left, burns the code at the fifth, and lets an expired code go", async () => {
    const { kase } = await portalCase({ points: true });
    const ctx = clockCtx();
    const started = await startPortalSignIn({ ctx, input: { reference: kase.reference, accessCode: ACCESS_CODE } });
    if (started.status !== "code_sent") throw new Error("expected a code");
    const code = await codeSentFor(started.challengeId);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 1; i <= 4; i++) {
      const error = await fail(verifyPortalCode({ ctx, input: { challengeId: started.challengeId, code: wrong } }));
      expect(isDomainError(error, "VALIDATION") && (error as { field?: string }).field).toBe("code");
    }
    const fifth = await fail(verifyPortalCode({ ctx, input: { challengeId: started.challengeId, code: wrong } }));
    expect(isDomainError(fifth, "NOT_FOUND")).toBe(true);
    // Burned: even the right code no longer opens anything.
    expect(isDomainError(await fail(verifyPortalCode({ ctx, input: { challengeId: started.challengeId, code } })), "NOT_FOUND")).toBe(true);
    expect(isDomainError(await fail(verifyPortalCode({ ctx, input: { challengeId: started.challengeId, code: "12" } })), "VALIDATION")).toBe(true);

    const late = await startPortalSignIn({ ctx, input: { reference: kase.reference, accessCode: ACCESS_CODE } });
    if (late.status !== "code_sent") throw new Error("expected a code");
    const lateCode = await codeSentFor(late.challengeId);
    ctx.clock.advance(10 * 60);
    expect(isDomainError(await fail(verifyPortalCode({ ctx, input: { challengeId: late.challengeId, code: lateCode } })), "NOT_FOUND")).toBe(true);
  });

  it(`locks after ${PORTAL_MAX_FAILED_ATTEMPTS} wrong codes exactly as for a reference nobody holds, and unlocks after 30 minutes`, async () => {
    const { kase } = await portalCase();
    const ctx = clockCtx();
    const outcomes = async (reference: string) => {
      const seen: string[] = [];
      for (let i = 0; i < PORTAL_MAX_FAILED_ATTEMPTS + 1; i++) {
        const error = await fail(startPortalSignIn({ ctx, input: { reference, accessCode: `WRONG-${i}` } }));
        seen.push(isDomainError(error) ? `${error.code}: ${error.message}` : String(error));
      }
      return seen;
    };
    const existing = await outcomes(kase.reference);
    const missing = await outcomes("RC-2099-999999");
    expect(existing).toEqual(missing);
    expect(existing.slice(0, 9)).toEqual(Array(9).fill(`VALIDATION: ${SIGN_IN_REFUSED}`));
    expect(existing.slice(9)).toEqual([`LIMIT_EXCEEDED: ${SIGN_IN_LOCKED}`, `LIMIT_EXCEEDED: ${SIGN_IN_LOCKED}`]);
    // Locked means locked: even the right code waits.
    expect(isDomainError(await fail(startPortalSignIn({ ctx, input: { reference: kase.reference, accessCode: ACCESS_CODE } })), "LIMIT_EXCEEDED")).toBe(true);
    const [locked] = await t.db.select().from(cases).where(eq(cases.id, kase.id));
    expect(locked!.portalLockedUntil?.toISOString()).toBe("2027-03-15T09:30:00.000Z");
    expect(await actionsOf(kase.id)).toContain("portal.sign_in_locked");
    ctx.clock.advance(30 * 60);
    expect(await startPortalSignIn({ ctx, input: { reference: kase.reference, accessCode: ACCESS_CODE } })).toMatchObject({ status: "signed_in" });
  });

  it("limits failures per client address across references", async () => {
    const ctx = clockCtx();
    const ip = "192.0.2.44";
    for (let i = 0; i < 30; i++) await fail(startPortalSignIn({ ctx, input: { reference: `RC-IP-${i}`, accessCode: "NOPE", ip } }));
    const { kase } = await portalCase();
    const blocked = await fail(startPortalSignIn({ ctx, input: { reference: kase.reference, accessCode: ACCESS_CODE, ip } }));
    expect(isDomainError(blocked, "LIMIT_EXCEEDED")).toBe(true);
    expect(await startPortalSignIn({ ctx, input: { reference: kase.reference, accessCode: ACCESS_CODE, ip: "192.0.2.45" } })).toMatchObject({ status: "signed_in" });
    const [row] = await t.db.select().from(rateLimits).where(eq(rateLimits.key, `portal:ip:${ip}`));
    expect(row!.count).toBe(30);
  });

  it("is only for the portal itself", async () => {
    const { kase } = await portalCase();
    expect(isDomainError(await fail(startPortalSignIn({ ctx: ctxFor(t.db, agency.agentA), input: { reference: kase.reference, accessCode: ACCESS_CODE } })), "FORBIDDEN")).toBe(true);
  });
});

describe("portal sessions", () => {
  it("slide with use for 30 minutes, end after 8 hours however busy, and end at sign-out", async () => {
    const { kase } = await portalCase();
    const ctx = clockCtx();
    const opened = await startPortalSignIn({ ctx, input: { reference: kase.reference, accessCode: ACCESS_CODE } });
    if (opened.status !== "signed_in") throw new Error("expected a session");
    ctx.clock.advance(29 * 60);
    expect(await validatePortalSession({ ctx, input: { token: opened.token } })).not.toBeNull();
    for (let i = 0; i < 15; i++) {
      ctx.clock.advance(29 * 60);
      expect(await validatePortalSession({ ctx, input: { token: opened.token } }), `after ${(i + 2) * 29} minutes`).not.toBeNull();
    }
    ctx.clock.advance(29 * 60);
    expect(await validatePortalSession({ ctx, input: { token: opened.token } })).toBeNull();

    const idle = await startPortalSignIn({ ctx, input: { reference: kase.reference, accessCode: ACCESS_CODE } });
    if (idle.status !== "signed_in") throw new Error("expected a session");
    ctx.clock.advance(31 * 60);
    expect(await validatePortalSession({ ctx, input: { token: idle.token } })).toBeNull();
    expect(await t.db.select().from(portalSessions).where(eq(portalSessions.id, sessionIdFromToken(idle.token)))).toHaveLength(0);

    const fresh = await startPortalSignIn({ ctx, input: { reference: kase.reference, accessCode: ACCESS_CODE } });
    if (fresh.status !== "signed_in") throw new Error("expected a session");
    await signOutPortal({ ctx, input: { token: fresh.token } });
    expect(await validatePortalSession({ ctx, input: { token: fresh.token } })).toBeNull();
    expect(await actionsOf(kase.id)).toContain("portal.signed_out");
  });

  it("scopes the debtor actor to their own case: any other case is NOT_FOUND", async () => {
    const { kase } = await portalCase();
    const other = await portalCase();
    const ctx = clockCtx();
    const opened = await startPortalSignIn({ ctx, input: { reference: kase.reference, accessCode: ACCESS_CODE } });
    if (opened.status !== "signed_in") throw new Error("expected a session");
    const session = await validatePortalSession({ ctx, input: { token: opened.token } });
    expect((await requireCase(t.db, session!.actor, kase.id)).id).toBe(kase.id);
    expect(isDomainError(await fail(requireCase(t.db, session!.actor, other.kase.id)), "NOT_FOUND")).toBe(true);
    const [row] = await t.db.select().from(portalSessions).where(and(eq(portalSessions.id, session!.sessionId), eq(portalSessions.caseId, kase.id)));
    expect(row).toBeDefined();
  });
});
