import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  acceptDocument,
  contentDisposition,
  isInlineDocumentType,
  isUtf8,
  MAX_DOCUMENT_BYTES,
  sanitiseFilename,
  sniffDocumentContent,
  textCharsetOf,
  uploadableDocumentKinds,
} from "./documents.ts";

const bytes = (...parts: (string | number[])[]) => {
  const out: number[] = [];
  for (const p of parts) out.push(...(typeof p === "string" ? [...new TextEncoder().encode(p)] : p));
  return new Uint8Array(out);
};
const PDF = bytes("%PDF-1.4\n%\xE2\xE3\n1 0 obj\n<<>>\nendobj\n%%EOF\n");
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]);
// The DOS header every Windows executable starts with, NULs and all.
const EXE = bytes("MZ", [0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]);
const ZIP = bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0]);

describe("sniffDocumentContent", () => {
  it("tells PDF, PNG, JPEG and text apart by their first bytes", () => {
    expect(sniffDocumentContent(PDF)).toBe("pdf");
    expect(sniffDocumentContent(PNG)).toBe("png");
    expect(sniffDocumentContent(JPEG)).toBe("jpeg");
    expect(sniffDocumentContent(bytes("invoice;amount\r\nF-1;12,50\r\n"))).toBe("text");
    expect(sniffDocumentContent(bytes("Réf. dossier\tmontant dû\n"))).toBe("text");
  });

  it("recognises neither executables, archives, empty files nor text with control bytes", () => {
    expect(sniffDocumentContent(EXE)).toBeNull();
    expect(sniffDocumentContent(ZIP)).toBeNull();
    expect(sniffDocumentContent(new Uint8Array())).toBeNull();
    expect(sniffDocumentContent(bytes("text with an escape \x1b[31m"))).toBeNull();
    // A signature must open the file: "%PDF-" later on is just text.
    expect(sniffDocumentContent(bytes(" %PDF-1.4"))).toBe("text");
  });
});

describe("isUtf8 and textCharsetOf", () => {
  it("accepts well-formed UTF-8 and refuses overlong forms, surrogates and truncated sequences", () => {
    expect(isUtf8(bytes("Crème brûlée, 12 €, 😀"))).toBe(true);
    expect(isUtf8(bytes([0xc0, 0xaf]))).toBe(false);
    expect(isUtf8(bytes([0xed, 0xa0, 0x80]))).toBe(false);
    expect(isUtf8(bytes([0xe2, 0x82]))).toBe(false);
    expect(isUtf8(bytes([0xf4, 0x90, 0x80, 0x80]))).toBe(false);
  });

  it("agrees with the platform's strict decoder on any bytes (property)", () => {
    const strict = new TextDecoder("utf-8", { fatal: true });
    const decodes = (b: Uint8Array) => {
      try {
        strict.decode(b);
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), (b) => isUtf8(b) === decodes(b)));
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (s) => isUtf8(new TextEncoder().encode(s))));
  });

  it("serves Windows exports (é as 0xE9) as windows-1252", () => {
    expect(textCharsetOf(bytes("Facture;Montant\r\nRéf", [0xe9, 0x0d, 0x0a]))).toBe("windows-1252");
    expect(textCharsetOf(bytes("Réf"))).toBe("utf-8");
  });
});

describe("sanitiseFilename", () => {
  it("keeps a plain name as it is", () => {
    expect(sanitiseFilename("Facture F-2026-0012.pdf")).toBe("Facture F-2026-0012.pdf");
    expect(sanitiseFilename("Überweisung – März.png")).toBe("Überweisung – März.png");
  });

  it("drops folders, control and invisible characters, and bidirectional tricks", () => {
    expect(sanitiseFilename("C:\\Users\\anne\\Desktop\\invoice.pdf")).toBe("invoice.pdf");
    expect(sanitiseFilename("../../etc/passwd")).toBe("passwd");
    expect(sanitiseFilename("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    expect(sanitiseFilename("a\u0000b\tc\nd.txt")).toBe("ab c d.txt");
    expect(sanitiseFilename('what?<is>"this"|*.csv')).toBe("what__is__this___.csv");
  });

  it("refuses hidden and device names, and names of nothing", () => {
    expect(sanitiseFilename(".htaccess")).toBe("htaccess");
    expect(sanitiseFilename("CON.pdf")).toBe("_CON.pdf");
    expect(sanitiseFilename("report. . .")).toBe("report");
    expect(sanitiseFilename("   ")).toBe("document");
    expect(sanitiseFilename("/")).toBe("document");
  });

  it("shortens long names to 150 characters, keeping the extension and whole characters", () => {
    const long = sanitiseFilename(`${"é".repeat(100)}${"😀".repeat(100)}.pdf`);
    expect([...long]).toHaveLength(150);
    expect(long.endsWith("😀.pdf")).toBe(true);
  });

  it("always gives a short name without separators or control characters (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (raw) => {
        const name = sanitiseFilename(raw);
        // eslint-disable-next-line no-control-regex -- asserting control characters are gone.
        return name.length > 0 && [...name].length <= 150 && !/[/\\<>:"|?*\u0000-\u001f\u202a-\u202e]/.test(name) && !name.startsWith(".") && sanitiseFilename(name) === name;
      }),
    );
  });
});

