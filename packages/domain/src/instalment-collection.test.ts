import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  COLLECTION_RETRY_DAYS,
  collectionDecision,
  instalmentOpenCents,
  mandateLabel,
  mandateMethodsFor,
  MAX_COLLECTION_ATTEMPTS,
  nextInstalmentToPay,
  type CollectionState,
  type InstalmentLine,
} from "./instalment-collection.ts";

/** A monthly plan of 4 × 250.00 starting 1 March 2027. */
const plan = (overrides: Partial<InstalmentLine>[] = []): InstalmentLine[] =>
  ["2027-03-01", "2027-04-01", "2027-05-01", "2027-06-01"].map((dueOn, i) => ({ seq: i + 1, dueOn, amountCents: 25_000, paidCents: 0, status: "scheduled", ...overrides[i] }));

describe("nextInstalmentToPay", () => {
  it("offers the first instalment not yet due when the plan is up to date", () => {
    const lines = plan([{ paidCents: 25_000, status: "paid" }]);
    expect(nextInstalmentToPay(lines, { today: "2027-03-15", balanceCents: 75_000 })).toEqual({ amountCents: 25_000, dueOn: "2027-04-01", isOverdue: false, overdueCount: 0, seqs: [2] });
  });

  it("offers what is left of a short instalment, overdue", () => {
    const lines = plan([{ paidCents: 10_000, status: "partially_paid" }]);
    expect(nextInstalmentToPay(lines, { today: "2027-03-15", balanceCents: 90_000 })).toEqual({ amountCents: 15_000, dueOn: "2027-03-01", isOverdue: true, overdueCount: 1, seqs: [1] });
  });

  it("offers the overdue total when two or more are overdue, missed ones included", () => {
    const lines = plan([{ status: "missed" }, { paidCents: 5_000, status: "partially_paid" }]);
    expect(nextInstalmentToPay(lines, { today: "2027-04-20", balanceCents: 95_000 })).toEqual({ amountCents: 45_000, dueOn: "2027-03-01", isOverdue: true, overdueCount: 2, seqs: [1, 2] });
  });

  it("counts an instalment due today as due, not overdue", () => {
    expect(nextInstalmentToPay(plan(), { today: "2027-03-01", balanceCents: 100_000 })).toMatchObject({ amountCents: 25_000, isOverdue: false, overdueCount: 0 });
  });

  it("never offers more than the balance, and nothing once the plan or the balance is settled", () => {
    expect(nextInstalmentToPay(plan(), { today: "2027-03-15", balanceCents: 12_000 })).toMatchObject({ amountCents: 12_000 });
    expect(nextInstalmentToPay(plan(), { today: "2027-03-15", balanceCents: 0 })).toBeNull();
    const settled = plan([{ status: "paid", paidCents: 25_000 }, { status: "paid", paidCents: 25_000 }, { status: "waived" }, { status: "paid", paidCents: 25_000 }]);
    expect(nextInstalmentToPay(settled, { today: "2027-03-15", balanceCents: 25_000 })).toBeNull();
  });

  it("offers nothing below the smallest online payment: a few euros left are paid as another amount", () => {
    const lines = plan([{ paidCents: 24_700, status: "partially_paid" }]);
    expect(nextInstalmentToPay(lines, { today: "2027-03-15", balanceCents: 75_300 })).toBeNull();
  });

  it("always offers an amount between 1 cent and both the balance and what the plan still owes", () => {
    const line = fc.record({ amountCents: fc.integer({ min: 1, max: 500_000 }), paid: fc.double({ min: 0, max: 1, noNaN: true }), status: fc.constantFrom("scheduled", "partially_paid", "missed", "paid", "waived") });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: -1_000, max: 3_000_000 }), (raw, todayIndex, balanceCents) => {
        const lines = raw.map((l, i) => ({ seq: i + 1, dueOn: `2027-${String(i + 1).padStart(2, "0")}-01`, amountCents: l.amountCents, paidCents: Math.floor(l.amountCents * l.paid), status: l.status }));
        const today = `2027-${String(Math.min(12, todayIndex + 1)).padStart(2, "0")}-15`;
        const offer = nextInstalmentToPay(lines, { today, balanceCents });
        const owed = lines.reduce((s, l) => s + instalmentOpenCents(l), 0);
        if (offer === null) return;
        expect(offer.amountCents).toBeGreaterThan(0);
        expect(offer.amountCents).toBeLessThanOrEqual(Math.min(balanceCents, owed));
        expect(offer.seqs.length).toBeGreaterThan(0);
      }),
    );
  });
});

const NOW = new Date("2027-03-15T06:00:00Z");
const due = (overrides: Partial<CollectionState> = {}): CollectionState => ({
  seq: 1,
  dueOn: "2027-03-15",
  amountCents: 25_000,
  paidCents: 0,
  status: "scheduled",
  collectionRequestedAt: null,
  collectionError: null,
  attempts: 0,
  ...overrides,
});
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const facts = { today: "2027-03-15", now: NOW, balanceCents: 100_000 };

