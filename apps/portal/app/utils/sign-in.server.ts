/**
 * Glue of the ways in: the sign-in form, the one-time code page, personal links and signing out. Each
 * calls one core use-case as the public portal and turns its outcome into cookies, redirects and the
 * neutral errors the pages show (by code, never by the use-case's English wording).
 */
import { data, redirect } from "@remix-run/node";
import { CODE_WRONG, databaseProblem, openPortalLink, signOutPortal, startPortalSignIn, systemActor, systemClock, verifyPortalCode, type CodeDestination, type OpenedPortalSession } from "@recouvra/core";
import { isDomainError } from "@recouvra/domain";
import { z } from "zod";
import { createContext } from "./context.server.ts";
import { getDatabase } from "./db.server.ts";
import { assertSameOrigin, clearedPortalSessionCookie, clientIp, cookieAttributes, PORTAL_SESSION_COOKIE, portalSessionCookie, readCookie } from "./session.server.ts";

/** Where a signed-in debtor lands. */
export const CASE_HOME = "/case";

/** Remembers which code the code page is waiting for (and where it went), for the code's ten minutes. */
const CHALLENGE_COOKIE = "recouvra_portal_challenge";
const CHALLENGE_MAX_AGE_SECONDS = 10 * 60;

const ChallengeSchema = z.object({ id: z.string().uuid(), channel: z.enum(["sms", "email"]), masked: z.string().max(80) });
export type Challenge = z.infer<typeof ChallengeSchema>;

function challengeCookie(request: Request, id: string, destination: CodeDestination): string {
  const value = Buffer.from(JSON.stringify({ id, ...destination })).toString("base64url");
  return `${CHALLENGE_COOKIE}=${value}; ${cookieAttributes(request)}; Max-Age=${CHALLENGE_MAX_AGE_SECONDS}`;
}

function clearedChallengeCookie(request: Request): string {
  return `${CHALLENGE_COOKIE}=; ${cookieAttributes(request)}; Max-Age=0`;
}

