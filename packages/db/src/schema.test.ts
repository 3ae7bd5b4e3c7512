import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "./client.ts";
import {
  cases,
  claims,
  clients,
  debtors,
  importBatches,
  importRows,
  ledgerEntries,
  messages,
  payments,
  users,
  type NewCase,
} from "./schema/index.ts";
import { useTestDb } from "./testing/index.ts";

const t = useTestDb();

let counter = 0;
const next = () => ++counter;

async function makeClient(db: Db) {
  const n = next();
  const [client] = await db
    .insert(clients)
    .values({ name: `Client ${n}`, legalName: `Client ${n} SAS`, jurisdiction: "FR", countryCode: "FR" })
    .returning();
  return client!;
}

async function makeCase(db: Db, overrides: Partial<NewCase> = {}) {
  const client = overrides.clientId ? { id: overrides.clientId } : await makeClient(db);
  const [debtor] = await db
    .insert(debtors)
    .values({ clientId: client.id, kind: "person", type: "consumer", lastName: "Martin", locale: "fr", jurisdiction: "FR" })
    .returning();
  const n = next();
  const [row] = await db
    .insert(cases)
    .values({
      clientId: client.id,
      debtorId: debtor!.id,
      reference: `RC-TEST-${n}`,
      paymentReference: `RF${n}`,
      jurisdiction: "FR",
      currency: "EUR",
      placedOn: "2026-01-15",
      ...overrides,
    })
    .returning();
  return row!;
}

/** The error postgres raised, whether or not drizzle wrapped it. */
function pgError(error: unknown): { code?: string; constraint_name?: string; message: string } {
  const e = error as { cause?: unknown; code?: string; message: string };
  return (e.code ? e : (e.cause ?? e)) as { code?: string; constraint_name?: string; message: string };
}

