/**
 * The debtor's self-service in core, against a real database: what each request writes (in one
 * transaction, or not at all), who may make it, and how it reaches the case handler's work queue.
 */
import { auditEvents, cases, contactPoints, debtors, disputes, documents, interactions, messages, storedFiles, verifyAuditChain, type Case } from "@recouvra/db";
import { useTestDb } from "@recouvra/db/testing";
import { addDays, isDomainError, QUEUE_WEIGHTS } from "@recouvra/domain";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getCaseFile } from "../cases/get-case-file.ts";
import { buildAgency, ctxFor, NOW, openCase, TODAY, type Agency } from "../cases/actions/test-fixtures.ts";
import { fixedClock, systemActor, type Actor, type Ctx } from "../context.ts";
import { dispatchOutbox } from "../messages/dispatch-outbox.ts";
import { outboxTransport } from "../messages/transport.ts";
import { addContactPoints, setUpAgency } from "../messages/test-fixtures.ts";
import { listWorkQueue, QUEUE_WINDOW } from "../queue/list-work-queue.ts";
import {
  getCallBackOptions,
  getDebtorContactDetails,
  getDebtorDisputeStatus,
  getDebtorMessages,
  openDebtorDispute,
  replyToDebtorInPortal,
  reportAlreadyPaid,
  requestCallBack,
  selfServiceRefusalOf,
  sendDebtorMessage,
  updateDebtorContact,
} from "./self-service.ts";

const t = useTestDb();
let agency: Agency;

beforeAll(async () => {
  agency = await buildAgency(t.db);
  await setUpAgency(t.db);
});

const fail = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);
const debtorOf = (kase: Case): Actor => ({ kind: "debtor", debtorId: kase.debtorId, caseIds: [kase.id] });
const asDebtor = (kase: Case, iso = NOW): Ctx => ({ db: t.db, clock: fixedClock(iso), actor: debtorOf(kase) });
const caseRow = async (id: string) => (await t.db.select().from(cases).where(eq(cases.id, id)))[0]!;
const actionsOf = async (caseId: string) => (await t.db.select().from(auditEvents).where(eq(auditEvents.caseId, caseId)).orderBy(auditEvents.seq)).map((e) => e.action);

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3]);
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);

/** The work-queue row of `caseId` for agent A on `iso`, with the rows ranked above it. */
async function queueRowOf(caseId: string, iso = NOW) {
  const queue = await listWorkQueue({ ctx: { db: t.db, clock: fixedClock(iso), actor: agency.agentA }, input: { limit: 100 } });
  const at = queue.rows.findIndex((r) => r.caseId === caseId);
  return { row: at === -1 ? null : queue.rows[at]!, above: queue.rows.slice(0, Math.max(0, at)) };
}

