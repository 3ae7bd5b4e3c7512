import { auditEvents, cases, contactPoints, interactions, messages } from "@recouvra/db";
import { useTestDb } from "@recouvra/db/testing";
import { isDomainError } from "@recouvra/domain";
import { asc, eq, inArray } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { buildAgency, ctxFor, NOW, openCase, type Agency } from "../cases/actions/test-fixtures.ts";
import { systemActor, type Ctx } from "../context.ts";
import { dispatchOutbox, OUTBOX_MAX_ATTEMPTS, OUTBOX_SENDING_LEASE_SECONDS, outboxRetryDelaySeconds } from "./dispatch-outbox.ts";
import { sendMessage } from "./send-message.ts";
import { addContactPoints, insertAgencyTemplates, movableClock, setUpAgency } from "./test-fixtures.ts";
import { outboxTransport, type OutboundMessage, type Transport } from "./transport.ts";

const t = useTestDb();
let agency: Agency;

beforeAll(async () => {
  agency = await buildAgency(t.db);
  await setUpAgency(t.db);
  await insertAgencyTemplates(t.db);
});

const system = (clock = movableClock(NOW)): Ctx & { clock: ReturnType<typeof movableClock> } => ({ db: t.db, clock, actor: systemActor("worker@test") });
const messageRow = async (id: string) => (await t.db.select().from(messages).where(eq(messages.id, id)))[0]!;
const historyOf = async (id: string) => (await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, id)).orderBy(asc(auditEvents.id))).map((e) => e.action);

/** Queues `n` SMS reminders on one new notified case of team A; returns their ids. */
async function queueSms(n = 1): Promise<{ ids: string[]; caseId: string; pointId: string }> {
  const kase = await openCase(t.db, agency);
  const points = await addContactPoints(t.db, kase);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const sent = await sendMessage({
      ctx: ctxFor(t.db, agency.agentA),
      input: { caseId: kase.id, channel: "sms", templateKey: "reminder_sms", contactPointId: points.mobile.id, idempotencyKey: randomUUID().replaceAll("-", "") },
    });
    ids.push(sent.messageId);
  }
  return { ids, caseId: kase.id, pointId: points.mobile.id };
}

/** A transport that records what it was handed and fails while `failing` says so. */
function recordingTransport(options: { failing?: (m: OutboundMessage) => boolean; delayMs?: number } = {}): Transport & { handed: OutboundMessage[] } {
  const handed: OutboundMessage[] = [];
  return {
    provider: "test",
    handed,
    async send(message) {
      handed.push(message);
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
      if (options.failing?.(message)) throw new Error("503 Service Unavailable");
      return { providerMessageId: `test_${message.id}_${message.attempt}` };
    },
  };
}

// Earlier tests leave their own messages queued; each test settles everything before its own.
async function drain(): Promise<void> {
  await dispatchOutbox({ ctx: system(movableClock("2030-01-01T00:00:00Z")), input: { limit: 500 }, transport: outboxTransport });
}