async function expectViolation(work: Promise<unknown>, constraint: string) {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected ${constraint} to reject the write`).toBeDefined();
  expect(pgError(error).constraint_name).toBe(constraint);
}

describe("schema constraints", () => {
  it("accepts a well-formed case with a claim", async () => {
    const c = await makeCase(t.db);
    await t.db.insert(claims).values({
      caseId: c.id,
      clientId: c.clientId,
      invoiceNumber: "F-1",
      issuedOn: "2025-11-01",
      dueOn: "2025-12-01",
      principalCents: 125_000,
      currency: "EUR",
    });
    const [row] = await t.db.select().from(cases).where(eq(cases.id, c.id));
    expect(row).toMatchObject({ stage: "new", holds: [], version: 1 });
  });

  it("rejects a non-positive principal", async () => {
    const c = await makeCase(t.db);
    await expectViolation(
      t.db.insert(claims).values({
        caseId: c.id,
        clientId: c.clientId,
        invoiceNumber: "F-NEG",
        issuedOn: "2025-11-01",
        dueOn: "2025-12-01",
        principalCents: -100,
        currency: "EUR",
      }),
      "claims_principal_check",
    );
  });

  it("places a creditor's invoice once", async () => {
    const c = await makeCase(t.db);
    const claim = {
      caseId: c.id,
      clientId: c.clientId,
      invoiceNumber: "F-DUP",
      issuedOn: "2025-11-01",
      dueOn: "2025-12-01",
      principalCents: 1000,
      currency: "EUR",
    };
    await t.db.insert(claims).values(claim);
    await expectViolation(t.db.insert(claims).values(claim), "claims_client_invoice_key");
  });

  it("keeps a claim inside its case's client", async () => {
    const c = await makeCase(t.db);
    const other = await makeClient(t.db);
    await expectViolation(
      t.db.insert(claims).values({
        caseId: c.id,
        clientId: other.id,
        invoiceNumber: "F-X",
        issuedOn: "2025-11-01",
        dueOn: "2025-12-01",
        principalCents: 1000,
        currency: "EUR",
      }),
      "claims_case_fk",
    );
  });

  it("rejects an unknown stage and an unknown hold", async () => {
    await expectViolation(makeCase(t.db, { stage: "lost" }), "cases_stage_check");
    await expectViolation(makeCase(t.db, { holds: ["disputed", "on_holiday"] }), "cases_holds_check");
  });

  it("requires a closure reason exactly when the case is closed", async () => {
    await expectViolation(makeCase(t.db, { closureReason: "paid" }), "cases_closure_reason_set_check");
    await expectViolation(makeCase(t.db, { stage: "closed", closedOn: "2026-02-01" }), "cases_closure_reason_set_check");
    const closed = await makeCase(t.db, { stage: "closed", closureReason: "paid", closedOn: "2026-02-01" });
    expect(closed.stage).toBe("closed");
  });

  it("binds client users, and only them, to a client", async () => {
    const client = await makeClient(t.db);
    await expectViolation(
      t.db.insert(users).values({ email: "c@example.test", displayName: "C", role: "client" }),
      "users_client_binding_check",
    );
    await expectViolation(
      t.db.insert(users).values({ email: "a@example.test", displayName: "A", role: "agent", clientId: client.id }),
      "users_client_binding_check",
    );
    await expectViolation(
      t.db.insert(users).values({ email: "Mixed@Example.test", displayName: "M", role: "agent" }),
      "users_email_lower_check",
    );
  });

  it("records a provider's payment once and refuses a zero amount", async () => {
    const c = await makeCase(t.db);
    const payment = {
      caseId: c.id,
      clientId: c.clientId,
      provider: "stripe",
      externalId: "pi_123",
      amountCents: 5000,
      currency: "EUR",
      receivedAt: new Date("2026-02-01T10:00:00Z"),
    };
    await t.db.insert(payments).values(payment);
    await expectViolation(t.db.insert(payments).values(payment), "payments_provider_external_id_key");
    // The same id from another provider is another payment.
    await t.db.insert(payments).values({ ...payment, provider: "demo" });
    await expectViolation(
      t.db.insert(payments).values({ ...payment, externalId: "pi_0", amountCents: 0 }),
      "payments_amount_check",
    );
  });

  it("enqueues a message once per idempotency key", async () => {
    const c = await makeCase(t.db);
    const message = {
      caseId: c.id,
      clientId: c.clientId,
      channel: "email",
      direction: "outbound",
      recipient: "debtor@example.test",
      idempotencyKey: `notice:${c.id}`,
    };
    await t.db.insert(messages).values(message);
    await expectViolation(t.db.insert(messages).values(message), "messages_idempotency_key_key");
    await expectViolation(
      t.db.insert(messages).values({ ...message, idempotencyKey: "other", clientId: null }),
      "messages_case_client_check",
    );
  });

  it("keeps the ledger append-only and its amounts non-zero", async () => {
    const c = await makeCase(t.db);
    const [entry] = await t.db
      .insert(ledgerEntries)
      .values({
        caseId: c.id,
        clientId: c.clientId,
        component: "principal",
        kind: "placed",
        amountCents: 125_000,
        currency: "EUR",
        effectiveOn: "2026-01-15",
      })
      .returning();
    await expectViolation(
      t.db.insert(ledgerEntries).values({
        caseId: c.id,
        clientId: c.clientId,
        component: "principal",
        kind: "adjustment",
        amountCents: 0,
        currency: "EUR",
        effectiveOn: "2026-01-15",
      }),
      "ledger_entries_amount_check",
    );

    for (const change of [
      t.db.update(ledgerEntries).set({ amountCents: 1 }).where(eq(ledgerEntries.id, entry!.id)),
      t.db.delete(ledgerEntries).where(eq(ledgerEntries.id, entry!.id)),
    ]) {
      const error = await change.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeDefined();
      expect(pgError(error).code).toBe("23001");
      expect(pgError(error).message).toContain("append-only");
    }
    const [{ count }] = (await t.db.execute<{ count: number }>(
      sql`select count(*)::int as count from ledger_entries where amount_cents = 125000`,
    )) as unknown as [{ count: number }];
    expect(count).toBe(1);
  });

  it("imports a client's row key once", async () => {
    const client = await makeClient(t.db);
    const [batch] = await t.db.insert(importBatches).values({ clientId: client.id, source: "csv" }).returning();
    const row = { batchId: batch!.id, clientId: client.id, rowKey: "INV-9", rowNumber: 1, status: "created", raw: {} };
    await t.db.insert(importRows).values(row);
    await expectViolation(t.db.insert(importRows).values({ ...row, rowNumber: 2 }), "import_rows_client_row_key");
  });
});
