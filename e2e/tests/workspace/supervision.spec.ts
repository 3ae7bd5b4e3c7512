import { DEMO, signIn } from "../support/auth.ts";
import { expect, test } from "../support/fixtures.ts";

test("the supervisor's team page lists every case handler with their open cases", async ({ page, db }) => {
  await signIn(page, DEMO.supervisor);
  await page.getByRole("link", { name: "Team" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Team" })).toBeVisible();
  // Other journeys close and add cases while this one runs: compare page and database until they agree.
  await expect(async () => {
    await page.reload();
    const agents = await db.sql<{ display_name: string; open: number }[]>`
      select u.display_name, (select count(*)::int from cases c where c.assigned_user_id = u.id and c.stage <> 'closed') as open
        from users u where u.role = 'agent' and u.email like '%@recouvra-demo.test' order by u.display_name`;
    const table = page.getByRole("table");
    for (const agent of agents) {
      const row = table.getByRole("row", { name: new RegExp(agent.display_name) });
      await expect(row.getByRole("cell").first()).toHaveText(String(agent.open), { timeout: 1000 });
    }
  }).toPass({ timeout: 20_000 });
});

test("an administrator tightens a client's negotiation policy; a bad value is refused with its field named", async ({ page, db }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/admin/clients");
  await page.getByRole("link", { name: "Kleurrijk Wonen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Kleurrijk Wonen" })).toBeVisible();

  // The browser itself refuses fewer than one; more than the server allows comes back from the server.
  await page.getByLabel("Most instalments").fill("500");
  await page.getByRole("button", { name: "Save policy" }).click();
  await expect(page.getByLabel("Most instalments")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(/maxInstalments is at most 120/)).toBeVisible();

  await page.getByLabel("Most instalments").fill("4");
  await page.getByLabel("The client").check();
  await page.getByRole("button", { name: "Save policy" }).click();
  await expect(page.getByRole("status")).toContainText("Negotiation policy saved");
  const [row] = await db.sql<{ policy: { maxInstalments: number; approver: string } }[]>`
    select p.policy from negotiation_policies p join clients c on c.id = p.client_id where c.name = 'Kleurrijk Wonen'`;
  expect(row!.policy.maxInstalments).toBe(4);
  expect(row!.policy.approver).toBe("client");
});

test("a case handler cannot open the client terms", async ({ page }) => {
  await signIn(page, DEMO.agentFr);
  const response = await page.goto("/admin/clients");
  expect(response?.status()).toBe(404);
});

test("an administrator opens an account for a new case handler, who signs in with the temporary password", async ({ page, browser }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/admin/users");
  await page.getByLabel("Name").fill("Lotte Janssens");
  await page.getByLabel("Email").fill("lotte.janssens@recouvra-demo.test");
  await page.getByLabel("Role").selectOption({ label: "Case handler" });
  await page.getByLabel("Team").selectOption({ label: "Team Nederlandstalig" });
  await page.getByRole("button", { name: "Create account" }).click();
  const password = (await page.locator("code").textContent())?.trim() ?? "";
  expect(password).toMatch(/^[a-z2-7]{16}$/);
  await expect(page.getByRole("link", { name: "Lotte Janssens" })).toBeVisible();

  const newcomer = await browser.newPage();
  await signIn(newcomer, "lotte.janssens@recouvra-demo.test", password);
  await expect(newcomer).toHaveURL(/\/queue/);
  await newcomer.close();
});

test("a supervisor approves an out-of-policy plan: it starts, and the case moves to payment plan", async ({ page, db }) => {
  await signIn(page, DEMO.supervisor);
  await page.getByRole("link", { name: "Approvals" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Approvals" })).toBeVisible();
  const first = page.getByRole("main").getByRole("listitem").first();
  const title = (await first.getByRole("heading").first().textContent()) ?? "";
  const reference = ((await first.textContent()) ?? "").match(/RC-\d{4}-\d{6}/)?.[0];
  expect(reference).toBeTruthy();
  await first.getByLabel("Note (optional)").fill("Agreed after a call with the debtor");
  await first.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("status")).toContainText("Plan approved and started");
  await expect(page.getByRole("heading", { name: title })).toHaveCount(0);

  const [row] = await db.sql<{ stage: string; instalments: number; balance: string; total: string }[]>`
    select c.stage, count(i.id)::int as instalments, c.balance_cents as balance, coalesce(sum(i.amount_cents), 0) as total
      from cases c join arrangements a on a.case_id = c.id and a.status = 'active' join instalments i on i.arrangement_id = a.id
     where c.reference = ${reference!} group by c.id`;
  expect(row!.stage).toBe("arrangement");
  expect(row!.instalments).toBeGreaterThan(0);
  expect(Number(row!.total)).toBe(Number(row!.balance));
});