/** The challenge the code page is for, or null when there is none (or the cookie was tampered with). */
export function readChallenge(request: Request): Challenge | null {
  const raw = readCookie(request, CHALLENGE_COOKIE);
  if (!raw) return null;
  try {
    const parsed = ChallengeSchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

// Private pages: never cached, and a personal link in the address never leaks through a Referer.
const PRIVATE_HEADERS = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };

function signedInRedirect(request: Request, session: OpenedPortalSession, extraCookies: string[] = []): Response {
  const headers = new Headers(PRIVATE_HEADERS);
  headers.append("Set-Cookie", portalSessionCookie(request, session.token));
  for (const cookie of extraCookies) headers.append("Set-Cookie", cookie);
  return redirect(CASE_HOME, { headers });
}

const client = (request: Request) => ({ ip: clientIp(request), userAgent: request.headers.get("User-Agent") ?? undefined });

export type SignInError = "referenceRequired" | "accessCodeRequired" | "refused" | "locked" | "unavailable";

const SignInFormSchema = z.object({
  reference: z.string().trim().min(1, "referenceRequired").max(200, "refused"),
  accessCode: z.string().trim().min(1, "accessCodeRequired").max(200, "refused"),
});

/** What the sign-in form shows after a refused attempt: the same for a reference that exists and one that does not. */
export interface SignInReply {
  fieldErrors: Partial<Record<"reference" | "accessCode", SignInError>>;
  formError: SignInError | null;
  reference: string;
}

/** Handles the sign-in form: a redirect to the code page or the case, or the errors to show. */
export async function signInWithAccessCode(request: Request) {
  assertSameOrigin(request);
  const form = await request.formData();
  const reference = String(form.get("reference") ?? "").slice(0, 200);
  const parsed = SignInFormSchema.safeParse({ reference, accessCode: form.get("accessCode") ?? "" });
  if (!parsed.success) {
    const fieldErrors: SignInReply["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as "reference" | "accessCode";
      fieldErrors[field] ??= issue.message as SignInError;
    }
    return data<SignInReply>({ fieldErrors, formError: null, reference }, { status: 400 });
  }
  try {
    const ctx = await createContext(systemActor("portal:public"));
    const result = await startPortalSignIn({ ctx, input: { ...parsed.data, ...client(request) } });
    if (result.status === "signed_in") return signedInRedirect(request, result, [clearedChallengeCookie(request)]);
    return redirect("/sign-in/code", { headers: { ...PRIVATE_HEADERS, "Set-Cookie": challengeCookie(request, result.challengeId, result.destination) } });
  } catch (error) {
    const formError = failureOf(error);
    return data<SignInReply>({ fieldErrors: {}, formError, reference }, { status: formError === "locked" ? 429 : formError === "unavailable" ? 503 : 400 });
  }
}

function failureOf(error: unknown): "refused" | "locked" | "unavailable" {
  if (isDomainError(error, "LIMIT_EXCEEDED")) return "locked";
  if (isDomainError(error)) return "refused";
  if (databaseProblem(error)) {
    console.error("[portal] sign-in unavailable:", error);
    return "unavailable";
  }
  throw error;
}

export type CodeError = "format" | "wrong" | "invalid" | "locked" | "unavailable";

export interface CodeReply {
  error: CodeError;
  attemptsLeft: number | null;
}

/** Handles the one-time code form: the case on success, else what to show. */
export async function signInWithCode(request: Request) {
  assertSameOrigin(request);
  const challenge = readChallenge(request);
  if (!challenge) return redirect("/");
  const form = await request.formData();
  const code = String(form.get("code") ?? "").slice(0, 50);
  try {
    const ctx = await createContext(systemActor("portal:public"));
    const session = await verifyPortalCode({ ctx, input: { challengeId: challenge.id, code, ...client(request) } });
    return signedInRedirect(request, session, [clearedChallengeCookie(request)]);
  } catch (error) {
    if (isDomainError(error, "VALIDATION") && error.field === "code") {
      const isWrong = error.message === CODE_WRONG;
      const attemptsLeft = isWrong ? ((error.cause as { attemptsLeft?: number } | undefined)?.attemptsLeft ?? null) : null;
      return data<CodeReply>({ error: isWrong ? "wrong" : "format", attemptsLeft }, { status: 400 });
    }
    if (isDomainError(error, "NOT_FOUND") || isDomainError(error, "VALIDATION")) {
      return data<CodeReply>({ error: "invalid", attemptsLeft: null }, { status: 400, headers: { "Set-Cookie": clearedChallengeCookie(request) } });
    }
    const failure = failureOf(error);
    return data<CodeReply>({ error: failure === "refused" ? "invalid" : failure, attemptsLeft: null }, { status: failure === "locked" ? 429 : 503 });
  }
}

/** A personal link: the case when it is live, else the neutral page's reason (404 for every dead link). */
export async function openLink(request: Request, token: string) {
  try {
    const ctx = await createContext(systemActor("portal:public"));
    const session = await openPortalLink({ ctx, input: { token: token.slice(0, 200), ...client(request) } });
    return signedInRedirect(request, session);
  } catch (error) {
    const failure = isDomainError(error, "NOT_FOUND") ? "invalid" : failureOf(error);
    const status = failure === "locked" ? 429 : failure === "unavailable" ? 503 : 404;
    return data({ failure }, { status, headers: PRIVATE_HEADERS });
  }
}

/** Ends the portal session (if any) and forgets the cookie. */
export async function signOut(request: Request): Promise<Response> {
  assertSameOrigin(request);
  const token = readCookie(request, PORTAL_SESSION_COOKIE);
  if (token) {
    const { db } = await getDatabase();
    await signOutPortal({ ctx: { db, clock: systemClock }, input: { token } });
  }
  return redirect("/?signed-out=1", { headers: { "Set-Cookie": clearedPortalSessionCookie(request) } });
}
