import { arrangements, auditEvents, cases, disputes, instalments, interactions, ledgerEntries, notes, promises } from "@recouvra/db";
import { useTestDb } from "@recouvra/db/testing";
import { isDomainError } from "@recouvra/domain";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { decideApproval } from "../../approvals/approvals.ts";
import type { Actor } from "../../context.ts";
import { addNote } from "./add-note.ts";
import { closeCase, withdrawCase } from "./close-case.ts";
import { openDispute, resolveDispute } from "./disputes.ts";
import { releaseHold, setHold } from "./holds.ts";
import { logInteraction } from "./log-interaction.ts";
import { previewPlan, proposePlan } from "./propose-plan.ts";
import { reassignCase } from "./reassign-case.ts";
import { recordPromise } from "./record-promise.ts";
import { buildAgency, ctxFor, openCase, TODAY, type Agency } from "./test-fixtures.ts";

const t = useTestDb();
let agency: Agency;
const idOf = (a: Actor) => (a as { userId: string }).userId;

beforeAll(async () => {
  agency = await buildAgency(t.db);
});

const caseRow = async (id: string) => (await t.db.select().from(cases).where(eq(cases.id, id)))[0]!;
const actionsOf = async (id: string) => (await t.db.select().from(auditEvents).where(eq(auditEvents.caseId, id)).orderBy(auditEvents.seq)).map((e) => e.action);
const fail = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

describe("logInteraction", () => {
  it("logs a right-party call with its note and moves a notified case to in_contact", async () => {
    const kase = await openCase(t.db, agency);
    const result = await logInteraction({
      ctx: ctxFor(t.db, agency.agentA),
      input: { caseId: kase.id, channel: "phone", direction: "outbound", outcome: "right_party_contact", note: "Lost her job; can pay 100 a month", durationMinutes: 7 },
    });
    expect(result.stage).toBe("in_contact");
    const [row] = await t.db.select().from(interactions).where(eq(interactions.id, result.interactionId));
    expect(row).toMatchObject({ channel: "phone", outcome: "right_party_contact", note: "Lost her job; can pay 100 a month", durationSeconds: 420, userId: idOf(agency.agentA) });
    const after = await caseRow(kase.id);
    expect(after).toMatchObject({ stage: "in_contact", firstContactOn: TODAY, version: kase.version + 1 });
    expect(after.lastContactAt).not.toBeNull();
    expect(await actionsOf(kase.id)).toEqual(["interaction.logged", "case.stage_changed"]);
  });

  it("refuses an outbound call while the case is disputed or insolvent, saying so, and writes nothing", async () => {
    const kase = await openCase(t.db, agency, { holds: ["disputed", "insolvency"] });
    const error = await fail(logInteraction({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, channel: "phone", direction: "outbound", outcome: "no_answer" } }));
    expect(isDomainError(error, "PRECONDITION_FAILED")).toBe(true);
    expect((error as Error).message).toMatch(/disputed.*insolvency/);
    expect(await t.db.select().from(interactions).where(eq(interactions.caseId, kase.id))).toEqual([]);
    // The debtor calling in is still heard and recorded, without moving the case.
    await logInteraction({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, channel: "phone", direction: "inbound", outcome: "right_party_contact", note: "Says the invoice is not hers" } });
    expect((await caseRow(kase.id)).stage).toBe("notified");
  });

  it("names the field of bad input", async () => {
    const kase = await openCase(t.db, agency);
    const bad = await fail(logInteraction({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, channel: "phone", direction: "outbound", outcome: "delivered" as never } }));
    expect(isDomainError(bad, "VALIDATION") && bad.field).toBe("outcome");
    const noNote = await fail(logInteraction({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, channel: "visit", direction: "outbound", outcome: "right_party_contact" } }));
    expect(isDomainError(noNote, "VALIDATION") && noNote.field).toBe("note");
  });
});

describe("addNote", () => {
  it("adds a note shared with the client, audited", async () => {
    const kase = await openCase(t.db, agency);
    const { noteId } = await addNote({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, body: "Debtor cooperative", isSharedWithClient: true } });
    const [row] = await t.db.select().from(notes).where(eq(notes.id, noteId));
    expect(row).toMatchObject({ body: "Debtor cooperative", isSharedWithClient: true, userId: idOf(agency.agentA) });
    expect(await actionsOf(kase.id)).toEqual(["note.added"]);
    const empty = await fail(addNote({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, body: "   " } }));
    expect(isDomainError(empty, "VALIDATION") && empty.field).toBe("body");
  });
});

