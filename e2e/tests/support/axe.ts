import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Fails the test when axe-core finds any WCAG 2.1 A/AA violation on the page as it is now, listing
 * each rule with the elements it flagged so the report says what to fix.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const found = results.violations.map((v) => `${v.id} (${v.impact ?? "?"}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`);
  expect(found, `axe-core violations on ${page.url()}`).toEqual([]);
}
