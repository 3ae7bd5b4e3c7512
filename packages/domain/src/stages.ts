/**
 * The case stage machine. A case moves new → notified → in_contact → negotiating → arrangement |
 * promise → closed, and only through `transition`, which says whether an event is allowed and returns
 * the records to write. Holds (dispute, insolvency, death, vulnerability) sit beside the stage: they
 * never change it, they stop the collection events while set.
 */
import { DomainError, type ErrorCode } from "./errors.ts";
import { CASE_HOLDS, CASE_STAGES, CLOSURE_REASONS, type CaseHold, type CaseStage, type ClosureReason } from "./vocabulary.ts";

/** A stage in which the case is still being worked. */
export type OpenStage = Exclude<CaseStage, "closed">;

/** What the machine needs to know about a case. */
export interface CaseState {
  readonly stage: CaseStage;
  /** Holds currently set, each at most once, in the order they were set. */
  readonly holds: readonly CaseHold[];
  /** Set exactly when `stage` is `closed`. */
  readonly closureReason?: ClosureReason;
  /** The stage the case was closed from, so a reopening returns to a sensible place. */
  readonly closedFrom?: OpenStage;
}

/** Every event the machine understands. */
export const CASE_EVENT_TYPES = [
  "notice_sent",
  "contact_made",
  "negotiation_started",
  "promise_made",
  "promise_kept",
  "promise_broken",
  "plan_accepted",
  "plan_completed",
  "plan_broken",
  "payment_received",
  "paid_in_full",
  "settled",
  "withdrawn",
  "written_off",
  "legal_handover",
  "hold_set",
  "hold_released",
  "reopened",
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

/** An event submitted to the machine; hold events name the hold. */
export type CaseEvent =
  | { readonly type: Exclude<CaseEventType, "hold_set" | "hold_released"> }
  | { readonly type: "hold_set" | "hold_released"; readonly hold: CaseHold };

/** A record the use-case writes (and audits) when a transition succeeds. */
export type CaseRecord =
  | { readonly type: "stage_changed"; readonly from: CaseStage; readonly to: CaseStage; readonly cause: CaseEventType }
  | { readonly type: "case_closed"; readonly reason: ClosureReason }
  | { readonly type: "case_reopened"; readonly previousReason: ClosureReason }
  | { readonly type: "hold_set"; readonly hold: CaseHold }
  | { readonly type: "hold_released"; readonly hold: CaseHold };

/** Stable reasons for a refusal; the UI translates them. */
export const REFUSAL_REASONS = [
  "notice_required",
  "commitment_active",
  "not_in_stage",
  "on_hold",
  "case_closed",
  "case_open",
  "not_reopenable",
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** Why an event was refused. */
export interface TransitionRefusal {
  readonly code: ErrorCode;
  readonly reason: RefusalReason;
  /** English text; show the translation of `reason` to users. */
  readonly message: string;
  /** The holds that blocked the event, for `on_hold`. */
  readonly holds?: readonly CaseHold[];
}

/** Outcome of `transition`. A successful event may change nothing (`events` empty): it was a no-op. */
export type TransitionResult =
  | { readonly ok: true; readonly state: CaseState; readonly events: readonly CaseRecord[] }
  | { readonly ok: false; readonly refusal: TransitionRefusal };

type Target = OpenStage | "stay" | { readonly close: ClosureReason };

interface Rule {
  /** Where the event leads from each stage that accepts it. */
  readonly from: Partial<Record<OpenStage, Target>>;
  /** Why the other open stages refuse it; `not_in_stage` when not listed. */
  readonly refuse?: Partial<Record<OpenStage, "notice_required" | "commitment_active">>;
  /** Holds under which the event is still allowed; any other hold set blocks it. */
  readonly allowedUnder: readonly CaseHold[];
}

const OPEN_STAGES = CASE_STAGES.filter((s): s is OpenStage => s !== "closed");
const ALL_HOLDS: readonly CaseHold[] = CASE_HOLDS;
const NONE: readonly CaseHold[] = [];
const fromAll = (target: Target): Record<OpenStage, Target> =>
  Object.fromEntries(OPEN_STAGES.map((s) => [s, target])) as Record<OpenStage, Target>;
// A commitment is running: starting another negotiation outcome must go through its breach first.
const COMMITMENTS = { arrangement: "commitment_active", promise: "commitment_active" } as const;

// Holds exist to stop pressure on the debtor, not to stop money or the agency's own bookkeeping: money
// received, closing (paid, withdrawn, written off) and finishing a commitment stay allowed under every
// hold. Breaches are not declared while a hold is set, because collection is paused. A settlement stays
// possible on a dispute, a death (with the heirs) or vulnerability (a tailored outcome), but not in
// insolvency, where the claim is dealt with in the procedure (individual actions are suspended, e.g. FR
// art. L622-21 C. com., NL art. 26 and 33 Fw). Legal handover likewise: a disputed claim is
// for a court to decide and an estate can be sued, but not an insolvent debtor or, without a review, a
// vulnerable one.
const RULES: Record<Exclude<CaseEventType, "hold_set" | "hold_released" | "reopened">, Rule> = {
  // The formal notice starts the process; a later notice is a reminder and does not move the case.
  notice_sent: { from: { ...fromAll("stay"), new: "notified" }, allowedUnder: NONE },
  // Right-party contact before the formal notice would start collection without it (DESIGN step 2).
  contact_made: {
    from: { notified: "in_contact", in_contact: "stay", negotiating: "stay", arrangement: "stay", promise: "stay" },
    refuse: { new: "notice_required" },
    allowedUnder: NONE,
  },
  negotiation_started: {
    from: { notified: "negotiating", in_contact: "negotiating", negotiating: "stay" },
    refuse: { new: "notice_required", ...COMMITMENTS },
    allowedUnder: NONE,
  },
  // A debtor may promise or accept a plan on the portal straight after the notice, hence from notified.
  promise_made: {
    from: { notified: "promise", in_contact: "promise", negotiating: "promise" },
    refuse: { new: "notice_required", ...COMMITMENTS },
    allowedUnder: NONE,
  },
  // A kept promise that cleared the balance is followed by paid_in_full; otherwise collection goes on.
  promise_kept: { from: { promise: "in_contact" }, allowedUnder: ALL_HOLDS },
  // A broken commitment returns the case to collection with the contact already made (DESIGN step 5).
  promise_broken: { from: { promise: "in_contact" }, allowedUnder: NONE },
  // A plan may replace a pending promise (the debtor cannot pay at once after all); not another plan.
  plan_accepted: {
    from: { notified: "arrangement", in_contact: "arrangement", negotiating: "arrangement", promise: "arrangement" },
    refuse: { new: "notice_required", arrangement: "commitment_active" },
    allowedUnder: NONE,
  },
  // A plan sums to the whole balance (see policy.ts), so its completion pays the case.
  plan_completed: { from: { arrangement: { close: "paid" } }, allowedUnder: ALL_HOLDS },
  plan_broken: { from: { arrangement: "in_contact" }, allowedUnder: NONE },
  payment_received: { from: fromAll("stay"), allowedUnder: ALL_HOLDS },
  paid_in_full: { from: fromAll({ close: "paid" }), allowedUnder: ALL_HOLDS },
  settled: { from: fromAll({ close: "settled" }), allowedUnder: ["disputed", "deceased", "vulnerable"] },
  withdrawn: { from: fromAll({ close: "withdrawn" }), allowedUnder: ALL_HOLDS },
  written_off: { from: fromAll({ close: "uncollectable" }), allowedUnder: ALL_HOLDS },
  // Court action needs the debtor put on notice first (mise en demeure, ingebrekestelling).
  legal_handover: {
    from: { notified: { close: "legal_handover" }, in_contact: { close: "legal_handover" }, negotiating: { close: "legal_handover" } },
    refuse: { new: "notice_required", ...COMMITMENTS },
    allowedUnder: ["disputed", "deceased"],
  },
};

// A closed case can be reopened when the closure proved wrong: a payment charged back, a settlement not
// honoured, a debtor found again. A withdrawn case went back to the client and a handed-over one is with
// the lawyer or bailiff: those need a new placement, not a reopening.
const REOPENABLE: readonly ClosureReason[] = ["paid", "settled", "uncollectable"];

const REFUSAL_TEXT: Record<RefusalReason, string> = {
  notice_required: "The formal notice must be sent first.",
  commitment_active: "A promise or payment plan is running; record its outcome first.",
  not_in_stage: "This event does not apply at the case's current stage.",
  on_hold: "The case is on hold.",
  case_closed: "The case is closed.",
  case_open: "The case is open.",
  not_reopenable: "A case closed this way cannot be reopened; place it again instead.",
};

const REFUSAL_CODE: Record<RefusalReason, ErrorCode> = {
  notice_required: "PRECONDITION_FAILED",
  commitment_active: "CONFLICT",
  not_in_stage: "PRECONDITION_FAILED",
  on_hold: "PRECONDITION_FAILED",
  case_closed: "CONFLICT",
  case_open: "CONFLICT",
  not_reopenable: "PRECONDITION_FAILED",
};

function refuse(reason: RefusalReason, holds?: readonly CaseHold[]): TransitionResult {
  return { ok: false, refusal: { code: REFUSAL_CODE[reason], reason, message: REFUSAL_TEXT[reason], ...(holds ? { holds } : {}) } };
}

/** Throws a DomainError naming the field when `state` is not a consistent case state. */
export function assertCaseState(state: CaseState): CaseState {
  if (!(CASE_STAGES as readonly string[]).includes(state.stage)) {
    throw new DomainError("VALIDATION", `stage must be one of ${CASE_STAGES.join(", ")}, got "${String(state.stage)}"`, { field: "stage" });
  }
  if (!Array.isArray(state.holds) || state.holds.some((h) => !(CASE_HOLDS as readonly string[]).includes(h))) {
    throw new DomainError("VALIDATION", `holds must be a list of ${CASE_HOLDS.join(", ")}`, { field: "holds" });
  }
  if (new Set(state.holds).size !== state.holds.length) {
    throw new DomainError("VALIDATION", "holds must not repeat a hold", { field: "holds" });
  }
  const closed = state.stage === "closed";
  if (closed !== (state.closureReason !== undefined)) {
    throw new DomainError("VALIDATION", "closureReason is set exactly when the case is closed", { field: "closureReason" });
  }
  if (state.closureReason !== undefined && !(CLOSURE_REASONS as readonly string[]).includes(state.closureReason)) {
    throw new DomainError("VALIDATION", `closureReason must be one of ${CLOSURE_REASONS.join(", ")}`, { field: "closureReason" });
  }
  if (state.closedFrom !== undefined && (!closed || !(OPEN_STAGES as readonly string[]).includes(state.closedFrom))) {
    throw new DomainError("VALIDATION", "closedFrom is an open stage, set only on a closed case", { field: "closedFrom" });
  }
  return state;
}

function assertEvent(event: CaseEvent): CaseEvent {
  if (!(CASE_EVENT_TYPES as readonly string[]).includes(event.type)) {
    throw new DomainError("VALIDATION", `event type must be one of ${CASE_EVENT_TYPES.join(", ")}, got "${String(event.type)}"`, { field: "type" });
  }
  if ((event.type === "hold_set" || event.type === "hold_released") && !(CASE_HOLDS as readonly string[]).includes(event.hold)) {
    throw new DomainError("VALIDATION", `hold must be one of ${CASE_HOLDS.join(", ")}`, { field: "hold" });
  }
  return event;
}

/** The state of a case just placed. */
export function initialCaseState(): CaseState {
  return { stage: "new", holds: [] };
}

/** True while the case is being worked (not closed). */
export function isOpen(state: CaseState): boolean {
  return state.stage !== "closed";
}

/** True when a hold is set. */
export function isOnHold(state: CaseState): boolean {
  return state.holds.length > 0;
}

/**
 * Holds under which nobody contacts the debtor: a dispute (collection pauses until it is resolved), an
 * insolvency (the claim is pursued in the proceedings) and a death (the estate or heirs are not yet known).
 */
export const HOLDS_THAT_STOP_CONTACT = ["disputed", "insolvency", "deceased"] as const satisfies readonly CaseHold[];

/** True when one of `holds` stops contact with the debtor. */
export function stopsContact(holds: readonly CaseHold[]): boolean {
  return holds.some((h) => (HOLDS_THAT_STOP_CONTACT as readonly CaseHold[]).includes(h));
}

/**
 * True when a person of the agency may reach out to the debtor: the case is open and no hold stops
 * contact. A vulnerable debtor is still spoken and written to — by a case handler who has read the
 * file, with care — so vulnerability alone does not stop it.
 */
export function canContact(state: CaseState): boolean {
  return isOpen(state) && !stopsContact(state.holds);
}

/**
 * True when automated contact (strategy steps, scheduled reminders) may reach the debtor: the case is
 * open and carries no hold at all. Any hold, vulnerability included, takes the case out of automation
 * and leaves it to people.
 */
export function canContactAutomatically(state: CaseState): boolean {
  return isOpen(state) && !isOnHold(state);
}

function transitionClosed(state: CaseState, event: CaseEvent): TransitionResult {
  // Money arriving on a closed case is still booked (the ledger takes it); the stage does not move.
  if (event.type === "payment_received") return { ok: true, state, events: [] };
  if (event.type !== "reopened") return refuse("case_closed");
  const previousReason = state.closureReason!;
  if (!REOPENABLE.includes(previousReason)) return refuse("not_reopenable");
  // Back to where collection stood: a case closed before any contact resumes there, otherwise in contact.
  const to: OpenStage = state.closedFrom === "new" || state.closedFrom === "notified" ? state.closedFrom : "in_contact";
  return {
    ok: true,
    state: { stage: to, holds: state.holds },
    events: [
      { type: "case_reopened", previousReason },
      { type: "stage_changed", from: "closed", to, cause: "reopened" },
    ],
  };
}

/** Applies an event to a case: the next state and the records to write, or why the event is refused. */
export function transition(state: CaseState, event: CaseEvent): TransitionResult {
  assertCaseState(state);
  assertEvent(event);
  if (state.stage === "closed") return transitionClosed(state, event);
  const stage = state.stage;

  if (event.type === "reopened") return refuse("case_open");
  // Setting a hold twice or releasing one not set is a no-op: webhooks and imports repeat themselves.
  if (event.type === "hold_set") {
    if (state.holds.includes(event.hold)) return { ok: true, state, events: [] };
    return { ok: true, state: { ...state, holds: [...state.holds, event.hold] }, events: [{ type: "hold_set", hold: event.hold }] };
  }
  if (event.type === "hold_released") {
    if (!state.holds.includes(event.hold)) return { ok: true, state, events: [] };
    return {
      ok: true,
      state: { ...state, holds: state.holds.filter((h) => h !== event.hold) },
      events: [{ type: "hold_released", hold: event.hold }],
    };
  }

  const rule = RULES[event.type];
  const target = rule.from[stage];
  if (target === undefined) return refuse(rule.refuse?.[stage] ?? "not_in_stage");
  const blocking = state.holds.filter((h) => !rule.allowedUnder.includes(h));
  if (blocking.length > 0) return refuse("on_hold", blocking);

  if (target === "stay") return { ok: true, state, events: [] };
  if (typeof target === "object") {
    return {
      ok: true,
      state: { stage: "closed", holds: state.holds, closureReason: target.close, closedFrom: stage },
      events: [
        { type: "stage_changed", from: stage, to: "closed", cause: event.type },
        { type: "case_closed", reason: target.close },
      ],
    };
  }
  return { ok: true, state: { stage: target, holds: state.holds }, events: [{ type: "stage_changed", from: stage, to: target, cause: event.type }] };
}

/** The event types `transition` would accept now (hold events when there is a hold to set or release). */
export function availableEvents(state: CaseState): CaseEventType[] {
  return CASE_EVENT_TYPES.filter((type) => {
    if (type === "hold_set") return isOpen(state) && state.holds.length < CASE_HOLDS.length;
    if (type === "hold_released") return isOpen(state) && state.holds.length > 0;
    const result = transition(state, { type } as CaseEvent);
    return result.ok;
  });
}
