/**
 * Automatic collection with the offline demo provider, against the database: the pay page's next
 * instalment, saving a card or SEPA mandate through the same signed-webhook path Stripe would take,
 * the daily charge run, and stopping it.
 */
import { arrangements, auditEvents, cases, instalments, messages, paymentMandates, payments } from "@recouvra/db";
import { seedDemo } from "@recouvra/db/seed";
import { useTestDb } from "@recouvra/db/testing";
import { addDays, isDomainError } from "@recouvra/domain";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock, systemActor, systemClock, today, type Actor, type Clock, type Ctx } from "../context.ts";
import { getCaseFile } from "../cases/get-case-file.ts";
import { getPaymentOptions } from "./checkout.ts";
import { collectDueInstalments } from "./collect-instalments.ts";
import { completeDemoMandateSetup, getAutomaticCollection, getMandateSetup, revokeMandate, startMandateSetup } from "./mandates.ts";
import { demoProvider, type OffSessionChargeRequest, type PaymentProvider } from "./provider.ts";
import { receiveProviderWebhook } from "./record-provider-payment.ts";
import { debtorOf, openCases, withLivePlan } from "./test-plans.ts";

const t = useTestDb();
const PORTAL = "http://portal.test";
const DAY = today(systemClock);
const demo = demoProvider();
const nextCase = openCases(() => t.db);

beforeAll(async () => {
  await seedDemo(t.db, { today: DAY });
}, 60_000);

const ctxAs = (actor: Actor, clock: Clock = systemClock): Ctx => ({ db: t.db, clock, actor });
const worker = (clock: Clock = systemClock) => ctxAs(systemActor("worker"), clock);
const webhook = () => ctxAs(systemActor("webhook:stripe"));

async function errorOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

/** Saves a demo method on the running plan of `kase`, through the signed webhook path. */
async function saveDemoMethod(kase: Awaited<ReturnType<typeof nextCase>>, method: "card" | "sepa_debit" = "card", provider = demo) {
  const { setupId } = await startMandateSetup({ ctx: ctxAs(debtorOf(kase)), input: { caseId: kase.id, locale: "fr", portalUrl: PORTAL }, provider });
  const delivery = await completeDemoMandateSetup({ ctx: ctxAs(debtorOf(kase)), input: { caseId: kase.id, setupId, method }, provider });
  const outcome = await receiveProviderWebhook({ ctx: webhook(), input: delivery, provider });
  return { setupId, delivery, outcome };
}

const mandatesOf = (caseId: string) => t.db.select().from(paymentMandates).where(eq(paymentMandates.caseId, caseId));
const paymentsOf = (caseId: string) => t.db.select().from(payments).where(and(eq(payments.caseId, caseId), eq(payments.provider, "demo")));
const linesOf = async (arrangementId: string) => (await t.db.select().from(instalments).where(eq(instalments.arrangementId, arrangementId))).sort((a, b) => a.seq - b.seq);
const trailOf = (entityId: string, action: string) => t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, entityId), eq(auditEvents.action, action)));

describe("the pay page's next instalment", () => {
  it("is what is left on the earliest unsettled instalment, or the overdue total when several are overdue", async () => {
    const upToDate = await nextCase();
    await withLivePlan(t.db, upToDate, DAY, [
      { days: -30, amountCents: 20_000, paidCents: 20_000, status: "paid" },
      { days: 5, amountCents: 20_000, paidCents: 7_500, status: "partially_paid" },
      { days: 35, amountCents: 20_000 },
    ]);
    const options = await getPaymentOptions({ ctx: ctxAs(debtorOf(upToDate)), input: { caseId: upToDate.id } });
    expect(options.nextInstalment).toEqual({ amountCents: 12_500, dueOn: addDays(DAY, 5), isOverdue: false, overdueCount: 0, seqs: [2] });
    expect(options.automaticCollection).toMatchObject({ canSetUp: true, methods: ["card", "sepa_debit"], mandate: null, nextCollection: { dueOn: addDays(DAY, 5), amountCents: 12_500, isOverdue: false } });

    const behind = await nextCase();
    await withLivePlan(t.db, behind, DAY, [
      { days: -40, amountCents: 20_000, status: "missed" },
      { days: -10, amountCents: 20_000 },
      { days: 20, amountCents: 20_000 },
    ]);
    const late = await getPaymentOptions({ ctx: ctxAs(debtorOf(behind)), input: { caseId: behind.id } });
    expect(late.nextInstalment).toEqual({ amountCents: 40_000, dueOn: addDays(DAY, -40), isOverdue: true, overdueCount: 2, seqs: [1, 2] });
    expect(late.automaticCollection.nextCollection).toEqual({ amountCents: 20_000, dueOn: addDays(DAY, -40), isOverdue: true });
  });

  it("is absent without a running plan", async () => {
    const kase = await nextCase();
    const options = await getPaymentOptions({ ctx: ctxAs(debtorOf(kase)), input: { caseId: kase.id } });
    expect(options.nextInstalment).toBeNull();
    expect(options.automaticCollection).toMatchObject({ canSetUp: false, arrangementId: null, mandate: null });
  });
});

