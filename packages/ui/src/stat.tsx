import type { HTMLAttributes, ReactNode } from "react";
import { cx } from "./cx.ts";

/** A responsive grid of `Stat`s; a description list, so each label is tied to its value. */
export function StatGrid({ className, ...props }: HTMLAttributes<HTMLDListElement>) {
  return <dl className={cx("grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4", className)} {...props} />;
}

export interface StatProps {
  label: ReactNode;
  value: ReactNode;
  /** A line of context under the value (a comparison, a date, a status badge). */
  hint?: ReactNode;
  className?: string;
}

/** One key figure: label, value and an optional hint. Place inside a `StatGrid`. */
export function Stat({ label, value, hint, className }: StatProps) {
  return (
    <div className={cx("flex flex-col rounded-card border border-ink-200 bg-white p-4 shadow-card", className)}>
      <dt className="text-sm font-medium text-ink-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-ink-900">{value}</dd>
      {hint ? <dd className="mt-1 text-sm text-ink-600">{hint}</dd> : null}
    </div>
  );
}
