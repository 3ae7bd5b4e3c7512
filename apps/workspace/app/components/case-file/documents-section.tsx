import { Link } from "@remix-run/react";
import type { CaseFile } from "@recouvra/core";
import { buttonClasses, EmptyState, Table, TableBody, TableCaption, TableCell, TableHead, TableHeaderCell, TableRow } from "@recouvra/ui";
import { formatBytes, formatInstant } from "~/utils/case-file.ts";
import { documentHref, documentKindLabel } from "~/utils/documents.ts";

const TYPE_WORDS: Record<string, string> = { "application/pdf": "PDF", "image/png": "PNG", "image/jpeg": "JPEG", "text/plain": "Text", "text/csv": "CSV" };

/** The link to one document: a browser shows PDF and images itself, and saves text and CSV files. */
export function DocumentLink({ id, filename, mimeType }: { id: string; filename: string; mimeType: string }) {
  const isShownInBrowser = mimeType === "application/pdf" || mimeType.startsWith("image/");
  return (
    <a href={documentHref(id)} className="break-all font-medium" download={isShownInBrowser ? undefined : filename}>
      {filename}
    </a>
  );
}

/** Files of the case: invoices, letters sent, proof from the debtor, dossiers; each one opens or downloads. */
export function DocumentsSection({ file, locale }: { file: CaseFile; locale: string }) {
  const add = (
    <Link to={`/cases/${file.header.caseId}/documents`} preventScrollReset className={buttonClasses({ variant: "secondary", size: "sm" })}>
      Add a document
    </Link>
  );
  if (file.documents.length === 0) {
    return (
      <EmptyState title="No documents" action={add}>
        Invoices, letters and proof attached to the case appear here.
      </EmptyState>
    );
  }
  const invoiceOf = new Map(file.claims.map((c) => [c.id, c.invoiceNumber]));
  return (
    <div className="flex flex-col gap-3">
      <Table label="Documents">
        <TableCaption>Documents of the case, newest first</TableCaption>
        <TableHead>
          <TableRow>
            <TableHeaderCell>File</TableHeaderCell>
            <TableHeaderCell>Kind</TableHeaderCell>
            <TableHeaderCell>Added</TableHeaderCell>
            <TableHeaderCell numeric>Size</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {file.documents.map((d) => (
            <TableRow key={d.id}>
              <TableCell className="min-w-48">
                <DocumentLink id={d.id} filename={d.filename} mimeType={d.mimeType} />
                <span className="block text-sm text-ink-600">
                  {TYPE_WORDS[d.mimeType] ?? d.mimeType}
                  {d.claimId && invoiceOf.get(d.claimId) ? ` · invoice ${invoiceOf.get(d.claimId)}` : ""}
                  {d.disputeId ? " · sent by the debtor with a dispute" : ""}
                </span>
              </TableCell>
              <TableCell>{documentKindLabel(d.kind)}</TableCell>
              <TableCell className="whitespace-nowrap">{formatInstant(d.createdAt, locale)}</TableCell>
              <TableCell numeric className="whitespace-nowrap">
                {formatBytes(d.sizeBytes)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div>{add}</div>
    </div>
  );
}
