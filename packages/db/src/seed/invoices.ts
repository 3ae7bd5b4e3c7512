/**
 * The invoice behind every seeded claim, as the creditor would have attached it at placement: a
 * one-page PDF in the creditor's language (number, dates, amount, creditor and debtor), its `documents`
 * row, its bytes in `stored_files` and the `document.uploaded` event, at the instant the case was placed.
 */
import type { IsoDate } from "@recouvra/domain";
import { createHash } from "node:crypto";
import type { NewClient, NewContactPoint, NewDebtor, NewDocument, storedFiles } from "../schema/index.ts";
import { A4, onePagePdf, type PdfText } from "./pdf.ts";
import type { AuditDraft, SeedCase } from "./story.ts";

export type NewStoredFile = typeof storedFiles.$inferInsert;

interface Words {
  readonly title: string;
  readonly number: string;
  readonly issued: string;
  readonly due: string;
  readonly customer: string;
  readonly billTo: string;
  readonly item: string;
  readonly amount: string;
  readonly total: string;
  readonly payBy: (due: string) => string;
  readonly transfer: (iban: string, invoice: string) => string;
  readonly vat: string;
  readonly demo: string;
  readonly locale: string;
  readonly date: (d: IsoDate) => string;
}

const dmy = (separator: string) => (d: IsoDate) => `${d.slice(8, 10)}${separator}${d.slice(5, 7)}${separator}${d.slice(0, 4)}`;

const WORDS: Record<string, Words> = {
  fr: {
    title: "FACTURE",
    number: "Facture n°",
    issued: "Date d'émission",
    due: "Date d'échéance",
    customer: "N° client",
    billTo: "Facturé à",
    item: "Désignation",
    amount: "Montant",
    total: "Total à payer",
    payBy: (due) => `À régler au plus tard le ${due}.`,
    transfer: (iban, invoice) => `Par virement sur le compte ${iban}, en indiquant la référence ${invoice}.`,
    vat: "TVA",
    demo: "Données fictives : document de démonstration de Recouvra.",
    locale: "fr-FR",
    date: dmy("/"),
  },
  nl: {
    title: "FACTUUR",
    number: "Factuurnummer",
    issued: "Factuurdatum",
    due: "Vervaldatum",
    customer: "Klantnummer",
    billTo: "Factuur aan",
    item: "Omschrijving",
    amount: "Bedrag",
    total: "Totaal te betalen",
    payBy: (due) => `Te betalen uiterlijk op ${due}.`,
    transfer: (iban, invoice) => `Per overschrijving op rekening ${iban}, onder vermelding van ${invoice}.`,
    vat: "Btw",
    demo: "Fictieve gegevens: demonstratiedocument van Recouvra.",
    locale: "nl-NL",
    date: dmy("-"),
  },
  en: {
    title: "INVOICE",
    number: "Invoice number",
    issued: "Issue date",
    due: "Due date",
    customer: "Customer number",
    billTo: "Bill to",
    item: "Description",
    amount: "Amount",
    total: "Total due",
    payBy: (due) => `Payable by ${due} at the latest.`,
    transfer: (iban, invoice) => `By bank transfer to ${iban}, quoting ${invoice}.`,
    vat: "VAT",
    demo: "Fictitious data: a Recouvra demonstration document.",
    locale: "en-GB",
    date: (d) => d,
  },
};

