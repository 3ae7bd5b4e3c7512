import { ESCALATION_DECISIONS, ESCALATION_KINDS, ESCALATION_STATUSES } from "@recouvra/domain";
import { sql } from "drizzle-orm";
import { check, date, foreignKey, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases.ts";
import { documents } from "./documents.ts";
import { checkIn, createdAt, instant } from "./helpers.ts";
import { users } from "./users.ts";

/** The 90-day review and the 120-day legal dossier, each waiting for a decision. */
export const escalations = pgTable(
  "escalations",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid().notNull(),
    clientId: uuid().notNull(),
    kind: text().notNull(),
    status: text().notNull().default("open"),
    dueOn: date({ mode: "string" }).notNull(),
    recommendation: text(),
    decision: text(),
    rationale: text(),
    // Staff decide a review; a client user decides on a dossier.
    decidedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    decidedAt: instant(),
    dossierDocumentId: uuid().references(() => documents.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: "escalations_case_fk",
      columns: [t.caseId, t.clientId],
      foreignColumns: [cases.id, cases.clientId],
    }).onDelete("restrict"),
    checkIn("escalations_kind_check", t.kind, ESCALATION_KINDS),
    checkIn("escalations_status_check", t.status, ESCALATION_STATUSES),
    checkIn("escalations_decision_check", t.decision, ESCALATION_DECISIONS),
    check(
      "escalations_decided_check",
      sql`(${t.status} = 'decided') = (${t.decision} IS NOT NULL AND ${t.decidedAt} IS NOT NULL)`,
    ),
    // The escalation job runs daily: one open escalation of each kind per case, however often it runs.
    uniqueIndex("escalations_one_open_key").on(t.caseId, t.kind).where(sql`${t.status} = 'open'`),
    // Escalation due dates: open reviews/dossiers by due date (supervisor queue, client decisions).
    index("escalations_due_idx").on(t.kind, t.dueOn).where(sql`${t.status} = 'open'`),
    // A client's escalations awaiting its decision.
    index("escalations_client_idx").on(t.clientId, t.status),
  ],
);
export type Escalation = typeof escalations.$inferSelect;
export type NewEscalation = typeof escalations.$inferInsert;
