/**
 * The tamper-evident audit trail. Events form hash chains: within a chain (`global`, or one per client)
 * events are numbered 1..n and each one's hash covers the previous hash and the event's own fields.
 * Rewriting or deleting a row (which the triggers of migration 0001 already refuse to anyone who cannot
 * disable them) therefore breaks the chain in a way `verifyAuditChain` reports.
 */
import { createHash } from "node:crypto";
import type { ActorKind } from "@recouvra/domain";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "./client.ts";
import { auditChainHeads, auditEvents, type AuditEvent } from "./schema/audit.ts";

/** `prevHash` of the first event of every chain. */
export const GENESIS_HASH = "0".repeat(64);

/** The chain an event belongs to: one per client, so a client's trail can be verified and exported alone. */
export function auditChainFor(clientId: string | null | undefined): string {
  return clientId ? `client:${clientId}` : "global";
}

/** What a caller records; the chain position and hashes are computed by `appendAuditEvent`. */
export interface AuditEventInput {
  /** Defaults to `auditChainFor(clientId)`. */
  chain?: string;
  /** Pass the use-case clock's time; defaults to now. Stored and hashed to the millisecond. */
  occurredAt?: Date;
  actorKind: ActorKind;
  actorId?: string | null;
  /** Dotted verb, e.g. `case.placed`, `payment.recorded`, `arrangement.accepted`. */
  action: string;
  entityType: string;
  entityId?: string | null;
  caseId?: string | null;
  clientId?: string | null;
  /** JSON-serialisable detail; Dates become ISO strings, `undefined` members are dropped. */
  data?: Record<string, unknown>;
}

/** The fields the hash covers, in the form they are stored and read back. */
interface HashedFields {
  chain: string;
  seq: number;
  occurredAt: Date;
  actorKind: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  caseId: string | null;
  clientId: string | null;
  data: unknown;
}

/**
 * JSON with object keys sorted at every level, so the same value always yields the same text — jsonb
 * does not keep key order, so the hash must not depend on it.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} has no JSON form`);
      return JSON.stringify(value);
    case "object": {
      if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(",")}]`;
      const record = value as Record<string, unknown>;
      const members = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
      return `{${members.join(",")}}`;
    }
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`);
  }
}

/** sha256 (hex) of the previous hash followed by the canonical JSON of the event's fields. */
export function computeAuditHash(prevHash: string, event: HashedFields): string {
  const payload = canonicalJson({
    v: 1,
    chain: event.chain,
    seq: event.seq,
    occurredAt: event.occurredAt.toISOString(),
    actorKind: event.actorKind,
    actorId: event.actorId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    caseId: event.caseId,
    clientId: event.clientId,
    data: event.data,
  });
  return createHash("sha256").update(prevHash).update(payload).digest("hex");
}

/** Rows per INSERT: PostgreSQL takes at most 65,535 bind parameters per statement. */
const INSERT_CHUNK = 2_000;

/**
 * Appends one event to its chain inside the caller's transaction (or a transaction of its own when
 * given the database). Concurrent appends to one chain are serialised by a transaction-scoped advisory
 * lock, so sequence numbers stay contiguous and every event links to the one before it.
 */
export async function appendAuditEvent(executor: DbOrTx, input: AuditEventInput): Promise<AuditEvent> {
  const [row] = await appendAuditEvents(executor, [input]);
  if (!row) throw new Error("appendAuditEvent: the insert returned no row");
  return row;
}

/**
 * Appends events in the given order, each to its chain, locking each chain once and inserting in bulk:
 * the same rows sequential `appendAuditEvent` calls would write, in a fraction of the round trips
 * (imports and the demo seed record thousands at a time).
 */
