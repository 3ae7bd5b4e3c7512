import { ARRANGEMENT_KINDS, ARRANGEMENT_STATUSES, INSTALMENT_STATUSES, MANDATE_METHODS, MANDATE_STATUSES, PAYMENT_PROVIDERS, PROMISE_STATUSES, PROPOSERS } from "@recouvra/domain";
import { sql } from "drizzle-orm";
import {
  bigint,
  char,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  unique,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { cases } from "./cases.ts";
import { checkCurrency, checkIn, createdAt, instant, updatedAt } from "./helpers.ts";
import { users } from "./users.ts";

/** A payment plan or a settlement, from proposal to completion or breach. */
export const arrangements = pgTable(
  "arrangements",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid().notNull(),
    clientId: uuid().notNull(),
    kind: text().notNull(),
    status: text().notNull().default("proposed"),
    proposedBy: text().notNull(),
    proposedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    // The arrangement this one counters, so a negotiation reads as a thread.
    counterOfId: uuid().references((): AnyPgColumn => arrangements.id, { onDelete: "set null" }),
    // Frequency, first due date, instalment count/amount or settlement amount: the domain's terms schema.
    terms: jsonb().notNull(),
    totalCents: bigint({ mode: "number" }).notNull(),
    currency: char({ length: 3 }).notNull(),
    decisionReason: text(),
    decidedAt: instant(),
    acceptedAt: instant(),
    // Accepting a plan acknowledges the debt: keep exactly what the debtor saw and agreed to, and from where.
    acknowledgmentText: text(),
    acknowledgmentIp: text(),
    acknowledgedAt: instant(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: "arrangements_case_fk",
      columns: [t.caseId, t.clientId],
      foreignColumns: [cases.id, cases.clientId],
    }).onDelete("restrict"),
    checkIn("arrangements_kind_check", t.kind, ARRANGEMENT_KINDS),
    checkIn("arrangements_status_check", t.status, ARRANGEMENT_STATUSES),
    checkIn("arrangements_proposed_by_check", t.proposedBy, PROPOSERS),
    check("arrangements_total_check", sql`${t.totalCents} > 0`),
    checkCurrency("arrangements_currency_check", t.currency),
    check("arrangements_terms_object_check", sql`jsonb_typeof(${t.terms}) = 'object'`),
    check(
      "arrangements_accepted_check",
      sql`${t.status} NOT IN ('accepted', 'active', 'completed') OR ${t.acceptedAt} IS NOT NULL`,
    ),
    // One live commitment per case: two accepted plans would double-count what is owed.
    uniqueIndex("arrangements_one_live_per_case_key").on(t.caseId).where(sql`${t.status} IN ('accepted', 'active')`),
    // A case's arrangements, newest first.
    index("arrangements_case_idx").on(t.caseId, t.createdAt),
    // Supervisor's queue of proposals waiting for a decision.
    index("arrangements_pending_idx").on(t.createdAt).where(sql`${t.status} IN ('proposed', 'countered')`),
  ],
);
export type Arrangement = typeof arrangements.$inferSelect;
export type NewArrangement = typeof arrangements.$inferInsert;

/** The dated instalments of a plan; they sum exactly to the plan total (built by the domain). */
export const instalments = pgTable(
  "instalments",
  {
    id: uuid().primaryKey().defaultRandom(),
    arrangementId: uuid()
      .notNull()
      .references(() => arrangements.id, { onDelete: "cascade" }),
    seq: integer().notNull(),
    dueOn: date({ mode: "string" }).notNull(),
    amountCents: bigint({ mode: "number" }).notNull(),
    paidCents: bigint({ mode: "number" }).notNull().default(0),
    status: text().notNull().default("scheduled"),
    paidOn: date({ mode: "string" }),
    remindedAt: instant(),
    // Automatic collection (a saved card or SEPA mandate): when the charge was asked of the provider,
    // and the provider's answer when it refused. Each attempt's idempotency key is `instalment:<id>:<attempt>`.
    collectionRequestedAt: instant(),
    collectionError: text(),
  },
  (t) => [
    // Instalments are numbered 1..n within a plan; also serves reading a plan's schedule in order.
    unique("instalments_arrangement_seq_key").on(t.arrangementId, t.seq),
    check("instalments_seq_check", sql`${t.seq} >= 1`),
    check("instalments_amount_check", sql`${t.amountCents} > 0`),
    check("instalments_paid_check", sql`${t.paidCents} >= 0 AND ${t.paidCents} <= ${t.amountCents}`),
    checkIn("instalments_status_check", t.status, INSTALMENT_STATUSES),
    // Plan monitoring: instalments falling due or overdue and not yet settled.
    index("instalments_due_idx").on(t.dueOn).where(sql`${t.status} IN ('scheduled', 'partially_paid')`),
  ],
);
export type Instalment = typeof instalments.$inferSelect;
export type NewInstalment = typeof instalments.$inferInsert;

