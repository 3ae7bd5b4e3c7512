import { useEffect, useState } from "react";
import { cx } from "./cx.ts";

export interface ToastMessage {
  /** Changes with every toast, so the same text twice is announced twice. */
  id: string;
  tone: "success" | "info" | "error";
  message: string;
}

const toneClasses: Record<ToastMessage["tone"], string> = {
  success: "border-positive-600 bg-positive-50 text-positive-800",
  info: "border-brand-600 bg-brand-50 text-brand-900",
  error: "border-critical-600 bg-critical-50 text-critical-700",
};

/**
 * A short confirmation after an action ("Call logged"), announced politely to screen readers and
 * dismissed after a few seconds or by the user.
 */
export function Toast({ toast }: { toast: ToastMessage | null }) {
  const [visible, setVisible] = useState<ToastMessage | null>(toast);
  useEffect(() => {
    setVisible(toast);
    if (!toast) return;
    const timer = setTimeout(() => setVisible(null), 6000);
    return () => clearTimeout(timer);
  }, [toast]);
  return (
    <div aria-live="polite" role="status" className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-4">
      {visible ? (
        <div className={cx("pointer-events-auto flex items-center gap-4 rounded-lg border-l-4 px-4 py-3 shadow-lg", toneClasses[visible.tone])}>
          <p>{visible.message}</p>
          <button type="button" onClick={() => setVisible(null)} className="rounded px-2 text-sm underline" aria-label="Dismiss notification">
            Dismiss
          </button>
        </div>
      ) : null}
    </div>
  );
}
