/**
 * A debtor's plan and settlement proposals against a real database: each answer of the policy, what
 * accepting writes (the acknowledgment exactly as shown, the PDF agreement, one confirmation email),
 * stale offers, waiting proposals in the approvals queue, and every other actor finding nothing.
 */
import { arrangements, auditEvents, cases, contactPoints, documents, instalments, messages, messageTemplates, negotiationPolicies, promises, storedFiles, type Case } from "@recouvra/db";
import { useTestDb } from "@recouvra/db/testing";
import { isDomainError, scheduleTotal, type Instalment } from "@recouvra/domain";
import { and, eq, sql } from "drizzle-orm";
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { decideApproval, listApprovals } from "../approvals/approvals.ts";
import { buildAgency, ctxFor, NOW, openCase, type Agency } from "../cases/actions/test-fixtures.ts";
import type { Actor } from "../context.ts";
import { addContactPoints, setUpAgency } from "../messages/test-fixtures.ts";
import { getDebtorStatement } from "../statement/get-debtor-statement.ts";
import { planAgreementPdf } from "./plans-agreement.ts";
import { acceptDebtorPlan, debtorProposalRefusalOf, getDebtorPlanPage, previewDebtorPlan, referDebtorPlan, requestSettlement, type DebtorPlanOffer } from "./plans.ts";

const t = useTestDb();
let agency: Agency;
const fail = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

beforeAll(async () => {
  agency = await buildAgency(t.db);
  await setUpAgency(t.db);
  // The test client's policy (6 instalments over 6 months, 25.00 at least, first payment within 30
  // days), and a conversation for any balance above 5,000.00.
  await t.db
    .update(negotiationPolicies)
    .set({ policy: sql`${negotiationPolicies.policy} || '{"maxAutoBalanceCents": 500000}'::jsonb` })
    .where(eq(negotiationPolicies.clientId, agency.clientId));
  await t.db.insert(messageTemplates).values(
    (["fr", "nl", "en"] as const).map((locale) => ({
      key: "plan_confirmation",
      channel: "email",
      locale,
      name: "Payment plan confirmation",
      subject: { fr: "Votre échéancier — dossier {reference}", nl: "Uw betalingsregeling — dossier {reference}", en: "Your payment plan — file {reference}" }[locale],
      body: { fr: "Votre échéancier de {amount} est accepté. Première échéance le {deadline}.", nl: "Uw regeling van {amount} is aanvaard. Eerste termijn op {deadline}.", en: "Your plan for {amount} is accepted. First instalment on {deadline}." }[locale],
    })),
  );
});

const debtorOf = (kase: Case): Actor => ({ kind: "debtor", debtorId: kase.debtorId, caseIds: [kase.id] });
const asDebtor = (kase: Case) => ctxFor(t.db, debtorOf(kase));

/** An open case of the test client (balance 1,060.00 unless told) whose debtor has a usable email. */
async function debtorCase(options: Parameters<typeof openCase>[2] = {}, withEmail = true): Promise<Case> {
  const kase = await openCase(t.db, agency, options);
  if (withEmail) await addContactPoints(t.db, kase);
  return kase;
}

const SIX = { mode: "count" as const, count: 6, firstDueOn: "2027-03-22" };
const actionsOf = async (caseId: string) => (await t.db.select().from(auditEvents).where(eq(auditEvents.caseId, caseId)).orderBy(auditEvents.seq)).map((e) => e.action);
const arrangementsOf = (caseId: string) => t.db.select().from(arrangements).where(eq(arrangements.caseId, caseId));

async function offerFor(kase: Case, terms: object, locale: "fr" | "nl" | "en" = "fr"): Promise<DebtorPlanOffer> {
  const decision = await previewDebtorPlan({ ctx: asDebtor(kase), input: { caseId: kase.id, locale, ...terms } as never });
  if (decision.outcome === "refer") throw new Error("expected an offer");
  return decision;
}

