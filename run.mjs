#!/usr/bin/env node
// Recouvra launcher. Plain Node (no dependencies), so it works on a machine that has only Node 20 + npm:
//   node run.mjs start   install, then run the platform (embedded database, workspace, portal, worker)
//   node run.mjs dev     the same with Vite dev servers (hot reload)
//   node run.mjs test    install, then typecheck, lint, unit/integration tests and the browser journeys
//   node run.mjs serve   what the browser tests start: a fresh seeded platform on test ports
// `npm start` and `npm test` call the first and third.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";

const ROOT = dirname(fileURLToPath(import.meta.url));
process.env.TURBO_TELEMETRY_DISABLED ??= "1";
const PNPM_VERSION = "10.34.9";
const [command = "start", ...rest] = process.argv.slice(2);
const flag = (name, fallback) => rest.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback;

const say = (line) => process.stdout.write(`\x1b[36m[recouvra]\x1b[0m ${line}\n`);

/** pnpm as installed, or fetched through npm when it is not (corepack's download fails here). */
function pnpmCommand() {
  const probe = spawnSync("pnpm", ["--version"], { encoding: "utf8" });
  if (probe.status === 0 && probe.stdout.trim().startsWith("10.")) return ["pnpm"];
  return ["npm", "exec", "--yes", `pnpm@${PNPM_VERSION}`, "--"];
}
const PNPM = pnpmCommand();

function run(args, options = {}) {
  const [cmd, ...pre] = PNPM;
  const result = spawnSync(cmd, [...pre, ...args], { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...options.env } });
  if (result.status !== 0) {
    say(`failed: pnpm ${args.join(" ")}`);
    process.exit(result.status ?? 1);
  }
}

