/**
 * Placement import: the row format of a creditor's file (CSV or API), how each cell is read and
 * checked, how rows become cases (one per debtor and currency), and the keys that make a re-sent file
 * create nothing twice. Pure: the caller streams the rows in and writes what comes out.
 *
 * Row format — one row per invoice (claim); columns may come in any order, under any alias below:
 *   debtorRef           the creditor's customer number (matches debtors across placements)
 *   debtorType          consumer | business (FR particulier/professionnel, NL consument/zakelijk);
 *                       defaults to business when a company name is given, consumer otherwise
 *   firstName, lastName a person's names (lastName required for a person)
 *   companyName         a company's name (required instead of lastName for a company)
 *   registrationNumber  company number (SIREN/SIRET, KBO/BCE, KvK)
 *   email, phone        contact points (phone normalised to E.164 with the debtor's country)
 *   addressLine1, addressLine2, postalCode, city, country (ISO code or name), language (fr|nl|en)
 *   invoiceNumber       required; unique per client: the idempotency key of the row
 *   issueDate, dueDate  required; dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy or yyyy-mm-dd; due ≥ issue, due < today
 *   amount              required; decimal comma or point, thousands separators, currency symbol allowed
 *   currency            ISO 4217; defaults to the client's currency
 *   description, clientReference (the creditor's file number)
 */
import { isIsoDate, type IsoDate } from "./dates.ts";
import { LOCALES, type DebtorType, type Locale } from "./vocabulary.ts";

// ---------------------------------------------------------------------------------------------------
// Columns and header aliases

export const PLACEMENT_FIELDS = [
  "debtorRef",
  "debtorType",
  "firstName",
  "lastName",
  "companyName",
  "registrationNumber",
  "email",
  "phone",
  "addressLine1",
  "addressLine2",
  "postalCode",
  "city",
  "country",
  "language",
  "invoiceNumber",
  "issueDate",
  "dueDate",
  "amount",
  "currency",
  "description",
  "clientReference",
] as const;
export type PlacementField = (typeof PLACEMENT_FIELDS)[number];

/** Fields every file must have a column for. */
export const REQUIRED_PLACEMENT_FIELDS: readonly PlacementField[] = ["invoiceNumber", "issueDate", "dueDate", "amount"];

/** Header names accepted for each field, in English, French and Dutch (compared without case or accents). */
export const PLACEMENT_HEADER_ALIASES: Readonly<Record<PlacementField, readonly string[]>> = {
  debtorRef: ["debtor reference", "debtor ref", "debtor id", "customer number", "customer id", "customer reference", "external id", "référence débiteur", "numéro client", "n° client", "code client", "id client", "klantnummer", "debiteurnummer", "klant id", "klantreferentie"],
  debtorType: ["debtor type", "type", "customer type", "type de débiteur", "type débiteur", "type client", "soort debiteur", "debiteurtype", "klanttype"],
  firstName: ["first name", "firstname", "given name", "prénom", "prenom", "voornaam"],
  lastName: ["last name", "lastname", "surname", "family name", "name", "nom", "nom de famille", "achternaam", "naam"],
  companyName: ["company", "company name", "business name", "raison sociale", "société", "entreprise", "nom de l'entreprise", "bedrijfsnaam", "bedrijf", "firma", "handelsnaam"],
  registrationNumber: ["registration number", "company number", "company registration", "siren", "siret", "numéro d'entreprise", "numéro bce", "bce", "rcs", "kbo", "kvk", "kvk nummer", "ondernemingsnummer", "kbo nummer"],
  email: ["email", "e-mail", "email address", "e-mail address", "courriel", "adresse e-mail", "adresse email", "mail", "e-mailadres", "emailadres"],
  phone: ["phone", "telephone", "phone number", "mobile", "téléphone", "tél", "tel", "portable", "numéro de téléphone", "telefoon", "telefoonnummer", "gsm", "mobiel"],
  addressLine1: ["address", "address line 1", "street", "street address", "adresse", "rue", "adresse ligne 1", "adres", "straat", "adresregel 1"],
  addressLine2: ["address line 2", "complément d'adresse", "adresse ligne 2", "adresregel 2"],
  postalCode: ["postal code", "postcode", "zip", "zip code", "code postal", "cp", "npa"],
  city: ["city", "town", "ville", "localité", "commune", "plaats", "woonplaats", "gemeente", "stad"],
  country: ["country", "country code", "pays", "land", "landcode"],
  language: ["language", "locale", "langue", "taal"],
  invoiceNumber: ["invoice number", "invoice", "invoice no", "invoice #", "invoice ref", "numéro de facture", "n° de facture", "n° facture", "facture", "réf facture", "factuurnummer", "factuur", "factuurnr"],
  issueDate: ["issue date", "invoice date", "date", "issued on", "date de facture", "date facture", "date d'émission", "factuurdatum", "datum"],
  dueDate: ["due date", "due on", "payment due", "date d'échéance", "échéance", "date échéance", "vervaldatum", "vervaldag"],
  amount: ["amount", "amount due", "principal", "outstanding", "montant", "montant dû", "montant ttc", "solde", "bedrag", "openstaand bedrag", "hoofdsom"],
  currency: ["currency", "devise", "monnaie", "valuta", "munt"],
  description: ["description", "details", "libellé", "objet", "omschrijving", "beschrijving"],
  clientReference: ["your reference", "file reference", "file number", "client reference", "référence dossier", "n° dossier", "dossier", "dossiernummer", "uw referentie"],
};

