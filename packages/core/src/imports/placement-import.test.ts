import { cases, claims, contactPoints, debtors, importBatches, importRows, ledgerEntries, users, type Client } from "@recouvra/db";
import { useTestDb } from "@recouvra/db/testing";
import { isDomainError, ogmReference, rfReference } from "@recouvra/domain";
import { eq, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock, type Actor, type Ctx } from "../context.ts";
import { insertClient } from "../testing/fixtures.ts";
import { commitPlacementImport } from "./commit-placement-import.ts";
import { createClientApiKey } from "./client-api-keys.ts";
import { getPlacementImportProgress, listPlacementImports } from "./list-placement-imports.ts";
import { placeCasesViaApi } from "./place-cases-via-api.ts";
import { previewPlacementImport } from "./preview-placement-import.ts";
import { readCsv } from "./read-csv.ts";

const t = useTestDb();
const clock = fixedClock("2026-11-22T10:00:00Z");
let be: Client;
let fr: Client;
let beUser: Actor;
let admin: Actor;

const ctx = (actor: Actor): Ctx => ({ db: t.db, clock, actor });
const bytes = (s: string | Uint8Array, chunk = 7): AsyncIterable<Uint8Array> => {
  const b = typeof s === "string" ? new TextEncoder().encode(s) : s;
  // Tiny chunks: multi-byte characters and lines get cut between chunks, as over a network.
  return Readable.from((function* () {
    for (let i = 0; i < b.length; i += chunk) yield b.subarray(i, i + chunk);
  })());
};
const file = (text: string | Uint8Array, name = "placements.csv") => ({ name, stream: bytes(text) });

async function addUser(role: "client" | "admin", clientId?: string): Promise<Actor> {
  const [u] = await t.db
    .insert(users)
    .values({ email: `${randomUUID()}@test.test`, displayName: `${role} user`, role, clientId: clientId ?? null })
    .returning();
  return { kind: "user", userId: u!.id, role, clientId };
}

beforeAll(async () => {
  be = await insertClient(t.db, { jurisdiction: "BE", countryCode: "BE", defaultLocale: "nl" });
  fr = await insertClient(t.db);
  beUser = await addUser("client", be.id);
  admin = await addUser("admin");
});

const HEADER = "Debtor reference;Last name;First name;Email;Phone;Invoice number;Issue date;Due date;Amount";

describe("readCsv", () => {
  it("reads UTF-8 with and without BOM, and Windows-1252, with any delimiter", async () => {
    const read = async (b: Uint8Array) => {
      let shape;
      const out = [];
      for await (const r of readCsv(bytes(b, 3), (s) => (shape = s))) out.push(r.cells);
      return { shape, out };
    };
    const utf8 = new TextEncoder().encode("nom;ville\nDesprès;Liège\n");
    expect(await read(utf8)).toEqual({ shape: { encoding: "utf-8", hasBom: false, delimiter: ";" }, out: [["nom", "ville"], ["Desprès", "Liège"]] });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("name,city\r\nDesprès,Liège\r\n")]);
    expect(await read(bom)).toEqual({ shape: { encoding: "utf-8", hasBom: true, delimiter: "," }, out: [["name", "city"], ["Desprès", "Liège"]] });
    // "Desprès" in Windows-1252: è is the single byte 0xE8.
    const cp1252 = new Uint8Array([...new TextEncoder().encode("name\tcity\nDespr"), 0xe8, ...new TextEncoder().encode("s\tLi"), 0xe8, ...new TextEncoder().encode("ge\n")]);
    expect(await read(cp1252)).toEqual({ shape: { encoding: "windows-1252", hasBom: false, delimiter: "\t" }, out: [["name", "city"], ["Desprès", "Liège"]] });
  });
});

