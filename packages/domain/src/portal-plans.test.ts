import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isoWeekday } from "./dates.ts";
import { formatMoney } from "./money.ts";
import { evaluateProposal, type NegotiationPolicy } from "./policy.ts";
import {
  DEBTOR_PLAN_MAX_COUNT,
  debtorPlanProposal,
  debtorPlanTermsProblems,
  defaultDebtorFirstPaymentDate,
  minimumDebtorInstalmentCents,
  offerFingerprint,
  parseDebtorPlanForm,
  parseSettlementForm,
  planAcknowledgmentText,
  referralAnswerDate,
  settlementTermsProblems,
  type DebtorPlanTerms,
} from "./portal-plans.ts";
import { buildSchedule, scheduleTotal, type Instalment } from "./schedule.ts";

// 2027-03-15 is a Monday.
const TODAY = "2027-03-15";
const CONTEXT = { today: TODAY, balanceCents: 106_000, currency: "EUR" };

describe("parseDebtorPlanForm", () => {
  it("reads a monthly amount typed the way people type it", () => {
    expect(parseDebtorPlanForm({ mode: "amount", amount: "150,00", firstDueOn: "2027-03-22" }, CONTEXT)).toEqual({
      ok: true,
      terms: { mode: "amount", instalmentCents: 15_000, firstDueOn: "2027-03-22" },
    });
    expect(parseDebtorPlanForm({ mode: "amount", amount: " 1 000,5 € ", firstDueOn: "2027-03-22" }, { ...CONTEXT, balanceCents: 500_000 })).toMatchObject({
      ok: true,
      terms: { instalmentCents: 100_050 },
    });
  });

  it("reads a number of instalments, ignoring the amount field it does not use", () => {
    expect(parseDebtorPlanForm({ mode: "count", count: "6", amount: "nonsense", firstDueOn: TODAY }, CONTEXT)).toEqual({
      ok: true,
      terms: { mode: "count", count: 6, firstDueOn: TODAY },
    });
  });

  it("follows the field the debtor filled in when the radio button says the other one", () => {
    expect(parseDebtorPlanForm({ mode: "amount", amount: "", count: "6", firstDueOn: TODAY }, CONTEXT)).toEqual({ ok: true, terms: { mode: "count", count: 6, firstDueOn: TODAY } });
    expect(parseDebtorPlanForm({ mode: "", amount: "80", count: " ", firstDueOn: TODAY }, CONTEXT)).toEqual({ ok: true, terms: { mode: "amount", instalmentCents: 8_000, firstDueOn: TODAY } });
    // Both filled: the radio button decides.
    expect(parseDebtorPlanForm({ mode: "amount", amount: "80", count: "6", firstDueOn: TODAY }, CONTEXT)).toMatchObject({ ok: true, terms: { mode: "amount" } });
  });

  it("names each field that cannot be used", () => {
    expect(parseDebtorPlanForm({ firstDueOn: "" }, CONTEXT)).toEqual({
      ok: false,
      problems: [
        { field: "mode", problem: "missing" },
        { field: "firstDueOn", problem: "missing" },
      ],
    });
    expect(parseDebtorPlanForm({ mode: "amount", amount: "", firstDueOn: "2027-03-14" }, CONTEXT)).toEqual({
      ok: false,
      problems: [
        { field: "amount", problem: "missing" },
        { field: "firstDueOn", problem: "in_past" },
      ],
    });
    expect(parseDebtorPlanForm({ mode: "amount", amount: "cinquante", firstDueOn: "2027-02-30" }, CONTEXT)).toEqual({
      ok: false,
      problems: [
        { field: "amount", problem: "invalid" },
        { field: "firstDueOn", problem: "invalid" },
      ],
    });
    expect(parseDebtorPlanForm({ mode: "amount", amount: "0", firstDueOn: TODAY }, CONTEXT)).toMatchObject({ problems: [{ field: "amount", problem: "not_positive" }] });
    expect(parseDebtorPlanForm({ mode: "amount", amount: "50 USD", firstDueOn: TODAY }, CONTEXT)).toMatchObject({ problems: [{ field: "amount", problem: "invalid" }] });
    expect(parseDebtorPlanForm({ mode: "count", count: "", firstDueOn: TODAY }, CONTEXT)).toMatchObject({ problems: [{ field: "count", problem: "missing" }] });
    expect(parseDebtorPlanForm({ mode: "count", count: "2.5", firstDueOn: TODAY }, CONTEXT)).toMatchObject({ problems: [{ field: "count", problem: "invalid" }] });
    expect(parseDebtorPlanForm({ mode: "count", count: "0", firstDueOn: TODAY }, CONTEXT)).toMatchObject({ problems: [{ field: "count", problem: "invalid" }] });
  });

  it("refuses a plan longer than ten years or a first payment more than a year away, saying the limit", () => {
    // 1,060.00 in at most 120 instalments: 8.84 a month at least.
    expect(minimumDebtorInstalmentCents(106_000)).toBe(884);
    expect(parseDebtorPlanForm({ mode: "amount", amount: "8,83", firstDueOn: TODAY }, CONTEXT)).toEqual({ ok: false, problems: [{ field: "amount", problem: "too_small", minimumCents: 884 }] });
    expect(parseDebtorPlanForm({ mode: "amount", amount: "8,84", firstDueOn: TODAY }, CONTEXT).ok).toBe(true);
    expect(parseDebtorPlanForm({ mode: "count", count: "121", firstDueOn: TODAY }, CONTEXT)).toEqual({ ok: false, problems: [{ field: "count", problem: "too_high", maximum: 120 }] });
    expect(parseDebtorPlanForm({ mode: "count", count: "6", firstDueOn: "2028-03-14" }, CONTEXT).ok).toBe(true);
    // 365 days, and 2028 is a leap year.
    expect(parseDebtorPlanForm({ mode: "count", count: "6", firstDueOn: "2028-03-15" }, CONTEXT)).toEqual({ ok: false, problems: [{ field: "firstDueOn", problem: "too_late", latest: "2028-03-14" }] });
  });

  it("never asks for more instalments than the balance has cents", () => {
    expect(debtorPlanTermsProblems({ mode: "count", count: 4, firstDueOn: TODAY }, { ...CONTEXT, balanceCents: 3 })).toEqual([{ field: "count", problem: "too_high", maximum: 3 }]);
  });

  it("turns the terms into a monthly proposal the policy reads", () => {
    expect(debtorPlanProposal({ mode: "count", count: 6, firstDueOn: "2027-03-22" })).toEqual({ kind: "plan", frequency: "monthly", firstDueOn: "2027-03-22", count: 6 });
    expect(debtorPlanProposal({ mode: "amount", instalmentCents: 15_000, firstDueOn: "2027-03-22" })).toEqual({
      kind: "plan",
      frequency: "monthly",
      firstDueOn: "2027-03-22",
      instalmentCents: 15_000,
    });
    expect(defaultDebtorFirstPaymentDate(TODAY)).toBe("2027-03-22");
  });
});

