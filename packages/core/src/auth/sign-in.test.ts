import { auditEvents, rateLimits, sessions, users } from "@recouvra/db";
import { useTestDb } from "@recouvra/db/testing";
import { DomainError } from "@recouvra/domain";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock, systemActor, type Ctx } from "../context.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import { sessionIdFromToken, validateSessionToken } from "./sessions.ts";
import { SIGN_IN_FAILED, signIn } from "./sign-in.ts";
import { signOut } from "./sign-out.ts";

const t = useTestDb();
const PASSWORD = "correct horse battery";
const start = new Date("2027-03-15T09:00:00.000Z").getTime();
const at = (minutes: number) => fixedClock(new Date(start + minutes * 60_000).toISOString());
const ctxAt = (minutes = 0) => ({ db: t.db, clock: at(minutes) });

let passwordHash = "";
beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

let n = 0;
async function insertUser(overrides: Partial<typeof users.$inferInsert> = {}) {
  const [row] = await t.db
    .insert(users)
    .values({ email: `agent${++n}@example.test`, displayName: `Agent ${n}`, role: "agent", passwordHash, ...overrides })
    .returning();
  return row!;
}

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe("hashPassword / verifyPassword", () => {
  it("hashes with argon2id at OWASP's parameters and verifies only the right password", async () => {
    expect(passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(passwordHash, PASSWORD)).toBe(true);
    expect(await verifyPassword(passwordHash, "correct horse battery ")).toBe(false);
    expect(await verifyPassword("not a hash", PASSWORD)).toBe(false);
  });
});

