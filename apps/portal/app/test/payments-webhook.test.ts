/**
 * The Stripe webhook route with Stripe configured: deliveries signed as Stripe signs them (HMAC-SHA256
 * of "timestamp.payload" with the endpoint secret, Stripe's documented scheme) are recorded once; a
 * bad signature is refused. The demo pages do not exist in this mode.
 */
import { createHmac } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { args, ORIGIN, requestAs, settle, useSeededPortal } from "./payment-fixtures.ts";

const SECRET = "whsec_portal_route_test";
const { t, cases: open } = useSeededPortal(2);

beforeAll(() => {
  // Read once, when the portal's env module is first imported (below, by the route).
  process.env.STRIPE_SECRET_KEY = "sk_test_portal_route_test";
  process.env.STRIPE_WEBHOOK_SECRET = SECRET;
});

const webhook = () => import("~/routes/webhooks.stripe.ts");

function delivery(session: { id: string; caseId: string; amountCents: number }, secret = SECRET) {
  const created = Math.floor(Date.now() / 1000);
  const payload = JSON.stringify({
    id: `evt_${session.id}`,
    object: "event",
    created,
    livemode: false,
    type: "checkout.session.completed",
    data: {
      object: {
        id: session.id,
        object: "checkout.session",
        amount_total: session.amountCents,
        currency: "eur",
        payment_status: "paid",
        metadata: { caseId: session.caseId },
        client_reference_id: session.caseId,
        payment_intent: `pi_${session.id}`,
        customer_details: { name: null },
      },
    },
  });
  const signature = `t=${created},v1=${createHmac("sha256", secret).update(`${created}.${payload}`).digest("hex")}`;
  return (headers: Record<string, string> = { "Stripe-Signature": signature }) =>
    new Request(`${ORIGIN}/webhooks/stripe`, { method: "POST", body: payload, headers: { "Content-Type": "application/json", ...headers } });
}

describe("POST /webhooks/stripe", () => {
  it("records a paid session once, however often and however concurrently it is delivered", async () => {
    const { action } = await webhook();
    const kase = open[0]!;
    const send = delivery({ id: "cs_test_route_full", caseId: kase.id, amountCents: kase.balanceCents });
    const results = await Promise.all([1, 2, 3].map(() => settle(() => action(args(send())))));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(results.map((r) => (r.body as { status: string }).status).sort()).toEqual(["recorded", "replayed", "replayed"]);
    const again = await settle(() => action(args(send())));
    expect(again.body).toEqual({ received: true, status: "replayed" });

    const rows = await t.sql`select id from payments where provider = 'stripe' and external_id = 'cs_test_route_full'`;
    expect(rows).toHaveLength(1);
    const [row] = await t.sql`select stage, closure_reason, balance_cents from cases where id = ${kase.id}`;
    expect(row).toMatchObject({ stage: "closed", closure_reason: "paid" });
    expect(Number(row!.balance_cents)).toBe(0);
    const receipts = await t.sql`select id from messages where case_id = ${kase.id} and template = 'payment_receipt' and idempotency_key = ${`receipt:${rows[0]!.id}`}`;
    expect(receipts).toHaveLength(1);
  });

  it("refuses a delivery signed with another secret, or unsigned, and records nothing", async () => {
    const { action } = await webhook();
    const kase = open[1]!;
    const forged = delivery({ id: "cs_test_route_forged", caseId: kase.id, amountCents: 1_000 }, "whsec_not_ours");
    expect((await settle(() => action(args(forged())))).status).toBe(400);
    expect((await settle(() => action(args(forged({}))))).status).toBe(400);
    expect(await t.sql`select id from payments where external_id = 'cs_test_route_forged'`).toHaveLength(0);
  });

  it("answers 422, so Stripe keeps it failed and retried, for a session naming no case we know", async () => {
    const { action } = await webhook();
    const send = delivery({ id: "cs_test_route_unknown", caseId: "00000000-0000-4000-8000-000000000000", amountCents: 1_000 });
    const r = await settle(() => action(args(send())));
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ error: "NOT_FOUND" });
  });

  it("answers 405 to anything but POST", async () => {
    const { loader } = await webhook();
    expect(loader().status).toBe(405);
  });
});

describe("the demo checkout with Stripe configured", () => {
  it("does not exist", async () => {
    const { loader } = await import("~/routes/case_.pay.demo.$checkoutId.tsx");
    const r = await settle(async () => loader(args(await requestAs(t, open[1]!, "/case/pay/demo/cs_demo_x"), { checkoutId: "cs_demo_x" })));
    expect(r.status).toBe(404);
  });

  it("has no demo setup page for automatic collection either", async () => {
    const { loader, action } = await import("~/routes/case_.pay.demo-setup.$setupId.tsx");
    expect((await settle(async () => loader(args(await requestAs(t, open[1]!, "/case/pay/demo-setup/cs_demo_x"), { setupId: "cs_demo_x" })))).status).toBe(404);
    const post = await requestAs(t, open[1]!, "/case/pay/demo-setup/cs_demo_x", { method: "POST", body: new URLSearchParams({ method: "card" }) });
    expect((await settle(() => action(args(post, { setupId: "cs_demo_x" })))).status).toBe(404);
    expect(await t.sql`select id from payment_mandates where case_id = ${open[1]!.id}`).toHaveLength(0);
  });
});
