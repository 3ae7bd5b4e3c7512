import { auditEvents, clients, sessions, users, type User } from "@recouvra/db";
import { useTestDb } from "@recouvra/db/testing";
import { DomainError } from "@recouvra/domain";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock, systemActor, type Actor, type Ctx } from "../context.ts";
import { changePassword } from "./change-password.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import { sessionIdFromToken, validateSessionToken } from "./sessions.ts";
import { signIn } from "./sign-in.ts";
import { totpCodeAt } from "./totp.ts";
import { beginTotpEnrolment, cancelTotpEnrolment, confirmTotpEnrolment, disableTotp, getAccount, verifySecondFactor, WRONG_CODE } from "./two-factor.ts";

const t = useTestDb();
const PASSWORD = "correct horse battery";
const start = new Date("2027-03-15T09:00:00.000Z").getTime();
const instant = (seconds: number) => new Date(start + seconds * 1000);
const clockAt = (seconds: number) => fixedClock(instant(seconds).toISOString());

let passwordHash = "";
beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

let n = 0;
async function insertUser(overrides: Partial<typeof users.$inferInsert> = {}): Promise<User> {
  const [row] = await t.db
    .insert(users)
    .values({ email: `staff${++n}@example.test`, displayName: `Staff ${n}`, role: "supervisor", passwordHash, ...overrides })
    .returning();
  return row!;
}

const actorOf = (user: User): Actor => ({ kind: "user", userId: user.id, role: user.role as "agent", clientId: user.clientId ?? undefined });
const ctxFor = (user: User, seconds = 0): Ctx => ({ db: t.db, clock: clockAt(seconds), actor: actorOf(user) });

async function sessionOf(user: User, seconds = 0): Promise<{ token: string; sessionId: string }> {
  const { token } = await signIn({ ctx: { db: t.db, clock: clockAt(seconds) }, input: { email: user.email, password: PASSWORD } });
  return { token, sessionId: sessionIdFromToken(token) };
}

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

async function reload(user: User): Promise<User> {
  const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
  return row!;
}

async function actions(user: User): Promise<string[]> {
  const rows = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, user.id)).orderBy(auditEvents.occurredAt, auditEvents.seq);
  return rows.map((r) => r.action);
}

/** A user with two-step verification switched on (enrolled at second 0 with the code of that step). */
async function enrolledUser(): Promise<{ user: User; secret: string }> {
  const user = await insertUser();
  const { sessionId } = await sessionOf(user);
  const { secret } = await beginTotpEnrolment({ ctx: ctxFor(user) });
  await confirmTotpEnrolment({ ctx: ctxFor(user), input: { code: totpCodeAt(secret, instant(0)), sessionId } });
  return { user: await reload(user), secret };
}

describe("changePassword", () => {
  it("replaces the password, keeps this session and ends every other one", async () => {
    const user = await insertUser();
    const current = await sessionOf(user);
    const other = await sessionOf(user);
    const result = await changePassword({
      ctx: ctxFor(user, 60),
      input: { currentPassword: PASSWORD, newPassword: "a much longer passphrase", sessionId: current.sessionId },
    });
    expect(result.otherSessionsEnded).toBe(1);
    expect(await validateSessionToken({ ctx: { db: t.db, clock: clockAt(61) }, input: { token: current.token } })).not.toBeNull();
    expect(await validateSessionToken({ ctx: { db: t.db, clock: clockAt(61) }, input: { token: other.token } })).toBeNull();
    const stored = await reload(user);
    expect(await verifyPassword(stored.passwordHash!, "a much longer passphrase")).toBe(true);
    expect(await actions(user)).toContain("auth.password_changed");
  });

  it("names the field that is wrong: current password, too short, equal to the email, unchanged", async () => {
    const user = await insertUser();
    const { sessionId } = await sessionOf(user);
    const cases = [
      [{ currentPassword: "nope nope nope", newPassword: "a much longer passphrase" }, "currentPassword", /current password is incorrect/],
      [{ currentPassword: PASSWORD, newPassword: "short" }, "newPassword", /at least 12/],
      [{ currentPassword: PASSWORD, newPassword: user.email.toUpperCase() }, "newPassword", /email/],
      [{ currentPassword: PASSWORD, newPassword: PASSWORD }, "newPassword", /different/],
    ] as const;
    for (const [input, field, message] of cases) {
      const error = await failure(changePassword({ ctx: ctxFor(user), input: { ...input, sessionId } }));
      expect(error).toMatchObject({ code: "VALIDATION", field });
      expect(error.message).toMatch(message);
    }
    expect(await verifyPassword((await reload(user)).passwordHash!, PASSWORD)).toBe(true);
  });

  it("locks the current-password check after 5 wrong answers", async () => {
    const user = await insertUser();
    const { sessionId } = await sessionOf(user);
    const input = { currentPassword: "guess guess guess", newPassword: "a much longer passphrase", sessionId };
    for (let i = 0; i < 5; i++) expect((await failure(changePassword({ ctx: ctxFor(user, i), input }))).code).toBe("VALIDATION");
    const locked = await failure(changePassword({ ctx: ctxFor(user, 10), input: { ...input, currentPassword: PASSWORD } }));
    expect(locked.code).toBe("LIMIT_EXCEEDED");
  });

  it("refuses the platform and a debtor", async () => {
    const input = { currentPassword: PASSWORD, newPassword: "a much longer passphrase", sessionId: "0".repeat(64) };
    const system: Ctx = { db: t.db, clock: clockAt(0), actor: systemActor("test") };
    const debtor: Ctx = { db: t.db, clock: clockAt(0), actor: { kind: "debtor", debtorId: "d", caseIds: [] } };
    expect((await failure(changePassword({ ctx: system, input }))).code).toBe("FORBIDDEN");
    expect((await failure(changePassword({ ctx: debtor, input }))).code).toBe("FORBIDDEN");
  });
});

