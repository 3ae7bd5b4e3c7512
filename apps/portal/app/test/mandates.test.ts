/**
 * Automatic collection from the portal without Stripe (the demo setup page): starting it from the pay
 * page, "saving" a demo card on the demo setup page, which goes through the webhook code path, the
 * confirmation, and stopping it — each for the signed-in debtor's own case only.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { args, ORIGIN, postAs, putPlan, requestAs, settle, useSeededPortal } from "./payment-fixtures.ts";

const { t, cases: open } = useSeededPortal(3);

beforeAll(async () => {
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_WEBHOOK_SECRET;
  await putPlan(t, open[0]!, [{ days: 9, amountCents: 15_000 }, { days: 39, amountCents: 15_000 }]);
  await putPlan(t, open[1]!, [{ days: 12, amountCents: 15_000 }]);
});

const automatic = () => import("~/routes/case_.pay.automatic.tsx");
const demoSetup = () => import("~/routes/case_.pay.demo-setup.$setupId.tsx");
const pay = () => import("~/routes/case_.pay._index.tsx");
const setupIdOf = (location: string | null | undefined) => /\/case\/pay\/demo-setup\/(cs_demo_\w+)$/.exec(location ?? "")?.[1] ?? null;
const mandatesOf = (caseId: string) => t.sql<{ id: string; status: string; label: string; method: string }[]>`select id, status, label, method from payment_mandates where case_id = ${caseId} order by created_at`;

/** Starts a setup from the pay page's button and returns the demo setup id. */
async function startSetup(c: (typeof open)[number]): Promise<string> {
  const r = await settle(async () => (await automatic()).action(args(await postAs(t, c, "/case/pay/automatic", { intent: "start" }))));
  expect(r.status).toBe(302);
  const id = setupIdOf(r.headers?.get("Location"));
  expect(id).not.toBeNull();
  return id!;
}

