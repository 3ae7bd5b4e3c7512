import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, smallint, text, unique, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases.ts";
import { clients } from "./clients.ts";
import { checkIn, createdAt, instant, updatedAt } from "./helpers.ts";
import { users } from "./users.ts";

/** One opening slot: ISO weekday (1 = Monday … 7 = Sunday) and local times "HH:MM". */
export interface OpeningSlot {
  weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  opens: string;
  closes: string;
}
export type OpeningHours = OpeningSlot[];

/** The agency's own details, printed on letters and statements. A single row (id = 1). */
export const agencySettings = pgTable(
  "agency_settings",
  {
    id: smallint().primaryKey().default(1),
    name: text().notNull(),
    legalName: text(),
    address: text(),
    registrationNumber: text(),
    vatNumber: text(),
    email: text(),
    phone: text(),
    website: text(),
    iban: text(),
    // When debtors can reach an agent by phone; structured so each language formats it itself.
    openingHours: jsonb().$type<OpeningHours>(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("agency_settings_singleton_check", sql`${t.id} = 1`),
    check("agency_settings_opening_hours_check", sql`${t.openingHours} IS NULL OR jsonb_typeof(${t.openingHours}) = 'array'`),
  ],
);
export type AgencySettings = typeof agencySettings.$inferSelect;
export type NewAgencySettings = typeof agencySettings.$inferInsert;

/** Last sign of life of each worker process, shown on the admin health page. */
export const workerHeartbeats = pgTable("worker_heartbeats", {
  workerName: text().primaryKey(),
  startedAt: instant().notNull(),
  lastBeatAt: instant().notNull(),
  host: text(),
  pid: integer(),
  version: text(),
});
export type WorkerHeartbeat = typeof workerHeartbeats.$inferSelect;
export type NewWorkerHeartbeat = typeof workerHeartbeats.$inferInsert;

const IMPORT_SOURCES = ["csv", "api"] as const;
const IMPORT_BATCH_STATUSES = ["pending", "processing", "completed", "failed"] as const;
const IMPORT_ROW_STATUSES = ["created", "rejected"] as const;

/** A placement import (one CSV upload or API call) by a client. */
export const importBatches = pgTable(
  "import_batches",
  {
    id: uuid().primaryKey().defaultRandom(),
    clientId: uuid()
      .notNull()
      .references(() => clients.id, { onDelete: "restrict" }),
    source: text().notNull(),
    filename: text(),
    status: text().notNull().default("pending"),
    rowCount: integer().notNull().default(0),
    createdCount: integer().notNull().default(0),
    duplicateCount: integer().notNull().default(0),
    rejectedCount: integer().notNull().default(0),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    completedAt: instant(),
  },
  (t) => [
    checkIn("import_batches_source_check", t.source, IMPORT_SOURCES),
    checkIn("import_batches_status_check", t.status, IMPORT_BATCH_STATUSES),
    check(
      "import_batches_counts_check",
      sql`${t.createdCount} >= 0 AND ${t.duplicateCount} >= 0 AND ${t.rejectedCount} >= 0 AND ${t.createdCount} + ${t.duplicateCount} + ${t.rejectedCount} <= ${t.rowCount}`,
    ),
    // A client's import history, newest first.
    index("import_batches_client_idx").on(t.clientId, t.createdAt.desc()),
  ],
);
export type ImportBatch = typeof importBatches.$inferSelect;
export type NewImportBatch = typeof importBatches.$inferInsert;

/**
 * One row of a placement import. `rowKey` is stable for the same placement (the client's key, or a
 * hash of the invoice number and debtor), so re-sending a file or retrying an API call creates nothing
 * twice: a second insert conflicts and the row is reported as a duplicate.
 */
export const importRows = pgTable(
  "import_rows",
  {
    id: uuid().primaryKey().defaultRandom(),
    batchId: uuid()
      .notNull()
      .references(() => importBatches.id, { onDelete: "cascade" }),
    clientId: uuid()
      .notNull()
      .references(() => clients.id, { onDelete: "restrict" }),
    rowKey: text().notNull(),
    rowNumber: integer().notNull(),
    status: text().notNull(),
    caseId: uuid().references(() => cases.id, { onDelete: "set null" }),
    raw: jsonb().notNull(),
    // Per-field messages naming the column, for the client's error report.
    errors: jsonb(),
    createdAt: createdAt(),
  },
  (t) => [
    // Idempotent placement: a client's row key is processed once, across all batches.
    unique("import_rows_client_row_key").on(t.clientId, t.rowKey),
    checkIn("import_rows_status_check", t.status, IMPORT_ROW_STATUSES),
    check("import_rows_row_number_check", sql`${t.rowNumber} >= 1`),
    // A batch's rows in file order (import report).
    index("import_rows_batch_idx").on(t.batchId, t.rowNumber),
  ],
);
export type ImportRow = typeof importRows.$inferSelect;
export type NewImportRow = typeof importRows.$inferInsert;

/**
 * Fixed-window counters for rate limits shared by every app process (sign-in attempts per account and
 * per IP, portal access attempts). `key` names the limit and the subject, e.g. `sign-in:ip:203.0.113.7`.
 */
export const rateLimits = pgTable("rate_limits", {
  key: text().primaryKey(),
  windowStartedAt: instant().notNull(),
  count: integer().notNull().default(0),
  // Set when the subject is locked out beyond the window (repeated failures).
  lockedUntil: instant(),
});
export type RateLimit = typeof rateLimits.$inferSelect;
