import { Form, Link, useNavigation } from "@remix-run/react";
import { Alert, Button } from "@recouvra/ui";
import { useId, type ReactNode } from "react";

// The generic fields (TextAreaField, SelectField, ChoiceGroup, FileField, CheckboxField) live in
// @recouvra/ui. What stays here is the workspace's own: the action-form frame (Remix `Form`) and its
// compact checkbox, whose label is set in the workspace's smaller text (the ui one uses the portal's).

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