describe("acceptDocument", () => {
  it("accepts the five types, the content deciding the stored type", () => {
    expect(acceptDocument({ filename: "invoice.pdf", declaredType: "application/pdf", bytes: PDF })).toEqual({ ok: true, filename: "invoice.pdf", mimeType: "application/pdf" });
    expect(acceptDocument({ filename: "scan.PNG", declaredType: "image/png", bytes: PNG })).toMatchObject({ ok: true, mimeType: "image/png" });
    expect(acceptDocument({ filename: "photo.jpeg", declaredType: "image/jpeg", bytes: JPEG })).toMatchObject({ ok: true, mimeType: "image/jpeg" });
    expect(acceptDocument({ filename: "notes.txt", declaredType: "text/plain", bytes: bytes("hello") })).toMatchObject({ ok: true, mimeType: "text/plain" });
    // Windows with Excel installed declares CSV files as Excel workbooks.
    expect(acceptDocument({ filename: "export.csv", declaredType: "application/vnd.ms-excel", bytes: bytes("a;b\n1;2\n") })).toMatchObject({ ok: true, mimeType: "text/csv" });
  });

  it("refuses an executable named .pdf, saying the content is not a PDF", () => {
    const result = acceptDocument({ filename: "invoice.pdf", declaredType: "application/pdf", bytes: EXE });
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.message).toMatch(/invoice\.pdf is not really a PDF/);
  });

  it("refuses a PNG named .pdf, and a PDF declared as an image", () => {
    expect(acceptDocument({ filename: "invoice.pdf", bytes: PNG })).toMatchObject({ ok: false, message: expect.stringMatching(/named as a PDF but its content is a PNG image/) });
    expect(acceptDocument({ filename: "invoice", declaredType: "image/png", bytes: PDF })).toMatchObject({ ok: false, message: expect.stringMatching(/sent as a PNG image/) });
  });

  it("refuses other extensions and empty or oversized files", () => {
    expect(acceptDocument({ filename: "contract.docx", bytes: ZIP })).toMatchObject({ ok: false, message: expect.stringMatching(/^Only PDF, PNG, JPEG/) });
    expect(acceptDocument({ filename: "page.html", bytes: bytes("<html>") })).toMatchObject({ ok: false });
    expect(acceptDocument({ filename: "empty.pdf", bytes: new Uint8Array() })).toMatchObject({ ok: false, message: expect.stringMatching(/empty/) });
    expect(acceptDocument({ filename: "huge.txt", bytes: new Uint8Array(MAX_DOCUMENT_BYTES + 1).fill(0x41) })).toMatchObject({ ok: false, message: expect.stringMatching(/10 MB/) });
  });

  it("gives a name without an extension the one of its content", () => {
    expect(acceptDocument({ filename: "scan", declaredType: "application/octet-stream", bytes: JPEG })).toMatchObject({ ok: true, filename: "scan.jpg", mimeType: "image/jpeg" });
    expect(acceptDocument({ filename: "rows", declaredType: "text/csv", bytes: bytes("a,b") })).toMatchObject({ ok: true, filename: "rows.txt", mimeType: "text/csv" });
  });
});

describe("contentDisposition", () => {
  it("shows PDF and images inline and downloads the rest", () => {
    expect(isInlineDocumentType("application/pdf")).toBe(true);
    expect(isInlineDocumentType("text/csv")).toBe(false);
    expect(contentDisposition("invoice.pdf", "application/pdf")).toBe(`inline; filename="invoice.pdf"; filename*=UTF-8''invoice.pdf`);
    expect(contentDisposition("rows.csv", "text/csv")).toMatch(/^attachment; /);
  });

  it("gives an ASCII fallback and the exact name encoded per RFC 5987", () => {
    expect(contentDisposition("Reçu n°1 (copie)'s 100%.pdf", "application/pdf")).toBe(
      `inline; filename="Recu n_1 (copie)'s 100_.pdf"; filename*=UTF-8''Re%C3%A7u%20n%C2%B01%20%28copie%29%27s%20100%25.pdf`,
    );
    expect(contentDisposition('evil"\r\nSet-Cookie: x.txt', "text/plain")).toBe(`attachment; filename="evil_ Set-Cookie_ x.txt"; filename*=UTF-8''evil_%20Set-Cookie_%20x.txt`);
  });

  it("never lets a name break out of the header (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (raw) => {
        const header = contentDisposition(raw, "application/pdf");
        const fallback = /filename="([^"]*)";/.exec(header)?.[1];
        // eslint-disable-next-line no-control-regex -- asserting the header holds no control characters.
        return !/[\u0000-\u001f\u007f]/.test(header) && /^[\x20-\x7e]+$/.test(header) && fallback !== undefined && decodeURIComponent(header.split("UTF-8''")[1]!) === sanitiseFilename(raw);
      }),
    );
  });
});

describe("uploadableDocumentKinds", () => {
  it("lets a client add its own papers, and staff anything but a client's remittance statement", () => {
    expect(uploadableDocumentKinds("client")).toEqual(["invoice", "contract", "receipt", "other"]);
    expect(uploadableDocumentKinds("staff")).toContain("dispute_evidence");
    expect(uploadableDocumentKinds("staff")).not.toContain("remittance_statement");
  });
});
