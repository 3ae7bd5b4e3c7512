import type { HTMLAttributes } from "react";
import { cx } from "./cx.ts";

export type Tone = "neutral" | "brand" | "positive" | "caution" | "critical" | "info";

const tones: Record<Tone, string> = {
  neutral: "border-ink-200 bg-ink-100 text-ink-800",
  brand: "border-brand-200 bg-brand-50 text-brand-800",
  positive: "border-positive-200 bg-positive-50 text-positive-800",
  caution: "border-caution-200 bg-caution-50 text-caution-800",
  critical: "border-critical-200 bg-critical-50 text-critical-800",
  info: "border-info-200 bg-info-50 text-info-800",
};

export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  tone?: Tone;
}

/** A short status label. The text must carry the meaning on its own; the colour only repeats it. */
export function Badge({ tone = "neutral", className, ...props }: BadgeProps) {
  return (
    <span
      className={cx("inline-flex items-center gap-1 rounded-full border px-2.5 py-0.5 text-sm font-medium whitespace-nowrap", tones[tone], className)}
      {...props}
    />
  );
}
