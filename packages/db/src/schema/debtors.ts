import { CONTACT_POINT_KINDS, CONTACT_TIME_SLOTS, DEBTOR_ENTITIES, DEBTOR_TYPES, JURISDICTIONS, LOCALES, PREFERRED_CHANNELS } from "@recouvra/domain";
import { sql } from "drizzle-orm";
import { boolean, char, check, date, foreignKey, index, pgTable, text, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clients } from "./clients.ts";
import { checkIn, createdAt, instant, literalList, updatedAt } from "./helpers.ts";

/**
 * A debtor as known to one client. The same person owing two clients is two rows: each client's data
 * stays its own, and consent or preferences given about one creditor do not leak to the other.
 */
export const debtors = pgTable(
  "debtors",
  {
    id: uuid().primaryKey().defaultRandom(),
    clientId: uuid()
      .notNull()
      .references(() => clients.id, { onDelete: "restrict" }),
    // person | company (who they are) and consumer | business (which law protects them) are distinct:
    // a sole trader is a person contracting as a business.
    kind: text().notNull(),
    type: text().notNull(),
    firstName: text(),
    lastName: text(),
    companyName: text(),
    registrationNumber: text(),
    vatNumber: text(),
    dateOfBirth: date({ mode: "string" }),
    locale: text().notNull(),
    jurisdiction: text().notNull(),
    // The creditor's own customer number, used to match debtors across placements.
    externalRef: text(),
    // What the debtor told us in the portal: the channel they prefer and the parts of the day that suit
    // them. Preferences, not consent: the contact governor still applies the law's hours and opt-outs.
    preferredChannel: text(),
    preferredContactTimes: text().array().notNull().default(sql`'{}'::text[]`),
    preferencesUpdatedAt: instant(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    checkIn("debtors_kind_check", t.kind, DEBTOR_ENTITIES),
    checkIn("debtors_type_check", t.type, DEBTOR_TYPES),
    checkIn("debtors_locale_check", t.locale, LOCALES),
    checkIn("debtors_jurisdiction_check", t.jurisdiction, JURISDICTIONS),
    checkIn("debtors_preferred_channel_check", t.preferredChannel, PREFERRED_CHANNELS),
    check("debtors_preferred_contact_times_check", sql`${t.preferredContactTimes} <@ ARRAY[${literalList(CONTACT_TIME_SLOTS)}]::text[]`),
    check(
      "debtors_name_check",
      sql`(${t.kind} = 'person' AND ${t.lastName} IS NOT NULL) OR (${t.kind} = 'company' AND ${t.companyName} IS NOT NULL)`,
    ),
    // Target of composite foreign keys that keep a debtor's rows inside the debtor's client.
    unique("debtors_id_client_key").on(t.id, t.clientId),
    // Matching an imported row to an existing debtor of the same client.
    uniqueIndex("debtors_client_external_ref_key").on(t.clientId, t.externalRef).where(sql`${t.externalRef} IS NOT NULL`),
    // Search by surname (prefix, case-insensitive).
    index("debtors_last_name_search_idx").using("btree", sql`lower(${t.lastName}) text_pattern_ops`),
    // Search by company name (prefix, case-insensitive).
    index("debtors_company_name_search_idx").using("btree", sql`lower(${t.companyName}) text_pattern_ops`),
  ],
);
export type Debtor = typeof debtors.$inferSelect;
export type NewDebtor = typeof debtors.$inferInsert;

/** Ways to reach a debtor: email, phone (E.164), postal address; with their verification and consent state. */
export const contactPoints = pgTable(
  "contact_points",
  {
    id: uuid().primaryKey().defaultRandom(),
    debtorId: uuid().notNull(),
    clientId: uuid().notNull(),
    kind: text().notNull(),
    // Normalised: email lower-case, phone E.164, address as one printable line.
    value: text().notNull(),
    label: text(),
    line1: text(),
    line2: text(),
    postalCode: text(),
    city: text(),
    countryCode: char({ length: 2 }),
    isPrimary: boolean().notNull().default(false),
    isVerified: boolean().notNull().default(false),
    // Bounced, wrong number, returned mail: kept (history) but never used again.
    isInvalid: boolean().notNull().default(false),
    hasConsent: boolean().notNull().default(false),
    // Opt-outs stop contact on this point at once, whatever the strategy says.
    optedOutAt: instant(),
    source: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: "contact_points_debtor_fk",
      columns: [t.debtorId, t.clientId],
      foreignColumns: [debtors.id, debtors.clientId],
    }).onDelete("cascade"),
    checkIn("contact_points_kind_check", t.kind, CONTACT_POINT_KINDS),
    check("contact_points_value_check", sql`length(${t.value}) > 0`),
    check("contact_points_country_code_check", sql`${t.countryCode} IS NULL OR ${t.countryCode} ~ '^[A-Z]{2}$'`),
    // A debtor's contact points on the case page and when a message picks its recipient.
    index("contact_points_debtor_idx").on(t.debtorId, t.kind),
    // At most one primary point per debtor and kind.
    uniqueIndex("contact_points_primary_key").on(t.debtorId, t.kind).where(sql`${t.isPrimary}`),
    // Search by email or phone (prefix, case-insensitive), and matching inbound messages to a debtor.
    index("contact_points_value_search_idx").using("btree", sql`lower(${t.value}) text_pattern_ops`),
  ],
);
export type ContactPoint = typeof contactPoints.$inferSelect;
export type NewContactPoint = typeof contactPoints.$inferInsert;
