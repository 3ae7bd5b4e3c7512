/** The filter bars above the workspace's lists (cases, queue, outbox, templates) share one look. */
import { Form, Link } from "@remix-run/react";
import { Button, buttonClasses, cx } from "@recouvra/ui";
import type { ReactNode } from "react";

/** The class of a filter's input or select. */
export const filterFieldClass = "min-h-11 w-full rounded-md border border-ink-300 bg-white px-3 py-2";

/** The class of the label wrapped around a filter's input or select. */
export const filterLabelClass = "flex flex-col gap-1 text-sm font-medium text-ink-700";

export interface FilterOption {
  value: string;
  label: string;
}

/**
 * A labelled select of a GET filter form. With `anyLabel`, its first choice is the empty value that
 * leaves the filter off; without it, one of `options` is always chosen.
 */
export function FilterSelect({ label, name, defaultValue, anyLabel, options }: { label: string; name: string; defaultValue: string; anyLabel?: string; options: readonly FilterOption[] }) {
  return (
    <label className={filterLabelClass}>
      {label}
      <select name={name} defaultValue={defaultValue} className={filterFieldClass}>
        {anyLabel === undefined ? null : <option value="">{anyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The filter bar: a GET form, so a filtered list has an address that can be shared and reloaded, in a
 * search landmark. `className` sets its grid columns and spacing.
 */
export function FilterForm({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div role="search">
      <Form method="get" aria-label={label} className={cx("grid gap-3 rounded-lg border border-ink-200 bg-white p-4", className)}>
        {children}
      </Form>
    </div>
  );
}

/** The bar's submit button and, while the list is filtered, the link back to the unfiltered list. */
export function FilterActions({
  submitLabel,
  isFiltered,
  className,
  clearHref = ".",
  clearLabel = "Clear filters",
}: {
  submitLabel: string;
  isFiltered: boolean;
  className: string;
  clearHref?: string;
  clearLabel?: string;
}) {
  return (
    <div className={className}>
      <Button type="submit">{submitLabel}</Button>
      {isFiltered ? (
        <Link to={clearHref} className={buttonClasses({ variant: "secondary" })}>
          {clearLabel}
        </Link>
      ) : null}
    </div>
  );
}
