import type { HTMLAttributes, ReactNode } from "react";
import { cx } from "./cx.ts";

export interface AppShellProps {
  /** The brand, usually a `<Brand>` wrapped in a link to the home page. */
  brand: ReactNode;
  /** Main navigation (a `<NavList>`), shown beside the brand on wide screens and under it on phones. */
  nav?: ReactNode;
  /** Controls at the end of the header (language switcher, account menu). */
  actions?: ReactNode;
  footer?: ReactNode;
  children: ReactNode;
  /** Text of the skip link, in the page's language. */
  skipLinkLabel?: string;
  /** Narrow the content column (reading pages such as the portal) instead of the wide dashboard width. */
  width?: "wide" | "narrow";
  /**
   * Put the navigation on a row of its own under the brand and actions, at every width: for apps with
   * many destinations, which would otherwise push the actions onto a second line.
   */
  navBelow?: boolean;
}

const MAIN_ID = "main-content";

/** The page frame: skip link, header with brand/nav/actions, main landmark and footer. */
export function AppShell({ brand, nav, actions, footer, children, skipLinkLabel = "Skip to content", width = "wide", navBelow = false }: AppShellProps) {
  const column = width === "wide" ? "max-w-6xl" : "max-w-3xl";
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href={`#${MAIN_ID}`}
        className="sr-only z-50 rounded-lg bg-brand-900 px-4 py-2 text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        {skipLinkLabel}
      </a>
      <header className="border-b border-ink-200 bg-white">
        <div className={cx("mx-auto flex flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3", column)}>
          <div className="mr-auto">{brand}</div>
          {nav ? <div className={cx("order-last w-full", !navBelow && "sm:order-none sm:w-auto")}>{nav}</div> : null}
          {actions ? <div className="flex items-center gap-2">{actions}</div> : null}
        </div>
      </header>
      <main id={MAIN_ID} tabIndex={-1} className={cx("mx-auto w-full flex-1 px-4 py-6 focus:outline-none sm:py-10", column)}>
        {children}
      </main>
      {footer ? (
        <footer className="border-t border-ink-200 bg-white">
          <div className={cx("mx-auto px-4 py-6 text-sm text-ink-600", column)}>{footer}</div>
        </footer>
      ) : null}
    </div>
  );
}

export interface BrandProps {
  name: string;
  /** A second line, e.g. "Agency workspace". */
  tagline?: string;
}

/** The logo mark and product name. Decorative mark; the name is the text. */
export function Brand({ name, tagline }: BrandProps) {
  return (
    <span className="inline-flex items-center gap-2 text-ink-900">
      <svg aria-hidden="true" width="32" height="32" viewBox="0 0 32 32" className="shrink-0">
        <rect width="32" height="32" rx="8" className="fill-brand-700" />
        <path d="M9 21c3-8 11-8 14-2M19 17l4 2-1 4" fill="none" stroke="white" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span className="flex flex-col leading-tight">
        <span className="text-lg font-bold">{name}</span>
        {tagline ? <span className="text-xs text-ink-600">{tagline}</span> : null}
      </span>
    </span>
  );
}

export interface NavListProps extends HTMLAttributes<HTMLElement> {
  /** Accessible name of the navigation landmark, e.g. "Main". */
  label: string;
  children: ReactNode;
}

/** A navigation landmark holding a row of links (each child becomes a list item). */
export function NavList({ label, children, className, ...props }: NavListProps) {
  const items = Array.isArray(children) ? children : [children];
  return (
    <nav aria-label={label} className={className} {...props}>
      <ul className="-mx-2 flex gap-1 overflow-x-auto">
        {items.map((child, i) => (
          <li key={i}>{child}</li>
        ))}
      </ul>
    </nav>
  );
}

/** Classes of a navigation link; pass `isActive` from Remix's `NavLink` (which also sets aria-current). */
export function navLinkClasses(isActive: boolean): string {
  return cx(
    "inline-flex min-h-10 items-center rounded-md px-2 text-sm font-medium whitespace-nowrap no-underline",
    isActive ? "bg-brand-50 text-brand-800" : "text-ink-700 hover:bg-ink-100 hover:text-ink-900",
  );
}
