import { Form, Link, useNavigation } from "@remix-run/react";
import { Alert, Button, cx } from "@recouvra/ui";
import { useId, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

const control = "min-h-11 w-full rounded-lg border bg-white px-3 text-base text-ink-900 shadow-sm focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 focus:outline-none";

function Described({ id, description, error }: { id: string; description?: ReactNode; error?: string | null }) {
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

function describedBy(id: string, description?: ReactNode, error?: string | null): string | undefined {
  return [description ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** A labelled select with its help and error, wired like `TextField`. */
export function SelectField({ label, description, error, children, ...props }: { label: ReactNode; description?: ReactNode; error?: string | null } & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-ink-900">
        {label}
      </label>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, description, error)} className={cx(control, error ? "border-critical-600" : "border-ink-300")} {...props}>
        {children}
      </select>
      <Described id={id} description={description} error={error} />
    </div>
  );
}

/** A labelled multi-line text field with its help and error. */
export function TextAreaField({ label, description, error, ...props }: { label: ReactNode; description?: ReactNode; error?: string | null } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-ink-900">
        {label}
      </label>
      <textarea
        id={id}
        rows={4}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, description, error)}
        className={cx(control, "py-2", error ? "border-critical-600" : "border-ink-300")}
        {...props}
      />
      <Described id={id} description={description} error={error} />
    </div>
  );
}

/** A checkbox with its label beside it (a large target on a phone). */
export function CheckboxField({ label, ...props }: { label: ReactNode; name: string; defaultChecked?: boolean }) {
  const id = useId();
  return (
    <div className="flex min-h-11 items-center gap-3">
      <input id={id} type="checkbox" value="on" className="size-5 accent-brand-700" {...props} />
      <label htmlFor={id} className="text-sm text-ink-900">
        {label}
      </label>
    </div>
  );
}

/**
 * The frame of every action form: its heading, the refusal alert (a domain refusal such as "contact is
 * paused: the debt is disputed"), the fields, and the submit / cancel row.
 */
export function ActionForm({
  title,
  description,
  caseId,
  formError,
  submitLabel,
  variant = "primary",
  children,
  extraButtons,
  onChange,
  formRef,
}: {
  title: string;
  description?: ReactNode;
  caseId: string;
  formError?: string | null;
  submitLabel: string;
  variant?: "primary" | "danger";
  children: ReactNode;
  extraButtons?: ReactNode;
  onChange?: (form: HTMLFormElement) => void;
  formRef?: React.Ref<HTMLFormElement>;
}) {
  const busy = useNavigation().state === "submitting";
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="text-base font-semibold text-ink-900">
        {title}
      </h3>
      {description ? <p className="mt-1 text-sm text-ink-600">{description}</p> : null}
      {formError ? (
        <Alert tone="critical" live="alert" className="mt-3" title="Not done">
          {formError}
        </Alert>
      ) : null}
      <Form method="post" preventScrollReset ref={formRef} className="mt-3 flex flex-col gap-4" onChange={onChange ? (e) => onChange(e.currentTarget) : undefined}>
        {children}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant={variant} disabled={busy} className="w-full sm:w-auto">
            {busy ? "Saving…" : submitLabel}
          </Button>
          {extraButtons}
          <Link to={`/cases/${caseId}`} preventScrollReset className="inline-flex min-h-11 items-center text-sm">
            Cancel
          </Link>
        </div>
      </Form>
    </section>
  );
}