/** A header or alias reduced to lower-case letters and digits separated by single spaces. */
export function normaliseHeader(header: string): string {
  return header
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9#]+/g, " ")
    .trim();
}

const ALIAS_TO_FIELD: ReadonlyMap<string, PlacementField> = new Map(
  PLACEMENT_FIELDS.flatMap((field) => [field, ...PLACEMENT_HEADER_ALIASES[field]].map((alias) => [normaliseHeader(alias), field] as const)),
);

/** A problem with one row (or with the header: row 1), naming the column. */
export interface PlacementRowError {
  /** 1-based line of the file as a spreadsheet shows it (header = 1); for the API, the item index + 1. */
  row: number;
  /** The column as the file named it, or the field name when the column is missing. */
  column: string;
  code: PlacementErrorCode;
  message: string;
}

export type PlacementErrorCode =
  | "MISSING_COLUMN"
  | "DUPLICATE_COLUMN"
  | "REQUIRED"
  | "TOO_LONG"
  | "RAGGED_ROW"
  | "AMOUNT_INVALID"
  | "AMOUNT_NOT_POSITIVE"
  | "AMOUNT_TOO_LARGE"
  | "DATE_INVALID"
  | "DUE_BEFORE_ISSUE"
  | "NOT_YET_DUE"
  | "ISSUED_IN_FUTURE"
  | "EMAIL_INVALID"
  | "PHONE_INVALID"
  | "COUNTRY_INVALID"
  | "LANGUAGE_INVALID"
  | "CURRENCY_INVALID"
  | "CURRENCY_MISMATCH"
  | "DEBTOR_TYPE_INVALID"
  | "NAME_REQUIRED"
  | "DUPLICATE_IN_FILE";

/** Which field each column of a file holds (null: a column we ignore). */
export interface PlacementHeader {
  readonly columns: readonly (PlacementField | null)[];
  readonly names: readonly string[];
  readonly ignored: readonly string[];
}

/** Maps a header line to fields; errors (row 1) for missing required columns and columns given twice. */
export function mapPlacementHeader(names: readonly string[]): { header: PlacementHeader; errors: PlacementRowError[] } {
  const errors: PlacementRowError[] = [];
  const seen = new Map<PlacementField, string>();
  const ignored: string[] = [];
  const columns = names.map((name) => {
    const field = ALIAS_TO_FIELD.get(normaliseHeader(name)) ?? null;
    if (field === null) {
      if (name.trim() !== "") ignored.push(name);
      return null;
    }
    const first = seen.get(field);
    if (first !== undefined) {
      errors.push({ row: 1, column: name, code: "DUPLICATE_COLUMN", message: `Columns "${first}" and "${name}" both hold the ${FIELD_LABELS[field]}; keep one.` });
      return null;
    }
    seen.set(field, name);
    return field;
  });
  for (const field of REQUIRED_PLACEMENT_FIELDS) {
    if (!seen.has(field)) errors.push({ row: 1, column: FIELD_LABELS[field], code: "MISSING_COLUMN", message: `The file has no ${FIELD_LABELS[field]} column.` });
  }
  if (!seen.has("lastName") && !seen.has("companyName")) {
    errors.push({ row: 1, column: "last name / company", code: "MISSING_COLUMN", message: "The file needs a last name or a company name column." });
  }
  return { header: { columns, names: [...names], ignored }, errors };
}

