import { defineConfig, devices } from "@playwright/test";

const WORKSPACE = "http://127.0.0.1:3200";
const PORTAL = "http://127.0.0.1:3300";
// Debian's Chromium: Playwright's own browser download is not reachable from these machines.
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium";
const launchOptions = {
  executablePath,
  args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
};

export default defineConfig({
  testDir: "./tests",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  // Two cores run both apps, the worker, PostgreSQL and two browsers: full-page screenshots and axe
  // scans of long pages can take seconds each, so a journey gets a minute and an expectation ten seconds.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: ".reports/playwright.json" }]],
  use: { trace: "retain-on-failure", screenshot: "only-on-failure" },
  projects: [
    { name: "workspace", testMatch: /workspace\/.*\.spec\.ts/, use: { ...devices["Desktop Chrome"], baseURL: WORKSPACE, launchOptions } },
    { name: "portal", testMatch: /portal\/.*\.spec\.ts/, use: { ...devices["Desktop Chrome"], baseURL: PORTAL, launchOptions } },
  ],
  // One command brings up a fresh seeded platform (database, both apps, worker) on test ports;
  // the captured database URL lets specs compare pages with what the database holds.
  webServer: {
    command: "node ../run.mjs serve --workspace-port=3200 --portal-port=3300",
    url: `${PORTAL}/healthz`,
    wait: { stdout: /RECOUVRA_PLATFORM_READY database=(?<e2e_database_url>\S+)/ },
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
