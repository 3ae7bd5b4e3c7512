import {
  appendAuditEvents,
  arrangements,
  cases,
  claims,
  clients,
  contactPoints,
  debtors,
  disputes,
  documents,
  instalments,
  interactions,
  ledgerEntries,
  messages,
  notes,
  paymentAllocations,
  payments,
  promises,
  teams,
  users,
  type Case,
} from "@recouvra/db";
import { useTestDb } from "@recouvra/db/testing";
import { isDomainError } from "@recouvra/domain";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock, type Actor, type Ctx } from "../context.ts";
import { getCaseFile } from "./get-case-file.ts";

const t = useTestDb();
const clock = fixedClock("2027-03-15T10:00:00Z");
let kase: Case;
let otherCase: Case;
const ids = {} as Record<"clientA" | "clientB" | "agent" | "team" | "claim1" | "claim2" | "payment" | "sharedNote" | "privateNote", string>;

const ctx = (actor: Actor): Ctx => ({ db: t.db, clock, actor });
const agent = (): Actor => ({ kind: "user", userId: ids.agent, role: "agent", teamId: ids.team });
const clientUser = (clientId: string): Actor => ({ kind: "user", userId: "00000000-0000-4000-8000-00000000c11e", role: "client", clientId });

beforeAll(async () => {
  const [a, b] = await t.db
    .insert(clients)
    .values([
      { name: "Kleurrijk Wonen", legalName: "Kleurrijk Wonen BV", jurisdiction: "NL", countryCode: "NL" },
      { name: "Other", legalName: "Other SA", jurisdiction: "FR", countryCode: "FR" },
    ])
    .returning();
  const [team] = await t.db.insert(teams).values({ name: "NL team" }).returning();
  const [agentRow] = await t.db.insert(users).values({ email: "sanne@x.test", displayName: "Sanne Vermeulen", role: "agent", teamId: team!.id }).returning();
  const [debtor, otherDebtor] = await t.db
    .insert(debtors)
    .values([
      { clientId: a!.id, kind: "person", type: "consumer", firstName: "Jan", lastName: "de Vries", locale: "nl", jurisdiction: "NL" },
      { clientId: b!.id, kind: "company", type: "business", companyName: "Dupont SARL", locale: "fr", jurisdiction: "FR" },
    ])
    .returning();
  kase = (
    await t.db
      .insert(cases)
    .values({
      clientId: a!.id,
      debtorId: debtor!.id,
      reference: "RC-2027-000001",
      paymentReference: "RF18000000000001",
      stage: "arrangement",
      jurisdiction: "NL",
      currency: "EUR",
      placedOn: "2027-01-04",
      noticeSentOn: "2027-01-05",
      nextActionOn: "2027-03-20",
      nextActionKind: "check_instalment",
      assignedUserId: agentRow!.id,
      teamId: team!.id,
      balanceCents: 100_000 + 50_000 + 11_250 - 20_000,
      priorityScore: 42,
    })
      .returning()
  )[0]!;
  otherCase = (
    await t.db
      .insert(cases)
      .values({ clientId: b!.id, debtorId: otherDebtor!.id, reference: "RC-2027-000002", paymentReference: "RF18000000000002", jurisdiction: "FR", currency: "EUR", placedOn: "2027-02-01" })
      .returning()
  )[0]!;
  const [c1, c2] = await t.db
    .insert(claims)
    .values([
      { caseId: kase.id, clientId: a!.id, invoiceNumber: "INV-1", issuedOn: "2026-11-01", dueOn: "2026-12-01", principalCents: 100_000, currency: "EUR" },
      { caseId: kase.id, clientId: a!.id, invoiceNumber: "INV-2", issuedOn: "2026-11-15", dueOn: "2026-12-15", principalCents: 50_000, currency: "EUR" },
    ])
    .returning();
  const [payment] = await t.db
    .insert(payments)
    .values({ caseId: kase.id, clientId: a!.id, provider: "bank_transfer", externalId: "stmt-1", amountCents: 20_000, currency: "EUR", receivedAt: new Date("2027-02-10T09:00:00Z") })
    .returning();
  await t.db.insert(paymentAllocations).values([
    { paymentId: payment!.id, component: "costs", amountCents: 11_250 },
    { paymentId: payment!.id, component: "principal", amountCents: 8_750 },
  ]);
  const base = { caseId: kase.id, clientId: a!.id, currency: "EUR" };
  await t.db.insert(ledgerEntries).values([
    { ...base, component: "principal", kind: "placed", amountCents: 100_000, effectiveOn: "2026-12-01", claimId: c1!.id, reference: "INV-1" },
    { ...base, component: "principal", kind: "placed", amountCents: 50_000, effectiveOn: "2026-12-15", claimId: c2!.id, reference: "INV-2" },
    {
      ...base,
      component: "interest",
      kind: "accrued",
      amountCents: 1_000,
      effectiveOn: "2027-01-31",
      claimId: c1!.id,
      reference: "INV-1",
      description: "Wettelijke rente (art. 6:119 BW): €1,000.00 from 2026-12-01 to 2027-01-31 (61 days at 6%)",
    },
    {
      ...base,
      component: "costs",
      kind: "charged",
      amountCents: 11_250,
      effectiveOn: "2027-01-20",
      description: "Buitengerechtelijke incassokosten (art. 6:96 BW, Besluit vergoeding voor buitengerechtelijke incassokosten)",
    },
    { ...base, component: "costs", kind: "payment", amountCents: -11_250, effectiveOn: "2027-02-10", paymentId: payment!.id, reference: payment!.id },
    { ...base, component: "principal", kind: "payment", amountCents: -8_750, effectiveOn: "2027-02-10", paymentId: payment!.id, reference: payment!.id },
  ]);
  // The case row's cached balance matches the ledger: 150,000 + 1,000 + 11,250 − 20,000.
  await t.db.update(cases).set({ balanceCents: 142_250 }).where(eq(cases.id, kase.id));
  const [plan] = await t.db
    .insert(arrangements)
    .values({
      ...base,
      kind: "plan",
      status: "active",
      proposedBy: "agent",
      terms: { frequency: "monthly", count: 2 },
      totalCents: 142_250,
      acceptedAt: new Date("2027-02-15T10:00:00Z"),
      decisionReason: "Within the client's negotiation policy",
    })
    .returning();
  await t.db.insert(instalments).values([
    { arrangementId: plan!.id, seq: 2, dueOn: "2027-04-20", amountCents: 71_125 },
    { arrangementId: plan!.id, seq: 1, dueOn: "2027-03-20", amountCents: 71_125 },
  ]);
  await t.db.insert(promises).values({ ...base, promisedOn: "2027-02-01", dueOn: "2027-02-10", amountCents: 20_000, status: "kept", userId: agentRow!.id });
  await t.db.insert(disputes).values({
    caseId: kase.id,
    clientId: a!.id,
    reason: "amount_wrong",
    details: "Says INV-2 was credited",
    status: "rejected",
    openedAt: new Date("2027-01-25T10:00:00Z"),
    resolvedAt: new Date("2027-01-28T10:00:00Z"),
    resolution: "Credit note never issued",
  });
  const [phone] = await t.db
    .insert(contactPoints)
    .values([
      { debtorId: debtor!.id, clientId: a!.id, kind: "phone", value: "+31612345678", isPrimary: true, isVerified: true, hasConsent: true, source: "placement" },
      { debtorId: debtor!.id, clientId: a!.id, kind: "email", value: "jan@example.test", isInvalid: true, source: "placement" },
    ])
    .returning();
  const [message] = await t.db
    .insert(messages)
    .values({
      caseId: kase.id,
      clientId: a!.id,
      channel: "email",
      direction: "outbound",
      template: "fourteen_day_letter",
      recipient: "jan@example.test",
      subject: "Veertiendagenbrief",
      status: "bounced",
      idempotencyKey: "test:notice",
      sentAt: new Date("2027-01-05T08:00:00Z"),
    })
    .returning();
  await t.db.insert(interactions).values([
    { caseId: kase.id, clientId: a!.id, channel: "email", direction: "outbound", outcome: "bounced", messageId: message!.id, occurredAt: new Date("2027-01-05T08:00:00Z") },
    {
      caseId: kase.id,
      clientId: a!.id,
      channel: "phone",
      direction: "outbound",
      outcome: "promised",
      note: "Lost his job in December, can pay 200 on the 10th",
      userId: agentRow!.id,
      contactPointId: phone!.id,
      durationSeconds: 300,
      occurredAt: new Date("2027-02-01T10:00:00Z"),
    },
  ]);
  const [shared, secret] = await t.db
    .insert(notes)
    .values([
      { caseId: kase.id, clientId: a!.id, userId: agentRow!.id, body: "Debtor cooperative; plan agreed.", isSharedWithClient: true, createdAt: new Date("2027-02-15T11:00:00Z") },
      { caseId: kase.id, clientId: a!.id, userId: agentRow!.id, body: "Internal: mentioned health problems.", createdAt: new Date("2027-02-15T11:05:00Z") },
    ])
    .returning();
  await t.db.insert(documents).values({
    clientId: a!.id,
    caseId: kase.id,
    claimId: c1!.id,
    kind: "invoice",
    filename: "INV-1.pdf",
    mimeType: "application/pdf",
    sizeBytes: 1234,
    sha256: "a".repeat(64),
    storageKey: "test/inv-1.pdf",
  });
  await appendAuditEvents(t.db, [
    { occurredAt: new Date("2027-01-04T06:00:00Z"), actorKind: "client_api", actorId: a!.id, action: "case.placed", entityType: "case", entityId: kase.id, caseId: kase.id, clientId: a!.id, data: { claims: [{}, {}], source: "api" } },
    { occurredAt: new Date("2027-01-05T08:00:00Z"), actorKind: "system", action: "case.stage_changed", entityType: "case", entityId: kase.id, caseId: kase.id, clientId: a!.id, data: { from: "new", to: "notified", cause: "notice_sent" } },
    { occurredAt: new Date("2027-01-20T06:00:00Z"), actorKind: "system", action: "ledger.costs_charged", entityType: "case", entityId: kase.id, caseId: kase.id, clientId: a!.id, data: { amountCents: 11_250 } },
    { occurredAt: new Date("2027-01-25T10:00:00Z"), actorKind: "system", action: "case.hold_set", entityType: "case", entityId: kase.id, caseId: kase.id, clientId: a!.id, data: { hold: "disputed" } },
    { occurredAt: new Date("2027-02-15T10:00:00Z"), actorKind: "user", actorId: agentRow!.id, action: "arrangement.accepted", entityType: "arrangement", entityId: plan!.id, caseId: kase.id, clientId: a!.id, data: { totalCents: 142_250, instalments: 2 } },
  ]);
  Object.assign(ids, { clientA: a!.id, clientB: b!.id, agent: agentRow!.id, team: team!.id, claim1: c1!.id, claim2: c2!.id, payment: payment!.id, sharedNote: shared!.id, privateNote: secret!.id });
});

