import type { Locator, Page } from "@playwright/test";
import type { DbHandle } from "@recouvra/db";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { captureViewports } from "../screenshots.ts";
import { DEMO, signIn } from "../support/auth.ts";
import { expect, test } from "../support/fixtures.ts";

interface CaseWithPhone {
  id: string;
  phoneId: string;
  phone: string;
  /** Where the debtor lives: a national number is read as one of this country. */
  country: string;
}

const CALLING_CODES: Record<string, string> = { FR: "33", BE: "32", NL: "31", LU: "352", DE: "49" };

/** An open case of the FR agent's team whose debtor has a usable phone number (the last by reference, away from other journeys). */
async function caseWithPhone(db: DbHandle): Promise<CaseWithPhone> {
  const [row] = await db.sql<CaseWithPhone[]>`
    select c.id, p.id as "phoneId", p.value as phone,
           coalesce((select a.country_code from contact_points a where a.debtor_id = c.debtor_id and a.kind = 'address' and a.country_code is not null
                      order by a.is_primary desc limit 1), c.jurisdiction) as country
      from cases c
      join users u on u.team_id = c.team_id and u.email = ${DEMO.agentFr}
      join contact_points p on p.debtor_id = c.debtor_id and p.kind = 'phone' and not p.is_invalid and p.opted_out_at is null
     where c.stage <> 'closed'
     order by c.reference desc
     limit 1`;
  if (!row) throw new Error("the seed has no open FR case whose debtor has a usable phone number");
  return row;
}

const SCREENSHOTS = fileURLToPath(new URL("../../screenshots/", import.meta.url));

/** The Contacts section and the actions panel, at a phone's width and a laptop's. */
async function captureContacts(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await captureViewports(page, name);
  for (const viewport of [
    { name: "phone", width: 390, height: 844 },
    { name: "desktop", width: 1280, height: 800 },
  ]) {
    await page.setViewportSize(viewport);
    await page.locator("#contacts").screenshot({ path: `${SCREENSHOTS}${name}-section-${viewport.name}.png` });
    await page.locator("section", { has: page.locator("#case-actions-heading") }).screenshot({ path: `${SCREENSHOTS}${name}-panel-${viewport.name}.png` });
  }
}

/** The row of the Contacts section that shows `value`. */
const rowOf = (page: Page, value: string): Locator =>
  page.getByRole("list", { name: "The debtor's contact points" }).getByRole("listitem").filter({ has: page.getByText(value, { exact: true }) }).first();

const toast = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text });

