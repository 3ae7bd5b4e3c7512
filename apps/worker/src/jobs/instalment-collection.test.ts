import { demoProvider, type OffSessionChargeRequest, type PaymentProvider } from "@recouvra/core";
import { arrangements, cases, claims, clients, debtors, instalments, ledgerEntries, paymentMandates } from "@recouvra/db";
import { useTestDb } from "@recouvra/db/testing";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../testing/wait-for.ts";
import { startWorker, type RunningWorker } from "../worker.ts";
import { INSTALMENT_COLLECTION_CRON, INSTALMENT_COLLECTION_QUEUE, instalmentCollectionJob } from "./index.ts";

const t = useTestDb();
let worker: RunningWorker | undefined;
const keys: string[] = [];
const demo = demoProvider();
// The demo provider, watched: what the job asked it to charge.
const provider: PaymentProvider = { ...demo, chargeOffSession: (r: OffSessionChargeRequest) => (keys.push(r.idempotencyKey), demo.chargeOffSession(r)) };
let plan: { caseId: string; dueId: string; laterId: string };

afterEach(async () => {
  await worker?.stop();
  worker = undefined;
});

/** A calendar date `days` from today (UTC; the instalments are a day either side of any boundary). */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  const [client] = await t.db.insert(clients).values({ name: "Fournil", legalName: "Fournil SAS", jurisdiction: "FR", countryCode: "FR" }).returning();
  const [debtor] = await t.db.insert(debtors).values({ clientId: client!.id, kind: "person", type: "consumer", lastName: "Martin", locale: "fr", jurisdiction: "FR" }).returning();
  const [kase] = await t.db
    .insert(cases)
    .values({ clientId: client!.id, debtorId: debtor!.id, reference: "RC-W-2", paymentReference: "RF18539007547034", stage: "arrangement", jurisdiction: "FR", currency: "EUR", placedOn: "2027-01-04", balanceCents: 60_000 })
    .returning();
  const [claim] = await t.db.insert(claims).values({ caseId: kase!.id, clientId: client!.id, invoiceNumber: "F-1", issuedOn: "2026-11-01", dueOn: "2026-12-01", principalCents: 60_000, currency: "EUR" }).returning();
  await t.db.insert(ledgerEntries).values({ caseId: kase!.id, clientId: client!.id, component: "principal", kind: "placed", amountCents: 60_000, currency: "EUR", effectiveOn: "2027-01-04", claimId: claim!.id });
  const [arrangement] = await t.db
    .insert(arrangements)
    .values({ caseId: kase!.id, clientId: client!.id, kind: "plan", status: "active", proposedBy: "debtor", terms: { frequency: "monthly" }, totalCents: 60_000, currency: "EUR", acceptedAt: new Date() })
    .returning();
  const [due, later] = await t.db
    .insert(instalments)
    .values([
      { arrangementId: arrangement!.id, seq: 1, dueOn: day(-2), amountCents: 30_000 },
      { arrangementId: arrangement!.id, seq: 2, dueOn: day(28), amountCents: 30_000 },
    ])
    .returning();
  await t.db.insert(paymentMandates).values({
    caseId: kase!.id,
    clientId: client!.id,
    arrangementId: arrangement!.id,
    provider: "demo",
    method: "card",
    providerSetupId: "cs_demo_worker",
    providerCustomerId: "cus_demo_worker",
    providerPaymentMethodId: "pm_demo_card_worker",
    label: "Visa •••• 4242",
    createdAt: new Date(),
  });
  plan = { caseId: kase!.id, dueId: due!.id, laterId: later!.id };
});

const paymentsOfCase = () => t.sql<{ external_id: string; amount_cents: string }[]>`select external_id, amount_cents from payments where case_id = ${plan.caseId}`;

describe("instalment collection job", () => {
  it("is scheduled daily and, sent on demand, charges the due instalment once however often it runs", async () => {
    worker = await startWorker({ databaseUrl: t.url, workerName: "worker@collection", jobs: (deps) => [instalmentCollectionJob(deps, provider)], log: () => {} });
    expect(await worker.boss.getSchedules()).toEqual([expect.objectContaining({ name: INSTALMENT_COLLECTION_QUEUE, cron: INSTALMENT_COLLECTION_CRON })]);
    expect(await worker.boss.getQueue(INSTALMENT_COLLECTION_QUEUE)).toMatchObject({ name: INSTALMENT_COLLECTION_QUEUE, retryLimit: 0 });

    await worker.boss.send(INSTALMENT_COLLECTION_QUEUE, {});
    const booked = await waitFor(async () => {
      const rows = await paymentsOfCase();
      return rows.length > 0 ? rows : undefined;
    }, 15_000);
    expect(booked).toHaveLength(1);
    expect(booked[0]!.external_id).toMatch(/^pi_demo_/);
    expect(Number(booked[0]!.amount_cents)).toBe(30_000);

    // Two more runs the same day: nothing more is asked or booked.
    await Promise.all([worker.boss.send(INSTALMENT_COLLECTION_QUEUE, {}), worker.boss.send(INSTALMENT_COLLECTION_QUEUE, {})]);
    await waitFor(async () => {
      const [row] = await t.sql<{ n: number }[]>`select count(*)::int as n from pgboss.job where name = ${INSTALMENT_COLLECTION_QUEUE} and state = 'completed'`;
      return row!.n >= 3 ? row : undefined;
    }, 15_000);
    expect(keys).toEqual([`instalment:${plan.dueId}:1`]);
    expect(await paymentsOfCase()).toHaveLength(1);
    const lines = await t.sql<{ id: string; status: string; collection_requested_at: Date | null }[]>`select id, status, collection_requested_at from instalments where id in (${plan.dueId}, ${plan.laterId}) order by seq`;
    expect(lines.map((l) => l.status)).toEqual(["paid", "scheduled"]);
    expect(lines[0]!.collection_requested_at).not.toBeNull();
    expect(lines[1]!.collection_requested_at).toBeNull();
  });
});
