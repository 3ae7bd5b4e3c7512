/**
 * Who is asking, for every portal loader and action behind the sign-in. The `recouvra_portal` cookie
 * carries a random token; `portal_sessions` holds only its SHA-256. Expiry slides on the server (30
 * minutes idle, 8 hours at most), so the cookie itself is a browser-session cookie.
 */
import { redirect } from "@remix-run/node";
import { databaseProblem, systemClock, validatePortalSession, type Ctx, type PortalSessionInfo } from "@recouvra/core";
import type { Locale } from "~/i18n/index.ts";
import { getDatabase } from "./db.server.ts";
import { env } from "./env.server.ts";
import { resolveLocale } from "./locale.server.ts";

export const PORTAL_SESSION_COOKIE = "recouvra_portal";

/** A signed-in debtor: the use-case context (actor = the debtor, scoped to this one case), the case and the page language. */
export interface DebtorSession {
  ctx: Ctx;
  caseId: string;
  locale: Locale;
  session: PortalSessionInfo;
}

/** The value of cookie `name` in the request, or null. */
export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) {
      try {
        return decodeURIComponent(value.join("=")) || null;
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** True when the request reached us over HTTPS (directly or through a TLS-terminating proxy). */
function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === "https:" || (env.TRUST_PROXY && request.headers.get("X-Forwarded-Proto") === "https");
}

/** The attributes every portal cookie shares: HttpOnly, SameSite=Lax, Secure in production or over HTTPS. */
export function cookieAttributes(request: Request): string {
  const secure = env.NODE_ENV === "production" || isHttps(request) ? "; Secure" : "";
  return `Path=/; HttpOnly; SameSite=Lax${secure}`;
}

/** `Set-Cookie` value that stores a portal session token. */
export function portalSessionCookie(request: Request, token: string): string {
  return `${PORTAL_SESSION_COOKIE}=${encodeURIComponent(token)}; ${cookieAttributes(request)}`;
}

/** `Set-Cookie` value that removes the portal session cookie. */
export function clearedPortalSessionCookie(request: Request): string {
  return `${PORTAL_SESSION_COOKIE}=; ${cookieAttributes(request)}; Max-Age=0`;
}

/**
 * Cross-site request forgery: a form posted from another site carries that site's Origin (and, thanks
 * to SameSite=Lax, no session cookie). Every mutating request must come from the portal's own origin.
 */
export function assertSameOrigin(request: Request): void {
  if (request.method === "GET" || request.method === "HEAD") return;
  const site = request.headers.get("Sec-Fetch-Site");
  if (site && site !== "same-origin" && site !== "none") throw new Response("Cross-site request refused", { status: 403 });
  const origin = request.headers.get("Origin");
  if (origin && origin !== new URL(request.url).origin) throw new Response("Cross-site request refused", { status: 403 });
}

/**
 * The client's address as the reverse proxy in front of the portal reports it, only when one is declared
 * trusted (TRUST_PROXY): otherwise anyone could send a made-up X-Forwarded-For to dodge the per-address
 * limit. The proxy appends the address it saw last.
 */
export function clientIp(request: Request): string | undefined {
  if (!env.TRUST_PROXY) return undefined;
  const hops = request.headers.get("X-Forwarded-For")?.split(",").map((h) => h.trim()).filter(Boolean) ?? [];
  const ip = hops.at(-1) || request.headers.get("X-Real-IP")?.trim();
  return ip ? ip.slice(0, 100) : undefined;
}

/**
 * The page language of a signed-in debtor: the one the visitor picked with the switcher (`?lang=`, then
 * the language cookie), else the debtor's language on the case.
 */
async function sessionLocale(request: Request, debtorLocale: Locale): Promise<Locale> {
  return (await resolveLocale(request, { fallback: debtorLocale })).locale;
}

/** The signed-in debtor, or null (no cookie, unknown or expired session). */
export async function getDebtorSession(request: Request): Promise<DebtorSession | null> {
  const token = readCookie(request, PORTAL_SESSION_COOKIE);
  if (!token) return null;
  const { db } = await getDatabase();
  const session = await validatePortalSession({ ctx: { db, clock: systemClock }, input: { token } });
  if (!session) return null;
  return { ctx: { db, clock: systemClock, actor: session.actor }, caseId: session.caseId, locale: await sessionLocale(request, session.debtorLocale), session };
}

/** The signed-in debtor, or a redirect to the sign-in page `/`; refuses cross-site form posts. */
export async function requireDebtorSession(request: Request): Promise<DebtorSession> {
  assertSameOrigin(request);
  const found = await getDebtorSession(request);
  if (!found) throw redirect("/");
  return found;
}

/**
 * The signed-in debtor for the page layout (language, the sign-out button), or null. The public pages
 * must still render while the database is briefly down, so a database problem counts as signed out.
 */
export async function findDebtorSessionForLayout(request: Request): Promise<DebtorSession | null> {
  try {
    return await getDebtorSession(request);
  } catch (error) {
    if (!databaseProblem(error)) throw error;
    return null;
  }
}
