import { createDb } from "../client.ts";
import { migrateDatabase } from "../migrate.ts";
import { seedDemo } from "../seed/index.ts";
import { runCli } from "./run-cli.ts";
import postgres from "postgres";

// Drops everything in the database, re-applies the migrations and seeds the demo again.
await runCli(async ({ url }) => {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe("drop schema if exists public cascade; drop schema if exists drizzle cascade; drop schema if exists pgboss cascade; create schema public;");
  } finally {
    await sql.end();
  }
  await migrateDatabase(url);
  const handle = createDb(url);
  try {
    const result = await seedDemo(handle.db, { today: new Date().toISOString().slice(0, 10) });
    console.info(`Database reset: ${result.cases} demo cases seeded.`);
  } finally {
    await handle.close();
  }
});
