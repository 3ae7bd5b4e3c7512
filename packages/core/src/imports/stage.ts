/**
 * The placement pipeline shared by the CSV preview, the CSV commit and the JSON API.
 *
 * Rows stream in, are validated by the domain one at a time and written in chunks to a temporary
 * staging table; grouping into cases, duplicate detection, debtor matching and every write are then
 * set-based SQL over that table. The JavaScript side holds one chunk and a capped error list, so memory
 * does not grow with the file, and the database does the joins it is built for (ADR: the alternative,
 * a row-by-row insert loop, is ~50× slower at a million rows and cannot group a debtor's invoices
 * spread across the file without holding them all).
 */
import { appendAuditEvents, type AuditEventInput, type Client, type Tx } from "@recouvra/db";
import {
  duplicateInFileError,
  FIELD_LABELS,
  mapPlacementHeader,
  PLACEMENT_FIELDS,
  PLACEMENT_HEADER_ALIASES,
  normaliseHeader,
  recordFromCells,
  validatePlacementRow,
  compactId,
  caseKeyOf,
  type Locale,
  type PlacementDefaults,
  type PlacementField,
  type PlacementRecord,
  type PlacementRow,
  type PlacementRowError,
} from "@recouvra/domain";
import { sql } from "drizzle-orm";
import type { ByteSource } from "../byte-source.ts";
import { CsvReadError, readCsv, type CsvShape } from "./read-csv.ts";

/** Row errors kept for display; the total is always counted. */
export const MAX_REPORTED_ERRORS = 1000;
const CHUNK_ROWS = 2000;
const PROGRESS_EVERY = 5000;

/** One item of a row source: the header once, then the rows. */
export type SourceItem =
  | { kind: "header"; errors: PlacementRowError[]; columnName: (field: PlacementField) => string }
  | { kind: "row"; row: number; record: PlacementRecord; error?: PlacementRowError };

/** Rows of a CSV file, header first. */
export async function* csvSource(bytes: ByteSource, onShape?: (shape: CsvShape) => void): AsyncGenerator<SourceItem> {
  let header: ReturnType<typeof mapPlacementHeader>["header"] | undefined;
  try {
    for await (const { line, cells } of readCsv(bytes, onShape)) {
      if (!header) {
        const mapped = mapPlacementHeader(cells);
        header = mapped.header;
        const names = new Map<PlacementField, string>();
        mapped.header.columns.forEach((f, i) => f && names.set(f, mapped.header.names[i]!.trim()));
        yield { kind: "header", errors: mapped.errors, columnName: (f) => names.get(f) ?? FIELD_LABELS[f] };
        if (mapped.errors.length > 0) return;
        continue;
      }
      // Spreadsheets leave rows of empty cells at the end of an export.
      if (cells.every((c) => c.trim() === "")) continue;
      const { record, error } = recordFromCells(cells, header, line);
      yield error ? { kind: "row", row: line, record, error } : { kind: "row", row: line, record };
    }
  } catch (e) {
    if (!(e instanceof CsvReadError)) throw e;
    if (!header) yield { kind: "header", errors: [], columnName: (f) => FIELD_LABELS[f] };
    yield { kind: "row", row: Math.max(e.line, 2), record: {}, error: { row: Math.max(e.line, 2), column: "(file)", code: "RAGGED_ROW", message: e.message } };
    return;
  }
  if (!header) yield { kind: "header", errors: [{ row: 1, column: "(file)", code: "MISSING_COLUMN", message: "The file is empty." }], columnName: (f) => FIELD_LABELS[f] };
}

const FIELD_BY_NAME: ReadonlyMap<string, PlacementField> = new Map(
  PLACEMENT_FIELDS.flatMap((f) => [f, ...PLACEMENT_HEADER_ALIASES[f]].map((a) => [normaliseHeader(a), f] as const)),
);

/** Rows of a JSON API call: objects keyed by field name (or any header alias); row = index + 1. */
export async function* jsonSource(items: readonly Record<string, unknown>[]): AsyncGenerator<SourceItem> {
  yield { kind: "header", errors: [], columnName: (f) => f };
  for (const [i, item] of items.entries()) {
    const record: PlacementRecord = {};
    for (const [key, value] of Object.entries(item)) {
      const field = FIELD_BY_NAME.get(normaliseHeader(key));
      if (!field || value === null || value === undefined) continue;
      record[field] = typeof value === "number" ? String(value) : typeof value === "string" ? value : JSON.stringify(value);
    }
    yield { kind: "row", row: i + 1, record };
  }
}

