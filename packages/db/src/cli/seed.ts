import { createDb } from "../client.ts";
import { migrateDatabase } from "../migrate.ts";
import { seedDemo, printDemoLogins } from "../seed/index.ts";
import { runCli } from "./run-cli.ts";

// Seeds the demo agency. Refuses to seed twice: `pnpm db:reset` starts over.
await runCli(async ({ url }) => {
  await migrateDatabase(url);
  const handle = createDb(url);
  try {
    const result = await seedDemo(handle.db, { today: new Date().toISOString().slice(0, 10) });
    if (result.skipped) console.info("Demo data already present: nothing seeded (pnpm db:reset starts over).");
    else console.info(`Seeded ${result.cases} cases for ${result.clients} clients.`);
    console.info(printDemoLogins());
  } finally {
    await handle.close();
  }
});
