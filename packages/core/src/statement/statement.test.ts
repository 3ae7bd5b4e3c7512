import { arrangements, cases, claims, documents, instalments, ledgerEntries, messages, paymentAllocations, payments, type Case, type Client } from "@recouvra/db";
import { useTestDb } from "@recouvra/db/testing";
import { isDomainError, nlCollectionCosts } from "@recouvra/domain";
import { eq } from "drizzle-orm";
import { createHash, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock, type Actor, type Ctx } from "../context.ts";
import { databaseFileStorage } from "../storage/file-storage.ts";
import { insertCase, insertClient } from "../testing/fixtures.ts";
import { getDebtorDocument } from "./get-debtor-document.ts";
import { getDebtorStatement } from "./get-debtor-statement.ts";

const t = useTestDb();
const clock = fixedClock("2027-03-20T10:00:00Z");
let client: Client;
let kase: Case;
let other: Case;
const docs = {} as Record<"notice" | "invoice" | "dossier" | "otherCase", string>;

const ctx = (actor: Actor): Ctx => ({ db: t.db, clock, actor });
const debtorOf = (c: Case): Actor => ({ kind: "debtor", debtorId: c.debtorId, caseIds: [c.id] });

async function addDocument(c: Case, kind: string, filename: string): Promise<string> {
  const bytes = new TextEncoder().encode(`%PDF-1.4 ${filename}`);
  const key = `test/${randomUUID()}`;
  await databaseFileStorage.put(t.db, key, bytes);
  const [row] = await t.db
    .insert(documents)
    .values({ clientId: c.clientId, caseId: c.id, kind, filename, mimeType: "application/pdf", sizeBytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex"), storageKey: key })
    .returning();
  return row!.id;
}

async function expectNotFound(run: () => Promise<unknown>) {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(isDomainError(error) && error.code).toBe("NOT_FOUND");
}

// A Dutch consumer case: €1,000 invoice due 1 February 2027, the fourteen-day letter received on
// 1 March (term 2–15 March), €150 statutory collection costs from 16 March, a €200 payment.
beforeAll(async () => {
  client = await insertClient(t.db, { jurisdiction: "NL", countryCode: "NL", name: "Fietsen BV", legalName: "Fietsen Amsterdam BV" });
  const placed = await insertCase(t.db, { client, stage: "notified" });
  const [dutch] = await t.db.update(cases).set({ jurisdiction: "NL" }).where(eq(cases.id, placed.id)).returning();
  kase = dutch!;
  other = await insertCase(t.db, { client });
  const [claim] = await t.db
    .insert(claims)
    .values({ caseId: kase.id, clientId: client.id, invoiceNumber: "NL-2027-7", issuedOn: "2027-01-02", dueOn: "2027-02-01", principalCents: 1_000_00, currency: "EUR" })
    .returning();
  const entry = (e: Partial<typeof ledgerEntries.$inferInsert>) => ({ caseId: kase.id, clientId: client.id, currency: "EUR", ...e }) as typeof ledgerEntries.$inferInsert;
  const [payment] = await t.db
    .insert(payments)
    .values({ caseId: kase.id, clientId: client.id, provider: "bank_transfer", externalId: "bank:1", amountCents: 200_00, currency: "EUR", receivedAt: new Date("2027-03-18T09:00:00Z") })
    .returning();
  await t.db.insert(paymentAllocations).values([
    { paymentId: payment!.id, component: "costs", amountCents: 150_00 },
    { paymentId: payment!.id, component: "principal", amountCents: 50_00 },
  ]);
  await t.db.insert(ledgerEntries).values([
    entry({ component: "principal", kind: "placed", amountCents: 1_000_00, effectiveOn: "2027-02-01", claimId: claim!.id }),
    entry({
      component: "costs",
      kind: "charged",
      amountCents: nlCollectionCosts(1_000_00),
      effectiveOn: "2027-03-16",
      description: "Buitengerechtelijke incassokosten (art. 6:96 BW, Besluit vergoeding voor buitengerechtelijke incassokosten)",
    }),
    entry({ component: "costs", kind: "payment", amountCents: -150_00, effectiveOn: "2027-03-18", paymentId: payment!.id }),
    entry({ component: "principal", kind: "payment", amountCents: -50_00, effectiveOn: "2027-03-18", paymentId: payment!.id }),
  ]);
  const message = (deadline: string, key: string, createdAt: string) => ({
    caseId: kase.id,
    clientId: client.id,
    channel: "email",
    direction: "outbound",
    template: "fourteen_day_letter",
    recipient: "jan@example.test",
    status: "delivered",
    idempotencyKey: key,
    data: { deadline },
    createdAt: new Date(createdAt),
  });
  await t.db.insert(messages).values([message("2027-03-15", "t:1", "2027-03-01T08:00:00Z"), message("2027-04-02", "t:2", "2027-03-19T08:00:00Z")]);
  docs.notice = await addDocument(kase, "formal_notice", "veertiendagenbrief.pdf");
  docs.invoice = await addDocument(kase, "invoice", "NL-2027-7.pdf");
  docs.dossier = await addDocument(kase, "legal_dossier", "dossier.pdf");
  docs.otherCase = await addDocument(other, "formal_notice", "other.pdf");
});

describe("getDebtorStatement", () => {
  it("gives the debtor their case, every amount explained, in their language or the one asked for", async () => {
    const s = await getDebtorStatement({ ctx: ctx(debtorOf(kase)), input: { caseId: kase.id, language: "en" } });
    expect(s.language).toBe("en");
    expect(s.creditor).toEqual({ name: "Fietsen BV", legalName: "Fietsen Amsterdam BV" });
    expect(s.invoices).toEqual([expect.objectContaining({ invoiceNumber: "NL-2027-7", dueOn: "2027-02-01", principalCents: 1_000_00 })]);
    expect(s.costs).toHaveLength(1);
    expect(s.costs[0]).toMatchObject({ amountCents: 150_00, title: "Collection costs", effectiveOn: "2027-03-16" });
    expect(s.costs[0]!.detail).toContain("ended on 15 March 2027");
    expect(s.interest).toEqual([]);
    expect(s.payments).toEqual([
      expect.objectContaining({
        receivedOn: "2027-03-18",
        amountCents: 200_00,
        provider: "bank_transfer",
        allocation: [
          { component: "costs", amountCents: 150_00 },
          { component: "principal", amountCents: 50_00 },
        ],
      }),
    ]);
    expect(s.balance).toMatchObject({ principalCents: 950_00, costsCents: 0, totalCents: 950_00, paidCents: 200_00 });
    expect(s.allocationRule).toContain("6:44");
    // The latest letter's date stands, not the first one's.
    expect(s.deadline).toBe("2027-04-02");
    expect(s.commitment).toBeNull();

    const fr = await getDebtorStatement({ ctx: ctx(debtorOf(kase)), input: { caseId: kase.id } });
    expect(fr.language).toBe("fr");
    expect(fr.costs[0]!.title).toBe("Frais de recouvrement");
  });

  it("lists only the documents a debtor may see", async () => {
    const s = await getDebtorStatement({ ctx: ctx(debtorOf(kase)), input: { caseId: kase.id } });
    expect(s.documents.map((d) => d.id).sort()).toEqual([docs.notice, docs.invoice].sort());
  });

  it("shows a live plan with its next instalment, and no past deadline", async () => {
    const [plan] = await t.db
      .insert(arrangements)
      .values({ caseId: other.id, clientId: client.id, kind: "plan", status: "active", proposedBy: "debtor", totalCents: 300_00, currency: "EUR", terms: {}, acceptedAt: new Date("2027-02-20T10:00:00Z") })
      .returning();
    await t.db.insert(instalments).values([
      { arrangementId: plan!.id, seq: 1, dueOn: "2027-03-01", amountCents: 100_00, paidCents: 100_00, status: "paid" },
      { arrangementId: plan!.id, seq: 2, dueOn: "2027-04-01", amountCents: 100_00, status: "scheduled" },
      { arrangementId: plan!.id, seq: 3, dueOn: "2027-05-01", amountCents: 100_00, status: "scheduled" },
    ]);
    const s = await getDebtorStatement({ ctx: ctx(debtorOf(other)), input: { caseId: other.id } });
    expect(s.commitment).toMatchObject({ kind: "plan", totalCents: 300_00, nextDue: { dueOn: "2027-04-01", amountCents: 100_00 } });
    expect(s.deadline).toBeNull();
  });

  it("is NOT_FOUND for another debtor's case, a case outside the session, staff, client users and the system", async () => {
    await expectNotFound(() => getDebtorStatement({ ctx: ctx(debtorOf(other)), input: { caseId: kase.id } }));
    // A session naming the case but another debtor (a forged actor) still gets nothing.
    await expectNotFound(() => getDebtorStatement({ ctx: ctx({ kind: "debtor", debtorId: other.debtorId, caseIds: [kase.id] }), input: { caseId: kase.id } }));
    await expectNotFound(() => getDebtorStatement({ ctx: ctx({ kind: "user", userId: randomUUID(), role: "admin" }), input: { caseId: kase.id } }));
    await expectNotFound(() => getDebtorStatement({ ctx: ctx({ kind: "user", userId: randomUUID(), role: "client", clientId: client.id }), input: { caseId: kase.id } }));
    await expectNotFound(() => getDebtorStatement({ ctx: ctx({ kind: "system", name: "test" }), input: { caseId: kase.id } }));
    await expectNotFound(() => getDebtorStatement({ ctx: ctx(debtorOf(kase)), input: { caseId: "not-a-uuid" } }));
  });
});

describe("getDebtorDocument", () => {
  it("serves the debtor's letters and invoices with their bytes", async () => {
    const doc = await getDebtorDocument({ ctx: ctx(debtorOf(kase)), input: { caseId: kase.id, documentId: docs.notice } });
    expect(doc.filename).toBe("veertiendagenbrief.pdf");
    expect(new TextDecoder().decode(doc.bytes)).toBe("%PDF-1.4 veertiendagenbrief.pdf");
  });

  it("is NOT_FOUND for internal files, another case's files, other actors and malformed ids", async () => {
    await expectNotFound(() => getDebtorDocument({ ctx: ctx(debtorOf(kase)), input: { caseId: kase.id, documentId: docs.dossier } }));
    await expectNotFound(() => getDebtorDocument({ ctx: ctx(debtorOf(kase)), input: { caseId: kase.id, documentId: docs.otherCase } }));
    await expectNotFound(() => getDebtorDocument({ ctx: ctx(debtorOf(other)), input: { caseId: kase.id, documentId: docs.notice } }));
    await expectNotFound(() => getDebtorDocument({ ctx: ctx(debtorOf(other)), input: { caseId: other.id, documentId: docs.notice } }));
    await expectNotFound(() => getDebtorDocument({ ctx: ctx({ kind: "user", userId: randomUUID(), role: "admin" }), input: { caseId: kase.id, documentId: docs.notice } }));
    await expectNotFound(() => getDebtorDocument({ ctx: ctx(debtorOf(kase)), input: { caseId: kase.id, documentId: "../etc/passwd" } }));
  });
});