describe("parseSettlementForm", () => {
  it("reads an offer below the balance with its date and note", () => {
    expect(parseSettlementForm({ amount: "800", payOn: "2027-04-01", message: "  Je peux payer 800 € début avril.  " }, CONTEXT)).toEqual({
      ok: true,
      terms: { amountCents: 80_000, payOn: "2027-04-01", message: "Je peux payer 800 € début avril." },
    });
    expect(parseSettlementForm({ amount: "800", payOn: "2027-04-01", message: "" }, CONTEXT)).toEqual({ ok: true, terms: { amountCents: 80_000, payOn: "2027-04-01" } });
  });

  it("refuses the whole balance or more, zero, a past date and a long note, naming each field", () => {
    expect(parseSettlementForm({ amount: "1060,00", payOn: TODAY }, CONTEXT)).toEqual({ ok: false, problems: [{ field: "amount", problem: "not_below_balance", balanceCents: 106_000 }] });
    expect(parseSettlementForm({ amount: "0,00", payOn: "2027-03-01", message: "x".repeat(1001) }, CONTEXT)).toEqual({
      ok: false,
      problems: [
        { field: "amount", problem: "not_positive" },
        { field: "payOn", problem: "in_past" },
        { field: "message", problem: "too_long", maximum: 1000 },
      ],
    });
    expect(settlementTermsProblems({ amountCents: 1, payOn: TODAY }, CONTEXT)).toEqual([]);
    expect(settlementTermsProblems({ amountCents: 106_001, payOn: TODAY }, CONTEXT)).toEqual([{ field: "amount", problem: "not_below_balance", balanceCents: 106_000 }]);
  });
});

