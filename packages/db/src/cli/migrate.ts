import { migrateDatabase } from "../migrate.ts";
import { runCli } from "./run-cli.ts";

await runCli(async ({ url, embedded }) => {
  await migrateDatabase(url);
  console.info(`Migrations applied (${embedded ? "embedded PostgreSQL" : "DATABASE_URL"}).`);
});
