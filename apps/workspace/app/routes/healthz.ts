import { pingDatabase, systemActor } from "@recouvra/core";
import { createContext } from "~/utils/context.server.ts";

/** Liveness and readiness for load balancers and the launcher: 200 when the database answers `select 1`. */
export async function loader() {
  const headers = { "Cache-Control": "no-store" };
  try {
    const ctx = await createContext(systemActor("workspace:healthz"));
    await pingDatabase({ ctx });
    return Response.json({ ok: true }, { headers });
  } catch (error) {
    console.error("[healthz] database check failed:", error);
    return Response.json({ ok: false }, { status: 503, headers });
  }
}
