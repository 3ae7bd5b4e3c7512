/**
 * Minimal rows for use-case tests: each helper inserts one valid row and returns it, with defaults
 * a test can override. Kept beside the tests (not exported by the package).
 */
import { cases, clients, debtors, ledgerEntries, type Case, type Client, type Db, type Debtor } from "@recouvra/db";
import type { CaseStage, LedgerComponent, LedgerKind } from "@recouvra/domain";
import { randomUUID } from "node:crypto";

let sequence = 0;
const next = () => ++sequence;

export async function insertClient(db: Db, overrides: Partial<typeof clients.$inferInsert> = {}): Promise<Client> {
  const n = next();
  const [row] = await db
    .insert(clients)
    .values({ name: `Client ${n}`, legalName: `Client ${n} SAS`, jurisdiction: "FR", countryCode: "FR", ...overrides })
    .returning();
  return row!;
}

export async function insertDebtor(db: Db, clientId: string): Promise<Debtor> {
  const [row] = await db
    .insert(debtors)
    .values({ clientId, kind: "person", type: "consumer", lastName: `Debtor ${next()}`, locale: "fr", jurisdiction: "FR" })
    .returning();
  return row!;
}

/** A case in `stage` with a placed principal of `principalCents` (0 = no ledger entry). */
export async function insertCase(
  db: Db,
  { client, stage = "new", principalCents = 0 }: { client: Client; stage?: CaseStage; principalCents?: number },
): Promise<Case> {
  const debtor = await insertDebtor(db, client.id);
  const n = next();
  const closed = stage === "closed";
  const [row] = await db
    .insert(cases)
    .values({
      clientId: client.id,
      debtorId: debtor.id,
      reference: `RC-TEST-${n}-${randomUUID().slice(0, 8)}`,
      paymentReference: `RF-TEST-${n}-${randomUUID().slice(0, 8)}`,
      stage,
      closureReason: closed ? "paid" : null,
      closedOn: closed ? "2027-02-01" : null,
      jurisdiction: "FR",
      currency: "EUR",
      placedOn: "2027-01-04",
    })
    .returning();
  if (principalCents !== 0) await insertLedgerEntry(db, row!, { amountCents: principalCents });
  return row!;
}

export async function insertLedgerEntry(
  db: Db,
  kase: Case,
  { amountCents, component = "principal", kind = "placed" }: { amountCents: number; component?: LedgerComponent; kind?: LedgerKind },
): Promise<void> {
  await db.insert(ledgerEntries).values({
    caseId: kase.id,
    clientId: kase.clientId,
    component,
    kind,
    amountCents,
    currency: kase.currency,
    effectiveOn: kase.placedOn,
  });
}
