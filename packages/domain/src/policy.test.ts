import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, compareDates, daysBetween } from "./dates.ts";
import { DomainError } from "./errors.ts";
import { evaluateProposal, planViolations, requiredDownPaymentCents, type NegotiationPolicy, type PlanProposal, type Proposal } from "./policy.ts";
import { buildSchedule, scheduleTotal } from "./schedule.ts";
import type { PlanFrequency } from "./vocabulary.ts";

const policy: NegotiationPolicy = {
  maxInstalments: 12,
  maxDurationMonths: 12,
  minInstalmentCents: 2_500,
  maxFirstPaymentDelayDays: 30,
  maxSettlementDiscountPct: 20,
  autoAcceptSettlement: false,
};
const today = "2026-03-10";
const balanceCents = 120_000;
const plan = (p: Partial<PlanProposal>): PlanProposal => ({ kind: "plan", frequency: "monthly", firstDueOn: "2026-03-20", ...p });
const evaluate = (proposal: Proposal, over: Partial<NegotiationPolicy> = {}, balance = balanceCents) =>
  evaluateProposal({ policy: { ...policy, ...over }, balanceCents: balance, today, proposal });
const codes = (d: ReturnType<typeof evaluate>) => (d.decision === "accept" ? [] : d.reasons.map((r) => r.code));

describe("evaluateProposal — plans", () => {
  it("accepts a plan within policy, as proposed", () => {
    const d = evaluate(plan({ count: 6 }));
    expect(d.decision).toBe("accept");
    expect(d.decision === "accept" && d.schedule).toEqual(buildSchedule({ totalCents: balanceCents, firstDueOn: "2026-03-20", frequency: "monthly", count: 6 }));
  });

  it("accepts a plan exactly at every limit", () => {
    // 12 monthly lines from the last allowed day, 10,000 each ≥ minimum, 11 months ≤ 12.
    expect(evaluate(plan({ count: 12, firstDueOn: addDays(today, 30) })).decision).toBe("accept");
    expect(evaluate(plan({ count: 12, firstDueOn: today }), { maxDurationMonths: 11 }).decision).toBe("accept");
    expect(evaluate(plan({ instalmentCents: 2_500 }), {}, 30_000).decision).toBe("accept");
  });

  it("too many instalments → counter with the most allowed", () => {
    const d = evaluate(plan({ count: 24 }));
    expect(d.decision).toBe("counter");
    expect(codes(d)).toEqual(["too_many_instalments", "plan_too_long"]);
    if (d.decision === "counter") {
      expect(d.reason.code).toBe("too_many_instalments");
      expect(d.schedule.map((l) => l.amountCents)).toEqual(Array(12).fill(10_000));
    }
  });

  it("a monthly amount too low → counter raising it to fit maxInstalments", () => {
    const d = evaluate(plan({ instalmentCents: 2_000 }));
    expect(codes(d)).toEqual(["instalment_too_low", "too_many_instalments", "plan_too_long"]);
    expect(d.decision === "counter" && d.schedule.map((l) => l.amountCents)).toEqual(Array(12).fill(10_000));
  });

  it("an amount so small the plan would exceed the schedule limit is a counter, not an error", () => {
    const d = evaluate(plan({ instalmentCents: 1 }), { minInstalmentCents: 0 });
    expect(codes(d)).toEqual(["too_many_instalments"]);
    expect(d.decision === "counter" && d.schedule).toHaveLength(12);
  });

  it("below the minimum instalment → counter with fewer, larger instalments", () => {
    const d = evaluate(plan({ count: 10 }), {}, 20_000);
    expect(codes(d)).toEqual(["instalment_too_low"]);
    expect(d.decision === "counter" && d.schedule.map((l) => l.amountCents)).toEqual([2_500, 2_500, 2_500, 2_500, 2_500, 2_500, 2_500, 2_500]);
  });

  it("first payment too late → counter moving it to the last allowed day", () => {
    const d = evaluate(plan({ count: 6, firstDueOn: "2026-05-01" }));
    expect(codes(d)).toEqual(["first_payment_too_late"]);
    expect(d.decision === "counter" && d.schedule[0]!.dueOn).toBe("2026-04-09");
  });

  it("first payment in the past → counter starting today", () => {
    const d = evaluate(plan({ count: 6, firstDueOn: "2026-03-01" }));
    expect(codes(d)).toEqual(["first_payment_in_past"]);
    expect(d.decision === "counter" && d.schedule[0]!.dueOn).toBe(today);
  });

  it("too long → counter with as many instalments as fit the duration", () => {
    const d = evaluate(plan({ count: 12 }), { maxDurationMonths: 6 });
    expect(codes(d)).toEqual(["plan_too_long"]);
    if (d.decision === "counter") {
      expect(d.schedule).toHaveLength(7);
      expect(d.schedule.at(-1)!.dueOn).toBe("2026-09-20");
    }
  });

  it("down payment too low → counter with the required down payment", () => {
    const over = { minDownPaymentPct: 10 };
    expect(requiredDownPaymentCents({ ...policy, ...over }, balanceCents)).toBe(12_000);
    // A first instalment at least as large as the down payment already satisfies the rule.
    expect(evaluate(plan({ count: 6 }), over).decision).toBe("accept");
    const d = evaluate(plan({ count: 12 }), over);
    expect(codes(d)).toEqual(["down_payment_too_low"]);
    if (d.decision === "counter") {
      expect(d.schedule[0]).toEqual({ seq: 1, dueOn: "2026-03-20", amountCents: 12_000, isDownPayment: true });
      expect(d.schedule).toHaveLength(12);
      expect(scheduleTotal(d.schedule)).toBe(balanceCents);
    }
  });

  it("weekly plans are measured against the same limits", () => {
    expect(evaluate(plan({ frequency: "weekly", count: 12 })).decision).toBe("accept");
  });

  it("falls back to a single payment when nothing else fits", () => {
    const d = evaluate(plan({ count: 3, downPaymentCents: 1_000 }), { maxInstalments: 1 });
    expect(d.decision === "counter" && d.schedule).toEqual([{ seq: 1, dueOn: "2026-03-20", amountCents: balanceCents, isDownPayment: false }]);
  });

  it("a balance above the automatic limit is referred", () => {
    const d = evaluate(plan({ count: 6 }), { maxAutoBalanceCents: 100_000 });
    expect(d).toEqual({
      decision: "refer",
      reason: { code: "balance_above_auto_limit", message: expect.any(String) },
      reasons: [{ code: "balance_above_auto_limit", message: expect.any(String) }],
    });
  });
});