describe("recordPromise", () => {
  it("records a promise, moves the case to promise and schedules the check", async () => {
    const kase = await openCase(t.db, agency, { stage: "in_contact" });
    const { promiseId } = await recordPromise({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, dueOn: "2027-03-31", amountCents: 50_000 } });
    const [row] = await t.db.select().from(promises).where(eq(promises.id, promiseId));
    expect(row).toMatchObject({ promisedOn: TODAY, dueOn: "2027-03-31", amountCents: 50_000, status: "pending" });
    expect(await caseRow(kase.id)).toMatchObject({ stage: "promise", nextActionOn: "2027-03-31", nextActionKind: "check_promise" });
    expect(await actionsOf(kase.id)).toEqual(["promise.recorded", "case.stage_changed"]);
    // A second promise while one runs is the domain's refusal; nothing is written.
    const again = await fail(recordPromise({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, dueOn: "2027-04-30", amountCents: 1_000 } }));
    expect(isDomainError(again, "CONFLICT")).toBe(true);
    expect(await t.db.select().from(promises).where(eq(promises.caseId, kase.id))).toHaveLength(1);
  });

  it("refuses a past date and more than the balance, naming the field", async () => {
    const kase = await openCase(t.db, agency);
    const past = await fail(recordPromise({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, dueOn: "2027-03-14", amountCents: 1_000 } }));
    expect(isDomainError(past, "VALIDATION") && past.field).toBe("dueOn");
    const tooMuch = await fail(recordPromise({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, dueOn: TODAY, amountCents: 106_001 } }));
    expect(isDomainError(tooMuch, "VALIDATION") && tooMuch.field).toBe("amountCents");
  });
});

describe("proposePlan", () => {
  it("starts a plan within policy at once: instalments summing to the balance, stage arrangement", async () => {
    const kase = await openCase(t.db, agency, { stage: "negotiating" });
    const input = { caseId: kase.id, frequency: "monthly" as const, firstDueOn: "2027-04-01", count: 4 };
    const preview = await previewPlan({ ctx: ctxFor(t.db, agency.agentA), input });
    expect(preview).toMatchObject({ outcome: "active", balanceCents: 106_000 });
    const result = await proposePlan({ ctx: ctxFor(t.db, agency.agentA), input });
    expect(result.status).toBe("active");
    const lines = await t.db.select().from(instalments).where(eq(instalments.arrangementId, result.arrangementId));
    expect(lines.map((l) => l.amountCents).reduce((a, b) => a + b, 0)).toBe(106_000);
    expect(lines.map((l) => l.dueOn).sort()).toEqual(["2027-04-01", "2027-05-01", "2027-06-01", "2027-07-01"]);
    expect(await caseRow(kase.id)).toMatchObject({ stage: "arrangement", nextActionOn: "2027-04-01", nextActionKind: "check_instalment" });
    expect(await actionsOf(kase.id)).toEqual(["arrangement.accepted", "case.stage_changed"]);
  });

  it("sends a plan outside policy for approval with the reason, and a supervisor can approve it", async () => {
    const kase = await openCase(t.db, agency, { stage: "in_contact" });
    const result = await proposePlan({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, frequency: "monthly", firstDueOn: "2027-04-01", count: 12, note: "Debtor insists" } });
    expect(result.status).toBe("proposed");
    expect(result.reasons.map((r) => r.code)).toContain("too_many_instalments");
    const [row] = await t.db.select().from(arrangements).where(eq(arrangements.id, result.arrangementId));
    expect(row).toMatchObject({ status: "proposed", totalCents: 106_000, proposedBy: "agent" });
    expect(row!.decisionReason).toMatch(/more instalments/);
    expect(row!.terms).toMatchObject({ frequency: "monthly", count: 12, reasonCodes: expect.arrayContaining(["too_many_instalments"]) });
    expect(await t.db.select().from(instalments).where(eq(instalments.arrangementId, result.arrangementId))).toEqual([]);
    expect((await caseRow(kase.id)).stage).toBe("in_contact");
    const twice = await fail(proposePlan({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, frequency: "monthly", firstDueOn: "2027-04-01", count: 2 } }));
    expect(isDomainError(twice, "CONFLICT")).toBe(true);
    await decideApproval({ ctx: ctxFor(t.db, agency.supervisor), input: { arrangementId: result.arrangementId, decision: "approve" } });
    expect((await caseRow(kase.id)).stage).toBe("arrangement");
  });

  it("names the field of incomplete terms", async () => {
    const kase = await openCase(t.db, agency);
    const neither = await fail(proposePlan({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, frequency: "monthly", firstDueOn: "2027-04-01" } }));
    expect(isDomainError(neither, "VALIDATION") && neither.field).toBe("count");
    const past = await fail(proposePlan({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, frequency: "monthly", firstDueOn: "2027-01-01", count: 2 } }));
    expect(isDomainError(past, "VALIDATION") && past.field).toBe("firstDueOn");
    expect(await t.db.select().from(arrangements).where(eq(arrangements.caseId, kase.id))).toEqual([]);
  });
});