describe("saving a method for automatic collection", () => {
  it("goes to the demo setup page, and records the mandate once however often the signed event is delivered", async () => {
    const kase = await nextCase();
    const { arrangementId } = await withLivePlan(t.db, kase, DAY, [{ days: 10, amountCents: 25_000 }, { days: 40, amountCents: 25_000 }]);
    const me = ctxAs(debtorOf(kase));
    const { setupId, url } = await startMandateSetup({ ctx: me, input: { caseId: kase.id, locale: "en", portalUrl: PORTAL }, provider: demo });
    expect(url).toBe(`${PORTAL}/case/pay/demo-setup/${setupId}`);
    const [started] = await trailOf(setupId, "payment.mandate_setup_started");
    expect(started).toMatchObject({ actorKind: "debtor", actorId: kase.debtorId, caseId: kase.id });
    expect(started!.data).toMatchObject({ provider: "demo", arrangementId, methods: ["card", "sepa_debit"] });
    expect(await getMandateSetup({ ctx: me, input: { caseId: kase.id, setupId } })).toMatchObject({ status: "confirming", mandate: null });

    const delivery = await completeDemoMandateSetup({ ctx: me, input: { caseId: kase.id, setupId, method: "card" }, provider: demo });
    const outcomes = await Promise.all([1, 2, 3].map(() => receiveProviderWebhook({ ctx: webhook(), input: delivery, provider: demo })));
    expect(outcomes.map((o) => o.status).sort()).toEqual(["mandate_replayed", "mandate_replayed", "mandate_saved"]);

    const rows = await mandatesOf(kase.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ arrangementId, provider: "demo", method: "card", label: "Visa •••• 4242", status: "active", providerSetupId: setupId, revokedAt: null });
    expect(rows[0]!.providerPaymentMethodId).toMatch(/^pm_demo_card_/);
    const created = await trailOf(rows[0]!.id, "mandate.created");
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ actorKind: "system", caseId: kase.id });
    expect(created[0]!.data).toMatchObject({ method: "card", label: "Visa •••• 4242", setupId });

    expect(await getMandateSetup({ ctx: me, input: { caseId: kase.id, setupId } })).toMatchObject({ status: "saved", mandate: { label: "Visa •••• 4242" } });
    expect((await getAutomaticCollection({ ctx: me, input: { caseId: kase.id } })).mandate).toMatchObject({ id: rows[0]!.id, method: "card", label: "Visa •••• 4242" });

    // The agent reads it in the case file's plan section; the creditor does not.
    const admin: Actor = { kind: "user", userId: "00000000-0000-4000-8000-000000000001", role: "admin" };
    expect((await getCaseFile({ ctx: ctxAs(admin), input: { caseId: kase.id } })).arrangement).toMatchObject({ id: arrangementId, mandate: { method: "card", label: "Visa •••• 4242" } });
    const creditor: Actor = { kind: "user", userId: "00000000-0000-4000-8000-000000000002", role: "client", clientId: kase.clientId };
    expect((await getCaseFile({ ctx: ctxAs(creditor), input: { caseId: kase.id } })).arrangement).toMatchObject({ id: arrangementId, mandate: null });
  });

  it("replaces the older method with a newer one in the same transaction", async () => {
    const kase = await nextCase();
    await withLivePlan(t.db, kase, DAY, [{ days: 10, amountCents: 25_000 }]);
    const first = await saveDemoMethod(kase, "card");
    const second = await saveDemoMethod(kase, "sepa_debit");
    expect([first.outcome.status, second.outcome.status]).toEqual(["mandate_saved", "mandate_saved"]);
    const rows = await mandatesOf(kase.id);
    const active = rows.filter((r) => r.status === "active");
    expect(active).toHaveLength(1);
    expect(active[0]).toMatchObject({ method: "sepa_debit", label: "SEPA DE •••• 3000", providerSetupId: second.setupId });
    const old = rows.find((r) => r.providerSetupId === first.setupId)!;
    expect(old.status).toBe("revoked");
    expect(old.revokedAt).not.toBeNull();
    const [revoked] = await trailOf(old.id, "mandate.revoked");
    expect(revoked!.data).toMatchObject({ reason: "replaced", byMandateId: active[0]!.id });
    expect(await getMandateSetup({ ctx: ctxAs(debtorOf(kase)), input: { caseId: kase.id, setupId: first.setupId } })).toMatchObject({ status: "stopped" });
  });

  it("needs a running plan with something still to pay", async () => {
    const kase = await nextCase();
    const error = await errorOf(() => startMandateSetup({ ctx: ctxAs(debtorOf(kase)), input: { caseId: kase.id, portalUrl: PORTAL }, provider: demo }));
    expect(isDomainError(error) && error.code).toBe("PRECONDITION_FAILED");
    expect(await t.db.select().from(auditEvents).where(and(eq(auditEvents.caseId, kase.id), eq(auditEvents.action, "payment.mandate_setup_started")))).toHaveLength(0);
  });

  it("saves nothing when the plan ended between the setup and its completion", async () => {
    const kase = await nextCase();
    const { arrangementId } = await withLivePlan(t.db, kase, DAY, [{ days: 10, amountCents: 25_000 }]);
    const me = ctxAs(debtorOf(kase));
    const { setupId } = await startMandateSetup({ ctx: me, input: { caseId: kase.id, portalUrl: PORTAL }, provider: demo });
    const delivery = await completeDemoMandateSetup({ ctx: me, input: { caseId: kase.id, setupId, method: "card" }, provider: demo });
    await t.db.update(arrangements).set({ status: "broken" }).where(eq(arrangements.id, arrangementId));
    expect(await receiveProviderWebhook({ ctx: webhook(), input: delivery, provider: demo })).toMatchObject({ status: "ignored" });
    expect(await mandatesOf(kase.id)).toHaveLength(0);
    expect(await getMandateSetup({ ctx: me, input: { caseId: kase.id, setupId } })).toMatchObject({ status: "not_saved" });
  });

  it("answers NOT_FOUND for another debtor's case and setup, and for staff", async () => {
    const mine = await nextCase();
    const theirs = await nextCase();
    await withLivePlan(t.db, theirs, DAY, [{ days: 10, amountCents: 25_000 }]);
    const { setupId } = await saveDemoMethod(theirs);
    const calls = (actor: Actor, caseId: string) => [
      () => startMandateSetup({ ctx: ctxAs(actor), input: { caseId, portalUrl: PORTAL }, provider: demo }),
      () => getMandateSetup({ ctx: ctxAs(actor), input: { caseId, setupId } }),
      () => completeDemoMandateSetup({ ctx: ctxAs(actor), input: { caseId, setupId, method: "card" }, provider: demo }),
      () => getAutomaticCollection({ ctx: ctxAs(actor), input: { caseId } }),
      () => revokeMandate({ ctx: ctxAs(actor), input: { caseId } }),
    ];
    for (const [actor, caseId] of [
      [debtorOf(mine), theirs.id],
      [systemActor("test"), theirs.id],
      [{ kind: "user", userId: "00000000-0000-4000-8000-000000000000", role: "admin" } as Actor, theirs.id],
      [debtorOf(mine), "not-a-uuid"],
    ] as const) {
      for (const call of calls(actor, caseId)) {
        const error = await errorOf(call);
        expect(isDomainError(error) && error.code).toBe("NOT_FOUND");
      }
    }
    // Asking with one's own case for another's setup is NOT_FOUND too.
    const own = await errorOf(() => getMandateSetup({ ctx: ctxAs(debtorOf(mine)), input: { caseId: mine.id, setupId } }));
    expect(isDomainError(own) && own.code).toBe("NOT_FOUND");
    expect((await mandatesOf(theirs.id)).filter((m) => m.status === "active")).toHaveLength(1);
  });
});

