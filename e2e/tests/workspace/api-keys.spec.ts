import { DEMO, signIn } from "../support/auth.ts";
import { expect, test } from "../support/fixtures.ts";

test("an administrator issues an API key; the client's system places a case with it over HTTP, until the key is revoked", async ({ page, request, db }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/admin/clients");
  await page.getByRole("link", { name: "Delmas Distribution" }).click();
  await page.getByLabel("Name of the system using the key").fill("ERP export");
  await page.getByRole("button", { name: "Create a key" }).click();
  await expect(page.getByText("Copy it now: it is shown only once.")).toBeVisible();
  // The list of keys also shows the new key's prefix ("rcv_ab12…"): take the whole key, shown once.
  const key = ((await page.locator("code").filter({ hasText: /^rcv_[A-Za-z0-9_-]{20,}$/ }).textContent()) ?? "").trim();
  expect(key).toMatch(/^rcv_/);

  const invoice = `API-E2E-${Date.now()}`;
  const body = { placements: [{ invoiceNumber: invoice, issueDate: "2026-08-01", dueDate: "2026-09-01", amount: 1250.4, companyName: "Bistrot du Port SARL", registrationNumber: "FR-E2E-1", email: "compta@bistrot-du-port.test" }] };
  const headers = { Authorization: `Bearer ${key}` };
  const placed = await request.post("/api/v1/placements", { headers, data: body });
  expect(placed.status()).toBe(201);
  const { caseReferences } = (await placed.json()) as { caseReferences: string[] };
  expect(caseReferences).toHaveLength(1);
  const [stored] = await db.sql<{ balance_cents: string; client: string }[]>`
    select k.balance_cents, c.name as client from cases k join clients c on c.id = k.client_id where k.reference = ${caseReferences[0]!}`;
  expect(stored).toEqual({ balance_cents: "125040", client: "Delmas Distribution" });

  // The same call again places nothing twice.
  const replay = await request.post("/api/v1/placements", { headers, data: body });
  expect(replay.status()).toBe(200);
  expect(await request.post("/api/v1/placements", { headers: { Authorization: "Bearer rcv_not-a-key" }, data: body }).then((r) => r.status())).toBe(401);

  await page.reload();
  await page.getByRole("button", { name: "Revoke the key ERP export" }).click();
  await expect(page.getByRole("status")).toContainText("API key revoked");
  const refused = await request.post("/api/v1/placements", { headers, data: { placements: [{ ...body.placements[0], invoiceNumber: `${invoice}-2` }] } });
  expect(refused.status()).toBe(401);
});
