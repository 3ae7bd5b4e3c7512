import { LOCALES, type Locale } from "@recouvra/domain";
import { en } from "./en.ts";
import { fr } from "./fr.ts";
import { nl } from "./nl.ts";
import type { Dictionary } from "./types.ts";

export type { Dictionary } from "./types.ts";
export { LOCALES, type Locale };

/** Where no preference is known: most debtors of the demo agency read French. */
export const DEFAULT_LOCALE: Locale = "fr";

export const DICTIONARIES: Record<Locale, Dictionary> = { fr, nl, en };

/** True when `value` is one of the portal's languages. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The regional tag used to format numbers, amounts and dates in each language. */
export const FORMAT_LOCALE: Record<Locale, string> = { fr: "fr-FR", nl: "nl-BE", en: "en-GB" };

/** Replaces `{name}` placeholders in a dictionary text. */
export function interpolate(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
