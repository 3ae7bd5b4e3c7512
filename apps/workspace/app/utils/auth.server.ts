/**
 * Who is asking, for every workspace loader and action. The session cookie carries a random token;
 * the database holds only its SHA-256 (docs/decisions/0002). Expiry slides on the server, so the cookie
 * itself is a browser-session cookie that never needs re-issuing.
 */
import { redirect } from "@remix-run/node";
import { systemClock, validateSessionToken, type Actor, type Ctx, type User, type UserRole } from "@recouvra/core";
import { getDatabase } from "./db.server.ts";

export const SESSION_COOKIE = "recouvra_session";

/** The signed-in user and the use-case context built for them. */
export interface Signedin {
  user: User;
  sessionId: string;
  actor: Extract<Actor, { kind: "user" }>;
  ctx: Ctx;
}

function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return null;
}

/** True when the request reached us over HTTPS (directly or through a TLS-terminating proxy). */
function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === "https:" || request.headers.get("X-Forwarded-Proto") === "https";
}

/** `Set-Cookie` value that stores `token`: HttpOnly, SameSite=Lax, and Secure whenever served over HTTPS. */
export function sessionCookie(request: Request, token: string): string {
  const secure = isHttps(request) ? "; Secure" : "";
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Lax${secure}`;
}

/** `Set-Cookie` value that removes the session cookie. */
export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}

/**
 * Cross-site request forgery: a form posted from another site carries that site's Origin (and no
 * session cookie, thanks to SameSite=Lax). Every mutating request must come from our own origin.
 */
export function assertSameOrigin(request: Request): void {
  if (request.method === "GET" || request.method === "HEAD") return;
  const site = request.headers.get("Sec-Fetch-Site");
  if (site && site !== "same-origin" && site !== "none") throw new Response("Cross-site request refused", { status: 403 });
  const origin = request.headers.get("Origin");
  if (origin && origin !== new URL(request.url).origin) throw new Response("Cross-site request refused", { status: 403 });
}

function actorOf(user: User): Signedin["actor"] {
  return {
    kind: "user",
    userId: user.id,
    role: user.role as UserRole,
    clientId: user.clientId ?? undefined,
    teamId: user.teamId ?? undefined,
  };
}

/** The signed-in user, or null (no cookie, unknown or expired session, disabled user, 2FA pending). */
export async function findSignedIn(request: Request): Promise<Signedin | null> {
  const token = readCookie(request, SESSION_COOKIE);
  if (!token) return null;
  const { db } = await getDatabase();
  const found = await validateSessionToken({ ctx: { db, clock: systemClock }, input: { token } });
  if (!found) return null;
  if (found.user.totpEnabledAt && !found.session.isTwoFactorVerified) return null;
  const actor = actorOf(found.user);
  return { user: found.user, sessionId: found.session.id, actor, ctx: { db, clock: systemClock, actor } };
}

/**
 * The signed-in user, or a redirect to the sign-in page that comes back here afterwards. With `roles`,
 * anyone else gets a 404 (a page they may not use does not exist for them).
 */
export async function requireUser(request: Request, options: { roles?: readonly UserRole[] } = {}): Promise<Signedin> {
  assertSameOrigin(request);
  const signedIn = await findSignedIn(request);
  if (!signedIn) {
    const url = new URL(request.url);
    const back = `${url.pathname}${url.search}`;
    throw redirect(back === "/" ? "/sign-in" : `/sign-in?redirectTo=${encodeURIComponent(back)}`);
  }
  if (options.roles && !options.roles.includes(signedIn.actor.role)) throw new Response("Not found", { status: 404 });
  return signedIn;
}