describe("automatic collection from the portal", () => {
  it("sends a visitor without a session to the sign-in page, and refuses a form from another site", async () => {
    const { loader, action } = await automatic();
    expect((await settle(() => loader(args(new Request(`${ORIGIN}/case/pay/automatic`))))).headers?.get("Location")).toBe("/");
    const request = await requestAs(t, open[0]!, "/case/pay/automatic", { method: "POST", body: new URLSearchParams({ intent: "start" }) });
    request.headers.set("Origin", "https://evil.test");
    expect((await settle(() => action(args(request)))).status).toBe(403);
  });

  it("saves a demo card once through the webhook path, shows it, and confirms it", async () => {
    const kase = open[0]!;
    const setupId = await startSetup(kase);
    const page = await settle(async () => (await demoSetup()).loader(args(await requestAs(t, kase, `/case/pay/demo-setup/${setupId}`), { setupId })));
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ setup: { setupId, status: "confirming", methods: ["card", "sepa_debit"] }, labels: { card: "Visa •••• 4242", sepa_debit: "SEPA DE •••• 3000" } });
    expect(await mandatesOf(kase.id)).toHaveLength(0);

    const saved = await settle(async () => (await demoSetup()).action(args(await postAs(t, kase, `/case/pay/demo-setup/${setupId}`, { method: "card" }), { setupId })));
    expect(saved.status).toBe(302);
    expect(saved.headers?.get("Location")).toBe(`/case/pay/automatic?session_id=${setupId}`);
    // A second click is a retried delivery: still one mandate.
    await settle(async () => (await demoSetup()).action(args(await postAs(t, kase, `/case/pay/demo-setup/${setupId}`, { method: "card" }), { setupId })));
    const rows = await mandatesOf(kase.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "active", method: "card", label: "Visa •••• 4242" });

    const confirmation = await settle(async () => (await automatic()).loader(args(await requestAs(t, kase, `/case/pay/automatic?session_id=${setupId}`))));
    expect(confirmation.body).toMatchObject({ setup: { status: "saved", mandate: { label: "Visa •••• 4242" } }, collection: { mandate: { label: "Visa •••• 4242" }, nextCollection: { amountCents: 15_000 } }, isDemo: true });
    const options = await settle(async () => (await pay()).loader(args(await requestAs(t, kase, "/case/pay"))));
    expect(options.body).toMatchObject({ options: { automaticCollection: { mandate: { method: "card", label: "Visa •••• 4242" } } } });
    // Once saved, the demo setup page forwards to the confirmation.
    const revisit = await settle(async () => (await demoSetup()).loader(args(await requestAs(t, kase, `/case/pay/demo-setup/${setupId}`), { setupId })));
    expect(revisit.headers?.get("Location")).toBe(`/case/pay/automatic?session_id=${setupId}`);
  });

  it("refuses a method that is not offered, and saves nothing", async () => {
    const kase = open[1]!;
    const setupId = await startSetup(kase);
    const r = await settle(async () => (await demoSetup()).action(args(await postAs(t, kase, `/case/pay/demo-setup/${setupId}`, { method: "paypal" }), { setupId })));
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: { kind: "methodInvalid" } });
    expect(await mandatesOf(kase.id)).toHaveLength(0);
  });

  it("is the same 404 for another debtor's setup as for one that does not exist", async () => {
    const owner = open[1]!;
    const stranger = open[2]!;
    const setupId = await startSetup(owner);
    for (const id of [setupId, "cs_demo_doesnotexist"]) {
      expect((await settle(async () => (await demoSetup()).loader(args(await requestAs(t, stranger, `/case/pay/demo-setup/${id}`), { setupId: id })))).status).toBe(404);
      expect((await settle(async () => (await demoSetup()).action(args(await postAs(t, stranger, `/case/pay/demo-setup/${id}`, { method: "card" }), { setupId: id })))).status).toBe(404);
      expect((await settle(async () => (await automatic()).loader(args(await requestAs(t, stranger, `/case/pay/automatic?session_id=${id}`))))).status).toBe(404);
    }
    expect(await mandatesOf(owner.id)).toHaveLength(0);
  });

  it("cannot be started without a running plan", async () => {
    const r = await settle(async () => (await automatic()).action(args(await postAs(t, open[2]!, "/case/pay/automatic", { intent: "start" }))));
    expect(r.status).toBe(409);
    expect(r.body).toEqual({ error: { kind: "noPlan" } });
    expect(await t.sql`select id from audit_events where case_id = ${open[2]!.id} and action = 'payment.mandate_setup_started'`).toHaveLength(0);
  });

  it("is stopped by its own debtor only, who goes back to the page they came from", async () => {
    const owner = open[0]!;
    const stranger = open[2]!;
    // Another debtor's "stop" only ever touches their own file.
    const theirs = await settle(async () => (await automatic()).action(args(await postAs(t, stranger, "/case/pay/automatic", { intent: "stop" }))));
    expect(theirs.headers?.get("Location")).toBe("/case/pay?automatic=stopped");
    expect((await mandatesOf(owner.id)).map((m) => m.status)).toEqual(["active"]);

    const stopped = await settle(async () => (await automatic()).action(args(await postAs(t, owner, "/case/pay/automatic", { intent: "stop", returnTo: "/case/plan" }))));
    expect(stopped.status).toBe(302);
    expect(stopped.headers?.get("Location")).toBe("/case/plan?automatic=stopped");
    expect((await mandatesOf(owner.id)).map((m) => m.status)).toEqual(["revoked"]);
    const [audit] = await t.sql<{ actor_kind: string; data: { reason: string } }[]>`select actor_kind, data from audit_events where case_id = ${owner.id} and action = 'mandate.revoked'`;
    expect(audit).toMatchObject({ actor_kind: "debtor", data: { reason: "stopped_by_debtor" } });

    const page = await settle(async () => (await pay()).loader(args(await requestAs(t, owner, "/case/pay?automatic=stopped"))));
    expect(page.body).toMatchObject({ isCollectionStopped: true, options: { automaticCollection: { mandate: null, canSetUp: true } } });
    // Another site is never a place to go back to.
    const away = await settle(async () => (await automatic()).action(args(await postAs(t, owner, "/case/pay/automatic", { intent: "stop", returnTo: "https://evil.test/case" }))));
    expect(away.headers?.get("Location")).toBe("/case/pay?automatic=stopped");
  });
});