describe("openDebtorDispute", () => {
  it("puts the hold on at once, keeps the files with the dispute, alerts the handler today and acknowledges by email", async () => {
    const kase = await openCase(t.db, agency);
    await addContactPoints(t.db, kase);
    // A pressing case of the same team: a promise missed yesterday on a large balance.
    const rival = await openCase(t.db, agency, { principalCents: 5_000_000 });
    await t.sql`insert into promises (case_id, client_id, promised_on, due_on, amount_cents, currency, status) values (${rival.id}, ${rival.clientId}, ${addDays(TODAY, -10)}, ${addDays(TODAY, -1)}, 10000, 'EUR', 'pending')`;

    const result = await openDebtorDispute({
      ctx: asDebtor(kase),
      input: { caseId: kase.id, reason: "amount_wrong", details: "I was charged twice for the same delivery.", files: [{ name: "invoice.pdf", type: "application/pdf", content: PDF }, { name: "photo.png", type: "image/png", content: PNG }] },
    });

    const row = await caseRow(kase.id);
    expect(row.holds).toEqual(["disputed"]);
    expect(row).toMatchObject({ nextActionOn: TODAY, nextActionKind: "portal_dispute" });
    const [dispute] = await t.db.select().from(disputes).where(eq(disputes.caseId, kase.id));
    expect(dispute).toMatchObject({ id: result.disputeId, reason: "amount_wrong", details: "I was charged twice for the same delivery.", status: "open" });
    const files = await t.db.select().from(documents).where(eq(documents.disputeId, result.disputeId)).orderBy(documents.filename);
    expect(files.map((f) => [f.filename, f.kind, f.mimeType, f.caseId, f.uploadedByUserId])).toEqual([
      ["invoice.pdf", "dispute_evidence", "application/pdf", kase.id, null],
      ["photo.png", "dispute_evidence", "image/png", kase.id, null],
    ]);
    const [stored] = await t.db.select().from(storedFiles).where(eq(storedFiles.key, files[0]!.storageKey));
    expect(new Uint8Array(stored!.bytes)).toEqual(PDF);
    const [interaction] = await t.db.select().from(interactions).where(and(eq(interactions.caseId, kase.id), eq(interactions.channel, "portal")));
    expect(interaction).toMatchObject({ direction: "inbound", outcome: "disputed", note: "I was charged twice for the same delivery.", userId: null });
    const [ack] = await t.db.select().from(messages).where(eq(messages.caseId, kase.id));
    expect(ack).toMatchObject({ channel: "email", status: "queued", recipient: "lea.martin@example.test", idempotencyKey: `dispute-ack:${result.disputeId}`, template: "portal_dispute_acknowledgment", locale: "fr" });
    expect(ack!.body).toContain(kase.reference);
    expect(ack!.body).toMatch(/recouvrement est suspendu/);
    expect(await actionsOf(kase.id)).toEqual(["dispute.opened", "case.hold_set", "document.uploaded", "document.uploaded", "message.queued"]);
    // The hold the dispute set does not stop its own acknowledgment: the worker sends it.
    await dispatchOutbox({ ctx: { db: t.db, clock: fixedClock(NOW), actor: systemActor("worker@test") }, input: { limit: 500 }, transport: outboxTransport });
    expect((await t.db.select().from(messages).where(eq(messages.id, ack!.id)))[0]).toMatchObject({ status: "sent", error: null });
    const [opened] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.caseId, kase.id), eq(auditEvents.action, "dispute.opened")));
    expect(opened).toMatchObject({ actorKind: "debtor", actorId: kase.debtorId, data: { reason: "amount_wrong", via: "portal", documentIds: result.documentIds } });

    // The handler's queue: this case first, above the missed promise, saying what the debtor did.
    const { row: queued, above } = await queueRowOf(kase.id);
    expect(queued?.reasons.map((r) => r.detail)).toEqual(["Debtor disputed in the portal today"]);
    expect(above.every((r) => r.score >= QUEUE_WEIGHTS.debtorInPortal)).toBe(true);
    const rivalRow = await queueRowOf(rival.id);
    expect(queued!.score).toBeGreaterThan(rivalRow.row!.score);

    // The case file: one timeline item with the debtor's words and the files.
    const file = await getCaseFile({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, timelineKinds: ["dispute", "interaction"] } });
    const item = file.timeline.find((i) => i.kind === "dispute")!;
    expect(item).toMatchObject({ title: "Dispute opened in the portal: Amount wrong", detail: "I was charged twice for the same delivery.", actor: "Debtor", channel: "portal" });
    expect(item.documents?.map((d) => d.filename).sort()).toEqual(["invoice.pdf", "photo.png"]);
    expect(file.timeline.filter((i) => i.channel === "portal")).toHaveLength(1);
    expect(file.documents.filter((d) => d.disputeId === result.disputeId)).toHaveLength(2);

    // The debtor's page now shows the dispute being looked at.
    const status = await getDebtorDisputeStatus({ ctx: asDebtor(kase), input: { caseId: kase.id } });
    expect(status.openDispute).toMatchObject({ id: result.disputeId, reason: "amount_wrong" });
    expect(status.openDispute!.documents.map((d) => d.filename)).toEqual(["invoice.pdf", "photo.png"]);

    // Answering the debtor in the portal takes the alert off: the dispute's review is in two weeks.
    await replyToDebtorInPortal({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, text: "Thank you, we are checking with the creditor." } });
    expect(await caseRow(kase.id)).toMatchObject({ nextActionOn: addDays(TODAY, 14), nextActionKind: "review_dispute" });
    expect((await queueRowOf(kase.id)).row).toBeNull();
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it("refuses a file too large, of the wrong type, or one too many, naming it, and writes nothing", async () => {
    const kase = await openCase(t.db, agency);
    const before = await caseRow(kase.id);
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PDF);
    const attempts: { files: { name: string; content: Uint8Array }[]; reason: string; filename: string | null; code: string }[] = [
      { files: [{ name: "ok.pdf", content: PDF }, { name: "scan.pdf", content: big }], reason: "file_too_big", filename: "scan.pdf", code: "LIMIT_EXCEEDED" },
      { files: [{ name: "receipt.pdf", content: EXE }], reason: "file_type", filename: "receipt.pdf", code: "VALIDATION" },
      { files: [{ name: "notes.txt", content: new TextEncoder().encode("plain words") }], reason: "file_type", filename: "notes.txt", code: "VALIDATION" },
      { files: [{ name: "empty.pdf", content: new Uint8Array() }], reason: "file_empty", filename: "empty.pdf", code: "VALIDATION" },
      { files: Array.from({ length: 6 }, (_, i) => ({ name: `p${i}.pdf`, content: PDF })), reason: "too_many_files", filename: null, code: "VALIDATION" },
    ];
    for (const attempt of attempts) {
      const error = await fail(openDebtorDispute({ ctx: asDebtor(kase), input: { caseId: kase.id, reason: "not_mine", details: "Not me.", files: attempt.files } }));
      expect(isDomainError(error, attempt.code as never), attempt.reason).toBe(true);
      expect((error as { field?: string }).field).toBe("evidence");
      expect(selfServiceRefusalOf(error)).toEqual({ reason: attempt.reason, filename: attempt.filename });
      if (attempt.filename) expect((error as Error).message).toContain(attempt.filename);
    }
    expect(await caseRow(kase.id)).toEqual(before);
    expect(await t.db.select().from(disputes).where(eq(disputes.caseId, kase.id))).toEqual([]);
    expect(await t.db.select().from(documents).where(eq(documents.caseId, kase.id))).toEqual([]);
    expect(await actionsOf(kase.id)).toEqual([]);
  });

  it("names the missing reason or details, refuses a closed case and a second dispute", async () => {
    const kase = await openCase(t.db, agency);
    const noReason = await fail(openDebtorDispute({ ctx: asDebtor(kase), input: { caseId: kase.id, reason: "" as never, details: "x" } }));
    expect(isDomainError(noReason, "VALIDATION") && noReason.field).toBe("reason");
    const noDetails = await fail(openDebtorDispute({ ctx: asDebtor(kase), input: { caseId: kase.id, reason: "other", details: "   " } }));
    expect(isDomainError(noDetails, "VALIDATION") && noDetails.field).toBe("details");
    await openDebtorDispute({ ctx: asDebtor(kase), input: { caseId: kase.id, reason: "other", details: "The goods never came." } });
    const again = await fail(openDebtorDispute({ ctx: asDebtor(kase), input: { caseId: kase.id, reason: "not_mine", details: "Again." } }));
    expect(selfServiceRefusalOf(again)).toMatchObject({ reason: "dispute_open" });
    const closed = await openCase(t.db, agency);
    await t.db.update(cases).set({ stage: "closed", closureReason: "paid", closedOn: TODAY }).where(eq(cases.id, closed.id));
    const onClosed = await fail(openDebtorDispute({ ctx: asDebtor(closed), input: { caseId: closed.id, reason: "other", details: "Too late." } }));
    expect(isDomainError(onClosed, "CONFLICT")).toBe(true);
    expect(selfServiceRefusalOf(onClosed)).toEqual({ reason: "case_closed" });
  });

  it("is NOT_FOUND for another debtor, for staff and for an id that names nothing", async () => {
    const kase = await openCase(t.db, agency);
    const stranger = await openCase(t.db, agency);
    const input = { caseId: kase.id, reason: "not_mine" as const, details: "Not mine." };
    for (const ctx of [asDebtor(stranger), ctxFor(t.db, agency.agentA), ctxFor(t.db, agency.clientUser)]) {
      expect(isDomainError(await fail(openDebtorDispute({ ctx, input })), "NOT_FOUND")).toBe(true);
      expect(isDomainError(await fail(getDebtorDisputeStatus({ ctx, input: { caseId: kase.id } })), "NOT_FOUND")).toBe(true);
    }
    // A session naming the case but held by another debtor is refused too.
    const forged: Ctx = { db: t.db, clock: fixedClock(NOW), actor: { kind: "debtor", debtorId: stranger.debtorId, caseIds: [kase.id] } };
    expect(isDomainError(await fail(openDebtorDispute({ ctx: forged, input })), "NOT_FOUND")).toBe(true);
    expect(isDomainError(await fail(openDebtorDispute({ ctx: asDebtor(kase), input: { ...input, caseId: "not-a-uuid" } })), "NOT_FOUND")).toBe(true);
    expect(await t.db.select().from(disputes).where(eq(disputes.caseId, kase.id))).toEqual([]);
  });
});