describe("evaluateProposal — settlements are always referred", () => {
  it("within the discount limit", () => {
    expect(codes(evaluate({ kind: "settlement", amountCents: 100_000 }))).toEqual(["settlement_requires_approval"]);
    // Exactly 20 %: not beyond the limit.
    expect(codes(evaluate({ kind: "settlement", amountCents: 96_000 }))).toEqual(["settlement_requires_approval"]);
  });

  it("beyond the discount limit, or paid too late", () => {
    expect(codes(evaluate({ kind: "settlement", amountCents: 95_999 }))).toEqual(["settlement_requires_approval", "settlement_discount_exceeds_policy"]);
    expect(codes(evaluate({ kind: "settlement", amountCents: 100_000, payOn: "2026-06-01" }))).toEqual([
      "settlement_requires_approval",
      "first_payment_too_late",
    ]);
    expect(codes(evaluate({ kind: "settlement", amountCents: 100_000, payOn: "2026-01-01" }))).toEqual([
      "settlement_requires_approval",
      "first_payment_in_past",
    ]);
  });
});

describe("evaluateProposal — invalid input names the field", () => {
  const bad: [string, () => unknown, string][] = [
    ["settlement at the balance", () => evaluate({ kind: "settlement", amountCents: balanceCents }), "amountCents"],
    ["settlement of 0", () => evaluate({ kind: "settlement", amountCents: 0 }), "amountCents"],
    ["bad settlement date", () => evaluate({ kind: "settlement", amountCents: 1, payOn: "soon" }), "payOn"],
    ["no count nor amount", () => evaluate(plan({})), "count"],
    ["bad first date", () => evaluate(plan({ count: 2, firstDueOn: "2026-13-01" })), "firstDueOn"],
    ["bad frequency", () => evaluate(plan({ count: 2, frequency: "daily" as PlanFrequency })), "frequency"],
    ["down payment = balance", () => evaluate(plan({ count: 2, downPaymentCents: balanceCents })), "downPaymentCents"],
    ["balance 0", () => evaluate(plan({ count: 2 }), {}, 0), "balanceCents"],
    ["bad today", () => evaluateProposal({ policy, balanceCents, today: "10/03/2026", proposal: plan({ count: 2 }) }), "today"],
    ["maxInstalments 0", () => evaluate(plan({ count: 2 }), { maxInstalments: 0 }), "policy.maxInstalments"],
    ["negative minimum", () => evaluate(plan({ count: 2 }), { minInstalmentCents: -1 }), "policy.minInstalmentCents"],
    ["down payment % > 100", () => evaluate(plan({ count: 2 }), { minDownPaymentPct: 101 }), "policy.minDownPaymentPct"],
    ["auto-accepted settlements", () => evaluate(plan({ count: 2 }), { autoAcceptSettlement: true as false }), "policy.autoAcceptSettlement"],
  ];
  it.each(bad)("%s", (_name, run, field) => {
    try {
      run();
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe("VALIDATION");
      expect((e as DomainError).field).toBe(field);
    }
  });
});