describe("disputes and holds", () => {
  it("opens one dispute (hold disputed), stops calls, and resolving it releases the hold", async () => {
    const kase = await openCase(t.db, agency, { stage: "in_contact" });
    const { disputeId } = await openDispute({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, reason: "already_paid", details: "Paid by cheque in January" } });
    expect(await caseRow(kase.id)).toMatchObject({ holds: ["disputed"], nextActionKind: "review_dispute" });
    const second = await fail(openDispute({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, reason: "other", details: "Again" } }));
    expect(isDomainError(second, "CONFLICT")).toBe(true);
    const call = await fail(logInteraction({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, channel: "phone", direction: "outbound", outcome: "no_answer" } }));
    expect((call as Error).message).toMatch(/disputed/);
    await resolveDispute({ ctx: ctxFor(t.db, agency.supervisor), input: { caseId: kase.id, status: "rejected", resolution: "No cheque was ever cashed" } });
    const [row] = await t.db.select().from(disputes).where(eq(disputes.id, disputeId));
    expect(row).toMatchObject({ status: "rejected", resolvedByUserId: idOf(agency.supervisor) });
    expect((await caseRow(kase.id)).holds).toEqual([]);
    expect(await actionsOf(kase.id)).toEqual(["dispute.opened", "case.hold_set", "dispute.resolved", "case.hold_released"]);
    const bad = await fail(openDispute({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, reason: "nope" as never, details: "x y z" } }));
    expect(isDomainError(bad, "VALIDATION") && bad.field).toBe("reason");
  });

  it("sets and releases an insolvency hold with its reason", async () => {
    const kase = await openCase(t.db, agency);
    await setHold({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, hold: "insolvency", note: "Redressement judiciaire opened 2 March" } });
    expect((await caseRow(kase.id)).holds).toEqual(["insolvency"]);
    const twice = await fail(setHold({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, hold: "insolvency", note: "Again please" } }));
    expect(isDomainError(twice, "CONFLICT")).toBe(true);
    await releaseHold({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, hold: "insolvency", note: "Procedure closed" } });
    expect(await caseRow(kase.id)).toMatchObject({ holds: [], nextActionKind: "call", version: kase.version + 2 });
    const bad = await fail(setHold({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, hold: "disputed" as never, note: "nope nope" } }));
    expect(isDomainError(bad, "VALIDATION") && bad.field).toBe("hold");
  });
});

describe("reassignCase", () => {
  it("lets an agent hand a case to a colleague of the team, not to another team", async () => {
    const kase = await openCase(t.db, agency);
    await reassignCase({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, assignedUserId: idOf(agency.agentA2) } });
    expect(await caseRow(kase.id)).toMatchObject({ assignedUserId: idOf(agency.agentA2), teamId: agency.teamA });
    const away = await fail(reassignCase({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, assignedUserId: idOf(agency.agentB) } }));
    expect(isDomainError(away, "FORBIDDEN")).toBe(true);
    await reassignCase({ ctx: ctxFor(t.db, agency.supervisor), input: { caseId: kase.id, teamId: agency.teamB } });
    expect(await caseRow(kase.id)).toMatchObject({ assignedUserId: null, teamId: agency.teamB });
    expect(await actionsOf(kase.id)).toEqual(["case.reassigned", "case.reassigned"]);
    const bad = await fail(reassignCase({ ctx: ctxFor(t.db, agency.supervisor), input: { caseId: kase.id, assignedUserId: "someone" } }));
    expect(isDomainError(bad, "VALIDATION") && bad.field).toBe("assignedUserId");
  });
});