describe("reportAlreadyPaid", () => {
  it("opens an already-paid dispute worded from the form, with the proof, and says so in the queue", async () => {
    const kase = await openCase(t.db, agency);
    const result = await reportAlreadyPaid({
      ctx: asDebtor(kase),
      input: { caseId: kase.id, paidOn: "2027-03-01", amountCents: 106_000, method: "bank_transfer", note: "Reference FAC-12", files: [{ name: "transfer.pdf", content: PDF }] },
    });
    const [dispute] = await t.db.select().from(disputes).where(eq(disputes.id, result.disputeId));
    expect(dispute).toMatchObject({ reason: "already_paid", details: "The debtor says they paid €1,060.00 on 2027-03-01 by bank transfer. Their note: Reference FAC-12" });
    expect(result.documentIds).toHaveLength(1);
    // No email on file: nothing queued, and the trail says why.
    expect(result.acknowledgment).toEqual({ skipped: "no_email" });
    expect(await actionsOf(kase.id)).toContain("dispute.acknowledgment_not_sent");
    expect((await queueRowOf(kase.id)).row?.reasons.map((r) => r.detail)).toEqual(["Debtor reported in the portal today that it is already paid"]);
  });

  it("names the date, the amount and the method when they do not hold", async () => {
    const kase = await openCase(t.db, agency);
    const base = { caseId: kase.id, paidOn: "2027-03-01", amountCents: 100, method: "other" as const };
    const cases_: [Record<string, unknown>, string][] = [
      [{ paidOn: "2027-03-16" }, "paidOn"],
      [{ paidOn: "2027-02-30" }, "paidOn"],
      [{ amountCents: 0 }, "amountCents"],
      [{ method: "cash" }, "method"],
    ];
    for (const [change, field] of cases_) {
      const error = await fail(reportAlreadyPaid({ ctx: asDebtor(kase), input: { ...base, ...change } as never }));
      expect(isDomainError(error, "VALIDATION") && error.field, JSON.stringify(change)).toBe(field);
    }
    expect(await t.db.select().from(disputes).where(eq(disputes.caseId, kase.id))).toEqual([]);
  });
});

