/**
 * A debtor proposing a payment plan, or asking for a settlement, in the portal: reading the form into
 * terms, the acknowledgment of debt the debtor accepts (the exact words kept as evidence), the
 * fingerprint that ties an acceptance to the schedule that was shown, and when a referred proposal
 * gets its answer. The policy itself decides in `evaluateProposal` (policy.ts).
 */
import { addDays, compareDates, isIsoDate, isoWeekday, type IsoDate } from "./dates.ts";
import { formatMoney } from "./money.ts";
import { parseAmount } from "./placement-import.ts";
import type { PlanProposal } from "./policy.ts";
import type { Instalment } from "./schedule.ts";
import type { Locale, PlanFrequency } from "./vocabulary.ts";

/** Debtors propose monthly plans: it is how households budget, and the only rhythm the form offers. */
export const DEBTOR_PLAN_FREQUENCY: PlanFrequency = "monthly";
/** The most instalments a debtor may ask for (ten years of monthly payments); beyond it the form refuses. */
export const DEBTOR_PLAN_MAX_COUNT = 120;
/** The first payment date the form suggests, in days from today. */
export const DEBTOR_PLAN_DEFAULT_DELAY_DAYS = 7;
/** How far ahead a debtor may date a first payment or a settlement; later is not a proposal yet. */
export const DEBTOR_PROPOSAL_MAX_DAYS_AHEAD = 365;
/** Working days a case handler takes to answer a referred proposal. */
export const REFERRAL_ANSWER_WORKING_DAYS = 2;
/** Longest note a debtor may add to a settlement request. */
export const SETTLEMENT_MESSAGE_MAX_LENGTH = 1000;

/** What a debtor proposes: a monthly amount or a number of instalments, and the first payment date. */
export type DebtorPlanTerms =
  | { readonly mode: "amount"; readonly instalmentCents: number; readonly firstDueOn: IsoDate }
  | { readonly mode: "count"; readonly count: number; readonly firstDueOn: IsoDate };

/** The raw fields of the portal's plan form, as posted. */
export interface DebtorPlanForm {
  readonly mode?: string | null;
  readonly amount?: string | null;
  readonly count?: string | null;
  readonly firstDueOn?: string | null;
}

/** What the terms are checked against: the day, the balance and its currency. */
export interface DebtorProposalContext {
  readonly today: IsoDate;
  readonly balanceCents: number;
  readonly currency: string;
}

/** Why a field of the plan or settlement form cannot be used; the portal words each one. */
export type DebtorProposalProblem =
  | { readonly field: "mode"; readonly problem: "missing" }
  | { readonly field: "amount"; readonly problem: "missing" | "invalid" | "not_positive" }
  | { readonly field: "amount"; readonly problem: "too_small"; readonly minimumCents: number }
  | { readonly field: "amount"; readonly problem: "not_below_balance"; readonly balanceCents: number }
  | { readonly field: "count"; readonly problem: "missing" | "invalid" }
  | { readonly field: "count"; readonly problem: "too_high"; readonly maximum: number }
  | { readonly field: "firstDueOn" | "payOn"; readonly problem: "missing" | "invalid" | "in_past" }
  | { readonly field: "firstDueOn" | "payOn"; readonly problem: "too_late"; readonly latest: IsoDate }
  | { readonly field: "message"; readonly problem: "too_long"; readonly maximum: number };

export type DebtorFormResult<T> = { readonly ok: true; readonly terms: T } | { readonly ok: false; readonly problems: readonly DebtorProposalProblem[] };

const blank = (s: string | null | undefined) => (s ?? "").trim();

/** An amount typed by the debtor in the case's currency ("50", "50,00", "1 234,56 €"), or its problem. */
function readAmount(raw: string | null | undefined, currency: string): { cents: number } | { problem: "missing" | "invalid" | "not_positive" } {
  const typed = blank(raw);
  if (typed === "") return { problem: "missing" };
  const parsed = parseAmount(typed);
  if (!parsed.ok) return { problem: parsed.code === "AMOUNT_NOT_POSITIVE" ? "not_positive" : "invalid" };
  if (parsed.currency && parsed.currency !== currency.toUpperCase()) return { problem: "invalid" };
  if (parsed.cents <= 0) return { problem: "not_positive" };
  return { cents: parsed.cents };
}

