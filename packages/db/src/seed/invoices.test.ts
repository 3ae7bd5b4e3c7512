import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildDemo } from "./build.ts";
import { invoicePdf } from "./invoices.ts";
import { onePagePdf, textWidth } from "./pdf.ts";

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString("latin1");

/** Checks what a PDF reader relies on first: header, every xref offset landing on its object, startxref, EOF. */
function assertWellFormed(bytes: Uint8Array): void {
  const text = latin1(bytes);
  expect(text.startsWith("%PDF-1.4\n")).toBe(true);
  expect(text.endsWith("%%EOF\n")).toBe(true);
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
  expect(text.slice(startxref, startxref + 5)).toBe("xref\n");
  const [, count] = /^xref\n0 (\d+)\n/.exec(text.slice(startxref))!;
  const entries = text.slice(startxref).split("\n").slice(2, 2 + Number(count));
  expect(entries[0]).toBe("0000000000 65535 f ");
  entries.slice(1).forEach((entry, i) => {
    expect(entry).toMatch(/^\d{10} 00000 n $/);
    expect(text.slice(Number(entry.slice(0, 10))).startsWith(`${i + 1} 0 obj\n`)).toBe(true);
  });
  const stream = /<< \/Length (\d+) >>\nstream\n/.exec(text)!;
  const start = stream.index + stream[0].length;
  expect(text.slice(start + Number(stream[1]), start + Number(stream[1]) + 9)).toBe("endstream");
}

describe("onePagePdf", () => {
  it("writes a well-formed PDF whose text is WinAnsi with escaped parentheses", () => {
    const bytes = onePagePdf({ title: "T (1)", author: "A", creationDate: "D:20260101090000Z", texts: [{ x: 10, y: 10, text: "Réf. (a) \\ 12,50 € — ok 😀" }] });
    assertWellFormed(bytes);
    const text = latin1(bytes);
    expect(text).toContain("(R\u00e9f. \\(a\\) \\\\ 12,50 \u0080 \u0097 ok ?) Tj");
    expect(text).toContain("/Title (T \\(1\\))");
  });

  it("measures Helvetica as its metrics say, for right-aligned amounts", () => {
    expect(textWidth("0", 10)).toBeCloseTo(5.56);
    expect(textWidth("1 234,56 €", 1000)).toBe(556 * 6 + 278 * 3 + 556);
  });
});

describe("invoicePdf", () => {
  const input = {
    client: { name: "Delmas Distribution", legalName: "Delmas Distribution SAS", jurisdiction: "FR", countryCode: "FR", address: "14 quai Perrache, 69002 Lyon, France", vatNumber: "FR32812345678", registrationNumber: "RCS Lyon 812 345 678", iban: "FR7630006000011234567890189", defaultLocale: "fr" },
    debtor: { clientId: "c", kind: "company", type: "business", companyName: "Épicerie Fine Martin SARL", locale: "fr", jurisdiction: "FR", externalRef: "C040007" },
    address: { debtorId: "d", clientId: "c", kind: "address", value: "3 rue de la Paix, 75002 Paris, FR", line1: "3 rue de la Paix", postalCode: "75002", city: "Paris" },
    invoiceNumber: "FA-2026-010023",
    issuedOn: "2026-08-01",
    dueOn: "2026-09-15",
    principalCents: 123_456,
    currency: "EUR",
    description: "Boissons et vins — commande mensuelle",
  } as const;

  it("prints the invoice number, dates, amount, creditor and debtor, the same bytes every time", () => {
    const bytes = invoicePdf(input);
    assertWellFormed(bytes);
    const text = latin1(bytes);
    for (const expected of ["(FA-2026-010023)", "(01/08/2026)", "(15/09/2026)", "(1 234,56 \u0080)", "(Delmas Distribution SAS)", "(\u00c9picerie Fine Martin SARL)", "(75002 Paris)", "(FACTURE)"]) {
      expect(text).toContain(expected);
    }
    expect(createHash("sha256").update(invoicePdf(input)).digest("hex")).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(bytes.length).toBeLessThan(4_000);
  });

  it("speaks Dutch for a Dutch creditor", () => {
    const text = latin1(invoicePdf({ ...input, client: { ...input.client, defaultLocale: "nl" } }));
    expect(text).toContain("(FACTUUR)");
    expect(text).toContain("(15-09-2026)");
  });
});

describe("the demo's invoice documents", () => {
  it("gives every claim one invoice PDF, with its hash, size and bytes, audited at placement", () => {
    const plan = buildDemo({ today: "2026-11-22", seed: 20_260_101, passwordHash: "x", accessCodeHash: "y" });
    const claims = plan.cases.flatMap((c) => c.rows.claims);
    expect(plan.documents).toHaveLength(claims.length);
    expect(new Set(plan.documents.map((d) => d.claimId))).toEqual(new Set(claims.map((c) => c.id)));
    const bytesOf = new Map(plan.storedFiles.map((f) => [f.key, f.bytes]));
    expect(bytesOf.size).toBe(plan.documents.length);
    for (const d of plan.documents) {
      const bytes = bytesOf.get(d.storageKey)!;
      expect(d.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(d.sizeBytes).toBe(bytes.length);
    }
    assertWellFormed(plan.storedFiles[0]!.bytes);
    const uploads = plan.audit.filter((e) => e.action === "document.uploaded");
    expect(uploads).toHaveLength(plan.documents.length);
    const placedAt = new Map(plan.audit.filter((e) => e.action === "case.placed").map((e) => [e.caseId, e.occurredAt.getTime()]));
    for (const e of uploads) expect(e.occurredAt.getTime()).toBe(placedAt.get(e.caseId));
    // Another build gives the very same documents.
    const again = buildDemo({ today: "2026-11-22", seed: 20_260_101, passwordHash: "x", accessCodeHash: "y" });
    expect(again.documents).toEqual(plan.documents);
  });
});
