import { cx } from "./cx.ts";

export interface LanguageOption {
  /** BCP 47 tag of the language, e.g. "fr". */
  locale: string;
  /** The language's name in that language ("Français", "Nederlands", "English"). */
  name: string;
  href: string;
}

export interface LanguageSwitcherProps {
  /** Accessible name of the switcher, in the current language. */
  label: string;
  current: string;
  options: readonly LanguageOption[];
  className?: string;
}

/**
 * Plain links to the same page in each language: they work without JavaScript, and crawlers and
 * screen readers learn each target's language from `hrefLang`/`lang`.
 */
export function LanguageSwitcher({ label, current, options, className }: LanguageSwitcherProps) {
  return (
    <nav aria-label={label} className={className}>
      <ul className="flex gap-1">
        {options.map((o) => {
          const isCurrent = o.locale === current;
          return (
            <li key={o.locale}>
              <a
                href={o.href}
                hrefLang={o.locale}
                lang={o.locale}
                aria-current={isCurrent ? "page" : undefined}
                className={cx(
                  "inline-flex min-h-10 min-w-10 items-center justify-center rounded-md px-2 text-sm font-semibold no-underline",
                  isCurrent ? "bg-brand-700 text-white" : "text-brand-800 hover:bg-brand-50",
                )}
              >
                {o.name}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
