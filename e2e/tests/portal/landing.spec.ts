import { expect, test } from "@playwright/test";
import { createDb } from "@recouvra/db";
import { captureViewports } from "../screenshots.ts";

const LANGUAGES = [
  { locale: "fr", name: "Français", heading: "Votre dossier, expliqué et réglé en ligne", contact: "Nous contacter" },
  { locale: "nl", name: "Nederlands", heading: "Uw dossier, uitgelegd en online geregeld", contact: "Contact" },
  { locale: "en", name: "English", heading: "Your file, explained and settled online", contact: "Contact us" },
] as const;

let agencyName = "";

test.beforeAll(async () => {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: start the platform through the Playwright config");
  const handle = createDb(url, { max: 1 });
  try {
    const rows = await handle.sql<{ name: string }[]>`select name from agency_settings where id = 1`;
    agencyName = rows[0]?.name ?? "";
  } finally {
    await handle.close();
  }
  expect(agencyName, "the demo data sets the agency up").not.toBe("");
});

test("a first visit without a language preference is in French", async ({ browser }) => {
  const context = await browser.newContext({ locale: "de-DE" });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await context.close();
});

test("the browser's language is honoured", async ({ browser }) => {
  const context = await browser.newContext({ locale: "nl-BE" });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(LANGUAGES[1].heading);
  await context.close();
});

test("the landing page reads in French, Dutch and English, and remembers the choice", async ({ page }) => {
  await page.goto("/");
  for (const language of LANGUAGES) {
    await page.getByRole("navigation", { name: /Langue|Taal|Language/ }).getByRole("link", { name: language.name }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", language.locale);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(language.heading);
    await expect(page.getByRole("link", { name: language.name })).toHaveAttribute("aria-current", "page");
    // The agency's identity comes from the database.
    const contact = page.getByRole("region", { name: language.contact, exact: true });
    await expect(contact).toContainText(agencyName);
    await expect(contact.getByRole("link", { name: /@/ })).toHaveAttribute("href", /^mailto:/);
    await captureViewports(page, `portal-landing-${language.locale}`);
  }
  // The cookie keeps the last choice when the visitor comes back without ?lang=.
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("the landing page says how to open a file, with the reference and access code form", async ({ page }) => {
  await page.goto("/?lang=en");
  await expect(page.getByRole("heading", { name: "How to open your file" })).toBeVisible();
  await expect(page.getByText(/use the personal link from your letter, email or text message/)).toBeVisible();
  // The one form: reference + access code (the journeys through it are in access.spec.ts).
  const signIn = page.getByRole("region", { name: "Open my file" });
  await expect(signIn.getByRole("textbox")).toHaveCount(2);
  await expect(signIn.getByLabel(/File reference/)).toBeVisible();
  await expect(signIn.getByLabel(/Access code/)).toBeVisible();
});

test("the health check answers after querying the database", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ ok: true });
});