/** The problem of a date the debtor chose (a first payment, a settlement's payment), or null. */
function dateProblem(field: "firstDueOn" | "payOn", date: string, today: IsoDate): DebtorProposalProblem | null {
  if (date === "") return { field, problem: "missing" };
  if (!isIsoDate(date)) return { field, problem: "invalid" };
  if (compareDates(date, today) < 0) return { field, problem: "in_past" };
  const latest = addDays(today, DEBTOR_PROPOSAL_MAX_DAYS_AHEAD);
  if (compareDates(date, latest) > 0) return { field, problem: "too_late", latest };
  return null;
}

/** The smallest monthly amount that pays `balanceCents` within the most instalments a debtor may ask for. */
export function minimumDebtorInstalmentCents(balanceCents: number): number {
  return Math.max(1, Math.ceil(balanceCents / DEBTOR_PLAN_MAX_COUNT));
}

/**
 * Every problem of terms already in figures (what the core use-cases receive): a first date from today
 * to a year ahead, a count from 1 to 120 (and no more than the balance has cents), an amount that pays
 * the balance in 120 instalments at most. Empty when the terms can go to the policy.
 */
export function debtorPlanTermsProblems(terms: DebtorPlanTerms, context: DebtorProposalContext): DebtorProposalProblem[] {
  const problems: DebtorProposalProblem[] = [];
  if (terms.mode === "amount") {
    if (!Number.isSafeInteger(terms.instalmentCents)) problems.push({ field: "amount", problem: "invalid" });
    else if (terms.instalmentCents <= 0) problems.push({ field: "amount", problem: "not_positive" });
    else if (terms.instalmentCents < minimumDebtorInstalmentCents(context.balanceCents)) {
      problems.push({ field: "amount", problem: "too_small", minimumCents: minimumDebtorInstalmentCents(context.balanceCents) });
    }
  } else if (terms.mode === "count") {
    const maximum = Math.max(1, Math.min(DEBTOR_PLAN_MAX_COUNT, context.balanceCents));
    if (!Number.isSafeInteger(terms.count) || terms.count < 1) problems.push({ field: "count", problem: "invalid" });
    else if (terms.count > maximum) problems.push({ field: "count", problem: "too_high", maximum });
  } else {
    problems.push({ field: "mode", problem: "missing" });
  }
  const date = dateProblem("firstDueOn", typeof terms.firstDueOn === "string" ? terms.firstDueOn.trim() : "", context.today);
  if (date) problems.push(date);
  return problems;
}

/**
 * The way the debtor meant: the one chosen, unless its field is empty and the other one is filled (a
 * form without JavaScript cannot switch the radio button when the debtor types in the other field).
 */
function intendedMode(form: DebtorPlanForm): string {
  const chosen = blank(form.mode);
  const hasAmount = blank(form.amount) !== "";
  const hasCount = blank(form.count) !== "";
  if (hasAmount !== hasCount && (chosen === "" || (chosen === "amount" && !hasAmount) || (chosen === "count" && !hasCount))) return hasAmount ? "amount" : "count";
  return chosen;
}

