import type { Page } from "@playwright/test";
import { createHmac } from "node:crypto";
import { captureViewports } from "../screenshots.ts";
import { DEMO, DEMO_PASSWORD, signIn } from "../support/auth.ts";
import { expect, test } from "../support/fixtures.ts";

const NEUTRAL_ERROR = "Email or password is incorrect.";

/** RFC 6238 TOTP (HMAC-SHA1, 30 s, 6 digits) for a base32 secret, `offsetSteps` steps from now. */
function totp(base32Secret: string, offsetSteps = 0): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const char of base32Secret.replace(/[\s=]/g, "").toUpperCase()) bits += alphabet.indexOf(char).toString(2).padStart(5, "0");
  const key = Buffer.from(bits.match(/.{8}/g)!.map((byte) => parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 1000 / 30) + offsetSteps));
  const mac = createHmac("sha1", key).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return value.toString().padStart(6, "0");
}

async function submitSignIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("an agent signs in and lands on the work queue", async ({ page }) => {
  await signIn(page, DEMO.agentFr);
  await expect(page).toHaveURL(/\/queue$/);
});

test("a client user signs in and lands on their portfolio", async ({ page }) => {
  await signIn(page, DEMO.clientBe);
  await expect(page).toHaveURL(/\/portfolio$/);
});

test("a wrong password and an unknown email get the same neutral error, next to the form", async ({ page }) => {
  await page.goto("/sign-in");
  await captureViewports(page, "workspace-sign-in");
  await page.setViewportSize({ width: 1280, height: 800 });
  await submitSignIn(page, DEMO.agentNl, "not-the-password");
  const alert = page.getByRole("alert").filter({ hasText: NEUTRAL_ERROR });
  await expect(alert).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription(NEUTRAL_ERROR);
  await expect(page.getByLabel("Email")).toHaveValue(DEMO.agentNl);
  await expect(page).toHaveURL(/\/sign-in$/);

  await submitSignIn(page, "nobody@recouvra-demo.test", DEMO_PASSWORD);
  await expect(page.getByRole("alert").filter({ hasText: NEUTRAL_ERROR })).toBeVisible();
  await expect(page.getByText(/no account|not found|unknown/i)).toHaveCount(0);

  await page.getByLabel("Email").fill("");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription(/Enter your email address/);
});

test("signing out returns to sign-in, and the status page then asks to sign in again", async ({ page }) => {
  await signIn(page, DEMO.supervisor);
  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("status").filter({ hasText: "You are signed out" })).toBeVisible();

  await page.goto("/status");
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fstatus$/);
  // Signing in from there goes back to the page asked for.
  await submitSignIn(page, DEMO.supervisor, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/status$/);
  await expect(page.getByRole("heading", { level: 1, name: "Platform status" })).toBeVisible();
});

test("a redirect to another site is ignored", async ({ page }) => {
  await page.goto("/sign-in?redirectTo=%2F%2Fevil.example%2Fphish");
  await submitSignIn(page, DEMO.clientFr, DEMO_PASSWORD);
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/portfolio$/);
});

test("an agent opening the status page gets the not-found page", async ({ page }) => {
  await signIn(page, DEMO.agentFr);
  const response = await page.goto("/status");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
});

test("a form posted from another site is refused", async ({ request, baseURL }) => {
  const form = { email: DEMO.admin, password: DEMO_PASSWORD };
  // Remix itself aborts an action whose Origin names another host; the workspace's own check also
  // refuses a browser that says the request is cross-site.
  const attempts: Record<string, string>[] = [{ Origin: "https://evil.example" }, { Origin: baseURL!, "Sec-Fetch-Site": "cross-site" }];
  for (const headers of attempts) {
    const response = await request.post("/sign-in", { form, headers, maxRedirects: 0 });
    expect(response.status()).toBeGreaterThanOrEqual(400);
    expect(response.headers()["set-cookie"] ?? "").not.toContain("recouvra_session=");
  }
  const ours = await request.post("/sign-in", { form, headers: { Origin: baseURL!, "Sec-Fetch-Site": "cross-site" }, maxRedirects: 0 });
  expect(ours.status()).toBe(403);
});

test("with two-step verification on, signing in asks for the code from the app", async ({ page, db }) => {
  // A throwaway agent (the seed's password hash, so the demo password works) keeps the demo accounts untouched.
  const email = `totp-${Date.now()}@recouvra-demo.test`;
  await db.sql`
    insert into users (email, display_name, password_hash, role, team_id)
    select ${email}, 'Totp Tester', password_hash, 'agent', team_id from users where email = ${DEMO.agentFr}`;

  await signIn(page, email);
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await page.getByRole("button", { name: "Set up two-step verification" }).click();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await captureViewports(page, "workspace-account-totp");
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByLabel("Code from the app").fill("000000");
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByLabel("Code from the app")).toHaveAccessibleDescription(/code is not right/);
  await page.getByLabel("Code from the app").fill(totp(secret));
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Two-step verification is on." })).toBeVisible();
  await expect(page.getByText(/^On since/)).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await submitSignIn(page, email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/sign-in\/two-factor$/);
  // Not signed in yet: the workspace still sends this session to sign-in.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Faccount$/);
  await page.goto("/sign-in/two-factor");
  // The code used to switch it on cannot be used again; the next step's code is within the allowed drift.
  await page.getByLabel("Code").fill(totp(secret, 1));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/queue$/);
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await captureViewports(page, "workspace-account");
});
