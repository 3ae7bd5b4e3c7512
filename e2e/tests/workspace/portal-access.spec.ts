import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "@playwright/test";
import type { DbHandle } from "@recouvra/db";
import { captureViewports, VIEWPORTS } from "../screenshots.ts";
import { DEMO, signIn } from "../support/auth.ts";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "../support/fixtures.ts";
import { oneTimeCodeFor, portalToken } from "../support/tokens.ts";

const PORTAL = "http://127.0.0.1:3300";
const SCREENSHOTS = fileURLToPath(new URL("../../screenshots/", import.meta.url));

/** The whole page and the panel alone, at a phone's width and a laptop's. */
async function capture(page: Page, name: string): Promise<void> {
  await captureViewports(page, name);
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.locator("#portal-access-panel").screenshot({ path: `${SCREENSHOTS}${name}-panel-${viewport.name}.png` });
  }
}

interface PortalCase {
  id: string;
  clientId: string;
  reference: string;
  hash: string | null;
}

/**
 * A closed case of the FR agent's team, one per test: the portal journeys only take open cases, so
 * changing this one's access code or lock can never trip them while both projects run.
 */
async function closedCaseOfAgent(db: DbHandle, skip = 0): Promise<PortalCase> {
  const rows = await db.sql<PortalCase[]>`
    select c.id, c.client_id as "clientId", c.reference, c.portal_access_code_hash as hash
      from cases c join users u on u.team_id = c.team_id and u.email = ${DEMO.agentFr}
     where c.stage = 'closed'
     order by c.reference limit 1 offset ${skip}`;
  if (!rows[0]) throw new Error("the seed has no closed case of the FR agent's team");
  return rows[0];
}

/** Puts the case's portal access back as the seed left it. */
async function restore(db: DbHandle, kase: PortalCase): Promise<void> {
  await db.sql`update cases set portal_access_code_hash = ${kase.hash}, portal_failed_attempts = 0, portal_locked_until = null where id = ${kase.id}`;
  await db.sql`delete from portal_sessions where case_id = ${kase.id}`;
}

/** The debtor's own browser, signed in on the portal with a personal link. */
async function debtorOnPortal(browser: Browser, db: DbHandle, kase: PortalCase): Promise<Page> {
  const token = portalToken();
  const id = createHash("sha256").update(token).digest("hex");
  await db.sql`insert into portal_links (id, case_id, client_id, expires_at) values (${id}, ${kase.id}, ${kase.clientId}, now() + interval '1 day')`;
  const context = await browser.newContext({ baseURL: PORTAL });
  const page = await context.newPage();
  await page.goto(`/l/${token}?lang=en`);
  await expect(page).toHaveURL(/\/case$/);
  return page;
}

