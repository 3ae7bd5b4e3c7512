import { DEMO, signIn } from "../support/auth.ts";
import { expect, test } from "../support/fixtures.ts";

test("a client creditor recalls an open case: it closes as withdrawn and the reason is on record", async ({ page, db }) => {
  const [kase] = await db.sql<{ id: string; reference: string }[]>`
    select k.id, k.reference from cases k join clients c on c.id = k.client_id
     where c.name = 'Telenova' and k.stage = 'in_contact' order by k.reference limit 1`;
  await signIn(page, DEMO.clientBe);
  await page.goto(`/cases/${kase!.id}`);
  await page.getByRole("link", { name: "Recall this case" }).click();
  await page.getByRole("button", { name: "Recall the case" }).click();
  // The reason is required: the browser keeps the form until it is given.
  await expect(page.getByLabel("Why are you recalling it?")).toBeFocused();
  await page.getByLabel("Why are you recalling it?").fill("The customer paid us directly on 12 November.");
  await page.getByRole("button", { name: "Recall the case" }).click();
  await expect(page.getByRole("status")).toContainText("Case recalled");

  const [after] = await db.sql<{ stage: string; closure_reason: string }[]>`select stage, closure_reason from cases where id = ${kase!.id}`;
  expect(after).toEqual({ stage: "closed", closure_reason: "withdrawn" });
  const [event] = await db.sql<{ data: { reason: string } }[]>`select data from audit_events where case_id = ${kase!.id} and action = 'case.recalled'`;
  expect(event!.data.reason).toBe("The customer paid us directly on 12 November.");
  await expect(page.getByRole("link", { name: "Recall this case" })).toHaveCount(0);
});

test("a client creditor cannot recall another client's case", async ({ page, db }) => {
  const [other] = await db.sql<{ id: string }[]>`
    select k.id from cases k join clients c on c.id = k.client_id where c.name = 'Delmas Distribution' and k.stage <> 'closed' limit 1`;
  await signIn(page, DEMO.clientBe);
  const response = await page.goto(`/cases/${other!.id}/recall`);
  expect(response?.status()).toBe(404);
});
