import type { Transport } from "@recouvra/core";
import { cases, clients, contactPoints, debtors, messages } from "@recouvra/db";
import { useTestDb } from "@recouvra/db/testing";
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../testing/wait-for.ts";
import { startWorker, type RunningWorker } from "../worker.ts";
import { OUTBOX_QUEUE, outboxJob } from "./index.ts";

const t = useTestDb();
let worker: RunningWorker | undefined;
let target: { caseId: string; clientId: string; pointId: string };

afterEach(async () => {
  await worker?.stop();
  worker = undefined;
});

beforeAll(async () => {
  const [client] = await t.db.insert(clients).values({ name: "Fournil", legalName: "Fournil SAS", jurisdiction: "FR", countryCode: "FR" }).returning();
  const [debtor] = await t.db.insert(debtors).values({ clientId: client!.id, kind: "person", type: "consumer", lastName: "Martin", locale: "fr", jurisdiction: "FR" }).returning();
  const [kase] = await t.db
    .insert(cases)
    .values({ clientId: client!.id, debtorId: debtor!.id, reference: "RC-W-1", paymentReference: "RF18539007547034", stage: "notified", jurisdiction: "FR", currency: "EUR", placedOn: "2027-01-04" })
    .returning();
  const [point] = await t.db.insert(contactPoints).values({ debtorId: debtor!.id, clientId: client!.id, kind: "phone", value: "+33639980123", isPrimary: true }).returning();
  target = { caseId: kase!.id, clientId: client!.id, pointId: point!.id };
});

/** A reminder SMS queued and due now, as `sendMessage` leaves it. */
async function queued(): Promise<string> {
  const [row] = await t.db
    .insert(messages)
    .values({
      caseId: target.caseId,
      clientId: target.clientId,
      channel: "sms",
      direction: "outbound",
      template: "reminder_sms",
      locale: "fr",
      contactPointId: target.pointId,
      recipient: "+33639980123",
      body: "Dossier RC-W-1, solde 1 060,00 €.",
      idempotencyKey: `send:${randomUUID()}`,
      nextAttemptAt: new Date(),
    })
    .returning({ id: messages.id });
  return row!.id;
}

interface Row {
  status: string;
  attempts: number;
  provider: string | null;
  provider_message_id: string | null;
  error: string | null;
  wait_ms: number | null;
}

// The worker has no query builder of its own: raw SQL, as the heartbeat test reads its rows.
const rowOf = async (id: string): Promise<Row | undefined> =>
  (await t.sql<Row[]>`select status, attempts, provider, provider_message_id, error,
    (extract(epoch from next_attempt_at - updated_at) * 1000)::int as wait_ms from messages where id = ${id}`)[0];

describe("outbox job", () => {
  it("is scheduled every minute and, at start, sends what is due to the development outbox", async () => {
    const id = await queued();
    worker = await startWorker({ databaseUrl: t.url, workerName: "worker@outbox", jobs: (deps) => [outboxJob(deps)], log: () => {} });
    const sent = await waitFor(async () => {
      const row = await rowOf(id);
      return row?.status === "sent" ? row : undefined;
    }, 15_000);
    expect(sent).toMatchObject({ provider: "outbox", provider_message_id: `outbox_${id}`, attempts: 1 });
    expect(await worker.boss.getQueue(OUTBOX_QUEUE)).toMatchObject({ name: OUTBOX_QUEUE, retryLimit: 0 });
    expect(await worker.boss.getSchedules()).toEqual([expect.objectContaining({ name: OUTBOX_QUEUE, cron: "* * * * *" })]);
  });

  it("puts a message whose send failed back in the queue for a later attempt", async () => {
    const id = await queued();
    const down: Transport = { provider: "test", send: () => Promise.reject(new Error("provider unreachable")) };
    worker = await startWorker({ databaseUrl: t.url, workerName: "worker@outbox", jobs: (deps) => [outboxJob(deps, down)], log: () => {} });
    const retried = await waitFor(async () => {
      const row = await rowOf(id);
      return row?.attempts === 1 && row.status === "queued" ? row : undefined;
    }, 15_000);
    expect(retried).toMatchObject({ error: "provider unreachable", provider: "test", wait_ms: 60_000 });
  });
});
