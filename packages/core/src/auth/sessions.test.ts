import { clients, sessions, users } from "@recouvra/db";
import { useTestDb } from "@recouvra/db/testing";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../context.ts";
import {
  SESSION_LIFETIME_MS,
  createSession,
  generateSessionToken,
  invalidateSession,
  invalidateUserSessions,
  sessionIdFromToken,
  validateSessionToken,
} from "./sessions.ts";

const t = useTestDb();
let userId = "";
const start = "2026-11-02T09:00:00.000Z";
const at = (ms: number) => fixedClock(new Date(new Date(start).getTime() + ms).toISOString());

beforeAll(async () => {
  const [user] = await t.db.insert(users).values({ email: "agent@example.test", displayName: "Agent", role: "agent" }).returning();
  userId = user!.id;
});

describe("session tokens", () => {
  it("are 160-bit base32 strings, different every time, and only their SHA-256 is stored", async () => {
    const token = generateSessionToken();
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    expect(generateSessionToken()).not.toBe(token);
    const session = await createSession({ ctx: { db: t.db, clock: at(0) }, input: { token, userId } });
    expect(session.id).toBe(sessionIdFromToken(token));
    expect(session.id).toMatch(/^[0-9a-f]{64}$/);
    const stored = await t.db.select().from(sessions).where(eq(sessions.userId, userId));
    expect(stored.map((s) => s.id)).not.toContain(token);
  });
});

describe("validateSessionToken", () => {
  it("returns the user while fresh, renews past half-life, and forgets an expired session", async () => {
    const token = generateSessionToken();
    await createSession({ ctx: { db: t.db, clock: at(0) }, input: { token, userId } });

    const fresh = await validateSessionToken({ ctx: { db: t.db, clock: at(60_000) }, input: { token } });
    expect(fresh?.user.id).toBe(userId);
    expect(fresh?.renewed).toBe(false);

    const later = SESSION_LIFETIME_MS * 0.75;
    const renewed = await validateSessionToken({ ctx: { db: t.db, clock: at(later) }, input: { token } });
    expect(renewed?.renewed).toBe(true);
    expect(renewed!.session.expiresAt.getTime()).toBe(new Date(start).getTime() + later + SESSION_LIFETIME_MS);

    const afterExpiry = later + SESSION_LIFETIME_MS + 1;
    expect(await validateSessionToken({ ctx: { db: t.db, clock: at(afterExpiry) }, input: { token } })).toBeNull();
    const left = await t.db.select().from(sessions).where(eq(sessions.id, sessionIdFromToken(token)));
    expect(left).toHaveLength(0);
  });

  it("rejects an unknown token and a disabled user's session", async () => {
    expect(await validateSessionToken({ ctx: { db: t.db, clock: at(0) }, input: { token: generateSessionToken() } })).toBeNull();
    const [client] = await t.db.insert(clients).values(clientRow()).returning();
    const [disabled] = await t.db
      .insert(users)
      .values({ email: "gone@example.test", displayName: "Gone", role: "client", clientId: client!.id, isDisabled: true })
      .returning();
    const token = generateSessionToken();
    await createSession({ ctx: { db: t.db, clock: at(0) }, input: { token, userId: disabled!.id } });
    expect(await validateSessionToken({ ctx: { db: t.db, clock: at(1000) }, input: { token } })).toBeNull();
  });
});

describe("invalidation", () => {
  it("signs out one session, or every session of a user", async () => {
    const a = generateSessionToken();
    const b = generateSessionToken();
    await createSession({ ctx: { db: t.db, clock: at(0) }, input: { token: a, userId } });
    await createSession({ ctx: { db: t.db, clock: at(0) }, input: { token: b, userId } });
    await invalidateSession({ ctx: { db: t.db }, input: { sessionId: sessionIdFromToken(a) } });
    expect(await validateSessionToken({ ctx: { db: t.db, clock: at(1) }, input: { token: a } })).toBeNull();
    expect(await validateSessionToken({ ctx: { db: t.db, clock: at(1) }, input: { token: b } })).not.toBeNull();
    expect(await invalidateUserSessions({ ctx: { db: t.db }, input: { userId } })).toBeGreaterThanOrEqual(1);
    expect(await validateSessionToken({ ctx: { db: t.db, clock: at(2) }, input: { token: b } })).toBeNull();
  });
});

function clientRow() {
  return { name: "Client", legalName: "Client SA", jurisdiction: "BE", countryCode: "BE", defaultLocale: "fr" } satisfies typeof clients.$inferInsert;
}
