import type { HTMLAttributes, ReactNode } from "react";
import { cx } from "./cx.ts";

export type AlertTone = "info" | "positive" | "caution" | "critical";

const tones: Record<AlertTone, string> = {
  info: "border-info-200 bg-info-50 text-info-800",
  positive: "border-positive-200 bg-positive-50 text-positive-800",
  caution: "border-caution-200 bg-caution-50 text-caution-800",
  critical: "border-critical-200 bg-critical-50 text-critical-800",
};

export interface AlertProps extends Omit<HTMLAttributes<HTMLDivElement>, "title"> {
  tone?: AlertTone;
  title?: ReactNode;
  /**
   * Announce the message when it appears: "alert" interrupts (errors), "status" waits politely.
   * Leave unset for messages present when the page loads.
   */
  live?: "alert" | "status";
}

/** A message box for information, success, warnings and errors. */
export function Alert({ tone = "info", title, live, className, children, ...props }: AlertProps) {
  return (
    <div role={live} className={cx("rounded-lg border-l-4 border px-4 py-3", tones[tone], className)} {...props}>
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={cx(title && "mt-1", "text-sm [&_a]:text-current")}>{children}</div> : null}
    </div>
  );
}
