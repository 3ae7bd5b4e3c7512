import { DEMO, signIn } from "../support/auth.ts";
import { expectNoAxeViolations } from "../support/axe.ts";
import { expect, test } from "../support/fixtures.ts";
import { capturePortal, personalLink } from "../support/portal.ts";

const WORKSPACE = "http://127.0.0.1:3200";

interface DisputeCase {
  id: string;
  clientId: string;
  reference: string;
}

let kase: DisputeCase;

// A tiny but real PDF: the portal recognises files by their bytes, not by their name.
const STATEMENT_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

test.beforeAll(async ({ db }) => {
  // A French-speaking debtor's open case with no hold and nothing running, not picked by the other journeys.
  const rows = await db.sql<DisputeCase[]>`
    select c.id, c.client_id as "clientId", c.reference from cases c join debtors d on d.id = c.debtor_id
    where c.stage in ('notified', 'in_contact', 'negotiating') and cardinality(c.holds) = 0 and d.locale = 'fr' and c.balance_cents > 0
      and not exists (select 1 from disputes x where x.case_id = c.id)
      and not exists (select 1 from arrangements a where a.case_id = c.id and a.status in ('proposed', 'countered', 'accepted', 'active'))
    order by md5(c.id::text || 'dispute-journey') limit 1`;
  expect(rows[0], "the demo data has an open French case").toBeDefined();
  kase = rows[0]!;
});

test("a dispute with an upload → collection paused at once, and the case on hold in the workspace with the evidence", async ({ page, browser, db }) => {
  await page.goto(await personalLink(db, kase));
  await expect(page).toHaveURL(/\/case$/);
  await page.getByRole("link", { name: "Contester la créance" }).first().click();
  await expect(page).toHaveURL(/\/case\/dispute$/);
  await expectNoAxeViolations(page);

  // Sending without a reason is refused next to the question, and writes nothing.
  await page.getByRole("button", { name: "Envoyer ma contestation" }).click();
  await expect(page.getByRole("group", { name: "Pourquoi contestez-vous ?" }).getByText("Choisissez une raison.")).toBeVisible();
  expect(await db.sql`select id from disputes where case_id = ${kase.id}`).toHaveLength(0);

  await page.getByRole("radio", { name: "Le montant n'est pas correct" }).check();
  await page.getByLabel(/^Expliquez avec vos mots/).fill("La facture de mars a été comptée deux fois : je joins mon relevé.");
  await page.getByLabel(/^Documents/).setInputFiles({ name: "releve-mars.pdf", mimeType: "application/pdf", buffer: STATEMENT_PDF });
  await page.getByRole("button", { name: "Envoyer ma contestation" }).click();
  await expect(page.getByRole("heading", { name: "Nous avons bien reçu votre contestation" })).toBeVisible();
  await expect(page.getByText("Le recouvrement est suspendu")).toBeVisible();
  await expect(page.getByText("releve-mars.pdf")).toBeVisible();
  await expectNoAxeViolations(page);
  await capturePortal(page, "portal-dispute-received-fr");

  const [held] = await db.sql<{ holds: string[] }[]>`select holds from cases where id = ${kase.id}`;
  expect(held!.holds).toContain("disputed");
  const [dispute] = await db.sql<{ id: string; reason: string; status: string }[]>`select id, reason, status from disputes where case_id = ${kase.id}`;
  expect(dispute).toMatchObject({ reason: "amount_wrong", status: "open" });
  const evidence = await db.sql<{ filename: string; kind: string; size_bytes: string }[]>`select filename, kind, size_bytes from documents where dispute_id = ${dispute!.id}`;
  expect(evidence).toEqual([{ filename: "releve-mars.pdf", kind: "dispute_evidence", size_bytes: String(STATEMENT_PDF.length) }]);

  // The statement now says the case is disputed, and no longer offers to dispute it.
  await page.goto("/case");
  await expect(page.getByText("Vous avez contesté cette créance.")).toBeVisible();

  // The agency sees it at once: the case is on hold, with the debtor's words and the file.
  const staff = await browser.newContext({ baseURL: WORKSPACE });
  const agent = await staff.newPage();
  await signIn(agent, DEMO.admin);
  await agent.goto(`/cases/${kase.id}`);
  await expect(agent.getByText("On hold: Disputed")).toBeVisible();
  await expect(agent.getByText("La facture de mars a été comptée deux fois").first()).toBeVisible();
  await expect(agent.getByRole("link", { name: /releve-mars\.pdf/ }).first()).toBeVisible();
  await staff.close();
});