describe("collectionDecision", () => {
  it("charges an instalment due today, or overdue, for what is still owed on it", () => {
    expect(collectionDecision(due(), facts)).toEqual({ action: "charge", amountCents: 25_000, attempt: 1 });
    expect(collectionDecision(due({ dueOn: "2027-02-01", paidCents: 5_000, status: "partially_paid" }), facts)).toEqual({ action: "charge", amountCents: 20_000, attempt: 1 });
  });

  it("waits for an instalment not yet due, and leaves a paid one alone", () => {
    expect(collectionDecision(due({ dueOn: "2027-03-16" }), facts)).toEqual({ action: "skip", reason: "not_due" });
    expect(collectionDecision(due({ paidCents: 25_000, status: "paid" }), facts)).toEqual({ action: "skip", reason: "settled" });
    expect(collectionDecision(due({ status: "waived" }), facts)).toEqual({ action: "skip", reason: "settled" });
  });

  it("never asks twice for a charge still in progress (a SEPA debit takes days)", () => {
    expect(collectionDecision(due({ collectionRequestedAt: daysAgo(10), attempts: 1 }), facts)).toEqual({ action: "skip", reason: "awaiting_outcome" });
  });

  it(`tries again ${COLLECTION_RETRY_DAYS} days after a refusal, at most ${MAX_COLLECTION_ATTEMPTS} times`, () => {
    expect(collectionDecision(due({ collectionRequestedAt: daysAgo(2), collectionError: "card_declined", attempts: 1 }), facts)).toEqual({ action: "skip", reason: "retry_later" });
    expect(collectionDecision(due({ collectionRequestedAt: daysAgo(3), collectionError: "card_declined", attempts: 1 }), facts)).toEqual({ action: "charge", amountCents: 25_000, attempt: 2 });
    expect(collectionDecision(due({ collectionRequestedAt: daysAgo(9), collectionError: "card_declined", attempts: 3 }), facts)).toEqual({ action: "skip", reason: "attempts_exhausted" });
  });

  it("charges at most the balance, and nothing under €0.50 or when nothing is owed", () => {
    expect(collectionDecision(due(), { ...facts, balanceCents: 9_000 })).toMatchObject({ action: "charge", amountCents: 9_000 });
    expect(collectionDecision(due(), { ...facts, balanceCents: 40 })).toEqual({ action: "skip", reason: "too_small" });
    expect(collectionDecision(due(), { ...facts, balanceCents: 0 })).toEqual({ action: "skip", reason: "nothing_owed" });
  });

  it("never charges more than is owed, never before the due date, never past the attempt limit, never over a charge in flight", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: -30, max: 30 }),
        fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
        fc.boolean(),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: -100, max: 1_000_000 }),
        (amountCents, paidShare, dueOffset, requestedDaysAgo, refused, attempts, balanceCents) => {
          const dueOn = new Date(Date.UTC(2027, 2, 15 + dueOffset)).toISOString().slice(0, 10);
          const line = due({
            dueOn,
            amountCents,
            paidCents: Math.floor(amountCents * paidShare),
            status: "partially_paid",
            collectionRequestedAt: requestedDaysAgo === null ? null : daysAgo(requestedDaysAgo),
            collectionError: refused ? "declined" : null,
            attempts,
          });
          const decision = collectionDecision(line, { ...facts, balanceCents });
          if (decision.action !== "charge") return;
          expect(decision.amountCents).toBeLessThanOrEqual(Math.min(instalmentOpenCents(line), balanceCents));
          expect(decision.amountCents).toBeGreaterThanOrEqual(50);
          expect(dueOn <= facts.today).toBe(true);
          expect(decision.attempt).toBeLessThanOrEqual(MAX_COLLECTION_ATTEMPTS);
          expect(line.collectionRequestedAt === null || line.collectionError !== null).toBe(true);
        },
      ),
    );
  });
});

describe("saved methods", () => {
  it("are card and SEPA Direct Debit in euros, card only otherwise", () => {
    expect(mandateMethodsFor("EUR")).toEqual(["card", "sepa_debit"]);
    expect(mandateMethodsFor("gbp")).toEqual(["card"]);
  });

  it("read as the brand or the bank's country and the last four digits", () => {
    expect(mandateLabel({ method: "card", brand: "visa", last4: "4242" })).toBe("Visa •••• 4242");
    expect(mandateLabel({ method: "card", brand: "cartes_bancaires", last4: "1001" })).toBe("Cartes Bancaires •••• 1001");
    expect(mandateLabel({ method: "card", brand: "newbrand", last4: "0005" })).toBe("Newbrand •••• 0005");
    expect(mandateLabel({ method: "card", brand: null, last4: null })).toBe("Card");
    expect(mandateLabel({ method: "sepa_debit", country: "de", last4: "3000" })).toBe("SEPA DE •••• 3000");
  });
});
