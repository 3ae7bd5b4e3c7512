/**
 * The payment pages without Stripe (the offline demo checkout): choosing an amount, the demo checkout
 * page and its Pay, which goes through the webhook code path, and the confirmation page, which only
 * reads what the webhook recorded.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { args, ORIGIN, postAs, requestAs, settle, useSeededPortal } from "./payment-fixtures.ts";

const { t, cases: open } = useSeededPortal(4);

beforeAll(() => {
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_WEBHOOK_SECRET;
});

const pay = () => import("~/routes/case_.pay._index.tsx");
const demo = () => import("~/routes/case_.pay.demo.$checkoutId.tsx");
const done = () => import("~/routes/case_.pay.done.tsx");

/** The checkout id the pay form redirected to. */
const demoIdOf = (location: string | null | undefined) => /\/case\/pay\/demo\/(cs_demo_\w+)$/.exec(location ?? "")?.[1] ?? null;

describe("/case/pay", () => {
  it("sends a visitor without a session to the sign-in page", async () => {
    const { loader, action } = await pay();
    expect((await settle(() => loader(args(new Request(`${ORIGIN}/case/pay`))))).headers?.get("Location")).toBe("/");
    const post = new Request(`${ORIGIN}/case/pay`, { method: "POST", body: new URLSearchParams({ choice: "full" }) });
    expect((await settle(() => action(args(post)))).headers?.get("Location")).toBe("/");
  });

  it("offers the debtor's own balance, never cached", async () => {
    const { loader } = await pay();
    const kase = open[0]!;
    const r = await settle(async () => loader(args(await requestAs(t, kase, "/case/pay"))));
    expect(r.status).toBe(200);
    expect(r.headers?.get("Cache-Control")).toBe("private, no-store");
    expect(r.body).toMatchObject({ isDemo: true, options: { caseId: kase.id, balanceCents: kase.balanceCents, minimumCents: 500, canPay: true, currency: "EUR" } });
  });

  it("sends the amount back with a clear reason when it cannot be paid", async () => {
    const { action } = await pay();
    const kase = open[0]!;
    const cases: [string, object][] = [
      ["", { kind: "amountMissing" }],
      ["douze euros", { kind: "amountInvalid" }],
      ["4,99", { kind: "belowMinimum", minimumCents: 500 }],
      [String(kase.balanceCents), { kind: "aboveBalance", balanceCents: kase.balanceCents }],
    ];
    for (const [amount, error] of cases) {
      const r = await settle(async () => action(args(await postAs(t, kase, "/case/pay", { choice: "other", amount }))));
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ error: { field: "amount", ...error }, choice: "other", amount });
    }
  });

  it("refuses a form posted from another site", async () => {
    const { action } = await pay();
    const request = await requestAs(t, open[0]!, "/case/pay", { method: "POST", body: new URLSearchParams({ choice: "full" }) });
    request.headers.set("Origin", "https://evil.test");
    expect((await settle(() => action(args(request)))).status).toBe(403);
  });
});

