import type { Page } from "@playwright/test";
import type { DbHandle } from "@recouvra/db";
import { fileURLToPath } from "node:url";
import { captureViewports } from "../screenshots.ts";
import { DEMO, signIn } from "../support/auth.ts";
import { expect, test } from "../support/fixtures.ts";

const shot = (name: string) => fileURLToPath(new URL(`../../screenshots/${name}.png`, import.meta.url));

/** What a phone shows without scrolling, and the case's actions panel alone on a phone. */
async function capturePhone(page: Page, name: string, part: "screen" | "panel"): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  if (part === "screen") await page.screenshot({ path: shot(`${name}-phone-screen`) });
  else await page.locator("section", { has: page.locator("#case-actions-heading") }).screenshot({ path: shot(`${name}-form-phone`) });
  await page.setViewportSize({ width: 1280, height: 800 });
}

interface Target {
  id: string;
  reference: string;
  mobile: string;
}

/** An open case of the FR agent's team that can receive an SMS: notice sent, no hold, a usable mobile. */
async function smsableCase(db: DbHandle): Promise<Target> {
  // Ordered from the end, away from the cases the other journeys pick first.
  const [row] = await db.sql<Target[]>`
    select c.id, c.reference, p.value as mobile
      from cases c
      join users u on u.team_id = c.team_id and u.email = ${DEMO.agentFr}
      join contact_points p on p.debtor_id = c.debtor_id and p.kind = 'phone' and p.value like '+336%'
                           and not p.is_invalid and p.opted_out_at is null
     where c.stage in ('notified', 'in_contact', 'negotiating') and c.holds = '{}'
     order by c.reference desc
     limit 1`;
  if (!row) throw new Error("the seed has no case with a usable mobile for the FR agent");
  return row;
}

test("an agent previews an SMS reminder, sends it, and finds it in the outbox and on the case timeline", async ({ page, db }) => {
  const kase = await smsableCase(db);
  await signIn(page, DEMO.agentFr);
  await page.goto(`/cases/${kase.id}`);
  await page.getByRole("navigation", { name: "Case actions" }).getByRole("link", { name: "Send a letter, email or SMS" }).click();
  await expect(page.getByRole("heading", { name: "Send a letter, email or SMS" })).toBeVisible();

  // Choosing the channel reloads the choices: the SMS templates in the debtor's language, the numbers.
  await page.getByRole("radio", { name: /^SMS/ }).check();
  const template = page.getByLabel("Template");
  await expect(template.locator("option[value=reminder_sms]")).toHaveCount(1);
  await template.selectOption("reminder_sms");
  await expect(page.getByRole("radio", { name: new RegExp(kase.mobile.replace("+", "\\+")) })).toBeChecked();

  await page.getByRole("button", { name: "Preview", exact: true }).click();
  const preview = page.getByRole("region", { name: /^Preview: Reminder \(SMS/ });
  await expect(preview).toBeVisible();
  await expect(preview.getByText(`dossier ${kase.reference}`)).toBeVisible();
  await expect(preview.getByText(/\d+ characters · 1 part · GSM-7/)).toBeVisible();
  await captureViewports(page, "messages-sms-preview");
  await capturePhone(page, "messages-sms-preview", "panel");

  await preview.getByRole("button", { name: "Send the SMS" }).click();
  await expect(page.getByRole("status").filter({ hasText: "SMS queued" })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/cases/${kase.id}$`));
  const [stored] = await db.sql<{ id: string; body: string; status: string }[]>`
    select id, body, status from messages where case_id = ${kase.id} and template = 'reminder_sms' order by created_at desc limit 1`;
  expect(stored!.body).toContain(kase.reference);
  expect(["queued", "sending", "sent"]).toContain(stored!.status);

  // On the case timeline, as a message to the debtor's number.
  const timeline = page.getByRole("list", { name: "Timeline, newest first" });
  await expect(timeline.locator("li[data-kind=message]").first()).toContainText(kase.mobile);

  // In the outbox (newest first; other journeys queue messages at the same time, so find ours); opened,
  // it reads exactly as sent and leads back to the case.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Outbox" }).click();
  await expect(page.getByRole("heading", { name: "Outbox", level: 1 })).toBeVisible();
  const first = page.getByRole("article").filter({ hasText: kase.reference }).first();
  await expect(first).toBeVisible();
  await captureViewports(page, "messages-outbox");
  await capturePhone(page, "messages-outbox", "screen");
  await first.getByRole("link", { name: `SMS to ${kase.mobile}` }).click();
  await expect(page.getByRole("heading", { name: `SMS to ${kase.mobile}`, level: 1 })).toBeVisible();
  await expect(page.getByText(stored!.body)).toBeVisible();
  await captureViewports(page, "messages-outbox-message");
  await page.getByRole("link", { name: kase.reference }).first().click();
  await expect(page).toHaveURL(new RegExp(`/cases/${kase.id}$`));
});

test("a refused message says why and what to do", async ({ page, db }) => {
  const [held] = await db.sql<{ id: string }[]>`
    select c.id from cases c join users u on u.team_id = c.team_id and u.email = ${DEMO.agentFr}
     where c.stage <> 'closed' and 'disputed' = any(c.holds) order by c.reference limit 1`;
  if (!held) throw new Error("the seed has no disputed case for the French-speaking team");
  await signIn(page, DEMO.agentFr);
  await page.goto(`/cases/${held!.id}/message`);
  const refusal = page.getByText(/Contact is stopped while the case is on hold: the debt is disputed — resolve the dispute first/);
  await expect(refusal).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to the dispute" })).toBeVisible();
  await captureViewports(page, "messages-refused");
  await capturePhone(page, "messages-refused", "panel");
});