/** Human names of the fields, used in messages and as column names when the file has none. */
export const FIELD_LABELS: Readonly<Record<PlacementField, string>> = {
  debtorRef: "debtor reference",
  debtorType: "debtor type",
  firstName: "first name",
  lastName: "last name",
  companyName: "company name",
  registrationNumber: "registration number",
  email: "email",
  phone: "phone",
  addressLine1: "address",
  addressLine2: "address line 2",
  postalCode: "postal code",
  city: "city",
  country: "country",
  language: "language",
  invoiceNumber: "invoice number",
  issueDate: "issue date",
  dueDate: "due date",
  amount: "amount",
  currency: "currency",
  description: "description",
  clientReference: "your reference",
};

// ---------------------------------------------------------------------------------------------------
// Amounts

/** Above this, an amount is a typo or a test value, not an unpaid invoice (100 million). */
export const MAX_PLACEMENT_CENTS = 10_000_000_000;

const CURRENCY_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ["€", "EUR"],
  ["$", "USD"],
  ["£", "GBP"],
]);

export type AmountResult =
  | { ok: true; cents: number; currency?: string }
  | { ok: false; code: "AMOUNT_INVALID" | "AMOUNT_NOT_POSITIVE" | "AMOUNT_TOO_LARGE"; message: string };

/**
 * Reads an amount as creditors' spreadsheets write it: `1 234,56 €`, `€ 1.234,56`, `1,234.56`,
 * `EUR 1234.5`. A lone separator followed by exactly three digits is a thousands separator (money has
 * two decimals at most); anything else ambiguous is refused rather than guessed.
 */
