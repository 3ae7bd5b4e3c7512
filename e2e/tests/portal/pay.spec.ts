import { createHash } from "node:crypto";
import { DEMO, DEMO_PASSWORD } from "../support/auth.ts";
import { expectNoAxeViolations } from "../support/axe.ts";
import { expect, test } from "../support/fixtures.ts";
import { capturePortal } from "../support/portal.ts";
import { portalToken } from "../support/tokens.ts";

const WORKSPACE = "http://127.0.0.1:3200";

interface DebtorCase {
  id: string;
  clientId: string;
  reference: string;
  balanceCents: number;
}



let kase: DebtorCase;
let token = "";

test.beforeAll(async ({ db }) => {
  // A French-speaking debtor's plain open case (no hold, no plan or promise running) with an email
  // address for the receipt. Taken from the start of the list: the statement journey reads from the end.
  const rows = await db.sql<DebtorCase[]>`
    select c.id, c.client_id as "clientId", c.reference, c.balance_cents::int as "balanceCents"
    from cases c join debtors d on d.id = c.debtor_id
    where c.stage in ('notified', 'in_contact', 'negotiating') and c.balance_cents > 0 and cardinality(c.holds) = 0
      and d.locale = 'fr' and c.currency = 'EUR'
      and exists (select 1 from contact_points cp where cp.debtor_id = c.debtor_id and cp.kind = 'email' and not cp.is_invalid and cp.opted_out_at is null)
      and not exists (select 1 from payments p where p.case_id = c.id and p.provider in ('demo', 'stripe'))
    order by c.reference
    limit 1`;
  expect(rows[0], "the demo data has an open case with an email address").toBeDefined();
  kase = rows[0]!;
  token = portalToken();
  const id = createHash("sha256").update(token).digest("hex");
  await db.sql`insert into portal_links (id, case_id, client_id, expires_at) values (${id}, ${kase.id}, ${kase.clientId}, now() + interval '1 day')`;
});

