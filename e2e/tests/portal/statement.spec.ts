import { createHash } from "node:crypto";
import type { BrowserContext } from "@playwright/test";
import { expectNoAxeViolations } from "../support/axe.ts";
import type { DbHandle } from "@recouvra/db";
import { expect, test } from "../support/fixtures.ts";
import { capturePortal } from "../support/portal.ts";
import { portalToken } from "../support/tokens.ts";

const PORTAL = "http://127.0.0.1:3300";

const LANGUAGES = [
  { locale: "fr", title: "Votre dossier", pay: "Payer", plan: "Proposer un échéancier", costs: "Frais", basis: "Base légale", documents: "Vos documents" },
  { locale: "nl", title: "Uw dossier", pay: "Betalen", plan: "Betalingsregeling voorstellen", costs: "Kosten", basis: "Wettelijke grondslag", documents: "Uw documenten" },
  { locale: "en", title: "Your file", pay: "Pay", plan: "Propose a payment plan", costs: "Costs", basis: "Legal basis", documents: "Your documents" },
] as const;

interface DebtorCase {
  id: string;
  clientId: string;
  reference: string;
  documentId: string;
}


let kase: DebtorCase;
let token = "";
const tokens: string[] = [];

/** A portal session on `c` in the platform's database, as the access engineer's sign-in writes it. */
async function openSession(db: DbHandle, c: { id: string; clientId: string }): Promise<string> {
  const fresh = portalToken();
  tokens.push(fresh);
  const id = createHash("sha256").update(fresh).digest("hex");
  await db.sql`insert into portal_sessions (id, case_id, client_id, expires_at) values (${id}, ${c.id}, ${c.clientId}, now() + interval '1 hour')`;
  return fresh;
}

test.beforeAll(async ({ db }) => {
  // An open case whose statement has something to explain: costs, an invoice to download. Taken from
  // the end of the list so journeys that pay a case (and close it) pick others.
  const rows = await db.sql<DebtorCase[]>`
    select c.id, c.client_id as "clientId", c.reference,
           (select d.id from documents d where d.case_id = c.id and d.kind = 'invoice' order by d.created_at limit 1) as "documentId"
    from cases c
    where c.stage <> 'closed' and c.balance_cents > 0
      and exists (select 1 from ledger_entries l where l.case_id = c.id and l.kind = 'charged')
      and exists (select 1 from documents d where d.case_id = c.id and d.kind = 'invoice')
    order by (exists (select 1 from ledger_entries l where l.case_id = c.id and l.kind = 'accrued')) desc, c.reference desc
    limit 1`;
  expect(rows[0], "the demo data has an open case with costs and an invoice").toBeDefined();
  kase = rows[0]!;
  token = await openSession(db, kase);
});

test.afterAll(async ({ db }) => {
  for (const t of tokens) await db.sql`delete from portal_sessions where id = ${createHash("sha256").update(t).digest("hex")}`;
});

async function signIn(context: BrowserContext, value = token): Promise<void> {
  await context.addCookies([{ name: "recouvra_portal", value, url: PORTAL, httpOnly: true, sameSite: "Lax" }]);
}


test("the debtor reads an explained statement in French, Dutch and English, at 360 px, axe-clean", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
  await signIn(context);
  const page = await context.newPage();
  for (const language of LANGUAGES) {
    await page.goto(`/case?lang=${language.locale}`);
    await expect(page.locator("html")).toHaveAttribute("lang", language.locale);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${language.title} ${kase.reference}`);
    // The summary comes first, with the ways forward as plain links (they work without JavaScript).
    const actions = page.getByRole("navigation", { name: /Ce que vous pouvez faire|Wat u kunt doen|What you can do/ });
    await expect(actions.getByRole("link", { name: language.pay, exact: true })).toHaveAttribute("href", "/case/pay");
    await expect(actions.getByRole("link", { name: language.plan })).toHaveAttribute("href", "/case/plan");
    // Every cost says its legal basis.
    const costs = page.getByRole("region", { name: language.costs, exact: true });
    await expect(costs.getByText(language.basis).first()).toBeVisible();
    await expect(page.getByRole("region", { name: language.documents }).getByRole("link").first()).toHaveAttribute("href", /^\/case\/documents\//);
    // Nothing is wider than a 360 px phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
    await capturePortal(page, `portal-statement-${language.locale}`);
    await page.setViewportSize({ width: 360, height: 780 });
  }
  await context.close();
});

test("a debtor on a payment plan sees the plan, the payments received and how each was used", async ({ browser, db }) => {
  const [planCase] = await db.sql<{ id: string; clientId: string; reference: string }[]>`
    select c.id, c.client_id as "clientId", c.reference from cases c
    join arrangements a on a.case_id = c.id and a.status = 'active' and a.kind = 'plan'
    where c.stage <> 'closed' and exists (select 1 from payments p where p.case_id = c.id and p.status = 'succeeded')
    order by c.reference desc limit 1`;
  expect(planCase, "the demo data has a running plan with payments").toBeDefined();
  const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
  await signIn(context, await openSession(db, planCase!));
  const page = await context.newPage();
  await page.goto("/case?lang=en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Your file ${planCase!.reference}`);
  const plan = page.getByRole("region", { name: "Your payment plan" });
  await expect(plan.getByText(/^You agreed to pay .+ in \d+ instalments\.$/)).toBeVisible();
  await expect(plan.getByRole("table", { name: "Instalments of your payment plan" })).toBeVisible();
  // Keeping to the agreed plan is the way forward: no second plan is offered.
  await expect(page.getByRole("link", { name: "Propose a payment plan" })).toHaveCount(0);
  const payments = page.getByRole("region", { name: "Payments received" });
  await expect(payments.getByRole("table", { name: "Payments received and how each one was used" }).getByRole("row").first()).toBeVisible();
  await expect(payments.getByText(/^Payments go first to costs/)).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
  await capturePortal(page, "portal-statement-plan-en");
  await context.close();
});

test("the page is server-rendered: it reads without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await signIn(context);
  const page = await context.newPage();
  await page.goto("/case?lang=en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Your file ${kase.reference}`);
  await expect(page.getByRole("region", { name: "Invoices" }).getByRole("table")).toBeVisible();
  await context.close();
});

test("a listed document downloads, another case's does not, and no session means the sign-in page", async ({ browser, db }) => {
  const context = await browser.newContext();
  await signIn(context);
  const own = await context.request.get(`/case/documents/${kase.documentId}`);
  expect(own.status()).toBe(200);
  expect(own.headers()["x-content-type-options"]).toBe("nosniff");
  expect(own.headers()["cache-control"]).toBe("private, no-store");
  const [foreign] = await db.sql<{ id: string }[]>`select id from documents where case_id <> ${kase.id} and kind = 'invoice' limit 1`;
  expect((await context.request.get(`/case/documents/${foreign!.id}`)).status()).toBe(404);
  await context.close();

  const anonymous = await browser.newContext();
  const page = await anonymous.newPage();
  await page.goto("/case");
  await expect(page).toHaveURL(/\/(\?.*)?$/);
  await anonymous.close();
});

test("the landing page is axe-clean in each language", async ({ page }) => {
  for (const language of LANGUAGES) {
    await page.goto(`/?lang=${language.locale}`);
    await expect(page.locator("html")).toHaveAttribute("lang", language.locale);
    await expectNoAxeViolations(page);
  }
});