describe("previewDebtorPlan", () => {
  it("accepts a plan within policy with every instalment, and writes nothing", async () => {
    const kase = await debtorCase();
    const offer = await offerFor(kase, SIX, "en");
    expect(offer).toMatchObject({ outcome: "accept", totalCents: 106_000, currency: "EUR", reasons: [], locale: "en" });
    expect(offer.schedule.map((l) => [l.dueOn, l.amountCents])).toEqual([
      ["2027-03-22", 17_667],
      ["2027-04-22", 17_667],
      ["2027-05-22", 17_667],
      ["2027-06-22", 17_667],
      ["2027-07-22", 17_666],
      ["2027-08-22", 17_666],
    ]);
    expect(offer.acknowledgmentText).toBe(
      `I, Debtor ${kase.reference.split("-")[2]}, acknowledge that I owe Fournil SAS the sum of €1,060.00 (file ${kase.reference}). ` +
        "I undertake to pay it in 6 monthly instalments: 4 instalments of €176.67 from 22 March 2027 to 22 June 2027, then 2 instalments of €176.66 from 22 July 2027 to 22 August 2027. " +
        "By accepting this payment plan, I acknowledge this debt.",
    );
    expect(offer.fingerprint).toMatch(/^v1-[0-9a-f]{16}$/);
    expect(await arrangementsOf(kase.id)).toEqual([]);
    expect(await actionsOf(kase.id)).toEqual([]);
  });

  it("counters a plan outside policy with the closest one it allows, saying why", async () => {
    const kase = await debtorCase();
    const offer = await offerFor(kase, { mode: "count", count: 24, firstDueOn: "2027-03-22" });
    expect(offer.outcome).toBe("counter");
    expect(offer.reasons).toContain("too_many_instalments");
    expect(offer.schedule).toHaveLength(6);
    expect(scheduleTotal(offer.schedule)).toBe(106_000);
    expect(offer.acknowledgmentText).toContain("Je m'engage à la payer en 6 versements mensuels");
  });

  it("refers what only a person can decide, with the day the answer comes", async () => {
    const kase = await debtorCase({ principalCents: 600_000 });
    const decision = await previewDebtorPlan({ ctx: asDebtor(kase), input: { caseId: kase.id, ...SIX } });
    // Monday 15 March → Wednesday 17 March.
    expect(decision).toEqual({ outcome: "refer", terms: SIX, reasons: ["balance_above_auto_limit"], answerBy: "2027-03-17" });
  });

  it("names the field of terms that cannot be used", async () => {
    const kase = await debtorCase();
    const tiny = await fail(previewDebtorPlan({ ctx: asDebtor(kase), input: { caseId: kase.id, mode: "amount", instalmentCents: 500, firstDueOn: "2027-03-22" } }));
    expect(isDomainError(tiny, "VALIDATION") && tiny.field).toBe("instalmentCents");
    expect(debtorProposalRefusalOf(tiny)).toEqual({ kind: "problem", problem: { field: "amount", problem: "too_small", minimumCents: 884 } });
    const past = await fail(previewDebtorPlan({ ctx: asDebtor(kase), input: { caseId: kase.id, mode: "count", count: 3, firstDueOn: "2027-03-14" } }));
    expect(isDomainError(past, "VALIDATION") && past.field).toBe("firstDueOn");
    const noCount = await fail(previewDebtorPlan({ ctx: asDebtor(kase), input: { caseId: kase.id, mode: "count", firstDueOn: "2027-03-22" } }));
    expect(isDomainError(noCount, "VALIDATION") && noCount.field).toBe("count");
  });
});

