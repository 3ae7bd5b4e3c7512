/**
 * Fictitious debtors and their contact points, drawn from the name pools of the client's country.
 */
import type { Locale } from "@recouvra/domain";
import type { NewContactPoint, NewDebtor } from "../schema/index.ts";
import type { ClientProfile } from "./clients.ts";
import { FR_COMPANY_KINDS, FR_COMPANY_NAMES, FR_LEGAL_FORMS, POPULATIONS, slug, type Population } from "./names.ts";
import type { Rng } from "./random.ts";

const EXPAT_FIRST = ["James", "Emily", "Daniel", "Olivia", "Michael", "Hannah", "Ryan", "Chloe"];
const EXPAT_LAST = ["Smith", "Taylor", "Brown", "Wilson", "O'Connor", "Walsh", "Evans", "Hughes"];
const EMAIL_DOMAINS = ["example.test", "mail.test", "webmail.test", "post.test"];

/** Country dialling prefix and a fictitious mobile number pattern per country. */
const MOBILE: Record<string, (rng: Rng) => string> = {
  // ARCEP reserves 06 39 98 xx xx and 01 99 00 xx xx for works of fiction.
  FR: (rng) => `+33639980${rng.digits(3)}`,
  BE: (rng) => `+32470${rng.digits(6)}`,
  NL: (rng) => `+3161${rng.digits(7)}`,
};
const LANDLINE: Record<string, (rng: Rng) => string> = {
  FR: (rng) => `+3319900${rng.digits(4)}`,
  BE: (rng) => `+322${rng.digits(7)}`,
  NL: (rng) => `+3130${rng.digits(7)}`,
};

/** A debtor as generated, with what the stories need to talk to them. */
export interface SeedDebtor {
  readonly row: NewDebtor;
  readonly displayName: string;
  readonly locale: Locale;
  readonly contacts: SeedContact[];
}

/** A contact point row plus the state stories change (bounces, opt-outs) before it is written. */
export interface SeedContact {
  row: NewContactPoint;
}

/** One debtor of `profile`, with an email (usually), a phone (usually) and a postal address. */
export function makeDebtor(rng: Rng, profile: ClientProfile, clientId: string, index: number): SeedDebtor {
  const source = rng.weighted(profile.debtors.populations);
  const population: Population = source === "en" ? defaultPopulation(profile) : source;
  const pool = POPULATIONS[population];
  const locale: Locale = source === "en" ? "en" : (population.slice(0, 2) as Locale);
  const id = rng.uuid();
  const [postalCode, city] = rng.pick(pool.cities);
  const street = rng.pick(pool.streets);
  const number = rng.int(1, 180);
  // French addresses put the number first; Belgian and Dutch ones after the street.
  const line1 = population === "fr-FR" ? `${number} ${street}` : `${street} ${number}`;

  let row: NewDebtor;
  let displayName: string;
  let emailLocal: string;
  let emailDomain: string;
  if (profile.debtors.entity === "company" && !rng.chance(0.15)) {
    const companyName = `${rng.pick(FR_COMPANY_KINDS)} ${rng.pick(FR_COMPANY_NAMES)}`;
    const form = rng.pick(FR_LEGAL_FORMS);
    displayName = `${companyName} ${form}`;
    row = {
      id,
      clientId,
      kind: "company",
      type: profile.debtors.type,
      companyName: displayName,
      registrationNumber: `RCS ${city} ${rng.digits(3)} ${rng.digits(3)} ${rng.digits(3)}`,
      vatNumber: `FR${rng.digits(11)}`,
      locale,
      jurisdiction: profile.jurisdiction,
      externalRef: `C${String(40_000 + index * 7).padStart(6, "0")}`,
    };
    emailLocal = rng.pick(["compta", "contact", "gerance", "factures"]);
    emailDomain = `${slug(companyName, "-")}-${rng.digits(2)}.test`;
  } else {
    const firstName = source === "en" ? rng.pick(EXPAT_FIRST) : rng.pick(pool.firstNames);
    const lastName = source === "en" ? rng.pick(EXPAT_LAST) : rng.pick(pool.lastNames);
    displayName = `${firstName} ${lastName}`;
    row = {
      id,
      clientId,
      // A sole trader of the wholesaler is a person contracting as a business (entreprise individuelle).
      kind: "person",
      type: profile.debtors.type,
      firstName,
      lastName,
      dateOfBirth: `${rng.int(1950, 2003)}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`,
      locale,
      jurisdiction: profile.jurisdiction,
      externalRef: `C${String(40_000 + index * 7).padStart(6, "0")}`,
    };
    emailLocal = `${slug(firstName)}.${slug(lastName)}${rng.chance(0.4) ? rng.int(1, 99) : ""}`;
    emailDomain = rng.pick(EMAIL_DOMAINS);
  }

  const contacts: SeedContact[] = [];
  const base = { debtorId: id, clientId, isPrimary: true, source: "placement" } as const;
  if (rng.chance(0.92)) {
    const value = `${emailLocal}@${emailDomain}`.toLowerCase();
    contacts.push({ row: { ...base, id: rng.uuid(), kind: "email", value, isVerified: rng.chance(0.5), hasConsent: true } });
  }
  if (rng.chance(0.88)) {
    const business = profile.debtors.type === "business";
    const value = (business && rng.chance(0.5) ? LANDLINE : MOBILE)[profile.countryCode]!(rng);
    contacts.push({ row: { ...base, id: rng.uuid(), kind: "phone", value, label: business ? "bureau" : "mobile", hasConsent: !business } });
  }
  contacts.push({
    row: {
      ...base,
      id: rng.uuid(),
      kind: "address",
      value: `${line1}, ${postalCode} ${city}, ${profile.countryCode}`,
      line1,
      postalCode,
      city,
      countryCode: profile.countryCode,
      isVerified: true,
    },
  });
  return { row, displayName, locale, contacts };
}

function defaultPopulation(profile: ClientProfile): Population {
  // Expatriates live in the client's country: use its first population's streets and cities.
  const first = profile.debtors.populations.find(([p]) => p !== "en");
  return (first?.[0] ?? "nl-NL") as Population;
}
