/** The filter bars above the workspace's lists (cases, queue, outbox, templates) share one look. */

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
