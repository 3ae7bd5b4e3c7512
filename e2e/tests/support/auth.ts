import { expect, type Page } from "@playwright/test";

/** The password of every seeded demo account (packages/db/src/seed/agency.ts). */
export const DEMO_PASSWORD = "recouvra-demo";

/** Demo accounts by role (the seed's). */
export const DEMO = {
  admin: "admin@recouvra-demo.test",
  supervisor: "supervisor@recouvra-demo.test",
  agentFr: "claire.dubois@recouvra-demo.test",
  agentNl: "sanne.vermeulen@recouvra-demo.test",
  clientFr: "finance@delmas-distribution.test",
  clientBe: "finance@telenova.test",
  clientNl: "finance@kleurrijkwonen.test",
} as const;

/** Signs in through the sign-in form, as a person would, and waits for the home page. */
export async function signIn(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}