export function parseAmount(input: string): AmountResult {
  const invalid = (message = `"${truncate(input)}" is not an amount.`): AmountResult => ({ ok: false, code: "AMOUNT_INVALID", message });
  let s = input.trim();
  if (s === "") return invalid("The amount is empty.");
  if (s.length > 40) return invalid();
  let currency: string | undefined;
  const code = /^([A-Z]{3})\s*|\s*([A-Z]{3})$/i.exec(s);
  if (code && /^[a-z]{3}$/i.test((code[1] ?? code[2])!)) {
    currency = (code[1] ?? code[2])!.toUpperCase();
    s = s.replace(code[0], "");
  }
  for (const [symbol, iso] of CURRENCY_SYMBOLS) {
    if (s.includes(symbol)) {
      if (currency && currency !== iso) return invalid();
      currency = iso;
      s = s.replace(symbol, "");
    }
  }
  // Spaces of every kind (NBSP, narrow NBSP from Intl's fr-FR) and apostrophes (Swiss) group thousands.
  s = s.replace(/[\s\u00a0\u202f\u2009']/g, "");
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (/^[-\u2212]/.test(s) || /-$/.test(s)) {
    negative = true;
    s = s.replace(/^[-\u2212]|-$/g, "");
  } else if (s.startsWith("+")) {
    s = s.slice(1);
  }
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return invalid();
  const lastDot = s.lastIndexOf(".");
  const lastComma = s.lastIndexOf(",");
  let intPart: string;
  let fraction = "";
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? "." : ",";
    const thousands = decimal === "." ? "," : ".";
    const at = s.lastIndexOf(decimal);
    intPart = s.slice(0, at);
    fraction = s.slice(at + 1);
    if (intPart.includes(decimal)) return invalid();
    const grouped = groupedInteger(intPart, thousands);
    if (grouped === null) return invalid();
    intPart = grouped;
  } else {
    const sep = lastDot >= 0 ? "." : lastComma >= 0 ? "," : null;
    if (sep === null) {
      intPart = s;
    } else {
      const parts = s.split(sep);
      if (parts.length === 2 && parts[1]!.length <= 2) {
        intPart = parts[0]!;
        fraction = parts[1]!;
      } else {
        const grouped = groupedInteger(s, sep);
        if (grouped === null) return invalid();
        intPart = grouped;
      }
    }
  }
  if (intPart === "") intPart = "0";
  if (!/^\d+$/.test(intPart) || !/^\d{0,2}$/.test(fraction)) return invalid();
  if (intPart.replace(/^0+/, "").length > 12) return { ok: false, code: "AMOUNT_TOO_LARGE", message: `${truncate(input)} is too large for one invoice.` };
  const cents = Number(intPart) * 100 + Number(fraction.padEnd(2, "0"));
  if (negative && cents !== 0) return { ok: false, code: "AMOUNT_NOT_POSITIVE", message: `The amount ${truncate(input)} is negative; place only what is owed.` };
  if (cents === 0) return { ok: false, code: "AMOUNT_NOT_POSITIVE", message: "The amount is zero; place only what is owed." };
  if (cents > MAX_PLACEMENT_CENTS) return { ok: false, code: "AMOUNT_TOO_LARGE", message: `${truncate(input)} is too large for one invoice.` };
  return currency ? { ok: true, cents, currency } : { ok: true, cents };
}

/** `1.234.567` → `1234567` when every group after the first has three digits; null otherwise. */
function groupedInteger(s: string, sep: string): string | null {
  const groups = s.split(sep);
  if (groups[0]!.length < 1 || groups[0]!.length > 3 || !/^\d+$/.test(groups[0]!)) return null;
  if (groups.length > 1 && groups[0] === "0") return null;
  if (!groups.slice(1).every((g) => /^\d{3}$/.test(g))) return null;
  return groups.join("");
}

// ---------------------------------------------------------------------------------------------------
// Dates

const DMY = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/;

/** A date written `dd/mm/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy` or ISO; null when not a real calendar date. */
export function parsePlacementDate(input: string): IsoDate | null {
  const s = input.trim();
  let y: string, m: string, d: string;
  const dmy = DMY.exec(s);
  const ymd = YMD.exec(s);
  if (dmy) [d, m, y] = [dmy[1]!, dmy[3]!, dmy[4]!];
  else if (ymd) [y, m, d] = [ymd[1]!, ymd[2]!, ymd[3]!];
  else return null;
  const iso = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  const year = Number(y);
  // Before 1900 or after 2100 is a typo, not an invoice date.
  if (!isIsoDate(iso) || year < 1900 || year > 2100) return null;
  return iso;
}

// ---------------------------------------------------------------------------------------------------
// Contacts, places and languages

const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;
const CALLING_CODES: Readonly<Record<string, string>> = { FR: "33", BE: "32", NL: "31", LU: "352", DE: "49", ES: "34", IT: "39", GB: "44", CH: "41", PT: "351" };

/** A phone number in E.164 (`+32470123456`); national numbers take the debtor's country code. Null if impossible. */
export function normalisePhone(input: string, countryCode: string): string | null {
  let s = input.trim().replace(/[\s.\-/()\u00a0]/g, "");
  if (s.startsWith("00")) s = `+${s.slice(2)}`;
  if (!s.startsWith("+")) {
    const cc = CALLING_CODES[countryCode];
    if (!cc || !/^0\d+$/.test(s)) return null;
    s = `+${cc}${s.slice(1)}`;
  }
  return /^\+[1-9]\d{7,14}$/.test(s) ? s : null;
}

const COUNTRY_NAMES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    FR: ["france", "frankrijk", "frankreich"],
    BE: ["belgium", "belgique", "belgie", "belgien"],
    NL: ["netherlands", "the netherlands", "pays bas", "nederland", "holland"],
    LU: ["luxembourg", "luxemburg"],
    DE: ["germany", "allemagne", "duitsland", "deutschland"],
    ES: ["spain", "espagne", "spanje"],
    IT: ["italy", "italie", "italie"],
    GB: ["united kingdom", "uk", "royaume uni", "verenigd koninkrijk"],
    CH: ["switzerland", "suisse", "zwitserland"],
    PT: ["portugal"],
  }).flatMap(([code, names]) => names.map((n) => [n, code] as const)),
);