describe("previewPlacementImport", () => {
  it("counts what would be placed and reports every row error by row and column, writing only the batch", async () => {
    const csv = [
      HEADER,
      "C1;Peeters;Jan;jan@x.test;0470 12 34 56;F-1;01/09/2026;01/10/2026;1.234,56",
      "C1;Peeters;Jan;jan@x.test;;F-2;01/09/2026;15/10/2026;10,5",
      "C2;Janssens;An;;;F-3;31/02/2026;01/10/2026;-5",
      ";;;;;F-4;01/09/2026;01/10/2026;12",
      "C3;Maes;Piet;;;F-1;01/09/2026;01/10/2026;12",
      "",
    ].join("\n");
    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(cases);
    const p = await previewPlacementImport({ ctx: ctx(beUser), input: { clientId: be.id, file: file(csv) } });
    expect(p.counts).toMatchObject({ rows: 5, valid: 2, invalid: 3, alreadyImported: 0, newClaims: 2, newCases: 1, newDebtors: 1, matchedDebtors: 0, totalCents: 124506 });
    expect(p.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [4, "Issue date", "DATE_INVALID"],
      [4, "Amount", "AMOUNT_NOT_POSITIVE"],
      [5, "Last name", "NAME_REQUIRED"],
      [6, "Invoice number", "DUPLICATE_IN_FILE"],
    ]);
    expect(p.canCommit).toBe(false);
    const after = await t.db.select({ n: sql<number>`count(*)::int` }).from(cases);
    expect(after).toEqual(before);
    const [batch] = await t.db.select().from(importBatches).where(eq(importBatches.id, p.batchId));
    expect(batch).toMatchObject({ status: "pending", rowCount: 5, rejectedCount: 3, source: "csv", filename: "placements.csv" });
  });

  it("reads a comma-delimited Windows-1252 file with decimal points", async () => {
    const text = "Invoice,Issue date,Due date,Amount,Company,Company number,Country\r\nW-1,2026-09-01,2026-10-01,\"1,234.50\",Brasserie Liège SRL,0123.456.789,Belgique\r\n";
    const encoded = Uint8Array.from([...text].map((c) => (c === "è" ? 0xe8 : c.charCodeAt(0))));
    const p = await previewPlacementImport({ ctx: ctx(beUser), input: { clientId: be.id, file: file(encoded) } });
    expect(p.shape).toEqual({ encoding: "windows-1252", hasBom: false, delimiter: "," });
    expect(p.errors).toEqual([]);
    expect(p.counts).toMatchObject({ rows: 1, valid: 1, newCases: 1, totalCents: 123450 });
  });

  it("reports a file without the required columns on row 1", async () => {
    const p = await previewPlacementImport({ ctx: ctx(beUser), input: { clientId: be.id, file: file("foo;bar\n1;2\n") } });
    expect(p.errors.every((e) => e.row === 1 && e.code === "MISSING_COLUMN")).toBe(true);
    expect(p.canCommit).toBe(false);
  });

  it("never crashes on a broken file: an unclosed quote is a reported error", async () => {
    const p = await previewPlacementImport({ ctx: ctx(beUser), input: { clientId: be.id, file: file(`${HEADER}\nC9;"Never closed;x;;;Q-1;01/09/2026;01/10/2026;1\n`) } });
    expect(p.errorTotal).toBeGreaterThan(0);
    expect(p.canCommit).toBe(false);
  });

  it("refuses a client user placing for another client, as if it did not exist", async () => {
    await expect(previewPlacementImport({ ctx: ctx(beUser), input: { clientId: fr.id, file: file(HEADER) } })).rejects.toSatisfy((e) => isDomainError(e, "NOT_FOUND"));
    await expect(previewPlacementImport({ ctx: ctx({ kind: "debtor", debtorId: "d", caseIds: [] }), input: { clientId: be.id, file: file(HEADER) } })).rejects.toSatisfy((e) =>
      isDomainError(e, "FORBIDDEN"),
    );
  });
});

