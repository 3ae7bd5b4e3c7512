import {
  forwardRef,
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { cx } from "./cx.ts";

/**
 * Every field here follows one pattern: a label, then the help and the error, both announced with the
 * control through `aria-describedby` (ids `<id>-description` and `<id>-error`), `aria-invalid` while
 * there is an error, and targets at least 44 px high so they are easy to hit on a phone.
 */

/** What every labelled field takes besides its control's own attributes. */
export interface FieldBaseProps {
  label: ReactNode;
  /** Help shown with the field (format, rules). */
  description?: ReactNode;
  /** The field's error, shown with it and announced with it. */
  error?: string | null;
  /** Extra ids the control is described by (e.g. a form-level error). */
  describedBy?: string;
  id?: string;
}

/**
 * The `aria-describedby` value of a field whose help and error carry the ids `<id>-description` and
 * `<id>-error` (see `FieldHelp`); undefined when there is nothing to point at.
 */
export function fieldDescribedBy(id: string, description?: ReactNode, error?: string | null, ...extra: (string | null | undefined)[]): string | undefined {
  return [description ? `${id}-description` : null, error ? `${id}-error` : null, ...extra].filter(Boolean).join(" ") || undefined;
}

/** A field's help and error paragraphs, with the ids `fieldDescribedBy` points at. */
export function FieldHelp({ id, description, error }: { id: string; description?: ReactNode; error?: string | null }) {
  return (
    <>
      {description ? <FieldDescription id={id}>{description}</FieldDescription> : null}
      {error ? <FieldError id={id}>{error}</FieldError> : null}
    </>
  );
}

function FieldDescription({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={`${id}-description`} className="text-sm text-ink-600">
      {children}
    </p>
  );
}

function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={`${id}-error`} className="text-sm font-medium text-critical-700">
      {children}
    </p>
  );
}

function FieldLabel({ htmlFor, children }: { htmlFor: string; children: ReactNode }) {
  return (
    <label htmlFor={htmlFor} className="text-sm font-medium text-ink-900">
      {children}
    </label>
  );
}

const controlClasses = (error: string | null | undefined) =>
  cx(
    "min-h-11 w-full rounded-lg border bg-white px-3 text-base text-ink-900 shadow-sm",
    "focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 focus:outline-none",
    error ? "border-critical-600" : "border-ink-300",
  );

export interface TextFieldProps extends FieldBaseProps, Omit<InputHTMLAttributes<HTMLInputElement>, "id"> {}

/** A labelled text input with its help and error, wired for assistive technology. */
export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { label, description, error, describedBy, id, className, type = "text", ...props },
  ref,
) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <div className={cx("flex flex-col gap-1", className)}>
      <FieldLabel htmlFor={inputId}>{label}</FieldLabel>
      {description ? <FieldDescription id={inputId}>{description}</FieldDescription> : null}
      <input
        ref={ref}
        id={inputId}
        type={type}
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldDescribedBy(inputId, description, error, describedBy)}
        className={controlClasses(error)}
        {...props}
      />
      {error ? <FieldError id={inputId}>{error}</FieldError> : null}
    </div>
  );
});