/** An ISO 3166 alpha-2 code from a code or a common EN/FR/NL country name; null when unknown. */
export function parseCountry(input: string): string | null {
  const s = input.trim();
  if (/^[A-Za-z]{2}$/.test(s)) return s.toUpperCase();
  return COUNTRY_NAMES.get(normaliseHeader(s)) ?? null;
}

const LANGUAGE_NAMES: ReadonlyMap<string, Locale> = new Map([
  ["fr", "fr"], ["french", "fr"], ["francais", "fr"], ["frans", "fr"], ["fr be", "fr"], ["fr fr", "fr"],
  ["nl", "nl"], ["dutch", "nl"], ["flemish", "nl"], ["neerlandais", "nl"], ["nederlands", "nl"], ["vlaams", "nl"], ["nl be", "nl"], ["nl nl", "nl"],
  ["en", "en"], ["english", "en"], ["anglais", "en"], ["engels", "en"], ["en gb", "en"],
]);

/** One of the platform's languages from a code or its name in EN/FR/NL; null when not spoken here. */
export function parseLanguage(input: string): Locale | null {
  return LANGUAGE_NAMES.get(normaliseHeader(input)) ?? null;
}

const DEBTOR_TYPE_NAMES: ReadonlyMap<string, DebtorType> = new Map([
  ["consumer", "consumer"], ["individual", "consumer"], ["private", "consumer"], ["b2c", "consumer"], ["particulier", "consumer"], ["consommateur", "consumer"], ["consument", "consumer"], ["prive", "consumer"],
  ["business", "business"], ["company", "business"], ["b2b", "business"], ["professional", "business"], ["professionnel", "business"], ["entreprise", "business"], ["societe", "business"], ["zakelijk", "business"], ["bedrijf", "business"], ["onderneming", "business"],
]);

// ---------------------------------------------------------------------------------------------------
// Rows

/** Cells of one row by field (already mapped from the header); absent = empty. */
export type PlacementRecord = Partial<Record<PlacementField, string>>;

/** What the client's settings fill in where a row says nothing, and the day the file is checked. */
export interface PlacementDefaults {
  readonly countryCode: string;
  readonly locale: Locale;
  readonly currency: string;
  /** Jurisdictions the platform handles; a debtor elsewhere is handled under the client's. */
  readonly jurisdiction: "FR" | "BE" | "NL";
  readonly today: IsoDate;
}

/** A valid row, normalised and ready to write. */
export interface PlacementRow {
  readonly row: number;
  readonly rowKey: string;
  /** The debtor this row belongs to within the file (see `debtorKeyOf`). */
  readonly debtorKey: string;
  readonly debtor: {
    readonly externalRef: string | null;
    readonly kind: "person" | "company";
    readonly type: DebtorType;
    readonly firstName: string | null;
    readonly lastName: string | null;
    readonly companyName: string | null;
    readonly registrationNumber: string | null;
    readonly email: string | null;
    readonly phone: string | null;
    readonly addressLine1: string | null;
    readonly addressLine2: string | null;
    readonly postalCode: string | null;
    readonly city: string | null;
    readonly countryCode: string;
    readonly locale: Locale;
    readonly jurisdiction: "FR" | "BE" | "NL";
  };
  readonly claim: {
    readonly invoiceNumber: string;
    readonly issuedOn: IsoDate;
    readonly dueOn: IsoDate;
    readonly principalCents: number;
    readonly currency: string;
    readonly description: string | null;
  };
  readonly clientReference: string | null;
}

export type PlacementRowResult = { ok: true; value: PlacementRow } | { ok: false; errors: PlacementRowError[] };

/** Longest text a cell may hold (a fuzzed or broken file can put megabytes in one field). */
export const MAX_CELL_LENGTH = 500;
const MAX_LENGTHS: Partial<Record<PlacementField, number>> = { invoiceNumber: 64, debtorRef: 64, email: 254, phone: 32, postalCode: 16, currency: 8, country: 64 };

