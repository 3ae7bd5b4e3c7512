import { DEBTOR_TYPES, JURISDICTIONS, LOCALES } from "@recouvra/domain";
import { sql } from "drizzle-orm";
import { boolean, char, check, index, jsonb, pgTable, text, unique, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { checkCurrency, checkIn, createdAt, instant, updatedAt } from "./helpers.ts";

/** Client creditors: the tenants. Every row that belongs to one carries its `clientId`. */
export const clients = pgTable(
  "clients",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    legalName: text().notNull(),
    jurisdiction: text().notNull(),
    countryCode: char({ length: 2 }).notNull(),
    vatNumber: text(),
    registrationNumber: text(),
    iban: text(),
    address: text(),
    contactEmail: text(),
    defaultLocale: text().notNull().default("fr"),
    defaultCurrency: char({ length: 3 }).notNull().default("EUR"),
    // The contact strategy new cases follow unless placed with another one.
    strategyId: uuid().references((): AnyPgColumn => strategies.id, { onDelete: "set null" }),
    isActive: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("clients_name_key").on(t.name),
    checkIn("clients_jurisdiction_check", t.jurisdiction, JURISDICTIONS),
    checkIn("clients_default_locale_check", t.defaultLocale, LOCALES),
    checkCurrency("clients_default_currency_check", t.defaultCurrency),
    check("clients_country_code_check", sql`${t.countryCode} ~ '^[A-Z]{2}$'`),
    // Shape only; the checksum is verified by the domain's isValidIban before it gets here.
    check("clients_iban_check", sql`${t.iban} IS NULL OR ${t.iban} ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'`),
  ],
);
export type Client = typeof clients.$inferSelect;
export type NewClient = typeof clients.$inferInsert;

/**
 * Contact strategies: dated steps (letter, email, SMS, call) a case follows after placement.
 * `clientId` null = an agency-wide strategy, usable by every client.
 */
export const strategies = pgTable(
  "strategies",
  {
    id: uuid().primaryKey().defaultRandom(),
    clientId: uuid().references((): AnyPgColumn => clients.id, { onDelete: "cascade" }),
    name: text().notNull(),
    jurisdiction: text(),
    debtorType: text(),
    // Validated by the domain's strategy schema on write.
    steps: jsonb().notNull(),
    isActive: boolean().notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    checkIn("strategies_jurisdiction_check", t.jurisdiction, JURISDICTIONS),
    checkIn("strategies_debtor_type_check", t.debtorType, DEBTOR_TYPES),
    check("strategies_steps_array_check", sql`jsonb_typeof(${t.steps}) = 'array'`),
    // Picking the strategy for a new case: a client's own first, else the agency's, per jurisdiction.
    index("strategies_client_jurisdiction_idx").on(t.clientId, t.jurisdiction),
  ],
);
export type Strategy = typeof strategies.$inferSelect;
export type NewStrategy = typeof strategies.$inferInsert;

/** API keys a client's systems use to place cases; only the sha256 of the key is stored. */
export const clientApiKeys = pgTable(
  "client_api_keys",
  {
    id: uuid().primaryKey().defaultRandom(),
    clientId: uuid()
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    name: text().notNull(),
    // First characters of the key, shown in the UI so a key can be recognised without being revealed.
    prefix: text().notNull(),
    keyHash: char({ length: 64 }).notNull(),
    createdAt: createdAt(),
    lastUsedAt: instant(),
    revokedAt: instant(),
  },
  (t) => [
    // Authenticating an API request: look the presented key's hash up.
    unique("client_api_keys_key_hash_key").on(t.keyHash),
    check("client_api_keys_key_hash_check", sql`${t.keyHash} ~ '^[0-9a-f]{64}$'`),
    // Listing a client's keys in its settings.
    index("client_api_keys_client_idx").on(t.clientId),
  ],
);
export type ClientApiKey = typeof clientApiKeys.$inferSelect;
export type NewClientApiKey = typeof clientApiKeys.$inferInsert;