describe("dispatchOutbox", () => {
  it("sends a queued message through the transport: sent, provider recorded, interaction outcome sent, every step audited", async () => {
    await drain();
    const { ids, caseId } = await queueSms();
    const result = await dispatchOutbox({ ctx: system(), transport: outboxTransport });
    expect(result).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0, suppressed: 0 });
    expect(await messageRow(ids[0]!)).toMatchObject({ status: "sent", provider: "outbox", providerMessageId: `outbox_${ids[0]}`, attempts: 1, nextAttemptAt: null, sentAt: new Date(NOW), error: null });
    const [interaction] = await t.db.select().from(interactions).where(eq(interactions.messageId, ids[0]!));
    expect(interaction!.outcome).toBe("sent");
    expect(await historyOf(ids[0]!)).toEqual(["message.queued", "message.sending", "message.sent"]);
    const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "message.sent"));
    expect(audit).toMatchObject({ caseId, actorKind: "system", entityType: "message" });
    // Nothing left: a second run claims nothing and sends nothing again.
    expect(await dispatchOutbox({ ctx: system(), transport: outboxTransport })).toMatchObject({ claimed: 0, sent: 0 });
  });

  it("retries a failing send with exponential back-off, then gives up as failed", async () => {
    await drain();
    const { ids } = await queueSms();
    const transport = recordingTransport({ failing: () => true });
    const ctx = system();
    const delays: number[] = [];
    for (let attempt = 1; attempt < OUTBOX_MAX_ATTEMPTS; attempt++) {
      const result = await dispatchOutbox({ ctx, transport });
      expect(result).toMatchObject({ claimed: 1, retried: 1 });
      const row = await messageRow(ids[0]!);
      expect(row).toMatchObject({ status: "queued", attempts: attempt, error: "503 Service Unavailable", provider: "test" });
      const wait = (row.nextAttemptAt!.getTime() - ctx.clock.now().getTime()) / 1000;
      delays.push(wait);
      // Not due yet: a run a second early leaves it alone.
      ctx.clock.advance(wait - 1);
      expect(await dispatchOutbox({ ctx, transport })).toMatchObject({ claimed: 0 });
      ctx.clock.advance(1);
    }
    expect(delays).toEqual([60, 120, 240, 480]);
    expect(delays).toEqual([1, 2, 3, 4].map(outboxRetryDelaySeconds));
    expect(await dispatchOutbox({ ctx, transport })).toMatchObject({ claimed: 1, failed: 1 });
    expect(await messageRow(ids[0]!)).toMatchObject({ status: "failed", attempts: OUTBOX_MAX_ATTEMPTS, nextAttemptAt: null, error: "503 Service Unavailable", sentAt: null });
    expect(transport.handed.map((m) => m.attempt)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(transport.handed.map((m) => m.idempotencyKey)).size).toBe(1);
    ctx.clock.advance(86_400);
    expect(await dispatchOutbox({ ctx, transport })).toMatchObject({ claimed: 0 });
    expect(await historyOf(ids[0]!)).toEqual([
      "message.queued",
      ...Array.from({ length: OUTBOX_MAX_ATTEMPTS - 1 }, () => ["message.sending", "message.retry_scheduled"]).flat(),
      "message.sending",
      "message.failed",
    ]);
  });

  it("never sends a message twice when two dispatchers run at once", async () => {
    await drain();
    const { ids } = await queueSms(24);
    const transport = recordingTransport({ delayMs: 5 });
    const [a, b] = await Promise.all([dispatchOutbox({ ctx: system(), input: { limit: 15 }, transport }), dispatchOutbox({ ctx: system(), input: { limit: 15 }, transport })]);
    expect(a.sent + b.sent).toBe(24);
    const handedIds = transport.handed.map((m) => m.id);
    expect(handedIds.length).toBe(24);
    expect(new Set(handedIds)).toEqual(new Set(ids));
    const rows = await t.db.select({ status: messages.status, attempts: messages.attempts }).from(messages).where(inArray(messages.id, ids));
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
  });

  it("does not send what a dispute or an opt-out stopped after it was queued: suppressed, transport never called", async () => {
    await drain();
    const disputed = await queueSms();
    await t.db.update(cases).set({ holds: ["disputed"] }).where(eq(cases.id, disputed.caseId));
    const optedOut = await queueSms();
    await t.db.update(contactPoints).set({ optedOutAt: new Date(NOW) }).where(eq(contactPoints.id, optedOut.pointId));
    const transport = recordingTransport();
    expect(await dispatchOutbox({ ctx: system(), transport })).toMatchObject({ claimed: 2, suppressed: 2, sent: 0 });
    expect(transport.handed).toEqual([]);
    expect(await messageRow(disputed.ids[0]!)).toMatchObject({ status: "suppressed", error: expect.stringMatching(/disputed/) });
    expect(await messageRow(optedOut.ids[0]!)).toMatchObject({ status: "suppressed", error: expect.stringMatching(/opted out/) });
    expect(await historyOf(optedOut.ids[0]!)).toEqual(["message.queued", "message.suppressed"]);
  });

  it("takes over a message whose dispatcher died while sending, once its lease has run out", async () => {
    await drain();
    const { ids } = await queueSms();
    const ctx = system();
    const hanging: Transport = { provider: "test", send: () => Promise.reject(new Error("never reached")) };
    // Simulate the crash: claimed (sending, lease set) but no outcome recorded.
    await t.db.update(messages).set({ status: "sending", attempts: 1, nextAttemptAt: new Date(ctx.clock.now().getTime() + OUTBOX_SENDING_LEASE_SECONDS * 1000) }).where(eq(messages.id, ids[0]!));
    expect(await dispatchOutbox({ ctx, transport: hanging })).toMatchObject({ claimed: 0 });
    ctx.clock.advance(OUTBOX_SENDING_LEASE_SECONDS);
    const transport = recordingTransport();
    expect(await dispatchOutbox({ ctx, transport })).toMatchObject({ claimed: 1, sent: 1 });
    expect(transport.handed[0]).toMatchObject({ id: ids[0], attempt: 2 });
    expect(await messageRow(ids[0]!)).toMatchObject({ status: "sent", attempts: 2, providerMessageId: `test_${ids[0]}_2` });
  });

  it("is the platform's job only", async () => {
    const error = await dispatchOutbox({ ctx: ctxFor(t.db, agency.supervisor), transport: outboxTransport }).then(() => null, (e: unknown) => e);
    expect(isDomainError(error, "FORBIDDEN")).toBe(true);
  });
});