function ensureInstalled() {
  const marker = join(ROOT, "node_modules", ".pnpm", "lock.yaml");
  const lock = join(ROOT, "pnpm-lock.yaml");
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  say("installing dependencies (pnpm install)…");
  run(["install", "--frozen-lockfile"], { env: { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" } });
}

const children = [];
let shuttingDown = false;

/**
 * Runs `node <args>` in `dir` (no package-manager wrapper in between, so signals reach the real process).
 * Children share the launcher's process group: Ctrl+C, or Playwright stopping its web server, reaches them all.
 */
function startChild(name, dir, args, env, { onLine } = {}) {
  const child = spawn(process.execPath, args, { cwd: join(ROOT, dir), env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on("line", (line) => {
      if (onLine?.(line)) return;
      process.stdout.write(`\x1b[2m${name.padEnd(9)}|\x1b[0m ${line}\n`);
    });
  }
  child.on("exit", (code, signal) => {
    if (!shuttingDown) {
      say(`${name} stopped (${signal ?? `exit ${code}`}); shutting down the platform`);
      shutdown(code || 1);
    }
  });
  return child;
}

function shutdown(code = 0) {
  if (shuttingDown) return;
  shuttingDown = true;
  // Apps first, the database last, so nobody loses its connection mid-request.
  const [database, ...apps] = children;
  for (const child of apps) child.kill("SIGTERM");
  setTimeout(() => {
    database?.kill("SIGTERM");
    setTimeout(() => process.exit(code), 1500);
  }, 1500);
}

async function waitForHealth(url, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}

async function platform({ mode, fresh, workspacePort, portalPort, today }) {
  if (mode === "start") {
    say("building the apps…");
    run(["exec", "turbo", "run", "build", "--filter=@recouvra/workspace", "--filter=@recouvra/portal", "--output-logs=errors-only"]);
  }
  say(
    process.env.DATABASE_URL
      ? `database: DATABASE_URL${fresh ? " (a new throwaway database on that server)" : ""}`
      : fresh
        ? "database: a throwaway embedded PostgreSQL"
        : "database: embedded PostgreSQL (data in .data/pg)",
  );
  const ready = await new Promise((resolve, reject) => {
    const args = ["--import", "tsx", "src/cli/serve.ts"];
    if (fresh) args.push("--fresh");
    if (today) args.push(`--today=${today}`);
    const db = startChild("database", "packages/db", args, {}, {
      onLine: (line) => {
        if (!line.startsWith("RECOUVRA_DB_READY ")) return false;
        resolve(JSON.parse(line.slice("RECOUVRA_DB_READY ".length)));
        return true;
      },
    });
    db.on("exit", () => reject(new Error("the database did not start")));
  });
  const env = { DATABASE_URL: ready.url, NODE_ENV: mode === "dev" ? "development" : "production" };
  const app = (port) =>
    mode === "dev"
      ? ["node_modules/@remix-run/dev/dist/cli.js", "vite:dev", "--port", String(port), "--strictPort"]
      : ["node_modules/@remix-run/serve/dist/cli.js", "build/server/index.js"];
  // Messages link debtors to the portal: its address as this launcher serves it, unless one is configured.
  startChild("workspace", "apps/workspace", app(workspacePort), { ...env, PORT: String(workspacePort), PORTAL_URL: process.env.PORTAL_URL ?? `http://localhost:${portalPort}` });
  startChild("portal", "apps/portal", app(portalPort), { ...env, PORT: String(portalPort) });
  startChild("worker", "apps/worker", ["--import", "tsx", "src/main.ts"], env);
  await waitForHealth(`http://127.0.0.1:${workspacePort}/healthz`);
  await waitForHealth(`http://127.0.0.1:${portalPort}/healthz`);

  const logins = (ready.logins ?? []).map((l) => `    ${l.role.padEnd(11)} ${l.email.padEnd(34)} ${l.password}${l.note ? `   (${l.note})` : ""}`);
  say(
    [
      "the platform is running:",
      `  Agent workspace   http://localhost:${workspacePort}`,
      `  Debtor portal     http://localhost:${portalPort}`,
      `  Worker            running (pg-boss on the same database)`,
      `  Database          ${ready.embedded ? "embedded PostgreSQL" : "DATABASE_URL"}, ${ready.seeded ? "demo data seeded" : "existing data kept (pnpm db:reset re-seeds)"}`,
      ...(logins.length ? ["  Demo logins:", ...logins] : []),
      ...(ready.portalAccessCode
        ? [`  Portal sign-in    an open, notified case's reference (from the workspace) + access code ${ready.portalAccessCode};`, "                    the one-time code it sends lands in Workspace → Outbox"]
        : []),
      "Press Ctrl+C to stop.",
      `RECOUVRA_PLATFORM_READY database=${ready.url}`,
    ].join("\n"),
  );
}

function ensureChromium() {
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH || existsSync("/usr/bin/chromium")) return;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    say("installing Debian's chromium for the browser tests…");
    const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    const install = spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit" });
    if (update.status === 0 && install.status === 0) return;
  }
  say("The browser tests need Chromium: install it (Debian: apt-get install chromium) or set PLAYWRIGHT_CHROMIUM_PATH.");
  process.exit(1);
}

/** One closing line for the whole run, summed from the runners' JSON reports. */
function printTotals() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const reports = [];
  for (const group of ["apps", "packages"]) {
    for (const name of readdirSync(join(ROOT, group))) reports.push(join(ROOT, group, name, ".reports", "vitest.json"));
  }
  for (const file of reports.filter((f) => existsSync(f))) {
    const r = JSON.parse(readFileSync(file, "utf8"));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  }
  const e2e = join(ROOT, "e2e", ".reports", "playwright.json");
  if (existsSync(e2e)) {
    const { stats } = JSON.parse(readFileSync(e2e, "utf8"));
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected;
    skipped += stats.skipped;
  }
  process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  if (passed === 0 || failed > 0) process.exit(1);
}

process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

switch (command) {
  case "start":
  case "dev":
    ensureInstalled();
    await platform({ mode: command, fresh: false, workspacePort: Number(flag("workspace-port", 3000)), portalPort: Number(flag("portal-port", 3001)) });
    break;
  case "serve":
    ensureInstalled();
    await platform({
      mode: "start",
      fresh: true,
      workspacePort: Number(flag("workspace-port", 3200)),
      portalPort: Number(flag("portal-port", 3300)),
      today: flag("today", undefined),
    });
    break;
  case "test":
    ensureInstalled();
    ensureChromium();
    run(["exec", "turbo", "run", "typecheck", "lint", "test", "--output-logs=new-only", "--continue=never", "--concurrency=2"]);
    run(["--filter", "@recouvra/e2e", "e2e"]);
    printTotals();
    break;
  default:
    say(`unknown command "${command}": use start, dev, test or serve`);
    process.exit(2);
}
