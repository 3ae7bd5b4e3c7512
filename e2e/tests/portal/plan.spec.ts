import { expectNoAxeViolations } from "../support/axe.ts";
import { expect, test } from "../support/fixtures.ts";
import { capturePortal } from "../support/portal.ts";
import { oneTimeCodeFor } from "../support/tokens.ts";

const DEMO_ACCESS_CODE = "DEMO-4821";

interface PlanCase {
  id: string;
  reference: string;
  balanceCents: number;
}

let kase: PlanCase;

test.beforeAll(async ({ db }) => {
  // An open case of a client whose policy counters a long plan (Telenova, Kleurrijk Wonen), with no
  // commitment running and a contact point the one-time code can go to.
  const rows = await db.sql<PlanCase[]>`
    select c.id, c.reference, c.balance_cents::int as "balanceCents" from cases c join clients cl on cl.id = c.client_id
    where cl.name in ('Telenova', 'Kleurrijk Wonen') and c.stage in ('notified', 'in_contact', 'negotiating')
      and cardinality(c.holds) = 0 and c.currency = 'EUR' and c.portal_access_code_hash is not null and c.balance_cents between 30000 and 200000
      and not exists (select 1 from arrangements a where a.case_id = c.id and a.status in ('proposed', 'countered', 'accepted', 'active'))
      and not exists (select 1 from promises p where p.case_id = c.id and p.status = 'pending')
      and exists (select 1 from contact_points cp where cp.debtor_id = c.debtor_id and cp.kind in ('email', 'phone') and not cp.is_invalid and cp.opted_out_at is null)
    order by md5(c.id::text || 'plan-journey') limit 1`;
  expect(rows[0], "the demo data has an open case whose policy counters long plans").toBeDefined();
  kase = rows[0]!;
});

test("reference + access code → a plan outside the policy → the counter-offer accepted → the first instalment paid", async ({ page, db }) => {
  await page.goto("/?lang=en");
  const form = page.getByRole("region", { name: "Open my file" });
  await form.getByLabel(/File reference/).fill(kase.reference);
  await form.getByLabel(/Access code/).fill(DEMO_ACCESS_CODE);
  await form.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/sign-in\/code$/);
  await page.getByLabel("6-digit code").fill(await oneTimeCodeFor(db, kase.id));
  await page.getByRole("button", { name: "Open my file" }).click();
  await expect(page).toHaveURL(/\/case$/);

  await page.getByRole("link", { name: "Propose a payment plan" }).click();
  await expect(page).toHaveURL(/\/case\/plan$/);
  await expectNoAxeViolations(page);
  // Two years is longer than the client allows: the policy answers at once with the closest plan it can accept.
  await page.getByRole("radio", { name: "A number of monthly instalments" }).check();
  await page.getByLabel("Number of instalments").fill("24");
  await page.getByRole("button", { name: "Propose this plan" }).click();
  await expect(page.getByRole("heading", { name: "We can't accept that plan, but we can offer this:" })).toBeVisible();
  const offered = await page.getByRole("table").first().locator("tbody tr").count();
  expect(offered, "the counter-offer lists every instalment").toBeGreaterThan(1);
  expect(offered).toBeLessThan(24);
  await expectNoAxeViolations(page);
  await capturePortal(page, "portal-plan-counter-en");

  const acknowledgment = ((await page.locator("blockquote").textContent()) ?? "").trim();
  expect(acknowledgment).toContain(kase.reference);

  // Accepting needs the box ticked: the acknowledgment of debt is accepted explicitly.
  await page.getByRole("button", { name: "Accept this plan" }).click();
  await expect(page.getByRole("checkbox", { name: /I have read the acknowledgment of debt/ })).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("checkbox", { name: /I have read the acknowledgment of debt/ }).check();
  await page.getByRole("button", { name: "Accept this plan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Thank you, your payment plan is in place" })).toBeVisible();
  await expectNoAxeViolations(page);
  await capturePortal(page, "portal-plan-done-en");

  const [plan] = await db.sql<{ id: string; status: string; proposed_by: string; acknowledgment_text: string | null; acknowledged_at: Date | null; instalments: number }[]>`
    select a.id, a.status, a.proposed_by, a.acknowledgment_text, a.acknowledged_at, (select count(*)::int from instalments i where i.arrangement_id = a.id) as instalments
    from arrangements a where a.case_id = ${kase.id} and a.status = 'active'`;
  expect(plan).toMatchObject({ status: "active", proposed_by: "debtor", instalments: offered });
  expect(plan!.acknowledged_at).not.toBeNull();
  // The text stored is the text the debtor read on the page.
  expect(plan!.acknowledgment_text).toBe(acknowledgment);
  const [stage] = await db.sql<{ stage: string }[]>`select stage from cases where id = ${kase.id}`;
  expect(stage!.stage).toBe("arrangement");

  // The agreement is a real PDF among the debtor's documents.
  const agreement = page.getByRole("link", { name: "Download the plan agreement (PDF)" });
  const pdf = await page.request.get((await agreement.getAttribute("href"))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toContain("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // The first instalment, paid on the demo checkout; the webhook books it against the plan.
  const [first] = await db.sql<{ amount_cents: string }[]>`select amount_cents from instalments where arrangement_id = ${plan!.id} and seq = 1`;
  await page.getByRole("link", { name: "Pay the first instalment" }).click();
  await expect(page).toHaveURL(/\/case\/pay$/);
  await page.getByRole("button", { name: /^Pay the next instalment: / }).click();
  await expect(page).toHaveURL(/\/case\/pay\/demo\/cs_demo_\w+$/);
  await page.getByRole("button", { name: /^Pay .* \(demonstration\)$/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Thank you, your payment has been received" })).toBeVisible();
  await capturePortal(page, "portal-plan-first-instalment-paid-en");

  const [paid] = await db.sql<{ status: string; paid_cents: string }[]>`select status, paid_cents from instalments where arrangement_id = ${plan!.id} and seq = 1`;
  expect(paid).toMatchObject({ status: "paid", paid_cents: first!.amount_cents });
  const payments = await db.sql<{ amount_cents: string }[]>`select amount_cents from payments where case_id = ${kase.id} and provider = 'demo'`;
  expect(payments.map((p) => p.amount_cents)).toEqual([first!.amount_cents]);
});