/** Counts of a placement, as previewed or as written. */
export interface PlacementCounts {
  /** Data rows read (the header excluded). */
  rows: number;
  valid: number;
  invalid: number;
  /** Valid rows whose invoice was placed before (same row key or invoice number): skipped. */
  alreadyImported: number;
  /** Valid rows that will become (or became) claims. */
  newClaims: number;
  newCases: number;
  newDebtors: number;
  matchedDebtors: number;
  totalCents: number;
}

export interface StagedPlacement {
  counts: PlacementCounts;
  errors: PlacementRowError[];
  errorTotal: number;
  shape?: CsvShape;
}

/** Collects errors up to the display cap, counting every one and every invalid row. */
class ErrorLog {
  readonly shown: PlacementRowError[] = [];
  total = 0;
  invalidRows = 0;
  add(errors: readonly PlacementRowError[]): void {
    for (const e of errors) {
      this.total++;
      if (this.shown.length < MAX_REPORTED_ERRORS) this.shown.push(e);
    }
  }
}

export function clientDefaults(client: Client, today: string): PlacementDefaults {
  return {
    countryCode: client.countryCode,
    locale: client.defaultLocale as Locale,
    currency: client.defaultCurrency,
    jurisdiction: client.jurisdiction as PlacementDefaults["jurisdiction"],
    today,
  };
}

function stagingRow(r: PlacementRow, record: PlacementRecord) {
  const d = r.debtor;
  return {
    row_number: r.row,
    row_key: r.rowKey,
    debtor_key: r.debtorKey,
    case_key: caseKeyOf(r),
    external_ref: d.externalRef,
    kind: d.kind,
    type: d.type,
    first_name: d.firstName,
    last_name: d.lastName,
    company_name: d.companyName,
    registration_number: d.registrationNumber,
    registration_compact: d.registrationNumber ? compactId(d.registrationNumber) : null,
    email: d.email,
    phone: d.phone,
    line1: d.addressLine1,
    line2: d.addressLine2,
    postal_code: d.postalCode,
    city: d.city,
    country_code: d.countryCode,
    locale: d.locale,
    jurisdiction: d.jurisdiction,
    invoice_number: r.claim.invoiceNumber,
    issued_on: r.claim.issuedOn,
    due_on: r.claim.dueOn,
    principal_cents: r.claim.principalCents,
    currency: r.claim.currency,
    description: r.claim.description,
    client_reference: r.clientReference,
    raw: record,
  };
}

const STAGING_COLUMNS = `row_number int, row_key text, debtor_key text, case_key text, external_ref text, kind text, type text,
  first_name text, last_name text, company_name text, registration_number text, registration_compact text, email text, phone text,
  line1 text, line2 text, postal_code text, city text, country_code text, locale text, jurisdiction text, invoice_number text,
  issued_on date, due_on date, principal_cents bigint, currency text, description text, client_reference text, raw jsonb`;

/**
 * Streams `source` into the staging table `pi_rows` of transaction `tx` (dropped at its end), then
 * plans the cases: in-file duplicates reported, earlier placements marked, debtors matched within the
 * client (customer number, company number, email, phone) or planned new. Writes nothing else.
 */