describe("the daily charge run", () => {
  it("charges what is due once however often it runs that day, and books each payment once, from the signed event", async () => {
    const kase = await nextCase();
    const plan = await withLivePlan(t.db, kase, DAY, [
      { days: -3, amountCents: 15_000 },
      { days: 0, amountCents: 15_000 },
      { days: 30, amountCents: 15_000 },
    ]);
    await saveDemoMethod(kase);
    const keys: string[] = [];
    const spy: PaymentProvider = { ...demo, chargeOffSession: (r: OffSessionChargeRequest) => (keys.push(r.idempotencyKey), demo.chargeOffSession(r)) };

    const [a, b] = await Promise.all([collectDueInstalments({ ctx: worker(), provider: spy }), collectDueInstalments({ ctx: worker(), provider: spy })]);
    await collectDueInstalments({ ctx: worker(), provider: spy });
    expect(a.requested + b.requested).toBeGreaterThanOrEqual(2);
    const [first, second, third] = plan.instalments;
    const mine = keys.filter((k) => k.startsWith(`instalment:${first!.id}:`) || k.startsWith(`instalment:${second!.id}:`) || k.startsWith(`instalment:${third!.id}:`));
    expect(mine.sort()).toEqual([`instalment:${first!.id}:1`, `instalment:${second!.id}:1`].sort());

    const booked = await paymentsOf(kase.id);
    expect(booked).toHaveLength(2);
    expect(booked.map((p) => p.amountCents)).toEqual([15_000, 15_000]);
    for (const p of booked) expect(p.externalId).toMatch(/^pi_demo_/);
    const lines = await linesOf(plan.arrangementId);
    expect(lines.map((l) => l.status)).toEqual(["paid", "paid", "scheduled"]);
    expect(lines[0]!.collectionRequestedAt).not.toBeNull();
    expect(lines[2]!.collectionRequestedAt).toBeNull();
    expect(await trailOf(first!.id, "instalment.collection_requested")).toHaveLength(1);
    expect(await trailOf(first!.id, "instalment.collection_submitted")).toHaveLength(1);
    const [recorded] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, booked[0]!.id), eq(auditEvents.action, "payment.recorded")));
    expect(recorded!.data).toMatchObject({ provider: "demo", collection: "automatic", externalId: booked[0]!.externalId });
    expect((recorded!.data as { feeAgreementId: string | null }).feeAgreementId).not.toBeNull();
    const receipts = await t.db.select().from(messages).where(and(eq(messages.caseId, kase.id), eq(messages.template, "payment_receipt")));
    expect(receipts).toHaveLength(2);

    // Stripe retries the event: the same payment intent's delivery, three times at once, books nothing more.
    const again = await demo.chargeOffSession({ caseId: kase.id, arrangementId: plan.arrangementId, instalmentId: first!.id, amountCents: 15_000, currency: "EUR", customerId: null, paymentMethodId: "pm", method: "card", description: "x", idempotencyKey: `instalment:${first!.id}:1` });
    if (again.status !== "submitted" || !again.delivery) throw new Error("the demo charge always goes through");
    const replays = await Promise.all([1, 2, 3].map(() => receiveProviderWebhook({ ctx: webhook(), input: again.delivery!, provider: demo })));
    expect(replays.map((r) => r.status)).toEqual(["replayed", "replayed", "replayed"]);
    expect(await paymentsOf(kase.id)).toHaveLength(2);
    const [row] = await t.db.select().from(cases).where(eq(cases.id, kase.id));
    expect(row!.balanceCents).toBe(kase.balanceCents - 30_000);
  });

  it("stops charging once the debtor stops automatic collection", async () => {
    const kase = await nextCase();
    const plan = await withLivePlan(t.db, kase, DAY, [{ days: -1, amountCents: 12_000 }, { days: 30, amountCents: 12_000 }]);
    await saveDemoMethod(kase);
    const me = ctxAs(debtorOf(kase));
    const { revoked } = await revokeMandate({ ctx: me, input: { caseId: kase.id } });
    expect(revoked).toMatchObject({ label: "Visa •••• 4242" });
    expect((await revokeMandate({ ctx: me, input: { caseId: kase.id } })).revoked).toBeNull();
    const [stopped] = await trailOf(revoked!.id, "mandate.revoked");
    expect(stopped).toMatchObject({ actorKind: "debtor", actorId: kase.debtorId });
    expect(stopped!.data).toMatchObject({ reason: "stopped_by_debtor" });
    expect((await getAutomaticCollection({ ctx: me, input: { caseId: kase.id } })).mandate).toBeNull();

    await collectDueInstalments({ ctx: worker(), provider: demo });
    expect(await paymentsOf(kase.id)).toHaveLength(0);
    expect((await linesOf(plan.arrangementId))[0]).toMatchObject({ status: "scheduled", collectionRequestedAt: null });
  });

  it("leaves a refused instalment due, tries again three days later with a new key, and never charges a case on hold", async () => {
    const kase = await nextCase();
    const plan = await withLivePlan(t.db, kase, DAY, [{ days: 0, amountCents: 18_000 }, { days: 30, amountCents: 18_000 }]);
    await saveDemoMethod(kase);
    const [line] = plan.instalments;
    const keys: string[] = [];
    let refuse = true;
    const flaky: PaymentProvider = {
      ...demo,
      chargeOffSession: (r) => {
        keys.push(r.idempotencyKey);
        return refuse ? Promise.resolve({ status: "refused", paymentIntentId: `pi_refused_${keys.length}`, code: "insufficient_funds", message: "Your card has insufficient funds." }) : demo.chargeOffSession(r);
      },
    };
    await collectDueInstalments({ ctx: worker(), provider: flaky });
    let [row] = await linesOf(plan.arrangementId);
    expect(row).toMatchObject({ status: "scheduled", paidCents: 0, collectionError: "insufficient_funds: Your card has insufficient funds." });
    const [failed] = await trailOf(line!.id, "instalment.collection_failed");
    expect(failed!.data).toMatchObject({ attempt: 1, code: "insufficient_funds" });

    await collectDueInstalments({ ctx: worker(fixedClock(addHours(2))), provider: flaky });
    expect(keys.filter((k) => k.startsWith(`instalment:${line!.id}:`))).toEqual([`instalment:${line!.id}:1`]);

    refuse = false;
    const later = fixedClock(new Date(Date.now() + 3 * 86_400_000 + 60_000).toISOString());
    await collectDueInstalments({ ctx: worker(later), provider: flaky });
    expect(keys.filter((k) => k.startsWith(`instalment:${line!.id}:`))).toEqual([`instalment:${line!.id}:1`, `instalment:${line!.id}:2`]);
    [row] = await linesOf(plan.arrangementId);
    expect(row).toMatchObject({ status: "paid", collectionError: null });

    const held = await nextCase();
    const heldPlan = await withLivePlan(t.db, held, DAY, [{ days: 0, amountCents: 18_000 }]);
    await saveDemoMethod(held);
    await t.db.update(cases).set({ holds: ["disputed"] }).where(eq(cases.id, held.id));
    await collectDueInstalments({ ctx: worker(), provider: demo });
    expect((await linesOf(heldPlan.arrangementId))[0]).toMatchObject({ status: "scheduled", collectionRequestedAt: null });
    expect(await paymentsOf(held.id)).toHaveLength(0);
  });

  it("is the platform's to run", async () => {
    const kase = await nextCase();
    const error = await errorOf(() => collectDueInstalments({ ctx: ctxAs(debtorOf(kase)), provider: demo }));
    expect(isDomainError(error) && error.code).toBe("FORBIDDEN");
  });
});

function addHours(hours: number): string {
  return new Date(Date.now() + hours * 3_600_000).toISOString();
}
