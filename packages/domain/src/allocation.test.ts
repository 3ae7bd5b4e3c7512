import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocatePayment, allocationOrder, type AllocatePaymentInput, type AllocationComponent, type ComponentAmounts } from "./allocation.ts";
import { DomainError } from "./errors.ts";

const balances: ComponentAmounts = { costsCents: 4_000, interestCents: 1_500, principalCents: 100_000 };
const KEYS: readonly AllocationComponent[] = ["costsCents", "interestCents", "principalCents"];

describe("allocatePayment — worked examples", () => {
  it("NL (art. 6:44 BW): costs, then interest, then principal", () => {
    expect(allocatePayment({ order: "NL", balances, paymentCents: 5_000 })).toEqual({
      applied: { costsCents: 4_000, interestCents: 1_000, principalCents: 0 },
      remaining: { costsCents: 0, interestCents: 500, principalCents: 100_000 },
      surplusCents: 0,
    });
  });

  it("FR (art. 1343-1 C. civ.): interest first, then costs, then principal", () => {
    expect(allocatePayment({ order: "FR", balances, paymentCents: 5_000 })).toEqual({
      applied: { costsCents: 3_500, interestCents: 1_500, principalCents: 0 },
      remaining: { costsCents: 500, interestCents: 0, principalCents: 100_000 },
      surplusCents: 0,
    });
  });

  it("BE general (art. 1254 old C. civ.): costs, interest, principal", () => {
    const r = allocatePayment({ order: "BE", balances, paymentCents: 6_000 });
    expect(r.applied).toEqual({ costsCents: 4_000, interestCents: 1_500, principalCents: 500 });
  });

  it("BE consumer credit (art. VII.106 CDE): principal before interest and penalties", () => {
    const r = allocatePayment({ order: "BE", beBasis: "consumer_credit", balances, paymentCents: 100_200 });
    expect(r.applied).toEqual({ costsCents: 0, interestCents: 200, principalCents: 100_000 });
    expect(r.remaining).toEqual({ costsCents: 4_000, interestCents: 1_300, principalCents: 0 });
  });

  it("a payment beyond the whole balance leaves a surplus and nothing owed", () => {
    const r = allocatePayment({ order: "NL", balances, paymentCents: 110_000 });
    expect(r.remaining).toEqual({ costsCents: 0, interestCents: 0, principalCents: 0 });
    expect(r.surplusCents).toBe(4_500);
  });

  it("a zero payment applies nothing", () => {
    const r = allocatePayment({ order: "FR", balances, paymentCents: 0 });
    expect(r.applied).toEqual({ costsCents: 0, interestCents: 0, principalCents: 0 });
    expect(r.remaining).toEqual(balances);
  });

  it("the orders are as documented", () => {
    expect(allocationOrder("NL")).toEqual(["costsCents", "interestCents", "principalCents"]);
    expect(allocationOrder("FR")).toEqual(["interestCents", "costsCents", "principalCents"]);
    expect(allocationOrder("BE")).toEqual(["costsCents", "interestCents", "principalCents"]);
    expect(allocationOrder("BE", "consumer_credit")).toEqual(["principalCents", "interestCents", "costsCents"]);
  });
});

describe("allocatePayment — invalid input names the field", () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ["negative payment", { paymentCents: -1 }, "paymentCents"],
    ["fractional payment", { paymentCents: 10.5 }, "paymentCents"],
    ["negative costs", { balances: { ...balances, costsCents: -1 } }, "balances.costsCents"],
    ["NaN interest", { balances: { ...balances, interestCents: Number.NaN } }, "balances.interestCents"],
    ["unsafe principal", { balances: { ...balances, principalCents: 2 ** 53 } }, "balances.principalCents"],
    ["unknown order", { order: "DE" }, "order"],
    ["beBasis outside Belgium", { order: "NL", beBasis: "consumer_credit" }, "beBasis"],
    ["unknown beBasis", { order: "BE", beBasis: "mortgage" }, "beBasis"],
  ];
  it.each(cases)("%s", (_name, patch, field) => {
    const input = { order: "BE", balances, paymentCents: 100, ...patch } as AllocatePaymentInput;
    try {
      allocatePayment(input);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe("VALIDATION");
      expect((e as DomainError).field).toBe(field);
    }
  });
});

describe("allocatePayment — properties", () => {
  const cents = fc.integer({ min: 0, max: 10_000_000_000 });
  const arbInput = fc.record({
    rule: fc.constantFrom(
      { order: "NL" as const },
      { order: "FR" as const },
      { order: "BE" as const },
      { order: "BE" as const, beBasis: "general" as const },
      { order: "BE" as const, beBasis: "consumer_credit" as const },
    ),
    balances: fc.record({ costsCents: cents, interestCents: cents, principalCents: cents }),
    paymentCents: fc.oneof(cents, fc.integer({ min: 0, max: 1_000 })),
  });

  it("applied + remaining = balances, per component; applied + surplus = payment; nothing negative", () => {
    fc.assert(
      fc.property(arbInput, ({ rule, balances: b, paymentCents }) => {
        const r = allocatePayment({ ...rule, balances: b, paymentCents });
        let appliedTotal = 0;
        for (const k of KEYS) {
          expect(r.applied[k] + r.remaining[k]).toBe(b[k]);
          expect(r.applied[k]).toBeGreaterThanOrEqual(0);
          expect(r.remaining[k]).toBeGreaterThanOrEqual(0);
          expect(Number.isSafeInteger(r.applied[k])).toBe(true);
          appliedTotal += r.applied[k];
        }
        expect(r.surplusCents).toBeGreaterThanOrEqual(0);
        expect(appliedTotal + r.surplusCents).toBe(paymentCents);
        // A surplus only exists once everything is paid.
        if (r.surplusCents > 0) for (const k of KEYS) expect(r.remaining[k]).toBe(0);
      }),
    );
  });

  it("order respected: a later component gets nothing while an earlier one is still owed", () => {
    fc.assert(
      fc.property(arbInput, ({ rule, balances: b, paymentCents }) => {
        const r = allocatePayment({ ...rule, balances: b, paymentCents });
        const order = allocationOrder(rule.order, "beBasis" in rule ? rule.beBasis : undefined);
        order.forEach((earlier, i) => {
          if (r.remaining[earlier] > 0) for (const later of order.slice(i + 1)) expect(r.applied[later]).toBe(0);
        });
      }),
    );
  });

  it("two partial payments allocate like one payment of their sum", () => {
    fc.assert(
      fc.property(arbInput, fc.integer({ min: 0, max: 1_000_000 }), ({ rule, balances: b, paymentCents }, second) => {
        const one = allocatePayment({ ...rule, balances: b, paymentCents });
        const two = allocatePayment({ ...rule, balances: one.remaining, paymentCents: second });
        const both = allocatePayment({ ...rule, balances: b, paymentCents: paymentCents + second });
        expect(two.remaining).toEqual(both.remaining);
        expect(one.surplusCents + two.surplusCents).toBe(both.surplusCents);
      }),
    );
  });
});