test("open the link, read the statement, pay in full on the demo checkout: the webhook closes the case and queues the receipt — without JavaScript", async ({ browser, db }) => {
  // Reading and paying must work without JavaScript: the whole journey runs with it switched off.
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "fr-FR", viewport: { width: 360, height: 780 } });
  const page = await context.newPage();

  await page.goto(`/l/${token}`);
  await expect(page).toHaveURL(/\/case$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(kase.reference);

  await page.locator('a[href="/case/pay"]').first().click();
  await expect(page).toHaveURL(/\/case\/pay$/);
  await expect(page.getByRole("heading", { level: 1, name: "Payer en ligne" })).toBeVisible();
  await capturePortal(page, "portal-pay-fr");

  // A wrong amount is explained next to the field, and nothing is started.
  await page.getByLabel("Montant (EUR)").fill("2");
  await page.getByRole("button", { name: "Continuer vers le paiement" }).click();
  await expect(page.getByText("Le montant minimum pour un paiement en ligne est de 5,00 €.")).toBeVisible();
  await expect(page.getByLabel("Montant (EUR)")).toHaveAttribute("aria-invalid", "true");
  await capturePortal(page, "portal-pay-error-fr");

  await page.getByRole("button", { name: /^Payer le solde complet/ }).click();
  await expect(page).toHaveURL(/\/case\/pay\/demo\/cs_demo_\w+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Paiement de démonstration" })).toBeVisible();
  await expect(page.getByText("Aucune donnée de carte n'est demandée")).toBeVisible();
  await expect(page.locator("input:not([type=hidden])")).toHaveCount(0);
  await capturePortal(page, "portal-pay-demo-fr");

  await page.getByRole("button", { name: /^Payer .* \(démonstration\)$/ }).click();
  await expect(page).toHaveURL(/\/case\/pay\/done\?session_id=cs_demo_\w+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Merci, votre paiement est bien reçu" })).toBeVisible();
  await expect(page.getByText("Votre dossier est soldé et clôturé.")).toBeVisible();
  await capturePortal(page, "portal-pay-done-fr");
  const donePath = new URL(page.url()).pathname + new URL(page.url()).search;
  await context.close();

  // axe-core needs scripts: check the confirmation page again in a browser that runs them.
  const withScripts = await browser.newContext({ locale: "fr-FR" });
  const again = await withScripts.newPage();
  await again.goto(`/l/${token}`);
  await again.goto(donePath);
  await expect(again.getByRole("heading", { level: 1, name: "Merci, votre paiement est bien reçu" })).toBeVisible();
  await expectNoAxeViolations(again);
  await withScripts.close();

  const [row] = await db.sql<{ stage: string; closure_reason: string | null; balance_cents: string }[]>`select stage, closure_reason, balance_cents from cases where id = ${kase.id}`;
  expect(row).toMatchObject({ stage: "closed", closure_reason: "paid" });
  expect(Number(row!.balance_cents)).toBe(0);
  const paid = await db.sql<{ amount_cents: string }[]>`select amount_cents from payments where case_id = ${kase.id} and provider = 'demo'`;
  expect(paid.map((p) => Number(p.amount_cents))).toEqual([kase.balanceCents]);
  const receipts = await db.sql<{ subject: string }[]>`select subject from messages where case_id = ${kase.id} and template = 'payment_receipt'`;
  expect(receipts).toHaveLength(1);

  // The agency sees the receipt in the workspace outbox.
  const staff = await browser.newContext({ baseURL: WORKSPACE });
  const agent = await staff.newPage();
  await agent.goto("/sign-in");
  await agent.getByLabel("Email").fill(DEMO.admin);
  await agent.getByLabel("Password").fill(DEMO_PASSWORD);
  await agent.getByRole("button", { name: "Sign in" }).click();
  await expect(agent).not.toHaveURL(/\/sign-in/);
  await agent.goto(`/outbox?case=${kase.id}`);
  await expect(agent.getByRole("link", { name: new RegExp(receipts[0]!.subject) })).toBeVisible();
  await staff.close();
});

test("the confirmation page waits for the webhook and says so, in Dutch and English too", async ({ browser, db }) => {
  // A checkout the webhook has not confirmed yet: the page only says it is being confirmed.
  const [other] = await db.sql<DebtorCase[]>`
    select c.id, c.client_id as "clientId", c.reference, c.balance_cents::int as "balanceCents" from cases c
    where c.stage in ('notified', 'in_contact', 'negotiating') and c.balance_cents > 1000 and cardinality(c.holds) = 0 and c.currency = 'EUR' and c.id <> ${kase.id}
      and not exists (select 1 from payments p where p.case_id = c.id and p.provider in ('demo', 'stripe'))
    order by c.reference desc limit 1`;
  const linkFor = portalToken();
  await db.sql`insert into portal_links (id, case_id, client_id, expires_at) values (${createHash("sha256").update(linkFor).digest("hex")}, ${other!.id}, ${other!.clientId}, now() + interval '1 day')`;
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/l/${linkFor}`);
  await expect(page).toHaveURL(/\/case$/);
  for (const [lang, heading, button] of [
    ["nl", "Online betalen", "Verder naar betalen"],
    ["en", "Pay online", "Continue to payment"],
  ] as const) {
    await page.goto(`/case/pay?lang=${lang}`);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole("button", { name: button })).toBeVisible();
    await expectNoAxeViolations(page);
    await capturePortal(page, `portal-pay-${lang}`);
  }
  await page.getByLabel("Amount (EUR)").fill("10.00");
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expect(page).toHaveURL(/\/case\/pay\/demo\/(cs_demo_\w+)$/);
  await expect(page.getByRole("heading", { level: 1, name: "Demonstration payment" })).toBeVisible();
  await expectNoAxeViolations(page);
  const checkoutId = /cs_demo_\w+$/.exec(page.url())![0];
  await page.goto(`/case/pay/done?session_id=${checkoutId}`);
  await expect(page.getByRole("heading", { level: 1, name: "We are confirming your payment" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Refresh now" })).toBeVisible();
  await expectNoAxeViolations(page);
  await capturePortal(page, "portal-pay-confirming-en");
  expect(await db.sql`select id from payments where external_id = ${checkoutId}`).toHaveLength(0);
  await context.close();
});