/** Reads the plan form: the chosen way (monthly amount or number of instalments), its figure, and the first date. */
export function parseDebtorPlanForm(form: DebtorPlanForm, context: DebtorProposalContext): DebtorFormResult<DebtorPlanTerms> {
  const mode = intendedMode(form);
  const firstDueOn = blank(form.firstDueOn);
  const problems: DebtorProposalProblem[] = [];
  let terms: DebtorPlanTerms | null = null;
  if (mode === "amount") {
    const amount = readAmount(form.amount, context.currency);
    if ("problem" in amount) problems.push({ field: "amount", problem: amount.problem });
    else terms = { mode, instalmentCents: amount.cents, firstDueOn };
  } else if (mode === "count") {
    const typed = blank(form.count);
    if (typed === "") problems.push({ field: "count", problem: "missing" });
    else if (!/^\d{1,6}$/.test(typed) || Number(typed) < 1) problems.push({ field: "count", problem: "invalid" });
    else terms = { mode, count: Number(typed), firstDueOn };
  } else {
    problems.push({ field: "mode", problem: "missing" });
  }
  if (terms) {
    problems.push(...debtorPlanTermsProblems(terms, context));
  } else {
    const date = dateProblem("firstDueOn", firstDueOn, context.today);
    if (date) problems.push(date);
  }
  return problems.length > 0 || !terms ? { ok: false, problems } : { ok: true, terms };
}

/** The proposal the policy evaluates for a debtor's terms: monthly, from their first date. */
export function debtorPlanProposal(terms: DebtorPlanTerms): PlanProposal {
  const base = { kind: "plan" as const, frequency: DEBTOR_PLAN_FREQUENCY, firstDueOn: terms.firstDueOn };
  return terms.mode === "amount" ? { ...base, instalmentCents: terms.instalmentCents } : { ...base, count: terms.count };
}

/** The first payment date the form offers by default. */
export function defaultDebtorFirstPaymentDate(today: IsoDate): IsoDate {
  return addDays(today, DEBTOR_PLAN_DEFAULT_DELAY_DAYS);
}

/** A lump sum the debtor offers in full and final settlement, the day they would pay it, and their note. */
export interface SettlementTerms {
  readonly amountCents: number;
  readonly payOn: IsoDate;
  readonly message?: string;
}

/** Every problem of settlement terms in figures: more than zero and less than the balance, a date within the year, a short note. */
export function settlementTermsProblems(terms: SettlementTerms, context: DebtorProposalContext): DebtorProposalProblem[] {
  const problems: DebtorProposalProblem[] = [];
  if (!Number.isSafeInteger(terms.amountCents)) problems.push({ field: "amount", problem: "invalid" });
  else if (terms.amountCents <= 0) problems.push({ field: "amount", problem: "not_positive" });
  else if (terms.amountCents >= context.balanceCents) problems.push({ field: "amount", problem: "not_below_balance", balanceCents: context.balanceCents });
  const date = dateProblem("payOn", typeof terms.payOn === "string" ? terms.payOn.trim() : "", context.today);
  if (date) problems.push(date);
  if (terms.message !== undefined && terms.message.length > SETTLEMENT_MESSAGE_MAX_LENGTH) {
    problems.push({ field: "message", problem: "too_long", maximum: SETTLEMENT_MESSAGE_MAX_LENGTH });
  }
  return problems;
}

/** Reads the settlement form: the amount offered, the day it would be paid, an optional note. */
export function parseSettlementForm(
  form: { readonly amount?: string | null; readonly payOn?: string | null; readonly message?: string | null },
  context: DebtorProposalContext,
): DebtorFormResult<SettlementTerms> {
  const amount = readAmount(form.amount, context.currency);
  const payOn = blank(form.payOn);
  const message = blank(form.message);
  const problems: DebtorProposalProblem[] = [];
  if ("problem" in amount) {
    problems.push({ field: "amount", problem: amount.problem });
    const date = dateProblem("payOn", payOn, context.today);
    if (date) problems.push(date);
    if (message.length > SETTLEMENT_MESSAGE_MAX_LENGTH) problems.push({ field: "message", problem: "too_long", maximum: SETTLEMENT_MESSAGE_MAX_LENGTH });
    return { ok: false, problems };
  }
  const terms: SettlementTerms = { amountCents: amount.cents, payOn, ...(message ? { message } : {}) };
  problems.push(...settlementTermsProblems(terms, context));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, terms };
}

/**
 * The day a referred proposal is answered by: `workingDays` working days after the day it was sent,
 * skipping Saturdays, Sundays and any day `isHoliday` names. Sent on a Friday, answered by Tuesday.
 */
