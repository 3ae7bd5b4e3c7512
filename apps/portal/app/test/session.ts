/**
 * Signed-in requests for the portal's route tests: `debtorRequest` opens a real portal session for the
 * debtor of a case (a `portal_sessions` row whose id is the SHA-256 of a fresh token, as
 * `requireDebtorSession` reads it) and sends its cookie, with the same-origin headers a browser adds.
 */
import { generateSessionToken, PORTAL_SESSION_IDLE_MS, sessionIdFromToken } from "@recouvra/core";
import { portalSessions } from "@recouvra/db";
import type { TestDb } from "@recouvra/db/testing";

/** The origin the route tests' requests come from. */
export const PORTAL_ORIGIN = "http://portal.test";

/** A request to `path` from the browser of the debtor of `caseId`, holding a fresh portal session. */
export async function debtorRequest(t: TestDb, caseId: string, path: string, init: RequestInit = {}): Promise<Request> {
  const [kase] = await t.sql<{ client_id: string }[]>`select client_id from cases where id = ${caseId}`;
  if (!kase) throw new Error(`debtorRequest: no case ${caseId}`);
  const token = generateSessionToken();
  await t.db.insert(portalSessions).values({ id: sessionIdFromToken(token), caseId, clientId: kase.client_id, expiresAt: new Date(Date.now() + PORTAL_SESSION_IDLE_MS) });
  return anonymousRequest(path, { ...init, headers: withCookie(init.headers, `recouvra_portal=${token}`) });
}

/** A request to `path` from a browser without a session (same-origin headers on anything but GET). */
export function anonymousRequest(path: string, init: RequestInit = {}): Request {
  const headers = new Headers(init.headers);
  if (init.method && init.method !== "GET" && !headers.has("Origin")) headers.set("Origin", PORTAL_ORIGIN);
  return new Request(`${PORTAL_ORIGIN}${path}`, { ...init, headers });
}

function withCookie(headers: HeadersInit | undefined, cookie: string): Headers {
  const merged = new Headers(headers);
  const existing = merged.get("Cookie");
  merged.set("Cookie", existing ? `${existing}; ${cookie}` : cookie);
  return merged;
}
