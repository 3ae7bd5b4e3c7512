/** Locales the workspace formats numbers, amounts and dates in; its interface text is English for now. */
export const FORMAT_LOCALES = ["fr-FR", "fr-BE", "nl-BE", "nl-NL", "en-GB", "en-IE"] as const;
export type FormatLocale = (typeof FORMAT_LOCALES)[number];

/**
 * The best formatting locale for a request's Accept-Language header, so a French agent sees
 * "1 234,56 €" and a Dutch one "€ 1.234,56". Exact tags win, then the language alone.
 */
export function formatLocaleFor(request: Request): FormatLocale {
  const header = request.headers.get("accept-language") ?? "";
  const wanted = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((w) => w.tag && !Number.isNaN(w.q))
    .sort((a, b) => b.q - a.q);
  for (const { tag } of wanted) {
    const exact = FORMAT_LOCALES.find((l) => l.toLowerCase() === tag);
    if (exact) return exact;
    const sameLanguage = FORMAT_LOCALES.find((l) => l.slice(0, 2) === tag.slice(0, 2));
    if (sameLanguage) return sameLanguage;
  }
  return "en-GB";
}
