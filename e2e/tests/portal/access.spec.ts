import { createHash } from "node:crypto";
import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "../support/axe.ts";
import { expect, test } from "../support/fixtures.ts";
import { captureNarrow } from "../support/portal.ts";
import { oneTimeCodeFor, portalToken } from "../support/tokens.ts";
import { captureViewports } from "../screenshots.ts";

const DEMO_ACCESS_CODE = "DEMO-4821";
const NOBODY = "RC-2099-999999";

interface PortalCase {
  id: string;
  clientId: string;
  reference: string;
  hasMobile: boolean;
}



let cases: PortalCase[] = [];

test.beforeAll(async ({ db }) => {
  // Open cases the portal can open, in a stable order of their own (not by reference, which other
  // journeys take from either end), so locking one here disturbs nobody else's.
  cases = await db.sql<PortalCase[]>`
    select c.id, c.client_id as "clientId", c.reference,
           exists (select 1 from contact_points p where p.debtor_id = c.debtor_id and p.kind = 'phone' and p.value ~ '^\\+(324[5-9]|33[67]|316[1-5])' and not p.is_invalid and p.opted_out_at is null) as "hasMobile"
    from cases c
    where c.portal_access_code_hash is not null and c.stage <> 'closed'
    order by md5(c.id::text)`;
  expect(cases.length, "the demo data has cases the portal can open").toBeGreaterThan(3);
});

const signInForm = (page: Page) => page.getByRole("region", { name: /Ouvrir mon dossier|Mijn dossier openen|Open my file/ });

async function submitReference(page: Page, reference: string, accessCode: string) {
  const form = signInForm(page);
  await form.getByLabel(/File reference/).fill(reference);
  await form.getByLabel(/Access code/).fill(accessCode);
  await form.getByRole("button", { name: "Continue" }).click();
}

test("a wrong code 10 times → locked, with no difference between an existing and a non-existing reference", async ({ page, request, db }) => {
  const kase = cases.find((c) => !c.hasMobile) ?? cases[0]!;
  try {
    // Without JavaScript's help: the raw form posts, compared answer by answer.
    const post = (reference: string, i: number) => request.post("/?index", { form: { reference, accessCode: `WRONG-${i}` }, maxRedirects: 0 });
    const answers: { existing: string; missing: string; status: number }[] = [];
    for (let i = 0; i < 10; i++) {
      const [a, b] = [await post(kase.reference, i), await post(NOBODY, i)];
      expect(a.status(), `attempt ${i + 1}`).toBe(b.status());
      // The typed reference is echoed back into the form; everything else must be the same.
      const neutral = async (r: typeof a, ref: string) => (await r.text()).replaceAll(ref, "REF").replace(/nonce="[^"]*"/g, "");
      answers.push({ existing: await neutral(a, kase.reference), missing: await neutral(b, NOBODY), status: a.status() });
    }
    for (const [i, answer] of answers.entries()) expect(answer.existing, `attempt ${i + 1}`).toBe(answer.missing);
    expect(answers.map((a) => a.status)).toEqual([...Array(9).fill(400), 429]);

    // In the browser, both references now read the same lock, and even the right code waits.
    await page.goto("/?lang=en");
    for (const reference of [kase.reference, NOBODY]) {
      await submitReference(page, reference, DEMO_ACCESS_CODE);
      await expect(page.getByRole("alert")).toContainText("Too many attempts. For your security, try again in 30 minutes");
    }
    await captureViewports(page, "portal-sign-in-locked-en");
    await captureNarrow(page, "portal-sign-in-locked-en");
  } finally {
    await db.sql`update cases set portal_failed_attempts = 0, portal_locked_until = null where id = ${kase.id}`;
    await db.sql`delete from rate_limits where key = ${`portal:reference:${NOBODY}`}`;
  }
});

