import { Badge, EmptyState, Table, TableBody, TableCaption, TableCell, TableHead, TableHeaderCell, TableRow, type Tone } from "@recouvra/ui";

export interface HistoryLine {
  id: string;
  clientName: string;
  source: string;
  filename: string | null;
  status: string;
  rowCount: number;
  createdCount: number;
  duplicateCount: number;
  rejectedCount: number;
  createdAt: string;
  createdBy: string | null;
}

const STATUS: Record<string, { label: string; tone: Tone }> = {
  pending: { label: "Previewed", tone: "neutral" },
  processing: { label: "Importing", tone: "brand" },
  completed: { label: "Imported", tone: "positive" },
  failed: { label: "Failed", tone: "critical" },
};

/** Past imports of the client(s), newest first. */
export function ImportHistory({ lines, locale, showClient }: { lines: HistoryLine[]; locale: string; showClient: boolean }) {
  const number = new Intl.NumberFormat(locale);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Paris" });
  if (lines.length === 0) return <EmptyState title="No import yet">Files you upload and API placements appear here.</EmptyState>;
  return (
      <Table label="Past imports">
        <TableCaption className="sr-only">Past imports, newest first</TableCaption>
        <TableHead>
          <TableRow>
            <TableHeaderCell>When</TableHeaderCell>
            {showClient ? <TableHeaderCell>Client</TableHeaderCell> : null}
            <TableHeaderCell>File</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell numeric>Rows</TableHeaderCell>
            <TableHeaderCell numeric>Placed</TableHeaderCell>
            <TableHeaderCell numeric>Skipped</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {lines.map((l) => {
            const status = STATUS[l.status] ?? { label: l.status, tone: "neutral" as Tone };
            return (
              <TableRow key={l.id}>
                <TableCell className="whitespace-nowrap">
                  <time dateTime={l.createdAt}>{when.format(new Date(l.createdAt))}</time>
                </TableCell>
                {showClient ? <TableCell>{l.clientName}</TableCell> : null}
                <TableCell className="max-w-[12rem] truncate" title={l.filename ?? undefined}>
                  {l.source === "api" ? "API" : l.filename}
                </TableCell>
                <TableCell>
                  <Badge tone={status.tone}>{status.label}</Badge>
                </TableCell>
                <TableCell numeric>{number.format(l.rowCount)}</TableCell>
                <TableCell numeric>{l.status === "completed" ? number.format(l.createdCount) : "—"}</TableCell>
                <TableCell numeric>{l.status === "completed" ? number.format(l.duplicateCount) : "—"}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
  );
}
