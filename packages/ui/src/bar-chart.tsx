import { useId } from "react";
import { cx } from "./cx.ts";

export interface BarDatum {
  label: string;
  value: number;
}

export interface BarChartProps {
  /** Visible heading of the chart, also the SVG's `<title>`. */
  title: string;
  /** One sentence summarising what the chart shows, the SVG's `<desc>` (e.g. "the largest group is …"). */
  description?: string;
  data: readonly BarDatum[];
  /** Header of the label column in the data table (e.g. "Stage"). */
  labelHeader: string;
  /** Header of the value column in the data table (e.g. "Open cases"). */
  valueHeader: string;
  /** Formats a value for display (defaults to the number as is). */
  formatValue?: (value: number) => string;
  /** Shown instead of the chart when there is no data or every value is zero. */
  emptyText?: string;
  className?: string;
}

const ROW = 48;
const BAR = 14;

/**
 * A horizontal bar chart drawn in SVG, readable at any width: positions are percentages of the
 * available width, so labels keep their real font size on a phone. The same numbers are in a
 * visually hidden table for screen readers and for anyone copying the figures.
 */
export function BarChart({ title, description, data, labelHeader, valueHeader, formatValue = String, emptyText, className }: BarChartProps) {
  const id = useId();
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const max = Math.max(0, ...data.map((d) => d.value));
  const height = data.length * ROW;

  return (
    <figure className={cx("m-0", className)}>
      <figcaption className="mb-3 font-semibold text-ink-900">{title}</figcaption>
      {max === 0 ? (
        <p className="rounded-lg border border-dashed border-ink-300 p-4 text-sm text-ink-600">{emptyText ?? "—"}</p>
      ) : (
        <svg role="img" aria-labelledby={`${titleId} ${descId}`} width="100%" height={height} className="block overflow-visible text-sm">
          <title id={titleId}>{title}</title>
          <desc id={descId}>{description ?? data.map((d) => `${d.label}: ${formatValue(d.value)}`).join(", ")}</desc>
          {data.map((d, i) => {
            const y = i * ROW;
            const pct = (d.value / max) * 100;
            return (
              <g key={d.label}>
                <text x="0" y={y + 18} className="fill-ink-800">
                  {d.label}
                </text>
                <text x="100%" y={y + 18} textAnchor="end" className="fill-ink-900 font-semibold tabular-nums">
                  {formatValue(d.value)}
                </text>
                <rect x="0" y={y + 26} width="100%" height={BAR} rx="4" className="fill-ink-100" />
                {d.value > 0 ? (
                  <rect x="0" y={y + 26} width={`${Math.max(pct, 1)}%`} height={BAR} rx="4" className="fill-brand-600" />
                ) : null}
              </g>
            );
          })}
        </svg>
      )}
      {/* Tables ignore width/height limits, so the visually hidden box is a div around it. */}
      <div className="sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{labelHeader}</th>
              <th scope="col">{valueHeader}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.label}>
                <th scope="row">{d.label}</th>
                <td>{formatValue(d.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
