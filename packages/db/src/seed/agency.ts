/**
 * The demo agency itself: its letterhead, its staff and the single demo password. Constants are exported
 * so tests and the README can name the demo accounts without repeating them.
 */
import type { Locale, UserRole } from "@recouvra/domain";
import type { NewAgencySettings, OpeningHours } from "../schema/index.ts";

/** The one password of every demo account. Demo only: never seed this anywhere that matters. */
export const DEMO_PASSWORD = "recouvra-demo";

/** The access code of every seeded case on the portal (reference + code), demo only. */
export const DEMO_ACCESS_CODE = "DEMO-4821";

/** When the phone line is open (Brussels time): weekdays 9:00–17:30, Saturday morning. */
export const AGENCY_OPENING_HOURS: OpeningHours = [
  ...([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, opens: "09:00", closes: "17:30" })),
  { weekday: 6, opens: "09:00", closes: "12:00" },
];

export const AGENCY: Omit<NewAgencySettings, "id" | "updatedAt"> = {
  name: "Recouvra Demo Agency",
  legalName: "Recouvra Demo Agency SRL",
  address: "Avenue des Arts 27, 1000 Bruxelles, Belgique",
  registrationNumber: "BCE/KBO 0712.345.678",
  vatNumber: "BE0712345678",
  email: "contact@recouvra-demo.test",
  phone: "+32 2 555 01 23",
  website: "https://recouvra-demo.test",
  openingHours: AGENCY_OPENING_HOURS,
  // Set by seedDemo from AGENCY_IBAN_BBAN: IBAN check digits come from the domain's validator.
  iban: null,
};

/** Bank account number of the agency's client account, without country and check digits (BE: 12 digits). */
export const AGENCY_IBAN_BBAN = "539007547034";


export interface StaffMember {
  readonly key: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Exclude<UserRole, "client">;
  readonly locale: Locale;
  /** Index into TEAMS; none for the admin and the supervisor, who see every team. */
  readonly team?: number;
}

/** Two teams: one works French-speaking debtors, the other Dutch-speaking (and English-speaking) ones. */
export const TEAMS = [
  { key: "fr", name: "Équipe francophone" },
  { key: "nl", name: "Team Nederlandstalig" },
] as const;

export const STAFF: readonly StaffMember[] = [
  { key: "admin", email: "admin@recouvra-demo.test", displayName: "Hélène Vandamme", role: "admin", locale: "fr" },
  { key: "supervisor", email: "supervisor@recouvra-demo.test", displayName: "Marc Dewaele", role: "supervisor", locale: "nl" },
  { key: "agent-fr-1", email: "claire.dubois@recouvra-demo.test", displayName: "Claire Dubois", role: "agent", locale: "fr", team: 0 },
  { key: "agent-fr-2", email: "karim.benali@recouvra-demo.test", displayName: "Karim Benali", role: "agent", locale: "fr", team: 0 },
  { key: "agent-nl-1", email: "sanne.vermeulen@recouvra-demo.test", displayName: "Sanne Vermeulen", role: "agent", locale: "nl", team: 1 },
  { key: "agent-nl-2", email: "jeroen.peeters@recouvra-demo.test", displayName: "Jeroen Peeters", role: "agent", locale: "nl", team: 1 },
];

export const ADMIN_EMAIL = STAFF[0]!.email;
export const SUPERVISOR_EMAIL = STAFF[1]!.email;
export const AGENT_EMAILS = STAFF.filter((s) => s.role === "agent").map((s) => s.email);
