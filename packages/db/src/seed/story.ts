/**
 * A case's life, told through the same rules the app applies: every stage change goes through the
 * domain's `transition`, every amount through the domain's law, allocation and schedule functions, and
 * every step leaves the rows and the audit event the app would have written, dated when it happened.
 * A story only builds rows in memory; writer.ts inserts them.
 */
import {
  addDays,
  allocatePayment,
  allocationBalancesOf,
  assertLedgerEntry,
  buildSchedule,
  canContact,
  commission,
  daysBetween,
  daysInMonth,
  evaluateProposal,
  formatMoney,
  initialCaseState,
  isoWeekday,
  maxDate,
  minDate,
  paymentEntries,
  percentOf,
  segmentedInterest,
  transition,
  type ActorKind,
  type CaseEvent,
  type CaseHold,
  type CaseState,
  type DisputeReason,
  type EscalationDecision,
  type EscalationKind,
  type Instalment,
  type InteractionOutcome,
  type IsoDate,
  type LedgerBalances,
  type LedgerComponent,
  type LedgerKind,
  type MessageStatus,
  type PaymentProvider,
  type PlanFrequency,
} from "@recouvra/domain";
import type {
  NewArrangement,
  NewCase,
  NewClaim,
  NewDispute,
  NewEscalation,
  NewInstalment,
  NewInteraction,
  NewLedgerEntry,
  NewMessage,
  NewNote,
  NewPayment,
  NewPaymentAllocation,
  NewPaymentPromise,
} from "../schema/index.ts";
import type { ClientProfile } from "./clients.ts";
import type { SeedContact, SeedDebtor } from "./debtors.ts";
import type { NoticeChannel } from "./law.ts";
import type { Rng } from "./random.ts";
import { renderMessage, type MessageTemplate } from "./texts.ts";

/** An audit event as the story records it; the writer chains and hashes them. */
export interface AuditDraft {
  readonly occurredAt: Date;
  readonly actorKind: ActorKind;
  readonly actorId: string | null;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string | null;
  readonly caseId: string | null;
  /** Null for agency-wide events (staff accounts), which go to the global chain. */
  readonly clientId: string | null;
  readonly data: Record<string, unknown>;
}

/** Every row a case produces besides its debtor and contact points. */
export interface CaseRows {
  readonly claims: NewClaim[];
  readonly ledger: NewLedgerEntry[];
  readonly payments: NewPayment[];
  readonly allocations: NewPaymentAllocation[];
  readonly arrangements: NewArrangement[];
  readonly instalments: NewInstalment[];
  readonly promises: NewPaymentPromise[];
  readonly disputes: NewDispute[];
  readonly interactions: NewInteraction[];
  readonly notes: NewNote[];
  readonly messages: NewMessage[];
  readonly escalations: NewEscalation[];
}

/** A finished story: the case row, its rows and its audit trail. */
export interface SeedCase {
  readonly row: NewCase;
  readonly rows: CaseRows;
  readonly audit: AuditDraft[];
  readonly balances: LedgerBalances;
}

export interface StoryActors {
  readonly agentId: string;
  readonly teamId: string;
  readonly supervisorId: string;
  readonly clientUserId: string;
}

export interface StoryInput {
  readonly rng: Rng;
  readonly today: IsoDate;
  readonly profile: ClientProfile;
  readonly clientId: string;
  readonly caseId: string;
  readonly reference: string;
  readonly paymentReference: string;
  readonly clientReference: string;
  readonly placedOn: IsoDate;
  readonly strategyId: string;
  readonly debtor: SeedDebtor;
  readonly claims: readonly NewClaim[];
  readonly actors: StoryActors;
}

type Actor = { kind: "user"; id: string } | { kind: "system" } | { kind: "debtor" } | { kind: "client_api"; id: string };

interface ClaimTrack {
  readonly row: NewClaim;
  outstanding: number;
  accruedTo: IsoDate | null;
}

interface LiveArrangement {
  readonly row: NewArrangement;
  readonly instalments: NewInstalment[];
}

// Outcomes that mean we spoke with the debtor (or their representative).
const CONVERSATIONS: readonly InteractionOutcome[] = ["right_party_contact", "promised", "disputed", "callback_requested", "refused"];

const BOUNCE_ERROR = "550 5.1.1 The email account that you tried to reach does not exist";

/** Builds one case's history step by step; call `finish()` once at the end. */
export class CaseStory {
  readonly input: StoryInput;
  readonly #rng: Rng;
  readonly #ids: Rng;
  readonly #rows: CaseRows;
  readonly #audit: AuditDraft[] = [];
  readonly #claims: ClaimTrack[];
  #state: CaseState = initialCaseState();
  #balances: Record<LedgerComponent, number> = { principal: 0, interest: 0, costs: 0, fees: 0 };
  #clockDay: IsoDate;
  #clockMinutes = 0;
  #messageCount = 0;
  #strategyDay = 0;
  #claimableFrom: IsoDate | null = null;
  #deferredCostsPending = false;
  #interestFrozen = false;
  #commissionEarned = 0;
  #recovered = 0;
  #arrangement: LiveArrangement | null = null;
  #promise: NewPaymentPromise | null = null;
  noticeSentOn: IsoDate | null = null;
  firstContactOn: IsoDate | null = null;
  lastContactAt: Date | null = null;
  closedOn: IsoDate | null = null;

