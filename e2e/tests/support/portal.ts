import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DbHandle } from "@recouvra/db";
import { expect, type Page } from "@playwright/test";
import { portalToken } from "./tokens.ts";

const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "screenshots");

/** The narrowest phone the portal must work on. */
export const NARROW = { width: 360, height: 780 } as const;

/**
 * Saves a full-page screenshot at 360 px as e2e/screenshots/<name>-360.png and checks the page still
 * fits that width: nothing the debtor would have to scroll sideways to read.
 */
export async function captureNarrow(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.setViewportSize(NARROW);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-360.png`), fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} fits 360 px`).toBeLessThanOrEqual(NARROW.width);
}

/** Saves the page at 360 px and at a laptop's width (e2e/screenshots/<name>-360.png, -desktop.png). */
export async function capturePortal(page: Page, name: string): Promise<void> {
  await captureNarrow(page, name);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-desktop.png`), fullPage: true });
}

/** A fresh personal link (as a letter would carry) to the portal for `caseId`; returns its path. */
export async function personalLink(db: DbHandle, kase: { id: string; clientId: string }): Promise<string> {
  const token = portalToken();
  const id = createHash("sha256").update(token).digest("hex");
  await db.sql`insert into portal_links (id, case_id, client_id, expires_at) values (${id}, ${kase.id}, ${kase.clientId}, now() + interval '1 day')`;
  return `/l/${token}`;
}
