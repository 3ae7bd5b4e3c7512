import type { ReactNode } from "react";
import { cx } from "./cx.ts";

export interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  /** Page-level controls (primary action, filters), placed right on wide screens, below on phones. */
  actions?: ReactNode;
  className?: string;
}

/** The page's `<h1>` with its description; one per page. */
export function PageHeader({ title, description, actions, className }: PageHeaderProps) {
  return (
    <header className={cx("mb-6 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between", className)}>
      <div className="min-w-0">
        <h1 className="text-2xl font-bold tracking-tight text-ink-900 sm:text-3xl">{title}</h1>
        {description ? <p className="mt-2 max-w-prose text-ink-600">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </header>
  );
}
