import type { Page } from "@playwright/test";
import { captureViewports } from "../screenshots.ts";
import { DEMO, signIn } from "../support/auth.ts";
import { expect, test } from "../support/fixtures.ts";

const FR_TEAM = "Équipe francophone";

let teamOfReference: Map<string, string | null>;

test.beforeAll(async ({ db }) => {
  const rows = await db.sql<{ reference: string; team: string | null }[]>`
    select c.reference, t.name as team from cases c left join teams t on t.id = c.team_id`;
  teamOfReference = new Map(rows.map((r) => [r.reference, r.team]));
});

/** The queue's table (wide screens), located by its caption. */
const queueTable = (page: Page) => page.getByRole("table", { name: /most pressing first/ });
const caseLinks = (page: Page) => queueTable(page).getByRole("link", { name: /^RC-/ });

async function referencesOnPage(page: Page): Promise<string[]> {
  return caseLinks(page).allTextContents();
}

test.beforeEach(async ({ page }) => {
  await signIn(page, DEMO.agentFr);
  await page.goto("/queue");
  await expect(page.getByRole("heading", { level: 1, name: "Work queue" })).toBeVisible();
});

test("an agent's queue holds only their team's open cases, each saying why it is there", async ({ page }) => {
  const references = await referencesOnPage(page);
  expect(references.length).toBeGreaterThan(5);
  for (const reference of references) expect(teamOfReference.get(reference), reference).toBe(FR_TEAM);

  const rows = queueTable(page).getByRole("row");
  const count = await rows.count();
  // The first row is the header; every body row lists at least one reason.
  for (let i = 1; i < count; i++) {
    await expect(rows.nth(i).getByRole("list", { name: "Why this case" }).getByRole("listitem").first()).toBeVisible();
  }
  await expect(page.getByText(/Keyboard:/)).toBeVisible();
  await captureViewports(page, "queue");
});

test("filtering by stage keeps the URL shareable and lists only that stage", async ({ page, db }) => {
  await page.getByLabel("Stage").selectOption({ label: "Negotiating" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]stage=negotiating/);
  const stages = await queueTable(page).locator("tbody tr td:nth-child(2)").allTextContents();
  expect(stages.length).toBeGreaterThan(0);
  for (const stage of stages) expect(stage).toContain("Negotiating");

  const expected = await db.sql<{ n: number }[]>`
    select count(*)::int as n from cases c join teams t on t.id = c.team_id
    where t.name = ${FR_TEAM} and c.stage = 'negotiating'
      and (not (c.holds && array['disputed','insolvency','deceased']::text[]) or c.next_action_on <= current_date)`;
  await expect(queueTable(page)).toHaveAccessibleName(new RegExp(`of ${expected[0]!.n} matching`));
});

test("searching by a reference finds that case alone", async ({ page }) => {
  const [target] = await referencesOnPage(page);
  await page.keyboard.press("/");
  await expect(page.getByRole("searchbox", { name: "Search" })).toBeFocused();
  await page.keyboard.type(target!.toLowerCase());
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]q=${target!.toLowerCase()}`));
  await expect(caseLinks(page)).toHaveText([target!]);

  await page.getByRole("searchbox", { name: "Search" }).fill("no-such-case-anywhere");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("No case matches these filters")).toBeVisible();
});

test("n opens the top case; j then Enter opens the next one", async ({ page }) => {
  const links = caseLinks(page);
  const topHref = await links.nth(0).getAttribute("href");
  const secondHref = await links.nth(1).getAttribute("href");
  expect(topHref).toMatch(/^\/cases\/[0-9a-f-]{36}$/);

  await page.locator("body").press("n");
  await expect(page).toHaveURL(new RegExp(`${topHref}$`));

  await page.goto("/queue");
  await expect(queueTable(page).getByRole("row").nth(1)).toHaveAttribute("aria-current", "true");
  await page.locator("body").press("j");
  await expect(links.nth(1)).toBeFocused();
  await expect(queueTable(page).getByRole("row").nth(2)).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${secondHref}$`));
});

test("a client user has no queue", async ({ browser }) => {
  const page = await browser.newPage();
  await signIn(page, DEMO.clientFr);
  const response = await page.goto("/queue");
  expect(response?.status()).toBe(404);
  await page.close();
});
