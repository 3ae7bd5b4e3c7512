/**
 * The stories cases tell: one script per situation the workspace and the portal must show, each driven
 * through `CaseStory` (and so through the domain's stage machine and law). A client's cases are spread
 * over the scenarios by share, every scenario at least once per client, so every stage, closure reason,
 * hold and escalation exists for every creditor.
 */
import { addDays, daysBetween, maxDate, minDate, type CaseHold, type DisputeReason, type IsoDate, type PaymentProvider } from "@recouvra/domain";
import type { ClientKey, ClientProfile } from "./clients.ts";
import type { Rng } from "./random.ts";
import type { CaseStory } from "./story.ts";

/** What a script knows besides the story: its randomness and which instance of the scenario it is. */
export interface ScenarioContext {
  readonly rng: Rng;
  /** 0 for the client's first case of this scenario, 1 for the second…: guarantees each variant appears. */
  readonly variant: number;
  readonly profile: ClientProfile;
}

export interface Scenario {
  readonly name: string;
  /** Relative share of a client's cases. */
  readonly share: number;
  /** Days since placement, both included. */
  readonly age: readonly [number, number];
  /** Clients this story fits (a company does not die, a telecom customer is not in receivership). */
  readonly clients?: readonly ClientKey[];
  run(s: CaseStory, x: ScenarioContext): void;
}

// ---------------------------------------------------------------------------------------------------
// Shared moves

const CONTACT_NOTES: Record<ClientKey, readonly string[]> = {
  fr: [
    "Spoke with the manager: cash-flow tight after a slow season, confirms the invoices are due.",
    "Accountant says the invoices were mislaid; payment to be approved at the end of the month.",
    "Manager disputes nothing, waiting for a customer's payment to clear.",
    "Owner on holiday; spoke with the assistant, who will pass the message on.",
  ],
  be: [
    "Debtor confirms the bill, lost their job in the spring; can pay small amounts.",
    "Debtor thought the direct debit was still running; will check with the bank.",
    "Debtor moved house and never got the bills; address updated.",
    "Debtor cannot pay before the next salary; open to a plan.",
  ],
  nl: [
    "Klant bevestigt de bestelling, was de factuur vergeten.",
    "Debtor confirms the order; tight month, wants to pay in parts.",
    "Debtor says the parcel came late but kept the goods; will pay.",
    "Spoke with the debtor: unexpected expenses, asks for some time.",
  ],
};

function provider(x: ScenarioContext): PaymentProvider {
  return x.rng.weighted(x.profile.paymentMix);
}

/** Place, then send the notice on the day of placement or the next. */
function open(s: CaseStory, x: ScenarioContext): void {
  s.place();
  s.sendNotice(s.day(x.rng.int(0, 1)));
}

/** Works the strategy until the debtor is reached on `onDay` (a call, or an email reply without a phone). */
function reach(s: CaseStory, x: ScenarioContext, onDay: number, outcome: "right_party_contact" | "promised" = "right_party_contact"): IsoDate {
  const on = s.day(onDay);
  s.workStrategy(addDays(on, -1));
  const note = x.rng.pick(CONTACT_NOTES[x.profile.key]);
  if (!s.call(on, outcome, note)) s.inbound(on, "email", "replied", note);
  return s.currentDay;
}

/** Days after placement, no later than today. */
function ageOf(s: CaseStory): number {
  return daysBetween(s.placedOn, s.today);
}

// ---------------------------------------------------------------------------------------------------
// The scenarios

const newlyPlaced: Scenario = {
  name: "new",
  share: 5,
  age: [0, 1],
  run: (s) => s.place(),
};

const notified: Scenario = {
  name: "notified",
  share: 9,
  age: [3, 40],
  run: (s, x) => {
    open(s, x);
    // One email address turns out dead: the bounce marks it invalid and later reminders skip it.
    if (x.variant === 0) s.send(s.day(2), "email", "reminder_email", { status: "bounced" });
    s.workStrategy(s.today);
  },
};

