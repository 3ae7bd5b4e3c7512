import { DEMO, signIn } from "../support/auth.ts";
import { expect, test } from "../support/fixtures.ts";
import { captureViewports } from "../screenshots.ts";

test("a supervisor rewrites the French SMS reminder, watching the preview and its parts, and a bad placeholder is refused by name", async ({ page, db }) => {
  const [original] = await db.sql<{ id: string; body: string }[]>`
    select id, body from message_templates where client_id is null and key = 'reminder_sms' and channel = 'sms' and locale = 'fr'`;
  try {
    await signIn(page, DEMO.supervisor);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Templates" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Message templates" })).toBeVisible();
    await captureViewports(page, "workspace-templates");
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole("link", { name: "French, Reminder (SMS)" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Reminder" })).toBeVisible();
    await expect(page.getByText("SMS · French · Agency default")).toBeVisible();
    const preview = page.getByRole("region", { name: "Preview" });
    await expect(preview).toContainText("Recouvra Demo : dossier RC-2026-000123, solde 1 234,56 €.");
    const length = page.getByText(/\d+ characters · \d+ parts?/);
    await expect(length).toContainText("106 characters · 1 part");

    // Past 160 characters the SMS goes out in two parts of 153.
    const text = page.getByLabel("Text", { exact: true });
    await text.fill(`Bonjour, votre dossier {reference} présente un solde de  à régler au plus tard le {deadline}. Payez ou proposez un échéancier en ligne : {portal_url} Merci.`);
    // The cursor goes where the amount belongs; the button puts the placeholder there.
    await text.evaluate((el: HTMLTextAreaElement) => {
      const at = el.value.indexOf("  à régler") + 1;
      el.setSelectionRange(at, at);
    });
    await page.getByRole("button", { name: "Insert {amount}" }).click();
    await expect(text).toHaveValue(/solde de \{amount\} à régler/);
    await expect(text).toBeFocused();
    await expect(preview).toContainText("solde de 1 234,56 € à régler");
    await expect(length).toContainText("206 characters · 2 parts");
    await captureViewports(page, "workspace-template-sms");
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole("button", { name: "Save template" }).click();
    await expect(page.getByRole("status")).toContainText("Template saved");
    const [saved] = await db.sql<{ body: string }[]>`select body from message_templates where id = ${original!.id}`;
    expect(saved!.body).toContain("solde de {amount} à régler");

    // A placeholder the platform cannot fill is refused, naming the field; nothing is stored.
    await text.fill("Il vous reste {montant} à payer.");
    await expect(preview).toContainText("Cannot be filled in: Unknown placeholder {montant}.");
    await expect(preview).toContainText("Il vous reste {montant} à payer.");
    await page.getByRole("button", { name: "Save template" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "The template was not saved" });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link", { name: "Text" })).toBeVisible();
    await expect(text).toHaveAttribute("aria-invalid", "true");
    await expect(text).toHaveAccessibleDescription(/Unknown placeholder \{montant\}/);
    await expect(text).toHaveValue("Il vous reste {montant} à payer.");
    const [after] = await db.sql<{ body: string }[]>`select body from message_templates where id = ${original!.id}`;
    expect(after!.body).toBe(saved!.body);
  } finally {
    // Other journeys send this reminder: leave the wording as the seed wrote it.
    await db.sql`update message_templates set body = ${original!.body} where id = ${original!.id}`;
  }
});

test("a case handler cannot open the templates", async ({ page }) => {
  await signIn(page, DEMO.agentFr);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Templates" })).toHaveCount(0);
  const response = await page.goto("/admin/templates");
  expect(response?.status()).toBe(404);
});
