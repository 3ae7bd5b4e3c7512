import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import postgres from "postgres";
import { freePort, startEmbeddedPostgres, type EmbeddedCluster } from "./embedded.ts";
import { EMBEDDED_DATABASE, resolveDatabase } from "./resolve.ts";

// These tests start their own persistent embedded clusters, as `npm start` does, in a temporary folder.
const started: EmbeddedCluster[] = [];
let parent = "";

afterAll(async () => {
  for (const c of started.reverse()) await c.stop();
  if (parent) await rm(parent, { recursive: true, force: true });
});

async function count(url: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select count(*)::int as n from pg_database where datname = ${EMBEDDED_DATABASE}`;
    return row!.n as number;
  } finally {
    await sql.end();
  }
}

describe("resolveDatabase without DATABASE_URL", () => {
  it("starts the embedded PostgreSQL, creates the platform database, and a second caller reuses the running cluster", async () => {
    parent = await mkdtemp(join(tmpdir(), "recouvra-resolve-"));
    await chmod(parent, 0o755);
    const port = await freePort();
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("EMBEDDED_PG_DIR", join(parent, "pg"));
    vi.stubEnv("EMBEDDED_PG_PORT", String(port));

    const first = await resolveDatabase();
    expect(first.embedded).toBeDefined();
    started.push(first.embedded!);
    expect(first.url).toContain(`:${port}/${EMBEDDED_DATABASE}`);
    expect(await count(first.url)).toBe(1);

    const second = await resolveDatabase();
    expect(second.url).toBe(first.url);
    // The reused cluster belongs to the first process: stopping the second handle must not stop it.
    await second.embedded?.stop();
    expect(await count(first.url)).toBe(1);
    vi.unstubAllEnvs();
  });

  it("uses DATABASE_URL as given when it is set", async () => {
    vi.stubEnv("DATABASE_URL", "postgres://someone@db.example.test:5432/recouvra");
    const resolved = await resolveDatabase();
    expect(resolved).toEqual({ url: "postgres://someone@db.example.test:5432/recouvra" });
    vi.unstubAllEnvs();
  });

  it("refuses a malformed DATABASE_URL, naming the variable", async () => {
    vi.stubEnv("DATABASE_URL", "mysql://nope");
    await expect(resolveDatabase()).rejects.toThrow(/DATABASE_URL/);
    vi.unstubAllEnvs();
  });
});

describe("startEmbeddedPostgres", () => {
  it("recovers from a stale postmaster.pid left by a killed process", async () => {
    const dir = await mkdtemp(join(tmpdir(), "recouvra-stale-"));
    await chmod(dir, 0o755);
    const dataDir = join(dir, "pg");
    const port = await freePort();
    const cluster = await startEmbeddedPostgres({ dataDir, port, fast: true });
    await cluster.stop();
    // A pid that is certainly not running.
    await writeFile(join(dataDir, "postmaster.pid"), "999999\n");
    const again = await startEmbeddedPostgres({ dataDir, port, fast: true });
    const sql = postgres(again.adminUrl, { max: 1 });
    expect((await sql`select 1 as one`)[0]!.one).toBe(1);
    await sql.end();
    await again.stop();
    await rm(dir, { recursive: true, force: true });
  });
});
