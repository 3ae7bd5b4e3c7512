import type { Page } from "@playwright/test";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { VIEWPORTS } from "../screenshots.ts";
import { DEMO, signIn } from "../support/auth.ts";
import { expect, test } from "../support/fixtures.ts";

/** A small real PDF, different on every run so the case never already holds it. */
const pdf = (label: string) => Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`, "latin1");
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/**
 * The actions panel and the documents card at each width (what a reviewer looks at). The whole case
 * page is thousands of pixels tall: a full-page capture of it at two widths would cost most of a
 * test's time under load, and case-file.spec already captures the page.
 */
async function capture(page: Page, name: string): Promise<void> {
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    const path = (part: string) => fileURLToPath(new URL(`../../screenshots/${name}-${part}-${viewport.name}.png`, import.meta.url));
    await page.locator("section", { has: page.locator("#case-actions-heading") }).screenshot({ path: path("panel") });
    await page.locator("#documents").screenshot({ path: path("section") });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

// Uploading, downloading and capturing at two widths is more than a plain page journey.
test.describe.configure({ timeout: 60_000 });

const documentsTable = (page: Page) => page.locator("#documents").getByRole("region", { name: "Documents" });

test("an agent adds a PDF to a case, sees it listed and downloads it; a disguised file is refused by name", async ({ page, db }) => {
  const [kase] = await db.sql<{ id: string; invoice: string }[]>`
    select c.id, (select cl.invoice_number from claims cl where cl.case_id = c.id order by cl.due_on limit 1) as invoice
      from cases c join users u on u.team_id = c.team_id and u.email = ${DEMO.agentFr}
     where c.stage <> 'closed'
     order by c.reference
     limit 1`;
  await signIn(page, DEMO.agentFr);
  await page.goto(`/cases/${kase!.id}`);
  await page.getByRole("navigation", { name: "Case actions" }).getByRole("link", { name: "Add a document" }).click();
  await expect(page.getByRole("heading", { name: "Add a document" })).toBeVisible();

  // An executable renamed invoice.pdf: the field says what is wrong, nothing is stored.
  await page.getByLabel("What it is").selectOption("letter");
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "invoice.pdf", mimeType: "application/pdf", buffer: Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]) });
  await page.getByRole("button", { name: "Add the document" }).click();
  await expect(page.getByText(/invoice\.pdf is not really a PDF/)).toBeVisible();
  await expect(page.getByLabel("File", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("What it is")).toHaveValue("letter");
  await capture(page, "documents-upload-error");

  const bytes = pdf(`e2e ${Date.now()}`);
  const filename = `Relance signée ${Date.now()}.pdf`;
  await page.getByLabel("About invoice").selectOption({ label: kase!.invoice });
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: filename, mimeType: "application/pdf", buffer: bytes });
  await capture(page, "documents-upload-form");
  await page.getByRole("button", { name: "Add the document" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Document added: ${filename}` })).toBeVisible();

  const link = documentsTable(page).getByRole("link", { name: filename });
  await expect(link).toBeVisible();
  await expect(documentsTable(page).getByRole("row", { name: new RegExp(filename) })).toContainText("Letter");
  // The claim's row in the invoices table links to it too.
  await expect(page.getByRole("region", { name: "Invoices" }).getByRole("link", { name: filename })).toBeVisible();
  await capture(page, "documents-list");

  const response = await page.request.get((await link.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["content-disposition"]).toMatch(/^inline; filename=".*"; filename\*=UTF-8''Relance%20sign%C3%A9e%20\d+\.pdf$/);
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["cache-control"]).toBe("private, no-store");
  expect(sha256(await response.body())).toBe(sha256(bytes));

  const [row] = await db.sql<{ sha256: string; kind: string }[]>`select sha256, kind from documents where case_id = ${kase!.id} and filename = ${filename}`;
  expect(row).toEqual({ sha256: sha256(bytes), kind: "letter" });
});

test("a client creditor downloads its own case's invoice, adds a receipt, and gets 404 for another client's document", async ({ page, db }) => {
  const [own] = await db.sql<{ id: string; caseId: string; filename: string; sha256: string }[]>`
    select d.id, d.case_id as "caseId", d.filename, d.sha256 from documents d join clients c on c.id = d.client_id
     where c.name = 'Telenova' and d.kind = 'invoice' order by d.filename limit 1`;
  const [other] = await db.sql<{ id: string }[]>`
    select d.id from documents d join clients c on c.id = d.client_id where c.name = 'Delmas Distribution' limit 1`;
  await signIn(page, DEMO.clientBe);
  await page.goto(`/cases/${own!.caseId}`);

  const invoice = page.getByRole("region", { name: "Invoices" }).getByRole("link", { name: own!.filename });
  await expect(invoice).toBeVisible();
  const response = await page.request.get((await invoice.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const body = await response.body();
  expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(sha256(body)).toBe(own!.sha256);

  // The read-only view still lets the creditor add its own papers.
  await page.locator("#documents").getByRole("link", { name: "Add a document" }).click();
  await expect(page.getByLabel("What it is").locator("option")).toHaveText(["Invoice", "Contract", "Receipt or proof of payment", "Other"]);
  await page.getByLabel("What it is").selectOption("receipt");
  const receipt = `Receipt ${Date.now()}.pdf`;
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: receipt, mimeType: "application/pdf", buffer: pdf(receipt) });
  await capture(page, "documents-client-upload");
  await page.getByRole("button", { name: "Add the document" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Document added: ${receipt}` })).toBeVisible();
  await expect(documentsTable(page).getByRole("link", { name: receipt })).toBeVisible();

  const refused = await page.goto(`/documents/${other!.id}`);
  expect(refused?.status()).toBe(404);
  expect((await page.request.get(`/documents/${other!.id}`)).status()).toBe(404);
});