test("a wrong reference or code reads the same, and the form keeps what was typed", async ({ page }) => {
  await page.goto("/?lang=fr");
  await expectNoAxeViolations(page);
  const form = signInForm(page);
  await form.getByRole("button", { name: "Continuer" }).click();
  await expect(form.getByText("Saisissez la référence du dossier.")).toBeVisible();
  await form.getByLabel(/Référence du dossier/).fill("RC-2099-000001");
  await form.getByLabel(/Code d'accès/).fill("NOPE");
  await form.getByRole("button", { name: "Continuer" }).click();
  await expect(page.getByRole("alert")).toContainText("La référence et le code d'accès ne correspondent pas.");
  await expect(form.getByLabel(/Référence du dossier/)).toHaveValue("RC-2099-000001");
  await expectNoAxeViolations(page);
  await captureNarrow(page, "portal-sign-in-error-fr");
});

test("open link → lands signed in, and signing out ends the session", async ({ page, db }) => {
  const kase = cases[1]!;
  const token = portalToken();
  const id = createHash("sha256").update(token).digest("hex");
  await db.sql`insert into portal_links (id, case_id, client_id, expires_at) values (${id}, ${kase.id}, ${kase.clientId}, now() + interval '30 days')`;
  await page.goto(`/l/${token}`);
  await expect(page).toHaveURL(/\/case$/);
  const cookie = (await page.context().cookies()).find((c) => c.name === "recouvra_portal");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  const [link] = await db.sql<{ last_used_at: Date | null }[]>`select last_used_at from portal_links where id = ${id}`;
  expect(link!.last_used_at).not.toBeNull();

  await page.getByRole("button", { name: /Se déconnecter|Afmelden|Sign out/ }).click();
  await expect(page).toHaveURL(/\/\?signed-out=1$/);
  await expect(page.getByRole("status")).toContainText(/déconnecté|afgemeld|signed out/);
  await page.goto("/case");
  await expect(page).toHaveURL(/\/$/);
});

test("a dead link gets the neutral page, in the visitor's language", async ({ page, db }) => {
  const kase = cases[2]!;
  const token = portalToken();
  const id = createHash("sha256").update(token).digest("hex");
  await db.sql`insert into portal_links (id, case_id, client_id, expires_at, revoked_at) values (${id}, ${kase.id}, ${kase.clientId}, now() + interval '30 days', now())`;
  const revoked = await page.goto(`/l/${token}?lang=nl`);
  expect(revoked!.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deze link is ongeldig of verlopen");
  const revokedText = await page.locator("main").innerText();
  const unknown = await page.goto(`/l/${portalToken()}`);
  expect(unknown!.status()).toBe(404);
  expect(await page.locator("main").innerText()).toBe(revokedText);
  await expectNoAxeViolations(page);
  await captureViewports(page, "portal-link-invalid-nl");
  await captureNarrow(page, "portal-link-invalid-nl");
  await page.getByRole("link", { name: "Mijn dossier openen met de referentie" }).click();
  await expect(signInForm(page)).toBeVisible();
});

test("reference + access code → a one-time code on the phone → the file", async ({ page, db }) => {
  const kase = cases.find((c, i) => c.hasMobile && i > 2);
  expect(kase, "the demo data has a case with a mobile on file").toBeDefined();
  await page.goto("/?lang=en");
  await submitReference(page, kase!.reference.toLowerCase(), DEMO_ACCESS_CODE);
  await expect(page).toHaveURL(/\/sign-in\/code$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Enter the code we sent you");
  await expect(page.getByText(/by text message to \+\d{2,3} \d•• •• •• \d{2}\./)).toBeVisible();
  await expectNoAxeViolations(page);
  await captureViewports(page, "portal-sign-in-code-en");
  await captureNarrow(page, "portal-sign-in-code-en");

  const code = await oneTimeCodeFor(db, kase!.id);
  await page.getByLabel("6-digit code").fill(code === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Open my file" }).click();
  await expect(page.getByText("This code is not right. You have 4 attempt(s) left.")).toBeVisible();
  await page.getByLabel("6-digit code").fill(`${code.slice(0, 3)} ${code.slice(3)}`);
  await page.getByRole("button", { name: "Open my file" }).click();
  await expect(page).toHaveURL(/\/case$/);
});