function truncate(s: string, n = 40): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

/** The idempotency key of an invoice within its client: re-sending the same invoice maps to the same key. */
export function placementRowKey(invoiceNumber: string): string {
  return `invoice:${invoiceNumber.trim().replace(/\s+/g, " ").toUpperCase()}`;
}

/**
 * Which debtor a row belongs to within one file: the creditor's customer number when given, else the
 * company number, else the email, else the phone, else name and postcode. Rows with the same key (and
 * currency) become one case. The order is that of how reliably each identifies a debtor.
 */
export function debtorKeyOf(d: PlacementRow["debtor"]): string {
  if (d.externalRef) return `ref:${d.externalRef.toUpperCase()}`;
  if (d.registrationNumber) return `reg:${compactId(d.registrationNumber)}`;
  if (d.email) return `email:${d.email}`;
  if (d.phone) return `phone:${d.phone}`;
  const name = d.kind === "company" ? d.companyName! : `${d.firstName ?? ""} ${d.lastName}`;
  return `name:${normaliseHeader(name)}|${(d.postalCode ?? "").replace(/\s/g, "").toUpperCase()}`;
}

/** A company number without spaces, dots or dashes, upper-cased: how it is compared. */
export function compactId(s: string): string {
  return s.replace(/[\s.\-/]/g, "").toUpperCase();
}

/**
 * Checks and normalises one row. Every problem of the row is reported (not only the first), each
 * naming its column as the file spells it (`columnName`).
 */
