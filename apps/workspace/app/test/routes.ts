/**
 * Route tests call a route module's loader or action with a real Request, as Remix would, against a
 * fresh database seeded with the demo agency. A signed-in request carries a real session cookie.
 */
import { sessions, users } from "@recouvra/db";
import { seedDemo } from "@recouvra/db/seed";
import { useTestDb } from "@recouvra/db/testing";
import { createSession, generateSessionToken, sessionIdFromToken, systemClock } from "@recouvra/core";
import { eq } from "drizzle-orm";
import { beforeAll } from "vitest";

export const ORIGIN = "http://workspace.test";

/** A seeded database for this test file; route modules must be imported after it is ready (dynamic import). */
export function useSeededWorkspace() {
  const t = useTestDb();
  beforeAll(async () => {
    // The app reads DATABASE_URL when it first opens its pool; point it at this file's database.
    process.env.DATABASE_URL = t.url;
    delete (globalThis as { __recouvraWorkspaceDb?: unknown }).__recouvraWorkspaceDb;
    await seedDemo(t.db, { today: new Date().toISOString().slice(0, 10) });
  }, 60_000);
  return t;
}

/** A request as the browser of `email` would send it (session cookie, same-origin headers). */
export async function requestAs(t: ReturnType<typeof useTestDb>, email: string, path: string, init: RequestInit = {}): Promise<Request> {
  const [user] = await t.db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`no user ${email}`);
  const token = generateSessionToken();
  await createSession({ ctx: { db: t.db, clock: systemClock }, input: { token, userId: user.id } });
  if (user.totpEnabledAt) await t.db.update(sessions).set({ isTwoFactorVerified: true }).where(eq(sessions.id, sessionIdFromToken(token)));
  const headers = new Headers(init.headers);
  headers.set("Cookie", `recouvra_session=${token}`);
  if (init.method && init.method !== "GET") headers.set("Origin", ORIGIN);
  return new Request(`${ORIGIN}${path}`, { ...init, headers });
}

/** A form POST as `email`. */
export async function postAs(t: ReturnType<typeof useTestDb>, email: string, path: string, fields: Record<string, string>): Promise<Request> {
  return requestAs(t, email, path, { method: "POST", body: new URLSearchParams(fields) });
}

/** Runs a loader/action and returns what it threw or returned, as a Response when it is one. */
export async function settle(run: () => Promise<unknown>): Promise<{ status: number; body: unknown; location: string | null }> {
  try {
    const value = await run();
    if (value instanceof Response) return { status: value.status, body: null, location: value.headers.get("Location") };
    // Remix `data()` results carry their init; plain objects are a 200.
    const maybe = value as { type?: string; data?: unknown; init?: { status?: number } };
    if (maybe && maybe.type === "DataWithResponseInit") return { status: maybe.init?.status ?? 200, body: maybe.data, location: null };
    return { status: 200, body: value, location: null };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: null, location: thrown.headers.get("Location") };
    throw thrown;
  }
}
