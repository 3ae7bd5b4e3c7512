import { DISPUTE_REASONS, DISPUTE_STATUSES } from "@recouvra/domain";
import { sql } from "drizzle-orm";
import { check, foreignKey, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases.ts";
import { checkIn, instant } from "./helpers.ts";
import { users } from "./users.ts";

/** A debtor contesting the debt; while open, the case carries the `disputed` hold and collection pauses. */
export const disputes = pgTable(
  "disputes",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid().notNull(),
    clientId: uuid().notNull(),
    reason: text().notNull(),
    details: text(),
    status: text().notNull().default("open"),
    openedAt: instant().notNull(),
    resolvedAt: instant(),
    resolution: text(),
    resolvedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    foreignKey({
      name: "disputes_case_fk",
      columns: [t.caseId, t.clientId],
      foreignColumns: [cases.id, cases.clientId],
    }).onDelete("restrict"),
    checkIn("disputes_reason_check", t.reason, DISPUTE_REASONS),
    checkIn("disputes_status_check", t.status, DISPUTE_STATUSES),
    check("disputes_resolved_check", sql`(${t.status} = 'open') = (${t.resolvedAt} IS NULL)`),
    // One open dispute per case: a second complaint is added to it, not opened beside it.
    uniqueIndex("disputes_one_open_per_case_key").on(t.caseId).where(sql`${t.status} = 'open'`),
    // A case's disputes.
    index("disputes_case_idx").on(t.caseId, t.openedAt),
    // Supervisor's list of open disputes, oldest first.
    index("disputes_open_idx").on(t.openedAt).where(sql`${t.status} = 'open'`),
  ],
);
export type Dispute = typeof disputes.$inferSelect;
export type NewDispute = typeof disputes.$inferInsert;
