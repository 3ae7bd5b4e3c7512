/**
 * Writes the in-memory demo plan in bulk, parents before children, inside the caller's transaction.
 */
import { getTableColumns } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "../client.ts";
import {
  agencySettings,
  arrangements,
  cases,
  claims,
  clients,
  contactPoints,
  debtors,
  disputes,
  documents,
  escalations,
  feeAgreements,
  instalments,
  interactions,
  ledgerEntries,
  messages,
  messageTemplates,
  negotiationPolicies,
  notes,
  paymentAllocations,
  payments,
  promises,
  storedFiles,
  strategies,
  teams,
  users,
} from "../schema/index.ts";
import type { DemoPlan } from "./build.ts";
import type { CaseRows } from "./story.ts";
import { agencyTemplateRows } from "./texts.ts";

// PostgreSQL takes at most 65,535 bind parameters per statement; drizzle binds every column of every row.
const MAX_PARAMETERS = 60_000;

/** Inserts `rows` in as few statements as the parameter limit allows. */
export async function insertInChunks<T extends PgTable>(tx: Tx, table: T, rows: readonly T["$inferInsert"][]): Promise<void> {
  if (rows.length === 0) return;
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(getTableColumns(table)).length));
  for (let i = 0; i < rows.length; i += size) {
    await tx.insert(table).values(rows.slice(i, i + size) as T["$inferInsert"][]);
  }
}

/** Every row of one kind across all cases. */
function all<K extends keyof CaseRows>(plan: DemoPlan, key: K): CaseRows[K][number][] {
  return plan.cases.flatMap((c) => c.rows[key] as CaseRows[K][number][]);
}

/** Writes everything but the audit trail (appended afterwards with appendAuditEvents). */
export async function writeDemoPlan(tx: Tx, plan: DemoPlan): Promise<void> {
  // A single agency row: replace whatever placeholder a fresh install may hold.
  const { id: _id, ...agency } = plan.agency;
  await tx.insert(agencySettings).values(plan.agency).onConflictDoUpdate({ target: agencySettings.id, set: agency });
  await insertInChunks(tx, teams, plan.teams);
  await insertInChunks(tx, users, plan.staff);
  await insertInChunks(tx, strategies, plan.strategies);
  await insertInChunks(tx, clients, plan.clients);
  await insertInChunks(tx, users, plan.clientUsers);
  await insertInChunks(tx, feeAgreements, plan.feeAgreements);
  await insertInChunks(tx, negotiationPolicies, plan.policies);
  await insertInChunks(tx, messageTemplates, agencyTemplateRows());
  await insertInChunks(tx, debtors, plan.debtors);
  await insertInChunks(tx, contactPoints, plan.contactPoints);
  // The denormalised balance is the sum of the case's ledger, as the use-cases keep it.
  await insertInChunks(
    tx,
    cases,
    plan.cases.map((c) => ({ ...c.row, balanceCents: c.rows.ledger.reduce((sum, e) => sum + e.amountCents, 0) })),
  );
  await insertInChunks(tx, claims, all(plan, "claims"));
  await insertInChunks(tx, documents, plan.documents);
  await insertInChunks(tx, storedFiles, plan.storedFiles);
  await insertInChunks(tx, payments, all(plan, "payments"));
  await insertInChunks(tx, paymentAllocations, all(plan, "allocations"));
  await insertInChunks(tx, ledgerEntries, all(plan, "ledger"));
  // Counter-offers point at the arrangement they counter, which the story always records first.
  await insertInChunks(tx, arrangements, all(plan, "arrangements"));
  await insertInChunks(tx, instalments, all(plan, "instalments"));
  await insertInChunks(tx, promises, all(plan, "promises"));
  await insertInChunks(tx, disputes, all(plan, "disputes"));
  await insertInChunks(tx, messages, all(plan, "messages"));
  await insertInChunks(tx, interactions, all(plan, "interactions"));
  await insertInChunks(tx, notes, all(plan, "notes"));
  await insertInChunks(tx, escalations, all(plan, "escalations"));
}
