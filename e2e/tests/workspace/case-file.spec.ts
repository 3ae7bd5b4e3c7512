import type { Page } from "@playwright/test";
import type { DbHandle } from "@recouvra/db";
import { captureViewports } from "../screenshots.ts";
import { DEMO, signIn } from "../support/auth.ts";
import { expect, test } from "../support/fixtures.ts";

const STAGE_LABELS: Record<string, string> = {
  new: "New",
  notified: "Notice sent",
  in_contact: "In contact",
  negotiating: "Negotiating",
  arrangement: "Payment plan",
  promise: "Promise to pay",
  closed: "Closed",
};

const euros = (cents: number) => new Intl.NumberFormat("en-GB", { style: "currency", currency: "EUR" }).format(cents / 100);

/** The value (`dd`) of a key fact named by its `dt`. */
const fact = (page: Page, label: string) => page.locator("dt", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd[1]");

/** The count a timeline filter chip shows, e.g. "Payments (3)" → 3; 0 when the chip is absent. */
async function chipCount(page: Page, label: string): Promise<number> {
  const chip = page.getByRole("navigation", { name: "Filter the timeline" }).getByRole("link", { name: new RegExp(`^✓?\\s*${label} \\(\\d+\\)$`) });
  if ((await chip.count()) === 0) return 0;
  return Number(/\((\d+)\)/.exec((await chip.textContent()) ?? "")?.[1] ?? "-1");
}

interface CaseFacts {
  id: string;
  reference: string;
  stage: string;
  debtor: string;
  client: string;
  balance: number;
  payments: number;
  notes: number;
  messages: number;
}

async function richCaseOf(db: DbHandle, agentEmail: string): Promise<CaseFacts> {
  // An open case of the agent's team with payments and notes, so every part of the page has something to show.
  const [row] = await db.sql<CaseFacts[]>`
    select c.id, c.reference, c.stage, cl.name as client,
           coalesce(d.company_name, trim(coalesce(d.first_name, '') || ' ' || d.last_name)) as debtor,
           (select coalesce(sum(amount_cents), 0)::int from ledger_entries l where l.case_id = c.id) as balance,
           (select count(*)::int from payments p where p.case_id = c.id) as payments,
           (select count(*)::int from notes n where n.case_id = c.id) as notes,
           (select count(*)::int from messages m where m.case_id = c.id) as messages
      from cases c
      join debtors d on d.id = c.debtor_id
      join clients cl on cl.id = c.client_id
      join users u on u.team_id = c.team_id and u.email = ${agentEmail}
     where c.stage <> 'closed'
     order by (select count(*) from payments p where p.case_id = c.id) desc,
              (select count(*) from notes n where n.case_id = c.id) desc, c.reference
     limit 1`;
  if (!row) throw new Error("the seed has no open case for this agent");
  return row;
}

test("an agent opens a case from the case list and sees header, balance and timeline as the database holds them", async ({ page, db }) => {
  const kase = await richCaseOf(db, DEMO.agentFr);
  await signIn(page, DEMO.agentFr);
  await page.goto("/cases");
  await expect(page.getByRole("heading", { level: 1, name: "Cases" })).toBeVisible();
  await page.getByRole("searchbox", { name: "Search" }).fill(kase.reference);
  await page.getByRole("button", { name: "Show cases" }).click();
  await page.getByRole("table", { name: /matching the filters/ }).getByRole("link", { name: kase.reference }).click();

  await expect(page.getByRole("heading", { level: 1, name: `Case ${kase.reference}` })).toBeVisible();
  await expect(page.getByText(kase.debtor, { exact: true }).first()).toBeVisible();
  await expect(page.getByLabel("Status").getByText(STAGE_LABELS[kase.stage]!, { exact: true })).toBeVisible();
  await expect(fact(page, "Balance due")).toHaveText(euros(kase.balance));
  await expect(page.getByRole("img", { name: new RegExp(`^Balance of ${euros(kase.balance).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) })).toBeVisible();

  expect(await chipCount(page, "Payments")).toBe(kase.payments);
  expect(await chipCount(page, "Notes")).toBe(kase.notes);
  expect(await chipCount(page, "Messages")).toBe(kase.messages);

  // Staff see the actions; each links to its nested route.
  const actions = page.getByRole("navigation", { name: "Case actions" });
  await expect(actions.getByRole("link", { name: "Log a call or visit" })).toHaveAttribute("href", `/cases/${kase.id}/log-call`);
  await expect(actions.getByRole("link")).toHaveCount(11);

  // Filtering the timeline keeps only the chosen kind.
  if (kase.payments > 0) {
    await page.getByRole("navigation", { name: "Filter the timeline" }).getByRole("link", { name: /^Payments/ }).click();
    await expect(page).toHaveURL(/show=payment/);
    const items = page.getByRole("list", { name: "Timeline, newest first" }).getByRole("listitem");
    await expect(items).toHaveCount(kase.payments);
    await page.getByRole("navigation", { name: "Filter the timeline" }).getByRole("link", { name: /^All/ }).click();
    await expect(page).not.toHaveURL(/show=/);
  }
  await captureViewports(page, "workspace-case-file");
});

test("a client creditor sees its own cases read-only and gets the not-found page for another client's case", async ({ page, db }) => {
  const [own] = await db.sql<{ id: string; reference: string; open: number; shared: number }[]>`
    select c.id, c.reference,
           (select count(*)::int from cases o where o.client_id = c.client_id and o.stage <> 'closed') as open,
           (select count(*)::int from notes n where n.case_id = c.id and n.is_shared_with_client) as shared
      from cases c join users u on u.client_id = c.client_id and u.email = ${DEMO.clientBe}
     where c.stage <> 'closed' order by c.placed_on desc, c.reference limit 1`;
  const [foreign] = await db.sql<{ id: string }[]>`
    select c.id from cases c where c.client_id <> (select client_id from users where email = ${DEMO.clientBe}) limit 1`;
  if (!own || !foreign) throw new Error("the seed lacks cases for this test");

  await signIn(page, DEMO.clientBe);
  await page.goto("/cases");
  await expect(page.getByRole("table", { name: new RegExp(`of ${own.open} open`) })).toBeVisible();
  await page.getByRole("link", { name: own.reference, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Case ${own.reference}` })).toBeVisible();
  await expect(page.getByText(/read-only/)).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Case actions" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Log a call or visit" })).toHaveCount(0);
  expect(await chipCount(page, "Notes")).toBe(own.shared);
  await captureViewports(page, "workspace-case-file-client");

  const response = await page.goto(`/cases/${foreign.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  const malformed = await page.goto("/cases/not-a-case");
  expect(malformed?.status()).toBe(404);
});
