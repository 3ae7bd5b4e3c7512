/**
 * The pay page of a case with a running plan (demo checkout): the next instalment is offered first,
 * for what is still due on it or, when several are overdue, the overdue total; paying it goes through
 * the same checkout and webhook path as any other amount.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { args, dayFromToday, postAs, putPlan, requestAs, settle, useSeededPortal } from "./payment-fixtures.ts";

const { t, cases: open } = useSeededPortal(3);

beforeAll(() => {
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_WEBHOOK_SECRET;
});

const pay = () => import("~/routes/case_.pay._index.tsx");
const demo = () => import("~/routes/case_.pay.demo.$checkoutId.tsx");
const demoIdOf = (location: string | null | undefined) => /\/case\/pay\/demo\/(cs_demo_\w+)$/.exec(location ?? "")?.[1] ?? null;

interface Options {
  balanceCents: number;
  nextInstalment: { amountCents: number; dueOn: string; isOverdue: boolean; overdueCount: number; seqs: number[] } | null;
  automaticCollection: { canSetUp: boolean; mandate: unknown };
}
const optionsOf = async (c: (typeof open)[number]) => ((await settle(async () => (await pay()).loader(args(await requestAs(t, c, "/case/pay"))))).body as { options: Options }).options;

describe("/case/pay with a running plan", () => {
  it("offers the next instalment: what is left on it and its due date", async () => {
    const kase = open[0]!;
    await putPlan(t, kase, [
      { days: -25, amountCents: 12_000, paidCents: 12_000, status: "paid" },
      { days: 6, amountCents: 12_000, paidCents: 2_000, status: "partially_paid" },
      { days: 36, amountCents: 12_000 },
    ]);
    const options = await optionsOf(kase);
    expect(options.nextInstalment).toEqual({ amountCents: 10_000, dueOn: dayFromToday(6), isOverdue: false, overdueCount: 0, seqs: [2] });
    expect(options.automaticCollection).toMatchObject({ canSetUp: true, mandate: null });
  });

  it("offers the overdue total when several instalments are overdue", async () => {
    const kase = open[1]!;
    await putPlan(t, kase, [
      { days: -40, amountCents: 9_000, status: "missed" },
      { days: -9, amountCents: 9_000, paidCents: 1_000, status: "partially_paid" },
      { days: 21, amountCents: 9_000 },
    ]);
    expect((await optionsOf(kase)).nextInstalment).toEqual({ amountCents: 17_000, dueOn: dayFromToday(-40), isOverdue: true, overdueCount: 2, seqs: [1, 2] });
  });

  it("pays the instalment at the amount the server knows, whatever the form says, and then offers the one after", async () => {
    const kase = open[0]!;
    const started = await settle(async () => (await pay()).action(args(await postAs(t, kase, "/case/pay", { choice: "instalment", amount: "1,00" }))));
    expect(started.status).toBe(302);
    const checkoutId = demoIdOf(started.headers?.get("Location"))!;
    const page = await settle(async () => (await demo()).loader(args(await requestAs(t, kase, `/case/pay/demo/${checkoutId}`), { checkoutId })));
    expect(page.body).toMatchObject({ checkout: { amountCents: 10_000, status: "confirming" } });

    await settle(async () => (await demo()).action(args(await postAs(t, kase, `/case/pay/demo/${checkoutId}`, {}), { checkoutId })));
    const lines = await t.sql<{ seq: number; status: string; paid_cents: string }[]>`
      select i.seq, i.status, i.paid_cents from instalments i join arrangements a on a.id = i.arrangement_id where a.case_id = ${kase.id} order by i.seq`;
    expect(lines.map((l) => [l.seq, l.status, Number(l.paid_cents)])).toEqual([
      [1, "paid", 12_000],
      [2, "paid", 12_000],
      [3, "scheduled", 0],
    ]);
    const after = await optionsOf(kase);
    expect(after.nextInstalment).toMatchObject({ amountCents: 12_000, dueOn: dayFromToday(36), seqs: [3] });
    expect(after.balanceCents).toBe(kase.balanceCents - 10_000);
  });

  it("has no instalment to offer without a plan, and says so if the form asks for one", async () => {
    const kase = open[2]!;
    const options = await optionsOf(kase);
    expect(options.nextInstalment).toBeNull();
    expect(options.automaticCollection).toMatchObject({ canSetUp: false, mandate: null });
    const r = await settle(async () => (await pay()).action(args(await postAs(t, kase, "/case/pay", { choice: "instalment" }))));
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ error: { field: null, kind: "instalmentSettled" }, choice: "instalment" });
    expect(await t.sql`select id from audit_events where case_id = ${kase.id} and action = 'payment.checkout_started'`).toHaveLength(0);
  });
});
