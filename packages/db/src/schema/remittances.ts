import { REMITTANCE_STATUSES } from "@recouvra/domain";
import { sql } from "drizzle-orm";
import { bigint, char, check, date, foreignKey, index, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases.ts";
import { clients } from "./clients.ts";
import { documents } from "./documents.ts";
import { checkCurrency, checkIn, createdAt, instant } from "./helpers.ts";
import { payments } from "./payments.ts";

/** A periodic statement to a client: what was collected, the commission and its VAT, the net due. */
export const remittances = pgTable(
  "remittances",
  {
    id: uuid().primaryKey().defaultRandom(),
    clientId: uuid()
      .notNull()
      .references(() => clients.id, { onDelete: "restrict" }),
    periodStart: date({ mode: "string" }).notNull(),
    periodEnd: date({ mode: "string" }).notNull(),
    status: text().notNull().default("draft"),
    currency: char({ length: 3 }).notNull(),
    // Everything recovered in the period, including payments made straight to the creditor.
    collectedCents: bigint({ mode: "number" }).notNull().default(0),
    commissionCents: bigint({ mode: "number" }).notNull().default(0),
    vatCents: bigint({ mode: "number" }).notNull().default(0),
    // What the agency pays the client; negative when direct payments left the agency owed commission.
    netCents: bigint({ mode: "number" }).notNull().default(0),
    documentId: uuid().references(() => documents.id, { onDelete: "set null" }),
    issuedAt: instant(),
    settledAt: instant(),
    createdAt: createdAt(),
  },
  (t) => [
    // One statement per client and period: re-running the monthly job finds the existing one.
    unique("remittances_client_period_key").on(t.clientId, t.periodStart),
    check("remittances_period_check", sql`${t.periodEnd} >= ${t.periodStart}`),
    checkIn("remittances_status_check", t.status, REMITTANCE_STATUSES),
    checkCurrency("remittances_currency_check", t.currency),
    check("remittances_commission_check", sql`${t.commissionCents} >= 0 AND ${t.vatCents} >= 0`),
    check("remittances_issued_check", sql`${t.status} = 'draft' OR ${t.issuedAt} IS NOT NULL`),
  ],
);
export type Remittance = typeof remittances.$inferSelect;
export type NewRemittance = typeof remittances.$inferInsert;

/** One payment (or its reversal) on a statement, with the commission it earned. */
export const remittanceLines = pgTable(
  "remittance_lines",
  {
    id: uuid().primaryKey().defaultRandom(),
    remittanceId: uuid()
      .notNull()
      .references(() => remittances.id, { onDelete: "cascade" }),
    caseId: uuid().notNull(),
    clientId: uuid().notNull(),
    paymentId: uuid()
      .notNull()
      .references(() => payments.id, { onDelete: "restrict" }),
    // A reversal after remittance is clawed back on a later statement as a negative line.
    kind: text().notNull().default("payment"),
    collectedCents: bigint({ mode: "number" }).notNull(),
    commissionCents: bigint({ mode: "number" }).notNull(),
    vatCents: bigint({ mode: "number" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: "remittance_lines_case_fk",
      columns: [t.caseId, t.clientId],
      foreignColumns: [cases.id, cases.clientId],
    }).onDelete("restrict"),
    // A payment is remitted once (and clawed back at most once), whichever statement it lands on.
    unique("remittance_lines_payment_kind_key").on(t.paymentId, t.kind),
    check("remittance_lines_kind_check", sql`${t.kind} IN ('payment', 'reversal')`),
    // Rendering a statement's lines.
    index("remittance_lines_remittance_idx").on(t.remittanceId),
  ],
);
export type RemittanceLine = typeof remittanceLines.$inferSelect;
export type NewRemittanceLine = typeof remittanceLines.$inferInsert;
