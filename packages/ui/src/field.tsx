import { forwardRef, useId, type InputHTMLAttributes, type ReactNode } from "react";
import { cx } from "./cx.ts";

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id"> {
  label: ReactNode;
  /** Help shown under the label (format, rules). */
  description?: ReactNode;
  /** The field's error, shown under it and announced with it. */
  error?: string | null;
  /** Extra ids the input is described by (e.g. a form-level error). */
  describedBy?: string;
  id?: string;
}

/** A labelled text input with its help and error, wired for assistive technology. */
export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { label, description, error, describedBy, id, className, type = "text", ...props },
  ref,
) {
  const generated = useId();
  const inputId = id ?? generated;
  const descriptionId = description ? `${inputId}-description` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedByIds = [descriptionId, errorId, describedBy].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cx("flex flex-col gap-1", className)}>
      <label htmlFor={inputId} className="text-sm font-medium text-ink-900">
        {label}
      </label>
      {description ? (
        <p id={descriptionId} className="text-sm text-ink-600">
          {description}
        </p>
      ) : null}
      <input
        ref={ref}
        id={inputId}
        type={type}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedByIds}
        className={cx(
          "min-h-11 w-full rounded-lg border bg-white px-3 text-base text-ink-900 shadow-sm",
          "focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 focus:outline-none",
          error ? "border-critical-600" : "border-ink-300",
        )}
        {...props}
      />
      {error ? (
        <p id={errorId} className="text-sm font-medium text-critical-700">
          {error}
        </p>
      ) : null}
    </div>
  );
});
