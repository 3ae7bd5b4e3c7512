import { DOCUMENT_KINDS } from "@recouvra/domain";
import { sql } from "drizzle-orm";
import { bigint, char, check, customType, foreignKey, index, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { cases, claims } from "./cases.ts";
import { clients } from "./clients.ts";
import { disputes } from "./disputes.ts";
import { checkIn, createdAt } from "./helpers.ts";
import { users } from "./users.ts";

/** Files: invoices and contracts placed with a case, letters sent, debtor proof, dossiers, statements. */
export const documents = pgTable(
  "documents",
  {
    id: uuid().primaryKey().defaultRandom(),
    clientId: uuid()
      .notNull()
      .references(() => clients.id, { onDelete: "restrict" }),
    // Null for a client's own documents (remittance statements).
    caseId: uuid(),
    claimId: uuid().references(() => claims.id, { onDelete: "set null" }),
    // Evidence sent with a dispute (or an "already paid" claim), so the dispute shows its proof.
    disputeId: uuid().references(() => disputes.id, { onDelete: "set null" }),
    kind: text().notNull(),
    filename: text().notNull(),
    mimeType: text().notNull(),
    sizeBytes: bigint({ mode: "number" }).notNull(),
    // Proves the file is the one that was sent or received (letters are evidence).
    sha256: char({ length: 64 }).notNull(),
    storageKey: text().notNull(),
    // Debtor uploads have no user.
    uploadedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: "documents_case_fk",
      columns: [t.caseId, t.clientId],
      foreignColumns: [cases.id, cases.clientId],
    }).onDelete("restrict"),
    unique("documents_storage_key_key").on(t.storageKey),
    checkIn("documents_kind_check", t.kind, DOCUMENT_KINDS),
    check("documents_size_check", sql`${t.sizeBytes} >= 0`),
    check("documents_sha256_check", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    // A case's documents.
    index("documents_case_idx").on(t.caseId, t.createdAt),
    // A client's documents by kind (statements, dossiers).
    index("documents_client_kind_idx").on(t.clientId, t.kind),
  ],
);
export type Document = typeof documents.$inferSelect;
export type NewDocument = typeof documents.$inferInsert;

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/**
 * The bytes behind `documents.storage_key` when the platform keeps files in its own database (the
 * default storage adapter): one store to back up, shared by every app and worker process, and written
 * in the same transaction as the document row, so a document never points at a missing file.
 */
export const storedFiles = pgTable(
  "stored_files",
  {
    key: text().primaryKey(),
    bytes: bytea().notNull(),
    createdAt: createdAt(),
  },
  (t) => [check("stored_files_key_check", sql`length(${t.key}) BETWEEN 1 AND 512`)],
);
export type StoredFile = typeof storedFiles.$inferSelect;