describe("updateDebtorContact", () => {
  it("adds a number read in the case's country as the debtor's own, unverified, and makes it the one to use", async () => {
    const kase = await openCase(t.db, agency);
    const points = await addContactPoints(t.db, kase);
    const added = await updateDebtorContact({ ctx: asDebtor(kase), input: { intent: "add", caseId: kase.id, kind: "phone", phone: "06 12 34 56 78", isPreferred: true } });
    expect(added).toMatchObject({ intent: "add", isPrimary: true, isNew: true });
    const [row] = await t.db.select().from(contactPoints).where(eq(contactPoints.id, (added as { contactPointId: string }).contactPointId));
    expect(row).toMatchObject({ value: "+33612345678", source: "debtor_portal", isVerified: false, isPrimary: true, hasConsent: true });
    const [old] = await t.db.select().from(contactPoints).where(eq(contactPoints.id, points.mobile.id));
    expect(old!.isPrimary).toBe(false);

    const twice = await fail(updateDebtorContact({ ctx: asDebtor(kase), input: { intent: "add", caseId: kase.id, kind: "phone", phone: "+33 6 12 34 56 78" } }));
    expect(isDomainError(twice, "VALIDATION") && twice.field).toBe("phone");
    expect(selfServiceRefusalOf(twice)).toEqual({ reason: "duplicate", value: "+33612345678" });
    const optedOut = await fail(updateDebtorContact({ ctx: asDebtor(kase), input: { intent: "add", caseId: kase.id, kind: "phone", phone: points.optedOut.value } }));
    expect(selfServiceRefusalOf(optedOut)).toMatchObject({ reason: "duplicate_opted_out" });
    const badEmail = await fail(updateDebtorContact({ ctx: asDebtor(kase), input: { intent: "add", caseId: kase.id, kind: "email", email: "not an email" } }));
    expect(isDomainError(badEmail, "VALIDATION") && badEmail.field).toBe("email");
    expect(selfServiceRefusalOf(badEmail)).toEqual({ reason: "invalid" });
    const noCity = await fail(updateDebtorContact({ ctx: asDebtor(kase), input: { intent: "add", caseId: kase.id, kind: "address", line1: "3 rue Neuve", postalCode: "69001", city: "" } }));
    expect(isDomainError(noCity, "VALIDATION") && noCity.field).toBe("city");
    expect(selfServiceRefusalOf(noCity)).toEqual({ reason: "required" });

    const address = await updateDebtorContact({ ctx: asDebtor(kase), input: { intent: "add", caseId: kase.id, kind: "address", line1: "3 rue Neuve", postalCode: "69001", city: "Lyon" } });
    const [addressRow] = await t.db.select().from(contactPoints).where(eq(contactPoints.id, (address as { contactPointId: string }).contactPointId));
    expect(addressRow).toMatchObject({ value: "3 rue Neuve, 69001 Lyon, FR", isPrimary: false, hasConsent: false, source: "debtor_portal" });
    expect((await actionsOf(kase.id)).filter((a) => a === "contact_point.added")).toHaveLength(2);
  });

  it("keeps a reported point as history, marked invalid by the debtor, and shows the agent why", async () => {
    const kase = await openCase(t.db, agency);
    const points = await addContactPoints(t.db, kase);
    await updateDebtorContact({ ctx: asDebtor(kase), input: { intent: "report", caseId: kase.id, contactPointId: points.email.id, why: "not_mine" } });
    const [row] = await t.db.select().from(contactPoints).where(eq(contactPoints.id, points.email.id));
    expect(row).toMatchObject({ isInvalid: true, isPrimary: false, isVerified: false });
    const details = await getDebtorContactDetails({ ctx: asDebtor(kase), input: { caseId: kase.id } });
    expect(details.points.map((p) => p.id)).not.toContain(points.email.id);
    const file = await getCaseFile({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id } });
    expect(file.contactPoints.find((c) => c.id === points.email.id)).toMatchObject({ isInvalid: true, invalidReason: "Reported by debtor: Not theirs" });
    expect(file.timeline.find((i) => i.kind === "contact")).toMatchObject({ title: "Email address marked invalid", actor: "Debtor" });
    const again = await fail(updateDebtorContact({ ctx: asDebtor(kase), input: { intent: "report", caseId: kase.id, contactPointId: points.email.id } }));
    expect(selfServiceRefusalOf(again)).toEqual({ reason: "already_invalid" });
    // Another debtor's point, reported from this case: NOT_FOUND, and untouched.
    const other = await openCase(t.db, agency);
    const theirs = await addContactPoints(t.db, other);
    const foreign = await fail(updateDebtorContact({ ctx: asDebtor(kase), input: { intent: "report", caseId: kase.id, contactPointId: theirs.mobile.id } }));
    expect(isDomainError(foreign, "NOT_FOUND")).toBe(true);
    expect((await t.db.select().from(contactPoints).where(eq(contactPoints.id, theirs.mobile.id)))[0]!.isInvalid).toBe(false);
  });

  it("stores the preferred channel and parts of the day on the debtor, shown in the case file", async () => {
    const kase = await openCase(t.db, agency);
    await updateDebtorContact({ ctx: asDebtor(kase), input: { intent: "preferences", caseId: kase.id, preferredChannel: "sms", preferredTimes: ["evening", "morning", "morning"] } });
    const [debtor] = await t.db.select().from(debtors).where(eq(debtors.id, kase.debtorId));
    expect(debtor).toMatchObject({ preferredChannel: "sms", preferredContactTimes: ["morning", "evening"], preferencesUpdatedAt: new Date(NOW) });
    const file = await getCaseFile({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id } });
    expect(file.debtorPreferences).toEqual({ channel: "sms", times: ["morning", "evening"], updatedAt: new Date(NOW).toISOString() });
    expect(file.timeline[0]).toMatchObject({ title: "Debtor set their contact preferences in the portal", detail: "Prefers SMS · morning, evening" });
    const asClient = await getCaseFile({ ctx: ctxFor(t.db, agency.clientUser), input: { caseId: kase.id } });
    expect(asClient.debtorPreferences).toBeNull();
    const bad = await fail(updateDebtorContact({ ctx: asDebtor(kase), input: { intent: "preferences", caseId: kase.id, preferredChannel: "pigeon" as never, preferredTimes: [] } }));
    expect(isDomainError(bad, "VALIDATION") && bad.field).toBe("preferredChannel");
    const closed = await openCase(t.db, agency);
    await t.db.update(cases).set({ stage: "closed", closureReason: "paid", closedOn: TODAY }).where(eq(cases.id, closed.id));
    expect(selfServiceRefusalOf(await fail(updateDebtorContact({ ctx: asDebtor(closed), input: { intent: "preferences", caseId: closed.id, preferredChannel: null, preferredTimes: [] } })))).toEqual({ reason: "case_closed" });
  });
});

