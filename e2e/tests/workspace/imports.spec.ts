import type { DbHandle } from "@recouvra/db";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { captureViewports } from "../screenshots.ts";
import { DEMO, signIn } from "../support/auth.ts";
import { expect, test } from "../support/fixtures.ts";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "fixtures");
const WITH_ERRORS = join(FIXTURES, "placements-with-errors.csv");
const FIXED = join(FIXTURES, "placements-fixed.csv");

async function e2eCases(db: DbHandle) {
  return db.sql<{ id: string; reference: string; balance_cents: string; name: string | null }[]>`
    select c.id, c.reference, c.balance_cents::text, coalesce(d.company_name, d.last_name) as name
    from cases c join clients k on k.id = c.client_id join debtors d on d.id = c.debtor_id
    where k.name = 'Telenova' and c.id in (select case_id from claims where invoice_number like 'E2E-INV-%')
    order by c.reference`;
}

test("a client user fixes a file with errors, imports it, a second upload places nothing twice, and another client's case cannot be opened", async ({ page, db }) => {
  test.setTimeout(90_000);
  await signIn(page, DEMO.clientBe);
  await page.goto("/imports");
  await expect(page.getByRole("heading", { level: 1, name: "Place cases" })).toBeVisible();
  // A client user places only for its own client: there is nothing to choose.
  await expect(page.getByLabel("Client")).toHaveCount(0);

  await page.getByLabel("CSV file").setInputFiles(WITH_ERRORS);
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("heading", { name: "Preview of placements-with-errors.csv" })).toBeVisible();
  const errors = page.getByRole("table", { name: "Errors found in the file, by row and column" });
  await expect(errors.getByRole("row")).toHaveCount(3);
  await expect(errors.getByRole("row", { name: /^4 Date de facture/ })).toContainText("is not a date");
  await expect(errors.getByRole("row", { name: /^5 Montant/ })).toContainText("negative");
  await expect(page.getByRole("link", { name: "Download the errors (CSV)" })).toHaveAttribute("href", /^data:text\/csv/);
  await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);
  await captureViewports(page, "workspace-imports-preview-errors");
  expect(await e2eCases(db)).toEqual([]);

  await page.getByRole("link", { name: "Fix the file and upload again" }).click();
  await page.getByLabel("CSV file").setInputFiles(FIXED);
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("heading", { name: "Preview of placements-fixed.csv" })).toBeVisible();
  await expect(page.locator("dt", { hasText: /^New cases$/ }).locator("xpath=following-sibling::dd[1]")).toHaveText("3");
  await captureViewports(page, "workspace-imports-preview-ready");
  await page.getByRole("button", { name: "Import 3 cases" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Imported 3 new cases (4 invoices)." })).toBeVisible();
  await expect(page.getByText(/4 invoices placed from placements-fixed\.csv/)).toBeVisible();
  const placed = await e2eCases(db);
  expect(placed.map((c) => [c.name, Number(c.balance_cents)])).toEqual(
    expect.arrayContaining([
      ["Lambert", 133990],
      ["Garage Dubois SRL", 240000],
      ["Mertens", 4500],
    ]),
  );
  expect(placed).toHaveLength(3);
  await expect(page.getByRole("table", { name: "Past imports, newest first" }).getByRole("row", { name: /placements-fixed\.csv Imported 4 4 0/ })).toBeVisible();

  // The same file again: every invoice is recognised, nothing can be imported.
  await page.getByLabel("CSV file").setInputFiles(FIXED);
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText("Nothing new to import")).toBeVisible();
  await expect(page.locator("dt", { hasText: /^Already imported$/ }).locator("xpath=following-sibling::dd[1]")).toHaveText("4");
  expect(await e2eCases(db)).toHaveLength(3);

  // Its own new case opens; another client's case is not found, as if it did not exist.
  const [own] = await e2eCases(db);
  const [foreign] = await db.sql<{ id: string }[]>`
    select c.id from cases c where c.client_id <> (select client_id from users where email = ${DEMO.clientBe}) limit 1`;
  await page.goto(`/cases/${own!.id}`);
  await expect(page.getByRole("heading", { level: 1, name: `Case ${own!.reference}` })).toBeVisible();
  const response = await page.goto(`/cases/${foreign!.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
});

test("another client's import cannot be followed", async ({ page, db }) => {
  await signIn(page, DEMO.clientFr);
  const [batch] = await db.sql<{ id: string }[]>`select b.id from import_batches b join clients c on c.id = b.client_id where c.name = 'Telenova' limit 1`;
  const response = await page.request.get(`/imports/${batch?.id ?? "00000000-0000-4000-8000-000000000000"}/progress`);
  expect(response.status()).toBe(404);
});
