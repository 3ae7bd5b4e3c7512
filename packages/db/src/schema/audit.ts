import { ACTOR_KINDS } from "@recouvra/domain";
import { sql } from "drizzle-orm";
import { bigint, char, check, index, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { checkIn, instant } from "./helpers.ts";

/**
 * The audit trail: hash-chained, append-only (trigger in migration 0001). Each chain ('global',
 * 'client:<uuid>') is numbered 1..n and each event's hash covers the previous one, so an altered or
 * deleted row breaks the chain. Write only through `appendAuditEvent`; check with `verifyAuditChain`.
 * No foreign keys: the trail must outlive and never block changes to what it describes.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    chain: text().notNull(),
    seq: bigint({ mode: "number" }).notNull(),
    occurredAt: instant().notNull(),
    actorKind: text().notNull(),
    actorId: text(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    caseId: uuid(),
    clientId: uuid(),
    data: jsonb().notNull().default({}),
    prevHash: char({ length: 64 }).notNull(),
    hash: char({ length: 64 }).notNull(),
  },
  (t) => [
    // Contiguous numbering per chain; also serves verification, which walks a chain in order.
    unique("audit_events_chain_seq_key").on(t.chain, t.seq),
    check("audit_events_seq_check", sql`${t.seq} >= 1`),
    checkIn("audit_events_actor_kind_check", t.actorKind, ACTOR_KINDS),
    check("audit_events_hash_check", sql`${t.hash} ~ '^[0-9a-f]{64}$' AND ${t.prevHash} ~ '^[0-9a-f]{64}$'`),
    // A case's history (case page timeline, legal dossier).
    index("audit_events_case_idx").on(t.caseId, t.occurredAt).where(sql`${t.caseId} IS NOT NULL`),
    // A client's activity log.
    index("audit_events_client_idx").on(t.clientId, t.occurredAt).where(sql`${t.clientId} IS NOT NULL`),
    // Everything that happened to one entity (a user, a payment, an arrangement).
    index("audit_events_entity_idx").on(t.entityType, t.entityId),
  ],
);
export type AuditEvent = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;

/** The last event of each chain. It lets verification notice a truncated tail, which no link can show. */
export const auditChainHeads = pgTable(
  "audit_chain_heads",
  {
    chain: text().primaryKey(),
    lastSeq: bigint({ mode: "number" }).notNull(),
    lastHash: char({ length: 64 }).notNull(),
    updatedAt: instant().notNull().defaultNow(),
  },
  (t) => [check("audit_chain_heads_last_seq_check", sql`${t.lastSeq} >= 1`)],
);
export type AuditChainHead = typeof auditChainHeads.$inferSelect;