describe("messages", () => {
  it("keeps a thread: the debtor writes, the handler sees it first in the queue, answers, and the debtor reads the answer", async () => {
    const kase = await openCase(t.db, agency);
    const sent = await sendDebtorMessage({ ctx: asDebtor(kase), input: { caseId: kase.id, text: "  Can I pay on the 30th instead?  " } });
    expect(sent.isRepeat).toBe(false);
    const again = await sendDebtorMessage({ ctx: asDebtor(kase), input: { caseId: kase.id, text: "Can I pay on the 30th instead?" } });
    expect(again).toEqual({ interactionId: sent.interactionId, isRepeat: true });
    expect(await caseRow(kase.id)).toMatchObject({ nextActionOn: TODAY, nextActionKind: "answer_portal_message" });
    expect((await queueRowOf(kase.id)).row?.reasons.map((r) => r.detail)).toEqual(expect.arrayContaining(["Debtor wrote in the portal today"]));

    await replyToDebtorInPortal({ ctx: { db: t.db, clock: fixedClock("2027-03-15T10:30:00Z"), actor: agency.agentA2 }, input: { caseId: kase.id, text: "Yes, that is fine." } });
    const thread = await getDebtorMessages({ ctx: asDebtor(kase), input: { caseId: kase.id } });
    expect(thread.messages.map((m) => [m.from, m.text])).toEqual([
      ["debtor", "Can I pay on the 30th instead?"],
      ["agency", "Yes, that is fine."],
    ]);
    expect(thread.agencyName).toBe("Recouvra Test Agency");
    const file = await getCaseFile({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id } });
    expect(file.portalThread.map((m) => [m.from, m.author, m.text])).toEqual([
      ["debtor", "Debtor", "Can I pay on the 30th instead?"],
      ["agency", "Agent A2", "Yes, that is fine."],
    ]);
    expect(file.timeline.map((i) => i.title)).toEqual(expect.arrayContaining(["Debtor wrote in the portal", "Answered the debtor in the portal"]));
    // Answered: the message is no longer a reason, and nothing is left scheduled for it.
    expect(await caseRow(kase.id)).toMatchObject({ nextActionOn: null, nextActionKind: null });
    expect((await queueRowOf(kase.id)).row?.reasons.map((r) => r.code) ?? []).not.toContain("portal_message");
    expect((await getCaseFile({ ctx: ctxFor(t.db, agency.clientUser), input: { caseId: kase.id } })).portalThread).toEqual([]);
  });

  it("names the text field, and lets only the case's handlers answer", async () => {
    const kase = await openCase(t.db, agency);
    for (const text of ["", "   ", "x".repeat(2001)]) {
      const error = await fail(sendDebtorMessage({ ctx: asDebtor(kase), input: { caseId: kase.id, text } }));
      expect(isDomainError(error, "VALIDATION") && error.field).toBe("text");
    }
    expect(isDomainError(await fail(replyToDebtorInPortal({ ctx: ctxFor(t.db, agency.agentB), input: { caseId: kase.id, text: "Hi" } })), "NOT_FOUND")).toBe(true);
    expect(isDomainError(await fail(replyToDebtorInPortal({ ctx: ctxFor(t.db, agency.clientUser), input: { caseId: kase.id, text: "Hi" } })), "FORBIDDEN")).toBe(true);
    expect(isDomainError(await fail(replyToDebtorInPortal({ ctx: asDebtor(kase), input: { caseId: kase.id, text: "Hi" } })), "NOT_FOUND")).toBe(true);
    const stranger = await openCase(t.db, agency);
    expect(isDomainError(await fail(getDebtorMessages({ ctx: asDebtor(stranger), input: { caseId: kase.id } })), "NOT_FOUND")).toBe(true);
    expect(isDomainError(await fail(sendDebtorMessage({ ctx: asDebtor(stranger), input: { caseId: kase.id, text: "Hello" } })), "NOT_FOUND")).toBe(true);
    expect(await t.db.select().from(interactions).where(eq(interactions.caseId, kase.id))).toEqual([]);
  });
});