describe("referralAnswerDate", () => {
  it("counts two working days after the day sent, skipping the weekend", () => {
    expect(referralAnswerDate("2027-03-15")).toBe("2027-03-17"); // Monday → Wednesday
    expect(referralAnswerDate("2027-03-18")).toBe("2027-03-22"); // Thursday → Monday
    expect(referralAnswerDate("2027-03-19")).toBe("2027-03-23"); // Friday → Tuesday
    expect(referralAnswerDate("2027-03-20")).toBe("2027-03-23"); // Saturday → Tuesday
    expect(referralAnswerDate("2027-03-21")).toBe("2027-03-23"); // Sunday → Tuesday
  });

  it("skips the holidays it is told about", () => {
    expect(referralAnswerDate("2027-03-19", { isHoliday: (d) => d === "2027-03-22" })).toBe("2027-03-24");
    expect(referralAnswerDate("2027-03-15", { workingDays: 5 })).toBe("2027-03-22");
  });

  it("always lands on a working day, exactly N working days later", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 1, max: 10 }), (offset, n) => {
        const sent = addDays("2020-01-01", offset);
        const answer = referralAnswerDate(sent, { workingDays: n });
        expect(isoWeekday(answer)).toBeLessThanOrEqual(5);
        let weekdays = 0;
        for (let d = addDays(sent, 1); d <= answer; d = addDays(d, 1)) if (isoWeekday(d) <= 5) weekdays += 1;
        expect(weekdays).toBe(n);
        expect(daysBetween(sent, answer)).toBeLessThanOrEqual(n + 2 + 2 * Math.floor(n / 5));
      }),
    );
  });
});

const SIX = buildSchedule({ totalCents: 106_000, firstDueOn: "2027-03-22", frequency: "monthly", count: 6 });
const BASE_ACK = {
  creditorName: "Fournil SAS",
  debtorName: "Léa Martin",
  reference: "RC-2027-000123",
  currency: "EUR",
  totalCents: 106_000,
  frequency: "monthly" as const,
  schedule: SIX,
};