  constructor(input: StoryInput) {
    this.input = input;
    this.#rng = input.rng;
    this.#ids = input.rng.fork("ids");
    this.#clockDay = input.placedOn;
    // Placements arrive with the night's import, before the office opens.
    this.#clockMinutes = 5 * 60 + this.#rng.int(0, 50);
    this.#claims = input.claims.map((row) => ({ row, outstanding: row.principalCents, accruedTo: null }));
    this.#rows = {
      claims: [...input.claims],
      ledger: [],
      payments: [],
      allocations: [],
      arrangements: [],
      instalments: [],
      promises: [],
      disputes: [],
      interactions: [],
      notes: [],
      messages: [],
      escalations: [],
    };
  }

  // ---------------------------------------------------------------------------------------------
  // What scenarios may ask

  get stage() {
    return this.#state.stage;
  }
  get holds() {
    return this.#state.holds;
  }
  get isOpen() {
    return this.#state.stage !== "closed";
  }
  get today() {
    return this.input.today;
  }
  get placedOn() {
    return this.input.placedOn;
  }
  /** The current simulated day: steps never go back in time. */
  get currentDay() {
    return this.#clockDay;
  }
  get totalCents() {
    const b = this.#balances;
    return b.principal + b.interest + b.costs + b.fees;
  }
  get hasPhone() {
    return this.#contact("phone") !== undefined;
  }
  get pendingPromise() {
    return this.#promise;
  }
  get arrangementInstalments(): readonly NewInstalment[] {
    return this.#arrangement?.instalments ?? [];
  }
  /** `placedOn + n` days, never after today. */
  day(n: number): IsoDate {
    return minDate(addDays(this.input.placedOn, n), this.input.today);
  }

  // ---------------------------------------------------------------------------------------------
  // Placement, notice and the contact strategy

  /** The creditor places the claims: principal entries, the costs owed from the start, the audit event. */
  place(): void {
    const at = this.#at(this.input.placedOn);
    const viaApi = this.#rng.chance(0.3);
    const actor: Actor = viaApi ? { kind: "client_api", id: this.input.clientId } : { kind: "user", id: this.input.actors.clientUserId };
    this.#record(at, actor, "case.placed", "case", this.input.caseId, {
      reference: this.input.reference,
      claims: this.input.claims.map((c) => ({ invoiceNumber: c.invoiceNumber, principalCents: c.principalCents })),
      source: viaApi ? "api" : "csv",
    });
    for (const claim of this.#claims) {
      // Principal takes effect on the due date: that is when it became owed and interest may start.
      this.#entry("principal", "placed", claim.row.principalCents, claim.row.dueOn, {
        claimId: claim.row.id!,
        reference: claim.row.invoiceNumber,
        description: claim.row.description ?? null,
      });
    }
    this.input.profile.rules.placementCosts(this.#claims.length).forEach((charge, i) => {
      const claim = this.#claims[i]!;
      this.#entry("costs", "charged", charge.cents, addDays(claim.row.dueOn, 1), {
        claimId: claim.row.id!,
        reference: claim.row.invoiceNumber,
        description: charge.description,
      });
      this.#record(at, { kind: "system" }, "ledger.costs_charged", "case", this.input.caseId, { amountCents: charge.cents, basis: charge.description });
    });
  }

  /** The formal notice (or the statutory first reminder / fourteen-day letter): the process starts. */
  sendNotice(on: IsoDate): void {
    const d = this.#advance(this.#workday(on));
    // The notice states everything owed that day, interest included.
    this.#accrue(d);
    const profile = this.input.profile;
    const canEmail = this.#contact("email") !== undefined;
    const channel: NoticeChannel = profile.preferredNoticeChannel === "email" && canEmail ? "email" : "post";
    this.#claimableFrom = profile.rules.claimableFrom({ sentOn: d, channel });
    // The letter names a date, never "within n days" (DESIGN step 2): the end of the statutory term when
    // there is one, otherwise eight days.
    const deadline = this.#claimableFrom ? addDays(this.#claimableFrom, -1) : addDays(d, 8);
    if (channel === "post") this.send(d, "letter", profile.noticeTemplate, { deadline });
    // The French notice goes by registered post; the email is a copy so it is read sooner.
    if (channel === "email" || (profile.key === "fr" && canEmail)) this.send(d, "email", profile.noticeTemplate, { deadline });
    this.noticeSentOn = d;
    this.#deferredCostsPending = this.#claimableFrom !== null;
    this.#apply({ type: "notice_sent" }, this.#at(d), { kind: "system" });
    this.#strategyDay = Math.max(this.#strategyDay, daysBetween(this.input.placedOn, d));
  }

  /**
   * Runs the client's strategy steps due up to `until` (reminders, SMS, calls). Calls end with
   * `callOutcome` (default: nobody answers). Nothing is sent while a hold is set or the case is closed.
   */
  workStrategy(until: IsoDate, callOutcome?: () => InteractionOutcome): void {
    const untilDay = daysBetween(this.input.placedOn, minDate(until, this.input.today));
    for (const step of this.input.profile.strategySteps) {
      if (step.day <= this.#strategyDay || step.day > untilDay) continue;
      if (!canContact(this.#state)) break;
      const on = this.#workday(addDays(this.input.placedOn, step.day));
      if (on > this.input.today) break;
      if (step.action === "call") this.call(on, callOutcome?.() ?? this.#rng.pick(["no_answer", "no_answer", "voicemail"] as const));
      else if (step.action === "email" || step.action === "sms" || step.action === "letter") this.send(on, step.action, step.template ?? "reminder_email");
    }
    this.#strategyDay = Math.max(this.#strategyDay, untilDay);
  }

  /** An outbound letter, email or SMS through the outbox; false when there is no usable contact point. */
  send(
    on: IsoDate,
    channel: "letter" | "email" | "sms",
    template: MessageTemplate,
    options: { status?: MessageStatus; deadline?: IsoDate; amountCents?: number } = {},
  ): boolean {
    const d = this.#advance(on);
    const contact = this.#contact(channel === "letter" ? "address" : channel === "email" ? "email" : "phone");
    if (!contact) return false;
    const at = this.#at(d);
    const status: MessageStatus = options.status ?? (channel === "letter" ? "sent" : this.#rng.chance(0.9) ? "delivered" : "sent");
    const { locale } = this.input.debtor;
    const deadline = options.deadline ?? addDays(d, 10);
    const text = renderMessage(template, locale, {
      amount: this.#money(options.amountCents ?? this.totalCents),
      deadline: this.#formatDate(deadline),
      reference: this.input.reference,
      creditor: this.input.profile.name,
    });
    const id = this.#ids.uuid();
    this.#messageCount += 1;
    const provider = channel === "email" ? "resend" : channel === "sms" ? "twilio" : "letter";
    this.#rows.messages.push({
      id,
      caseId: this.input.caseId,
      clientId: this.input.clientId,
      channel,
      direction: "outbound",
      template,
      locale,
      contactPointId: contact.row.id!,
      recipient: contact.row.value,
      subject: text.subject,
      body: text.body,
      data: { amountCents: options.amountCents ?? this.totalCents, deadline, reference: this.input.reference },
      status,
      provider,
      providerMessageId: channel === "letter" ? null : `${channel === "email" ? "re" : "SM"}_${this.#ids.uuid().replaceAll("-", "")}`,
      idempotencyKey: `seed:${template}:${this.input.caseId}:${this.#messageCount}`,
      attempts: 1,
      sentAt: at,
      deliveredAt: status === "delivered" ? new Date(at.getTime() + 90_000) : null,
      error: status === "bounced" ? BOUNCE_ERROR : null,
      createdAt: at,
      updatedAt: at,
    });
    this.#interaction(at, { channel, direction: "outbound", outcome: status === "bounced" ? "bounced" : status === "delivered" ? "delivered" : "sent", contactPointId: contact.row.id!, messageId: id });
    this.#record(at, { kind: "system" }, "message.sent", "message", id, { channel, template, status });
    if (status === "bounced") this.#invalidate(contact, at, "email bounced");
    return true;
  }

  /** A phone call by the case's agent; false when there is no usable number. */
  call(on: IsoDate, outcome: InteractionOutcome, note?: string, direction: "outbound" | "inbound" = "outbound"): boolean {
    const d = this.#advance(direction === "outbound" ? this.#workday(on) : on);
    const contact = this.#contact("phone");
    if (!contact && direction === "outbound") return false;
    const at = this.#at(d);
    const talked = CONVERSATIONS.includes(outcome);
    const id = this.#interaction(at, {
      channel: "phone",
      direction,
      outcome,
      note: note ?? null,
      userId: this.input.actors.agentId,
      contactPointId: contact?.row.id ?? null,
      durationSeconds: talked ? this.#rng.int(120, 900) : this.#rng.int(0, 40),
    });
    this.#record(at, this.#agent(), "interaction.logged", "interaction", id, { channel: "phone", direction, outcome });
    if (outcome === "wrong_number" && contact) this.#invalidate(contact, at, "wrong number");
    if (talked) this.#contactMade(d, at);
    return true;
  }

  /** The debtor got in touch on their own (portal visit, email reply): counts as a conversation. */
  inbound(on: IsoDate, channel: "portal" | "email", outcome: InteractionOutcome, note: string): void {
    const d = this.#advance(on);
    const at = this.#at(d);
    const id = this.#interaction(at, { channel, direction: "inbound", outcome, note });
    this.#record(at, { kind: "debtor" }, "interaction.logged", "interaction", id, { channel, direction: "inbound", outcome });
    if (CONVERSATIONS.includes(outcome) || outcome === "replied") this.#contactMade(d, at);
  }

  /** A negotiation note by the agent. */
  note(on: IsoDate, body: string, isPinned = false): void {
    const d = this.#advance(on);
    const at = this.#at(d);
    const id = this.#ids.uuid();
    this.#rows.notes.push({ id, caseId: this.input.caseId, clientId: this.input.clientId, userId: this.input.actors.agentId, body, isPinned, createdAt: at });
    this.#record(at, this.#agent(), "note.added", "note", id, { isPinned });
  }

  /** The debtor asks for no more messages on a channel (SMS "STOP", unsubscribe link). */
  optOut(on: IsoDate, kind: "phone" | "email"): void {
    const d = this.#advance(on);
    const contact = this.#contact(kind);
    if (!contact) return;
    const at = this.#at(d);
    contact.row.optedOutAt = at;
    contact.row.hasConsent = false;
    this.#record(at, { kind: "debtor" }, "contact_point.opted_out", "contact_point", contact.row.id!, { kind });
  }

  startNegotiation(on: IsoDate, note: string): void {
    const d = this.#advance(on);
    this.#apply({ type: "negotiation_started" }, this.#at(d), this.#agent());
    this.note(d, note);
  }

  // ---------------------------------------------------------------------------------------------
  // Money

  /** A payment, allocated by the jurisdiction's rule and booked; `"balance"` pays everything owed. */
  pay(on: IsoDate, amount: number | "balance", provider: PaymentProvider): number {
    const d = this.#advance(on);
    this.#accrue(d);
    const total = this.totalCents;
    const amountCents = amount === "balance" ? total : Math.min(amount, total);
    if (amountCents <= 0) return 0;
    const at = this.#at(d);
    const id = this.#ids.uuid();
    const balances = this.#ledgerBalances();
    const allocation = allocatePayment({ order: this.input.profile.rules.order, balances: allocationBalancesOf(balances), paymentCents: amountCents });
    const entries = paymentEntries(allocation, { effectiveOn: d, reference: id, balances });
    this.#rows.payments.push({
      id,
      caseId: this.input.caseId,
      clientId: this.input.clientId,
      provider,
      externalId: this.#externalId(provider, d),
      amountCents,
      currency: "EUR",
      receivedAt: at,
      status: "succeeded",
      payerName: this.input.debtor.displayName,
      createdAt: at,
    });
    for (const e of entries) {
      this.#entry(e.component, "payment", e.amountCents, d, { paymentId: id, reference: e.reference ?? null, description: `Payment ${this.#paymentLabel(provider)}` });
      this.#rows.allocations.push({ id: this.#ids.uuid(), paymentId: id, component: e.component, amountCents: -e.amountCents });
    }
    // Principal paid goes to the oldest invoice first (Code civil art. 1342-10; art. 6:43 BW).
    let principal = allocation.applied.principalCents;
    for (const claim of [...this.#claims].sort((a, b) => (a.row.dueOn < b.row.dueOn ? -1 : 1))) {
      const take = Math.min(principal, claim.outstanding);
      claim.outstanding -= take;
      principal -= take;
    }
    const fee = commission(this.input.profile.feeAgreement, {
      allocation: allocation.applied,
      claimAgeDays: this.#claimAgeDays(),
      isLegalHandover: false,
      receivedBy: provider === "direct_to_creditor" ? "creditor" : "agency",
      commissionEarnedBeforeCents: this.#commissionEarned,
      recoveredBeforeCents: this.#recovered,
    });
    this.#commissionEarned += fee.commissionCents;
    this.#recovered += fee.commissionableCents;
    const actor: Actor = provider === "direct_to_creditor" ? { kind: "user", id: this.input.actors.clientUserId } : provider === "bank_transfer" ? { kind: "system" } : { kind: "debtor" };
    this.#record(at, actor, "payment.recorded", "payment", id, {
      provider,
      amountCents,
      applied: allocation.applied,
      commissionCents: fee.commissionCents,
      vatCents: fee.vatCents,
      netToClientCents: fee.netToClientCents,
    });
    this.#apply({ type: "payment_received" }, at, actor);
    if (provider !== "direct_to_creditor") this.send(d, "email", "payment_receipt", { amountCents });
    return amountCents;
  }

  /** Paid in full closes the case (when the payment cleared the balance). */
  closeIfPaid(on: IsoDate): void {
    if (this.isOpen && this.totalCents === 0) this.#close(on, { type: "paid_in_full" }, { kind: "system" });
  }

  // ---------------------------------------------------------------------------------------------
  // Commitments

  /** A promise to pay `amount` (default: the balance) by `dueOn`. */
  promise(on: IsoDate, dueOn: IsoDate, amount: number | "balance" = "balance"): void {
    const d = this.#advance(on);
    this.#accrue(d);
    const at = this.#at(d);
    const amountCents = amount === "balance" ? this.totalCents : amount;
    const id = this.#ids.uuid();
    this.#promise = {
      id,
      caseId: this.input.caseId,
      clientId: this.input.clientId,
      promisedOn: d,
      dueOn: maxDate(dueOn, d),
      amountCents,
      currency: "EUR",
      status: "pending",
      userId: this.input.actors.agentId,
      createdAt: at,
    };
    this.#rows.promises.push(this.#promise);
    this.#record(at, this.#agent(), "promise.recorded", "promise", id, { dueOn: this.#promise.dueOn, amountCents });
    this.#apply({ type: "promise_made" }, at, this.#agent());
    this.send(d, "sms", "promise_confirmation", { amountCents, deadline: this.#promise.dueOn });
  }

  /** The promised payment arrives: the promise is kept, and a cleared balance closes the case. */
  keepPromise(on: IsoDate, provider: PaymentProvider): void {
    const promise = this.#requirePromise();
    const paid = this.pay(on, promise.amountCents >= this.totalCents ? "balance" : promise.amountCents, provider);
    const at = this.#at(this.#clockDay);
    promise.status = paid >= promise.amountCents ? "kept" : "broken";
    promise.resolvedAt = at;
    this.#promise = null;
    this.#record(at, { kind: "system" }, `promise.${promise.status}`, "promise", promise.id!, {});
    this.#apply({ type: promise.status === "kept" ? "promise_kept" : "promise_broken" }, at, { kind: "system" });
    this.closeIfPaid(this.#clockDay);
  }

  /** The due date passed without payment (after the grace days): the promise is broken. */
  breakPromise(on: IsoDate): void {
    const promise = this.#requirePromise();
    const d = this.#advance(on);
    const at = this.#at(d);
    promise.status = "broken";
    promise.resolvedAt = at;
    this.#promise = null;
    this.#record(at, { kind: "system" }, "promise.broken", "promise", promise.id!, {});
    this.#apply({ type: "promise_broken" }, at, { kind: "system" });
  }

  /**
   * The debtor proposes a plan (on the portal or to the agent). The client's policy decides: within it
   * the plan is active at once; outside it the policy's counter-offer is what the debtor accepts; a
   * referred plan is approved by the supervisor. Interest stops while the plan runs (its total is fixed).
   */
  acceptPlan(on: IsoDate, proposal: { count: number; frequency?: PlanFrequency; firstInDays?: number; downPaymentCents?: number }, via: "portal" | "agent"): void {
    const d = this.#advance(on);
    this.#accrue(d);
    const at = this.#at(d);
    const balance = this.totalCents;
    const plan = {
      kind: "plan" as const,
      frequency: proposal.frequency ?? "monthly",
      firstDueOn: addDays(d, proposal.firstInDays ?? 7),
      count: proposal.count,
      ...(proposal.downPaymentCents ? { downPaymentCents: proposal.downPaymentCents } : {}),
    };
    const decision = evaluateProposal({ policy: this.input.profile.policy, balanceCents: balance, today: d, proposal: plan });
    const proposedBy = via === "portal" ? "debtor" : "agent";
    let schedule: Instalment[];
    let counterOfId: string | null = null;
    let decisionReason: string;
    if (decision.decision === "accept") {
      schedule = decision.schedule;
      decisionReason = "Within the client's negotiation policy";
    } else if (decision.decision === "counter") {
      const original = this.#arrangementRow("plan", "countered", proposedBy, buildSchedule({ totalCents: balance, ...plan }), plan, at, decision.reason.message);
      this.#rows.arrangements.push(original);
      this.#record(at, via === "portal" ? { kind: "debtor" } : this.#agent(), "arrangement.countered", "arrangement", original.id!, { reasons: decision.reasons.map((r) => r.code) });
      counterOfId = original.id!;
      schedule = decision.schedule;
      decisionReason = `Counter-offer accepted (${decision.reason.message})`;
    } else {
      schedule = buildSchedule({ totalCents: balance, ...plan });
      decisionReason = `Referred (${decision.reason.message}); approved by the supervisor`;
    }
    const row = this.#arrangementRow("plan", "active", counterOfId ? "policy" : proposedBy, schedule, plan, at, decisionReason);
    row.counterOfId = counterOfId;
    row.acceptedAt = at;
    row.acknowledgedAt = at;
    row.acknowledgmentIp = via === "portal" ? `203.0.113.${this.#rng.int(2, 250)}` : null;
    row.acknowledgmentText = `I acknowledge owing ${this.#money(balance)} to ${this.input.profile.name} (file ${this.input.reference}) and agree to pay it in ${schedule.length} instalments, the first on ${schedule[0]!.dueOn}.`;
    const instalments = schedule.map((line) => ({
      id: this.#ids.uuid(),
      arrangementId: row.id!,
      seq: line.seq,
      dueOn: line.dueOn,
      amountCents: line.amountCents,
      paidCents: 0,
      status: "scheduled",
    }));
    this.#rows.arrangements.push(row);
    this.#rows.instalments.push(...instalments);
    this.#arrangement = { row, instalments };
    const actor: Actor = decision.decision === "refer" ? { kind: "user", id: this.input.actors.supervisorId } : via === "portal" ? { kind: "debtor" } : this.#agent();
    this.#record(at, actor, "arrangement.accepted", "arrangement", row.id!, { totalCents: balance, instalments: schedule.length, decision: decision.decision });
    if (this.#promise) {
      // A plan replaces a pending promise (the debtor cannot pay at once after all).
      this.#promise.status = "cancelled";
      this.#promise.resolvedAt = at;
      this.#promise = null;
    }
    this.#apply({ type: "plan_accepted" }, at, actor);
    this.#interestFrozen = true;
    this.send(d, "email", "plan_confirmation", { amountCents: balance, deadline: schedule[0]!.dueOn });
  }

  /** A plan the policy does not allow, waiting for the supervisor's decision (the approvals queue). */
  proposePlanForApproval(on: IsoDate, count: number): void {
    const d = this.#advance(on);
    this.#accrue(d);
    const at = this.#at(d);
    const plan = { kind: "plan" as const, frequency: "monthly" as const, firstDueOn: addDays(d, 10), count };
    const decision = evaluateProposal({ policy: this.input.profile.policy, balanceCents: this.totalCents, today: d, proposal: plan });
    const reason = decision.decision === "accept" ? "Agent asks for approval" : decision.reason.message;
    const row = this.#arrangementRow("plan", "proposed", "agent", buildSchedule({ totalCents: this.totalCents, ...plan }), plan, at, reason);
    this.#rows.arrangements.push(row);
    this.#record(at, this.#agent(), "arrangement.proposed", "arrangement", row.id!, { totalCents: this.totalCents, count, reason });
  }

  /**
   * Plays the running plan's instalments due up to `until`: `behaviour` says how each one went. Completes
   * the plan (and so closes the case as paid) when the last one is paid.
   */
  payInstalments(until: IsoDate, behaviour: (seq: number) => "paid" | "late" | "partial" | "missed", provider: () => PaymentProvider): void {
    const live = this.#requireArrangement();
    for (const inst of live.instalments) {
      if (inst.status !== "scheduled" || inst.dueOn > minDate(until, this.input.today)) continue;
      const how = behaviour(inst.seq);
      if (how === "missed") {
        inst.status = "missed";
        this.send(minDate(addDays(inst.dueOn, 3), this.input.today), "sms", "reminder_sms", { amountCents: inst.amountCents });
        continue;
      }
      const paidOn = how === "late" ? minDate(addDays(inst.dueOn, this.#rng.int(2, 6)), this.input.today) : addDays(inst.dueOn, -this.#rng.int(0, 2));
      const amount = how === "partial" ? Math.max(1, Math.floor(inst.amountCents / 2 / 100) * 100) : inst.amountCents;
      const paid = this.pay(paidOn, amount, provider());
      inst.paidCents = paid;
      inst.paidOn = this.#clockDay;
      inst.status = paid >= inst.amountCents ? "paid" : "partially_paid";
    }
    if (live.instalments.every((i) => i.status === "paid")) {
      const at = this.#at(this.#clockDay);
      live.row.status = "completed";
      this.#arrangement = null;
      this.#record(at, { kind: "system" }, "arrangement.completed", "arrangement", live.row.id!, {});
      this.#close(this.#clockDay, { type: "plan_completed" }, { kind: "system" });
    }
  }

  /** Missed instalments past the grace period: the plan is broken and collection resumes, interest too. */
  breakPlan(on: IsoDate): void {
    const live = this.#requireArrangement();
    const d = this.#advance(on);
    const at = this.#at(d);
    live.row.status = "broken";
    for (const inst of live.instalments) if (inst.status === "scheduled" && inst.dueOn <= d) inst.status = "missed";
    this.#arrangement = null;
    this.#record(at, { kind: "system" }, "arrangement.broken", "arrangement", live.row.id!, {});
    this.#apply({ type: "plan_broken" }, at, { kind: "system" });
    // Interest for the months the plan ran is not claimed back: it starts again from the breach.
    this.#interestFrozen = false;
    for (const claim of this.#claims) claim.accruedTo = claim.accruedTo ? maxDate(claim.accruedTo, d) : claim.accruedTo;
  }

  /**
   * A settlement: the debtor offers a lump sum below the balance, a person decides (never automatic),
   * the sum is paid and the rest is waived; the case closes as settled.
   */
  settle(on: IsoDate, discountPct: number, payOn: IsoDate, provider: PaymentProvider): void {
    const d = this.#advance(on);
    this.#accrue(d);
    const at = this.#at(d);
    const balance = this.totalCents;
    const amountCents = balance - percentOf(balance, discountPct);
    const decision = evaluateProposal({ policy: this.input.profile.policy, balanceCents: balance, today: d, proposal: { kind: "settlement", amountCents, payOn } });
    const byClient = decision.decision === "refer" && decision.reasons.some((r) => r.code === "settlement_discount_exceeds_policy");
    const row = this.#arrangementRow(
      "settlement",
      "accepted",
      "debtor",
      [{ seq: 1, dueOn: payOn, amountCents, isDownPayment: false }],
      { kind: "settlement", amountCents, payOn },
      at,
      byClient ? "Discount beyond policy: approved by the client" : "Within the client's settlement discount: approved by the supervisor",
    );
    row.acceptedAt = at;
    row.acknowledgedAt = at;
    row.acknowledgmentText = `I acknowledge owing ${this.#money(balance)} to ${this.input.profile.name} and will pay ${this.#money(amountCents)} by ${payOn} in full and final settlement.`;
    this.#rows.arrangements.push(row);
    const approver: Actor = { kind: "user", id: byClient ? this.input.actors.clientUserId : this.input.actors.supervisorId };
    this.#record(at, approver, "arrangement.accepted", "arrangement", row.id!, { kind: "settlement", amountCents, balanceCents: balance });
    this.#interestFrozen = true;
    this.pay(payOn, amountCents, provider);
    const paidAt = this.#at(this.#clockDay);
    row.status = "completed";
    this.#record(paidAt, { kind: "system" }, "arrangement.completed", "arrangement", row.id!, {});
    this.#writeOffRemaining(this.#clockDay, "Remainder waived under the settlement");
    this.#close(this.#clockDay, { type: "settled" }, approver);
  }

  // ---------------------------------------------------------------------------------------------
  // Holds, disputes, escalations, closing

  setHold(on: IsoDate, hold: CaseHold, note: string): void {
    const d = this.#advance(on);
    this.#apply({ type: "hold_set", hold }, this.#at(d), this.#agent());
    this.note(d, note, true);
  }

  releaseHold(on: IsoDate, hold: CaseHold): void {
    const d = this.#advance(on);
    this.#apply({ type: "hold_released", hold }, this.#at(d), this.#agent());
  }

  /** The debtor contests the debt: collection pauses at once (hold `disputed`). */
  openDispute(on: IsoDate, reason: DisputeReason, details: string, via: "portal" | "phone"): void {
    const d = this.#advance(on);
    if (via === "phone") this.call(d, "disputed", details, "inbound");
    else this.inbound(d, "portal", "disputed", details);
    const at = this.#at(d);
    const id = this.#ids.uuid();
    this.#rows.disputes.push({ id, caseId: this.input.caseId, clientId: this.input.clientId, reason, details, status: "open", openedAt: at });
    this.#record(at, via === "portal" ? { kind: "debtor" } : this.#agent(), "dispute.opened", "dispute", id, { reason });
    this.#apply({ type: "hold_set", hold: "disputed" }, at, { kind: "system" });
  }

  resolveDispute(on: IsoDate, status: "rejected" | "upheld" | "withdrawn", resolution: string): void {
    const dispute = this.#rows.disputes.find((x) => x.status === "open");
    if (!dispute) throw new Error(`seed: ${this.input.reference} has no open dispute`);
    const d = this.#advance(on);
    const at = this.#at(d);
    dispute.status = status;
    dispute.resolvedAt = at;
    dispute.resolution = resolution;
    dispute.resolvedByUserId = this.input.actors.supervisorId;
    this.#record(at, { kind: "user", id: this.input.actors.supervisorId }, "dispute.resolved", "dispute", dispute.id!, { status });
    this.#apply({ type: "hold_released", hold: "disputed" }, at, { kind: "user", id: this.input.actors.supervisorId });
  }

  /** Opens the 90-day review or the 120-day dossier, due on the case's milestone. */
  openEscalation(kind: EscalationKind, on: IsoDate, recommendation: string): void {
    const d = this.#advance(on);
    const at = this.#at(d);
    const id = this.#ids.uuid();
    const dueOn = addDays(this.input.placedOn, kind === "review" ? 90 : 120);
    this.#rows.escalations.push({ id, caseId: this.input.caseId, clientId: this.input.clientId, kind, status: "open", dueOn, recommendation, createdAt: at });
    this.#record(at, { kind: "system" }, "escalation.opened", "escalation", id, { kind, dueOn });
  }

  /** Staff decide a review; the client decides on a dossier. */
  decideEscalation(kind: EscalationKind, on: IsoDate, decision: EscalationDecision, rationale: string): void {
    const escalation = this.#rows.escalations.find((e) => e.kind === kind && e.status === "open");
    if (!escalation) throw new Error(`seed: ${this.input.reference} has no open ${kind}`);
    const d = this.#advance(on);
    const at = this.#at(d);
    const by = kind === "review" ? this.input.actors.supervisorId : this.input.actors.clientUserId;
    escalation.status = "decided";
    escalation.decision = decision;
    escalation.rationale = rationale;
    escalation.decidedByUserId = by;
    escalation.decidedAt = at;
    this.#record(at, { kind: "user", id: by }, "escalation.decided", "escalation", escalation.id!, { kind, decision });
  }

  /** The client takes the case back. The debt stays owed to it: nothing is written off. */
  withdraw(on: IsoDate, why: string): void {
    const d = this.#advance(on);
    this.#accrue(d);
    this.note(d, why);
    this.#close(d, { type: "withdrawn" }, { kind: "user", id: this.input.actors.clientUserId });
  }

  /** No prospect of recovery: what is left is written off and the case closes as uncollectable. */
  writeOff(on: IsoDate, why: string): void {
    const d = this.#advance(on);
    this.#accrue(d);
    this.#writeOffRemaining(d, why);
    this.#close(d, { type: "written_off" }, { kind: "user", id: this.input.actors.supervisorId });
  }

  /** The client chose court action: the file goes to its lawyer or bailiff with the balance as it stands. */
  legalHandover(on: IsoDate): void {
    const d = this.#advance(on);
    this.#accrue(d);
    this.#close(d, { type: "legal_handover" }, { kind: "user", id: this.input.actors.clientUserId });
  }

  // ---------------------------------------------------------------------------------------------
  // The end of the story

  /** Brings an open case up to today (costs now due, interest to date) and builds the case row. */
  finish(): SeedCase {
    if (this.isOpen) {
      this.#advance(this.input.today);
      this.#accrue(this.input.today);
    }
    const next = this.#nextAction();
    const b = this.#ledgerBalances();
    const row: NewCase = {
      id: this.input.caseId,
      clientId: this.input.clientId,
      debtorId: this.input.debtor.row.id!,
      reference: this.input.reference,
      paymentReference: this.input.paymentReference,
      clientReference: this.input.clientReference,
      stage: this.#state.stage,
      holds: [...this.#state.holds],
      closureReason: this.#state.closureReason ?? null,
      jurisdiction: this.input.profile.jurisdiction,
      currency: "EUR",
      strategyId: this.input.strategyId,
      placedOn: this.input.placedOn,
      noticeSentOn: this.noticeSentOn,
      firstContactOn: this.firstContactOn,
      lastContactAt: this.lastContactAt,
      nextActionOn: next?.on ?? null,
      nextActionKind: next?.kind ?? null,
      assignedUserId: this.input.actors.agentId,
      teamId: this.input.actors.teamId,
      priorityScore: this.#priority(next?.on ?? null, b.totalCents),
      propensityScore: this.isOpen ? this.#propensity() : null,
      closedOn: this.closedOn,
      // The milestones are set when the notice goes out: a case not yet notified has none.
      reviewDueOn: this.noticeSentOn ? addDays(this.input.placedOn, 90) : null,
      dossierDueOn: this.noticeSentOn ? addDays(this.input.placedOn, 120) : null,
      createdAt: new Date(`${this.input.placedOn}T06:00:00Z`),
      updatedAt: this.lastContactAt ?? new Date(`${this.input.placedOn}T06:00:00Z`),
    };
    return { row, rows: this.#rows, audit: this.#audit, balances: b };
  }

  // ---------------------------------------------------------------------------------------------
  // Internals

  /** Moves the story to `on` (never backwards, never past today) after booking what fell due meanwhile. */
  #advance(on: IsoDate): IsoDate {
    const target = minDate(maxDate(on, this.#clockDay), this.input.today);
    // The worker books interest at each month end, so statements and reminders show it as it grows.
    for (let monthEnd = endOfMonth(this.#clockDay); monthEnd < target; monthEnd = endOfMonth(addDays(monthEnd, 1))) {
      if (this.noticeSentOn) this.#accrue(monthEnd);
    }
    const due = this.#claimableFrom;
    if (this.#deferredCostsPending && due && due <= target) {
      this.#deferredCostsPending = false;
      // Costs are waived when the debtor paid within the term, the case closed, or a plan is running.
      if (this.isOpen && !this.#interestFrozen && this.#balances.principal > 0) {
        const charge = this.input.profile.rules.deferredCosts(this.#balances.principal);
        const d = maxDate(due, this.#clockDay);
        if (charge && charge.cents > 0) {
          this.#entry("costs", "charged", charge.cents, due, { description: charge.description });
          this.#record(this.#at(d), { kind: "system" }, "ledger.costs_charged", "case", this.input.caseId, { amountCents: charge.cents, basis: charge.description });
        }
      }
    }
    return target;
  }

  /** Books interest on each invoice's unpaid principal up to `on` (nothing while a plan fixes the total). */
  #accrue(on: IsoDate): void {
    const rule = this.input.profile.rules.interest;
    if (!rule || this.#interestFrozen || !this.isOpen) return;
    let total = 0;
    for (const claim of this.#claims) {
      const start = rule.runsAfter(claim.row, this.#claimableFrom);
      if (!start || claim.outstanding === 0) continue;
      const from = claim.accruedTo ? maxDate(claim.accruedTo, start) : start;
      if (from >= on) continue;
      const result = segmentedInterest({ principalCents: claim.outstanding, from, to: on, schedule: rule.schedule });
      claim.accruedTo = on;
      if (result.interestCents === 0) continue;
      const rates = [...new Set(result.segments.map((s) => `${s.annualRatePct}%`))].join(" then ");
      this.#entry("interest", "accrued", result.interestCents, on, {
        claimId: claim.row.id!,
        reference: claim.row.invoiceNumber,
        description: `${rule.basis}: ${this.#money(claim.outstanding)} from ${from} to ${on} (${result.days} days at ${rates})`,
      });
      total += result.interestCents;
    }
    if (total > 0) this.#record(this.#at(maxDate(on, this.#clockDay)), { kind: "system" }, "ledger.interest_accrued", "case", this.input.caseId, { amountCents: total, to: on });
  }

  #writeOffRemaining(on: IsoDate, why: string): void {
    for (const component of ["costs", "fees", "interest", "principal"] as const) {
      const left = this.#balances[component];
      if (left > 0) this.#entry(component, "write_off", -left, on, { description: why });
    }
    this.#record(this.#at(on), { kind: "user", id: this.input.actors.supervisorId }, "ledger.written_off", "case", this.input.caseId, { reason: why });
  }

  #close(on: IsoDate, event: CaseEvent, actor: Actor): void {
    const d = this.#advance(on);
    this.#apply(event, this.#at(d), actor);
    this.closedOn = d;
  }

  #contactMade(d: IsoDate, at: Date): void {
    this.firstContactOn ??= d;
    if (this.#state.stage === "notified") this.#apply({ type: "contact_made" }, at, this.#agent());
  }

  /** Applies a stage-machine event; a refusal is a bug in a scenario, so it throws. */
  #apply(event: CaseEvent, at: Date, actor: Actor): void {
    const result = transition(this.#state, event);
    if (!result.ok) throw new Error(`seed scenario bug: ${this.input.reference} ${event.type} refused at ${this.#state.stage}: ${result.refusal.reason}`);
    this.#state = result.state;
    for (const record of result.events) {
      const { type, ...data } = record;
      this.#record(at, actor, `case.${type}`, "case", this.input.caseId, data);
    }
  }

  #entry(
    component: LedgerComponent,
    kind: LedgerKind,
    amountCents: number,
    effectiveOn: IsoDate,
    extra: { description?: string | null; reference?: string | null; claimId?: string; paymentId?: string },
  ): void {
    assertLedgerEntry({ component, kind, amountCents, effectiveOn });
    if (this.#balances[component] + amountCents < 0) throw new Error(`seed: ${this.input.reference} ${component} would go negative`);
    this.#balances[component] += amountCents;
    this.#rows.ledger.push({
      id: this.#ids.uuid(),
      caseId: this.input.caseId,
      clientId: this.input.clientId,
      component,
      kind,
      amountCents,
      currency: "EUR",
      effectiveOn,
      createdAt: this.#at(this.#clockDay),
      ...extra,
    });
  }

  #interaction(at: Date, fields: Omit<NewInteraction, "id" | "caseId" | "clientId" | "occurredAt" | "createdAt">): string {
    const id = this.#ids.uuid();
    this.#rows.interactions.push({ id, caseId: this.input.caseId, clientId: this.input.clientId, occurredAt: at, createdAt: at, ...fields });
    if (!this.lastContactAt || at > this.lastContactAt) this.lastContactAt = at;
    return id;
  }

  #record(occurredAt: Date, actor: Actor, action: string, entityType: string, entityId: string | null, data: Record<string, unknown>): void {
    this.#audit.push({
      occurredAt,
      actorKind: actor.kind,
      actorId: actor.kind === "user" || actor.kind === "client_api" ? actor.id : null,
      action,
      entityType,
      entityId,
      caseId: this.input.caseId,
      clientId: this.input.clientId,
      data,
    });
  }

  #contact(kind: "email" | "phone" | "address"): SeedContact | undefined {
    return this.input.debtor.contacts.find((c) => c.row.kind === kind && !c.row.isInvalid && !c.row.optedOutAt);
  }

  #invalidate(contact: SeedContact, at: Date, why: string): void {
    contact.row.isInvalid = true;
    contact.row.isPrimary = false;
    contact.row.updatedAt = at;
    this.#record(at, { kind: "system" }, "contact_point.invalidated", "contact_point", contact.row.id!, { reason: why });
  }

  /** An instant on day `on`, later than every instant handed out before (events keep their order). */
  #at(on: IsoDate): Date {
    if (on > this.#clockDay) {
      this.#clockDay = on;
      this.#clockMinutes = 7 * 60 + this.#rng.int(0, 60);
    } else {
      this.#clockMinutes += this.#clockMinutes < 16 * 60 ? this.#rng.int(3, 45) : 1;
    }
    return new Date(Date.parse(`${this.#clockDay}T00:00:00Z`) + this.#clockMinutes * 60_000);
  }

  /** The next working day (Monday–Friday) from `on`: letters, calls and reminders wait for the office. */
  #workday(on: IsoDate): IsoDate {
    const weekday = isoWeekday(on);
    return weekday >= 6 ? addDays(on, 8 - weekday) : on;
  }

  #agent(): Actor {
    return { kind: "user", id: this.input.actors.agentId };
  }

  #ledgerBalances(): LedgerBalances {
    const b = this.#balances;
    return { principalCents: b.principal, interestCents: b.interest, costsCents: b.costs, feesCents: b.fees, totalCents: this.totalCents };
  }

  #arrangementRow(
    kind: "plan" | "settlement",
    status: string,
    proposedBy: string,
    schedule: readonly Instalment[],
    terms: object,
    at: Date,
    decisionReason: string,
  ): NewArrangement {
    return {
      id: this.#ids.uuid(),
      caseId: this.input.caseId,
      clientId: this.input.clientId,
      kind,
      status,
      proposedBy,
      proposedByUserId: proposedBy === "agent" ? this.input.actors.agentId : null,
      terms: { ...terms, instalments: schedule.length, interestFrozen: true },
      totalCents: schedule.reduce((sum, l) => sum + l.amountCents, 0),
      currency: "EUR",
      decisionReason,
      decidedAt: status === "proposed" ? null : at,
      createdAt: at,
      updatedAt: at,
    };
  }

  #requirePromise(): NewPaymentPromise {
    if (!this.#promise) throw new Error(`seed: ${this.input.reference} has no pending promise`);
    return this.#promise;
  }

  #requireArrangement(): LiveArrangement {
    if (!this.#arrangement) throw new Error(`seed: ${this.input.reference} has no running plan`);
    return this.#arrangement;
  }

  #claimAgeDays(): number {
    const oldest = this.#claims.reduce((min, c) => (c.row.dueOn < min ? c.row.dueOn : min), this.#claims[0]!.row.dueOn);
    return Math.max(0, daysBetween(oldest, this.input.placedOn));
  }

  #externalId(provider: PaymentProvider, on: IsoDate): string {
    const hex = this.#ids.uuid().replaceAll("-", "");
    switch (provider) {
      case "stripe":
        return `pi_${hex.slice(0, 24)}`;
      case "demo":
        return `demo_${hex.slice(0, 24)}`;
      case "bank_transfer":
        return `stmt-${on.replaceAll("-", "")}-${hex.slice(0, 10)}`;
      case "direct_to_creditor":
        return `creditor-${this.input.clientReference}-${hex.slice(0, 8)}`;
      default:
        return `manual-${hex.slice(0, 16)}`;
    }
  }

  #paymentLabel(provider: PaymentProvider): string {
    switch (provider) {
      case "bank_transfer":
        return `by bank transfer ${this.input.paymentReference}`;
      case "direct_to_creditor":
        return `made directly to ${this.input.profile.name}`;
      case "stripe":
        return "online (Stripe)";
      case "demo":
        return "online (demo checkout)";
      default:
        return "recorded manually";
    }
  }

  #money(cents: number): string {
    return formatMoney(cents, "EUR", this.#localeTag());
  }

  #formatDate(date: IsoDate): string {
    return new Intl.DateTimeFormat(this.#localeTag(), { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`));
  }

  #localeTag(): string {
    const { locale } = this.input.debtor;
    return locale === "en" ? "en-GB" : `${locale}-${this.input.profile.countryCode}`;
  }

  /** What the case handler (or the worker) does next, and when. */
  #nextAction(): { on: IsoDate; kind: string } | null {
    if (!this.isOpen) return null;
    const today = this.input.today;
    if (this.#state.holds.includes("disputed")) return { on: addDays(this.#clockDay, 14), kind: "review_dispute" };
    if (this.#state.holds.length > 0) return { on: addDays(this.#clockDay, 30), kind: "review_hold" };
    if (this.#state.stage === "new") return { on: today, kind: "send_notice" };
    if (this.#promise) return { on: this.#promise.dueOn, kind: "check_promise" };
    const instalment = this.#arrangement?.instalments.find((i) => i.status !== "paid");
    if (instalment) return { on: instalment.dueOn, kind: "check_instalment" };
    const open = this.#rows.escalations.find((e) => e.status === "open");
    if (open) return { on: open.dueOn, kind: open.kind };
    const age = daysBetween(this.input.placedOn, today);
    const step = this.input.profile.strategySteps.find((s) => s.day > age);
    if (step) return { on: addDays(this.input.placedOn, step.day), kind: step.action };
    return { on: addDays(today, 7), kind: "call" };
  }

  /** A simple urgency score until the domain has its prioritisation: size of the debt, what is due, what is new. */
  #priority(nextOn: IsoDate | null, totalCents: number): number {
    if (!this.isOpen) return 0;
    let score = Math.round(10 * Math.log10(1 + totalCents / 100));
    if (nextOn && nextOn <= this.input.today) score += 40;
    if (this.#state.stage === "new") score += 25;
    if (this.#arrangement?.instalments.some((i) => i.status === "missed" || i.status === "partially_paid")) score += 30;
    if (this.#state.holds.length > 0) score = Math.round(score / 4);
    return score;
  }

  #propensity(): number {
    const base: Record<string, number> = { new: 50, notified: 35, in_contact: 45, negotiating: 55, promise: 70, arrangement: 80 };
    const value = (base[this.#state.stage] ?? 40) + this.#rng.int(-15, 15) - (this.#state.holds.length > 0 ? 25 : 0);
    return Math.max(0, Math.min(100, value));
  }
}

function endOfMonth(date: IsoDate): IsoDate {
  return `${date.slice(0, 8)}${String(daysInMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)))).padStart(2, "0")}`;
}
