import { DEMO, signIn } from "../support/auth.ts";
import { expect, test } from "../support/fixtures.ts";

const euros = (cents: number) => new Intl.NumberFormat("en-GB", { style: "currency", currency: "EUR" }).format(cents / 100);

// Kleurrijk Wonen's cases are worked by the Dutch-speaking team, which no other journey changes, so
// its figures hold still while the specs run in parallel.
test("a client creditor sees its own portfolio, figures as the database holds them", async ({ page, db }) => {
  await signIn(page, DEMO.clientNl);
  await page.goto("/portfolio");
  const [own] = await db.sql<{ placed: number; open: number; outstanding: string; collected: string }[]>`
    select count(*)::int as placed,
           (count(*) filter (where k.stage <> 'closed'))::int as open,
           coalesce(sum(k.balance_cents) filter (where k.stage <> 'closed'), 0) as outstanding,
           (select coalesce(sum(p.amount_cents), 0) from payments p where p.client_id = c.id and p.status = 'succeeded') as collected
      from clients c join cases k on k.client_id = c.id where c.name = 'Kleurrijk Wonen' group by c.id`;
  await expect(page.getByRole("heading", { level: 1, name: "Kleurrijk Wonen — portfolio" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Client creditor" })).toHaveCount(0);
  const figure = (label: string) => page.locator("dt", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd[1]");
  await expect(figure("Outstanding")).toHaveText(euros(Number(own!.outstanding)));
  await expect(figure("Collected")).toHaveText(euros(Number(own!.collected)));
  await expect(page.getByText(`${own!.open} open cases`)).toBeVisible();
  await expect(page.getByRole("img", { name: /Open cases per stage/ })).toBeVisible();

  // Asking for another client's portfolio by URL still shows only its own.
  const [other] = await db.sql<{ id: string }[]>`select id from clients where name = 'Delmas Distribution'`;
  await page.goto(`/portfolio?client=${other!.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Kleurrijk Wonen — portfolio" })).toBeVisible();
});

test("an administrator can look at every client or one", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/portfolio");
  await expect(page.getByRole("heading", { level: 1, name: "Portfolio" })).toBeVisible();
  const choices = page.getByRole("combobox", { name: "Client creditor" }).getByRole("option");
  await expect(choices).toHaveText(["All clients", "Delmas Distribution", "Kleurrijk Wonen", "Telenova"]);
  await page.getByRole("combobox", { name: "Client creditor" }).selectOption({ label: "Kleurrijk Wonen" });
  await expect(page).toHaveURL(/client=/);
  await expect(page.getByText("100 cases")).toBeVisible();
});
