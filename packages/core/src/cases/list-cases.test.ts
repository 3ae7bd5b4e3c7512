import { cases, claims, clients, debtors, teams, users, type Client } from "@recouvra/db";
import { useTestDb } from "@recouvra/db/testing";
import { isDomainError } from "@recouvra/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock, type Actor, type Ctx } from "../context.ts";
import { listCases } from "./list-cases.ts";

const t = useTestDb();
const clock = fixedClock("2027-03-15T10:00:00Z");
let clientA: Client;
let clientB: Client;
let teamId: string;
let agentId: string;

const ctx = (actor: Actor): Ctx => ({ db: t.db, clock, actor });

beforeAll(async () => {
  [clientA, clientB] = (await t.db
    .insert(clients)
    .values([
      { name: "Alpha", legalName: "Alpha SA", jurisdiction: "BE", countryCode: "BE" },
      { name: "Beta", legalName: "Beta BV", jurisdiction: "NL", countryCode: "NL" },
    ])
    .returning()) as [Client, Client];
  const [team] = await t.db.insert(teams).values({ name: "T" }).returning();
  teamId = team!.id;
  const [agent] = await t.db.insert(users).values({ email: "ag@x.test", displayName: "Ag", role: "agent", teamId }).returning();
  agentId = agent!.id;
  // 30 open cases of Alpha (one of them for "Janssens"), 2 closed; 1 open case of Beta in another team.
  const people = await t.db
    .insert(debtors)
    .values(
      Array.from({ length: 33 }, (_, i) => ({
        clientId: i < 32 ? clientA.id : clientB.id,
        kind: i === 5 ? ("company" as const) : ("person" as const),
        type: "consumer" as const,
        lastName: i === 3 ? "Janssens" : i === 5 ? null : `Debtor${i}`,
        companyName: i === 5 ? "Acme_Works" : null,
        locale: "fr" as const,
        jurisdiction: "BE" as const,
      })),
    )
    .returning();
  const rows = await t.db
    .insert(cases)
    .values(
      people.map((d, i) => ({
        clientId: d.clientId,
        debtorId: d.id,
        reference: `RC-2027-${String(i).padStart(6, "0")}`,
        paymentReference: `RF-${i}`,
        stage: i >= 30 && i < 32 ? "closed" : i % 2 ? "notified" : "new",
        closureReason: i >= 30 && i < 32 ? "paid" : null,
        closedOn: i >= 30 && i < 32 ? "2027-03-01" : null,
        jurisdiction: "BE",
        currency: "EUR",
        placedOn: `2027-01-${String((i % 28) + 1).padStart(2, "0")}`,
        teamId: i < 32 ? teamId : null,
        balanceCents: 1000 * i,
      })),
    )
    .returning();
  await t.db.insert(claims).values({ caseId: rows[7]!.id, clientId: clientA.id, invoiceNumber: "F2026-0777", issuedOn: "2026-10-01", dueOn: "2026-11-01", principalCents: 5000, currency: "EUR" });
});

const admin: Actor = { kind: "user", userId: "a", role: "admin" };

describe("listCases", () => {
  it("pages through open cases, newest placement first", async () => {
    const first = await listCases({ ctx: ctx(admin), input: { status: "open", page: 1 } });
    expect(first.total).toBe(31);
    expect(first.items).toHaveLength(25);
    expect(first.pageCount).toBe(2);
    const dates = first.items.map((i) => i.placedOn);
    expect(dates).toEqual([...dates].sort().reverse());
    const second = await listCases({ ctx: ctx(admin), input: { status: "open", page: 2 } });
    expect(second.items).toHaveLength(6);
    const beyond = await listCases({ ctx: ctx(admin), input: { status: "open", page: 9 } });
    expect(beyond).toMatchObject({ items: [], total: 31, pageCount: 2 });
  });

  it("filters by status, stage and client", async () => {
    expect((await listCases({ ctx: ctx(admin), input: { status: "closed" } })).total).toBe(2);
    expect((await listCases({ ctx: ctx(admin), input: { status: "all" } })).total).toBe(33);
    const notified = await listCases({ ctx: ctx(admin), input: { status: "all", stage: "notified" } });
    expect(notified.items.every((i) => i.stage === "notified")).toBe(true);
    expect((await listCases({ ctx: ctx(admin), input: { status: "all", clientId: clientB.id } })).total).toBe(1);
  });

  it("searches by reference, debtor name and invoice number, treating wildcards literally", async () => {
    const search = async (s: string) => (await listCases({ ctx: ctx(admin), input: { status: "all", search: s } })).items.map((i) => i.reference);
    expect(await search("rc-2027-000012")).toEqual(["RC-2027-000012"]);
    expect(await search("janss")).toEqual(["RC-2027-000003"]);
    expect(await search("acme_")).toEqual(["RC-2027-000005"]);
    expect(await search("acme%")).toEqual([]);
    expect(await search("f2026-07")).toEqual(["RC-2027-000007"]);
  });

  it("gives a client user its own cases only, whatever client it asks for", async () => {
    const own: Actor = { kind: "user", userId: "c", role: "client", clientId: clientB.id };
    const list = await listCases({ ctx: ctx(own), input: { status: "all", clientId: clientA.id } });
    expect(list.total).toBe(1);
    expect(list.items[0]!.clientName).toBe("Beta");
    expect(list.clients).toEqual([{ id: clientB.id, name: "Beta" }]);
  });

  it("gives an agent its team's cases", async () => {
    const list = await listCases({ ctx: ctx({ kind: "user", userId: agentId, role: "agent", teamId }), input: { status: "all" } });
    expect(list.total).toBe(32);
    expect(list.clients.map((c) => c.name)).toEqual(["Alpha"]);
  });

  it("refuses debtors and bad input", async () => {
    const debtor = await listCases({ ctx: ctx({ kind: "debtor", debtorId: "d", caseIds: [] }), input: {} }).catch((e: unknown) => e);
    expect(isDomainError(debtor, "FORBIDDEN")).toBe(true);
    const bad = await listCases({ ctx: ctx(admin), input: { clientId: "x" } }).catch((e: unknown) => e);
    expect(isDomainError(bad, "VALIDATION")).toBe(true);
  });
});
