import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "./errors.ts";
import {
  assertCaseState,
  availableEvents,
  CASE_EVENT_TYPES,
  canContact,
  canContactAutomatically,
  initialCaseState,
  isOnHold,
  isOpen,
  transition,
  type CaseEvent,
  type CaseEventType,
  type CaseState,
  type OpenStage,
} from "./stages.ts";
import { CASE_HOLDS, CASE_STAGES, type CaseHold, type CaseStage } from "./vocabulary.ts";

const COLUMNS = ["new", "notified", "in_contact", "negotiating", "arrangement", "promise", "closed"] as const;

/**
 * Expected outcome of every event from every stage, with no hold set. `=`: accepted, nothing changes;
 * a stage name: moves there; `closed:<reason>`: closes; `!<reason>`: refused. The closed column is a case
 * closed as paid from in_contact.
 */
const TABLE: Record<CaseEventType, readonly string[]> = {
  //                     new                 notified               in_contact             negotiating            arrangement            promise                closed
  notice_sent:         ["notified",         "=",                   "=",                   "=",                   "=",                   "=",                   "!case_closed"],
  contact_made:        ["!notice_required", "in_contact",          "=",                   "=",                   "=",                   "=",                   "!case_closed"],
  negotiation_started: ["!notice_required", "negotiating",         "negotiating",         "=",                   "!commitment_active",  "!commitment_active",  "!case_closed"],
  promise_made:        ["!notice_required", "promise",             "promise",             "promise",             "!commitment_active",  "!commitment_active",  "!case_closed"],
  promise_kept:        ["!not_in_stage",    "!not_in_stage",       "!not_in_stage",       "!not_in_stage",       "!not_in_stage",       "in_contact",          "!case_closed"],
  promise_broken:      ["!not_in_stage",    "!not_in_stage",       "!not_in_stage",       "!not_in_stage",       "!not_in_stage",       "in_contact",          "!case_closed"],
  plan_accepted:       ["!notice_required", "arrangement",         "arrangement",         "arrangement",         "!commitment_active",  "arrangement",         "!case_closed"],
  plan_completed:      ["!not_in_stage",    "!not_in_stage",       "!not_in_stage",       "!not_in_stage",       "closed:paid",         "!not_in_stage",       "!case_closed"],
  plan_broken:         ["!not_in_stage",    "!not_in_stage",       "!not_in_stage",       "!not_in_stage",       "in_contact",          "!not_in_stage",       "!case_closed"],
  payment_received:    ["=",                "=",                   "=",                   "=",                   "=",                   "=",                   "="],
  paid_in_full:        ["closed:paid",      "closed:paid",         "closed:paid",         "closed:paid",         "closed:paid",         "closed:paid",         "!case_closed"],
  settled:             ["closed:settled",   "closed:settled",      "closed:settled",      "closed:settled",      "closed:settled",      "closed:settled",      "!case_closed"],
  withdrawn:           ["closed:withdrawn", "closed:withdrawn",    "closed:withdrawn",    "closed:withdrawn",    "closed:withdrawn",    "closed:withdrawn",    "!case_closed"],
  written_off:         ["closed:uncollectable", "closed:uncollectable", "closed:uncollectable", "closed:uncollectable", "closed:uncollectable", "closed:uncollectable", "!case_closed"],
  legal_handover:      ["!notice_required", "closed:legal_handover", "closed:legal_handover", "closed:legal_handover", "!commitment_active", "!commitment_active", "!case_closed"],
  hold_set:            ["+disputed",        "+disputed",           "+disputed",           "+disputed",           "+disputed",           "+disputed",           "!case_closed"],
  hold_released:       ["=",                "=",                   "=",                   "=",                   "=",                   "=",                   "!case_closed"],
  reopened:            ["!case_open",       "!case_open",          "!case_open",          "!case_open",          "!case_open",          "!case_open",          "in_contact"],
};

