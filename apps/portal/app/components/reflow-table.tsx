import { cx } from "@recouvra/ui";
import type { ReactNode } from "react";

export interface ReflowColumn {
  label: string;
  /** Right-aligned, tabular figures on wide screens (amounts). */
  isNumeric?: boolean;
}

export interface ReflowRow {
  key: string;
  /** One cell per column; the first is the row's header. */
  cells: ReactNode[];
  /** A line under the row spanning every column (the legal basis and explanation of an amount). */
  note?: ReactNode;
}

/**
 * A table that reflows on a phone: below the `sm` breakpoint each row becomes a block of
 * "label: value" lines, so a 360 px screen never scrolls sideways and nothing is cut; from `sm` up it
 * is an ordinary table with its column headers.
 */
export function ReflowTable({ caption, columns, rows, foot }: { caption: string; columns: ReflowColumn[]; rows: ReflowRow[]; foot?: { label: string; value: ReactNode } }) {
  return (
    <table className="block w-full border-collapse text-left sm:table">
      <caption className="sr-only">{caption}</caption>
      <thead className="hidden border-b border-ink-200 text-sm text-ink-600 sm:table-header-group">
        <tr>
          {columns.map((c) => (
            <th key={c.label} scope="col" className={cx("px-3 py-2 font-semibold first:pl-0 last:pr-0", c.isNumeric && "text-right")}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="block divide-y divide-ink-100 sm:table-row-group">
        {rows.map((row) => (
          <RowGroup key={row.key} row={row} columns={columns} />
        ))}
      </tbody>
      {foot ? (
        <tfoot className="block border-t-2 border-ink-200 font-semibold sm:table-footer-group">
          <tr className="flex justify-between gap-4 py-2 sm:table-row">
            <th scope="row" colSpan={columns.length - 1} className="block px-0 py-2 text-left sm:table-cell">
              {foot.label}
            </th>
            <td className="block px-0 py-2 text-right whitespace-nowrap tabular-nums sm:table-cell">{foot.value}</td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

function RowGroup({ row, columns }: { row: ReflowRow; columns: ReflowColumn[] }) {
  const cellClass = "flex flex-wrap justify-between gap-x-4 px-0 py-1 sm:table-cell sm:px-3 sm:py-2 sm:first:pl-0 sm:last:pr-0";
  const label = (c: ReflowColumn) => <span className="font-medium text-ink-600 sm:hidden">{c.label}</span>;
  return (
    <>
      <tr className={cx("block py-2 sm:table-row sm:py-0", row.note ? "border-b-0" : null)}>
        {row.cells.map((cell, i) => {
          const column = columns[i]!;
          return i === 0 ? (
            <th key={column.label} scope="row" className={cx(cellClass, "text-left font-semibold text-ink-900 sm:font-medium")}>
              {label(column)}
              <span>{cell}</span>
            </th>
          ) : (
            <td key={column.label} className={cx(cellClass, column.isNumeric && "sm:text-right sm:whitespace-nowrap tabular-nums")}>
              {label(column)}
              <span>{cell}</span>
            </td>
          );
        })}
      </tr>
      {row.note ? (
        <tr className="block pb-3 sm:table-row">
          <td colSpan={columns.length} className="block px-0 pb-3 text-sm text-ink-700 sm:table-cell">
            {row.note}
          </td>
        </tr>
      ) : null}
    </>
  );
}