// One formatter per locale and currency: building an Intl.NumberFormat costs more than formatting with it.
const formats = new Map<string, Intl.NumberFormat>();
function moneyFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}/${currency}`;
  if (!formats.has(key)) formats.set(key, new Intl.NumberFormat(locale, { style: "currency", currency }));
  return formats.get(key)!;
}

/** "FR7630006000011234567890189" → "FR76 3000 6000 0112 3456 7890 189". */
const groupedIban = (iban: string) => iban.replace(/(.{4})(?=.)/g, "$1 ");

function debtorName(d: NewDebtor): string {
  return d.kind === "company" ? (d.companyName ?? "") : [d.firstName, d.lastName].filter(Boolean).join(" ");
}

/** The PDF of one invoice. */
export function invoicePdf(input: {
  client: NewClient;
  debtor: NewDebtor;
  address: NewContactPoint | undefined;
  invoiceNumber: string;
  issuedOn: IsoDate;
  dueOn: IsoDate;
  principalCents: number;
  currency: string;
  description: string | null;
}): Uint8Array {
  const w = WORDS[input.client.defaultLocale ?? "en"] ?? WORDS.en!;
  const money = moneyFormat(w.locale, input.currency).format(input.principalCents / 100);
  const left = 56;
  const right = A4.width - 56;
  const [street, ...rest] = (input.client.address ?? "").split(", ");
  const gray = 0.35;
  const texts: PdfText[] = [
    { x: left, y: 780, text: input.client.legalName ?? input.client.name, size: 16, bold: true },
    { x: left, y: 763, text: street ?? "", size: 9, gray },
    { x: left, y: 751, text: rest.join(", "), size: 9, gray },
    { x: left, y: 739, text: [input.client.vatNumber ? `${w.vat} ${input.client.vatNumber}` : "", input.client.registrationNumber ?? ""].filter(Boolean).join(" · "), size: 9, gray },
    { x: right, y: 776, text: w.title, size: 22, bold: true, align: "right" },

    { x: left, y: 690, text: w.billTo, size: 9, bold: true, gray },
    { x: left, y: 674, text: debtorName(input.debtor), size: 11, bold: true },
    { x: left, y: 660, text: input.address?.line1 ?? "", size: 10 },
    { x: left, y: 647, text: [input.address?.postalCode, input.address?.city].filter(Boolean).join(" "), size: 10 },
  ];
  const facts: [string, string][] = [
    [w.number, input.invoiceNumber],
    [w.issued, w.date(input.issuedOn)],
    [w.due, w.date(input.dueOn)],
    ...(input.debtor.externalRef ? [[w.customer, input.debtor.externalRef] as [string, string]] : []),
  ];
  facts.forEach(([label, value], i) => {
    texts.push({ x: 340, y: 690 - i * 16, text: label, size: 9, gray }, { x: right, y: 690 - i * 16, text: value, size: 10, align: "right", bold: i === 0 });
  });
  const tableTop = 590;
  texts.push(
    { x: left + 8, y: tableTop + 6, text: w.item, size: 9, bold: true },
    { x: right - 8, y: tableTop + 6, text: w.amount, size: 9, bold: true, align: "right" },
    { x: left + 8, y: tableTop - 20, text: input.description ?? input.invoiceNumber, size: 10 },
    { x: right - 8, y: tableTop - 20, text: money, size: 10, align: "right" },
    { x: 340, y: tableTop - 58, text: w.total, size: 11, bold: true },
    { x: right - 8, y: tableTop - 58, text: money, size: 11, bold: true, align: "right" },
    { x: left, y: 470, text: w.payBy(w.date(input.dueOn)), size: 9 },
    ...(input.client.iban ? [{ x: left, y: 457, text: w.transfer(groupedIban(input.client.iban), input.invoiceNumber), size: 9 }] : []),
    { x: left, y: 58, text: w.demo, size: 8, gray: 0.45 },
  );
  return onePagePdf({
    title: `${w.title} ${input.invoiceNumber}`,
    author: input.client.legalName ?? input.client.name,
    creationDate: `D:${input.issuedOn.replaceAll("-", "")}090000Z`,
    texts,
    boxes: [{ x: left, y: tableTop, width: right - left, height: 20, gray: 0.92 }],
    rules: [
      { x1: left, y1: tableTop - 34, x2: right, y2: tableTop - 34 },
      { x1: 340, y1: tableTop - 66, x2: right, y2: tableTop - 66, width: 1 },
      { x1: left, y1: 72, x2: right, y2: 72, width: 0.3 },
    ],
  });
}

/** A version-4-shaped uuid derived from `label`, so a seeded row keeps its id without drawing randomness. */
function uuidFrom(label: string): string {
  const h = createHash("sha256").update(label).digest("hex").slice(0, 32).split("");
  h[12] = "4";
  h[16] = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = h.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** Invoice documents for every claim of every case, with their bytes and audit events. */
export function buildInvoiceDocuments(plan: {
  clients: readonly NewClient[];
  debtors: readonly NewDebtor[];
  contactPoints: readonly NewContactPoint[];
  cases: readonly SeedCase[];
}): { documents: NewDocument[]; files: NewStoredFile[]; audit: AuditDraft[] } {
  const clientById = new Map(plan.clients.map((c) => [c.id!, c]));
  const debtorById = new Map(plan.debtors.map((d) => [d.id!, d]));
  const addressOf = new Map<string, NewContactPoint>();
  for (const p of plan.contactPoints) if (p.kind === "address" && !addressOf.has(p.debtorId)) addressOf.set(p.debtorId, p);
  const documents: NewDocument[] = [];
  const files: NewStoredFile[] = [];
  const audit: AuditDraft[] = [];
  for (const c of plan.cases) {
    const placed = c.audit.find((e) => e.action === "case.placed");
    if (!placed) continue;
    const client = clientById.get(c.row.clientId)!;
    const debtor = debtorById.get(c.row.debtorId)!;
    for (const claim of c.rows.claims) {
      const bytes = invoicePdf({
        client,
        debtor,
        address: addressOf.get(debtor.id!),
        invoiceNumber: claim.invoiceNumber,
        issuedOn: claim.issuedOn,
        dueOn: claim.dueOn,
        principalCents: claim.principalCents,
        currency: claim.currency ?? "EUR",
        description: claim.description ?? null,
      });
      const id = uuidFrom(`recouvra-seed:document:${claim.id}`);
      const storageKey = `documents/${c.row.clientId}/${id}`;
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const filename = `${claim.invoiceNumber}.pdf`;
      documents.push({
        id,
        clientId: c.row.clientId,
        caseId: c.row.id!,
        claimId: claim.id!,
        kind: "invoice",
        filename,
        mimeType: "application/pdf",
        sizeBytes: bytes.length,
        sha256,
        storageKey,
        // Placed through the API: no person uploaded it.
        uploadedByUserId: placed.actorKind === "user" ? placed.actorId : null,
        createdAt: placed.occurredAt,
      });
      files.push({ key: storageKey, bytes, createdAt: placed.occurredAt });
      audit.push({
        ...placed,
        action: "document.uploaded",
        entityType: "document",
        entityId: id,
        data: { kind: "invoice", filename, mimeType: "application/pdf", sizeBytes: bytes.length, sha256, claimId: claim.id, byRole: "client" },
      });
    }
  }
  return { documents, files, audit };
}
