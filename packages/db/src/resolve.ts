import { join } from "node:path";
import postgres from "postgres";
import { startEmbeddedPostgres, type EmbeddedCluster } from "./embedded.ts";
import { readDbEnv } from "./env.ts";
import { repoRoot } from "./paths.ts";

/** The database the platform uses on the embedded cluster. */
export const EMBEDDED_DATABASE = "recouvra";

export interface ResolvedDatabase {
  url: string;
  /** Set when this process started an embedded cluster (stop it on shutdown). */
  embedded?: EmbeddedCluster;
}

/**
 * The database to use: `DATABASE_URL` when set, otherwise the embedded PostgreSQL under `.data/pg`
 * (started here, or reused when another process of the platform already runs it).
 */
export async function resolveDatabase(options: { log?: (line: string) => void } = {}): Promise<ResolvedDatabase> {
  const env = readDbEnv();
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  const cluster = await startEmbeddedPostgres({
    dataDir: env.EMBEDDED_PG_DIR ?? join(repoRoot(), ".data", "pg"),
    port: env.EMBEDDED_PG_PORT,
    log: options.log,
  });
  await ensureDatabase(cluster.adminUrl, EMBEDDED_DATABASE);
  return { url: cluster.urlFor(EMBEDDED_DATABASE), embedded: cluster };
}

/** Creates database `name` on the server of `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`select 1 from pg_database where datname = ${name}`;
    if (rows.length === 0) await sql.unsafe(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await sql.end({ timeout: 2 });
  }
}
