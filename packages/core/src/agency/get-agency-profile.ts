import { agencySettings, type OpeningHours } from "@recouvra/db";
import { DomainError } from "@recouvra/domain";
import { eq } from "drizzle-orm";
import type { Ctx } from "../context.ts";

/**
 * The agency's public identity: what the law requires a collection agency to show the people it
 * writes to, and how to reach it. Nothing here is personal data or staff data.
 */
export interface AgencyProfile {
  name: string;
  legalName: string | null;
  address: string | null;
  registrationNumber: string | null;
  vatNumber: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  /** When an agent answers the phone; null when not published. */
  openingHours: OpeningHours | null;
}

/** The agency's public profile, or null while the agency has not been set up. Anyone may read it. */
export async function findAgencyProfile({ ctx }: { ctx: Ctx }): Promise<AgencyProfile | null> {
  // Public by nature (printed on every letter), so every actor may read it; the select lists the
  // public columns one by one so a column added later (say, a bank secret) never leaks by default.
  const rows = await ctx.db
    .select({
      name: agencySettings.name,
      legalName: agencySettings.legalName,
      address: agencySettings.address,
      registrationNumber: agencySettings.registrationNumber,
      vatNumber: agencySettings.vatNumber,
      email: agencySettings.email,
      phone: agencySettings.phone,
      website: agencySettings.website,
      openingHours: agencySettings.openingHours,
    })
    .from(agencySettings)
    .where(eq(agencySettings.id, 1))
    .limit(1);
  return rows[0] ?? null;
}

/** The agency's public profile; throws NOT_FOUND while the agency has not been set up. */
export async function getAgencyProfile({ ctx }: { ctx: Ctx }): Promise<AgencyProfile> {
  const profile = await findAgencyProfile({ ctx });
  if (!profile) throw new DomainError("NOT_FOUND", "The agency's details have not been set up yet.");
  return profile;
}
