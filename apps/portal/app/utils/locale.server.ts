import { createCookie } from "@remix-run/node";
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "~/i18n/index.ts";
import { env } from "./env.server.ts";

/** Remembers the language a visitor picked, for a year. */
const languageCookie = createCookie("lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: env.NODE_ENV === "production",
  maxAge: 60 * 60 * 24 * 365,
});

/** The first of our languages the browser asks for, honouring q-weights ("nl-BE,nl;q=0.9,en;q=0.8"). */
export function localeFromAcceptLanguage(header: string | null): Locale | null {
  if (!header) return null;
  const wanted = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { language: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((w) => w.language && Number.isFinite(w.q) && w.q > 0)
    .sort((a, b) => b.q - a.q);
  return wanted.map((w) => w.language).find((l): l is Locale => (LOCALES as readonly string[]).includes(l)) ?? null;
}

/**
 * The page language: `?lang=` (an explicit choice, then remembered in a cookie), else the cookie,
 * else `fallback` (a signed-in debtor's language on the case), else the browser's Accept-Language, else
 * French. Returns the Set-Cookie header when the choice changed.
 */
export async function resolveLocale(request: Request, options: { fallback?: Locale } = {}): Promise<{ locale: Locale; setCookie?: string }> {
  const fromQuery = new URL(request.url).searchParams.get("lang");
  const fromCookie: unknown = await languageCookie.parse(request.headers.get("cookie"));
  if (isLocale(fromQuery)) {
    return fromQuery === fromCookie ? { locale: fromQuery } : { locale: fromQuery, setCookie: await languageCookie.serialize(fromQuery) };
  }
  if (isLocale(fromCookie)) return { locale: fromCookie };
  if (options.fallback) return { locale: options.fallback };
  return { locale: localeFromAcceptLanguage(request.headers.get("accept-language")) ?? DEFAULT_LOCALE };
}
