import { useFetcher } from "@remix-run/react";
import { formatMoney } from "@recouvra/domain";
import {
  Alert,
  Button,
  Card,
  ProgressBar,
  Stat,
  StatGrid,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
  buttonClasses,
} from "@recouvra/ui";
import { useEffect, useState } from "react";

export interface PreviewData {
  batchId: string;
  filename: string;
  canCommit: boolean;
  counts: { rows: number; valid: number; invalid: number; alreadyImported: number; newClaims: number; newCases: number; newDebtors: number; matchedDebtors: number; totalCents: number };
  errors: { row: number; column: string; code: string; message: string }[];
  errorTotal: number;
  errorsCsv: string;
}

interface Progress {
  status: string;
  rowsTotal: number;
  rowsProcessed: number;
}

/** What an uploaded file would place, its row errors, and the button that imports it with a progress bar. */
export function ImportPreview({ preview, locale }: { preview: PreviewData; locale: string }) {
  const number = new Intl.NumberFormat(locale);
  const c = preview.counts;
  const commit = useFetcher<{ error?: string }>();
  const [progress, setProgress] = useState<Progress | null>(null);
  const running = commit.state !== "idle";

  // Poll the batch while the commit request runs; the action redirects when it is done. A plain fetch
  // of the resource route, not a fetcher: a fetcher's failure (or one racing the commit's redirect
  // while Remix discovers the route) would replace the whole page with the error boundary, whereas a
  // missed poll only means the bar moves at the next one.
  useEffect(() => {
    if (!running) return;
    let isCurrent = true;
    const poll = async () => {
      try {
        const res = await fetch(`/imports/${preview.batchId}/progress`, { headers: { Accept: "application/json" } });
        if (res.ok && isCurrent) setProgress((await res.json()) as Progress);
      } catch {
        // The next poll will try again; the commit's own response says how it ended.
      }
    };
    const timer = setInterval(poll, 700);
    return () => {
      isCurrent = false;
      clearInterval(timer);
    };
  }, [running, preview.batchId]);

  const processed = progress?.status === "processing" ? progress.rowsProcessed : undefined;
  const errorsHref = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${preview.errorsCsv}`)}`;

  return (
    <section aria-labelledby="preview-heading" className="flex flex-col gap-6">
      <div>
        <h2 id="preview-heading" className="text-xl font-semibold text-ink-900">
          Preview of {preview.filename}
        </h2>
        <p className="text-sm text-ink-600">Nothing has been placed yet. Check the figures and the errors below.</p>
      </div>

      <StatGrid className="grid-cols-2">
        <Stat label="Rows read" value={number.format(c.rows)} hint={`${number.format(c.valid)} valid, ${number.format(c.invalid)} with errors`} />
        <Stat label="New cases" value={number.format(c.newCases)} hint={`${number.format(c.newClaims)} invoices, ${formatMoney(c.totalCents, "EUR", locale)}`} />
        <Stat label="Debtors" value={number.format(c.newDebtors + c.matchedDebtors)} hint={`${number.format(c.matchedDebtors)} already known, ${number.format(c.newDebtors)} new`} />
        <Stat label="Already imported" value={number.format(c.alreadyImported)} hint="Invoices placed before are skipped" />
      </StatGrid>

      {preview.errorTotal > 0 ? (
        <Card
          title={`${number.format(preview.errorTotal)} ${preview.errorTotal === 1 ? "error" : "errors"} to fix`}
          description="Nothing is imported while the file has errors. Correct these rows in your spreadsheet, save it as CSV and upload it again."
          actions={
            <a href={errorsHref} download={`errors-${preview.filename.replace(/\.[^.]+$/, "")}.csv`} className={buttonClasses({ variant: "secondary", size: "sm" })}>
              Download the errors (CSV)
            </a>
          }
        >
          <div className="max-h-[28rem] overflow-auto">
            <Table label="Row errors">
              <TableCaption className="sr-only">Errors found in the file, by row and column</TableCaption>
              <TableHead>
                <TableRow>
                  <TableHeaderCell numeric>Row</TableHeaderCell>
                  <TableHeaderCell>Column</TableHeaderCell>
                  <TableHeaderCell>What is wrong</TableHeaderCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {preview.errors.map((e, i) => (
                  <TableRow key={`${e.row}-${e.code}-${i}`}>
                    <TableCell numeric>{e.row}</TableCell>
                    <TableCell className="font-medium sm:whitespace-nowrap">{e.column}</TableCell>
                    <TableCell className="break-words">{e.message}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {preview.errors.length < preview.errorTotal ? (
            <p className="mt-3 text-sm text-ink-600">
              Showing the first {number.format(preview.errors.length)} of {number.format(preview.errorTotal)} errors.
            </p>
          ) : null}
          <p className="mt-4">
            <a href="#upload" className={buttonClasses({ variant: "primary" })}>
              Fix the file and upload again
            </a>
          </p>
        </Card>
      ) : preview.canCommit ? (
        <Card title="Ready to import" description={`Every row is valid. ${number.format(c.newCases)} cases will be opened at stage “New”.`}>
          <commit.Form method="post" className="flex flex-col gap-4">
            <input type="hidden" name="intent" value="commit" />
            <input type="hidden" name="batchId" value={preview.batchId} />
            {running ? (
              <ProgressBar
                label="Importing…"
                value={processed}
                max={c.rows}
                valueText={processed === undefined ? "Starting" : processed >= c.rows ? "Writing the cases" : `${number.format(processed)} of ${number.format(c.rows)} rows`}
              />
            ) : null}
            {commit.data?.error ? (
              <Alert tone="critical" live="alert" title="The import did not go through">
                <p>{commit.data.error}</p>
              </Alert>
            ) : null}
            <div>
              <Button type="submit" disabled={running} className="w-full sm:w-auto">
                {running ? "Importing…" : `Import ${number.format(c.newCases)} ${c.newCases === 1 ? "case" : "cases"}`}
              </Button>
            </div>
          </commit.Form>
        </Card>
      ) : (
        <Alert tone="info" title="Nothing new to import">
          <p>Every invoice in this file has already been placed. Re-uploading a file never places an invoice twice.</p>
        </Alert>
      )}
    </section>
  );
}