/** Holds under which each event is still allowed. */
const ALLOWED_UNDER: Record<Exclude<CaseEventType, "hold_set" | "hold_released" | "reopened">, readonly CaseHold[]> = {
  notice_sent: [],
  contact_made: [],
  negotiation_started: [],
  promise_made: [],
  promise_kept: CASE_HOLDS,
  promise_broken: [],
  plan_accepted: [],
  plan_completed: CASE_HOLDS,
  plan_broken: [],
  payment_received: CASE_HOLDS,
  paid_in_full: CASE_HOLDS,
  settled: ["disputed", "deceased", "vulnerable"],
  withdrawn: CASE_HOLDS,
  written_off: CASE_HOLDS,
  legal_handover: ["disputed", "deceased"],
};

function stateFor(column: (typeof COLUMNS)[number], holds: readonly CaseHold[] = []): CaseState {
  return column === "closed" ? { stage: "closed", holds, closureReason: "paid", closedFrom: "in_contact" } : { stage: column, holds };
}

function eventFor(type: CaseEventType, hold: CaseHold = "disputed"): CaseEvent {
  return type === "hold_set" || type === "hold_released" ? { type, hold } : ({ type } as CaseEvent);
}

describe("transition — every (stage, event) pair", () => {
  it("the table covers every event and every stage", () => {
    expect(Object.keys(TABLE).sort()).toEqual([...CASE_EVENT_TYPES].sort());
    expect([...COLUMNS].sort()).toEqual([...CASE_STAGES].sort());
  });

  const pairs = CASE_EVENT_TYPES.flatMap((type) => COLUMNS.map((column, i) => [type, column, TABLE[type][i]!] as const));

  it.each(pairs)("%s from %s → %s", (type, column, expected) => {
    const state = stateFor(column);
    const result = transition(state, eventFor(type));
    if (expected.startsWith("!")) {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.refusal.reason).toBe(expected.slice(1));
        expect(result.refusal.message.length).toBeGreaterThan(0);
        expect(["PRECONDITION_FAILED", "CONFLICT"]).toContain(result.refusal.code);
      }
      return;
    }
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    assertCaseState(result.state);
    if (expected === "=") {
      expect(result.state).toEqual(state);
      expect(result.events).toEqual([]);
    } else if (expected.startsWith("+")) {
      expect(result.state).toEqual({ ...state, holds: [expected.slice(1)] });
      expect(result.events).toEqual([{ type: "hold_set", hold: expected.slice(1) }]);
    } else if (expected.startsWith("closed:")) {
      const reason = expected.slice("closed:".length);
      expect(result.state).toEqual({ stage: "closed", holds: [], closureReason: reason, closedFrom: column });
      expect(result.events).toEqual([
        { type: "stage_changed", from: column, to: "closed", cause: type },
        { type: "case_closed", reason },
      ]);
    } else if (type === "reopened") {
      expect(result.state).toEqual({ stage: expected, holds: [] });
      expect(result.events).toEqual([
        { type: "case_reopened", previousReason: "paid" },
        { type: "stage_changed", from: "closed", to: expected, cause: "reopened" },
      ]);
    } else {
      expect(result.state).toEqual({ stage: expected, holds: [] });
      expect(result.events).toEqual([{ type: "stage_changed", from: column, to: expected, cause: type }]);
    }
  });
});

