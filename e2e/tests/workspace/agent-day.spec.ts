import { DEMO, signIn } from "../support/auth.ts";
import { expect, test } from "../support/fixtures.ts";

// The first journey, end to end with the keyboard where an agent would use it: sign in, open the
// first case of the queue, log the call with a negotiation note, record the promise the debtor made.
// Sanne works the Dutch-speaking team's cases, which no other journey changes.
test("a case handler works the first case of the queue: a call with a note, then a promise", async ({ page, db }) => {
  await signIn(page, DEMO.agentNl);
  await expect(page).toHaveURL(/\/queue$/);
  await page.getByLabel("Stage").selectOption({ label: "In contact" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/stage=in_contact/);
  // Read the top row only once the filtered queue is the one on screen (a run once opened another case).
  await expect(page.getByRole("main").getByText(/matching the filters, most pressing first/)).toBeVisible();
  await page.waitForLoadState("networkidle");
  const firstRow = page.getByRole("main").getByRole("link", { name: /RC-\d{4}-\d{6}/ }).first();
  const reference = ((await firstRow.textContent()) ?? "").match(/RC-\d{4}-\d{6}/)![0];

  // "n" opens the top case of the queue.
  await page.locator("body").press("n");
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(reference);

  const actions = page.getByRole("navigation", { name: "Case actions" });
  await actions.getByRole("link", { name: "Log a call or visit" }).click();
  await page.getByLabel("Outcome").selectOption("right_party_contact");
  const note = "Spoke with the debtor: salary arrives on the 25th, will pay 80 euros then.";
  await page.getByLabel("Negotiation note").fill(note);
  await page.getByRole("button", { name: "Log it" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Call logged" })).toBeVisible();

  const dueOn = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  await actions.getByRole("link", { name: "Record a promise" }).click();
  await page.getByLabel("Amount (€)").fill("80");
  await page.getByLabel("Pay by").fill(dueOn);
  await page.getByRole("button", { name: "Record the promise" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Promise recorded" })).toBeVisible();

  const [stored] = await db.sql<{ stage: string; note: string; promised: string; due_on: string }[]>`
    select c.stage, i.note, p.amount_cents as promised, p.due_on::text
      from cases c
      join interactions i on i.case_id = c.id and i.note = ${note}
      join promises p on p.case_id = c.id and p.status = 'pending'
     where c.reference = ${reference}`;
  expect(stored).toMatchObject({ stage: "promise", note, due_on: dueOn });
  expect(Number(stored!.promised)).toBe(8000);
  await expect(page.getByText(note)).toBeVisible();
});
