import { useRouteLoaderData } from "@remix-run/react";
import { DEFAULT_LOCALE, DICTIONARIES, type Dictionary, type Locale } from "~/i18n/index.ts";
import type { loader as rootLoader } from "~/root.tsx";

/** The page language chosen by the root loader (French on error pages rendered without it). */
export function useLocale(): Locale {
  return useRouteLoaderData<typeof rootLoader>("root")?.locale ?? DEFAULT_LOCALE;
}

/** The texts of the page language. */
export function useDictionary(): Dictionary {
  return DICTIONARIES[useLocale()];
}
