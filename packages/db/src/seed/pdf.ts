/**
 * A tiny PDF writer for the demo invoices: one A4 page of text and rules in the standard Helvetica
 * fonts (every PDF reader has them, nothing is embedded), WinAnsi-encoded so French and Dutch accents
 * and the euro sign print. Same input, same bytes: no clock, no random ids.
 */

/** A line of text; `x` is its left edge, or its right edge when `align` is "right". Points from bottom left. */
export interface PdfText {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly size?: number;
  readonly bold?: boolean;
  readonly align?: "left" | "right";
  /** 0 (black) to 1 (white). */
  readonly gray?: number;
}

/** A horizontal or any other straight rule. */
export interface PdfRule {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly width?: number;
}

/** A filled rectangle (a shaded band behind a table header). */
export interface PdfBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly gray: number;
}

export interface PdfPage {
  readonly title: string;
  readonly author: string;
  /** PDF date of the Info dictionary, e.g. "D:20261101090000Z" (fixed, so the bytes are too). */
  readonly creationDate: string;
  readonly texts: readonly PdfText[];
  readonly rules?: readonly PdfRule[];
  readonly boxes?: readonly PdfBox[];
}

export const A4 = { width: 595, height: 842 } as const;

// WinAnsiEncoding (Windows-1252) bytes 0x80–0x9F; 0xA0–0xFF are the Latin-1 code points themselves.
const WIN_ANSI_HIGH: Record<string, number> = {
  "€": 0x80, "‚": 0x82, "ƒ": 0x83, "„": 0x84, "…": 0x85, "†": 0x86, "‡": 0x87, "ˆ": 0x88, "‰": 0x89, "Š": 0x8a, "‹": 0x8b, "Œ": 0x8c,
  "Ž": 0x8e, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "•": 0x95, "–": 0x96, "—": 0x97, "˜": 0x98, "™": 0x99, "š": 0x9a, "›": 0x9b,
  "œ": 0x9c, "ž": 0x9e, "Ÿ": 0x9f,
};

/** `text` as WinAnsi bytes (one char per byte); thin and narrow spaces (from Intl) become spaces, the rest "?". */
function winAnsi(text: string): string {
  let out = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0x202f || cp === 0x2009 || cp === 0x00a0) out += " ";
    else if ((cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa1 && cp <= 0xff)) out += ch;
    else if (WIN_ANSI_HIGH[ch] !== undefined) out += String.fromCharCode(WIN_ANSI_HIGH[ch]!);
    else out += "?";
  }
  return out;
}

// Helvetica advance widths (Adobe AFM, thousandths of an em) for the printable ASCII range 0x20–0x7E.
const HELVETICA_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/**
 * The width of `text` in points. Exact for Helvetica in the ASCII range (and for amounts in bold too:
 * digits, separators and the euro sign have the same widths in both); an average beyond it.
 */
export function textWidth(text: string, size: number): number {
  let units = 0;
  for (const ch of winAnsi(text)) {
    const code = ch.charCodeAt(0);
    units += code >= 0x20 && code <= 0x7e ? HELVETICA_WIDTHS[code - 0x20]! : 556;
  }
  return (units * size) / 1000;
}

/** A PDF literal string: WinAnsi bytes with the three special characters escaped. */
function literal(text: string): string {
  return `(${winAnsi(text).replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

function contentStream(page: PdfPage): string {
  const ops: string[] = [];
  for (const b of page.boxes ?? []) ops.push(`${num(b.gray)} g ${num(b.x)} ${num(b.y)} ${num(b.width)} ${num(b.height)} re f`);
  ops.push("0 g");
  for (const r of page.rules ?? []) ops.push(`${num(r.width ?? 0.5)} w ${num(r.x1)} ${num(r.y1)} m ${num(r.x2)} ${num(r.y2)} l S`);
  for (const t of page.texts) {
    const size = t.size ?? 10;
    const x = t.align === "right" ? t.x - textWidth(t.text, size) : t.x;
    ops.push(`BT ${num(t.gray ?? 0)} g /${t.bold ? "F2" : "F1"} ${num(size)} Tf ${num(x)} ${num(t.y)} Td ${literal(t.text)} Tj ET`);
  }
  return `${ops.join("\n")}\n`;
}

/** The bytes of a one-page PDF 1.4 file with a correct cross-reference table. */
export function onePagePdf(page: PdfPage): Uint8Array {
  const stream = contentStream(page);
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${A4.width} ${A4.height}] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}endstream`,
    `<< /Title ${literal(page.title)} /Author ${literal(page.author)} /Producer (Recouvra demo seed) /CreationDate (${page.creationDate}) >>`,
  ];
  // One character per byte throughout (WinAnsi), so string offsets are byte offsets. The second line's
  // high bytes tell transfer tools the file is binary.
  let out = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}

/** What one page of a longer document draws (the document's title, author and date are shared). */
export type PdfPageContent = Pick<PdfPage, "texts" | "rules" | "boxes">;

/** A document of one or more A4 pages. */
export interface PdfDocument {
  readonly title: string;
  readonly author: string;
  /** PDF date of the Info dictionary, e.g. "D:20261101090000Z". */
  readonly creationDate: string;
  /** The software named as the PDF's producer. */
  readonly producer?: string;
  readonly pages: readonly PdfPageContent[];
}

/**
 * The bytes of a PDF 1.4 file of several A4 pages, with the same fonts and drawing as `onePagePdf`.
 * Same input, same bytes.
 */
export function multiPagePdf(doc: PdfDocument): Uint8Array {
  if (doc.pages.length === 0) throw new RangeError("a PDF has at least one page");
  // Objects: 1 catalog, 2 page tree, 3–4 fonts, 5 info, then a page and its content stream per page.
  const pageObject = (i: number) => 6 + 2 * i;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${doc.pages.map((_, i) => `${pageObject(i)} 0 R`).join(" ")}] /Count ${doc.pages.length} >>`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    `<< /Title ${literal(doc.title)} /Author ${literal(doc.author)} /Producer ${literal(doc.producer ?? "Recouvra")} /CreationDate (${doc.creationDate}) >>`,
  ];
  doc.pages.forEach((page, i) => {
    const stream = contentStream({ title: doc.title, author: doc.author, creationDate: doc.creationDate, ...page });
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${A4.width} ${A4.height}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageObject(i) + 1} 0 R >>`,
      `<< /Length ${stream.length} >>\nstream\n${stream}endstream`,
    );
  });
  let out = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}

/** `text` broken into lines no wider than `maxWidth` points at `size` (a word longer than a line is cut). */
export function wrapText(text: string, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/ +/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (textWidth(candidate, size) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      while (textWidth(rest, size) > maxWidth && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && textWidth(rest.slice(0, cut), size) > maxWidth) cut -= 1;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}
