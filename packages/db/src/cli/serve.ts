/**
 * Brings up the platform's database and keeps it up: the embedded PostgreSQL (or DATABASE_URL),
 * migrated and seeded with the demo agency when empty. Prints one line
 * `RECOUVRA_DB_READY <json>` for the launcher, then waits for SIGINT/SIGTERM.
 *   --fresh   a throwaway database (ephemeral cluster, or a new database on the DATABASE_URL server)
 *   --today=YYYY-MM-DD   the date the demo history is anchored to (default: today)
 */
import { randomBytes } from "node:crypto";
import { createDb } from "../client.ts";
import { startEmbeddedPostgres, type EmbeddedCluster } from "../embedded.ts";
import { readDbEnv } from "../env.ts";
import { migrateDatabase } from "../migrate.ts";
import { resolveDatabase } from "../resolve.ts";
import { DEMO_ACCESS_CODE, demoLogins, seedDemo } from "../seed/index.ts";
import { adminExec, dropDatabase, withDatabase } from "../testing/server.ts";

const args = process.argv.slice(2);
const fresh = args.includes("--fresh");
const today = args.find((a) => a.startsWith("--today="))?.slice(8) ?? new Date().toISOString().slice(0, 10);

let cluster: EmbeddedCluster | undefined;
let cleanup: (() => Promise<void>) | undefined;
let url: string;

if (fresh) {
  const env = readDbEnv();
  const name = `recouvra_e2e_${randomBytes(4).toString("hex")}`;
  let adminUrl: string;
  if (env.DATABASE_URL) {
    adminUrl = env.DATABASE_URL;
  } else {
    cluster = await startEmbeddedPostgres({ fast: true });
    adminUrl = cluster.adminUrl;
  }
  await adminExec(adminUrl, `create database "${name}"`);
  url = withDatabase(adminUrl, name);
  cleanup = async () => {
    if (!cluster) await dropDatabase(adminUrl, name);
  };
} else {
  const resolved = await resolveDatabase();
  cluster = resolved.embedded;
  url = resolved.url;
}

await migrateDatabase(url);
const handle = createDb(url, { max: 2 });
const seeded = await seedDemo(handle.db, { today });
await handle.close();

console.info(`RECOUVRA_DB_READY ${JSON.stringify({ url, embedded: Boolean(cluster), seeded: !seeded.skipped, logins: demoLogins(), portalAccessCode: DEMO_ACCESS_CODE })}`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await cleanup?.();
  await cluster?.stop();
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
// Stay alive: the cluster is a child of this process.
setInterval(() => {}, 1 << 30);
