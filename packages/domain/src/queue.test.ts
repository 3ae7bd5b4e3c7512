import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./dates.ts";
import {
  ageBucketBounds,
  amountBandBounds,
  balanceWeight,
  compareQueueEntries,
  prioritiseCase,
  QUEUE_AGE_BUCKETS,
  QUEUE_AMOUNT_BANDS,
  QUEUE_WEIGHTS,
  type QueueCaseFacts,
} from "./queue.ts";
import { CASE_HOLDS, CASE_STAGES, type CaseHold } from "./vocabulary.ts";

const TODAY = "2026-11-22";

// A case placed two months ago, in contact, with nothing pressing: the quietest open case.
const quiet: QueueCaseFacts = {
  stage: "in_contact",
  holds: [],
  balanceCents: 0,
  currency: "EUR",
  placedOn: addDays(TODAY, -60),
  noticeSentOn: addDays(TODAY, -58),
  firstContactOn: addDays(TODAY, -40),
  nextActionOn: addDays(TODAY, 5),
  nextActionKind: "call",
  reviewDueOn: addDays(TODAY, 30),
};

const codes = (facts: Partial<QueueCaseFacts>) => prioritiseCase({ ...quiet, ...facts }, TODAY).reasons.map((r) => r.code);
const details = (facts: Partial<QueueCaseFacts>) => prioritiseCase({ ...quiet, ...facts }, TODAY).reasons.map((r) => r.detail);

