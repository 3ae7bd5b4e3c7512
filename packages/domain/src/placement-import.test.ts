import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  mapPlacementHeader,
  neutraliseCell,
  normalisePhone,
  parseAmount,
  parseCountry,
  parseLanguage,
  parsePlacementDate,
  placementErrorsCsv,
  placementRowKey,
  planPlacementCases,
  recordFromCells,
  toCsvLine,
  validatePlacementRow,
  type PlacementDefaults,
  type PlacementRecord,
  type PlacementRow,
} from "./placement-import.ts";

const DEFAULTS: PlacementDefaults = { countryCode: "BE", locale: "fr", currency: "EUR", jurisdiction: "BE", today: "2026-11-22" };

const cents = (s: string) => {
  const r = parseAmount(s);
  return r.ok ? r.cents : r.code;
};

describe("parseAmount", () => {
  it.each([
    ["1234.56", 123456],
    ["1234,56", 123456],
    ["1 234,56 €", 123456],
    ["1\u202f234,56\u00a0€", 123456],
    ["€ 1.234,56", 123456],
    ["€1,234.56", 123456],
    ["1.234.567,8", 123456780],
    ["1,234,567.89", 123456789],
    ["1.234", 123400],
    ["1,234", 123400],
    ["12,5", 1250],
    ["0,50", 50],
    [".5", 50],
    ["EUR 99", 9900],
    ["99 EUR", 9900],
    ["+10", 1000],
    ["1'234.50", 123450],
  ])("reads %j as %i cents", (input, expected) => {
    expect(cents(input)).toBe(expected);
  });

  it.each([
    ["", "AMOUNT_INVALID"],
    ["abc", "AMOUNT_INVALID"],
    ["1.2.3", "AMOUNT_INVALID"],
    ["1,23,45", "AMOUNT_INVALID"],
    ["12.345,6.7", "AMOUNT_INVALID"],
    ["1.2345", "AMOUNT_INVALID"],
    ["1e5", "AMOUNT_INVALID"],
    ["0,123", "AMOUNT_INVALID"],
    ["=1+1", "AMOUNT_INVALID"],
    ["-12,50", "AMOUNT_NOT_POSITIVE"],
    ["(12.50)", "AMOUNT_NOT_POSITIVE"],
    ["12.50-", "AMOUNT_NOT_POSITIVE"],
    ["0", "AMOUNT_NOT_POSITIVE"],
    ["0,00 €", "AMOUNT_NOT_POSITIVE"],
    ["100000000,01", "AMOUNT_TOO_LARGE"],
    ["99999999999999999999", "AMOUNT_TOO_LARGE"],
    ["€ 12 $", "AMOUNT_INVALID"],
  ])("refuses %j (%s)", (input, code) => {
    expect(cents(input)).toBe(code);
  });

  it("keeps the currency a symbol or code names", () => {
    expect(parseAmount("£12")).toEqual({ ok: true, cents: 1200, currency: "GBP" });
    expect(parseAmount("12 usd")).toEqual({ ok: true, cents: 1200, currency: "USD" });
  });

  it("round-trips amounts formatted the French, Dutch, Belgian and English way", () => {
    const locales = ["fr-FR", "fr-BE", "nl-NL", "nl-BE", "en-GB", "en-US", "de-CH"];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000_000 }), fc.constantFrom(...locales), fc.boolean(), (n, locale, withSymbol) => {
        const formatted = new Intl.NumberFormat(locale, withSymbol ? { style: "currency", currency: "EUR" } : { minimumFractionDigits: 2 }).format(n / 100);
        expect(parseAmount(formatted)).toMatchObject({ ok: true, cents: n });
      }),
      { numRuns: 500 },
    );
  });

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const r = parseAmount(s);
        if (r.ok) expect(Number.isSafeInteger(r.cents) && r.cents > 0).toBe(true);
      }),
    );
  });
});