export async function stagePlacement(
  tx: Tx,
  client: Client,
  today: string,
  source: AsyncIterable<SourceItem>,
  onProgress?: (rowsRead: number) => Promise<void>,
): Promise<StagedPlacement> {
  const defaults = clientDefaults(client, today);
  const log = new ErrorLog();
  let rows = 0;
  let columnName: (f: PlacementField) => string = (f) => FIELD_LABELS[f];
  await tx.execute(sql.raw(`create temp table pi_rows (${STAGING_COLUMNS}, claim_id uuid not null default gen_random_uuid(), is_duplicate boolean not null default false) on commit drop`));

  let chunk: ReturnType<typeof stagingRow>[] = [];
  const flush = async () => {
    if (chunk.length === 0) return;
    const json = JSON.stringify(chunk);
    chunk = [];
    await tx.execute(sql`insert into pi_rows (${sql.raw(STAGING_COLUMNS.replace(/ (int|text|date|bigint|jsonb)(,|$)/g, "$2"))})
      select * from jsonb_to_recordset(${json}::jsonb) as x(${sql.raw(STAGING_COLUMNS)})`);
  };

  for await (const item of source) {
    if (item.kind === "header") {
      columnName = item.columnName;
      if (item.errors.length > 0) {
        log.add(item.errors);
        log.invalidRows = 0;
      }
      continue;
    }
    rows++;
    if (item.error) {
      log.add([item.error]);
      log.invalidRows++;
    } else {
      const result = validatePlacementRow(item.record, item.row, defaults, columnName);
      if (result.ok) {
        chunk.push(stagingRow(result.value, item.record));
        if (chunk.length >= CHUNK_ROWS) await flush();
      } else {
        log.add(result.errors);
        log.invalidRows++;
      }
    }
    if (onProgress && rows % PROGRESS_EVERY === 0) await onProgress(rows);
  }
  await flush();
  // Temporary tables are never analysed automatically; the planner needs their size for the joins below.
  await tx.execute(sql`create index on pi_rows (case_key)`);
  await tx.execute(sql`analyze pi_rows`);

  // The same invoice twice in one file: the later rows are errors, the first stands.
  const repeated = await tx.execute<{ row_number: number; first_row: number; n: number }>(sql`
    with d as (select row_number, min(row_number) over (partition by row_key) as first_row from pi_rows)
    select row_number, first_row, count(*) over ()::int as n from d where row_number <> first_row order by row_number limit ${MAX_REPORTED_ERRORS}`);
  if (repeated.length > 0) {
    const n = repeated[0]!.n;
    const errors = repeated.map((r) => ({ ...duplicateInFileError(r.row_number, r.first_row), column: columnName("invoiceNumber") }));
    log.add(errors);
    log.total += n - errors.length;
    log.invalidRows += n;
    await tx.execute(sql`delete from pi_rows s using (select row_number, min(row_number) over (partition by row_key) as first_row from pi_rows) d
      where s.row_number = d.row_number and d.row_number <> d.first_row`);
  }
  // Errors in file order, whatever found them.
  log.shown.sort((a, b) => a.row - b.row);

  await tx.execute(sql`update pi_rows s set is_duplicate = true
    where exists (select 1 from import_rows r where r.client_id = ${client.id} and r.row_key = s.row_key)
       or exists (select 1 from claims c where c.client_id = ${client.id} and c.invoice_number = s.invoice_number)`);

  // One debtor per debtor key; matched to the client's existing debtors by each identifier in turn.
  await tx.execute(sql`create temp table pi_debtors on commit drop as
    select debtor_key, min(row_number) as first_row, null::uuid as debtor_id, false as is_new
    from pi_rows where not is_duplicate group by debtor_key`);
  await tx.execute(sql`update pi_debtors g set debtor_id = d.id from pi_rows s, debtors d
    where s.row_number = g.first_row and s.external_ref is not null and d.client_id = ${client.id} and d.external_ref = s.external_ref`);
  await tx.execute(sql`update pi_debtors g set debtor_id = m.id from (
      select s.row_number, min(d.id::text)::uuid as id from pi_rows s join debtors d
        on d.client_id = ${client.id} and d.registration_number is not null
       and upper(regexp_replace(d.registration_number, '[\\s./-]', '', 'g')) = s.registration_compact
      group by s.row_number) m
    where g.debtor_id is null and m.row_number = g.first_row`);
  for (const kind of ["email", "phone"] as const) {
    const column = kind === "email" ? sql.raw("s.email") : sql.raw("s.phone");
    await tx.execute(sql`update pi_debtors g set debtor_id = m.id from (
        select s.row_number, min(cp.debtor_id::text)::uuid as id from pi_rows s join contact_points cp
          on cp.client_id = ${client.id} and cp.kind = ${kind} and lower(cp.value) = lower(${column})
        group by s.row_number) m
      where g.debtor_id is null and m.row_number = g.first_row`);
  }
  await tx.execute(sql`update pi_debtors set debtor_id = gen_random_uuid(), is_new = true where debtor_id is null`);
  await tx.execute(sql`create temp table pi_cases on commit drop as
    select s.case_key, min(s.debtor_key) as debtor_key, min(s.currency) as currency, min(s.row_number) as first_row,
           count(*)::int as claims, sum(s.principal_cents)::bigint as total_cents, gen_random_uuid() as case_id,
           row_number() over (order by min(s.row_number))::int as ordinal
    from pi_rows s where not s.is_duplicate group by s.case_key`);
  await tx.execute(sql`create index on pi_cases (ordinal)`);
  await tx.execute(sql`analyze pi_cases`);
  await tx.execute(sql`analyze pi_debtors`);

  const [stats] = await tx.execute<{ valid: number; duplicates: number; claims: number; total: string | null; cases: number; new_debtors: number; matched: number }>(sql`
    select (select count(*) from pi_rows)::int as valid,
           (select count(*) from pi_rows where is_duplicate)::int as duplicates,
           (select count(*) from pi_rows where not is_duplicate)::int as claims,
           (select sum(principal_cents) from pi_rows where not is_duplicate)::text as total,
           (select count(*) from pi_cases)::int as cases,
           (select count(*) from pi_debtors where is_new)::int as new_debtors,
           (select count(*) from pi_debtors where not is_new)::int as matched`);
  const s = stats!;
  return {
    counts: {
      rows,
      valid: s.valid,
      invalid: log.invalidRows,
      alreadyImported: s.duplicates,
      newClaims: s.claims,
      newCases: s.cases,
      newDebtors: s.new_debtors,
      matchedDebtors: s.matched,
      totalCents: Number(s.total ?? 0),
    },
    errors: log.shown,
    errorTotal: log.total,
  };
}

