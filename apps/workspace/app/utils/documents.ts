/** Words and links of the documents of a case (safe in the browser bundle). */
import type { DocumentKind } from "@recouvra/domain";

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  invoice: "Invoice",
  contract: "Contract",
  formal_notice: "Formal notice",
  letter: "Letter",
  plan_agreement: "Payment plan agreement",
  receipt: "Receipt or proof of payment",
  dispute_evidence: "Dispute evidence",
  legal_dossier: "Legal dossier",
  remittance_statement: "Remittance statement",
  other: "Other",
};

/** The label of a stored kind, or the kind itself for one this app does not know yet. */
export function documentKindLabel(kind: string): string {
  return DOCUMENT_KIND_LABELS[kind as DocumentKind] ?? kind;
}

/** Where a document is downloaded (the resource route `documents.$documentId`). */
export function documentHref(documentId: string): string {
  return `/documents/${documentId}`;
}

/** What the file input accepts: the extensions and types the server accepts too. */
export const DOCUMENT_ACCEPT = ".pdf,.png,.jpg,.jpeg,.txt,.csv,application/pdf,image/png,image/jpeg,text/plain,text/csv";