/** A promise to pay an amount by a date, made in a conversation. */
export const promises = pgTable(
  "promises",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid().notNull(),
    clientId: uuid().notNull(),
    // The day the promise was made.
    promisedOn: date({ mode: "string" }).notNull(),
    dueOn: date({ mode: "string" }).notNull(),
    amountCents: bigint({ mode: "number" }).notNull(),
    currency: char({ length: 3 }).notNull(),
    status: text().notNull().default("pending"),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    resolvedAt: instant(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: "promises_case_fk",
      columns: [t.caseId, t.clientId],
      foreignColumns: [cases.id, cases.clientId],
    }).onDelete("restrict"),
    check("promises_amount_check", sql`${t.amountCents} > 0`),
    check("promises_dates_check", sql`${t.dueOn} >= ${t.promisedOn}`),
    checkCurrency("promises_currency_check", t.currency),
    checkIn("promises_status_check", t.status, PROMISE_STATUSES),
    // A case's promises.
    index("promises_case_idx").on(t.caseId, t.dueOn),
    // Monitoring: pending promises falling due.
    index("promises_due_idx").on(t.dueOn).where(sql`${t.status} = 'pending'`),
  ],
);
// Not `Promise`, which would shadow the global wherever it is imported.
export type PaymentPromise = typeof promises.$inferSelect;
export type NewPaymentPromise = typeof promises.$inferInsert;

/**
 * A saved way to collect a plan's instalments without the debtor coming back: a card saved for
 * off-session charges, or a SEPA Direct Debit mandate, both set up through the provider's checkout in
 * setup mode. The provider holds the card or IBAN; we keep only its ids and a label the debtor recognises.
 */
export const paymentMandates = pgTable(
  "payment_mandates",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid().notNull(),
    clientId: uuid().notNull(),
    arrangementId: uuid()
      .notNull()
      .references(() => arrangements.id, { onDelete: "cascade" }),
    provider: text().notNull(),
    method: text().notNull(),
    // The provider's setup (Checkout Session in setup mode): webhooks replay, the mandate is saved once.
    providerSetupId: text().notNull(),
    providerCustomerId: text(),
    providerPaymentMethodId: text().notNull(),
    // "Visa •••• 4242", "SEPA DE89 •••• 3000": what the debtor and the agent read.
    label: text().notNull(),
    status: text().notNull().default("active"),
    createdAt: instant().notNull(),
    revokedAt: instant(),
  },
  (t) => [
    foreignKey({
      name: "payment_mandates_case_fk",
      columns: [t.caseId, t.clientId],
      foreignColumns: [cases.id, cases.clientId],
    }).onDelete("restrict"),
    unique("payment_mandates_provider_setup_key").on(t.provider, t.providerSetupId),
    checkIn("payment_mandates_provider_check", t.provider, PAYMENT_PROVIDERS),
    checkIn("payment_mandates_method_check", t.method, MANDATE_METHODS),
    checkIn("payment_mandates_status_check", t.status, MANDATE_STATUSES),
    check("payment_mandates_revoked_check", sql`(${t.status} = 'revoked') = (${t.revokedAt} IS NOT NULL)`),
    // One live mandate per plan: a second setup replaces the first (revoked in the same transaction).
    uniqueIndex("payment_mandates_one_active_key").on(t.arrangementId).where(sql`${t.status} = 'active'`),
    // A case's mandates (portal plan page, case file).
    index("payment_mandates_case_idx").on(t.caseId),
  ],
);
export type PaymentMandate = typeof paymentMandates.$inferSelect;
export type NewPaymentMandate = typeof paymentMandates.$inferInsert;
