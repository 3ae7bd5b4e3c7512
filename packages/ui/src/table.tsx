import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cx } from "./cx.ts";

export interface TableProps extends HTMLAttributes<HTMLTableElement> {
  /** Accessible name of the scroll container when the table is wider than the screen. */
  label?: string;
}

/**
 * A data table. It scrolls sideways inside its own focusable region on narrow screens,
 * so the page itself never scrolls horizontally at 360px.
 */
export function Table({ className, label, ...props }: TableProps) {
  return (
    <div className="-mx-4 overflow-x-auto sm:mx-0" role="region" aria-label={label} tabIndex={label ? 0 : undefined}>
      <table className={cx("w-full border-collapse text-left text-sm sm:text-base", className)} {...props} />
    </div>
  );
}

/** The table's caption: its visible (or, with `className="sr-only"`, spoken) title. */
export function TableCaption({ className, ...props }: HTMLAttributes<HTMLTableCaptionElement>) {
  return <caption className={cx("mb-2 text-left text-sm text-ink-600", className)} {...props} />;
}

export function TableHead({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead className={cx("border-b border-ink-200 text-ink-600", className)} {...props} />;
}

export function TableBody({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody className={cx("divide-y divide-ink-100", className)} {...props} />;
}

export function TableFoot({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <tfoot className={cx("border-t-2 border-ink-200 font-semibold", className)} {...props} />;
}

export function TableRow({ className, ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={cx("align-top", className)} {...props} />;
}

interface CellAlign {
  /** Right-align and use tabular figures, for amounts and counts. */
  numeric?: boolean;
}

/** A header cell; `scope` defaults to "col" (use "row" for the first cell of a body row). */
export function TableHeaderCell({ className, numeric, scope = "col", ...props }: ThHTMLAttributes<HTMLTableCellElement> & CellAlign) {
  return (
    <th
      scope={scope}
      className={cx(
        "px-2 py-2 font-semibold first:pl-4 last:pr-4 sm:px-4",
        scope === "col" && "text-sm",
        numeric && "text-right tabular-nums",
        className,
      )}
      {...props}
    />
  );
}

export function TableCell({ className, numeric, ...props }: TdHTMLAttributes<HTMLTableCellElement> & CellAlign) {
  return <td className={cx("px-2 py-2 first:pl-4 last:pr-4 sm:px-4", numeric && "text-right whitespace-nowrap tabular-nums", className)} {...props} />;
}
