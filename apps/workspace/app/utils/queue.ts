/**
 * The work queue's URL (filters live in the query string so a queue can be shared or bookmarked)
 * and its wording. Shared by the loader and the page.
 */
import type { ListWorkQueueInput } from "@recouvra/core";
import { QUEUE_AGE_BUCKETS, QUEUE_AMOUNT_BANDS, type QueueAgeBucket, type QueueAmountBand, type QueueReasonCode } from "@recouvra/domain";
import type { Tone } from "@recouvra/ui";

/** Stages an open case can be in, in process order (the queue never lists closed cases). */
export const QUEUE_STAGES = ["new", "notified", "in_contact", "negotiating", "arrangement", "promise"] as const;
type QueueStage = (typeof QUEUE_STAGES)[number];

/** Query-string names of the filters. */
export const QUEUE_PARAMS = { client: "client", stage: "stage", age: "age", amount: "amount", search: "q", page: "page" } as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PAGE_SIZE = 25;

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | undefined => (v !== null && (values as readonly string[]).includes(v) ? (v as T) : undefined);

/**
 * The use-case input a queue URL asks for. A value that is not one of the choices (an old bookmark,
 * a hand-edited link) is dropped rather than refused: the queue still opens, unfiltered on that point.
 */
export function queueInputFromUrl(params: URLSearchParams): Required<Pick<ListWorkQueueInput, "filters" | "page" | "limit">> {
  const client = params.get(QUEUE_PARAMS.client);
  const search = params.get(QUEUE_PARAMS.search)?.trim().slice(0, 100);
  const page = Number(params.get(QUEUE_PARAMS.page) ?? "1");
  return {
    filters: {
      clientId: client && UUID.test(client) ? client : undefined,
      stage: oneOf<QueueStage>(QUEUE_STAGES, params.get(QUEUE_PARAMS.stage)),
      ageBucket: oneOf<QueueAgeBucket>(QUEUE_AGE_BUCKETS, params.get(QUEUE_PARAMS.age)),
      amountBand: oneOf<QueueAmountBand>(QUEUE_AMOUNT_BANDS, params.get(QUEUE_PARAMS.amount)),
      search: search ? search : undefined,
    },
    page: Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1,
    limit: PAGE_SIZE,
  };
}

/** The same query string with `page` set (other filters kept), for the pager. */
export function queuePageHref(search: string, page: number): string {
  const params = new URLSearchParams(search);
  if (page <= 1) params.delete(QUEUE_PARAMS.page);
  else params.set(QUEUE_PARAMS.page, String(page));
  const query = params.toString();
  return query ? `/queue?${query}` : "/queue";
}

export const AGE_BUCKET_LABELS: Record<QueueAgeBucket, string> = {
  "0-30": "0–30 days",
  "31-60": "31–60 days",
  "61-90": "61–90 days",
  "91-120": "91–120 days",
  "120+": "Over 120 days",
};

export const AMOUNT_BAND_LABELS: Record<QueueAmountBand, string> = {
  "<100": "Under €100",
  "100-500": "€100–500",
  "500-2000": "€500–2,000",
  "2000+": "€2,000 and more",
};

/** Colour of each reason's badge; the words carry the meaning, the colour only repeats how pressing it is. */
export const REASON_TONES: Record<QueueReasonCode, Tone> = {
  portal_dispute: "critical",
  call_back: "critical",
  portal_message: "info",
  promise_missed: "critical",
  instalment_missed: "critical",
  promise_broken: "critical",
  promise_due: "caution",
  instalment_due: "caution",
  debtor_replied: "info",
  proposal_waiting: "info",
  new_not_contacted: "brand",
  high_balance_no_contact: "brand",
  review_overdue: "caution",
  review_soon: "neutral",
  hold_review: "neutral",
  follow_up_due: "neutral",
  balance: "neutral",
  vulnerable: "caution",
};

/** The reasons worth a badge: the balance is already its own column, so it shows only when it is the sole reason. */
export function visibleReasons<R extends { code: QueueReasonCode }>(reasons: readonly R[], max = 3): R[] {
  const meaningful = reasons.filter((r) => r.code !== "balance");
  return (meaningful.length > 0 ? meaningful : reasons).slice(0, max);
}

export const HOLD_LABELS: Record<string, string> = {
  disputed: "Disputed",
  insolvency: "Insolvency",
  deceased: "Deceased",
  vulnerable: "Vulnerable",
};