describe("parsePlacementDate", () => {
  it.each([
    ["31/01/2026", "2026-01-31"],
    ["1/2/2026", "2026-02-01"],
    ["31-01-2026", "2026-01-31"],
    ["31.01.2026", "2026-01-31"],
    ["2026-01-31", "2026-01-31"],
    ["2026-01-31T00:00:00Z", "2026-01-31"],
    ["29/02/2024", "2024-02-29"],
  ])("reads %j", (input, expected) => {
    expect(parsePlacementDate(input)).toBe(expected);
  });

  it.each(["30/02/2026", "29/02/2025", "31/04/2026", "00/01/2026", "01/13/2026", "2026-13-01", "31/01/26", "31/01-2026", "tomorrow", "", "01/01/1850", "12/31/2026"])(
    "refuses %j",
    (input) => {
      expect(parsePlacementDate(input)).toBeNull();
    },
  );

  it("reads back every real date written day first", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1950-01-01"), max: new Date("2090-12-31"), noInvalidDate: true }), fc.constantFrom("/", "-", "."), (d, sep) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split("-");
        expect(parsePlacementDate(`${day}${sep}${m}${sep}${y}`)).toBe(iso);
        expect(parsePlacementDate(iso)).toBe(iso);
      }),
    );
  });
});

describe("header", () => {
  it("maps English, French and Dutch headers, ignoring case and accents", () => {
    const { header, errors } = mapPlacementHeader(["N° facture", "Date d'émission", "ÉCHÉANCE", "Montant", "Nom", "Prénom", "Courriel", "Extra"]);
    expect(errors).toEqual([]);
    expect(header.columns).toEqual(["invoiceNumber", "issueDate", "dueDate", "amount", "lastName", "firstName", "email", null]);
    expect(header.ignored).toEqual(["Extra"]);
    expect(mapPlacementHeader(["Factuurnummer", "Factuurdatum", "Vervaldatum", "Bedrag", "Bedrijfsnaam", "KvK-nummer"]).header.columns).toEqual([
      "invoiceNumber",
      "issueDate",
      "dueDate",
      "amount",
      "companyName",
      "registrationNumber",
    ]);
  });

  it("reports missing and repeated columns on row 1", () => {
    const { errors } = mapPlacementHeader(["invoice", "facture", "amount"]);
    expect(errors.map((e) => [e.row, e.code, e.column])).toEqual([
      [1, "DUPLICATE_COLUMN", "facture"],
      [1, "MISSING_COLUMN", "issue date"],
      [1, "MISSING_COLUMN", "due date"],
      [1, "MISSING_COLUMN", "last name / company"],
    ]);
  });

  it("reports a row with more or fewer cells than the header", () => {
    const { header } = mapPlacementHeader(["invoice", "issue date", "due date", "amount", "name"]);
    expect(recordFromCells(["A", "1", "2", "3"], header, 4).error).toMatchObject({ row: 4, code: "RAGGED_ROW" });
    expect(recordFromCells(["A", "1", "2", "3", "N", ""], header, 4).error).toBeUndefined();
  });
});

describe("contacts", () => {
  it("normalises phones to E.164 with the debtor's country", () => {
    expect(normalisePhone("0470 12 34 56", "BE")).toBe("+32470123456");
    expect(normalisePhone("06.39.98.01.23", "FR")).toBe("+33639980123");
    expect(normalisePhone("0031 6 1234 5678", "BE")).toBe("+31612345678");
    expect(normalisePhone("+32 (0)2", "BE")).toBeNull();
    expect(normalisePhone("12345", "DE")).toBeNull();
  });
  it("reads countries and languages by code or name", () => {
    expect(parseCountry("Belgique")).toBe("BE");
    expect(parseCountry("nl")).toBe("NL");
    expect(parseCountry("Atlantis")).toBeNull();
    expect(parseLanguage("Nederlands")).toBe("nl");
    expect(parseLanguage("Français")).toBe("fr");
    expect(parseLanguage("klingon")).toBeNull();
  });
});

const GOOD: PlacementRecord = {
  invoiceNumber: "F-2026-001",
  issueDate: "01/09/2026",
  dueDate: "01/10/2026",
  amount: "1.234,56",
  lastName: "Peeters",
  firstName: "Jan",
  email: "Jan.Peeters@Example.test",
  phone: "0470 12 34 56",
};

