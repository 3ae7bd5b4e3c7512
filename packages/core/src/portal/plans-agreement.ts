/**
 * The payment plan agreement a debtor receives when accepting a plan in the portal: a PDF with the
 * parties, the acknowledgment of debt exactly as accepted, every instalment, and when, from where and
 * on which offer it was accepted. Its words are the debtor's language; its bytes depend only on its input.
 */
import { A4, multiPagePdf, wrapText, type PdfBox, type PdfPageContent, type PdfRule, type PdfText } from "@recouvra/db/pdf";
import { formatMoney, type Instalment, type IsoDate, type Locale } from "@recouvra/domain";

/** What the agreement shows. */
export interface PlanAgreementInput {
  language: Locale;
  /** BCP 47 tag amounts and dates are written with (the acknowledgment's). */
  formatLocale: string;
  agency: { name: string; legalName: string | null; address: string | null; registrationNumber: string | null } | null;
  creditorName: string;
  debtorName: string;
  reference: string;
  currency: string;
  totalCents: number;
  schedule: readonly Instalment[];
  acknowledgmentText: string;
  acceptedAt: Date;
  ip: string | null;
  fingerprint: string;
}

interface AgreementWords {
  title: string;
  file: (reference: string) => string;
  creditor: string;
  debtor: string;
  agency: string;
  acknowledgment: string;
  schedule: string;
  number: string;
  dueOn: string;
  amount: string;
  downPayment: string;
  total: string;
  accepted: (when: string, ip: string | null) => string;
  offer: (fingerprint: string) => string;
  page: (n: number, of: number) => string;
  continued: string;
  filename: string;
}

const WORDS: Record<Locale, AgreementWords> = {
  fr: {
    title: "Accord d'échéancier",
    file: (reference) => `Dossier ${reference}`,
    creditor: "Créancier",
    debtor: "Débiteur",
    agency: "Dossier géré par",
    acknowledgment: "Reconnaissance de dette",
    schedule: "Échéancier",
    number: "N°",
    dueOn: "Échéance",
    amount: "Montant",
    downPayment: "(premier versement)",
    total: "Total",
    accepted: (when, ip) => `Accepté en ligne par le débiteur le ${when}${ip ? ` depuis l'adresse IP ${ip}` : ""}.`,
    offer: (fingerprint) => `Référence de l'offre acceptée : ${fingerprint}`,
    page: (n, of) => `Page ${n} sur ${of}`,
    continued: "(suite)",
    filename: "accord-echeancier",
  },
  nl: {
    title: "Overeenkomst betalingsregeling",
    file: (reference) => `Dossier ${reference}`,
    creditor: "Schuldeiser",
    debtor: "Schuldenaar",
    agency: "Dossier beheerd door",
    acknowledgment: "Schuldbekentenis",
    schedule: "Afbetalingsplan",
    number: "Nr.",
    dueOn: "Vervaldag",
    amount: "Bedrag",
    downPayment: "(eerste betaling)",
    total: "Totaal",
    accepted: (when, ip) => `Online aanvaard door de schuldenaar op ${when}${ip ? ` vanaf IP-adres ${ip}` : ""}.`,
    offer: (fingerprint) => `Referentie van het aanvaarde aanbod: ${fingerprint}`,
    page: (n, of) => `Pagina ${n} van ${of}`,
    continued: "(vervolg)",
    filename: "overeenkomst-betalingsregeling",
  },
  en: {
    title: "Payment plan agreement",
    file: (reference) => `File ${reference}`,
    creditor: "Creditor",
    debtor: "Debtor",
    agency: "File handled by",
    acknowledgment: "Acknowledgment of debt",
    schedule: "Instalments",
    number: "No.",
    dueOn: "Due on",
    amount: "Amount",
    downPayment: "(first payment)",
    total: "Total",
    accepted: (when, ip) => `Accepted online by the debtor on ${when}${ip ? ` from IP address ${ip}` : ""}.`,
    offer: (fingerprint) => `Reference of the offer accepted: ${fingerprint}`,
    page: (n, of) => `Page ${n} of ${of}`,
    continued: "(continued)",
    filename: "payment-plan-agreement",
  },
};

/** The file name the agreement is stored and downloaded under, e.g. "accord-echeancier-RC-2027-000123.pdf". */
export function planAgreementFilename(language: Locale, reference: string): string {
  return `${WORDS[language].filename}-${reference.replace(/[^A-Za-z0-9-]/g, "_")}.pdf`;
}

const MARGIN = 56;
const RIGHT = A4.width - MARGIN;
const WIDTH = RIGHT - MARGIN;
const BOTTOM = 72;
const BODY = 10;
const LEADING = 14;
const ROW = 17;

/** "D:YYYYMMDDHHmmSSZ" for the PDF's Info dictionary. */
function pdfDate(at: Date): string {
  return `D:${at.toISOString().replace(/[-:T]/g, "").slice(0, 14)}Z`;
}

