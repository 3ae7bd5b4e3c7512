import { test as base } from "@playwright/test";
import { createDb, type DbHandle } from "@recouvra/db";

export { expect } from "@playwright/test";

/**
 * `db`: a connection to the database of the platform under test (the web server's, captured by the
 * Playwright config), so a spec can compare what a page shows with what is stored. One per worker.
 */
export const test = base.extend<object, { db: DbHandle }>({
  db: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies first.
    async ({}, use) => {
      const url = process.env.E2E_DATABASE_URL;
      if (!url) throw new Error("E2E_DATABASE_URL is not set: start the platform through the Playwright config");
      const handle = createDb(url, { max: 2 });
      await use(handle);
      await handle.close();
    },
    { scope: "worker" },
  ],
});
