/**
 * Files placed with a case: which kinds and types are accepted, what a file really is (its first bytes,
 * not the name or type the browser sent), the name it is kept under, and how it is handed back.
 * A document is evidence (an invoice, a letter sent, proof of payment), so nothing is taken on trust.
 */
import { DOCUMENT_KINDS, type DocumentKind } from "./vocabulary.ts";

/** Largest file a case accepts: scanned invoices and contracts fit; archives and videos do not. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** The types a case accepts, as stored in `documents.mime_type`. */
export const DOCUMENT_MIME_TYPES = ["application/pdf", "image/png", "image/jpeg", "text/plain", "text/csv"] as const;
export type DocumentMimeType = (typeof DOCUMENT_MIME_TYPES)[number];

/** What a file's bytes show it to be. */
export type SniffedContent = "pdf" | "png" | "jpeg" | "text";

const CONTENT_WORDS: Record<SniffedContent, string> = { pdf: "a PDF", png: "a PNG image", jpeg: "a JPEG image", text: "a text file" };

// The extensions each content may carry; the first one is added to a name that has none.
const EXTENSIONS: Record<SniffedContent, readonly string[]> = {
  pdf: [".pdf"],
  png: [".png"],
  jpeg: [".jpg", ".jpeg"],
  text: [".txt", ".csv"],
};

// Types browsers and mail clients declare for the same content (image/pjpeg: old Internet Explorer).
const DECLARED_CONTENT: Record<string, SniffedContent> = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpeg",
  "image/jpg": "jpeg",
  "image/pjpeg": "jpeg",
  "text/plain": "text",
  "text/csv": "text",
};

/** The kinds a client creditor adds to its own cases; the agency's own papers (notices, dossiers) are the agency's. */
export const CLIENT_DOCUMENT_KINDS = ["invoice", "contract", "receipt", "other"] as const satisfies readonly DocumentKind[];

/** The kinds the agency's staff add to a case; remittance statements belong to a client, not to a case. */
export const STAFF_DOCUMENT_KINDS = DOCUMENT_KINDS.filter((k) => k !== "remittance_statement");

/** The kinds `uploader` may add to a case. */
export function uploadableDocumentKinds(uploader: "staff" | "client"): readonly DocumentKind[] {
  return uploader === "client" ? CLIENT_DOCUMENT_KINDS : STAFF_DOCUMENT_KINDS;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

/**
 * What `bytes` are, from their signature: PDF, PNG or JPEG by their magic bytes, text when no byte is a
 * control character other than tab, line breaks and form feed (executables, archives and office files
 * all contain NUL or other control bytes). Null for anything else, and for an empty file.
 */
export function sniffDocumentContent(bytes: Uint8Array): SniffedContent | null {
  if (bytes.length === 0) return null;
  if (startsWith(bytes, PDF)) return "pdf";
  if (startsWith(bytes, PNG)) return "png";
  if (startsWith(bytes, JPEG)) return "jpeg";
  for (const b of bytes) {
    // Tab, LF, VT, FF, CR, and SUB, which old DOS tools write at the end of a text file.
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1a) || b === 0x7f) return null;
  }
  return "text";
}

/** True when `bytes` are well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF). */
export function isUtf8(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return false;
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k += 1) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}

/**
 * The charset a text document is served with: UTF-8 when its bytes are UTF-8, otherwise Windows-1252,
 * which is what spreadsheet exports from Excel and accounting software in FR, BE and NL use.
 */
export function textCharsetOf(bytes: Uint8Array): "utf-8" | "windows-1252" {
  return isUtf8(bytes) ? "utf-8" : "windows-1252";
}

// Names Windows reserves for devices: a file saved as "CON.pdf" cannot be opened there.
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
// Bidirectional controls let "invoice\u202Efdp.exe" display as "invoiceexe.pdf"; zero-width characters hide in names.
// eslint-disable-next-line no-control-regex -- control characters are exactly what a filename must lose.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;
const MAX_FILENAME_LENGTH = 150;

/** The extension of `filename`, lower-case with its dot (".pdf"), or "" when it has none. */
export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf(".");
  return dot > 0 && dot < filename.length - 1 ? filename.slice(dot).toLowerCase() : "";
}

/**
 * A name safe to store, show and send back in a header: no folders, no control or invisible characters,
 * none of the characters Windows refuses, no leading dots, at most 150 characters with the extension
 * kept. "document" when nothing is left.
 */