describe("commitPlacementImport", () => {
  const GOOD = [
    HEADER,
    "K1;Claes;Lena;lena@x.test;0470 11 22 33;G-1;01/08/2026;01/09/2026;100,00",
    "K1;Claes;Lena;lena@x.test;0470 11 22 33;G-2;01/08/2026;15/09/2026;50,25",
    "K2;Wouters;Tom;tom@x.test;;G-3;01/08/2026;01/09/2026;1 000",
  ].join("\n");

  it("places every case with its claims, ledger, balance, references and audit, then nothing the second time", async () => {
    const preview = await previewPlacementImport({ ctx: ctx(beUser), input: { clientId: be.id, file: file(GOOD) } });
    expect(preview.canCommit).toBe(true);
    const done = await commitPlacementImport({ ctx: ctx(beUser), input: { batchId: preview.batchId } });
    expect(done.counts).toMatchObject({ newCases: 2, newClaims: 3, newDebtors: 2 });
    expect(done.caseReferences).toHaveLength(2);

    const placed = await t.db.select().from(cases).where(eq(cases.clientId, be.id)).orderBy(cases.reference);
    const lena = placed.find((c) => c.balanceCents === 15025)!;
    expect(lena).toMatchObject({ stage: "new", jurisdiction: "BE", currency: "EUR", placedOn: "2026-11-22" });
    const seq = lena.reference.slice(8);
    expect(lena.reference).toMatch(/^RC-2026-\d{6}$/);
    // The SQL that numbers references agrees with the domain's reference functions.
    expect(lena.paymentReference).toBe(ogmReference(`26${seq.padStart(8, "0")}`));
    const lenaClaims = await t.db.select().from(claims).where(eq(claims.caseId, lena.id));
    expect(lenaClaims.map((c) => [c.invoiceNumber, c.principalCents, c.dueOn])).toEqual(
      expect.arrayContaining([
        ["G-1", 10000, "2026-09-01"],
        ["G-2", 5025, "2026-09-15"],
      ]),
    );
    const ledger = await t.db.select().from(ledgerEntries).where(eq(ledgerEntries.caseId, lena.id));
    expect(ledger.reduce((s, e) => s + e.amountCents, 0)).toBe(lena.balanceCents);
    expect(ledger.every((e) => e.kind === "placed" && e.component === "principal")).toBe(true);
    const [debtor] = await t.db.select().from(debtors).where(eq(debtors.id, lena.debtorId));
    expect(debtor).toMatchObject({ externalRef: "K1", lastName: "Claes", kind: "person", type: "consumer", locale: "nl", jurisdiction: "BE" });
    const points = await t.db.select().from(contactPoints).where(eq(contactPoints.debtorId, lena.debtorId));
    expect(points.map((p) => [p.kind, p.value]).sort()).toEqual([["email", "lena@x.test"], ["phone", "+32470112233"]]);
    const audit = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_events where action = 'case.placed' and client_id = ${be.id}`);
    expect(audit[0]!.n).toBe(2);
    const [batch] = await t.db.select().from(importBatches).where(eq(importBatches.id, preview.batchId));
    expect(batch).toMatchObject({ status: "completed", rowCount: 3, createdCount: 3, duplicateCount: 0 });
    expect(await getPlacementImportProgress({ ctx: ctx(beUser), input: { batchId: preview.batchId } })).toMatchObject({ rowsProcessed: 3, rowsTotal: 3 });

    // The same file again: every row is already imported, nothing new is written.
    const again = await previewPlacementImport({ ctx: ctx(beUser), input: { clientId: be.id, file: file(GOOD) } });
    expect(again.counts).toMatchObject({ valid: 3, alreadyImported: 3, newClaims: 0, newCases: 0 });
    expect(again.canCommit).toBe(false);
    const rows = await t.db.select({ n: sql<number>`count(*)::int` }).from(importRows).where(eq(importRows.clientId, be.id));
    expect(rows[0]!.n).toBe(3);

    // A new invoice of a known debtor (matched by email this time) makes a new case for that debtor.
    const more = [HEADER, ";Claes;Lena;LENA@x.test;;G-9;01/08/2026;01/09/2026;9", ...GOOD.split("\n").slice(1)].join("\n");
    const p3 = await previewPlacementImport({ ctx: ctx(beUser), input: { clientId: be.id, file: file(more) } });
    expect(p3.counts).toMatchObject({ alreadyImported: 3, newClaims: 1, newCases: 1, matchedDebtors: 1, newDebtors: 0 });
    await commitPlacementImport({ ctx: ctx(beUser), input: { batchId: p3.batchId } });
    const lenaCases = await t.db.select().from(cases).where(eq(cases.debtorId, lena.debtorId));
    expect(lenaCases).toHaveLength(2);

    const history = await listPlacementImports({ ctx: ctx(beUser) });
    expect(history.every((h) => h.clientId === be.id)).toBe(true);
    expect(history.filter((h) => h.status === "completed")).toHaveLength(2);
  });

  it("numbers RF references for clients outside Belgium the way the domain does", async () => {
    const frUser = await addUser("client", fr.id);
    const p = await previewPlacementImport({ ctx: ctx(frUser), input: { clientId: fr.id, file: file(`${HEADER}\nZ1;Martin;Luc;;;R-1;01/08/2026;01/09/2026;12`) } });
    await commitPlacementImport({ ctx: ctx(frUser), input: { batchId: p.batchId } });
    const [c] = await t.db.select().from(cases).where(eq(cases.clientId, fr.id));
    expect(c!.paymentReference).toBe(rfReference(`RC2026${c!.reference.slice(8)}`));
  });

  it("writes nothing at all when the database fails midway", async () => {
    // A test-only trigger makes one ledger insert fail after debtors, cases and claims were written.
    await t.db.execute(sql`create or replace function test_fail_ledger() returns trigger language plpgsql as $$
      begin if new.amount_cents = 424242 then raise exception 'disk on fire'; end if; return new; end $$`);
    await t.db.execute(sql`create trigger test_fail_ledger before insert on ledger_entries for each row execute function test_fail_ledger()`);
    const count = async () => {
      const [r] = await t.db.execute<{ c: number; d: number; k: number; r: number }>(sql`select
        (select count(*) from cases)::int as c, (select count(*) from debtors)::int as d, (select count(*) from claims)::int as k, (select count(*) from import_rows)::int as r`);
      return r;
    };
    const before = await count();
    const csv = [HEADER, "X1;A;B;;;FAIL-1;01/08/2026;01/09/2026;10", "X2;C;D;;;FAIL-2;01/08/2026;01/09/2026;4242,42"].join("\n");
    const p = await previewPlacementImport({ ctx: ctx(beUser), input: { clientId: be.id, file: file(csv) } });
    await expect(commitPlacementImport({ ctx: ctx(beUser), input: { batchId: p.batchId } })).rejects.toSatisfy((e) => /disk on fire/.test(String((e as Error).cause ?? e)));
    expect(await count()).toEqual(before);
    const [batch] = await t.db.select().from(importBatches).where(eq(importBatches.id, p.batchId));
    expect(batch!.status).toBe("failed");
    await t.db.execute(sql`drop trigger test_fail_ledger on ledger_entries`);
  });

  it("refuses to commit a file with errors, and another client's batch as not found", async () => {
    const p = await previewPlacementImport({ ctx: ctx(beUser), input: { clientId: be.id, file: file(`${HEADER}\nE1;A;B;;;E-1;01/08/2026;01/09/2026;abc`) } });
    await expect(commitPlacementImport({ ctx: ctx(beUser), input: { batchId: p.batchId } })).rejects.toSatisfy((e) => isDomainError(e, "VALIDATION"));
    const frUser = await addUser("client", fr.id);
    await expect(commitPlacementImport({ ctx: ctx(frUser), input: { batchId: p.batchId } })).rejects.toSatisfy((e) => isDomainError(e, "NOT_FOUND"));
    await expect(getPlacementImportProgress({ ctx: ctx(frUser), input: { batchId: p.batchId } })).rejects.toSatisfy((e) => isDomainError(e, "NOT_FOUND"));
  });
});

describe("placeCasesViaApi", () => {
  it("places JSON placements with a client's API key, idempotently, and refuses bad keys and bad rows", async () => {
    await expect(createClientApiKey({ ctx: ctx(beUser), input: { clientId: be.id, name: "ERP" } })).rejects.toSatisfy((e) => isDomainError(e, "FORBIDDEN"));
    const { key } = await createClientApiKey({ ctx: ctx(admin), input: { clientId: fr.id, name: "ERP" } });
    const system: Actor = { kind: "system", name: "api" };
    const body = { placements: [{ invoiceNumber: "API-1", issueDate: "2026-08-01", dueDate: "2026-09-01", amount: 99.5, lastName: "Bernard", email: "b@x.test" }] };
    const first = await placeCasesViaApi({ ctx: ctx(system), input: { apiKey: key, body } });
    expect(first).toMatchObject({ ok: true, counts: { newCases: 1, newClaims: 1, totalCents: 9950 } });
    const second = await placeCasesViaApi({ ctx: ctx(system), input: { apiKey: key, body } });
    expect(second).toMatchObject({ ok: true, counts: { newCases: 0, alreadyImported: 1 } });
    const bad = await placeCasesViaApi({ ctx: ctx(system), input: { apiKey: key, body: { placements: [{ ...body.placements[0], invoiceNumber: "API-2", amount: -1 }] } } });
    expect(bad).toMatchObject({ ok: false, errors: [{ row: 1, column: "amount", code: "AMOUNT_NOT_POSITIVE" }] });
    await expect(placeCasesViaApi({ ctx: ctx(system), input: { apiKey: "rcv_nope", body } })).rejects.toThrow(/API key/);
    const [stored] = await t.db.execute<{ key_hash: string }>(sql`select key_hash from client_api_keys where client_id = ${fr.id}`);
    expect(stored!.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored!.key_hash).not.toContain(key.slice(4, 20));
  });
});

describe("scale", () => {
  // The million-row figures (throughput against COPY, peak memory) are measured by `pnpm bench`; this
  // keeps a smaller run in every test pass so a regression to whole-file buffering shows up early.
  it("streams a large file with bounded memory", async () => {
    const client = await insertClient(t.db, { jurisdiction: "NL", countryCode: "NL", defaultLocale: "nl" });
    const user = await addUser("client", client.id);
    const N = Number(process.env.IMPORT_TEST_ROWS ?? 20_000);
    const generate = function* () {
      yield `${HEADER}\n`;
      let buf = "";
      for (let i = 1; i <= N; i++) {
        // Three invoices per debtor on average, spread across the file.
        const d = i % 33_333;
        buf += `D${d};Naam${d};Voor;d${d}@x.test;06${String(10_000_000 + d).slice(0, 8)};B-${i};0${(i % 9) + 1}/08/2026;15/09/2026;${(i % 5000) + 1},${String(i % 100).padStart(2, "0")}\n`;
        if (i % 1000 === 0) {
          yield buf;
          buf = "";
        }
      }
      yield buf;
    };
    const source = () => Readable.from((function* () {
      for (const s of generate()) yield Buffer.from(s, "utf8");
    })());
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const started = performance.now();
    const preview = await previewPlacementImport({ ctx: ctx(user), input: { clientId: client.id, file: { name: "big.csv", stream: source() } } });
    const previewed = performance.now();
    expect(preview.errors).toEqual([]);
    expect(preview.counts).toMatchObject({ rows: N, valid: N, newCases: Math.min(N, 33_333) });
    const done = await commitPlacementImport({ ctx: ctx(user), input: { batchId: preview.batchId } });
    const committed = performance.now();
    clearInterval(timer);
    expect(done.counts.newClaims).toBe(N);
    const rate = (ms: number) => Math.round((N / ms) * 1000);
    console.info(
      `placement import, ${N} rows: preview ${Math.round(previewed - started)} ms (${rate(previewed - started)} rows/s), commit ${Math.round(committed - previewed)} ms (${rate(committed - previewed)} rows/s); RSS peak +${Math.round((peak - baseline) / 1e6)} MB over ${Math.round(baseline / 1e6)} MB`,
    );
    // Buffering the file or its rows would cost several hundred MB here.
    expect(peak - baseline).toBeLessThan(250e6);
  }, 300_000);
});
