import { databaseProblem, findAgencyProfile, systemActor, type AgencyProfile } from "@recouvra/core";
import { createContext } from "./context.server.ts";

export type AgencyResult = { status: "ok"; agency: AgencyProfile } | { status: "not_configured" } | { status: "unavailable" };

/**
 * The agency's public details. The landing page must still explain how to open a file when the
 * database is briefly down, so a database problem becomes "unavailable" instead of an error page.
 */
export async function loadAgency(): Promise<AgencyResult> {
  try {
    const ctx = await createContext(systemActor("portal:public"));
    const agency = await findAgencyProfile({ ctx });
    return agency ? { status: "ok", agency } : { status: "not_configured" };
  } catch (error) {
    if (!databaseProblem(error)) throw error;
    console.error("[portal] agency details unavailable:", error);
    return { status: "unavailable" };
  }
}
