import { systemClock, type Actor, type Ctx } from "@recouvra/core";
import { getDatabase } from "./db.server.ts";

/**
 * A use-case context for a caller that is not a signed-in user (the health check acts as a named
 * system actor). Signed-in pages get theirs from `requireUser(request)`.
 */
export async function createContext(actor: Actor): Promise<Ctx> {
  const { db } = await getDatabase();
  return { db, clock: systemClock, actor };
}