/** The PDF bytes of a plan agreement. */
export function planAgreementPdf(input: PlanAgreementInput): Uint8Array {
  const w = WORDS[input.language];
  const money = (cents: number) => formatMoney(cents, input.currency, input.formatLocale);
  const date = (d: IsoDate) =>
    new Intl.DateTimeFormat(input.formatLocale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${d}T12:00:00Z`));
  // The agency works from Brussels: the moment of acceptance is told in its time.
  const when = new Intl.DateTimeFormat(input.formatLocale, { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Brussels" }).format(input.acceptedAt);

  type Page = { texts: PdfText[]; rules: PdfRule[]; boxes: PdfBox[] };
  const pages: Page[] = [];
  let page: Page = { texts: [], rules: [], boxes: [] };
  pages.push(page);
  let y = A4.height - MARGIN;

  const newPage = () => {
    page = { texts: [], rules: [], boxes: [] };
    pages.push(page);
    y = A4.height - MARGIN;
    page.texts.push({ x: MARGIN, y, text: `${w.title} — ${w.file(input.reference)} ${w.continued}`, size: 9, gray: 0.35 });
    y -= 28;
  };
  const ensure = (height: number) => {
    if (y - height < BOTTOM) newPage();
  };
  const paragraph = (text: string, size = BODY, options: { bold?: boolean; gray?: number } = {}) => {
    for (const line of wrapText(text, size, WIDTH)) {
      ensure(LEADING);
      page.texts.push({ x: MARGIN, y, text: line, size, ...options });
      y -= size + 4;
    }
  };

  if (input.agency) {
    page.texts.push({ x: MARGIN, y, text: input.agency.legalName ?? input.agency.name, size: 10, bold: true });
    y -= 13;
    for (const line of [input.agency.address, input.agency.registrationNumber].filter((l): l is string => Boolean(l))) {
      page.texts.push({ x: MARGIN, y, text: line, size: 8.5, gray: 0.35 });
      y -= 11;
    }
  }
  y -= 22;
  page.texts.push({ x: MARGIN, y, text: w.title, size: 18, bold: true });
  y -= 20;
  page.texts.push({ x: MARGIN, y, text: w.file(input.reference), size: 11, gray: 0.3 });
  y -= 28;

  const parties: [string, string][] = [
    [w.creditor, input.creditorName],
    [w.debtor, input.debtorName],
    ...(input.agency ? ([[w.agency, input.agency.name]] as [string, string][]) : []),
  ];
  for (const [label, value] of parties) {
    page.texts.push({ x: MARGIN, y, text: label, size: 9, gray: 0.35 });
    page.texts.push({ x: MARGIN + 130, y, text: value, size: BODY, bold: true });
    y -= 16;
  }
  y -= 16;

  page.texts.push({ x: MARGIN, y, text: w.acknowledgment, size: 12, bold: true });
  y -= 18;
  paragraph(input.acknowledgmentText);
  y -= 18;

  ensure(ROW * 3);
  page.texts.push({ x: MARGIN, y, text: w.schedule, size: 12, bold: true });
  y -= 20;
  const header = () => {
    page.boxes.push({ x: MARGIN, y: y - 5, width: WIDTH, height: ROW, gray: 0.93 });
    page.texts.push({ x: MARGIN + 6, y, text: w.number, size: 9, bold: true });
    page.texts.push({ x: MARGIN + 60, y, text: w.dueOn, size: 9, bold: true });
    page.texts.push({ x: RIGHT - 6, y, text: w.amount, size: 9, bold: true, align: "right" });
    y -= ROW;
  };
  header();
  for (const line of input.schedule) {
    if (y - ROW < BOTTOM) {
      newPage();
      header();
    }
    page.texts.push({ x: MARGIN + 6, y, text: String(line.seq), size: BODY });
    page.texts.push({ x: MARGIN + 60, y, text: line.isDownPayment ? `${date(line.dueOn)} ${w.downPayment}` : date(line.dueOn), size: BODY });
    page.texts.push({ x: RIGHT - 6, y, text: money(line.amountCents), size: BODY, align: "right" });
    page.rules.push({ x1: MARGIN, y1: y - 5, x2: RIGHT, y2: y - 5, width: 0.25 });
    y -= ROW;
  }
  ensure(ROW);
  page.texts.push({ x: MARGIN + 6, y, text: w.total, size: BODY, bold: true });
  page.texts.push({ x: RIGHT - 6, y, text: money(input.totalCents), size: BODY, bold: true, align: "right" });
  y -= ROW + 16;

  paragraph(w.accepted(when, input.ip), 9, { gray: 0.25 });
  paragraph(w.offer(input.fingerprint), 8.5, { gray: 0.4 });

  const contents: PdfPageContent[] = pages.map((p, i) => {
    const label = w.page(i + 1, pages.length);
    return { texts: [...p.texts, { x: RIGHT, y: 40, text: label, size: 8, gray: 0.4, align: "right" }], rules: p.rules, boxes: p.boxes };
  });
  return multiPagePdf({ title: `${w.title} — ${input.reference}`, author: input.agency?.name ?? input.creditorName, creationDate: pdfDate(input.acceptedAt), pages: contents });
}