describe("getCaseFile", () => {
  it("builds the header with the key facts", async () => {
    const file = await getCaseFile({ ctx: ctx(agent()), input: { caseId: kase.id } });
    expect(file.viewer).toBe("staff");
    expect(file.canWork).toBe(true);
    expect(file.header).toMatchObject({
      reference: "RC-2027-000001",
      paymentReference: "RF18000000000001",
      stage: "arrangement",
      debtor: { name: "Jan de Vries", type: "consumer", locale: "nl" },
      client: { name: "Kleurrijk Wonen" },
      daysSincePlacement: 70,
      daysSinceNotice: 69,
      nextAction: { on: "2027-03-20", kind: "check_instalment", isOverdue: false },
      assignedTo: { name: "Sanne Vermeulen" },
      team: { name: "NL team" },
      priorityScore: 42,
    });
  });

  it("splits the balance and explains each component", async () => {
    const { balance } = await getCaseFile({ ctx: ctx(agent()), input: { caseId: kase.id } });
    expect(balance.totals).toEqual({ principalCents: 141_250, interestCents: 1_000, costsCents: 0, feesCents: 0, totalCents: 142_250 });
    expect(balance.isOutOfStep).toBe(false);
    const principal = balance.components.find((c) => c.component === "principal")!;
    expect(principal.lines.map((l) => [l.invoiceNumber, l.amountCents])).toEqual([
      ["INV-1", 100_000],
      ["INV-2", 50_000],
      [null, -8_750],
    ]);
    const interest = balance.components.find((c) => c.component === "interest")!.lines[0]!;
    expect(interest.interest).toEqual({ from: "2026-12-01", to: "2027-01-31", days: 61, rates: "6%", onPrincipal: "€1,000.00" });
    expect(interest.basis).toBe("Wettelijke rente (art. 6:119 BW)");
    const costs = balance.components.find((c) => c.component === "costs")!.lines;
    expect(costs[0]!.summary).toContain("14-day term ended on 2027-01-19");
    expect(costs[0]!.basis).toContain("6:96 BW");
    expect(costs[1]!.summary).toContain("Bank transfer");
    expect(balance.allocationRule).toContain("6:44");
  });

  it("lists claims with their documents, the ledger with a running total and payments with their allocation", async () => {
    const file = await getCaseFile({ ctx: ctx(agent()), input: { caseId: kase.id } });
    expect(file.claims.map((c) => [c.invoiceNumber, c.principalCents, c.interestCents, c.documents.map((d) => d.filename)])).toEqual([
      ["INV-1", 100_000, 1_000, ["INV-1.pdf"]],
      ["INV-2", 50_000, 0, []],
    ]);
    expect(file.ledger).toHaveLength(6);
    expect(file.ledger.at(-1)!.runningBalanceCents).toBe(142_250);
    expect(file.payments).toEqual([
      expect.objectContaining({ id: ids.payment, amountCents: 20_000, allocation: [{ component: "costs", amountCents: 11_250 }, { component: "principal", amountCents: 8_750 }] }),
    ]);
    expect(file.documents).toHaveLength(1);
  });

  it("shows the live plan with its instalments in order, promises, disputes and contact points", async () => {
    const file = await getCaseFile({ ctx: ctx(agent()), input: { caseId: kase.id } });
    expect(file.arrangement).toMatchObject({ status: "active", totalCents: 142_250 });
    expect(file.arrangement!.instalments.map((i) => i.seq)).toEqual([1, 2]);
    expect(file.promises).toEqual([expect.objectContaining({ status: "kept", amountCents: 20_000, madeWith: "Sanne Vermeulen" })]);
    expect(file.disputes).toEqual([expect.objectContaining({ reason: "amount_wrong", status: "rejected" })]);
    expect(file.contactPoints).toEqual([
      expect.objectContaining({ kind: "email", isInvalid: true, source: "placement" }),
      expect.objectContaining({ kind: "phone", isVerified: true, hasConsent: true }),
    ]);
  });

  it("tells the story newest first, without repeating a message through its interaction, and filters by kind", async () => {
    const file = await getCaseFile({ ctx: ctx(agent()), input: { caseId: kase.id } });
    const at = file.timeline.map((i) => i.at);
    expect(at).toEqual([...at].sort().reverse());
    expect(file.timeline[0]).toMatchObject({ kind: "note", detail: "Internal: mentioned health problems." });
    expect(file.timelineCounts).toMatchObject({ message: 1, interaction: 1, payment: 1, note: 2, promise: 1, dispute: 2, plan: 1, stage: 3 });
    expect(file.timeline.find((i) => i.kind === "interaction")).toMatchObject({ actor: "Sanne Vermeulen", channel: "phone", title: "Phone to the debtor: Promised" });
    // Bookkeeping audit events (costs charged) are already in the balance, not in the story.
    expect(file.timeline.some((i) => i.title.toLowerCase().includes("costs"))).toBe(false);

    const payments = await getCaseFile({ ctx: ctx(agent()), input: { caseId: kase.id, timelineKinds: ["payment", "stage"] } });
    expect(new Set(payments.timeline.map((i) => i.kind))).toEqual(new Set(["payment", "stage"]));
    expect(payments.timelineCounts.note).toBe(2);
  });

  it("gives the client user its case read-only, with shared notes only and no staff internals", async () => {
    const file = await getCaseFile({ ctx: ctx(clientUser(ids.clientA)), input: { caseId: kase.id } });
    expect(file.viewer).toBe("client");
    expect(file.canWork).toBe(false);
    const notes = file.timeline.filter((i) => i.kind === "note");
    expect(notes.map((n) => n.detail)).toEqual(["Debtor cooperative; plan agreed."]);
    expect(JSON.stringify(file)).not.toContain("health problems");
    expect(JSON.stringify(file)).not.toContain("Lost his job");
    expect(JSON.stringify(file)).not.toContain("Sanne Vermeulen");
    expect(file.header).toMatchObject({ assignedTo: null, team: null, priorityScore: null, propensityScore: null });
    expect(file.contactPoints.every((c) => c.source === null)).toBe(true);
    // The balance, claims and ledger are the creditor's own money: it sees them whole.
    expect(file.balance.totals.totalCents).toBe(142_250);
  });

  it("answers NOT_FOUND for another client's case, an unknown id and a malformed id", async () => {
    for (const [actor, id] of [
      [clientUser(ids.clientB), kase.id],
      [clientUser(ids.clientA), otherCase.id],
      [agent(), otherCase.id],
      [agent(), "00000000-0000-4000-8000-000000000000"],
      [agent(), "not-a-uuid"],
      [{ kind: "debtor", debtorId: "d", caseIds: [kase.id] } as Actor, kase.id],
    ] as const) {
      const error = await getCaseFile({ ctx: ctx(actor), input: { caseId: id } }).catch((e: unknown) => e);
      expect(isDomainError(error, "NOT_FOUND")).toBe(true);
    }
  });
});