export function validatePlacementRow(
  record: PlacementRecord,
  row: number,
  defaults: PlacementDefaults,
  columnName: (field: PlacementField) => string = (f) => FIELD_LABELS[f],
): PlacementRowResult {
  const errors: PlacementRowError[] = [];
  const tooLong = new Set<PlacementField>();
  const fail = (field: PlacementField, code: PlacementErrorCode, message: string) => errors.push({ row, column: columnName(field), code, message });
  const text = (field: PlacementField): string | null => {
    const raw = record[field];
    if (raw === undefined) return null;
    // Control characters (other than tab and line breaks) come from broken exports; drop them.
    // eslint-disable-next-line no-control-regex -- matching control characters is the point here
    const v = raw.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "").trim();
    if (v === "") return null;
    const max = MAX_LENGTHS[field] ?? MAX_CELL_LENGTH;
    if (v.length > max) {
      tooLong.add(field);
      fail(field, "TOO_LONG", `The ${FIELD_LABELS[field]} is longer than ${max} characters.`);
      return null;
    }
    return v;
  };

  const countryRaw = text("country");
  let countryCode = defaults.countryCode;
  if (countryRaw !== null) {
    const c = parseCountry(countryRaw);
    if (c) countryCode = c;
    else fail("country", "COUNTRY_INVALID", `"${truncate(countryRaw)}" is not a country we recognise; use a two-letter code such as BE.`);
  }
  const languageRaw = text("language");
  let locale = defaults.locale;
  if (languageRaw !== null) {
    const l = parseLanguage(languageRaw);
    if (l) locale = l;
    else fail("language", "LANGUAGE_INVALID", `"${truncate(languageRaw)}" is not a language we write in; use ${LOCALES.join(", ")}.`);
  }

  const firstName = text("firstName");
  const lastName = text("lastName");
  const companyName = text("companyName");
  const registrationNumber = text("registrationNumber");
  const typeRaw = text("debtorType");
  let type: DebtorType = companyName ? "business" : "consumer";
  if (typeRaw !== null) {
    const t = DEBTOR_TYPE_NAMES.get(normaliseHeader(typeRaw));
    if (t) type = t;
    else fail("debtorType", "DEBTOR_TYPE_INVALID", `"${truncate(typeRaw)}" is not a debtor type; use consumer or business.`);
  }
  const kind = companyName ? "company" : "person";
  if (!companyName && !lastName) fail(record.lastName !== undefined ? "lastName" : "companyName", "NAME_REQUIRED", "Give the debtor's last name or company name.");

  const emailRaw = text("email");
  let email: string | null = null;
  if (emailRaw !== null) {
    if (EMAIL.test(emailRaw)) email = emailRaw.toLowerCase();
    else fail("email", "EMAIL_INVALID", `"${truncate(emailRaw)}" is not an email address.`);
  }
  const phoneRaw = text("phone");
  let phone: string | null = null;
  if (phoneRaw !== null) {
    phone = normalisePhone(phoneRaw, countryCode);
    if (!phone) fail("phone", "PHONE_INVALID", `"${truncate(phoneRaw)}" is not a phone number; use the international form, e.g. +32 470 12 34 56.`);
  }

  const invoiceNumber = text("invoiceNumber");
  if (invoiceNumber === null && !tooLong.has("invoiceNumber")) fail("invoiceNumber", "REQUIRED", "The invoice number is missing.");

  const issueRaw = text("issueDate");
  const dueRaw = text("dueDate");
  const issuedOn = issueRaw === null ? null : parsePlacementDate(issueRaw);
  const dueOn = dueRaw === null ? null : parsePlacementDate(dueRaw);
  if (issueRaw === null) fail("issueDate", "REQUIRED", "The issue date is missing.");
  else if (issuedOn === null) fail("issueDate", "DATE_INVALID", `"${truncate(issueRaw)}" is not a date; write it dd/mm/yyyy or yyyy-mm-dd.`);
  if (dueRaw === null) fail("dueDate", "REQUIRED", "The due date is missing.");
  else if (dueOn === null) fail("dueDate", "DATE_INVALID", `"${truncate(dueRaw)}" is not a date; write it dd/mm/yyyy or yyyy-mm-dd.`);
  if (issuedOn && dueOn && dueOn < issuedOn) fail("dueDate", "DUE_BEFORE_ISSUE", `The due date ${dueOn} is before the issue date ${issuedOn}.`);
  if (issuedOn && issuedOn > defaults.today) fail("issueDate", "ISSUED_IN_FUTURE", `The issue date ${issuedOn} is in the future.`);
  // Only an overdue invoice can be collected (DESIGN, placement checks).
  if (dueOn && (!issuedOn || dueOn >= issuedOn) && dueOn >= defaults.today) fail("dueDate", "NOT_YET_DUE", `The invoice is not overdue yet: it falls due on ${dueOn}.`);

  const amountRaw = record.amount?.trim() ?? "";
  const amount = amountRaw === "" ? null : parseAmount(amountRaw);
  if (amount === null) fail("amount", "REQUIRED", "The amount is missing.");
  else if (!amount.ok) fail("amount", amount.code, amount.message);

  const currencyRaw = text("currency");
  let currency = defaults.currency;
  if (currencyRaw !== null) {
    if (/^[A-Za-z]{3}$/.test(currencyRaw)) currency = currencyRaw.toUpperCase();
    else fail("currency", "CURRENCY_INVALID", `"${truncate(currencyRaw)}" is not a currency code such as EUR.`);
  }
  if (amount?.ok && amount.currency && amount.currency !== currency) {
    if (currencyRaw === null) currency = amount.currency;
    else fail("amount", "CURRENCY_MISMATCH", `The amount is in ${amount.currency} but the currency column says ${currency}.`);
  }

  const externalRef = text("debtorRef");
  const addressLine1 = text("addressLine1");
  const addressLine2 = text("addressLine2");
  const postalCode = text("postalCode");
  const city = text("city");
  const description = text("description");
  const clientReference = text("clientReference");

  if (errors.length > 0 || !invoiceNumber || !issuedOn || !dueOn || !amount?.ok) {
    return { ok: false, errors };
  }
  const jurisdiction = (["FR", "BE", "NL"] as const).find((j) => j === countryCode) ?? defaults.jurisdiction;
  const debtor: PlacementRow["debtor"] = {
    externalRef,
    kind,
    type,
    firstName: kind === "person" ? firstName : null,
    lastName: kind === "person" ? lastName : null,
    companyName,
    registrationNumber,
    email,
    phone,
    addressLine1,
    addressLine2,
    postalCode,
    city,
    countryCode,
    locale,
    jurisdiction,
  };
  return {
    ok: true,
    value: {
      row,
      rowKey: placementRowKey(invoiceNumber),
      debtorKey: debtorKeyOf(debtor),
      debtor,
      claim: { invoiceNumber, issuedOn, dueOn, principalCents: amount.cents, currency, description },
      clientReference,
    },
  };
}

