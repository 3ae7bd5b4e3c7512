import { cx } from "@recouvra/ui";
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

/**
 * Form fields of the self-service pages that the design system has no component for yet (text areas,
 * radio and checkbox groups, file and select inputs), wired like its `TextField`: a label, the help
 * and the error under it, both announced with the control (`aria-describedby`), large targets on a phone.
 */

const control = "w-full rounded-lg border bg-white px-3 text-base text-ink-900 shadow-sm focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 focus:outline-none";

function Help({ id, description, error }: { id: string; description?: ReactNode; error?: string | null }) {
  return (
    <>
      {description ? (
        <p id={`${id}-description`} className="text-sm text-ink-600">
          {description}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-critical-700">
          {error}
        </p>
      ) : null}
    </>
  );
}

const describedBy = (id: string, description?: ReactNode, error?: string | null) =>
  [description ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

interface FieldProps {
  label: ReactNode;
  description?: ReactNode;
  error?: string | null;
}

/** A labelled multi-line text field. */
export function TextAreaField({ label, description, error, className, ...props }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <div className={cx("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-sm font-medium text-ink-900">
        {label}
      </label>
      <textarea
        id={id}
        rows={5}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, description, error)}
        className={cx(control, "py-2", error ? "border-critical-600" : "border-ink-300")}
        {...props}
      />
      <Help id={id} description={description} error={error} />
    </div>
  );
}

/** A labelled select. */
export function SelectField({ label, description, error, children, className, ...props }: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <div className={cx("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-sm font-medium text-ink-900">
        {label}
      </label>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, description, error)} className={cx(control, "min-h-11", error ? "border-critical-600" : "border-ink-300")} {...props}>
        {children}
      </select>
      <Help id={id} description={description} error={error} />
    </div>
  );
}

/** A labelled file input. */
export function FileField({ label, description, error, className, ...props }: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "type">) {
  const id = useId();
  return (
    <div className={cx("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-sm font-medium text-ink-900">
        {label}
      </label>
      <input
        id={id}
        type="file"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, description, error)}
        className={cx(
          "block w-full text-base text-ink-900 file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-ink-300 file:bg-white file:px-3 file:font-medium",
          error ? "rounded-lg outline outline-2 outline-critical-600" : "",
        )}
        {...props}
      />
      <Help id={id} description={description} error={error} />
    </div>
  );
}

/** One choice of a radio or checkbox group. */
export interface Choice {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

/**
 * A group of radio buttons (one answer) or checkboxes (several), as a fieldset whose legend is the
 * question; the group's help and error describe every control in it.
 */
export function ChoiceGroup({
  legend,
  name,
  choices,
  type = "radio",
  checked,
  description,
  error,
  required,
  children,
}: {
  legend: ReactNode;
  name: string;
  choices: readonly Choice[];
  type?: "radio" | "checkbox";
  /** The values checked when the page is drawn. */
  checked: readonly string[];
  description?: ReactNode;
  error?: string | null;
  required?: boolean;
  /** Extra content under the choices (a field shown with the last choice). */
  children?: ReactNode;
}) {
  const id = useId();
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={describedBy(id, description, error)}>
      <legend className="mb-1 text-sm font-medium text-ink-900">{legend}</legend>
      <Help id={id} description={description} error={error} />
      <div className="flex flex-col gap-1">
        {choices.map((c) => {
          const choiceId = `${id}-${c.value || "none"}`;
          return (
            <div key={c.value} className="flex min-h-11 items-start gap-3 py-1">
              <input
                id={choiceId}
                type={type}
                name={name}
                value={c.value}
                defaultChecked={checked.includes(c.value)}
                required={required && type === "radio"}
                aria-invalid={error ? true : undefined}
                aria-describedby={c.hint ? `${choiceId}-hint` : undefined}
                className="mt-0.5 size-5 shrink-0 accent-brand-700"
              />
              <div className="flex flex-col">
                <label htmlFor={choiceId} className="text-base text-ink-900">
                  {c.label}
                </label>
                {c.hint ? (
                  <span id={`${choiceId}-hint`} className="text-sm text-ink-600">
                    {c.hint}
                  </span>
                ) : null}
              </div>
            </div>
          );
        })}
      </div>
      {children}
    </fieldset>
  );
}

/** A single checkbox with its label beside it. */
export function CheckboxField({ label, name, defaultChecked }: { label: ReactNode; name: string; defaultChecked?: boolean }) {
  const id = useId();
  return (
    <div className="flex min-h-11 items-center gap-3">
      <input id={id} type="checkbox" name={name} value="on" defaultChecked={defaultChecked} className="size-5 shrink-0 accent-brand-700" />
      <label htmlFor={id} className="text-base text-ink-900">
        {label}
      </label>
    </div>
  );
}