describe("prioritiseCase: each reason", () => {
  it("lists a quiet open case with no reason and no score", () => {
    expect(prioritiseCase(quiet, TODAY)).toEqual({ score: 0, reasons: [], isListed: true });
  });

  it("never lists a closed case", () => {
    expect(prioritiseCase({ ...quiet, stage: "closed", promiseDueOn: TODAY, balanceCents: 10_000 }, TODAY)).toEqual({ score: 0, reasons: [], isListed: false });
  });

  it("says when a promise is due today, and when it was missed", () => {
    expect(details({ promiseDueOn: TODAY })).toEqual(["Promise due today"]);
    expect(details({ promiseDueOn: addDays(TODAY, -1) })).toEqual(["Promise missed yesterday"]);
    expect(details({ promiseDueOn: addDays(TODAY, -3) })).toEqual(["Promise missed 3 days ago"]);
    expect(details({ promiseDueOn: addDays(TODAY, 2) })).toEqual([]);
  });

  it("keeps a broken promise in view for two weeks, unless a pending one is already missed", () => {
    expect(details({ promiseBrokenOn: addDays(TODAY, -2) })).toEqual(["Promise broken 2 days ago"]);
    expect(codes({ promiseBrokenOn: addDays(TODAY, -14) })).toEqual(["promise_broken"]);
    expect(codes({ promiseBrokenOn: addDays(TODAY, -15) })).toEqual([]);
    expect(codes({ promiseBrokenOn: addDays(TODAY, -2), promiseDueOn: addDays(TODAY, -1) })).toEqual(["promise_missed"]);
  });

  it("says when an instalment is due today, and when it was missed", () => {
    expect(details({ instalmentDueOn: TODAY })).toEqual(["Instalment due today"]);
    expect(details({ instalmentDueOn: addDays(TODAY, -3) })).toEqual(["Instalment missed 3 days ago"]);
    expect(details({ instalmentDueOn: addDays(TODAY, 7) })).toEqual([]);
  });

  it("says when the debtor replied or a plan proposal is waiting", () => {
    expect(details({ inboundWaitingSince: TODAY })).toEqual(["Debtor replied today"]);
    expect(details({ inboundWaitingSince: addDays(TODAY, -4) })).toEqual(["Debtor replied 4 days ago"]);
    expect(codes({ inboundWaitingSince: addDays(TODAY, -30) })).toEqual(["debtor_replied"]);
    // Past a month, "nobody answered" is no longer a safe inference.
    expect(codes({ inboundWaitingSince: addDays(TODAY, -31) })).toEqual([]);
    expect(details({ proposalWaitingSince: addDays(TODAY, -1) })).toEqual(["Plan proposal waiting 1 day"]);
    expect(details({ proposalWaitingSince: TODAY })).toEqual(["Plan proposal waiting since today"]);
    // A date in the future is bad data, not a reason.
    expect(codes({ inboundWaitingSince: addDays(TODAY, 1), proposalWaitingSince: addDays(TODAY, 1) })).toEqual([]);
  });

  it("flags a new placement nobody has reached, for its first 30 days", () => {
    const fresh = { stage: "new" as const, placedOn: addDays(TODAY, -5), noticeSentOn: null, firstContactOn: null, reviewDueOn: null };
    expect(details(fresh)).toEqual(["New placement not contacted (5 days)"]);
    expect(details({ ...fresh, placedOn: TODAY })).toEqual(["New placement not contacted (0 days)"]);
    expect(codes({ ...fresh, placedOn: addDays(TODAY, -31) })).toEqual([]);
    expect(codes({ ...fresh, firstContactOn: addDays(TODAY, -1) })).toEqual([]);
  });

  it("flags a high balance with no contact yet, from 2,000.00", () => {
    const old = { firstContactOn: null, placedOn: addDays(TODAY, -45) };
    expect(codes({ ...old, balanceCents: 200_000 })).toEqual(["high_balance_no_contact", "balance"]);
    expect(codes({ ...old, balanceCents: 199_999 })).toEqual(["balance"]);
    expect(codes({ balanceCents: 500_000 })).toEqual(["balance"]);
  });

  it("brings the 90-day review up two weeks ahead, more urgently as it nears, most when overdue", () => {
    expect(details({ reviewDueOn: addDays(TODAY, 5) })).toEqual(["Review in 5 days"]);
    expect(details({ reviewDueOn: addDays(TODAY, 1) })).toEqual(["Review tomorrow"]);
    expect(details({ reviewDueOn: TODAY })).toEqual(["Review today"]);
    expect(details({ reviewDueOn: addDays(TODAY, -2) })).toEqual(["90-day review overdue by 2 days"]);
    expect(codes({ reviewDueOn: addDays(TODAY, 15) })).toEqual([]);
    const weight = (days: number) => prioritiseCase({ ...quiet, reviewDueOn: addDays(TODAY, days) }, TODAY).score;
    expect(weight(14)).toBeLessThan(weight(5));
    expect(weight(5)).toBeLessThan(weight(0));
    expect(weight(0)).toBeLessThan(weight(-1));
  });

  it("names the scheduled follow-up that is due", () => {
    expect(details({ nextActionOn: TODAY })).toEqual(["Call due today"]);
    expect(details({ nextActionOn: addDays(TODAY, -2), nextActionKind: "send_reminder" })).toEqual(["Send reminder due 2 days ago"]);
    expect(details({ nextActionOn: TODAY, nextActionKind: null })).toEqual(["Follow-up due today"]);
  });

  it("does not repeat a commitment or the review as a follow-up", () => {
    expect(codes({ nextActionOn: TODAY, nextActionKind: "check_promise", promiseDueOn: TODAY })).toEqual(["promise_due"]);
    expect(codes({ nextActionOn: addDays(TODAY, -2), nextActionKind: "check_instalment", instalmentDueOn: addDays(TODAY, -2) })).toEqual(["instalment_missed"]);
    expect(codes({ nextActionOn: addDays(TODAY, -2), nextActionKind: "review", reviewDueOn: addDays(TODAY, -2) })).toEqual(["review_overdue"]);
    // Nothing else explains it: the follow-up stays.
    expect(codes({ nextActionOn: TODAY, nextActionKind: "check_promise" })).toEqual(["follow_up_due"]);
  });

  it("adds the balance as a capped, logarithmic weight", () => {
    expect(balanceWeight(0)).toBe(0);
    expect(balanceWeight(-500)).toBe(0);
    expect(balanceWeight(10_000)).toBe(12);
    expect(balanceWeight(100_000_000_00)).toBe(QUEUE_WEIGHTS.balanceCap);
    expect(details({ balanceCents: 123_456 })).toEqual(["Balance €1,234.56"]);
  });

  it("orders reasons heaviest first and scores their sum", () => {
    const p = prioritiseCase(
      { ...quiet, promiseDueOn: TODAY, inboundWaitingSince: TODAY, nextActionOn: TODAY, reviewDueOn: addDays(TODAY, 5), balanceCents: 50_000 },
      TODAY,
    );
    expect(p.reasons.map((r) => r.code)).toEqual(["promise_due", "debtor_replied", "review_soon", "follow_up_due", "balance"]);
    expect(p.score).toBe(p.reasons.reduce((s, r) => s + r.weight, 0));
  });
});