describe("acceptDebtorPlan", () => {
  it("starts the plan with the acknowledgment as shown, the PDF agreement and one confirmation email, in one go", async () => {
    const kase = await debtorCase({ stage: "promise" });
    await t.db.insert(promises).values({ caseId: kase.id, clientId: kase.clientId, promisedOn: "2027-03-10", dueOn: "2027-03-20", amountCents: 106_000, currency: "EUR" });
    const offer = await offerFor(kase, SIX);
    const accepted = await acceptDebtorPlan({
      ctx: asDebtor(kase),
      input: { caseId: kase.id, ...SIX, locale: "fr", fingerprint: offer.fingerprint, ip: "203.0.113.7", userAgent: "Mozilla/5.0 (test)", portalUrl: "http://portal.test" },
    });
    expect(accepted.firstInstalment).toEqual({ dueOn: "2027-03-22", amountCents: 17_667 });

    const [row] = await arrangementsOf(kase.id);
    expect(row).toMatchObject({ id: accepted.arrangementId, kind: "plan", status: "active", proposedBy: "debtor", totalCents: 106_000, acknowledgmentIp: "203.0.113.7" });
    // Byte for byte what the debtor read.
    expect(row!.acknowledgmentText).toBe(offer.acknowledgmentText);
    expect(row!.acknowledgedAt?.toISOString()).toBe(new Date(NOW).toISOString());
    expect(row!.terms).toMatchObject({ frequency: "monthly", count: 6, firstDueOn: "2027-03-22", offerFingerprint: offer.fingerprint, agreementDocumentId: accepted.documentId });
    const lines = await t.db.select().from(instalments).where(eq(instalments.arrangementId, accepted.arrangementId));
    expect(lines.map((l) => [l.seq, l.dueOn, l.amountCents]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual(offer.schedule.map((l: Instalment) => [l.seq, l.dueOn, l.amountCents]));
    const [after] = await t.db.select().from(cases).where(eq(cases.id, kase.id));
    expect(after).toMatchObject({ stage: "arrangement", nextActionOn: "2027-03-22" });
    const [promise] = await t.db.select().from(promises).where(eq(promises.caseId, kase.id));
    expect(promise!.status).toBe("cancelled");

    const [doc] = await t.db.select().from(documents).where(eq(documents.id, accepted.documentId));
    expect(doc).toMatchObject({ caseId: kase.id, kind: "plan_agreement", mimeType: "application/pdf", filename: `accord-echeancier-${kase.reference}.pdf` });
    const [file] = await t.db.select().from(storedFiles).where(eq(storedFiles.key, doc!.storageKey));
    const bytes = Buffer.from(file!.bytes);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(doc!.sha256);
    expect(bytes.length).toBe(doc!.sizeBytes);
    expect(bytes.toString("latin1")).toContain("Reconnaissance de dette");
    const statement = await getDebtorStatement({ ctx: asDebtor(kase), input: { caseId: kase.id } });
    expect(statement.documents.map((d) => [d.id, d.kind])).toContainEqual([accepted.documentId, "plan_agreement"]);
    expect(statement.commitment).toMatchObject({ kind: "plan", totalCents: 106_000 });

    const sent = await t.db.select().from(messages).where(and(eq(messages.caseId, kase.id), eq(messages.template, "plan_confirmation")));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ id: accepted.messageId, status: "queued", channel: "email", recipient: "lea.martin@example.test", idempotencyKey: `plan-confirmation:${accepted.arrangementId}`, locale: "fr" });
    expect(sent[0]!.body).toBe("Votre échéancier de 1\u202f060,00\u00a0€ est accepté. Première échéance le 22 mars 2027.");

    expect(await actionsOf(kase.id)).toEqual(["arrangement.accepted", "case.stage_changed", "document.generated", "message.queued"]);
    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.caseId, kase.id), eq(auditEvents.action, "arrangement.accepted")));
    expect(event).toMatchObject({ actorKind: "debtor", actorId: kase.debtorId });
    expect(event!.data).toMatchObject({ decision: "accept", cancelledPromises: 1, acknowledgment: { ip: "203.0.113.7", userAgent: "Mozilla/5.0 (test)", locale: "fr" } });

    // The same form sent again: refused, and still one plan, one agreement, one email.
    const again = await fail(acceptDebtorPlan({ ctx: asDebtor(kase), input: { caseId: kase.id, ...SIX, locale: "fr", fingerprint: offer.fingerprint } }));
    expect(isDomainError(again, "CONFLICT")).toBe(true);
    expect(debtorProposalRefusalOf(again)).toEqual({ kind: "unavailable", reason: "commitment_running" });
    expect(await arrangementsOf(kase.id)).toHaveLength(1);
    expect(await t.db.select().from(documents).where(and(eq(documents.caseId, kase.id), eq(documents.kind, "plan_agreement")))).toHaveLength(1);
    expect(await t.db.select().from(messages).where(eq(messages.caseId, kase.id))).toHaveLength(1);

    const page = await getDebtorPlanPage({ ctx: asDebtor(kase), input: { caseId: kase.id } });
    expect(page).toMatchObject({ planUnavailable: "commitment_running", plan: { arrangementId: accepted.arrangementId, agreementDocumentId: accepted.documentId, nextDue: { dueOn: "2027-03-22", amountCents: 17_667 } } });
  });

  it("accepts a counter-offer, keeping what the debtor asked for beside it", async () => {
    const kase = await debtorCase();
    const asked = { mode: "count" as const, count: 24, firstDueOn: "2027-03-22" };
    const offer = await offerFor(kase, asked, "nl");
    expect(offer.outcome).toBe("counter");
    const accepted = await acceptDebtorPlan({ ctx: asDebtor(kase), input: { caseId: kase.id, ...asked, locale: "nl", fingerprint: offer.fingerprint } });
    const [row] = await arrangementsOf(kase.id);
    expect(row).toMatchObject({ status: "active", proposedBy: "debtor", acknowledgmentText: offer.acknowledgmentText, acknowledgmentIp: null });
    expect(row!.terms).toMatchObject({ counterOffer: true, proposal: asked, instalments: 6, reasonCodes: expect.arrayContaining(["too_many_instalments"]) });
    expect(row!.decisionReason).toMatch(/Counter-offer/);
    const lines = await t.db.select().from(instalments).where(eq(instalments.arrangementId, accepted.arrangementId));
    expect(lines.reduce((s, l) => s + l.amountCents, 0)).toBe(106_000);
    const [doc] = await t.db.select().from(documents).where(eq(documents.id, accepted.documentId));
    expect(doc!.filename).toBe(`overeenkomst-betalingsregeling-${kase.reference}.pdf`);
  });

  it("refuses an offer that changed since it was shown, and writes nothing", async () => {
    const kase = await debtorCase();
    const offer = await offerFor(kase, SIX);
    // A payment arrived meanwhile: the same terms now make another schedule.
    await t.db.update(cases).set({ balanceCents: 96_000 }).where(eq(cases.id, kase.id));
    const stale = await fail(acceptDebtorPlan({ ctx: asDebtor(kase), input: { caseId: kase.id, ...SIX, locale: "fr", fingerprint: offer.fingerprint } }));
    expect(isDomainError(stale, "CONFLICT") && stale.field).toBe("fingerprint");
    expect(debtorProposalRefusalOf(stale)).toEqual({ kind: "offer_changed" });
    const forged = await fail(acceptDebtorPlan({ ctx: asDebtor(kase), input: { caseId: kase.id, ...SIX, locale: "fr", fingerprint: "v1-0000000000000000" } }));
    expect(isDomainError(forged, "CONFLICT")).toBe(true);
    // The text shown in one language is not accepted in another.
    const fresh = await offerFor(kase, SIX, "fr");
    const otherLanguage = await fail(acceptDebtorPlan({ ctx: asDebtor(kase), input: { caseId: kase.id, ...SIX, locale: "en", fingerprint: fresh.fingerprint } }));
    expect(isDomainError(otherLanguage, "CONFLICT")).toBe(true);
    expect(await arrangementsOf(kase.id)).toEqual([]);
    expect(await t.db.select().from(documents).where(eq(documents.caseId, kase.id))).toEqual([]);
    expect(await actionsOf(kase.id)).toEqual([]);
  });

  it("says on the trail why no confirmation went out when the debtor has no usable email", async () => {
    const kase = await debtorCase({}, false);
    await t.db.insert(contactPoints).values({ debtorId: kase.debtorId, clientId: kase.clientId, kind: "email", value: "bounced@example.test", isInvalid: true });
    const offer = await offerFor(kase, SIX);
    const accepted = await acceptDebtorPlan({ ctx: asDebtor(kase), input: { caseId: kase.id, ...SIX, locale: "fr", fingerprint: offer.fingerprint } });
    expect(accepted.messageId).toBeNull();
    expect(await t.db.select().from(messages).where(eq(messages.caseId, kase.id))).toEqual([]);
    expect(await actionsOf(kase.id)).toContain("arrangement.confirmation_not_sent");
  });
});

