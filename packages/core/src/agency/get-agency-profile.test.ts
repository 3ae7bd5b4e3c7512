import { agencySettings } from "@recouvra/db";
import { useTestDb } from "@recouvra/db/testing";
import { isDomainError } from "@recouvra/domain";
import { describe, expect, it } from "vitest";
import { fixedClock, systemActor, type Actor, type Ctx } from "../context.ts";
import { findAgencyProfile, getAgencyProfile } from "./get-agency-profile.ts";

const t = useTestDb();
const ctx = (actor: Actor = systemActor("portal:public")): Ctx => ({ db: t.db, clock: fixedClock("2027-03-15T09:00:00Z"), actor });

describe("agency profile", () => {
  it("is absent until the agency is set up: find gives null, get says NOT_FOUND", async () => {
    expect(await findAgencyProfile({ ctx: ctx() })).toBeNull();
    const error = await getAgencyProfile({ ctx: ctx() }).catch((e: unknown) => e);
    expect(isDomainError(error, "NOT_FOUND")).toBe(true);
  });

  it("gives the public details only, never the bank account", async () => {
    await t.db.insert(agencySettings).values({
      name: "Recouvra Demo",
      legalName: "Recouvra Demo SAS",
      address: "12 rue de la Paix\n75002 Paris",
      registrationNumber: "RCS Paris 912 345 678",
      vatNumber: "FR12912345678",
      email: "contact@example.org",
      phone: "+33 1 23 45 67 89",
      website: "https://example.org",
      iban: "FR7630006000011234567890189",
      openingHours: [{ weekday: 1, opens: "09:00", closes: "17:30" }],
    });
    const profile = await getAgencyProfile({ ctx: ctx() });
    expect(profile).toEqual({
      name: "Recouvra Demo",
      legalName: "Recouvra Demo SAS",
      address: "12 rue de la Paix\n75002 Paris",
      registrationNumber: "RCS Paris 912 345 678",
      vatNumber: "FR12912345678",
      email: "contact@example.org",
      phone: "+33 1 23 45 67 89",
      website: "https://example.org",
      openingHours: [{ weekday: 1, opens: "09:00", closes: "17:30" }],
    });
    expect(profile).not.toHaveProperty("iban");
  });

  it("is public: a debtor and a client user read the same details", async () => {
    const debtor = await findAgencyProfile({ ctx: ctx({ kind: "debtor", debtorId: "d1", caseIds: [] }) });
    const clientUser = await findAgencyProfile({ ctx: ctx({ kind: "user", userId: "u1", role: "client", clientId: "c1" }) });
    expect(debtor?.name).toBe("Recouvra Demo");
    expect(clientUser).toEqual(debtor);
  });
});