describe("two-step verification (TOTP)", () => {
  it("enrols: a pending secret with its otpauth URI, switched on only by a correct code", async () => {
    const user = await insertUser({ email: "enrol@example.test" });
    const { sessionId } = await sessionOf(user);
    const other = await sessionOf(user);
    const { secret, uri } = await beginTotpEnrolment({ ctx: ctxFor(user) });
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toMatch(/^otpauth:\/\/totp\/Recouvra:enrol%40example\.test\?/);
    expect(uri).toContain(`secret=${secret}`);
    expect((await getAccount({ ctx: ctxFor(user) })).twoFactor).toEqual({ status: "pending", secret, uri });

    const wrong = await failure(confirmTotpEnrolment({ ctx: ctxFor(user), input: { code: "000000", sessionId } }));
    expect(wrong).toMatchObject({ code: "VALIDATION", field: "code", message: WRONG_CODE });
    expect((await reload(user)).totpEnabledAt).toBeNull();

    // A phone 30 s behind still works; spaces typed in the middle are ignored.
    const code = totpCodeAt(secret, instant(-30));
    await confirmTotpEnrolment({ ctx: ctxFor(user), input: { code: `${code.slice(0, 3)} ${code.slice(3)}`, sessionId } });
    const enabled = await reload(user);
    expect(enabled.totpEnabledAt?.toISOString()).toBe(instant(0).toISOString());
    // This session stays usable; the others never passed the second factor and are ended.
    const [session] = await t.db.select().from(sessions).where(eq(sessions.id, sessionId));
    expect(session?.isTwoFactorVerified).toBe(true);
    expect(await t.db.select().from(sessions).where(eq(sessions.id, other.sessionId))).toHaveLength(0);
    expect(await actions(user)).toEqual(
      expect.arrayContaining(["auth.totp_enrolment_started", "auth.totp_confirmation_failed", "auth.totp_enabled"]),
    );
    expect((await failure(beginTotpEnrolment({ ctx: ctxFor(user) }))).code).toBe("CONFLICT");
  });

  it("lets a pending enrolment be cancelled", async () => {
    const user = await insertUser();
    await beginTotpEnrolment({ ctx: ctxFor(user) });
    await cancelTotpEnrolment({ ctx: ctxFor(user) });
    expect((await reload(user)).totpSecret).toBeNull();
    expect((await getAccount({ ctx: ctxFor(user) })).twoFactor).toEqual({ status: "off" });
  });

  it("is for staff only and for signed-in people only", async () => {
    const [client] = await t.db
      .insert(clients)
      .values({ name: "C", legalName: "C SA", jurisdiction: "BE", countryCode: "BE", defaultLocale: "fr" })
      .returning();
    const clientUser = await insertUser({ role: "client", clientId: client!.id });
    expect((await failure(beginTotpEnrolment({ ctx: ctxFor(clientUser) }))).code).toBe("FORBIDDEN");
    expect((await getAccount({ ctx: ctxFor(clientUser) })).twoFactor).toEqual({ status: "unavailable" });
    const system: Ctx = { db: t.db, clock: clockAt(0), actor: systemActor("test") };
    expect((await failure(beginTotpEnrolment({ ctx: system }))).code).toBe("FORBIDDEN");
    expect((await failure(disableTotp({ ctx: system, input: { password: PASSWORD } }))).code).toBe("FORBIDDEN");
    expect((await failure(getAccount({ ctx: system }))).code).toBe("FORBIDDEN");
  });

  it("completes a sign-in with the current code, once, and records the time of sign-in", async () => {
    const { user, secret } = await enrolledUser();
    const { token, sessionId } = await sessionOf(user, 120);
    const ctx = { db: t.db, clock: clockAt(125) };
    const wrong = await failure(verifySecondFactor({ ctx, input: { sessionId, code: "123456" } }));
    expect(wrong).toMatchObject({ code: "VALIDATION", field: "code" });

    const { user: signedIn } = await verifySecondFactor({ ctx, input: { sessionId, code: totpCodeAt(secret, instant(125)) } });
    expect(signedIn.lastLoginAt?.toISOString()).toBe(instant(125).toISOString());
    const validated = await validateSessionToken({ ctx, input: { token } });
    expect(validated?.session.isTwoFactorVerified).toBe(true);

    // The same code cannot open a second session (RFC 6238 §5.2).
    const second = await sessionOf(user, 126);
    const replay = await failure(verifySecondFactor({ ctx: { db: t.db, clock: clockAt(126) }, input: { sessionId: second.sessionId, code: totpCodeAt(secret, instant(125)) } }));
    expect(replay.code).toBe("VALIDATION");
    // A verified session cannot be verified again.
    expect((await failure(verifySecondFactor({ ctx, input: { sessionId, code: "123456" } }))).code).toBe("PRECONDITION_FAILED");
    expect(await actions(user)).toEqual(expect.arrayContaining(["auth.second_factor_required", "auth.second_factor_failed", "auth.signed_in"]));
  });

  it("locks the second factor after 5 wrong codes, then accepts a right code after 15 minutes", async () => {
    const { user, secret } = await enrolledUser();
    const { sessionId } = await sessionOf(user, 60);
    for (let i = 0; i < 5; i++) {
      const error = await failure(verifySecondFactor({ ctx: { db: t.db, clock: clockAt(60 + i) }, input: { sessionId, code: "000000" } }));
      expect(error.code).toBe("VALIDATION");
    }
    const locked = await failure(verifySecondFactor({ ctx: { db: t.db, clock: clockAt(90) }, input: { sessionId, code: totpCodeAt(secret, instant(90)) } }));
    expect(locked.code).toBe("LIMIT_EXCEEDED");
    const later = 64 + 15 * 60 + 1;
    const { user: back } = await verifySecondFactor({ ctx: { db: t.db, clock: clockAt(later) }, input: { sessionId, code: totpCodeAt(secret, instant(later)) } });
    expect(back.id).toBe(user.id);
  });

  it("refuses an unknown or expired session", async () => {
    const { user, secret } = await enrolledUser();
    const { sessionId } = await sessionOf(user, 0);
    const code = totpCodeAt(secret, instant(9 * 3600));
    const expired = await failure(verifySecondFactor({ ctx: { db: t.db, clock: clockAt(9 * 3600) }, input: { sessionId, code } }));
    expect(expired.code).toBe("PRECONDITION_FAILED");
    const unknown = await failure(verifySecondFactor({ ctx: { db: t.db, clock: clockAt(60) }, input: { sessionId: "f".repeat(64), code } }));
    expect(unknown.code).toBe("PRECONDITION_FAILED");
  });

  it("is turned off only with the password", async () => {
    const { user } = await enrolledUser();
    const wrong = await failure(disableTotp({ ctx: ctxFor(user, 60), input: { password: "not my password" } }));
    expect(wrong).toMatchObject({ code: "VALIDATION", field: "password" });
    expect((await reload(user)).totpEnabledAt).not.toBeNull();
    await disableTotp({ ctx: ctxFor(user, 60), input: { password: PASSWORD } });
    const off = await reload(user);
    expect(off.totpEnabledAt).toBeNull();
    expect(off.totpSecret).toBeNull();
    expect((await signIn({ ctx: { db: t.db, clock: clockAt(120) }, input: { email: user.email, password: PASSWORD } })).status).toBe("signed_in");
    const events = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, user.id), eq(auditEvents.action, "auth.totp_disabled")));
    expect(events).toHaveLength(1);
  });
});