describe("requestCallBack", () => {
  it("asks for a call on a working day and part of the day, listed on that day until an agent speaks with the debtor", async () => {
    const kase = await openCase(t.db, agency);
    const points = await addContactPoints(t.db, kase);
    const options = await getCallBackOptions({ ctx: asDebtor(kase), input: { caseId: kase.id } });
    expect(options.days[0]).toBe(TODAY);
    expect(options.days).not.toContain("2027-03-20");
    expect(options.phones.map((p) => p.id)).toEqual(expect.arrayContaining([points.mobile.id, points.landline.id]));
    expect(options.phones.map((p) => p.id)).not.toContain(points.optedOut.id);

    const saturday = await fail(requestCallBack({ ctx: asDebtor(kase), input: { caseId: kase.id, contactPointId: points.mobile.id, day: "2027-03-20", slot: "morning" } }));
    expect(isDomainError(saturday, "VALIDATION") && saturday.field).toBe("day");
    const optedOut = await fail(requestCallBack({ ctx: asDebtor(kase), input: { caseId: kase.id, contactPointId: points.optedOut.id, day: "2027-03-17", slot: "morning" } }));
    expect(isDomainError(optedOut, "VALIDATION") && optedOut.field).toBe("contactPointId");

    await requestCallBack({ ctx: asDebtor(kase), input: { caseId: kase.id, contactPointId: points.mobile.id, day: "2027-03-17", slot: "morning", note: "About the plan" } });
    expect(await caseRow(kase.id)).toMatchObject({ nextActionOn: "2027-03-17", nextActionKind: "call_back" });
    const [asked] = await t.db.select().from(interactions).where(and(eq(interactions.caseId, kase.id), eq(interactions.outcome, "callback_requested")));
    expect(asked).toMatchObject({ channel: "portal", direction: "inbound", contactPointId: points.mobile.id, note: "Please call me back on 17 March 2027 in the morning, at +33639980123.\nAbout the plan" });
    expect((await getCallBackOptions({ ctx: asDebtor(kase), input: { caseId: kase.id } })).pending).toEqual({ on: "2027-03-17", slot: "morning", phone: "+33639980123" });

    // Not a reason before the day; on the day, at the top with the part of the day.
    expect((await queueRowOf(kase.id)).row?.reasons.map((r) => r.code) ?? []).not.toContain("call_back");
    const onTheDay = await queueRowOf(kase.id, "2027-03-17T07:00:00Z");
    expect(onTheDay.row?.reasons[0]).toMatchObject({ code: "call_back", detail: "Debtor asked to be called back on 17 March 2027 (morning)" });
    expect(onTheDay.above.every((r) => r.score >= QUEUE_WEIGHTS.debtorInPortal)).toBe(true);

    // An agent's phone conversation answers it.
    await t.db.insert(interactions).values({ caseId: kase.id, clientId: kase.clientId, channel: "phone", direction: "outbound", outcome: "right_party_contact", userId: (agency.agentA as { userId: string }).userId, occurredAt: new Date("2027-03-17T08:00:00Z") });
    expect((await queueRowOf(kase.id, "2027-03-17T09:00:00Z")).row?.reasons.map((r) => r.code) ?? []).not.toContain("call_back");
  });

  it("adds a new number the debtor gives, refuses while a dispute holds the case, and only for the case's debtor", async () => {
    const kase = await openCase(t.db, agency);
    const result = await requestCallBack({ ctx: asDebtor(kase), input: { caseId: kase.id, contactPointId: "new", newPhone: "0698765432", day: "2027-03-16", slot: "evening" } });
    const [added] = await t.db.select().from(contactPoints).where(eq(contactPoints.id, result.contactPointId));
    expect(added).toMatchObject({ value: "+33698765432", source: "debtor_portal", kind: "phone", isPrimary: true });
    const noNumber = await fail(requestCallBack({ ctx: asDebtor(kase), input: { caseId: kase.id, contactPointId: "new", newPhone: "", day: "2027-03-16", slot: "evening" } }));
    expect(isDomainError(noNumber, "VALIDATION") && noNumber.field).toBe("newPhone");

    const held = await openCase(t.db, agency, { holds: ["disputed"] });
    const refused = await fail(requestCallBack({ ctx: asDebtor(held), input: { caseId: held.id, contactPointId: "new", newPhone: "0698765432", day: "2027-03-16", slot: "evening" } }));
    expect(selfServiceRefusalOf(refused)).toEqual({ reason: "on_hold" });
    expect((await getCallBackOptions({ ctx: asDebtor(held), input: { caseId: held.id } })).isOnHold).toBe(true);
    const stranger = await openCase(t.db, agency);
    expect(isDomainError(await fail(requestCallBack({ ctx: asDebtor(stranger), input: { caseId: kase.id, contactPointId: "new", newPhone: "0611111111", day: "2027-03-16", slot: "morning" } })), "NOT_FOUND")).toBe(true);
    expect(isDomainError(await fail(getCallBackOptions({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id } })), "NOT_FOUND")).toBe(true);
  });
});