export function referralAnswerDate(sentOn: IsoDate, options: { workingDays?: number; isHoliday?: (date: IsoDate) => boolean } = {}): IsoDate {
  const workingDays = options.workingDays ?? REFERRAL_ANSWER_WORKING_DAYS;
  if (!Number.isSafeInteger(workingDays) || workingDays < 1) throw new RangeError(`workingDays must be a whole number ≥ 1, got ${workingDays}`);
  let day = sentOn;
  for (let counted = 0; counted < workingDays; ) {
    day = addDays(day, 1);
    if (isoWeekday(day) <= 5 && !options.isHoliday?.(day)) counted += 1;
  }
  return day;
}

/** What the acknowledgment of debt names. */
export interface PlanAcknowledgmentInput {
  /** The language the debtor reads it in. */
  readonly language: Locale;
  /** BCP 47 tag for amounts and dates (e.g. "fr-BE", "nl-NL"). */
  readonly formatLocale: string;
  /** The creditor, as its legal name. */
  readonly creditorName: string;
  /** The debtor's name; left out of the sentence when empty. */
  readonly debtorName: string;
  readonly reference: string;
  readonly currency: string;
  readonly totalCents: number;
  readonly frequency: PlanFrequency;
  readonly schedule: readonly Instalment[];
}

/** Consecutive lines of a schedule with the same amount (and the same down-payment flag). */
interface Run {
  readonly count: number;
  readonly amountCents: number;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly isDownPayment: boolean;
}

function runsOf(schedule: readonly Instalment[]): Run[] {
  const runs: Run[] = [];
  for (const line of schedule) {
    const last = runs.at(-1);
    if (last && last.amountCents === line.amountCents && last.isDownPayment === line.isDownPayment) {
      runs[runs.length - 1] = { ...last, count: last.count + 1, to: line.dueOn };
    } else {
      runs.push({ count: 1, amountCents: line.amountCents, from: line.dueOn, to: line.dueOn, isDownPayment: line.isDownPayment });
    }
  }
  return runs;
}

interface AckWords {
  opening(debtor: string, creditor: string, total: string, reference: string): string;
  single(date: string): string;
  plan(count: number, frequency: PlanFrequency, runs: string): string;
  run(count: number, amount: string, from: string, to: string): string;
  one(amount: string, date: string): string;
  down(amount: string, date: string): string;
  then: string;
  closing: string;
}

const ACK_WORDS: Record<Locale, AckWords> = {
  fr: {
    opening: (debtor, creditor, total, reference) =>
      `${debtor ? `Je soussigné(e), ${debtor}, reconnais` : "Je reconnais"} devoir à ${creditor} la somme de ${total} (dossier ${reference}).`,
    single: (date) => `Je m'engage à la payer en une seule fois, le ${date}.`,
    plan: (count, frequency, runs) =>
      `Je m'engage à la payer en ${count} versements ${{ monthly: "mensuels", weekly: "hebdomadaires", biweekly: "toutes les deux semaines" }[frequency]} : ${runs}.`,
    run: (count, amount, from, to) => `${count} versements de ${amount} du ${from} au ${to}`,
    one: (amount, date) => `${amount} le ${date}`,
    down: (amount, date) => `un premier versement de ${amount} le ${date}`,
    then: ", puis ",
    closing: "En acceptant cet échéancier, je reconnais être redevable de cette dette.",
  },
  nl: {
    opening: (debtor, creditor, total, reference) =>
      `${debtor ? `Ik, ${debtor}, erken` : "Ik erken"} dat ik aan ${creditor} een bedrag van ${total} verschuldigd ben (dossier ${reference}).`,
    single: (date) => `Ik verbind mij ertoe dit bedrag in één keer te betalen op ${date}.`,
    plan: (count, frequency, runs) =>
      `Ik verbind mij ertoe dit bedrag te betalen in ${count} ${{ monthly: "maandelijkse", weekly: "wekelijkse", biweekly: "tweewekelijkse" }[frequency]} termijnen: ${runs}.`,
    run: (count, amount, from, to) => `${count} termijnen van ${amount} van ${from} tot en met ${to}`,
    one: (amount, date) => `${amount} op ${date}`,
    down: (amount, date) => `een eerste betaling van ${amount} op ${date}`,
    then: ", daarna ",
    closing: "Door deze betalingsregeling te aanvaarden, erken ik deze schuld.",
  },
  en: {
    opening: (debtor, creditor, total, reference) =>
      `${debtor ? `I, ${debtor}, acknowledge` : "I acknowledge"} that I owe ${creditor} the sum of ${total} (file ${reference}).`,
    single: (date) => `I undertake to pay it in a single payment on ${date}.`,
    plan: (count, frequency, runs) => `I undertake to pay it in ${count} ${{ monthly: "monthly", weekly: "weekly", biweekly: "fortnightly" }[frequency]} instalments: ${runs}.`,
    run: (count, amount, from, to) => `${count} instalments of ${amount} from ${from} to ${to}`,
    one: (amount, date) => `${amount} on ${date}`,
    down: (amount, date) => `a first payment of ${amount} on ${date}`,
    then: ", then ",
    closing: "By accepting this payment plan, I acknowledge this debt.",
  },
};