describe("the demo checkout", () => {
  it("pays in full through the webhook path: the confirmation page waits for it, then shows the case closed", async () => {
    const kase = open[1]!;
    const started = await settle(async () => (await pay()).action(args(await postAs(t, kase, "/case/pay", { choice: "full" }))));
    expect(started.status).toBe(302);
    const checkoutId = demoIdOf(started.headers?.get("Location"));
    expect(checkoutId).not.toBeNull();

    const page = await settle(async () => (await demo()).loader(args(await requestAs(t, kase, `/case/pay/demo/${checkoutId}`), { checkoutId: checkoutId! })));
    expect(page.body).toMatchObject({ checkout: { checkoutId, provider: "demo", amountCents: kase.balanceCents, status: "confirming" } });
    // Arriving on the confirmation page before the webhook records nothing.
    const early = await settle(async () => (await done()).loader(args(await requestAs(t, kase, `/case/pay/done?session_id=${checkoutId}`))));
    expect(early.body).toMatchObject({ checkout: { status: "confirming" } });
    expect(await t.sql`select id from payments where case_id = ${kase.id} and provider = 'demo'`).toHaveLength(0);

    const paid = await settle(async () => (await demo()).action(args(await postAs(t, kase, `/case/pay/demo/${checkoutId}`, {}), { checkoutId: checkoutId! })));
    expect(paid.status).toBe(302);
    expect(paid.headers?.get("Location")).toBe(`/case/pay/done?session_id=${checkoutId}`);
    // A second click is a retried delivery: still one payment.
    await settle(async () => (await demo()).action(args(await postAs(t, kase, `/case/pay/demo/${checkoutId}`, {}), { checkoutId: checkoutId! })));
    expect(await t.sql`select id from payments where case_id = ${kase.id} and provider = 'demo' and external_id = ${checkoutId!}`).toHaveLength(1);

    const after = await settle(async () => (await done()).loader(args(await requestAs(t, kase, `/case/pay/done?session_id=${checkoutId}`))));
    expect(after.body).toMatchObject({ checkout: { status: "paid", paidCents: kase.balanceCents, isCaseClosed: true } });
    const [row] = await t.sql`select stage, closure_reason from cases where id = ${kase.id}`;
    expect(row).toMatchObject({ stage: "closed", closure_reason: "paid" });
    expect(await t.sql`select id from messages where case_id = ${kase.id} and template = 'payment_receipt' and status = 'queued'`).toHaveLength(1);
    // Once paid, the demo page forwards to the confirmation.
    const revisit = await settle(async () => (await demo()).loader(args(await requestAs(t, kase, `/case/pay/demo/${checkoutId}`), { checkoutId: checkoutId! })));
    expect(revisit.headers?.get("Location")).toBe(`/case/pay/done?session_id=${checkoutId}`);
  });

  it("pays a chosen part and leaves the rest to pay", async () => {
    const kase = open[2]!;
    const started = await settle(async () => (await pay()).action(args(await postAs(t, kase, "/case/pay", { choice: "other", amount: "50,00" }))));
    const checkoutId = demoIdOf(started.headers?.get("Location"))!;
    await settle(async () => (await demo()).action(args(await postAs(t, kase, `/case/pay/demo/${checkoutId}`, {}), { checkoutId })));
    const after = await settle(async () => (await done()).loader(args(await requestAs(t, kase, `/case/pay/done?session_id=${checkoutId}`))));
    expect(after.body).toMatchObject({ checkout: { status: "paid", paidCents: 5_000, balanceCents: kase.balanceCents - 5_000, isCaseClosed: false } });
  });

  it("is the same 404 for another debtor's checkout as for one that does not exist", async () => {
    const owner = open[3]!;
    const stranger = open[0]!;
    const started = await settle(async () => (await pay()).action(args(await postAs(t, owner, "/case/pay", { choice: "full" }))));
    const checkoutId = demoIdOf(started.headers?.get("Location"))!;
    for (const id of [checkoutId, "cs_demo_doesnotexist"]) {
      expect((await settle(async () => (await demo()).loader(args(await requestAs(t, stranger, `/case/pay/demo/${id}`), { checkoutId: id })))).status).toBe(404);
      expect((await settle(async () => (await demo()).action(args(await postAs(t, stranger, `/case/pay/demo/${id}`, {}), { checkoutId: id })))).status).toBe(404);
      expect((await settle(async () => (await done()).loader(args(await requestAs(t, stranger, `/case/pay/done?session_id=${id}`))))).status).toBe(404);
    }
    expect(await t.sql`select id from payments where external_id = ${checkoutId}`).toHaveLength(0);
  });

  it("refuses a webhook delivery the demo did not sign", async () => {
    const { action } = await import("~/routes/webhooks.stripe.ts");
    const request = new Request(`${ORIGIN}/webhooks/stripe`, { method: "POST", body: "{}", headers: { "Stripe-Signature": "t=1,v1=00" } });
    expect((await settle(() => action(args(request)))).status).toBe(400);
  });
});