/** Who placed the cases, for `created_by` and the audit trail. */
export interface Placer {
  actorKind: "user" | "client_api" | "system";
  actorId: string | null;
  userId: string | null;
  source: "csv" | "api";
}

/**
 * Writes what `stagePlacement` planned, in the caller's transaction: new debtors and their contact
 * points, one case per debtor and currency (stage new, references allocated under a lock), the claims,
 * their `placed` principal entries, the import rows that make the next run idempotent, and the audit
 * events. Returns the references of the new cases in file order (first 50).
 */
export async function writePlacement(tx: Tx, client: Client, batchId: string, today: string, placer: Placer, at: Date): Promise<{ firstCaseReferences: string[] }> {
  const year = today.slice(0, 4);
  await tx.execute(sql`insert into debtors (id, client_id, kind, type, first_name, last_name, company_name, registration_number, locale, jurisdiction, external_ref)
    select g.debtor_id, ${client.id}, s.kind, s.type, s.first_name, s.last_name, s.company_name, s.registration_number, s.locale, s.jurisdiction, s.external_ref
    from pi_debtors g join pi_rows s on s.row_number = g.first_row where g.is_new`);
  await tx.execute(sql`insert into contact_points (debtor_id, client_id, kind, value, line1, line2, postal_code, city, country_code, is_primary, source)
    select g.debtor_id, ${client.id}, p.kind, p.value, p.line1, p.line2, p.postal_code, p.city, p.country_code, true, 'placement'
    from pi_debtors g join pi_rows s on s.row_number = g.first_row
    cross join lateral (values
      ('email', s.email, null, null, null, null, null),
      ('phone', s.phone, null, null, null, null, null),
      ('address', case when coalesce(s.line1, s.postal_code, s.city) is not null
        then concat_ws(', ', s.line1, s.line2, nullif(concat_ws(' ', s.postal_code, s.city), ''), s.country_code) end,
        s.line1, s.line2, s.postal_code, s.city, s.country_code)
    ) as p(kind, value, line1, line2, postal_code, city, country_code)
    where g.is_new and p.value is not null`);

  // Case references RC-YYYY-NNNNNN: numbered after the highest of the year, under a transaction lock
  // that every writer of new cases takes, so concurrent placements never draw the same number.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('case-reference', 0))`);
  const [top] = await tx.execute<{ n: string }>(sql`
    select coalesce(max(substring(reference from 9)::bigint), 0)::text as n from cases
    where reference like ${`RC-${year}-%`} and reference ~ '^RC-[0-9]{4}-[0-9]+$'`);
  const base = Number(top!.n);
  const seq = sql`(${base}::bigint + c.ordinal)`;
  const seq6 = sql`(case when length(${seq}::text) >= 6 then ${seq}::text else lpad(${seq}::text, 6, '0') end)`;
  const ogmBase = sql`(${year.slice(2)} || lpad(${seq}::text, 8, '0'))`;
  const ogmDigits = sql`(${ogmBase} || lpad((case when ${ogmBase}::bigint % 97 = 0 then 97 else ${ogmBase}::bigint % 97 end)::text, 2, '0'))`;
  // ISO 11649 over "RC<year><seq>": letters read as numbers (R=27, C=12, F=15), "RF00" appended.
  const rf = sql`('RF' || lpad((98 - (('2712' || ${year} || ${seq6} || '271500')::numeric % 97))::int::text, 2, '0') || 'RC' || ${year} || ${seq6})`;
  const paymentReference =
    client.jurisdiction === "BE"
      ? sql`('+++' || substr(${ogmDigits}, 1, 3) || '/' || substr(${ogmDigits}, 4, 4) || '/' || substr(${ogmDigits}, 8, 5) || '+++')`
      : rf;
  await tx.execute(sql`insert into cases (id, client_id, debtor_id, reference, payment_reference, client_reference, stage, jurisdiction, currency, strategy_id, placed_on, balance_cents)
    select c.case_id, ${client.id}, g.debtor_id, 'RC-' || ${year} || '-' || ${seq6}, ${paymentReference}, s.client_reference, 'new',
           ${client.jurisdiction}, c.currency, ${client.strategyId}, ${today}::date, c.total_cents
    from pi_cases c join pi_debtors g on g.debtor_key = c.debtor_key join pi_rows s on s.row_number = c.first_row`);
  await tx.execute(sql`insert into claims (id, case_id, client_id, invoice_number, issued_on, due_on, principal_cents, currency, description)
    select s.claim_id, c.case_id, ${client.id}, s.invoice_number, s.issued_on, s.due_on, s.principal_cents, s.currency, s.description
    from pi_rows s join pi_cases c on c.case_key = s.case_key where not s.is_duplicate`);
  // Principal takes effect on the due date: that is when it became owed and interest may start.
  await tx.execute(sql`insert into ledger_entries (case_id, client_id, component, kind, amount_cents, currency, effective_on, reference, description, claim_id, created_by)
    select c.case_id, ${client.id}, 'principal', 'placed', s.principal_cents, s.currency, s.due_on, s.invoice_number, s.description, s.claim_id, ${placer.userId}::uuid
    from pi_rows s join pi_cases c on c.case_key = s.case_key where not s.is_duplicate`);
  await tx.execute(sql`insert into import_rows (batch_id, client_id, row_key, row_number, status, case_id, raw)
    select ${batchId}::uuid, ${client.id}, s.row_key, s.row_number, 'created', c.case_id, s.raw
    from pi_rows s join pi_cases c on c.case_key = s.case_key where not s.is_duplicate`);

  // One `case.placed` event per case, appended a page at a time so memory stays flat.
  const actor = { actorKind: placer.actorKind, actorId: placer.actorId, clientId: client.id, occurredAt: at } as const;
  const firstCaseReferences: string[] = [];
  for (let after = 0; ; ) {
    const page = await tx.execute<{ case_id: string; reference: string; ordinal: number; claims: number; total_cents: string; invoices: string[] }>(sql`
      select c.case_id, k.reference, c.ordinal, c.claims, c.total_cents::text,
             (select array_agg(s.invoice_number order by s.row_number) from pi_rows s where s.case_key = c.case_key and not s.is_duplicate) as invoices
      from pi_cases c join cases k on k.id = c.case_id where c.ordinal > ${after} order by c.ordinal limit 5000`);
    if (page.length === 0) break;
    after = page.at(-1)!.ordinal;
    if (firstCaseReferences.length < 50) firstCaseReferences.push(...page.slice(0, 50 - firstCaseReferences.length).map((p) => p.reference));
    const events: AuditEventInput[] = page.map((p) => ({
      ...actor,
      action: "case.placed",
      entityType: "case",
      entityId: p.case_id,
      caseId: p.case_id,
      data: { reference: p.reference, source: placer.source, batchId, claims: p.claims, principalCents: Number(p.total_cents), invoiceNumbers: p.invoices.slice(0, 20) },
    }));
    await appendAuditEvents(tx, events);
  }
  return { firstCaseReferences };
}