const inContact: Scenario = {
  name: "in_contact",
  share: 10,
  age: [8, 85],
  run: (s, x) => {
    open(s, x);
    const age = ageOf(s);
    const contacted = reach(s, x, x.rng.int(3, Math.max(3, Math.min(age - 2, 25))));
    if (x.variant === 0) {
      // The debtor texts STOP: no more calls or SMS on that number, email and post go on.
      s.optOut(addDays(contacted, 1), "phone");
    } else if (x.variant === 1 && age >= 20) {
      // A partial promise, kept: the balance goes down and collection of the rest goes on.
      s.promise(contacted, addDays(contacted, 7), Math.max(1, Math.floor(s.totalCents / 3)));
      s.keepPromise(addDays(contacted, x.rng.int(4, 7)), provider(x));
    } else if (x.variant === 2 && age >= 30) {
      s.openDispute(addDays(contacted, 2), "already_paid", "Says the invoice was paid in cash to the delivery driver.", "phone");
      s.resolveDispute(addDays(contacted, 12), "rejected", "The creditor shows no cash payment was recorded and the driver does not collect cash; collection resumes.");
    } else if (x.rng.chance(0.3)) {
      s.pay(addDays(contacted, x.rng.int(2, 10)), Math.max(1, Math.floor(s.totalCents / 4)), provider(x));
    }
    s.workStrategy(s.today, () => x.rng.pick(["no_answer", "voicemail", "callback_requested", "right_party_contact"] as const));
  },
};

const negotiating: Scenario = {
  name: "negotiating",
  share: 6,
  age: [10, 80],
  run: (s, x) => {
    open(s, x);
    const contacted = reach(s, x, x.rng.int(3, Math.min(ageOf(s) - 3, 20)));
    s.startNegotiation(addDays(contacted, x.rng.int(0, 2)), "Debtor wants to pay but not at once; discussing the monthly amount.");
    if (x.variant <= 1) {
      // More instalments than the client allows: waits in the supervisor's approvals queue.
      s.proposePlanForApproval(addDays(s.currentDay, 1), x.profile.policy.maxInstalments + 6);
    } else {
      s.inbound(addDays(s.currentDay, x.rng.int(1, 5)), "email", "replied", "Debtor sends their budget and asks what the lowest monthly amount would be.");
    }
  },
};

const promised: Scenario = {
  name: "promise",
  share: 9,
  age: [6, 80],
  run: (s, x) => {
    open(s, x);
    // Variant 0: due today; 1: two days overdue (within the grace days, not yet broken); others: coming up.
    const dueOn = x.variant === 0 ? s.today : x.variant === 1 ? addDays(s.today, -2) : addDays(s.today, x.rng.int(1, 14));
    const madeOn = maxDate(s.day(3), minDate(addDays(dueOn, -x.rng.int(2, 10)), addDays(s.today, -1)));
    const age = daysBetween(s.placedOn, madeOn);
    if (x.variant === 2 && age >= 25) {
      // A promise broken before: the debtor promised once, did not pay, and promised again.
      const first = reach(s, x, 5, "promised");
      s.promise(first, addDays(first, 5));
      s.breakPromise(addDays(first, 8));
    }
    reach(s, x, daysBetween(s.placedOn, madeOn), "promised");
    s.promise(s.currentDay, dueOn, x.variant >= 3 && x.rng.chance(0.3) ? Math.max(1, Math.floor(s.totalCents / 2)) : "balance");
  },
};

/** A plan accepted a while ago and still running (some instalments paid, one late or short). */
const arrangement: Scenario = {
  name: "arrangement",
  share: 11,
  age: [25, 150],
  run: (s, x) => {
    open(s, x);
    const age = ageOf(s);
    const contacted = reach(s, x, x.rng.int(3, 14));
    const acceptOn = maxDate(addDays(contacted, x.rng.int(0, 4)), s.day(age - x.rng.int(15, 110)));
    const monthsRun = Math.floor(daysBetween(acceptOn, s.today) / 30);
    const count = Math.min(x.profile.policy.maxInstalments, monthsRun + x.rng.int(2, 4));
    s.acceptPlan(acceptOn, { count, firstInDays: x.rng.int(5, 12) }, x.rng.chance(0.6) ? "portal" : "agent");
    const due = s.arrangementInstalments.filter((i) => i.dueOn <= s.today).length;
    s.payInstalments(
      s.today,
      (seq) => {
        if (seq < due) return x.rng.chance(0.15) ? "late" : "paid";
        // The latest instalment: missed (variant 0) or short (variant 1), the reminder has gone out.
        return x.variant === 0 ? "missed" : x.variant === 1 ? "partial" : "paid";
      },
      () => provider(x),
    );
  },
};

