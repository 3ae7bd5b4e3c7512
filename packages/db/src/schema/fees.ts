import { sql } from "drizzle-orm";
import { check, date, jsonb, pgTable, unique, uuid } from "drizzle-orm/pg-core";
import { clients } from "./clients.ts";
import { createdAt, updatedAt } from "./helpers.ts";

/** A client's no-cure-no-pay commission rules over a period; `rules` follows the domain's agreement schema. */
export const feeAgreements = pgTable(
  "fee_agreements",
  {
    id: uuid().primaryKey().defaultRandom(),
    clientId: uuid()
      .notNull()
      .references(() => clients.id, { onDelete: "restrict" }),
    rules: jsonb().notNull(),
    validFrom: date({ mode: "string" }).notNull(),
    // Null = open-ended.
    validTo: date({ mode: "string" }),
    createdAt: createdAt(),
  },
  (t) => [
    check("fee_agreements_period_check", sql`${t.validTo} IS NULL OR ${t.validTo} > ${t.validFrom}`),
    check("fee_agreements_rules_object_check", sql`jsonb_typeof(${t.rules}) = 'object'`),
    // Two agreements cannot start the same day; also serves finding the one in force on a date.
    unique("fee_agreements_client_valid_from_key").on(t.clientId, t.validFrom),
  ],
);
export type FeeAgreement = typeof feeAgreements.$inferSelect;
export type NewFeeAgreement = typeof feeAgreements.$inferInsert;

/**
 * What the negotiation policy may accept on the creditor's behalf (minimum first payment, longest plan,
 * settlement floor). `clientId` null = the agency default; at most one row per client and one default.
 */
export const negotiationPolicies = pgTable(
  "negotiation_policies",
  {
    id: uuid().primaryKey().defaultRandom(),
    clientId: uuid().references(() => clients.id, { onDelete: "cascade" }),
    policy: jsonb().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Looking a client's policy up; NULLS NOT DISTINCT makes the agency default unique too.
    unique("negotiation_policies_client_key").on(t.clientId).nullsNotDistinct(),
    check("negotiation_policies_policy_object_check", sql`jsonb_typeof(${t.policy}) = 'object'`),
  ],
);
export type NegotiationPolicy = typeof negotiationPolicies.$inferSelect;
export type NewNegotiationPolicy = typeof negotiationPolicies.$inferInsert;

