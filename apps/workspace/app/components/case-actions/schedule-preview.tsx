import { Alert, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@recouvra/ui";
import { money } from "~/utils/case-actions.ts";
import { formatDay } from "~/utils/case-file.ts";

export interface ScheduleLine {
  seq: number;
  dueOn: string;
  amountCents: number;
  isDownPayment: boolean;
}

/** The instalments a plan would have, and whether the client's policy lets it start at once. */
export function SchedulePreview({
  preview,
  currency,
  locale,
}: {
  preview: { outcome: "active" | "approval"; schedule: ScheduleLine[]; reasons: { code: string; message: string }[]; counterSchedule: ScheduleLine[] | null; approver: string };
  currency: string;
  locale: string;
}) {
  return (
    <div className="flex flex-col gap-3" aria-live="polite">
      {preview.outcome === "active" ? (
        <Alert tone="positive" title="Within the client's policy">
          The plan starts as soon as you record it.
        </Alert>
      ) : (
        <Alert tone="caution" title={`Needs approval by the ${preview.approver === "client" ? "client" : "supervisor"}`}>
          <ul className="list-disc pl-5">
            {preview.reasons.map((r) => (
              <li key={r.code}>{r.message}</li>
            ))}
          </ul>
        </Alert>
      )}
      <Lines title="Instalments" lines={preview.schedule} currency={currency} locale={locale} />
      {preview.counterSchedule ? <Lines title="The closest plan the policy allows" lines={preview.counterSchedule} currency={currency} locale={locale} /> : null}
    </div>
  );
}

function Lines({ title, lines, currency, locale }: { title: string; lines: ScheduleLine[]; currency: string; locale: string }) {
  const shown = lines.length > 8 ? [...lines.slice(0, 6), ...lines.slice(-1)] : lines;
  return (
    <div>
      <p className="mb-1 text-sm font-semibold text-ink-800">
        {title} ({lines.length})
      </p>
      <Table label={title}>
        <TableHead>
          <TableRow>
            <TableHeaderCell>#</TableHeaderCell>
            <TableHeaderCell>Due</TableHeaderCell>
            <TableHeaderCell numeric>Amount</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map((l) => (
            <TableRow key={l.seq}>
              <TableCell>{l.isDownPayment ? "Down" : l.seq}</TableCell>
              <TableCell>{formatDay(l.dueOn, locale)}</TableCell>
              <TableCell numeric>{money(l.amountCents, currency, locale)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {shown.length < lines.length ? <p className="mt-1 text-xs text-ink-600">{lines.length - shown.length} more instalments not shown.</p> : null}
    </div>
  );
}
