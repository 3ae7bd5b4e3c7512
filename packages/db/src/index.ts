/**
 * @recouvra/db — schema, client factory (embedded PostgreSQL by default, DATABASE_URL otherwise),
 * migrator, tamper-evident audit trail and demo seed.
 */
export * from "./schema/index.ts";
export { createDb, type Db, type Tx, type DbOrTx, type DbHandle } from "./client.ts";
export { resolveDatabase, ensureDatabase, EMBEDDED_DATABASE, type ResolvedDatabase } from "./resolve.ts";
export { startEmbeddedPostgres, freePort, type EmbeddedCluster } from "./embedded.ts";
export { migrateDatabase } from "./migrate.ts";
export { readDbEnv } from "./env.ts";
export * from "./audit.ts";