describe("planAcknowledgmentText", () => {
  it("says in English who owes whom what, every run of instalments with its dates, and that accepting acknowledges the debt", () => {
    expect(planAcknowledgmentText({ ...BASE_ACK, language: "en", formatLocale: "en-GB" })).toBe(
      "I, Léa Martin, acknowledge that I owe Fournil SAS the sum of €1,060.00 (file RC-2027-000123). " +
        "I undertake to pay it in 6 monthly instalments: 4 instalments of €176.67 from 22 March 2027 to 22 June 2027, " +
        "then 2 instalments of €176.66 from 22 July 2027 to 22 August 2027. By accepting this payment plan, I acknowledge this debt.",
    );
  });

  it("says it in French and in Dutch, with the local way of writing amounts", () => {
    expect(planAcknowledgmentText({ ...BASE_ACK, language: "fr", formatLocale: "fr-BE" })).toBe(
      "Je soussigné(e), Léa Martin, reconnais devoir à Fournil SAS la somme de 1\u202f060,00\u00a0€ (dossier RC-2027-000123). " +
        "Je m'engage à la payer en 6 versements mensuels : 4 versements de 176,67\u00a0€ du 22 mars 2027 au 22 juin 2027, " +
        "puis 2 versements de 176,66\u00a0€ du 22 juillet 2027 au 22 août 2027. En acceptant cet échéancier, je reconnais être redevable de cette dette.",
    );
    expect(planAcknowledgmentText({ ...BASE_ACK, language: "nl", formatLocale: "nl-BE" })).toBe(
      "Ik, Léa Martin, erken dat ik aan Fournil SAS een bedrag van €\u00a01.060,00 verschuldigd ben (dossier RC-2027-000123). " +
        "Ik verbind mij ertoe dit bedrag te betalen in 6 maandelijkse termijnen: 4 termijnen van €\u00a0176,67 van 22 maart 2027 tot en met 22 juni 2027, " +
        "daarna 2 termijnen van €\u00a0176,66 van 22 juli 2027 tot en met 22 augustus 2027. Door deze betalingsregeling te aanvaarden, erken ik deze schuld.",
    );
  });

  it("names a down payment and a smaller last instalment on their own dates", () => {
    const schedule = buildSchedule({ totalCents: 100_000, firstDueOn: "2027-04-01", frequency: "monthly", instalmentCents: 30_000, downPaymentCents: 20_000 });
    expect(planAcknowledgmentText({ ...BASE_ACK, debtorName: "", totalCents: 100_000, schedule, language: "en", formatLocale: "en-GB" })).toBe(
      "I acknowledge that I owe Fournil SAS the sum of €1,000.00 (file RC-2027-000123). " +
        "I undertake to pay it in 4 monthly instalments: a first payment of €200.00 on 1 April 2027, then 2 instalments of €300.00 from 1 May 2027 to 1 June 2027, " +
        "then €200.00 on 1 July 2027. By accepting this payment plan, I acknowledge this debt.",
    );
  });

  it("words a single payment as one", () => {
    const one: Instalment[] = [{ seq: 1, dueOn: "2027-03-29", amountCents: 106_000, isDownPayment: false }];
    expect(planAcknowledgmentText({ ...BASE_ACK, schedule: one, language: "fr", formatLocale: "fr-FR" })).toContain("Je m'engage à la payer en une seule fois, le 29 mars 2027.");
  });

  it("gives the same text for the same offer, and names the total, the count and the first date", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 5_000_000 }),
        fc.integer({ min: 1, max: 24 }),
        fc.integer({ min: 0, max: 60 }),
        fc.constantFrom("fr" as const, "nl" as const, "en" as const),
        (total, count, delay, language) => {
          const schedule = buildSchedule({ totalCents: total, firstDueOn: addDays(TODAY, delay), frequency: "monthly", count: Math.min(count, total) });
          const input = { ...BASE_ACK, totalCents: total, schedule, language, formatLocale: language === "en" ? "en-GB" : `${language}-BE` };
          const text = planAcknowledgmentText(input);
          expect(planAcknowledgmentText(input)).toBe(text);
          expect(text).toContain(formatMoney(total, "EUR", input.formatLocale));
          expect(text).toContain(new Intl.DateTimeFormat(input.formatLocale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${schedule[0]!.dueOn}T12:00:00Z`)));
          if (schedule.length > 1) expect(text).toContain(` ${schedule.length} `);
        },
      ),
    );
  });
});

describe("offerFingerprint", () => {
  const offer = { caseId: "c0ffee00-0000-4000-8000-000000000001", currency: "EUR", totalCents: 106_000, frequency: "monthly" as const, schedule: SIX, acknowledgmentText: "text" };

  it("is short, stable and the same for equal offers", () => {
    const print = offerFingerprint(offer);
    expect(print).toMatch(/^v1-[0-9a-f]{16}$/);
    expect(offerFingerprint({ ...offer, schedule: SIX.map((l) => ({ ...l })) })).toBe(print);
  });

  it("changes when anything the debtor accepts changes", () => {
    const print = offerFingerprint(offer);
    const moved = SIX.map((l, i) => (i === 0 ? { ...l, dueOn: "2027-03-23" } : l));
    expect(offerFingerprint({ ...offer, schedule: moved })).not.toBe(print);
    expect(offerFingerprint({ ...offer, acknowledgmentText: "text." })).not.toBe(print);
    expect(offerFingerprint({ ...offer, caseId: "c0ffee00-0000-4000-8000-000000000002" })).not.toBe(print);
    expect(offerFingerprint({ ...offer, totalCents: 106_001 })).not.toBe(print);
  });

  it("tells apart two schedules of the same total that move a cent between lines", () => {
    fc.assert(
      fc.property(fc.integer({ min: 200, max: 1_000_000 }), fc.integer({ min: 2, max: 12 }), (total, count) => {
        const schedule = buildSchedule({ totalCents: total, firstDueOn: TODAY, frequency: "monthly", count: Math.min(count, Math.floor(total / 2)) });
        fc.pre(schedule.length >= 2 && schedule[1]!.amountCents > 1);
        const shifted = schedule.map((l, i) => (i === 0 ? { ...l, amountCents: l.amountCents + 1 } : i === 1 ? { ...l, amountCents: l.amountCents - 1 } : l));
        expect(scheduleTotal(shifted)).toBe(total);
        expect(offerFingerprint({ ...offer, totalCents: total, schedule: shifted })).not.toBe(offerFingerprint({ ...offer, totalCents: total, schedule }));
      }),
    );
  });
});

describe("a debtor's terms through the policy", () => {
  const policyArb = fc.record({
    maxInstalments: fc.integer({ min: 1, max: 36 }),
    maxDurationMonths: fc.integer({ min: 0, max: 36 }),
    minInstalmentCents: fc.integer({ min: 0, max: 50_000 }),
    minDownPaymentPct: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
    maxFirstPaymentDelayDays: fc.integer({ min: 0, max: 60 }),
    maxSettlementDiscountPct: fc.integer({ min: 0, max: 50 }),
    autoAcceptSettlement: fc.constant(false as const),
    maxAutoBalanceCents: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: undefined }),
  }) as fc.Arbitrary<NegotiationPolicy>;

  const termsArb = (balance: number): fc.Arbitrary<DebtorPlanTerms> =>
    fc.oneof(
      fc.record({ mode: fc.constant("count" as const), count: fc.integer({ min: 1, max: Math.min(DEBTOR_PLAN_MAX_COUNT, balance) }), firstDueOn: fc.integer({ min: 0, max: 90 }).map((d) => addDays(TODAY, d)) }),
      fc.record({
        mode: fc.constant("amount" as const),
        instalmentCents: fc.integer({ min: minimumDebtorInstalmentCents(balance), max: balance * 2 }),
        firstDueOn: fc.integer({ min: 0, max: 90 }).map((d) => addDays(TODAY, d)),
      }),
    );

  it("always gets an answer whose schedule pays exactly the balance, from today on, in at most the policy's lines", () => {
    fc.assert(
      fc.property(
        policyArb,
        fc.integer({ min: 1, max: 5_000_000 }).chain((balance) => fc.tuple(fc.constant(balance), termsArb(balance))),
        (policy, [balance, terms]) => {
          expect(debtorPlanTermsProblems(terms, { today: TODAY, balanceCents: balance, currency: "EUR" })).toEqual([]);
          const decision = evaluateProposal({ policy, balanceCents: balance, today: TODAY, proposal: debtorPlanProposal(terms) });
          if (decision.decision === "refer") return;
          expect(scheduleTotal(decision.schedule)).toBe(balance);
          expect(decision.schedule.every((l) => l.amountCents > 0 && l.dueOn >= TODAY)).toBe(true);
          if (decision.decision === "accept") expect(decision.schedule.length).toBeLessThanOrEqual(policy.maxInstalments);
        },
      ),
    );
  });

  it("a counter-offer re-evaluated the same day is the same offer, so its fingerprint holds", () => {
    fc.assert(
      fc.property(policyArb, fc.integer({ min: 1, max: 5_000_000 }).chain((b) => fc.tuple(fc.constant(b), termsArb(b))), (policy, [balance, terms]) => {
        const evaluate = () => evaluateProposal({ policy, balanceCents: balance, today: TODAY, proposal: debtorPlanProposal(terms) });
        const first = evaluate();
        if (first.decision === "refer") return;
        const print = (schedule: Instalment[]) => offerFingerprint({ caseId: "x", currency: "EUR", totalCents: balance, frequency: "monthly", schedule, acknowledgmentText: "t" });
        const again = evaluate();
        expect(again.decision).toBe(first.decision);
        expect(again.decision !== "refer" && print(again.schedule)).toBe(print(first.schedule));
      }),
    );
  });
});
