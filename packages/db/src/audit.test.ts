import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appendAuditEvent, appendAuditEvents, auditChainFor, canonicalJson, computeAuditHash, GENESIS_HASH, verifyAuditChain } from "./audit.ts";
import { auditEvents } from "./schema/index.ts";
import { useTestDb } from "./testing/index.ts";

const t = useTestDb();

const CLIENT_A = "00000000-0000-4000-8000-00000000000a";
const CLIENT_B = "00000000-0000-4000-8000-00000000000b";

/** Tampering as a superuser would: with the append-only trigger switched off for one statement. */
async function tamper(statement: ReturnType<typeof sql>) {
  await t.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
  });
}

describe("canonicalJson", () => {
  it("sorts keys at every level and drops undefined members", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: null, y: "x" }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":"x","z":null}]},"b":1}',
    );
  });
});

describe("audit trail", () => {
  it("chains concurrent appends contiguously per chain", async () => {
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.db.transaction((tx) =>
          appendAuditEvent(tx, {
            actorKind: "system",
            action: "case.placed",
            entityType: "case",
            entityId: `case-${i}`,
            clientId: i % 2 === 0 ? CLIENT_A : CLIENT_B,
            occurredAt: new Date(Date.UTC(2026, 0, 15, 9, 0, 0, i)),
            data: { i, amounts: { principalCents: 1000 + i }, at: new Date("2026-01-15T09:00:00.123Z"), skipped: undefined },
          }),
        ),
      ),
    );

    for (const clientId of [CLIENT_A, CLIENT_B]) {
      const rows = await t.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.chain, auditChainFor(clientId)))
        .orderBy(auditEvents.seq);
      expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
      expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
      rows.slice(1).forEach((row, i) => expect(row.prevHash).toBe(rows[i]!.hash));
    }
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, checked: 50 });
    expect(await verifyAuditChain(t.db, { chain: auditChainFor(CLIENT_A) })).toEqual({ ok: true, checked: 25 });
  });

  it("appends with the database itself as well as inside a transaction", async () => {
    const event = await appendAuditEvent(t.db, { actorKind: "user", actorId: "u1", action: "user.signed_in", entityType: "user" });
    expect(event).toMatchObject({ chain: "global", seq: 1 });
    expect(await verifyAuditChain(t.db, { chain: "global" })).toEqual({ ok: true, checked: 1 });
  });

  it("refuses UPDATE and DELETE while the trigger is on", async () => {
    await expect(t.db.update(auditEvents).set({ action: "x" }).where(eq(auditEvents.seq, 1))).rejects.toThrow();
    await expect(t.db.delete(auditEvents).where(eq(auditEvents.seq, 1))).rejects.toThrow();
  });

  it("detects an altered event", async () => {
    const chain = auditChainFor(CLIENT_A);
    await tamper(sql`update audit_events set data = '{"i": 4, "amounts": {"principalCents": 1}}' where chain = ${chain} and seq = 3`);
    const result = await verifyAuditChain(t.db, { chain });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([expect.objectContaining({ chain, seq: 3, kind: "hash_mismatch" })]);
    // The other client's chain is intact.
    expect((await verifyAuditChain(t.db, { chain: auditChainFor(CLIENT_B) })).ok).toBe(true);
  });

  it("detects a deleted event", async () => {
    const chain = auditChainFor(CLIENT_B);
    await tamper(sql`delete from audit_events where chain = ${chain} and seq = 10`);
    const result = await verifyAuditChain(t.db, { chain });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => [p.seq, p.kind])).toEqual([
      [10, "missing_seq"],
      [11, "broken_link"],
    ]);
  });

  it("detects a removed tail even though every remaining link holds", async () => {
    const chain = "global";
    for (let i = 0; i < 3; i++) {
      await appendAuditEvent(t.db, { chain, actorKind: "system", action: "worker.ran", entityType: "job" });
    }
    await tamper(sql`delete from audit_events where chain = ${chain} and seq >= 3`);
    const result = await verifyAuditChain(t.db, { chain });
    expect(!result.ok && result.problems).toEqual([expect.objectContaining({ chain, seq: 4, kind: "head_mismatch" })]);

    const whole = await verifyAuditChain(t.db);
    expect(whole.ok).toBe(false);
    expect(!whole.ok && new Set(whole.problems.map((p) => p.chain))).toEqual(
      new Set([auditChainFor(CLIENT_A), auditChainFor(CLIENT_B), "global"]),
    );
  });

  it("detects a re-hashed event through the broken link to the next one", async () => {
    const chain = auditChainFor(CLIENT_A);
    // A forger who recomputes the altered row's own hash still breaks the following link.
    const [row] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.chain, chain), eq(auditEvents.seq, 3)));
    await tamper(sql`update audit_events set hash = ${computeAuditHash(row!.prevHash, row!)} where id = ${row!.id}`);
    const result = await verifyAuditChain(t.db, { chain });
    expect(!result.ok && result.problems.map((p) => [p.seq, p.kind])).toEqual([[4, "broken_link"]]);
  });
});

describe("appendAuditEvents (batch)", () => {
  it("writes what sequential appends would: contiguous seqs per chain, linked hashes, verifiable", async () => {
    const clientA = "11111111-1111-4111-8111-111111111111";
    const batch = Array.from({ length: 7 }, (_, i) => ({
      actorKind: "system" as const,
      action: "batch.test",
      entityType: "test",
      // Interleaved across two chains: each must still come out contiguous and in input order.
      chain: i % 2 === 0 ? `batch:${clientA}` : "batch:other",
      data: { i },
    }));
    const single = await appendAuditEvent(t.db, { actorKind: "system", action: "before", entityType: "test", chain: `batch:${clientA}` });
    const rows = await appendAuditEvents(t.db, batch);
    const after = await appendAuditEvent(t.db, { actorKind: "system", action: "after", entityType: "test", chain: `batch:${clientA}` });
    expect(rows).toHaveLength(7);
    const chainA = rows.filter((r) => r.chain === `batch:${clientA}`).map((r) => r.seq);
    expect(chainA).toEqual([single.seq + 1, single.seq + 2, single.seq + 3, single.seq + 4]);
    expect(rows.filter((r) => r.chain === "batch:other").map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(after.seq).toBe(single.seq + 5);
    expect(await verifyAuditChain(t.db, { chain: `batch:${clientA}` })).toMatchObject({ ok: true });
    expect(await verifyAuditChain(t.db, { chain: "batch:other" })).toMatchObject({ ok: true });
    expect(await appendAuditEvents(t.db, [])).toEqual([]);
  });
});
