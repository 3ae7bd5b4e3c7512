import { sql, type SQL } from "drizzle-orm";
import { check, timestamp, type AnyPgColumn } from "drizzle-orm/pg-core";

// Enumerations are text + CHECK rather than pg enums: adding a value is a one-line constraint swap in a
// migration, whereas `ALTER TYPE ... ADD VALUE` cannot run inside a transaction and values never go away.

/** A SQL list of quoted literals; CHECK bodies are DDL, so values are inlined, never bound. */
export function literalList(values: readonly string[]): SQL {
  return sql.raw(values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", "));
}

/** `CHECK (column IN (...))` built from one of the domain vocabulary arrays. */
export function checkIn(name: string, column: AnyPgColumn, values: readonly string[]) {
  return check(name, sql`${column} IN (${literalList(values)})`);
}

/** `CHECK` that a char(3) column holds an upper-case ISO 4217 code. */
export function checkCurrency(name: string, column: AnyPgColumn) {
  return check(name, sql`${column} ~ '^[A-Z]{3}$'`);
}

/** An instant, stored with its time zone and read back as a Date. */
export const instant = () => timestamp({ withTimezone: true, mode: "date" });

/** `created_at` defaulting to the database clock, for rows whose creation time is bookkeeping only. */
export const createdAt = () => instant().notNull().defaultNow();

/** `updated_at`, refreshed by drizzle on every `update()` that goes through the query builder. */
export const updatedAt = () =>
  instant()
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

// A NULL never fails a CHECK, so checkIn() also suits nullable columns.