describe("signIn", () => {
  it("opens a session, records the sign-in and the time, and normalises the email", async () => {
    const user = await insertUser();
    const result = await signIn({ ctx: ctxAt(), input: { email: `  ${user.email.toUpperCase()} `, password: PASSWORD, ip: "203.0.113.9", userAgent: "Test" } });
    expect(result.status).toBe("signed_in");
    expect(result.user.lastLoginAt?.toISOString()).toBe(new Date(start).toISOString());
    const validated = await validateSessionToken({ ctx: ctxAt(1), input: { token: result.token } });
    expect(validated?.user.id).toBe(user.id);
    expect(validated?.session.ip).toBe("203.0.113.9");

    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, user.id), eq(auditEvents.action, "auth.signed_in")));
    expect(event?.actorId).toBe(user.id);
    expect(JSON.stringify(event?.data)).not.toContain(PASSWORD);
  });

  it("answers an unknown email, a wrong password and a disabled account with the same message", async () => {
    const user = await insertUser();
    const disabled = await insertUser({ isDisabled: true });
    const noPassword = await insertUser({ passwordHash: null });
    const attempts = [
      { email: "nobody@example.test", password: PASSWORD },
      { email: user.email, password: "wrong password!" },
      { email: disabled.email, password: PASSWORD },
      { email: noPassword.email, password: PASSWORD },
    ];
    for (const input of attempts) {
      const error = await failure(signIn({ ctx: ctxAt(), input }));
      expect(error.code).toBe("VALIDATION");
      expect(error.message).toBe(SIGN_IN_FAILED);
      expect(error.field).toBeUndefined();
    }
    const failed = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "auth.sign_in_failed"));
    expect(failed.map((e) => (e.data as { reason: string }).reason).sort()).toEqual(
      ["account_disabled", "unknown_account", "wrong_password", "wrong_password"].sort(),
    );
    // The typed email of an unknown account and the passwords are never recorded.
    for (const e of failed) {
      expect(JSON.stringify(e.data)).not.toContain("nobody@");
      expect(JSON.stringify(e.data)).not.toContain("wrong password");
    }
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, disabled.id))).toHaveLength(0);
  });

  it("spends comparable time on an unknown email and on a wrong password", async () => {
    const user = await insertUser();
    const time = async (email: string) => {
      const began = performance.now();
      await signIn({ ctx: ctxAt(), input: { email, password: "wrong password!" } }).catch(() => undefined);
      return performance.now() - began;
    };
    await time("warm-up@example.test");
    const unknown = Math.min(await time("ghost1@example.test"), await time("ghost2@example.test"));
    const known = Math.min(await time(user.email), await time(user.email));
    // Both run one argon2id verification; without the dummy hash the unknown case would take ~1 ms.
    expect(unknown).toBeGreaterThan(known * 0.4);
  });

  it("refuses missing fields with a field-specific message", async () => {
    const error = await failure(signIn({ ctx: ctxAt(), input: { email: "", password: "x" } }));
    expect(error).toMatchObject({ code: "VALIDATION", field: "email" });
  });

  it("locks an email after 5 failures for 15 minutes, even with the right password, then lets it in again", async () => {
    const user = await insertUser();
    for (let i = 0; i < 5; i++) {
      const error = await failure(signIn({ ctx: ctxAt(i), input: { email: user.email, password: "wrong password!" } }));
      expect(error.code).toBe("VALIDATION");
    }
    const locked = await failure(signIn({ ctx: ctxAt(5), input: { email: user.email, password: PASSWORD } }));
    expect(locked.code).toBe("LIMIT_EXCEEDED");
    expect(locked.message).not.toMatch(/account|exist/i);

    // The lock runs 15 minutes from the fifth failure (at minute 4).
    expect((await failure(signIn({ ctx: ctxAt(18), input: { email: user.email, password: PASSWORD } }))).code).toBe("LIMIT_EXCEEDED");
    const result = await signIn({ ctx: ctxAt(20), input: { email: user.email, password: PASSWORD } });
    expect(result.status).toBe("signed_in");
    // Success forgets the failures.
    expect(await t.db.select().from(rateLimits).where(eq(rateLimits.key, `sign-in:account:${user.email}`))).toHaveLength(0);
  });

  it("locks an unknown email the same way, so a lock does not reveal whether an account exists", async () => {
    for (let i = 0; i < 5; i++) await failure(signIn({ ctx: ctxAt(i), input: { email: "ghost@example.test", password: "x" } }));
    const locked = await failure(signIn({ ctx: ctxAt(5), input: { email: "ghost@example.test", password: "x" } }));
    expect(locked.code).toBe("LIMIT_EXCEEDED");
  });

  it("stops an IP address after 20 failures in 15 minutes, whatever the emails, until the window ends", async () => {
    const user = await insertUser();
    const ip = "198.51.100.7";
    for (let i = 0; i < 20; i++) await failure(signIn({ ctx: ctxAt(0), input: { email: `spray${i}@example.test`, password: "x", ip } }));
    const blocked = await failure(signIn({ ctx: ctxAt(1), input: { email: user.email, password: PASSWORD, ip } }));
    expect(blocked.code).toBe("LIMIT_EXCEEDED");
    // Another address is not affected, and the first one recovers when its window is over.
    expect((await signIn({ ctx: ctxAt(1), input: { email: user.email, password: PASSWORD, ip: "198.51.100.8" } })).status).toBe("signed_in");
    expect((await signIn({ ctx: ctxAt(16), input: { email: user.email, password: PASSWORD, ip } })).status).toBe("signed_in");
  });

  it("asks a TOTP user for the code: the session exists but is not yet verified", async () => {
    const user = await insertUser({ totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", totpEnabledAt: new Date(start) });
    const result = await signIn({ ctx: ctxAt(), input: { email: user.email, password: PASSWORD } });
    expect(result.status).toBe("two_factor_required");
    const [session] = await t.db.select().from(sessions).where(eq(sessions.id, sessionIdFromToken(result.token)));
    expect(session?.isTwoFactorVerified).toBe(false);
    expect(result.user.lastLoginAt).toBeNull();
  });
});

describe("signOut", () => {
  it("ends the user's own session and records it", async () => {
    const user = await insertUser();
    const { token } = await signIn({ ctx: ctxAt(), input: { email: user.email, password: PASSWORD } });
    const ctx: Ctx = { ...ctxAt(1), actor: { kind: "user", userId: user.id, role: "agent" } };
    await signOut({ ctx, input: { sessionId: sessionIdFromToken(token) } });
    expect(await validateSessionToken({ ctx: ctxAt(2), input: { token } })).toBeNull();
    const events = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, user.id), eq(auditEvents.action, "auth.signed_out")));
    expect(events).toHaveLength(1);
  });

  it("cannot end someone else's session, and refuses a non-user actor", async () => {
    const owner = await insertUser();
    const other = await insertUser();
    const { token } = await signIn({ ctx: ctxAt(), input: { email: owner.email, password: PASSWORD } });
    const sessionId = sessionIdFromToken(token);
    const asOther: Ctx = { ...ctxAt(1), actor: { kind: "user", userId: other.id, role: "agent" } };
    expect((await failure(signOut({ ctx: asOther, input: { sessionId } }))).code).toBe("NOT_FOUND");
    expect((await failure(signOut({ ctx: { ...ctxAt(1), actor: systemActor("test") }, input: { sessionId } }))).code).toBe("FORBIDDEN");
    expect(await validateSessionToken({ ctx: ctxAt(2), input: { token } })).not.toBeNull();
  });
});