describe("the queue on a big book", () => {
  it("finds a case the debtor just disputed even when the stored order's head is full of others", async () => {
    const kase = await openCase(t.db, agency);
    // More open cases of the team than the stored-order branch reads, all ranked above it by stored score.
    const [filler] = await t.db.insert(debtors).values({ clientId: agency.clientId, kind: "person", type: "consumer", lastName: "Filler", locale: "fr", jurisdiction: "FR" }).returning();
    await t.sql`
      insert into cases (client_id, debtor_id, reference, payment_reference, stage, jurisdiction, currency, placed_on, team_id, balance_cents, priority_score)
      select ${agency.clientId}, ${filler!.id}, 'RC-FILL-' || g, 'RF-FILL-' || g, 'in_contact', 'FR', 'EUR', '2026-06-01', ${agency.teamA}, 1000, 1000
      from generate_series(1, ${QUEUE_WINDOW + 20}) g`;
    await openDebtorDispute({ ctx: asDebtor(kase), input: { caseId: kase.id, reason: "identity_theft", details: "Someone used my name." } });
    const { row } = await queueRowOf(kase.id);
    expect(row?.reasons.map((r) => r.code)).toEqual(["portal_dispute"]);
    const [{ n }] = (await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(cases)
      .where(and(eq(cases.teamId, agency.teamA), sql`${cases.priorityScore} > ${(await caseRow(kase.id)).priorityScore}`))) as [{ n: number }];
    expect(n).toBeGreaterThan(QUEUE_WINDOW);
  });
});
