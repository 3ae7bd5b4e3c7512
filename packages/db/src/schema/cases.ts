import { CASE_HOLDS, CASE_STAGES, CLOSURE_REASONS, JURISDICTIONS } from "@recouvra/domain";
import { sql } from "drizzle-orm";
import {
  bigint,
  char,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  smallint,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { clients, strategies } from "./clients.ts";
import { debtors } from "./debtors.ts";
import { checkCurrency, checkIn, createdAt, instant, literalList, updatedAt } from "./helpers.ts";
import { teams, users } from "./users.ts";

/** A case: one debtor, one client, one or more claims, and everything done to recover them. */
export const cases = pgTable(
  "cases",
  {
    id: uuid().primaryKey().defaultRandom(),
    clientId: uuid()
      .notNull()
      .references(() => clients.id, { onDelete: "restrict" }),
    debtorId: uuid().notNull(),
    // Human reference printed on letters and typed into the portal (e.g. RC-2026-000123).
    reference: text().notNull(),
    // Structured payment reference for bank transfers: ISO 11649 RF, or the Belgian OGM.
    paymentReference: text().notNull(),
    // The creditor's own file number, shown on its statements.
    clientReference: text(),
    stage: text().notNull().default("new"),
    holds: text().array().notNull().default(sql`'{}'::text[]`),
    closureReason: text(),
    jurisdiction: text().notNull(),
    currency: char({ length: 3 }).notNull(),
    strategyId: uuid().references(() => strategies.id, { onDelete: "set null" }),
    placedOn: date({ mode: "string" }).notNull(),
    noticeSentOn: date({ mode: "string" }),
    firstContactOn: date({ mode: "string" }),
    lastContactAt: instant(),
    nextActionOn: date({ mode: "string" }),
    nextActionKind: text(),
    assignedUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    teamId: uuid().references(() => teams.id, { onDelete: "set null" }),
    // What the debtor owes now: the sum of the case's ledger entries, kept in step by every use-case
    // that writes the ledger (same transaction). The work queue filters and sorts on it at scale.
    balanceCents: bigint({ mode: "number" }).notNull().default(0),
    // Computed by the domain's prioritisation (balance, age, propensity, commitments due).
    priorityScore: integer().notNull().default(0),
    // 0–100: estimated likelihood of payment.
    propensityScore: smallint(),
    closedOn: date({ mode: "string" }),
    // Escalation milestones (review at 90 days, legal dossier by 120), set when the notice goes out.
    reviewDueOn: date({ mode: "string" }),
    dossierDueOn: date({ mode: "string" }),
    // Portal sign-in with reference + access code; only a slow hash of the code is kept.
    portalAccessCodeHash: text(),
    portalFailedAttempts: integer().notNull().default(0),
    portalLockedUntil: instant(),
    // Optimistic concurrency: updates say `WHERE version = $seen` and bump it.
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: "cases_debtor_fk",
      columns: [t.debtorId, t.clientId],
      foreignColumns: [debtors.id, debtors.clientId],
    }).onDelete("restrict"),
    // Portal sign-in and search by reference.
    unique("cases_reference_key").on(t.reference),
    // Matching an incoming bank transfer to its case.
    unique("cases_payment_reference_key").on(t.paymentReference),
    // Target of composite foreign keys that keep a case's rows inside the case's client.
    unique("cases_id_client_key").on(t.id, t.clientId),
    checkIn("cases_stage_check", t.stage, CASE_STAGES),
    check("cases_holds_check", sql`${t.holds} <@ ARRAY[${literalList(CASE_HOLDS)}]::text[]`),
    checkIn("cases_closure_reason_check", t.closureReason, CLOSURE_REASONS),
    // A closed case says why and when; reopening clears both.
    check("cases_closure_reason_set_check", sql`(${t.stage} = 'closed') = (${t.closureReason} IS NOT NULL)`),
    check("cases_closed_on_set_check", sql`(${t.stage} = 'closed') = (${t.closedOn} IS NOT NULL)`),
    checkIn("cases_jurisdiction_check", t.jurisdiction, JURISDICTIONS),
    checkCurrency("cases_currency_check", t.currency),
    check("cases_propensity_score_check", sql`${t.propensityScore} BETWEEN 0 AND 100`),
    check("cases_portal_failed_attempts_check", sql`${t.portalFailedAttempts} >= 0`),
    check("cases_version_check", sql`${t.version} >= 1`),
    // Work queue by team: open cases, most urgent first.
    index("cases_queue_team_idx")
      .on(t.teamId, t.priorityScore.desc(), t.nextActionOn)
      .where(sql`${t.stage} <> 'closed'`),
    // Work queue of one agent ("my cases"): open cases, most urgent first.
    index("cases_queue_assignee_idx")
      .on(t.assignedUserId, t.priorityScore.desc(), t.nextActionOn)
      .where(sql`${t.stage} <> 'closed'`),
    // Work queue across every team (admins, supervisors leading no team): open cases, most urgent first.
    index("cases_queue_all_idx")
      .on(t.priorityScore.desc(), t.nextActionOn)
      .where(sql`${t.stage} <> 'closed'`),
    // Worker: open cases whose next strategy step is due.
    index("cases_next_action_idx").on(t.nextActionOn).where(sql`${t.stage} <> 'closed'`),
    // Worker: open cases reaching their 90-day review.
    index("cases_review_due_idx").on(t.reviewDueOn).where(sql`${t.stage} <> 'closed'`),
    // Client dashboard and lists: a client's cases by placement date (recovery rate by cohort).
    index("cases_client_placed_idx").on(t.clientId, t.placedOn),
    // A debtor's cases (case page sidebar, portal).
    index("cases_debtor_idx").on(t.debtorId),
  ],
);
export type Case = typeof cases.$inferSelect;
export type NewCase = typeof cases.$inferInsert;