/** How a control is wired to its label, help and error (spread onto the control). */
interface ControlWiring {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/** The frame the multi-line, select and file fields share: the label, the control, then its help and error. */
function FieldFrame({ label, description, error, describedBy, id, className, children }: FieldBaseProps & { className?: string; children: (wiring: ControlWiring) => ReactNode }) {
  const generated = useId();
  const fieldId = id ?? generated;
  return (
    <div className={cx("flex flex-col gap-1", className)}>
      <FieldLabel htmlFor={fieldId}>{label}</FieldLabel>
      {children({ id: fieldId, "aria-invalid": error ? true : undefined, "aria-describedby": fieldDescribedBy(fieldId, description, error, describedBy) })}
      <FieldHelp id={fieldId} description={description} error={error} />
    </div>
  );
}

export interface TextAreaFieldProps extends FieldBaseProps, Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id"> {}

/** A labelled multi-line text field; its help and error follow it. Four rows unless told otherwise. */
export const TextAreaField = forwardRef<HTMLTextAreaElement, TextAreaFieldProps>(function TextAreaField(
  { label, description, error, describedBy, id, className, rows = 4, ...props },
  ref,
) {
  return (
    <FieldFrame label={label} description={description} error={error} describedBy={describedBy} id={id} className={className}>
      {(wiring) => <textarea ref={ref} rows={rows} {...wiring} className={cx(controlClasses(error), "py-2")} {...props} />}
    </FieldFrame>
  );
});

export interface SelectFieldProps extends FieldBaseProps, Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> {}

/** A labelled select (its `<option>`s are the children); its help and error follow it. */
export const SelectField = forwardRef<HTMLSelectElement, SelectFieldProps>(function SelectField(
  { label, description, error, describedBy, id, className, children, ...props },
  ref,
) {
  return (
    <FieldFrame label={label} description={description} error={error} describedBy={describedBy} id={id} className={className}>
      {(wiring) => (
        <select ref={ref} {...wiring} className={controlClasses(error)} {...props}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
});

export interface FileFieldProps extends FieldBaseProps, Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type"> {}

/** A labelled file input (its button is a large target); its help and error follow it. */
export const FileField = forwardRef<HTMLInputElement, FileFieldProps>(function FileField(
  { label, description, error, describedBy, id, className, ...props },
  ref,
) {
  return (
    <FieldFrame label={label} description={description} error={error} describedBy={describedBy} id={id} className={className}>
      {(wiring) => (
        <input
          ref={ref}
          type="file"
          {...wiring}
          className={cx(
            "block w-full text-base text-ink-900",
            "file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-ink-300 file:bg-white file:px-3 file:font-medium",
            error && "rounded-lg outline outline-2 outline-critical-600",
          )}
          {...props}
        />
      )}
    </FieldFrame>
  );
});

/** One choice of a `ChoiceGroup`. */
export interface ChoiceOption {
  value: string;
  label: ReactNode;
  /** A line under the choice's label, announced with it. */
  hint?: ReactNode;
}

export interface ChoiceGroupProps {
  /** The question. */
  legend: ReactNode;
  name: string;
  choices: readonly ChoiceOption[];
  /** Radio buttons (one answer, the default) or checkboxes (several). */
  type?: "radio" | "checkbox";
  /** The values checked when the page is drawn. */
  checked: readonly string[];
  description?: ReactNode;
  error?: string | null;
  /** For radio buttons: an answer is required. */
  required?: boolean;
  id?: string;
  className?: string;
  /** Extra content under the choices (e.g. a field that goes with the last choice). */
  children?: ReactNode;
}

/**
 * A group of radio buttons or checkboxes, as a fieldset whose legend is the question; the group's help
 * and error describe the whole group, each choice's hint describes that choice.
 */
export function ChoiceGroup({ legend, name, choices, type = "radio", checked, description, error, required, id, className, children }: ChoiceGroupProps) {
  const generated = useId();
  const groupId = id ?? generated;
  return (
    <fieldset className={cx("flex flex-col gap-2", className)} aria-describedby={fieldDescribedBy(groupId, description, error)}>
      <legend className="mb-1 text-sm font-medium text-ink-900">{legend}</legend>
      <FieldHelp id={groupId} description={description} error={error} />
      <div className="flex flex-col gap-1">
        {choices.map((choice) => {
          // An empty value (e.g. "no preference") still needs an id of its own.
          const choiceId = `${groupId}-${choice.value || "none"}`;
          return (
            <div key={choice.value} className="flex min-h-11 items-start gap-3 py-1">
              <input
                id={choiceId}
                type={type}
                name={name}
                value={choice.value}
                defaultChecked={checked.includes(choice.value)}
                // `required` on a checkbox would demand that every box be ticked.
                required={required && type === "radio"}
                aria-invalid={error ? true : undefined}
                aria-describedby={choice.hint ? `${choiceId}-hint` : undefined}
                className="mt-0.5 size-5 shrink-0 accent-brand-700"
              />
              <div className="flex flex-col">
                <label htmlFor={choiceId} className="text-base text-ink-900">
                  {choice.label}
                </label>
                {choice.hint ? (
                  <span id={`${choiceId}-hint`} className="text-sm text-ink-600">
                    {choice.hint}
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

export interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "id"> {
  label: ReactNode;
  name: string;
  id?: string;
}

/** A single checkbox with its label beside it, in a row tall enough to tap; sends "on" when ticked. */
export const CheckboxField = forwardRef<HTMLInputElement, CheckboxFieldProps>(function CheckboxField(
  { label, id, className, value = "on", ...props },
  ref,
) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <div className={cx("flex min-h-11 items-center gap-3", className)}>
      <input ref={ref} id={inputId} type="checkbox" value={value} className="size-5 shrink-0 accent-brand-700" {...props} />
      <label htmlFor={inputId} className="text-base text-ink-900">
        {label}
      </label>
    </div>
  );
});
