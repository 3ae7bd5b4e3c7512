import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema/index.ts";

/** The drizzle database with the whole schema. */
export type Db = PostgresJsDatabase<typeof schema>;
/** A transaction handle; use-cases accept `Db | Tx` so they compose inside a caller's transaction. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either a database or a transaction in progress. */
export type DbOrTx = Db | Tx;

export interface DbHandle {
  db: Db;
  /** The underlying postgres.js client, for raw SQL and COPY. */
  sql: postgres.Sql;
  close(): Promise<void>;
}

interface CreateDbOptions {
  /** Pool size; apps default to 10. */
  max?: number;
  logQueries?: boolean;
}

/** Connects to `url` (a postgres:// URL). Use `resolveDatabaseUrl()` to get one. */
export function createDb(url: string, options: CreateDbOptions = {}): DbHandle {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
  });
  const db = drizzle(sql, { schema, casing: "snake_case", logger: options.logQueries ?? false });
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}