describe("referDebtorPlan", () => {
  it("files a referred plan for the approvals queue, once, where a supervisor decides it like an agent's", async () => {
    const kase = await debtorCase({ principalCents: 600_000 });
    const sent = await referDebtorPlan({ ctx: asDebtor(kase), input: { caseId: kase.id, ...SIX, message: "Je viens de perdre mon emploi." } });
    expect(sent.answerBy).toBe("2027-03-17");
    const [row] = await arrangementsOf(kase.id);
    expect(row).toMatchObject({ status: "proposed", kind: "plan", proposedBy: "debtor", totalCents: 606_000 });
    expect(row!.terms).toMatchObject({ frequency: "monthly", count: 6, firstDueOn: "2027-03-22", reasonCodes: ["balance_above_auto_limit"], answerBy: "2027-03-17", debtorMessage: "Je viens de perdre mon emploi." });
    expect(await actionsOf(kase.id)).toEqual(["arrangement.proposed"]);

    const twice = await fail(referDebtorPlan({ ctx: asDebtor(kase), input: { caseId: kase.id, ...SIX } }));
    expect(isDomainError(twice, "CONFLICT")).toBe(true);
    expect(debtorProposalRefusalOf(twice)).toEqual({ kind: "unavailable", reason: "proposal_waiting" });
    expect(await arrangementsOf(kase.id)).toHaveLength(1);
    const page = await getDebtorPlanPage({ ctx: asDebtor(kase), input: { caseId: kase.id } });
    expect(page).toMatchObject({ planUnavailable: "proposal_waiting", settlementUnavailable: "proposal_waiting", waiting: { arrangementId: row!.id, kind: "plan", answerBy: "2027-03-17", proposedOn: "2027-03-15" } });

    const queue = await listApprovals({ ctx: ctxFor(t.db, agency.supervisor) });
    expect(queue.find((q) => q.arrangementId === row!.id)).toMatchObject({ kind: "plan", proposedBy: "debtor", caseId: kase.id });
    expect(await decideApproval({ ctx: ctxFor(t.db, agency.supervisor), input: { arrangementId: row!.id, decision: "approve" } })).toEqual({ status: "active" });
    expect((await t.db.select().from(cases).where(eq(cases.id, kase.id)))[0]!.stage).toBe("arrangement");
  });

  it("sends the debtor's own plan instead of the counter-offer when they prefer, with the counter beside it", async () => {
    const kase = await debtorCase();
    await referDebtorPlan({ ctx: asDebtor(kase), input: { caseId: kase.id, mode: "count", count: 12, firstDueOn: "2027-03-22" } });
    const [row] = await arrangementsOf(kase.id);
    expect(row!.terms).toMatchObject({ count: 12, counterDeclined: true, reasonCodes: expect.arrayContaining(["too_many_instalments"]) });
    expect((row!.terms as { counter: unknown[] }).counter).toHaveLength(6);
    expect(row!.decisionReason).toMatch(/rather than the counter-offer/);
  });

  it("does not refer a plan the policy accepts", async () => {
    const kase = await debtorCase();
    const refused = await fail(referDebtorPlan({ ctx: asDebtor(kase), input: { caseId: kase.id, ...SIX } }));
    expect(isDomainError(refused, "CONFLICT")).toBe(true);
    expect(await arrangementsOf(kase.id)).toEqual([]);
  });
});