/** Turns an array of cells into a record using a mapped header; reports a row with the wrong number of cells. */
export function recordFromCells(cells: readonly string[], header: PlacementHeader, row: number): { record: PlacementRecord; error?: PlacementRowError } {
  const record: PlacementRecord = {};
  header.columns.forEach((field, i) => {
    if (field !== null && cells[i] !== undefined) record[field] = cells[i];
  });
  if (cells.length !== header.columns.length && !(cells.length > header.columns.length && cells.slice(header.columns.length).every((c) => c.trim() === ""))) {
    return {
      record,
      error: { row, column: "(row)", code: "RAGGED_ROW", message: `The row has ${cells.length} cells where the header has ${header.columns.length}; check for a stray delimiter or quote.` },
    };
  }
  return { record };
}

// ---------------------------------------------------------------------------------------------------
// Grouping rows into cases

/** A case to create: one debtor's invoices in one currency. */
export interface PlannedCase {
  readonly debtorKey: string;
  readonly currency: string;
  readonly rows: readonly PlacementRow[];
  readonly totalCents: number;
}

/** The case grouping key: one case per debtor and currency (a case's balance has one currency). */
export function caseKeyOf(row: PlacementRow): string {
  return `${row.debtorKey}|${row.claim.currency}`;
}

/**
 * Splits validated rows into cases (first appearance order) and reports an invoice given twice in the
 * same file (the later row). A row is in exactly one of `cases` or `errors`.
 */
export function planPlacementCases(rows: readonly PlacementRow[]): { cases: PlannedCase[]; errors: PlacementRowError[] } {
  const seen = new Map<string, number>();
  const groups = new Map<string, PlacementRow[]>();
  const errors: PlacementRowError[] = [];
  for (const r of rows) {
    const first = seen.get(r.rowKey);
    if (first !== undefined) {
      errors.push(duplicateInFileError(r.row, first));
      continue;
    }
    seen.set(r.rowKey, r.row);
    const key = caseKeyOf(r);
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  const cases = [...groups.values()].map((g) => ({
    debtorKey: g[0]!.debtorKey,
    currency: g[0]!.claim.currency,
    rows: g,
    totalCents: g.reduce((s, r) => s + r.claim.principalCents, 0),
  }));
  return { cases, errors };
}

/** The error of an invoice number given again later in the same file. */
export function duplicateInFileError(row: number, firstRow: number): PlacementRowError {
  return { row, column: FIELD_LABELS.invoiceNumber, code: "DUPLICATE_IN_FILE", message: `This invoice number is already on row ${firstRow} of the file.` };
}

// ---------------------------------------------------------------------------------------------------
// Export safety

/**
 * A cell safe to open in a spreadsheet: text that a spreadsheet would read as a formula (starting with
 * = + - @, a tab or a carriage return; OWASP "CSV injection") is prefixed with an apostrophe.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(value) ? `'${value}` : value;
}

/** One CSV line (RFC 4180 quoting) of neutralised cells. */
export function toCsvLine(cells: readonly (string | number)[], delimiter = ","): string {
  return cells
    .map((c) => {
      const s = typeof c === "number" ? String(c) : neutraliseCell(c);
      return /["\r\n]/.test(s) || s.includes(delimiter) || s.startsWith("'") ? `"${s.replaceAll('"', '""')}"` : s;
    })
    .join(delimiter);
}

/** The CSV report of row errors a creditor downloads to fix their file. */
export function placementErrorsCsv(errors: readonly PlacementRowError[]): string {
  return [toCsvLine(["row", "column", "code", "message"]), ...errors.map((e) => toCsvLine([e.row, e.column, e.code, e.message]))].join("\r\n") + "\r\n";
}