/** An unpaid invoice placed for collection. */
export const claims = pgTable(
  "claims",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid().notNull(),
    clientId: uuid().notNull(),
    invoiceNumber: text().notNull(),
    issuedOn: date({ mode: "string" }).notNull(),
    dueOn: date({ mode: "string" }).notNull(),
    principalCents: bigint({ mode: "number" }).notNull(),
    currency: char({ length: 3 }).notNull(),
    description: text(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: "claims_case_fk",
      columns: [t.caseId, t.clientId],
      foreignColumns: [cases.id, cases.clientId],
    }).onDelete("cascade"),
    // A creditor's invoice is placed once; also serves search by invoice number within a client.
    unique("claims_client_invoice_key").on(t.clientId, t.invoiceNumber),
    check("claims_principal_check", sql`${t.principalCents} > 0`),
    check("claims_dates_check", sql`${t.dueOn} >= ${t.issuedOn}`),
    checkCurrency("claims_currency_check", t.currency),
    // A case's claims.
    index("claims_case_idx").on(t.caseId),
    // Agency-wide search by invoice number (case-insensitive prefix).
    index("claims_invoice_search_idx").using("btree", sql`lower(${t.invoiceNumber}) text_pattern_ops`),
  ],
);
export type Claim = typeof claims.$inferSelect;
export type NewClaim = typeof claims.$inferInsert;

/** Debtor portal sessions, opened from a letter link or with reference + access code; id = sha256 of the token. */
export const portalSessions = pgTable(
  "portal_sessions",
  {
    id: text().primaryKey(),
    caseId: uuid().notNull(),
    clientId: uuid().notNull(),
    expiresAt: instant().notNull(),
    createdAt: createdAt(),
    lastSeenAt: instant().notNull().defaultNow(),
    ip: text(),
    userAgent: text(),
  },
  (t) => [
    foreignKey({
      name: "portal_sessions_case_fk",
      columns: [t.caseId, t.clientId],
      foreignColumns: [cases.id, cases.clientId],
    }).onDelete("cascade"),
    check("portal_sessions_id_sha256_check", sql`${t.id} ~ '^[0-9a-f]{64}$'`),
    // Revoking a case's portal sessions (e.g. when the access code is reset).
    index("portal_sessions_case_idx").on(t.caseId),
    // Purging expired sessions.
    index("portal_sessions_expires_at_idx").on(t.expiresAt),
  ],
);
export type PortalSession = typeof portalSessions.$inferSelect;
export type NewPortalSession = typeof portalSessions.$inferInsert;

/**
 * Personal portal links printed in letters, emails and SMS: a random token whose SHA-256 (hex) is the
 * id, so the database never holds a usable link. Issuing a new link for a case revokes the earlier ones.
 */
export const portalLinks = pgTable(
  "portal_links",
  {
    id: text().primaryKey(),
    caseId: uuid().notNull(),
    clientId: uuid().notNull(),
    // The message that carried the link, when it went out through the outbox.
    messageId: uuid(),
    expiresAt: instant().notNull(),
    revokedAt: instant(),
    lastUsedAt: instant(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: "portal_links_case_fk",
      columns: [t.caseId, t.clientId],
      foreignColumns: [cases.id, cases.clientId],
    }).onDelete("cascade"),
    check("portal_links_id_sha256_check", sql`${t.id} ~ '^[0-9a-f]{64}$'`),
    // Revoking a case's live links when a new one is issued.
    index("portal_links_case_idx").on(t.caseId),
  ],
);
export type PortalLink = typeof portalLinks.$inferSelect;
export type NewPortalLink = typeof portalLinks.$inferInsert;

/**
 * One-time codes sent to a contact point on file after a correct reference + access code: only a hash
 * of the code is kept; a code is used once, expires within minutes and allows a few attempts.
 */
export const portalOneTimeCodes = pgTable(
  "portal_one_time_codes",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid().notNull(),
    clientId: uuid().notNull(),
    contactPointId: uuid(),
    codeHash: text().notNull(),
    attempts: integer().notNull().default(0),
    expiresAt: instant().notNull(),
    consumedAt: instant(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: "portal_one_time_codes_case_fk",
      columns: [t.caseId, t.clientId],
      foreignColumns: [cases.id, cases.clientId],
    }).onDelete("cascade"),
    check("portal_one_time_codes_attempts_check", sql`${t.attempts} >= 0`),
    // The live code of a case (the newest unconsumed one).
    index("portal_one_time_codes_case_idx").on(t.caseId, t.createdAt.desc()),
  ],
);
export type PortalOneTimeCode = typeof portalOneTimeCodes.$inferSelect;
export type NewPortalOneTimeCode = typeof portalOneTimeCodes.$inferInsert;