describe("requestSettlement", () => {
  it("always refers a lump sum below the balance, and the approvals queue shows it", async () => {
    const kase = await debtorCase();
    const sent = await requestSettlement({ ctx: asDebtor(kase), input: { caseId: kase.id, amountCents: 80_000, payOn: "2027-04-01", message: "  Je peux payer début avril.  " } });
    expect(sent.answerBy).toBe("2027-03-17");
    const [row] = await arrangementsOf(kase.id);
    expect(row).toMatchObject({ kind: "settlement", status: "proposed", proposedBy: "debtor", totalCents: 80_000 });
    // 24.5% off where the policy allows 20%: the client decides.
    expect(row!.terms).toMatchObject({ amountCents: 80_000, payOn: "2027-04-01", balanceCents: 106_000, reasonCodes: ["settlement_requires_approval", "settlement_discount_exceeds_policy"], debtorMessage: "Je peux payer début avril." });
    const queue = await listApprovals({ ctx: ctxFor(t.db, agency.supervisor) });
    expect(queue.find((q) => q.arrangementId === row!.id)).toMatchObject({ kind: "settlement", totalCents: 80_000, balanceCents: 106_000, proposedBy: "debtor" });
    expect(await actionsOf(kase.id)).toEqual(["arrangement.proposed"]);
    const twice = await fail(requestSettlement({ ctx: asDebtor(kase), input: { caseId: kase.id, amountCents: 90_000, payOn: "2027-04-01" } }));
    expect(debtorProposalRefusalOf(twice)).toEqual({ kind: "unavailable", reason: "proposal_waiting" });
  });

  it("names the field of an amount that is not a settlement, or a date in the past", async () => {
    const kase = await debtorCase();
    for (const amountCents of [0, -5, 106_000, 200_000]) {
      const e = await fail(requestSettlement({ ctx: asDebtor(kase), input: { caseId: kase.id, amountCents, payOn: "2027-04-01" } }));
      expect(isDomainError(e, "VALIDATION") && e.field).toBe("amountCents");
    }
    const past = await fail(requestSettlement({ ctx: asDebtor(kase), input: { caseId: kase.id, amountCents: 50_000, payOn: "2027-03-01" } }));
    expect(isDomainError(past, "VALIDATION") && past.field).toBe("payOn");
    expect(await arrangementsOf(kase.id)).toEqual([]);
  });
});

