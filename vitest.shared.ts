// Vitest setups shared by the packages: plain unit tests, and tests that talk to PostgreSQL.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const failOnConsole = fileURLToPath(new URL("./vitest.fail-on-console.ts", import.meta.url));
// Vitest takes global-setup files as paths: one migrated template database per run, cloned per test
// file by `useTestDb()` from @recouvra/db/testing.
const databaseGlobalSetup = fileURLToPath(new URL("./packages/db/src/testing/global-setup.ts", import.meta.url));

/** Pure unit tests matching `include`; property-based tests may take seconds on a busy 2-core machine. */
export function unitTestConfig(include: string[] = ["src/**/*.test.ts"]) {
  return defineConfig({ test: { include, setupFiles: [failOnConsole], testTimeout: 30_000 } });
}

/** Tests that need a database: each file gets its own, cloned from a migrated template. */
export function databaseTestConfig(include: string[] = ["src/**/*.test.ts"]) {
  return defineConfig({
    test: { include, globalSetup: [databaseGlobalSetup], setupFiles: [failOnConsole], testTimeout: 30_000, hookTimeout: 60_000 },
  });
}
