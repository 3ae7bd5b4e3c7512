import { useId, type ReactNode } from "react";
import { cx } from "./cx.ts";

export interface ProgressBarProps {
  /** What is progressing, shown above the bar and used as its accessible name. */
  label: ReactNode;
  /** Done so far; leave undefined while the total is unknown (the bar then pulses). */
  value?: number;
  max: number;
  /** Text after the label, e.g. "12,000 of 50,000 rows"; also read as the bar's value text. */
  valueText?: string;
  className?: string;
}

/** A labelled progress bar (ARIA progressbar) for long work such as an import. */
export function ProgressBar({ label, value, max, valueText, className }: ProgressBarProps) {
  const labelId = useId();
  const known = value !== undefined && max > 0;
  const percent = known ? Math.min(100, Math.max(0, (value / max) * 100)) : 0;
  return (
    <div className={cx("flex flex-col gap-1.5", className)}>
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span id={labelId} className="font-medium text-ink-900">
          {label}
        </span>
        {valueText ? <span className="tabular-nums text-ink-600">{valueText}</span> : null}
      </div>
      <div
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={known ? max : undefined}
        aria-valuenow={known ? value : undefined}
        aria-valuetext={valueText}
        className="h-3 w-full overflow-hidden rounded-full bg-ink-100"
      >
        <div
          className={cx("h-full rounded-full bg-brand-600 transition-[width] duration-300 motion-reduce:transition-none", !known && "w-1/3 animate-pulse")}
          style={known ? { width: `${percent}%` } : undefined}
        />
      </div>
    </div>
  );
}