describe("who may propose, and when", () => {
  it("is NOT_FOUND for another debtor, for the wrong debtor on the case, and for staff", async () => {
    const kase = await debtorCase();
    const other = await debtorCase();
    const offer = await offerFor(kase, SIX);
    const strangers: Actor[] = [
      debtorOf(other),
      { kind: "debtor", debtorId: other.debtorId, caseIds: [kase.id] },
      agency.agentA,
      agency.supervisor,
      agency.clientUser,
      { kind: "system", name: "test" },
    ];
    for (const actor of strangers) {
      const ctx = ctxFor(t.db, actor);
      const attempts = [
        () => previewDebtorPlan({ ctx, input: { caseId: kase.id, ...SIX } }),
        () => acceptDebtorPlan({ ctx, input: { caseId: kase.id, ...SIX, locale: "fr", fingerprint: offer.fingerprint } }),
        () => referDebtorPlan({ ctx, input: { caseId: kase.id, mode: "count", count: 12, firstDueOn: "2027-03-22" } }),
        () => requestSettlement({ ctx, input: { caseId: kase.id, amountCents: 50_000, payOn: "2027-04-01" } }),
        () => getDebtorPlanPage({ ctx, input: { caseId: kase.id } }),
      ];
      // One after the other: each runs (and is refused) on its own.
      for (const attempt of attempts) expect(isDomainError(await fail(attempt()), "NOT_FOUND")).toBe(true);
    }
    expect(isDomainError(await fail(getDebtorPlanPage({ ctx: asDebtor(kase), input: { caseId: "not-a-uuid" } })), "NOT_FOUND")).toBe(true);
    expect(await arrangementsOf(kase.id)).toEqual([]);
  });

  it("refuses a closed case, a dispute, another hold, a running plan and a case before its notice, saying which", async () => {
    const closed = await debtorCase();
    await t.db.update(cases).set({ stage: "closed", closureReason: "withdrawn", closedOn: "2027-03-10" }).where(eq(cases.id, closed.id));
    const disputed = await debtorCase({ holds: ["disputed"] });
    const insolvent = await debtorCase({ holds: ["insolvency"] });
    const fresh = await debtorCase({ stage: "new" });
    const running = await debtorCase();
    const offer = await offerFor(running, SIX);
    await acceptDebtorPlan({ ctx: asDebtor(running), input: { caseId: running.id, ...SIX, locale: "fr", fingerprint: offer.fingerprint } });
    const expected: [Case, string, string | null][] = [
      [closed, "closed", "closed"],
      [disputed, "disputed", "disputed"],
      [insolvent, "on_hold", "on_hold"],
      [running, "commitment_running", "commitment_running"],
      [fresh, "not_yet", null],
    ];
    for (const [kase, planReason, settlementReason] of expected) {
      const e = await fail(previewDebtorPlan({ ctx: asDebtor(kase), input: { caseId: kase.id, ...SIX } }));
      expect(debtorProposalRefusalOf(e)).toEqual({ kind: "unavailable", reason: planReason });
      const page = await getDebtorPlanPage({ ctx: asDebtor(kase), input: { caseId: kase.id } });
      expect([page.planUnavailable, page.settlementUnavailable]).toEqual([planReason, settlementReason]);
    }
  });
});

