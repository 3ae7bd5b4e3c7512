/**
 * Vitest global setup: one migrated template database per test run, on the server named by
 * TEST_DATABASE_URL / DATABASE_URL, or on a throwaway embedded PostgreSQL when neither is set.
 * Each test file then clones the template (see `useTestDb`), so files never see each other's rows.
 */
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedCluster } from "../embedded.ts";
import { migrateDatabase } from "../migrate.ts";
import { adminExec, dropDatabase, withDatabase } from "./server.ts";

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  let cluster: EmbeddedCluster | undefined;
  let adminUrl: string;
  if (serverUrl) {
    adminUrl = serverUrl;
  } else {
    cluster = await startEmbeddedPostgres({ fast: true });
    adminUrl = cluster.adminUrl;
  }
  const template = `recouvra_t${randomBytes(4).toString("hex")}`;
  await adminExec(adminUrl, `create database "${template}"`);
  await migrateDatabase(withDatabase(adminUrl, template));
  project.provide("recouvraTestDb", { adminUrl, template });

  return async () => {
    await dropDatabase(adminUrl, template);
    await cluster?.stop();
  };
}
