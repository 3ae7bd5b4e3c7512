import type { ReactNode } from "react";
import { cx } from "./cx.ts";

export interface EmptyStateProps {
  title: ReactNode;
  children?: ReactNode;
  /** What to do next (a link or button). */
  action?: ReactNode;
  className?: string;
}

/** What a list or panel shows when it has nothing yet: say so plainly and offer the next step. */
export function EmptyState({ title, children, action, className }: EmptyStateProps) {
  return (
    <div className={cx("rounded-lg border border-dashed border-ink-300 bg-ink-50 p-6 text-center", className)}>
      <p className="font-semibold text-ink-900">{title}</p>
      {children ? <div className="mx-auto mt-1 max-w-prose text-sm text-ink-600">{children}</div> : null}
      {action ? <div className="mt-4">{action}</div> : null}
    </div>
  );
}
