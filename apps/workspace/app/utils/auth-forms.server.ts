/**
 * Glue shared by the sign-in, second-factor, sign-out and account routes: reading the raw session
 * cookie (also while the second factor is pending), the client's address, safe return paths, and
 * turning zod issues and DomainErrors into what the forms show.
 */
import { data } from "@remix-run/node";
import { isDomainError } from "@recouvra/domain";
import { NewPasswordSchema } from "@recouvra/core";
import { z } from "zod";
import { SESSION_COOKIE } from "./auth.server.ts";
import { env } from "./env.server.ts";

/** Errors a form shows: one per field, and one for the form as a whole. */
export interface FormErrors {
  fieldErrors: Record<string, string>;
  formError: string | null;
}

/** The raw session token from the cookie, whatever state its session is in. */
export function readSessionToken(request: Request): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === SESSION_COOKIE) return decodeURIComponent(value.join("=")) || null;
  }
  return null;
}

/**
 * The client's address as the reverse proxy in front of the app reports it. remix-serve does not expose
 * the socket's address, so without a proxy there is none and only the per-account limit applies.
 */
export function clientIp(request: Request): string | undefined {
  // remix-serve does not hand the socket's address to the app, so the address comes from the reverse
  // proxy in front of it — and only when one is declared trusted: otherwise anyone could send a made-up
  // X-Forwarded-For to dodge the per-address limit. The proxy appends the address it saw last.
  if (!env.TRUST_PROXY) return undefined;
  const hops = request.headers.get("X-Forwarded-For")?.split(",").map((h) => h.trim()).filter(Boolean) ?? [];
  const ip = hops.at(-1) || request.headers.get("X-Real-IP")?.trim();
  return ip ? ip.slice(0, 100) : undefined;
}

/**
 * `value` when it is a path on this site ("/cases/1?tab=ledger"), else `fallback`: never another origin,
 * a protocol-relative `//host`, or a backslash trick browsers read as one.
 */
export function safeRedirectTo(value: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return fallback;
  try {
    const base = "http://recouvra.invalid";
    const url = new URL(value, base);
    if (url.origin !== base) return fallback;
    if (url.pathname === "/sign-in" || url.pathname.startsWith("/sign-in/") || url.pathname === "/sign-out") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

/** The form's fields parsed by `schema`, or the errors to show (first message per field). */
export function parseForm<T extends z.ZodTypeAny>(schema: T, form: FormData): { ok: true; value: z.output<T> } | { ok: false; errors: FormErrors } {
  const parsed = schema.safeParse(Object.fromEntries(form));
  if (parsed.success) return { ok: true, value: parsed.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? "");
    if (key && !fieldErrors[key]) fieldErrors[key] = issue.message;
  }
  return { ok: false, errors: { fieldErrors, formError: Object.keys(fieldErrors).length ? null : "Check the form and try again." } };
}

/**
 * A use-case failure as form errors (HTTP 400, or 429 when rate-limited). Anything that is not a
 * DomainError is a bug: rethrown, so the error boundary logs it and shows generic text.
 */
export function domainErrorReply<Extra extends Record<string, unknown>>(error: unknown, extra: Extra) {
  if (!isDomainError(error)) throw error;
  const errors: FormErrors =
    error.field !== undefined ? { fieldErrors: { [error.field]: error.message }, formError: null } : { fieldErrors: {}, formError: error.message };
  const status = error.code === "LIMIT_EXCEEDED" ? 429 : error.code === "FORBIDDEN" || error.code === "NOT_FOUND" ? 404 : 400;
  if (status === 404) throw new Response("Not found", { status });
  return data({ ...extra, ...errors }, { status });
}

/** A 400 reply carrying form errors. */
export function formErrorsReply<Extra extends Record<string, unknown>>(errors: FormErrors, extra: Extra) {
  return data({ ...extra, ...errors }, { status: 400 });
}

/** A 6-digit code as typed: spaces (some apps show "123 456") are dropped. */
export const CodeFormSchema = z.object({
  code: z
    .string()
    .transform((v) => v.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app.")),
  redirectTo: z.string().optional(),
});

export const SignInFormSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address."),
  password: z.string().min(1, "Enter your password."),
  redirectTo: z.string().optional(),
});

export const ChangePasswordFormSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password."),
    newPassword: NewPasswordSchema,
    confirmPassword: z.string().min(1, "Type the new password again."),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords are not the same." });

export const DisableTotpFormSchema = z.object({ password: z.string().min(1, "Enter your password.") });