describe("planAgreementPdf", () => {
  it("runs a long schedule onto further pages, with the same bytes for the same input", () => {
    const schedule: Instalment[] = Array.from({ length: 48 }, (_, i) => ({ seq: i + 1, dueOn: `20${27 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-05`, amountCents: 2_500, isDownPayment: false }));
    const input = {
      language: "en" as const,
      formatLocale: "en-GB",
      agency: { name: "Agency", legalName: "Agency SRL", address: "Avenue des Arts 27, 1000 Bruxelles", registrationNumber: "BCE 0712.345.678" },
      creditorName: "Fournil SAS",
      debtorName: "Léa Martin",
      reference: "RC-2027-000001",
      currency: "EUR",
      totalCents: 120_000,
      schedule,
      acknowledgmentText: "I acknowledge this debt. ".repeat(30),
      acceptedAt: new Date(NOW),
      ip: "203.0.113.9",
      fingerprint: "v1-0123456789abcdef",
    };
    const bytes = planAgreementPdf(input);
    const text = Buffer.from(bytes).toString("latin1");
    expect(text.startsWith("%PDF-1.4")).toBe(true);
    expect(text.trimEnd().endsWith("%%EOF")).toBe(true);
    expect(/\/Count (\d+)/.exec(text)?.[1]).toBe("2");
    expect(text).toContain("(Page 2 of 2)");
    expect(text).toContain("IP address 203.0.113.9");
    expect(Buffer.from(planAgreementPdf(input)).equals(Buffer.from(bytes))).toBe(true);
  });
});
