/**
 * Words and small formatters of the case list and case file. Dates are formatted in the agency's zone so
 * the server and the browser render the same text (no hydration mismatch).
 */
import type { TimelineKind } from "@recouvra/core";
import type { CaseHold, ClosureReason, LedgerComponent, LedgerKind } from "@recouvra/domain";

export const AGENCY_TIME_ZONE = "Europe/Paris";

export const HOLD_LABELS: Record<CaseHold, string> = {
  disputed: "Disputed",
  insolvency: "Insolvency",
  deceased: "Deceased",
  vulnerable: "Vulnerable debtor",
};

export const CLOSURE_LABELS: Record<ClosureReason, string> = {
  paid: "Paid in full",
  settled: "Settled",
  withdrawn: "Withdrawn by the client",
  uncollectable: "Uncollectable",
  legal_handover: "Handed over for legal action",
};

export const COMPONENT_LABELS: Record<LedgerComponent, string> = {
  principal: "Principal",
  interest: "Interest",
  costs: "Costs",
  fees: "Fees",
};

/** Fill colours of the balance bar and its legend (text stays ink: the colour only repeats the label). */
export const COMPONENT_COLOURS: Record<LedgerComponent, string> = {
  principal: "bg-brand-700",
  interest: "bg-info-600",
  costs: "bg-caution-600",
  fees: "bg-ink-500",
};

export const LEDGER_KIND_LABELS: Record<LedgerKind, string> = {
  placed: "Placed",
  accrued: "Interest accrued",
  charged: "Charged",
  payment: "Payment",
  adjustment: "Adjustment",
  write_off: "Written off",
  reversal: "Reversal",
};

export const TIMELINE_KIND_LABELS: Record<TimelineKind, string> = {
  interaction: "Calls & contacts",
  message: "Messages",
  payment: "Payments",
  stage: "Stage & holds",
  note: "Notes",
  promise: "Promises",
  plan: "Plans",
  dispute: "Disputes",
  escalation: "Escalations",
  contact: "Contact details",
};

/** The timeline kinds in the order the filter chips show them (core's list is server code: not in the browser bundle). */
export const TIMELINE_KIND_ORDER = Object.keys(TIMELINE_KIND_LABELS) as TimelineKind[];

const NEXT_ACTION_LABELS: Record<string, string> = {
  send_notice: "Send the formal notice",
  check_promise: "Check the promised payment",
  check_instalment: "Check the next instalment",
  review_dispute: "Review the dispute",
  review_hold: "Review the hold",
  review: "90-day review",
  legal_dossier: "Prepare the legal dossier",
  call: "Call the debtor",
  email: "Send a reminder email",
  sms: "Send a reminder SMS",
  letter: "Send a reminder letter",
  portal_dispute: "Look at the debtor's dispute from the portal",
  answer_portal_message: "Answer the debtor's portal message",
  call_back: "Call the debtor back (asked in the portal)",
};

/** What the next scheduled action is, in words. */
export function nextActionLabel(kind: string): string {
  return NEXT_ACTION_LABELS[kind] ?? humanise(kind);
}

/** "right_party_contact" → "Right party contact". */
export function humanise(s: string): string {
  const text = s.replaceAll("_", " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The staff actions on a case; each is a nested route `/cases/:caseId/<slug>` rendered in the actions panel. */
export const CASE_ACTIONS = [
  { slug: "log-call", label: "Log a call or visit" },
  { slug: "note", label: "Add a note" },
  { slug: "message", label: "Send a letter, email or SMS" },
  { slug: "documents", label: "Add a document" },
  { slug: "promise", label: "Record a promise" },
  { slug: "plan", label: "Payment plan" },
  { slug: "payment", label: "Record a payment" },
  { slug: "dispute", label: "Dispute" },
  { slug: "hold", label: "Holds" },
  { slug: "reassign", label: "Reassign" },
  { slug: "close", label: "Close the case" },
] as const;

/** A calendar date (YYYY-MM-DD) for people, e.g. "15 Mar 2027". */
export function formatDay(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`));
}

/** An instant for people, in the agency's zone, e.g. "15 Mar 2027, 09:42". */
export function formatInstant(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: AGENCY_TIME_ZONE }).format(new Date(iso));
}

/** "1 day" / "12 days". */
export function days(n: number): string {
  return `${n} day${n === 1 ? "" : "s"}`;
}

/** A file size for people. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 102.4) / 10} KB`;
  return `${Math.round(n / 104857.6) / 10} MB`;
}

/** The `show` parameter of the case page after toggling `kind` in or out of the timeline filter. */
export function toggleTimelineKind(current: readonly TimelineKind[], kind: TimelineKind): TimelineKind[] {
  return current.includes(kind) ? current.filter((k) => k !== kind) : [...current, kind];
}