describe("transition — holds", () => {
  const cases = (Object.keys(ALLOWED_UNDER) as (keyof typeof ALLOWED_UNDER)[]).flatMap((type) =>
    CASE_HOLDS.map((hold) => [type, hold, ALLOWED_UNDER[type].includes(hold)] as const),
  );

  it.each(cases)("%s under %s: allowed=%s", (type, hold, allowed) => {
    // The first stage from which the event is accepted without a hold.
    const column = COLUMNS.find((c) => c !== "closed" && !TABLE[type][COLUMNS.indexOf(c)]!.startsWith("!"))!;
    const withoutHold = transition(stateFor(column), eventFor(type));
    const result = transition(stateFor(column, [hold]), eventFor(type));
    if (allowed) {
      expect(result.ok).toBe(true);
      if (result.ok && withoutHold.ok) {
        expect(result.state).toEqual({ ...withoutHold.state, holds: [hold] });
        expect(result.events).toEqual(withoutHold.events);
      }
    } else {
      expect(result).toEqual({
        ok: false,
        refusal: { code: "PRECONDITION_FAILED", reason: "on_hold", message: "The case is on hold.", holds: [hold] },
      });
    }
  });

  it("names only the holds that block, when several are set", () => {
    const result = transition({ stage: "in_contact", holds: ["deceased", "insolvency"] }, { type: "settled" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.refusal.holds).toEqual(["insolvency"]);
  });

  it("sets and releases holds idempotently, without moving the stage", () => {
    let state: CaseState = { stage: "negotiating", holds: [] };
    const set = transition(state, { type: "hold_set", hold: "insolvency" });
    expect(set).toEqual({ ok: true, state: { stage: "negotiating", holds: ["insolvency"] }, events: [{ type: "hold_set", hold: "insolvency" }] });
    state = set.ok ? set.state : state;
    expect(transition(state, { type: "hold_set", hold: "insolvency" })).toEqual({ ok: true, state, events: [] });
    const twice = transition(state, { type: "hold_set", hold: "vulnerable" });
    expect(twice.ok && twice.state.holds).toEqual(["insolvency", "vulnerable"]);
    const released = transition(state, { type: "hold_released", hold: "insolvency" });
    expect(released).toEqual({ ok: true, state: { stage: "negotiating", holds: [] }, events: [{ type: "hold_released", hold: "insolvency" }] });
  });

  it("keeps holds on a closed case and refuses to change them there", () => {
    const closed = transition({ stage: "in_contact", holds: ["deceased"] }, { type: "written_off" });
    expect(closed.ok && closed.state).toEqual({ stage: "closed", holds: ["deceased"], closureReason: "uncollectable", closedFrom: "in_contact" });
    if (closed.ok) expect(transition(closed.state, { type: "hold_released", hold: "deceased" }).ok).toBe(false);
  });
});

describe("transition — reopening", () => {
  const reopenable = [
    ["paid", "in_contact", "in_contact"],
    ["paid", "arrangement", "in_contact"],
    ["settled", "negotiating", "in_contact"],
    ["uncollectable", "new", "new"],
    ["uncollectable", "notified", "notified"],
    ["uncollectable", undefined, "in_contact"],
  ] as const;

  it.each(reopenable)("a case closed %s from %s reopens at %s", (reason, from, to) => {
    const state: CaseState = { stage: "closed", holds: [], closureReason: reason, ...(from ? { closedFrom: from } : {}) };
    const result = transition(state, { type: "reopened" });
    expect(result).toEqual({
      ok: true,
      state: { stage: to, holds: [] },
      events: [
        { type: "case_reopened", previousReason: reason },
        { type: "stage_changed", from: "closed", to, cause: "reopened" },
      ],
    });
  });

  it.each(["withdrawn", "legal_handover"] as const)("a case closed as %s cannot be reopened", (reason) => {
    const result = transition({ stage: "closed", holds: [], closureReason: reason }, { type: "reopened" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.refusal.reason).toBe("not_reopenable");
  });
});

describe("transition — invalid input", () => {
  const bad: [string, CaseState, CaseEvent, string][] = [
    ["unknown stage", { stage: "archived" as CaseStage, holds: [] }, { type: "notice_sent" }, "stage"],
    ["unknown hold in state", { stage: "new", holds: ["sick" as CaseHold] }, { type: "notice_sent" }, "holds"],
    ["repeated hold", { stage: "new", holds: ["disputed", "disputed"] }, { type: "notice_sent" }, "holds"],
    ["closed without reason", { stage: "closed", holds: [] }, { type: "reopened" }, "closureReason"],
    ["open with reason", { stage: "new", holds: [], closureReason: "paid" }, { type: "notice_sent" }, "closureReason"],
    ["closedFrom on an open case", { stage: "new", holds: [], closedFrom: "new" }, { type: "notice_sent" }, "closedFrom"],
    ["unknown event", { stage: "new", holds: [] }, { type: "called" } as unknown as CaseEvent, "type"],
    ["unknown hold in event", { stage: "new", holds: [] }, { type: "hold_set", hold: "sick" as CaseHold }, "hold"],
  ];
  it.each(bad)("%s throws a VALIDATION error naming the field", (_name, state, event, field) => {
    try {
      transition(state, event);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe("VALIDATION");
      expect((e as DomainError).field).toBe(field);
    }
  });
});

describe("helpers", () => {
  it("isOpen, isOnHold, canContact", () => {
    expect(isOpen(initialCaseState())).toBe(true);
    expect(canContact(initialCaseState())).toBe(true);
    // A vulnerable debtor is worked by people, with care, but taken out of automated contact.
    expect(canContact({ stage: "in_contact", holds: ["vulnerable"] })).toBe(true);
    expect(canContactAutomatically({ stage: "in_contact", holds: ["vulnerable"] })).toBe(false);
    expect(canContactAutomatically({ stage: "in_contact", holds: [] })).toBe(true);
    for (const hold of ["disputed", "insolvency", "deceased"] as const) expect(canContact({ stage: "in_contact", holds: [hold, "vulnerable"] })).toBe(false);
    expect(isOnHold({ stage: "in_contact", holds: ["vulnerable"] })).toBe(true);
    expect(isOpen({ stage: "closed", holds: [], closureReason: "paid" })).toBe(false);
    expect(canContact({ stage: "closed", holds: [], closureReason: "paid" })).toBe(false);
  });

  it("availableEvents lists what transition accepts", () => {
    expect(availableEvents(initialCaseState())).toEqual([
      "notice_sent",
      "payment_received",
      "paid_in_full",
      "settled",
      "withdrawn",
      "written_off",
      "hold_set",
    ]);
    expect(availableEvents({ stage: "closed", holds: [], closureReason: "withdrawn" })).toEqual(["payment_received"]);
    expect(availableEvents({ stage: "arrangement", holds: ["insolvency"] })).toEqual([
      "plan_completed",
      "payment_received",
      "paid_in_full",
      "withdrawn",
      "written_off",
      "hold_set",
      "hold_released",
    ]);
  });
});

describe("transition — properties", () => {
  const arbEvent: fc.Arbitrary<CaseEvent> = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...CASE_EVENT_TYPES.filter((t) => t !== "hold_set" && t !== "hold_released")).map((type) => ({ type }) as CaseEvent) },
    { weight: 1, arbitrary: fc.record({ type: fc.constantFrom("hold_set" as const, "hold_released" as const), hold: fc.constantFrom(...CASE_HOLDS) }) },
  );

  it("any sequence of events keeps a valid state; closed only leaves by reopening; records match the change", () => {
    fc.assert(
      fc.property(fc.array(arbEvent, { maxLength: 60 }), (events) => {
        let state = initialCaseState();
        for (const event of events) {
          const result = transition(state, event);
          if (!result.ok) {
            expect(["PRECONDITION_FAILED", "CONFLICT"]).toContain(result.refusal.code);
            continue;
          }
          const next = result.state;
          expect(() => assertCaseState(next)).not.toThrow();
          if (state.stage === "closed" && next.stage !== "closed") expect(event.type).toBe("reopened");
          if (state.stage === "closed" && event.type !== "reopened") expect(next).toEqual(state);
          const changes = result.events.filter((r) => r.type === "stage_changed");
          if (next.stage !== state.stage) expect(changes).toEqual([{ type: "stage_changed", from: state.stage, to: next.stage, cause: event.type }]);
          else expect(changes).toEqual([]);
          expect(result.events.some((r) => r.type === "case_closed")).toBe(next.stage === "closed" && state.stage !== "closed");
          // Holds change only through hold events.
          if (event.type !== "hold_set" && event.type !== "hold_released") expect(next.holds).toEqual(state.holds);
          if (state.holds.length > 0 && next.stage !== state.stage && next.stage !== "closed") {
            // Under a hold the stage only moves when a commitment ends with money (promise kept) or a
            // closure is undone (the hold stays, so contact stays stopped).
            expect(["promise_kept", "reopened"]).toContain(event.type);
          }
          state = next;
        }
      }),
      { numRuns: 300 },
    );
  });

  it("availableEvents agrees with transition for every reachable state", () => {
    const stages: OpenStage[] = ["new", "notified", "in_contact", "negotiating", "arrangement", "promise"];
    fc.assert(
      fc.property(fc.constantFrom(...stages), fc.subarray([...CASE_HOLDS]), (stage, holds) => {
        const state: CaseState = { stage, holds };
        const available = availableEvents(state);
        for (const type of CASE_EVENT_TYPES) {
          if (type === "hold_set" || type === "hold_released") continue;
          expect(available.includes(type), type).toBe(transition(state, { type } as CaseEvent).ok);
        }
      }),
    );
  });
});
