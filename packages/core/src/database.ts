import { createDb, resolveDatabase, type DbHandle } from "@recouvra/db";
import { sql } from "drizzle-orm";
import type { Ctx } from "./context.ts";

/** An open connection pool to the platform database. */
export interface PlatformDatabase extends DbHandle {
  /** Where it points (without credentials worth hiding: local or from DATABASE_URL). */
  url: string;
}

/**
 * Opens the platform database: `url` when given, otherwise `DATABASE_URL`, otherwise the embedded
 * PostgreSQL (started on first use, or reused when another process of the platform already runs it).
 * `close()` ends the pool and, when this process started the embedded server, stops it too.
 */
export async function openDatabase(options: { url?: string; max?: number } = {}): Promise<PlatformDatabase> {
  const resolved = options.url ? { url: options.url, embedded: undefined } : await resolveDatabase();
  const handle = createDb(resolved.url, { max: options.max });
  return {
    ...handle,
    url: resolved.url,
    close: async () => {
      await handle.close();
      await resolved.embedded?.stop();
    },
  };
}

/** Runs `select 1`: resolves when the database answers, rejects otherwise. For health checks. */
export async function pingDatabase({ ctx }: { ctx: Pick<Ctx, "db"> }): Promise<void> {
  await ctx.db.execute(sql`select 1`);
}

/** Why a database call failed, when the reason is the database itself rather than the query. */
export type DatabaseProblem = "unreachable" | "not_migrated";

// postgres.js connection failures (string codes) and PostgreSQL SQLSTATEs meaning "no usable server".
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "57P01", // admin_shutdown
  "57P03", // cannot_connect_now (starting up)
  "3D000", // invalid_catalog_name: the database does not exist
  "28P01", // invalid_password
  "28000", // invalid_authorization_specification
]);

/**
 * Classifies an error thrown by a database call: "unreachable" (no server, wrong database or
 * credentials), "not_migrated" (the tables are missing), or null for any other error — which is a
 * bug to surface, not a state to display. Drizzle wraps driver errors, so causes are followed.
 */
export function databaseProblem(error: unknown): DatabaseProblem | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") {
      if (UNREACHABLE_CODES.has(code)) return "unreachable";
      if (code === "42P01") return "not_migrated"; // undefined_table
    }
    // AggregateError: Node's connect tries every address of a host.
    const inner = (current as { errors?: unknown[] }).errors;
    if (Array.isArray(inner) && inner.some((e) => databaseProblem(e) === "unreachable")) return "unreachable";
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
