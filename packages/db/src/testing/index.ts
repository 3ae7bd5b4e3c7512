/**
 * Test helpers for code that talks to the database. In a test file:
 *   const t = useTestDb();   // then t.db, t.sql, t.url inside tests
 * Each file gets its own database cloned from the migrated template made by the global setup.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { createDb, type Db } from "../client.ts";
import type postgres from "postgres";
import { cloneDatabase, dropDatabase, withDatabase } from "./server.ts";

export { withDatabase, cloneDatabase, dropDatabase } from "./server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Set by the global setup: where to clone per-file databases from. */
    recouvraTestDb: { adminUrl: string; template: string };
  }
}

export interface TestDb {
  readonly db: Db;
  readonly sql: postgres.Sql;
  readonly url: string;
}

/** A fresh migrated database for the current test file, dropped after it. */
export function useTestDb(): TestDb {
  let state: { db: Db; sql: postgres.Sql; url: string; close(): Promise<void> } | undefined;
  let name = "";
  let adminUrl = "";
  beforeAll(async () => {
    const provided = inject("recouvraTestDb");
    adminUrl = provided.adminUrl;
    name = `${provided.template}_${randomBytes(4).toString("hex")}`;
    await cloneDatabase(adminUrl, provided.template, name);
    const url = withDatabase(adminUrl, name);
    const handle = createDb(url, { max: 20 });
    state = { ...handle, url };
  });
  afterAll(async () => {
    await state?.close();
    if (name) await dropDatabase(adminUrl, name);
  });
  const get = () => {
    if (!state) throw new Error("useTestDb(): the database is ready only inside tests and hooks");
    return state;
  };
  return {
    get db() {
      return get().db;
    },
    get sql() {
      return get().sql;
    },
    get url() {
      return get().url;
    },
  };
}
