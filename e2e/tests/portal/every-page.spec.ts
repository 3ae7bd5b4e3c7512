import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "../support/axe.ts";
import { expect, test } from "../support/fixtures.ts";
import { captureNarrow, personalLink } from "../support/portal.ts";
import { portalToken } from "../support/tokens.ts";

/**
 * Every portal page, in each of its languages: axe-core finds nothing to fix, the page is in that
 * language, and it fits a 360 px phone (screenshots in e2e/screenshots/portal-page-*-360.png).
 * Reading only: the journeys that change a case live in their own specs.
 */
const LANGUAGES = ["fr", "nl", "en"] as const;
const DEMO_ACCESS_CODE = "DEMO-4821";

/** The signed-in pages of a plain open case, by the name their screenshots carry. */
const CASE_PAGES = [
  ["statement", "/case"],
  ["pay", "/case/pay"],
  ["plan", "/case/plan"],
  ["settlement", "/case/settlement"],
  ["dispute", "/case/dispute"],
  ["paid", "/case/paid"],
  ["contact", "/case/contact"],
  ["messages", "/case/messages"],
  ["callback", "/case/callback"],
] as const;

interface OpenCase {
  id: string;
  clientId: string;
  reference: string;
}

let kase: OpenCase;
let withPlan: OpenCase;

test.beforeAll(async ({ db }) => {
  // A plain open case (no hold, no plan or promise running) that other journeys are unlikely to pick.
  const rows = await db.sql<OpenCase[]>`
    select c.id, c.client_id as "clientId", c.reference from cases c
    where c.stage in ('notified', 'in_contact', 'negotiating') and c.balance_cents > 10000 and cardinality(c.holds) = 0
      and c.currency = 'EUR' and c.portal_access_code_hash is not null
      and not exists (select 1 from arrangements a where a.case_id = c.id and a.status in ('proposed', 'countered', 'accepted', 'active'))
      and not exists (select 1 from promises p where p.case_id = c.id and p.status = 'pending')
      and exists (select 1 from contact_points cp where cp.debtor_id = c.debtor_id and cp.kind = 'email' and not cp.is_invalid and cp.opted_out_at is null)
    order by md5(c.id::text || 'every-page') limit 1`;
  expect(rows[0], "the demo data has a plain open case").toBeDefined();
  kase = rows[0]!;
  // A debtor keeping to a plan: the pages then offer the next instalment and automatic collection.
  const planned = await db.sql<OpenCase[]>`
    select c.id, c.client_id as "clientId", c.reference from cases c join arrangements a on a.case_id = c.id and a.status = 'active' and a.kind = 'plan'
    where c.stage = 'arrangement' and cardinality(c.holds) = 0 and c.currency = 'EUR' and c.balance_cents > 0
      and exists (select 1 from instalments i where i.arrangement_id = a.id and i.status in ('scheduled', 'partially_paid'))
      and not exists (select 1 from payment_mandates m where m.case_id = c.id)
    order by md5(c.id::text || 'every-page') limit 1`;
  expect(planned[0], "the demo data has a plan running").toBeDefined();
  withPlan = planned[0]!;
});

async function check(page: Page, lang: string, name: string): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await captureNarrow(page, `portal-page-${name}-${lang}`);
}

for (const lang of LANGUAGES) {
  test(`the public pages in ${lang}`, async ({ page }) => {
    await page.goto(`/?lang=${lang}`);
    await check(page, lang, "landing");

    const dead = await page.goto(`/l/${portalToken()}?lang=${lang}`);
    expect(dead!.status()).toBe(404);
    await check(page, lang, "link-invalid");

    const missing = await page.goto(`/no-such-page?lang=${lang}`);
    expect(missing!.status()).toBe(404);
    await check(page, lang, "not-found");

    // Reference + access code leads to the one-time code page.
    await page.goto(`/?lang=${lang}`);
    const form = page.getByRole("region", { name: /Ouvrir mon dossier|Mijn dossier openen|Open my file/ });
    await form.getByLabel(/Référence du dossier|Dossierreferentie|File reference/).fill(kase.reference);
    await form.getByLabel(/Code d'accès|Toegangscode|Access code/).fill(DEMO_ACCESS_CODE);
    await form.getByRole("button", { name: /Continuer|Doorgaan|Verder|Continue/ }).click();
    await expect(page).toHaveURL(/\/sign-in\/code$/);
    await check(page, lang, "sign-in-code");
  });

  test(`every page of a signed-in debtor in ${lang}`, async ({ page, db }) => {
    await page.goto(await personalLink(db, kase));
    await expect(page).toHaveURL(/\/case$/);
    for (const [name, path] of CASE_PAGES) {
      const response = await page.goto(`${path}?lang=${lang}`);
      expect(response!.status(), path).toBe(200);
      await check(page, lang, name);
    }
  });

  test(`the pages of a debtor keeping to a plan in ${lang}, and the demo provider's pages`, async ({ page, db }) => {
    await page.goto(await personalLink(db, withPlan));
    await expect(page).toHaveURL(/\/case$/);
    for (const [name, path] of [
      ["statement-plan", "/case"],
      ["pay-plan", "/case/pay"],
      ["plan-running", "/case/plan"],
      ["plan-done", "/case/plan/done"],
    ] as const) {
      const response = await page.goto(`${path}?lang=${lang}`);
      expect(response!.status(), path).toBe(200);
      await check(page, lang, name);
    }
    // Opening the demo checkout and the demo setup page writes only their audit events: nothing is paid or saved.
    await page.goto(`/case/pay?lang=${lang}`);
    await page.getByRole("button", { name: /prochaine échéance|volgende afbetaling|next instalment|en retard|achterstallige|overdue/ }).click();
    await expect(page).toHaveURL(/\/case\/pay\/demo\/cs_demo_\w+$/);
    await check(page, lang, "pay-demo-checkout");
    await page.goto(`/case/pay?lang=${lang}`);
    await page.getByRole("button", { name: /prélever|automatisch|collected automatically/ }).click();
    await expect(page).toHaveURL(/\/case\/pay\/demo-setup\/\w+/);
    await check(page, lang, "pay-demo-setup");
  });
}