test("an agent marks a phone number invalid, adds a new one and verifies it, seeing each state", async ({ page, db }) => {
  const kase = await caseWithPhone(db);
  // A number no seeded debtor has: 07 00 then the time, so reruns never collide.
  const digits = String(Date.now()).slice(-6);
  const typed = `07 00 ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4)}`;
  const stored = `+${CALLING_CODES[kase.country] ?? "33"}700${digits}`;
  await signIn(page, DEMO.agentFr);
  await page.goto(`/cases/${kase.id}`);
  const contacts = page.locator("#contacts");
  await expect(contacts.getByRole("heading", { name: "Contacts" })).toBeVisible();

  // 1. The old number is wrong: mark it invalid with the reason.
  const old = rowOf(page, kase.phone);
  await old.getByRole("link", { name: `Mark invalid ${kase.phone}` }).click();
  await expect(page.getByRole("heading", { name: "Mark this phone number invalid" })).toBeVisible();
  // The form opens in the actions panel, which is sticky on a laptop: all of it must be in view.
  await expect(page.getByRole("heading", { name: "Mark this phone number invalid" })).toBeInViewport();
  await expect(page.getByRole("button", { name: "Mark invalid" })).toBeInViewport();
  await page.getByLabel("Reason").selectOption({ label: "Wrong number" });
  await page.getByLabel("Details").fill("A Mr Martin answered: he has had this number for a year");
  await captureContacts(page, "contacts-invalidate");
  await page.getByRole("button", { name: "Mark invalid" }).click();
  await expect(toast(page, "Phone number marked invalid")).toBeVisible();
  await expect(old.getByText("Invalid", { exact: true })).toBeVisible();
  await expect(old.getByText("Invalid: Wrong number: A Mr Martin answered: he has had this number for a year. Never used for messages.")).toBeVisible();
  await expect(old.getByRole("link", { name: /^Verify/ })).toHaveCount(0);
  const [invalidated] = await db.sql<{ isInvalid: boolean; isPrimary: boolean }[]>`select is_invalid as "isInvalid", is_primary as "isPrimary" from contact_points where id = ${kase.phoneId}`;
  expect(invalidated).toEqual({ isInvalid: true, isPrimary: false });

  // 2. Add the right number; a national number is stored in E.164.
  await contacts.getByRole("link", { name: "Add a contact point" }).click();
  await expect(page.getByRole("heading", { name: "Add a phone number" })).toBeVisible();
  await page.getByLabel("Phone number", { exact: true }).fill(typed);
  await page.getByLabel("Label (optional)").fill("mobile");
  await page.getByLabel("Make it the primary phone number").check();
  await captureContacts(page, "contacts-add");
  await page.getByRole("button", { name: "Add the phone number" }).click();
  await expect(toast(page, "Phone number added")).toBeVisible();
  const added = rowOf(page, stored);
  await expect(added.getByText("Primary", { exact: true })).toBeVisible();
  await expect(added.getByText("Not verified", { exact: true })).toBeVisible();

  // The same number again is refused at its field.
  await contacts.getByRole("link", { name: "Add a contact point" }).click();
  await page.getByLabel("Phone number", { exact: true }).fill(stored);
  await page.getByRole("button", { name: "Add the phone number" }).click();
  await expect(page.getByText(`phone: the debtor already has this phone number (${stored})`)).toBeVisible();
  await expect(page.getByLabel("Phone number", { exact: true })).toHaveAttribute("aria-invalid", "true");

  // 3. The debtor answered on it: verify it.
  await added.getByRole("link", { name: `Verify ${stored}` }).click();
  await expect(page.getByRole("heading", { name: "Verify this phone number" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Mark as verified" })).toBeInViewport();
  await page.getByLabel("How it was verified (optional)").fill("Spoke with the debtor on this number");
  await page.getByRole("button", { name: "Mark as verified" }).click();
  await expect(toast(page, "Phone number verified")).toBeVisible();
  await expect(added.getByText("Verified", { exact: true })).toBeVisible();
  await expect(added.getByRole("link", { name: /^Verify/ })).toHaveCount(0);
  await captureContacts(page, "contacts-after");

  const [point] = await db.sql<{ isVerified: boolean; isPrimary: boolean; source: string }[]>`
    select is_verified as "isVerified", is_primary as "isPrimary", source from contact_points where debtor_id = (select debtor_id from cases where id = ${kase.id}) and value = ${stored}`;
  expect(point).toEqual({ isVerified: true, isPrimary: true, source: "agent" });
  const actions = await db.sql<{ action: string }[]>`select action from audit_events where case_id = ${kase.id} and entity_type = 'contact_point' order by seq`;
  expect(actions.map((a) => a.action)).toEqual(["contact_point.invalidated", "contact_point.added", "contact_point.verified"]);

  // The timeline tells the same story.
  const timeline = page.locator("#timeline");
  await expect(timeline.getByText("Phone number marked invalid")).toBeVisible();
  await expect(timeline.getByText("Phone number added as the primary one")).toBeVisible();
  await expect(timeline.getByText("Phone number verified")).toBeVisible();
});

test("a client user sees the contacts without any way to change them", async ({ page, db }) => {
  const [row] = await db.sql<{ id: string }[]>`
    select c.id from cases c join clients cl on cl.id = c.client_id join users u on u.client_id = cl.id and u.email = ${DEMO.clientFr}
     where exists (select 1 from contact_points p where p.debtor_id = c.debtor_id) limit 1`;
  await signIn(page, DEMO.clientFr);
  await page.goto(`/cases/${row!.id}`);
  await expect(page.getByRole("list", { name: "The debtor's contact points" })).toBeVisible();
  await expect(page.locator("#contacts").getByRole("link")).toHaveCount(0);
  const forbidden = await page.goto(`/cases/${row!.id}/contacts?add=phone`);
  expect(forbidden?.status()).toBe(404);
});