export async function appendAuditEvents(executor: DbOrTx, inputs: readonly AuditEventInput[]): Promise<AuditEvent[]> {
  const byChain = new Map<string, AuditEventInput[]>();
  for (const input of inputs) {
    const chain = input.chain ?? auditChainFor(input.clientId);
    byChain.set(chain, [...(byChain.get(chain) ?? []), input]);
  }
  if (byChain.size === 0) return [];
  // On a transaction this is a savepoint: the advisory locks still last until the outer commit.
  return executor.transaction(async (tx) => {
    const written: AuditEvent[] = [];
    // Chains locked in a fixed order, so two batches touching the same chains cannot deadlock.
    for (const chain of [...byChain.keys()].sort()) {
      // Held until commit, so the next writer reads a head that includes these events. Under READ
      // COMMITTED each statement takes a fresh snapshot, so the head read after the lock is current.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${chain}, 0))`);
      const [head] = await tx
        .select({ lastSeq: auditChainHeads.lastSeq, lastHash: auditChainHeads.lastHash })
        .from(auditChainHeads)
        .where(eq(auditChainHeads.chain, chain));
      let seq = head?.lastSeq ?? 0;
      let prevHash = head?.lastHash ?? GENESIS_HASH;
      const rows: (HashedFields & { prevHash: string; hash: string })[] = [];
      for (const input of byChain.get(chain)!) {
        const fields: HashedFields = {
          chain,
          seq: ++seq,
          occurredAt: new Date(input.occurredAt?.getTime() ?? Date.now()),
          actorKind: input.actorKind,
          actorId: input.actorId ?? null,
          action: input.action,
          entityType: input.entityType,
          entityId: input.entityId ?? null,
          caseId: input.caseId ?? null,
          clientId: input.clientId ?? null,
          // Round-trip through JSON so what is hashed is exactly what jsonb will hand back (Dates →
          // strings, undefined dropped, toJSON applied).
          data: JSON.parse(JSON.stringify(input.data ?? {})) as unknown,
        };
        const hash = computeAuditHash(prevHash, fields);
        rows.push({ ...fields, prevHash, hash });
        prevHash = hash;
      }
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        const chunk = rows.slice(i, i + INSERT_CHUNK).map((r) => ({ ...r, data: r.data as Record<string, unknown> }));
        written.push(...(await tx.insert(auditEvents).values(chunk).returning()));
      }
      const last = rows.at(-1)!;
      await tx
        .insert(auditChainHeads)
        .values({ chain, lastSeq: seq, lastHash: prevHash, updatedAt: last.occurredAt })
        .onConflictDoUpdate({ target: auditChainHeads.chain, set: { lastSeq: seq, lastHash: prevHash, updatedAt: last.occurredAt } });
    }
    return written;
  });
}

/** What verification found wrong at one position of a chain. */
export interface AuditChainProblem {
  chain: string;
  seq: number;
  kind: "hash_mismatch" | "broken_link" | "missing_seq" | "head_mismatch";
  detail: string;
}

export type AuditVerification = { ok: true; checked: number } | { ok: false; checked: number; problems: AuditChainProblem[] };

/**
 * Recomputes every hash and link of one chain (or all of them) and compares each chain's last event with
 * its recorded head. Detects an altered row, a deleted row and a removed tail.
 */
export async function verifyAuditChain(
  db: Db,
  options: { chain?: string; batchSize?: number } = {},
): Promise<AuditVerification> {
  const batchSize = options.batchSize ?? 1000;
  // One snapshot for the whole walk, so events appended meanwhile cannot look like a mismatched head.
  return db.transaction(
    async (tx) => {
      const heads = new Map(
        (await tx.select().from(auditChainHeads).where(options.chain ? eq(auditChainHeads.chain, options.chain) : undefined)).map(
          (head) => [head.chain, head],
        ),
      );
      let chains: string[];
      if (options.chain) {
        chains = [options.chain];
      } else {
        const rows = await tx.selectDistinct({ chain: auditEvents.chain }).from(auditEvents);
        chains = [...new Set([...heads.keys(), ...rows.map((r) => r.chain)])].sort();
      }

      const problems: AuditChainProblem[] = [];
      let checked = 0;
      for (const chain of chains) {
        let expectedSeq = 1;
        let prevHash = GENESIS_HASH;
        let last: { seq: number; hash: string } | undefined;
        for (;;) {
          const batch = await tx
            .select()
            .from(auditEvents)
            .where(and(eq(auditEvents.chain, chain), gt(auditEvents.seq, last?.seq ?? 0)))
            .orderBy(asc(auditEvents.seq))
            .limit(batchSize);
          for (const event of batch) {
            checked += 1;
            if (event.seq !== expectedSeq) {
              const missing = expectedSeq === event.seq - 1 ? `${expectedSeq}` : `${expectedSeq}–${event.seq - 1}`;
              problems.push({ chain, seq: expectedSeq, kind: "missing_seq", detail: `events ${missing} are missing` });
            }
            if (event.prevHash !== prevHash) {
              problems.push({ chain, seq: event.seq, kind: "broken_link", detail: "prevHash is not the hash of the event before" });
            }
            if (computeAuditHash(event.prevHash, event) !== event.hash) {
              problems.push({ chain, seq: event.seq, kind: "hash_mismatch", detail: "the event's content does not match its hash" });
            }
            // Continue from the stored hash, so one altered row is reported once, not for every later row.
            prevHash = event.hash;
            expectedSeq = event.seq + 1;
            last = { seq: event.seq, hash: event.hash };
          }
          if (batch.length < batchSize) break;
        }

        const head = heads.get(chain);
        if (!head) {
          if (last) problems.push({ chain, seq: last.seq, kind: "head_mismatch", detail: "the chain has events but no head" });
        } else if (!last || head.lastSeq !== last.seq || head.lastHash !== last.hash) {
          problems.push({
            chain,
            seq: head.lastSeq,
            kind: "head_mismatch",
            detail: `the head records event ${head.lastSeq} but the last event is ${last?.seq ?? "none"}`,
          });
        }
      }
      return problems.length === 0 ? { ok: true, checked } : { ok: false, checked, problems };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}
