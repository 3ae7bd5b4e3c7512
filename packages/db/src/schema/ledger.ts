import { LEDGER_COMPONENTS, LEDGER_KINDS } from "@recouvra/domain";
import { sql } from "drizzle-orm";
import { bigint, char, check, date, foreignKey, index, pgTable, text, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { cases, claims } from "./cases.ts";
import { checkCurrency, checkIn, createdAt } from "./helpers.ts";
import { payments } from "./payments.ts";
import { users } from "./users.ts";

/**
 * The case ledger: every amount owed or paid is one signed entry; balances are sums. Append-only —
 * a trigger (migration 0001) refuses UPDATE and DELETE; corrections are `adjustment`/`reversal` entries.
 */
export const ledgerEntries = pgTable(
  "ledger_entries",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid().notNull(),
    clientId: uuid().notNull(),
    component: text().notNull(),
    kind: text().notNull(),
    // Signed: positive increases what the debtor owes, negative reduces it.
    amountCents: bigint({ mode: "number" }).notNull(),
    currency: char({ length: 3 }).notNull(),
    // The legal date the amount takes effect (interest runs from it), not when it was written.
    effectiveOn: date({ mode: "string" }).notNull(),
    reference: text(),
    description: text(),
    claimId: uuid().references(() => claims.id, { onDelete: "restrict" }),
    paymentId: uuid().references(() => payments.id, { onDelete: "restrict" }),
    reversesEntryId: uuid().references((): AnyPgColumn => ledgerEntries.id, { onDelete: "restrict" }),
    createdAt: createdAt(),
    // Null when the system or the debtor (through a payment) wrote it; the audit trail names the actor.
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    foreignKey({
      name: "ledger_entries_case_fk",
      columns: [t.caseId, t.clientId],
      foreignColumns: [cases.id, cases.clientId],
    }).onDelete("restrict"),
    checkIn("ledger_entries_component_check", t.component, LEDGER_COMPONENTS),
    checkIn("ledger_entries_kind_check", t.kind, LEDGER_KINDS),
    check("ledger_entries_amount_check", sql`${t.amountCents} <> 0`),
    checkCurrency("ledger_entries_currency_check", t.currency),
    check("ledger_entries_payment_check", sql`${t.kind} <> 'payment' OR ${t.paymentId} IS NOT NULL`),
    check("ledger_entries_reversal_check", sql`(${t.kind} = 'reversal') = (${t.reversesEntryId} IS NOT NULL)`),
    // An entry is reversed at most once, so a retried reversal cannot double-credit.
    uniqueIndex("ledger_entries_reverses_key").on(t.reversesEntryId).where(sql`${t.reversesEntryId} IS NOT NULL`),
    // Case balance and statement: a case's entries in date order.
    index("ledger_entries_case_idx").on(t.caseId, t.effectiveOn),
    // Dashboards: a client's recovered amounts over a period.
    index("ledger_entries_client_effective_idx").on(t.clientId, t.effectiveOn),
    // Reversing a payment: find the entries it produced.
    index("ledger_entries_payment_idx").on(t.paymentId).where(sql`${t.paymentId} IS NOT NULL`),
  ],
);
export type LedgerEntry = typeof ledgerEntries.$inferSelect;
export type NewLedgerEntry = typeof ledgerEntries.$inferInsert;