function longDate(date: IsoDate, formatLocale: string): string {
  // Noon UTC: a calendar date must read the same in every zone.
  return new Intl.DateTimeFormat(formatLocale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`));
}

/**
 * The acknowledgment of debt a debtor accepts with a plan, in their language: who owes whom how much on
 * which file, every run of instalments with its amount and dates, and that accepting acknowledges the
 * debt. The same input always gives the same text, so what is stored is exactly what was shown.
 */
export function planAcknowledgmentText(input: PlanAcknowledgmentInput): string {
  const words = ACK_WORDS[input.language];
  const money = (cents: number) => formatMoney(cents, input.currency, input.formatLocale);
  const date = (d: IsoDate) => longDate(d, input.formatLocale);
  if (input.schedule.length === 0) throw new RangeError("a plan has at least one instalment");
  const opening = words.opening(input.debtorName.trim(), input.creditorName, money(input.totalCents), input.reference);
  let body: string;
  if (input.schedule.length === 1) {
    body = words.single(date(input.schedule[0]!.dueOn));
  } else {
    const runs = runsOf(input.schedule).map((r) =>
      r.isDownPayment ? words.down(money(r.amountCents), date(r.from)) : r.count === 1 ? words.one(money(r.amountCents), date(r.from)) : words.run(r.count, money(r.amountCents), date(r.from), date(r.to)),
    );
    body = words.plan(input.schedule.length, input.frequency, runs.join(words.then));
  }
  return `${opening} ${body} ${words.closing}`;
}

/** What an offer fingerprint covers: the case, the money, every line of the schedule and the words accepted. */
export interface OfferFingerprintInput {
  readonly caseId: string;
  readonly currency: string;
  readonly totalCents: number;
  readonly frequency: PlanFrequency;
  readonly schedule: readonly Instalment[];
  readonly acknowledgmentText: string;
}

// 64-bit FNV-1a over the UTF-8 bytes. Not a security measure (the server recomputes the offer anyway);
// it tells whether the offer recomputed now is the one the debtor read.
const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = (1n << 64n) - 1n;

function fnv1a64(text: string): string {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK_64;
  }
  return hash.toString(16).padStart(16, "0");
}

/** A short stable fingerprint of an offer ("v1-" and 16 hex digits): equal offers, equal fingerprints. */
export function offerFingerprint(input: OfferFingerprintInput): string {
  const canonical = JSON.stringify([
    "plan-offer/v1",
    input.caseId,
    input.currency.toUpperCase(),
    input.totalCents,
    input.frequency,
    input.schedule.map((l) => [l.seq, l.dueOn, l.amountCents, l.isDownPayment]),
    input.acknowledgmentText,
  ]);
  return `v1-${fnv1a64(canonical)}`;
}