describe("validatePlacementRow", () => {
  it("normalises a good row", () => {
    const r = validatePlacementRow(GOOD, 2, DEFAULTS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      row: 2,
      rowKey: "invoice:F-2026-001",
      debtorKey: "email:jan.peeters@example.test",
      debtor: { kind: "person", type: "consumer", lastName: "Peeters", email: "jan.peeters@example.test", phone: "+32470123456", countryCode: "BE", locale: "fr", jurisdiction: "BE" },
      claim: { invoiceNumber: "F-2026-001", issuedOn: "2026-09-01", dueOn: "2026-10-01", principalCents: 123456, currency: "EUR" },
    });
  });

  it("makes a company a business debtor keyed by its company number", () => {
    const r = validatePlacementRow({ ...GOOD, lastName: "", firstName: "", companyName: "Brasserie Lambic SRL", registrationNumber: "0123.456.789", country: "Nederland" }, 3, DEFAULTS);
    expect(r.ok && r.value.debtor).toMatchObject({ kind: "company", type: "business", countryCode: "NL", jurisdiction: "NL" });
    expect(r.ok && r.value.debtorKey).toBe("reg:0123456789");
  });

  it("reports every problem of a row, each with its row and column", () => {
    const r = validatePlacementRow(
      { invoiceNumber: "", issueDate: "31/02/2026", dueDate: "2026-01-01", amount: "-5", email: "nope", phone: "12", country: "Atlantis", language: "klingon", currency: "EURO", debtorType: "alien" },
      7,
      DEFAULTS,
      (f) => `col:${f}`,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.every((e) => e.row === 7)).toBe(true);
    expect(r.errors.map((e) => [e.column, e.code])).toEqual(
      expect.arrayContaining([
        ["col:country", "COUNTRY_INVALID"],
        ["col:language", "LANGUAGE_INVALID"],
        ["col:debtorType", "DEBTOR_TYPE_INVALID"],
        ["col:companyName", "NAME_REQUIRED"],
        ["col:email", "EMAIL_INVALID"],
        ["col:phone", "PHONE_INVALID"],
        ["col:invoiceNumber", "REQUIRED"],
        ["col:issueDate", "DATE_INVALID"],
        ["col:amount", "AMOUNT_NOT_POSITIVE"],
        ["col:currency", "CURRENCY_INVALID"],
      ]),
    );
  });

  it("refuses a due date before the issue date, an invoice not yet due and one issued in the future", () => {
    const codes = (rec: PlacementRecord) => {
      const r = validatePlacementRow({ ...GOOD, ...rec }, 2, DEFAULTS);
      return r.ok ? [] : r.errors.map((e) => e.code);
    };
    expect(codes({ issueDate: "10/10/2026", dueDate: "01/10/2026" })).toEqual(["DUE_BEFORE_ISSUE"]);
    expect(codes({ dueDate: "2026-11-22" })).toEqual(["NOT_YET_DUE"]);
    expect(codes({ issueDate: "2026-12-01", dueDate: "2026-12-31" })).toEqual(["ISSUED_IN_FUTURE", "NOT_YET_DUE"]);
  });

  it("takes the currency from a symbol unless the currency column disagrees", () => {
    const r = validatePlacementRow({ ...GOOD, amount: "£12" }, 2, DEFAULTS);
    expect(r.ok && r.value.claim.currency).toBe("GBP");
    const bad = validatePlacementRow({ ...GOOD, amount: "£12", currency: "EUR" }, 2, DEFAULTS);
    expect(!bad.ok && bad.errors.map((e) => e.code)).toEqual(["CURRENCY_MISMATCH"]);
  });

  it("refuses huge cells instead of carrying them", () => {
    const r = validatePlacementRow({ ...GOOD, description: "x".repeat(100_000), invoiceNumber: "y".repeat(1000) }, 2, DEFAULTS);
    expect(!r.ok && r.errors.map((e) => e.code)).toEqual(["TOO_LONG", "TOO_LONG"]);
  });

  it("accepts a row or reports it, never both and never neither", () => {
    const cell = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom("01/02/2026", "2026-02-30", "1.234,56", "-1", "=HYPERLINK(\"x\")", "Peeters", "a@b.be", ""));
    fc.assert(
      fc.property(fc.record({ invoiceNumber: cell, issueDate: cell, dueDate: cell, amount: cell, lastName: cell, email: cell, phone: cell, country: cell }, { requiredKeys: [] }), (rec) => {
        const r = validatePlacementRow(rec, 2, DEFAULTS);
        if (r.ok) expect(r.value.claim.principalCents).toBeGreaterThan(0);
        else expect(r.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("planPlacementCases", () => {
  const row = (n: number, rec: PlacementRecord): PlacementRow => {
    const r = validatePlacementRow({ ...GOOD, invoiceNumber: `INV-${n}`, ...rec }, n, DEFAULTS);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.value;
  };

  it("groups a debtor's invoices into one case per currency and reports an invoice repeated in the file", () => {
    const rows = [
      row(2, { debtorRef: "C1", email: "a@x.test" }),
      row(3, { debtorRef: "c1", amount: "10" }),
      row(4, { email: "b@x.test" }),
      row(5, { email: "B@x.test", amount: "5 USD" }),
      row(6, { email: "b@x.test", invoiceNumber: "inv-4" }),
      row(7, { email: "b@x.test", amount: "1,00" }),
    ];
    const { cases, errors } = planPlacementCases(rows);
    expect(cases.map((c) => [c.debtorKey, c.currency, c.rows.map((r) => r.row), c.totalCents])).toEqual([
      ["ref:C1", "EUR", [2, 3], 123456 + 1000],
      ["email:b@x.test", "EUR", [4, 7], 123456 + 100],
      ["email:b@x.test", "USD", [5], 500],
    ]);
    expect(errors).toEqual([expect.objectContaining({ row: 6, code: "DUPLICATE_IN_FILE", message: "This invoice number is already on row 4 of the file." })]);
  });

  it("puts every row in exactly one case or one error", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 20 }), fc.constantFrom("a@x.test", "b@x.test", "c@x.test")), { maxLength: 40 }), (specs) => {
        const rows = specs.map(([inv, email], i) => row(i + 2, { invoiceNumber: `I${inv}`, email }));
        const { cases, errors } = planPlacementCases(rows);
        const placed = cases.flatMap((c) => c.rows.map((r) => r.row));
        const reported = errors.map((e) => e.row);
        expect([...placed, ...reported].sort((a, b) => a - b)).toEqual(rows.map((r) => r.row));
        expect(new Set(placed).size).toBe(placed.length);
        expect(reported.every((n) => !placed.includes(n))).toBe(true);
      }),
    );
  });

  it("keys rows by invoice number, ignoring case and spacing", () => {
    expect(placementRowKey(" inv  12 ")).toBe(placementRowKey("INV 12"));
  });
});

describe("export safety", () => {
  it.each(["=HYPERLINK(\"http://evil\")", "+1+1", "-2", "@SUM(A1)", "\tx", "\r=1", "＝1"])("neutralises %j", (s) => {
    expect(neutraliseCell(s).startsWith("'")).toBe(true);
  });
  it("leaves ordinary text alone and quotes CSV specials", () => {
    expect(neutraliseCell("Peeters")).toBe("Peeters");
    expect(toCsvLine(["a,b", 'say "hi"', "=1", 3])).toBe('"a,b","say ""hi""","\'=1",3');
  });
  it("never emits a cell a spreadsheet would execute", () => {
    fc.assert(
      fc.property(fc.string(), (c) => {
        const out = toCsvLine([c]);
        const content = out.startsWith('"') ? out.slice(1, -1).replaceAll('""', '"') : out;
        expect(/^[=+\-@\t\r]/.test(content)).toBe(false);
        expect(placementErrorsCsv([{ row: 2, column: c, code: "REQUIRED", message: c }])).toContain(out);
      }),
    );
  });
});
