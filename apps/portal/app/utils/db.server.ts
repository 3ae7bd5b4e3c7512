import { openDatabase, type PlatformDatabase } from "@recouvra/core";
import { env } from "./env.server.ts";

// Vite re-evaluates modules on every change in development; keeping the pool on globalThis stops
// each edit from opening ten more connections.
const globalForDb = globalThis as typeof globalThis & { __recouvraPortalDb?: Promise<PlatformDatabase> };

/** The portal's connection pool, opened on first use. */
export function getDatabase(): Promise<PlatformDatabase> {
  globalForDb.__recouvraPortalDb ??= openDatabase({ url: env.DATABASE_URL }).catch((error: unknown) => {
    // Forget the failure so the next request retries (the database may come up after the app).
    globalForDb.__recouvraPortalDb = undefined;
    throw error;
  });
  return globalForDb.__recouvraPortalDb;
}