/** A plan that broke after two missed instalments: back to collection. */
const brokenPlan: Scenario = {
  name: "plan_broken",
  share: 3,
  age: [70, 89],
  run: (s, x) => {
    open(s, x);
    const contacted = reach(s, x, x.rng.int(3, 10));
    s.acceptPlan(addDays(contacted, 2), { count: Math.min(6, x.profile.policy.maxInstalments), firstInDays: 7 }, "portal");
    const paidFirst = x.rng.int(1, 2);
    s.payInstalments(addDays(contacted, 9 + 31 * (paidFirst + 1)), (seq) => (seq <= paidFirst ? "paid" : "missed"), () => provider(x));
    s.breakPlan(addDays(s.currentDay, 10));
    s.note(s.currentDay, "Plan broken after two missed instalments; debtor not answering since.");
    s.call(addDays(s.currentDay, 2), "no_answer");
    s.call(addDays(s.currentDay, 6), "voicemail");
  },
};

const paid: Scenario = {
  name: "paid",
  share: 15,
  age: [10, 200],
  run: (s, x) => {
    open(s, x);
    const age = ageOf(s);
    const path = x.variant < 4 ? x.variant : x.rng.int(0, 3);
    if (path === 2 && age >= 110) {
      // Through a short plan, completed: the last instalment closes the case.
      const contacted = reach(s, x, x.rng.int(3, 10));
      s.acceptPlan(addDays(contacted, 1), { count: 2, firstInDays: 7 }, "portal");
      s.payInstalments(s.today, () => "paid", () => provider(x));
    } else if (path === 1 && age >= 20) {
      const contacted = reach(s, x, x.rng.int(3, 12), "promised");
      s.promise(contacted, addDays(contacted, x.rng.int(3, 7)));
      s.keepPromise(addDays(contacted, x.rng.int(2, 6)), provider(x));
    } else if (path === 3) {
      // Paid on the portal straight after the notice, without ever speaking to anyone.
      s.workStrategy(s.day(x.rng.int(2, 7)));
      s.pay(s.day(x.rng.int(2, 8)), "balance", x.rng.chance(0.8) ? "stripe" : "demo");
    } else {
      s.workStrategy(s.day(x.rng.int(5, 9)));
      s.pay(s.day(x.rng.int(5, 9)), "balance", provider(x));
    }
    s.closeIfPaid(s.currentDay);
  },
};

const settled: Scenario = {
  name: "settled",
  share: 4,
  age: [40, 200],
  run: (s, x) => {
    open(s, x);
    const contacted = reach(s, x, x.rng.int(5, 20));
    s.startNegotiation(addDays(contacted, 1), "Debtor offers a lump sum to close the file; asks for a discount on interest and costs.");
    const policyMax = x.profile.policy.maxSettlementDiscountPct;
    // Variant 0 asks more than the client lets the agency give: the client itself approves it.
    const discount = x.variant === 0 ? policyMax + 10 : x.rng.int(5, policyMax);
    const on = addDays(s.currentDay, x.rng.int(2, 8));
    s.settle(on, discount, addDays(on, x.rng.int(3, 10)), provider(x));
  },
};

const withdrawn: Scenario = {
  name: "withdrawn",
  share: 3,
  age: [15, 200],
  run: (s, x) => {
    open(s, x);
    s.workStrategy(s.day(x.rng.int(8, 13)));
    const why = x.rng.pick([
      "Withdrawn by the client: credit note issued after a delivery complaint.",
      "Withdrawn by the client: it settled with its customer directly, commercial relationship continues.",
      "Withdrawn by the client: placed in error, the invoice had been paid before placement.",
    ]);
    s.withdraw(s.day(x.rng.int(14, Math.min(ageOf(s), 40))), why);
  },
};