describe("prioritiseCase: holds", () => {
  const pressing: Partial<QueueCaseFacts> = { promiseDueOn: TODAY, inboundWaitingSince: TODAY, balanceCents: 900_000, firstContactOn: null, placedOn: addDays(TODAY, -3) };

  it.each(["disputed", "insolvency", "deceased"] as const)("keeps a case on %s hold out of the queue until its review is due", (hold) => {
    expect(prioritiseCase({ ...quiet, ...pressing, holds: [hold] }, TODAY)).toEqual({ score: 0, reasons: [], isListed: false });
    const due = prioritiseCase({ ...quiet, ...pressing, holds: [hold], nextActionOn: addDays(TODAY, -3), nextActionKind: "review_hold" }, TODAY);
    expect(due.isListed).toBe(true);
    expect(due.reasons.map((r) => r.code)).toEqual(["hold_review"]);
    expect(due.score).toBe(QUEUE_WEIGHTS.holdReview);
  });

  it("names the dispute in its review reason", () => {
    expect(prioritiseCase({ ...quiet, holds: ["disputed"], nextActionOn: TODAY }, TODAY).reasons[0]!.detail).toBe("Dispute review due today");
    expect(prioritiseCase({ ...quiet, holds: ["insolvency"], nextActionOn: addDays(TODAY, -1) }, TODAY).reasons[0]!.detail).toBe("Insolvency review overdue by 1 day");
  });

  it("works a vulnerable debtor's case, saying to take care", () => {
    const p = prioritiseCase({ ...quiet, holds: ["vulnerable"], promiseDueOn: TODAY }, TODAY);
    expect(p.reasons.map((r) => r.code)).toEqual(["promise_due", "vulnerable"]);
    expect(p.reasons[1]!.detail).toBe("Vulnerable debtor: handle with care");
  });
});

describe("queue filters", () => {
  it("covers every day since placement with exactly one age bucket", () => {
    for (let day = 0; day <= 400; day++) {
      const matching = QUEUE_AGE_BUCKETS.filter((b) => {
        const { minDays, maxDays } = ageBucketBounds(b);
        return day >= minDays && (maxDays === null || day <= maxDays);
      });
      expect(matching, `day ${day}`).toHaveLength(1);
    }
  });

  it("covers every balance with exactly one amount band", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000_000 }), (cents) => {
        const matching = QUEUE_AMOUNT_BANDS.filter((b) => {
          const { minCents, maxCents } = amountBandBounds(b);
          return (minCents === null || cents >= minCents) && (maxCents === null || cents < maxCents);
        });
        return matching.length === 1;
      }),
    );
    expect(amountBandBounds("100-500")).toEqual({ minCents: 10_000, maxCents: 50_000 });
  });
});

// Arbitrary facts around TODAY (dates within ±200 days, any stage, any holds).
const date = fc.integer({ min: -200, max: 200 }).map((d) => addDays(TODAY, d));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const facts: fc.Arbitrary<QueueCaseFacts> = fc.record({
  stage: fc.constantFrom(...CASE_STAGES),
  holds: fc.subarray([...CASE_HOLDS] as CaseHold[]),
  balanceCents: fc.integer({ min: 0, max: 100_000_000 }),
  currency: fc.constant("EUR"),
  placedOn: fc.integer({ min: -400, max: 0 }).map((d) => addDays(TODAY, d)),
  noticeSentOn: maybe(date),
  firstContactOn: maybe(date),
  nextActionOn: maybe(date),
  nextActionKind: maybe(fc.constantFrom("call", "send_letter", "review_hold")),
  promiseDueOn: maybe(date),
  promiseBrokenOn: maybe(date),
  instalmentDueOn: maybe(date),
  inboundWaitingSince: maybe(date),
  proposalWaitingSince: maybe(date),
  reviewDueOn: maybe(date),
});
const workable = facts.map((f) => ({ ...f, stage: f.stage === "closed" ? ("in_contact" as const) : f.stage, holds: f.holds.filter((h) => h === "vulnerable") }));

