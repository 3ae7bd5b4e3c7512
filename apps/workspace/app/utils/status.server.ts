import { databaseProblem, getPlatformStatus, type Ctx, type DatabaseProblem, type PlatformStatus } from "@recouvra/core";
import { env } from "./env.server.ts";

export type StatusResult = { ok: true; status: PlatformStatus } | { ok: false; problem: DatabaseProblem };

/**
 * The platform status, or why the database could not give it. A status page must still render when
 * the database is down — that is when people look at it — so only database problems are caught.
 */
export async function loadPlatformStatus(ctx: Ctx): Promise<StatusResult> {
  try {
    const status = await getPlatformStatus({ ctx, input: { staleAfterSeconds: env.WORKER_STALE_AFTER_SECONDS } });
    return { ok: true, status };
  } catch (error) {
    const problem = databaseProblem(error);
    if (!problem) throw error;
    console.error("[status] database problem:", problem, error);
    return { ok: false, problem };
  }
}
