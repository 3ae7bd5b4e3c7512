import { systemClock, type Actor, type Ctx } from "@recouvra/core";
import { getDatabase } from "./db.server.ts";

/**
 * The use-case context for one request. Public pages act as the named system actor "portal:public";
 * issue 4 adds the debtor session, whose actor (`{ kind: "debtor", … }`) scopes every read to the
 * debtor's own cases.
 */
export async function createContext(actor: Actor): Promise<Ctx> {
  const { db } = await getDatabase();
  return { db, clock: systemClock, actor };
}