const REVIEW_RECOMMENDATION = "No payment and no commitment 90 days after placement; contact attempts on every channel documented.";

const uncollectable: Scenario = {
  name: "uncollectable",
  share: 3,
  age: [95, 200],
  run: (s, x) => {
    open(s, x);
    s.send(s.day(3), "email", "reminder_email", { status: "bounced" });
    s.call(s.day(5), "wrong_number");
    s.workStrategy(s.day(89));
    s.openEscalation("review", s.day(90), REVIEW_RECOMMENDATION);
    if (x.variant % 2 === 1 && ageOf(s) >= 130) {
      s.decideEscalation("review", s.day(92), "prepare_dossier", "Large enough to be worth a dossier.");
      s.openEscalation("legal_dossier", s.day(110), "Debtor unreachable, no assets found: court costs likely lost. Recommendation: write off.");
      s.decideEscalation("legal_dossier", s.day(124), "write_off", "Not worth the court costs: written off for tax purposes.");
      s.writeOff(s.day(124), "Written off at the client's decision on the legal dossier.");
    } else {
      s.decideEscalation("review", s.day(93), "write_off", "Debtor unreachable on every channel, small balance: not worth a dossier.");
      s.writeOff(s.day(93), "Uncollectable: debtor unreachable, no known assets.");
    }
  },
};

const legalHandover: Scenario = {
  name: "legal_handover",
  share: 3,
  age: [135, 200],
  run: (s, x) => {
    open(s, x);
    reach(s, x, x.rng.int(5, 20));
    s.call(s.currentDay, "refused", "Debtor refuses to pay and will not discuss a plan.");
    s.workStrategy(s.day(89), () => x.rng.pick(["no_answer", "refused", "voicemail"] as const));
    s.openEscalation("review", s.day(90), REVIEW_RECOMMENDATION);
    s.decideEscalation("review", s.day(92), "prepare_dossier", "Solvent debtor refusing to pay: prepare the legal dossier.");
    s.openEscalation("legal_dossier", s.day(x.rng.int(105, 115)), "Debt acknowledged in writing, debtor solvent (active business / employed), refuses to pay. Recommendation: proceed to court.");
    const decided = s.day(x.rng.int(121, 130));
    s.decideEscalation("legal_dossier", decided, "proceed_legal", "Hand over to our lawyer for an injunction to pay.");
    s.legalHandover(decided);
  },
};

const DISPUTES: Record<ClientKey, readonly (readonly [DisputeReason, string])[]> = {
  fr: [["goods_or_service", "Livraison incomplète : trois cartons manquants sur la commande."], ["amount_wrong", "The remise de fin d'année was not applied to the invoice."]],
  be: [["already_paid", "Says the bill was paid by domiciliation in March."], ["not_mine", "Says the line was never theirs: contract signed by a former partner."]],
  nl: [["goods_or_service", "Bank beschadigd geleverd, retour aangemeld maar nooit opgehaald."], ["identity_theft", "Claims the order was placed by someone else using their name."]],
};

const disputed: Scenario = {
  name: "disputed",
  share: 2,
  age: [15, 80],
  run: (s, x) => {
    open(s, x);
    s.workStrategy(s.day(x.rng.int(4, 10)));
    const [reason, details] = x.rng.pick(DISPUTES[x.profile.key]);
    s.openDispute(s.day(x.rng.int(11, 14)), reason, details, x.rng.chance(0.5) ? "portal" : "phone");
  },
};

function holdScenario(name: string, hold: CaseHold, clients: readonly ClientKey[], notes: Partial<Record<ClientKey, string>>): Scenario {
  return {
    name,
    share: 1,
    age: [20, 150],
    clients,
    run: (s, x) => {
      open(s, x);
      if (x.rng.chance(0.5)) reach(s, x, x.rng.int(3, 12));
      else s.workStrategy(s.day(x.rng.int(5, 12)));
      s.setHold(s.day(x.rng.int(13, 18)), hold, notes[x.profile.key] ?? "Hold set.");
    },
  };
}