export function sanitiseFilename(raw: string): string {
  // Old browsers send the whole path of the file on the uploader's machine.
  const base = raw.split(/[/\\]/).pop() ?? "";
  let name = base
    .normalize("NFC")
    .replace(/\s+/gu, " ")
    .replace(INVISIBLE, "")
    // A lone surrogate cannot be encoded in UTF-8 (the header's filename* would throw).
    .replace(/\p{Cs}/gu, "")
    .replace(/ {2,}/g, " ")
    .replace(/[<>:"|?*]/g, "_")
    .trim()
    .replace(/^[.\s]+/, "")
    .replace(/[.\s]+$/, "");
  if (WINDOWS_DEVICE.test(name)) name = `_${name}`;
  const chars = [...name];
  if (chars.length > MAX_FILENAME_LENGTH) {
    const extension = extensionOf(name);
    const keep = extension.length > 0 && extension.length <= 10 ? [...extension] : [];
    name = chars.slice(0, MAX_FILENAME_LENGTH - keep.length).join("").replace(/[.\s]+$/, "") + keep.join("");
  }
  return name === "" ? "document" : name;
}

/** A file accepted for a case: the name and type it is stored and served under. */
export interface AcceptedDocument {
  readonly ok: true;
  readonly filename: string;
  readonly mimeType: DocumentMimeType;
}

/** A file refused, with a sentence for the person who chose it. */
export interface RefusedDocument {
  readonly ok: false;
  readonly message: string;
}

const ACCEPTED_WORDS = "Only PDF, PNG, JPEG, plain text and CSV files can be added";

/**
 * Decides whether a file may be added to a case and under which type. The bytes decide what the file
 * is; the extension and the type the browser declared must agree with them (an executable renamed
 * "invoice.pdf" is refused, as is a PNG named ".pdf"). A name without an extension gets the right one.
 * Declared types outside the accepted ones (application/octet-stream, Excel's CSV type) are ignored:
 * browsers send what the uploader's machine guesses.
 */
export function acceptDocument(file: { filename: string; declaredType?: string | null; bytes: Uint8Array }): AcceptedDocument | RefusedDocument {
  const filename = sanitiseFilename(file.filename);
  if (file.bytes.length === 0) return { ok: false, message: `${filename} is empty: choose the file again.` };
  if (file.bytes.length > MAX_DOCUMENT_BYTES) return { ok: false, message: `${filename} is larger than 10 MB.` };
  const extension = extensionOf(filename);
  const claimed = (Object.keys(EXTENSIONS) as SniffedContent[]).find((c) => EXTENSIONS[c].includes(extension));
  if (extension !== "" && !claimed) return { ok: false, message: `${ACCEPTED_WORDS}; ${filename} is not one of them.` };
  const content = sniffDocumentContent(file.bytes);
  if (!content) {
    return { ok: false, message: claimed ? `${filename} is not really ${CONTENT_WORDS[claimed]}: its content is of another type. ${ACCEPTED_WORDS}.` : `${ACCEPTED_WORDS}.` };
  }
  if (claimed && claimed !== content) return { ok: false, message: `${filename} is named as ${CONTENT_WORDS[claimed]} but its content is ${CONTENT_WORDS[content]}: rename it or choose the right file.` };
  const declaredType = (file.declaredType ?? "").split(";")[0]!.trim().toLowerCase();
  const declared = DECLARED_CONTENT[declaredType];
  if (declared && declared !== content) return { ok: false, message: `${filename} was sent as ${CONTENT_WORDS[declared]} but its content is ${CONTENT_WORDS[content]}.` };
  const named = extension === "" ? `${filename}${EXTENSIONS[content][0]}` : filename;
  return { ok: true, filename: named, mimeType: mimeTypeOf(content, extension, declaredType) };
}

function mimeTypeOf(content: SniffedContent, extension: string, declaredType: string): DocumentMimeType {
  switch (content) {
    case "pdf":
      return "application/pdf";
    case "png":
      return "image/png";
    case "jpeg":
      return "image/jpeg";
    case "text":
      return extension === ".csv" || (extension === "" && declaredType === "text/csv") ? "text/csv" : "text/plain";
  }
}

/** True for the types a browser may show in the page itself (PDF and images); anything else is downloaded. */
export function isInlineDocumentType(mimeType: string): boolean {
  return mimeType === "application/pdf" || mimeType === "image/png" || mimeType === "image/jpeg";
}

// RFC 5987 attr-char: what may stand unescaped in `filename*`.
const encodeAttrValue = (s: string) => encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The `Content-Disposition` header of a download (RFC 6266): inline for PDF and images, attachment for
 * everything else, with an ASCII `filename` for old clients and the exact name in `filename*` (RFC 5987).
 */
export function contentDisposition(filename: string, mimeType: string): string {
  const name = sanitiseFilename(filename);
  const ascii = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]|["\\%]/g, "_");
  return `${isInlineDocumentType(mimeType) ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeAttrValue(name)}`;
}