/** The agent's case page with the portal-access panel open, reached from the case file's link. */
async function openPanel(page: Page, caseId: string) {
  await page.goto(`/cases/${caseId}`);
  await page.locator("#portal").getByRole("link", { name: "Portal access" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}/portal$`));
  const panel = page.getByRole("region", { name: "Debtor portal access" });
  await expect(panel).toBeVisible();
  return panel;
}

/**
 * No WCAG 2.1 A/AA violation in the panel. Only the panel: the workspace shell has a known one of its
 * own (the home link's aria-label does not contain its visible text), which is not this page's.
 */
async function expectPanelAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).include("#portal-access-panel").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

const fact = (panel: ReturnType<Page["getByRole"]>, term: string) => panel.locator("dt", { hasText: term }).locator("xpath=following-sibling::dd[1]");

test("an agent resets the access code: the debtor's open portal session ends, and the new code opens the file", async ({ page, browser, db }) => {
  const kase = await closedCaseOfAgent(db);
  const debtor = await debtorOnPortal(browser, db, kase);
  try {
    await signIn(page, DEMO.agentFr);
    const panel = await openPanel(page, kase.id);
    await expect(fact(panel, "Open portal sessions")).toHaveText("1");
    await expect(panel.getByRole("region", { name: "Personal links that work now" }).getByRole("listitem")).toHaveCount(1);
    await expectPanelAccessible(page);
    await capture(page, "workspace-portal-access");

    await panel.getByRole("link", { name: "Reset the access code…" }).click();
    await expect(page).toHaveURL(/\/portal\?confirm=reset$/);
    await expect(panel.getByText("Reset the access code?")).toBeVisible();
    await expect(panel.getByText("1 open portal session ends now")).toBeVisible();
    await panel.getByRole("radio", { name: "By phone, now: I have checked the debtor's identity" }).check();
    await expectPanelAccessible(page);
    await capture(page, "workspace-portal-access-confirm");
    await panel.getByRole("button", { name: "Reset the access code" }).click();

    const shown = panel.getByRole("status").filter({ hasText: "New access code — shown only this once" });
    await expect(shown).toBeVisible();
    const code = (await shown.getByText(/^[A-HJ-NP-Z2-9]{4} [A-HJ-NP-Z2-9]{4}$/).textContent())!.trim();
    await expect(shown).toContainText("1 open portal session was ended");
    await expect(fact(panel, "Open portal sessions")).toHaveText("0");
    await expect(panel.getByRole("region", { name: "Personal links that work now" })).toContainText("None.");
    await capture(page, "workspace-portal-access-new-code");
    // Shown once: the page reloaded from the server no longer has it.
    await page.goto(`/cases/${kase.id}/portal`);
    await expect(page.getByText(code)).toHaveCount(0);

    // The debtor's page is signed out: the next click lands on the sign-in page.
    await debtor.goto("/case");
    await expect(debtor).toHaveURL(/\/$/);
    // Told the new code, the debtor types it as heard (lower case, no space) and gets in.
    const form = debtor.getByRole("region", { name: "Open my file" });
    await form.getByLabel(/File reference/).fill(kase.reference);
    await form.getByLabel(/Access code/).fill(code.replace(" ", "").toLowerCase());
    await form.getByRole("button", { name: "Continue" }).click();
    await expect(debtor).toHaveURL(/\/(case|sign-in\/code)$/);
    if (debtor.url().endsWith("/sign-in/code")) {
      await debtor.getByLabel("6-digit code").fill(await oneTimeCodeFor(db, kase.id));
      await debtor.getByRole("button", { name: "Open my file" }).click();
    }
    await expect(debtor).toHaveURL(/\/case$/);
    const [event] = await db.sql<{ data: { deliveredBy: string; endedSessions: number } }[]>`
      select data from audit_events where case_id = ${kase.id} and action = 'portal.access_code_reset' order by seq desc limit 1`;
    expect(event!.data).toMatchObject({ deliveredBy: "phone_identity_checked", endedSessions: 1 });
  } finally {
    await debtor.context().close();
    await restore(db, kase);
  }
});

test("an agent clears a lock-out: the debtor can sign in again at once", async ({ page, browser, db }) => {
  const kase = await closedCaseOfAgent(db, 1);
  // The demo access code (closed cases have none: borrow an open case's hash of it) and ten wrong
  // codes' worth of lock: the right code is refused for the next half hour.
  const ACCESS_CODE = "DEMO-4821";
  await db.sql`update cases set portal_access_code_hash = (select portal_access_code_hash from cases where portal_access_code_hash is not null and stage <> 'closed' limit 1),
    portal_failed_attempts = 0, portal_locked_until = now() + interval '30 minutes' where id = ${kase.id}`;
  const debtor = await (await browser.newContext({ baseURL: PORTAL })).newPage();
  const signInAsDebtor = async () => {
    await debtor.goto("/?lang=en");
    const form = debtor.getByRole("region", { name: "Open my file" });
    await form.getByLabel(/File reference/).fill(kase.reference);
    await form.getByLabel(/Access code/).fill(ACCESS_CODE);
    await form.getByRole("button", { name: "Continue" }).click();
  };
  try {
    await signInAsDebtor();
    await expect(debtor.getByRole("alert")).toContainText("Too many attempts");

    await signIn(page, DEMO.agentFr);
    const panel = await openPanel(page, kase.id);
    await expect(fact(panel, "Sign-in with the reference")).toContainText("Locked until");
    await expect(panel.getByRole("heading", { name: "Sign-in is locked" })).toBeVisible();
    await expectPanelAccessible(page);
    await capture(page, "workspace-portal-access-locked");
    await panel.getByRole("button", { name: "Clear the lock-out" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Lock-out cleared: the debtor can sign in again now" })).toBeVisible();
    await expect(fact(panel, "Sign-in with the reference")).toHaveText("No failed attempts");
    await expect(panel.getByRole("button", { name: "Clear the lock-out" })).toHaveCount(0);
    const [after] = await db.sql<{ locked: Date | null; attempts: number }[]>`select portal_locked_until as locked, portal_failed_attempts as attempts from cases where id = ${kase.id}`;
    expect(after).toEqual({ locked: null, attempts: 0 });
    const [event] = await db.sql<{ data: { wasLocked: boolean } }[]>`select data from audit_events where case_id = ${kase.id} and action = 'portal.lock_cleared' order by seq desc limit 1`;
    expect(event!.data.wasLocked).toBe(true);

    // The same code, straight away: in.
    await signInAsDebtor();
    await expect(debtor).toHaveURL(/\/(case|sign-in\/code)$/);
    if (debtor.url().endsWith("/sign-in/code")) {
      await debtor.getByLabel("6-digit code").fill(await oneTimeCodeFor(db, kase.id));
      await debtor.getByRole("button", { name: "Open my file" }).click();
    }
    await expect(debtor).toHaveURL(/\/case$/);
  } finally {
    await debtor.context().close();
    await restore(db, kase);
  }
});

test("the case's client user sees the portal status but no action", async ({ page, db }) => {
  const [kase] = await db.sql<{ id: string }[]>`
    select c.id from cases c
      join users cu on cu.client_id = c.client_id and cu.email = ${DEMO.clientFr}
     where c.stage <> 'closed' and c.portal_access_code_hash is not null order by c.reference limit 1`;
  await signIn(page, DEMO.clientFr);
  const panel = await openPanel(page, kase!.id);
  await expect(fact(panel, "Access code")).toContainText("Set");
  await expect(panel.getByText("Only the agency's case handlers can issue links, reset the access code or clear a lock-out.")).toBeVisible();
  await expect(panel.getByRole("button")).toHaveCount(0);
  await expect(panel.getByRole("link", { name: "Reset the access code…" })).toHaveCount(0);
  // A post anyway is refused.
  const refused = await page.request.post(`/cases/${kase!.id}/portal`, { form: { intent: "show_link" }, headers: { Origin: new URL(page.url()).origin }, maxRedirects: 0 });
  expect(refused.status()).toBe(403);
});