const insolvency = holdScenario("insolvency", "insolvency", ["fr", "be", "nl"], {
  fr: "Redressement judiciaire opened by the Tribunal de commerce; claim declared to the mandataire judiciaire. No collection.",
  be: "Admitted to a règlement collectif de dettes / collectieve schuldenregeling; claim filed with the mediator.",
  nl: "Toegelaten tot de WSNP (schuldsanering); claim filed with the bewindvoerder.",
});
const deceased = holdScenario("deceased", "deceased", ["be", "nl"], {
  be: "Debtor deceased (call from the family); waiting for the notary handling the estate.",
  nl: "Debiteur overleden; contact via the notaris afwikkeling nalatenschap.",
});
const vulnerable = holdScenario("vulnerable", "vulnerable", ["be"], {
  be: "Debtor in hospital for a long stay, under administration provisoire: contact only via the administrateur.",
});

const review: Scenario = {
  name: "review",
  share: 6,
  age: [91, 119],
  run: (s, x) => {
    open(s, x);
    // Half were never reached at all; the others talked but nothing came of it.
    const talked = x.variant % 2 === 1;
    if (talked) reach(s, x, x.rng.int(5, 30));
    s.workStrategy(s.day(89), () => x.rng.pick(talked ? (["no_answer", "voicemail", "refused"] as const) : (["no_answer", "voicemail"] as const)));
    s.openEscalation("review", s.day(90), REVIEW_RECOMMENDATION);
    s.workStrategy(s.today);
  },
};

const dossier: Scenario = {
  name: "dossier",
  share: 5,
  age: [121, 200],
  run: (s, x) => {
    open(s, x);
    reach(s, x, x.rng.int(5, 30));
    s.workStrategy(s.day(89), () => x.rng.pick(["no_answer", "voicemail", "refused"] as const));
    s.openEscalation("review", s.day(90), REVIEW_RECOMMENDATION);
    s.decideEscalation("review", s.day(x.rng.int(91, 95)), "prepare_dossier", "No solution in sight; the client should decide on court action.");
    s.openEscalation("legal_dossier", s.day(x.rng.int(100, 118)), "Debtor reachable and solvent but not paying. Court action recommended; expected costs well below the balance.");
    if (x.variant === 1) {
      // The client prefers to keep trying amicably (an important customer).
      s.decideEscalation("legal_dossier", s.day(x.rng.int(121, 125)), "continue_amicable", "Important customer: keep trying amicably for another month.");
      s.call(s.day(126), "right_party_contact", "Told the debtor the client gives one more month before court action.");
    }
  },
};

/** Every scenario, in the order quotas are filled. */
export const SCENARIOS: readonly Scenario[] = [
  newlyPlaced,
  notified,
  inContact,
  negotiating,
  promised,
  arrangement,
  brokenPlan,
  paid,
  settled,
  withdrawn,
  uncollectable,
  legalHandover,
  disputed,
  insolvency,
  deceased,
  vulnerable,
  review,
  dossier,
];

/** `count` scenarios for a client: each fitting one at least once, the rest by share, in a shuffled order. */
export function scenarioPlan(rng: Rng, client: ClientKey, count: number): { scenario: Scenario; variant: number }[] {
  const fitting = SCENARIOS.filter((s) => !s.clients || s.clients.includes(client));
  const totalShare = fitting.reduce((sum, s) => sum + s.share, 0);
  const counts = fitting.map((s) => Math.max(1, Math.round((s.share / totalShare) * count)));
  // Rounding leaves a few over or under: adjust the biggest scenarios, which absorb it unnoticed.
  const bySize = fitting.map((_, i) => i).sort((a, b) => fitting[b]!.share - fitting[a]!.share);
  for (let i = 0; counts.reduce((a, b) => a + b, 0) !== count; i += 1) {
    const k = bySize[i % 3]!;
    counts[k]! += counts.reduce((a, b) => a + b, 0) > count ? -1 : 1;
  }
  const list = fitting.flatMap((scenario, i) => Array.from({ length: counts[i]! }, (_, variant) => ({ scenario, variant })));
  return rng.shuffle(list);
}