describe("evaluateProposal — properties", () => {
  const arbPolicy: fc.Arbitrary<NegotiationPolicy> = fc.record(
    {
      maxInstalments: fc.integer({ min: 1, max: 60 }),
      maxDurationMonths: fc.integer({ min: 0, max: 48 }),
      minInstalmentCents: fc.integer({ min: 0, max: 50_000 }),
      minDownPaymentPct: fc.integer({ min: 0, max: 100 }),
      maxFirstPaymentDelayDays: fc.integer({ min: 0, max: 60 }),
      maxSettlementDiscountPct: fc.integer({ min: 0, max: 100 }),
      autoAcceptSettlement: fc.constant(false as const),
    },
    { requiredKeys: ["maxInstalments", "maxDurationMonths", "minInstalmentCents", "maxFirstPaymentDelayDays", "maxSettlementDiscountPct", "autoAcceptSettlement"] },
  );
  const arbToday = fc.date({ min: new Date("2025-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const arbCase = fc.integer({ min: 1, max: 50_000_000 }).chain((balance) =>
    fc.record({
      balance: fc.constant(balance),
      frequency: fc.constantFrom<PlanFrequency>("weekly", "biweekly", "monthly"),
      offsetDays: fc.integer({ min: -60, max: 120 }),
      count: fc.option(fc.integer({ min: 1, max: Math.min(200, balance) }), { nil: undefined }),
      instalmentCents: fc.integer({ min: 1, max: balance }),
      downPaymentCents: fc.option(fc.integer({ min: 0, max: balance - 1 }), { nil: undefined }),
    }),
  ).filter((c) => c.count === undefined || c.count <= c.balance - (c.downPaymentCents ?? 0));

  it("a counter-offer always satisfies the policy and sums to the balance; an acceptance is the proposal itself", () => {
    fc.assert(
      fc.property(arbPolicy, arbToday, arbCase, (pol, day, c) => {
        const proposal: PlanProposal = {
          kind: "plan",
          frequency: c.frequency,
          firstDueOn: addDays(day, c.offsetDays),
          ...(c.count === undefined ? { instalmentCents: c.instalmentCents } : { count: c.count }),
          ...(c.downPaymentCents === undefined ? {} : { downPaymentCents: c.downPaymentCents }),
        };
        const d = evaluateProposal({ policy: pol, balanceCents: c.balance, today: day, proposal });
        expect(d.decision).not.toBe("refer");
        if (d.decision === "refer") return;
        expect(planViolations(pol, c.balance, day, d.schedule)).toEqual([]);
        expect(scheduleTotal(d.schedule)).toBe(c.balance);
        expect(d.schedule.every((l) => l.amountCents > 0)).toBe(true);
        expect(compareDates(d.schedule[0]!.dueOn, day)).toBeGreaterThanOrEqual(0);
        expect(daysBetween(day, d.schedule[0]!.dueOn)).toBeLessThanOrEqual(pol.maxFirstPaymentDelayDays);
        if (d.decision === "accept") {
          expect(d.schedule).toEqual(buildSchedule({ totalCents: c.balance, ...proposal }));
        } else {
          expect(d.reasons.length).toBeGreaterThan(0);
          expect(d.reason).toEqual(d.reasons[0]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("settlements are referred whatever the policy", () => {
    fc.assert(
      fc.property(arbPolicy, arbToday, fc.integer({ min: 2, max: 50_000_000 }), fc.nat(), (pol, day, balance, k) => {
        const d = evaluateProposal({ policy: pol, balanceCents: balance, today: day, proposal: { kind: "settlement", amountCents: 1 + (k % (balance - 1)) } });
        expect(d.decision).toBe("refer");
        expect(d.decision === "refer" && d.reasons[0]!.code).toBe("settlement_requires_approval");
      }),
    );
  });
});
