/**
 * The small PDF writer of the demo invoices, for documents the platform generates (a payment plan
 * agreement): A4 pages of text and rules in the standard Helvetica fonts, deterministic bytes.
 */
export { A4, multiPagePdf, onePagePdf, textWidth, wrapText, type PdfBox, type PdfDocument, type PdfPage, type PdfPageContent, type PdfRule, type PdfText } from "./seed/pdf.ts";