describe("closeCase and withdrawCase", () => {
  it("closes as uncollectable, writing off the rest so the ledger sums to zero", async () => {
    const kase = await openCase(t.db, agency);
    const result = await closeCase({ ctx: ctxFor(t.db, agency.supervisor), input: { caseId: kase.id, reason: "uncollectable", note: "Debtor untraceable" } });
    expect(result.writtenOffCents).toBe(106_000);
    expect(await caseRow(kase.id)).toMatchObject({ stage: "closed", closureReason: "uncollectable", closedOn: TODAY, balanceCents: 0, nextActionOn: null });
    const [sum] = await t.db.select({ s: sql<string>`sum(${ledgerEntries.amountCents})` }).from(ledgerEntries).where(eq(ledgerEntries.caseId, kase.id));
    expect(Number(sum!.s)).toBe(0);
    expect(await actionsOf(kase.id)).toEqual(["case.closure_recorded", "ledger.written_off", "case.stage_changed", "case.case_closed"]);
  });

  it("refuses to close as paid while money is owed, and withdraws keeping the debt", async () => {
    const kase = await openCase(t.db, agency, { stage: "promise" });
    await t.db.insert(promises).values({ caseId: kase.id, clientId: kase.clientId, promisedOn: TODAY, dueOn: TODAY, amountCents: 100, currency: "EUR" });
    const paid = await fail(closeCase({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, reason: "paid", note: "Says he paid" } }));
    expect(isDomainError(paid, "PRECONDITION_FAILED") && paid.field).toBe("reason");
    expect((await caseRow(kase.id)).stage).toBe("promise");
    await withdrawCase({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, note: "Client takes it back" } });
    expect(await caseRow(kase.id)).toMatchObject({ stage: "closed", closureReason: "withdrawn", balanceCents: 106_000 });
    expect((await t.db.select().from(promises).where(and(eq(promises.caseId, kase.id))))[0]!.status).toBe("cancelled");
    const bad = await fail(closeCase({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, reason: "bored" as never, note: "xxx" } }));
    expect(isDomainError(bad, "VALIDATION") && bad.field).toBe("reason");
  });
});

describe("every action and the wrong actor", () => {
  const calls: [string, (ctx: ReturnType<typeof ctxFor>, caseId: string) => Promise<unknown>][] = [
    ["logInteraction", (ctx, caseId) => logInteraction({ ctx, input: { caseId, channel: "phone", direction: "outbound", outcome: "no_answer" } })],
    ["addNote", (ctx, caseId) => addNote({ ctx, input: { caseId, body: "Hello" } })],
    ["recordPromise", (ctx, caseId) => recordPromise({ ctx, input: { caseId, dueOn: TODAY, amountCents: 100 } })],
    ["proposePlan", (ctx, caseId) => proposePlan({ ctx, input: { caseId, frequency: "monthly", firstDueOn: TODAY, count: 2 } })],
    ["openDispute", (ctx, caseId) => openDispute({ ctx, input: { caseId, reason: "other", details: "Because" } })],
    ["resolveDispute", (ctx, caseId) => resolveDispute({ ctx, input: { caseId, status: "withdrawn", resolution: "Dropped" } })],
    ["setHold", (ctx, caseId) => setHold({ ctx, input: { caseId, hold: "deceased", note: "Heard from the family" } })],
    ["releaseHold", (ctx, caseId) => releaseHold({ ctx, input: { caseId, hold: "deceased", note: "Mistake" } })],
    ["reassignCase", (ctx, caseId) => reassignCase({ ctx, input: { caseId, teamId: agency.teamB } })],
    ["closeCase", (ctx, caseId) => closeCase({ ctx, input: { caseId, reason: "uncollectable", note: "Nothing to get" } })],
    ["withdrawCase", (ctx, caseId) => withdrawCase({ ctx, input: { caseId, note: "Client asked" } })],
  ];

  it.each(calls)("%s: FORBIDDEN for a client user, NOT_FOUND for another team's agent, nothing written", async (_name, call) => {
    const kase = await openCase(t.db, agency);
    const asClient = await fail(call(ctxFor(t.db, agency.clientUser), kase.id));
    expect(isDomainError(asClient, "FORBIDDEN")).toBe(true);
    const asOther = await fail(call(ctxFor(t.db, agency.agentB), kase.id));
    expect(isDomainError(asOther, "NOT_FOUND")).toBe(true);
    expect(await caseRow(kase.id)).toMatchObject({ version: kase.version, stage: kase.stage });
    expect(await actionsOf(kase.id)).toEqual([]);
  });
});
