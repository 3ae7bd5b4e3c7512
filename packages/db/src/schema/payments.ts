import { LEDGER_COMPONENTS, PAYMENT_PROVIDERS, PAYMENT_STATUSES } from "@recouvra/domain";
import { sql } from "drizzle-orm";
import { bigint, char, check, foreignKey, index, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases.ts";
import { checkCurrency, checkIn, createdAt, instant } from "./helpers.ts";

/** Money received for a case, from any provider. Recorded once per provider event. */
export const payments = pgTable(
  "payments",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid().notNull(),
    clientId: uuid().notNull(),
    provider: text().notNull(),
    // The provider's id (Stripe payment intent, bank statement line, ...): webhooks and imports replay.
    externalId: text().notNull(),
    amountCents: bigint({ mode: "number" }).notNull(),
    currency: char({ length: 3 }).notNull(),
    receivedAt: instant().notNull(),
    status: text().notNull().default("succeeded"),
    payerName: text(),
    reversedAt: instant(),
    reversalReason: text(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: "payments_case_fk",
      columns: [t.caseId, t.clientId],
      foreignColumns: [cases.id, cases.clientId],
    }).onDelete("restrict"),
    // Idempotency: the same provider event is recorded once, however often it is delivered.
    unique("payments_provider_external_id_key").on(t.provider, t.externalId),
    checkIn("payments_provider_check", t.provider, PAYMENT_PROVIDERS),
    checkIn("payments_status_check", t.status, PAYMENT_STATUSES),
    check("payments_amount_check", sql`${t.amountCents} > 0`),
    checkCurrency("payments_currency_check", t.currency),
    check("payments_reversal_check", sql`(${t.status} = 'reversed') = (${t.reversedAt} IS NOT NULL)`),
    // A case's payments (case page, portal receipt list).
    index("payments_case_idx").on(t.caseId, t.receivedAt),
    // Dashboards and remittances: a client's payments over a period.
    index("payments_client_received_idx").on(t.clientId, t.receivedAt),
  ],
);
export type Payment = typeof payments.$inferSelect;
export type NewPayment = typeof payments.$inferInsert;

/** How a payment was split across the case's components (the jurisdiction's imputation order). */
export const paymentAllocations = pgTable(
  "payment_allocations",
  {
    id: uuid().primaryKey().defaultRandom(),
    paymentId: uuid()
      .notNull()
      .references(() => payments.id, { onDelete: "cascade" }),
    component: text().notNull(),
    amountCents: bigint({ mode: "number" }).notNull(),
  },
  (t) => [
    // One line per component; also serves reading a payment's allocation.
    unique("payment_allocations_payment_component_key").on(t.paymentId, t.component),
    checkIn("payment_allocations_component_check", t.component, LEDGER_COMPONENTS),
    check("payment_allocations_amount_check", sql`${t.amountCents} > 0`),
  ],
);
export type PaymentAllocation = typeof paymentAllocations.$inferSelect;
export type NewPaymentAllocation = typeof paymentAllocations.$inferInsert;
