import { captureViewports } from "../screenshots.ts";
import { DEMO, signIn } from "../support/auth.ts";
import { expect, test } from "../support/fixtures.ts";

// The stages of an open case, in process order, as the status page names them.
const STAGES = [
  ["new", "New"],
  ["notified", "Notice sent"],
  ["in_contact", "In contact"],
  ["negotiating", "Negotiating"],
  ["arrangement", "Payment plan"],
  ["promise", "Promise to pay"],
] as const;

// The status page is for administrators and supervisors, behind sign-in.
test.beforeEach(async ({ page }, testInfo) => {
  if (testInfo.title.startsWith("the health check")) return;
  await signIn(page, DEMO.admin);
});

// Other journeys place, close and work cases in parallel: page and database are compared until they agree.
test("the status page shows the open cases per stage exactly as the database holds them", async ({ page, db }) => {
  await page.goto("/status");
  await expect(page.getByRole("heading", { level: 1, name: "Platform status" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Open cases per stage/ })).toBeVisible();
  await expect(async () => {
    await page.reload();
    const rows = await db.sql<{ stage: string; n: number }[]>`select stage, count(*)::int as n from cases group by stage`;
    const expected = new Map(rows.map((r) => [r.stage, r.n]));
    // The chart's numbers are also in a table for assistive technology: read them there, by role.
    const table = page.getByRole("table", { name: "Open cases per stage" });
    for (const [stage, label] of STAGES) {
      const row = table.getByRole("row", { name: new RegExp(`^${label}\\b`) });
      await expect(row.getByRole("cell")).toHaveText(String(expected.get(stage) ?? 0), { timeout: 1000 });
    }
    const open = STAGES.reduce((sum, [stage]) => sum + (expected.get(stage) ?? 0), 0);
    const openFigure = page.locator("dt", { hasText: /^Open cases$/ }).locator("xpath=following-sibling::dd[1]");
    await expect(openFigure).toHaveText(new Intl.NumberFormat("en-GB").format(open), { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
});

test("the status page lists every client creditor with its cases placed", async ({ page, db }) => {
  await page.goto("/status");
  const table = page.getByRole("table", { name: "Cases placed and amount outstanding per client creditor" });
  await expect(async () => {
    await page.reload();
    const clients = await db.sql<{ name: string; placed: number }[]>`
      select c.name, count(k.id)::int as placed from clients c left join cases k on k.client_id = c.id group by c.id order by c.name`;
    await expect(table.getByRole("row")).toHaveCount(clients.length + 1, { timeout: 1000 });
    for (const client of clients) {
      const row = table.getByRole("row", { name: new RegExp(`^${client.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) });
      await expect(row.getByRole("cell").first()).toHaveText(new Intl.NumberFormat("en-GB").format(client.placed), { timeout: 1000 });
      await expect(row.getByRole("cell").last()).toContainText("€");
    }
  }).toPass({ timeout: 20_000 });
});

test("the worker's heartbeat is shown fresh", async ({ page }) => {
  // The worker beats once at start and then every minute; give it a moment on a slow machine.
  await expect(async () => {
    await page.goto("/status");
    await expect(page.getByText("Fresh", { exact: true })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByText(/Last heartbeat/)).toBeVisible();
  await captureViewports(page, "workspace-status");
});

test("the health check answers after querying the database", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ ok: true });
});

test("the skip link moves keyboard users to the content", async ({ page }) => {
  await page.goto("/status");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});