describe("prioritiseCase: properties", () => {
  it("is deterministic and its score is the sum of its reasons, heaviest first", () => {
    fc.assert(
      fc.property(facts, (f) => {
        const a = prioritiseCase(f, TODAY);
        expect(prioritiseCase(structuredClone(f), TODAY)).toEqual(a);
        expect(a.score).toBe(a.reasons.reduce((s, r) => s + r.weight, 0));
        for (let i = 1; i < a.reasons.length; i++) expect(a.reasons[i - 1]!.weight).toBeGreaterThanOrEqual(a.reasons[i]!.weight);
        expect(new Set(a.reasons.map((r) => r.code)).size).toBe(a.reasons.length);
        expect(a.score).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("never scores a larger balance lower, all else equal", () => {
    fc.assert(
      fc.property(facts, fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: 100_000_000 }), (f, x, y) => {
        const [low, high] = x <= y ? [x, y] : [y, x];
        expect(prioritiseCase({ ...f, balanceCents: high }, TODAY).score).toBeGreaterThanOrEqual(prioritiseCase({ ...f, balanceCents: low }, TODAY).score);
      }),
    );
  });

  it("ranks a case with a commitment due or missed above any case whose only reason is a follow-up", () => {
    const commitment = fc.oneof(
      fc.integer({ min: 0, max: 10 }).map((late) => ({ promiseDueOn: addDays(TODAY, -late) })),
      fc.integer({ min: 0, max: 10 }).map((late) => ({ instalmentDueOn: addDays(TODAY, -late) })),
    );
    const followUpOnly = fc.record({
      balanceCents: fc.integer({ min: 0, max: 1_000_000_000 }),
      nextActionOn: fc.integer({ min: 0, max: 60 }).map((late) => addDays(TODAY, -late)),
    });
    fc.assert(
      fc.property(workable, commitment, followUpOnly, (other, due, plain) => {
        const a = prioritiseCase({ ...other, ...due }, TODAY);
        const b = prioritiseCase({ ...quiet, ...plain }, TODAY);
        expect(b.reasons.map((r) => r.code).filter((c) => c !== "balance")).toEqual(["follow_up_due"]);
        expect(a.score).toBeGreaterThan(b.score);
      }),
    );
  });

  it("never lists a held case for anything but its review, and never a closed one", () => {
    fc.assert(
      fc.property(facts, (f) => {
        const p = prioritiseCase(f, TODAY);
        if (f.stage === "closed") expect(p.isListed).toBe(false);
        else if (f.holds.some((h) => h !== "vulnerable")) expect(p.reasons.every((r) => r.code === "hold_review")).toBe(true);
        else expect(p.isListed).toBe(true);
      }),
    );
  });
});

describe("compareQueueEntries", () => {
  it("orders by score, then the earlier next action (none last), then reference", () => {
    const rows = [
      { score: 10, nextActionOn: null, reference: "A" },
      { score: 10, nextActionOn: "2026-11-20", reference: "C" },
      { score: 50, nextActionOn: null, reference: "Z" },
      { score: 10, nextActionOn: "2026-11-20", reference: "B" },
    ];
    expect([...rows].sort(compareQueueEntries).map((r) => r.reference)).toEqual(["Z", "B", "C", "A"]);
  });
});

describe("prioritiseCase: what the debtor asked for in the portal", () => {
  it("words each request, with when it came in", () => {
    const disputed = { holds: ["disputed"] as CaseHold[], nextActionKind: "portal_dispute" };
    expect(details({ ...disputed, nextActionOn: TODAY })).toEqual(["Debtor disputed in the portal today"]);
    expect(details({ ...disputed, nextActionOn: addDays(TODAY, -2), portalDisputeReason: "already_paid" })).toEqual(["Debtor reported in the portal 2 days ago that it is already paid"]);
    // A dispute an agent recorded, or one whose debtor was answered, is the dispute's review instead.
    expect(details({ ...disputed, nextActionOn: TODAY, nextActionKind: "review_dispute" })).toEqual(["Dispute review due today"]);
    expect(details({ portalMessageSince: addDays(TODAY, -1) })).toEqual(["Debtor wrote in the portal yesterday"]);
    expect(details({ callBackOn: TODAY, callBackSlot: "morning" })).toEqual(["Debtor asked to be called back on 22 November 2026 (morning)"]);
    expect(details({ callBackOn: addDays(TODAY, -3), callBackSlot: null })).toEqual(["Debtor asked to be called back on 19 November 2026, 3 days ago"]);
  });

  it("lists a call back only from the day asked for, and lets a request go stale after 30 days", () => {
    expect(codes({ callBackOn: addDays(TODAY, 1), callBackSlot: "evening" })).toEqual([]);
    expect(codes({ portalMessageSince: addDays(TODAY, -30) })).toEqual(["portal_message"]);
    expect(codes({ portalMessageSince: addDays(TODAY, -31) })).toEqual([]);
  });

  it("puts a request above a missed commitment with the largest balance, and says it once", () => {
    const missed = prioritiseCase({ ...quiet, promiseDueOn: addDays(TODAY, -1), balanceCents: 1_000_000_000 }, TODAY);
    const asked = prioritiseCase({ ...quiet, portalMessageSince: TODAY, inboundWaitingSince: TODAY, nextActionOn: TODAY, nextActionKind: "answer_portal_message" }, TODAY);
    expect(asked.reasons.map((r) => r.code)).toEqual(["portal_message"]);
    expect(asked.score).toBe(QUEUE_WEIGHTS.debtorInPortal);
    expect(asked.score).toBeGreaterThan(missed.score);
  });

  it("lists a disputed case for the debtor's dispute today, and for its review once the debtor was answered", () => {
    const held = { ...quiet, holds: ["disputed"] as CaseHold[], nextActionOn: TODAY, nextActionKind: "portal_dispute", balanceCents: 500_000 };
    const fresh = prioritiseCase({ ...held, portalDisputeReason: "not_mine", inboundWaitingSince: TODAY }, TODAY);
    expect(fresh).toMatchObject({ isListed: true, score: QUEUE_WEIGHTS.debtorInPortal });
    expect(fresh.reasons.map((r) => r.detail)).toEqual(["Debtor disputed in the portal today"]);
    const answered = prioritiseCase({ ...held, nextActionOn: addDays(TODAY, 14), nextActionKind: "review_dispute" }, TODAY);
    expect(answered).toMatchObject({ isListed: false, reasons: [] });
  });

  it("ranks a case with a fresh portal request above any case without one (property)", () => {
    const request = fc.oneof(
      fc.integer({ min: 0, max: 30 }).map((d) => ({ portalMessageSince: addDays(TODAY, -d) })),
      fc.integer({ min: 0, max: 30 }).map((d) => ({ holds: ["disputed"] as CaseHold[], nextActionKind: "portal_dispute", nextActionOn: addDays(TODAY, -d) })),
      fc.integer({ min: 0, max: 30 }).map((d) => ({ callBackOn: addDays(TODAY, -d), callBackSlot: "afternoon" as const })),
    );
    fc.assert(
      fc.property(facts, request, workable, (mine, asked, other) => {
        const a = prioritiseCase({ ...mine, stage: mine.stage === "closed" ? "in_contact" : mine.stage, ...asked }, TODAY);
        const b = prioritiseCase(other, TODAY);
        expect(a.score).toBeGreaterThan(b.score);
      }),
    );
  });

  it("never lists a held case for anything but its review or what the debtor asked for (property)", () => {
    const requests = fc.record({
      nextActionKind: maybe(fc.constantFrom("portal_dispute", "answer_portal_message", "call_back", "review_dispute")),
      portalMessageSince: maybe(date),
      callBackOn: maybe(date),
      callBackSlot: maybe(fc.constantFrom("morning" as const, "afternoon" as const, "evening" as const)),
    });
    fc.assert(
      fc.property(facts, requests, (f, r) => {
        const p = prioritiseCase({ ...f, ...r }, TODAY);
        if (f.stage === "closed") expect(p.isListed).toBe(false);
        else if (f.holds.some((h) => h !== "vulnerable")) expect(p.reasons.every((x) => x.code === "hold_review" || ["portal_dispute", "portal_message", "call_back"].includes(x.code))).toBe(true);
        // A request the debtor made in the last 30 days is always a reason on an open case.
        if (f.stage !== "closed" && r.portalMessageSince && r.portalMessageSince <= TODAY && addDays(r.portalMessageSince, 30) >= TODAY) {
          expect(p.reasons.map((x) => x.code)).toContain("portal_message");
        }
      }),
    );
  });
});
