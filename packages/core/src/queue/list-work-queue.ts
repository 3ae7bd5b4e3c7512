/**
 * The agent's work queue: open cases in the actor's scope, most pressing first, each with the reasons.
 *
 * How it stays fast at a million open cases. Nothing here scans the open cases:
 *  1. A bounded candidate set is gathered, each branch walking one index and stopping at `WINDOW` rows:
 *     - the stored order, `cases_queue_team_idx` / `cases_queue_assignee_idx` (partial, stage <> 'closed':
 *       team or assignee, priority_score desc, next_action_on) — the actor's scope supplies the leading
 *       column, so this is an index scan that stops after WINDOW matching rows;
 *     - what fell due by date and may not be reflected in the stored score yet: pending promises due in
 *       the last 30 days (`promises_due_idx`), unsettled instalments due in the last 30 days
 *       (`instalments_due_idx`), proposals awaiting a decision (`arrangements_pending_idx`), reviews due
 *       within two weeks or overdue by up to 30 days (`cases_review_due_idx`);
 *     - next actions that fell due in the last 30 days, freshest first (`cases_next_action_idx`): what a
 *       debtor asked for in the portal today (a dispute, a message, a call back on the day they chose)
 *       sets the next action to that day, so this branch finds it whatever the stored score says;
 *     - with a search, the four search indexes instead (reference, lower(last/company name),
 *       lower(contact value), lower(invoice number), all prefix) and no window branches.
 *  2. The facts of those candidates (≤ a few thousand) are read with correlated subqueries, each on a
 *     per-case index (`promises_case_idx`, `arrangements_case_idx`, `interactions_case_idx`, …).
 *  3. The domain scores them (`prioritiseCase`) and they are sorted; pages are cut from that ranking.
 * So the cost depends on WINDOW, never on the number of open cases. What the date branches cannot see
 * (a debtor's inbound reply) reaches the top through `priority_score`, which the use-cases that record
 * such facts, and a daily worker pass, keep in step with the domain's score.
 */
import { arrangements, auditEvents, cases, claims, clients, contactPoints, debtors, disputes, instalments, interactions, messages, promises } from "@recouvra/db";
import {
  addDays,
  ageBucketBounds,
  amountBandBounds,
  compareQueueEntries,
  daysBetween,
  DomainError,
  HOLDS_THAT_STOP_CONTACT,
  prioritiseCase,
  QUEUE_AGE_BUCKETS,
  QUEUE_AMOUNT_BANDS,
  type CaseHold,
  type CaseStage,
  type ContactTimeSlot,
  type DisputeReason,
  type IsoDate,
  type QueueAgeBucket,
  type QueueAmountBand,
  type QueueReason,
} from "@recouvra/domain";
import { and, asc, eq, gte, lt, lte, ne, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { assertStaffOrSystem } from "../access.ts";
import { CONVERSATION_OUTCOMES } from "../cases/actions/log-interaction.ts";
import { today as todayOf, type Ctx } from "../context.ts";
import { caseScope, isUuid } from "../scope.ts";

/** How many candidates each index branch may contribute; bounds the work of one request. */
export const QUEUE_WINDOW = 300;
/** Reasons that fell due by date are looked for this far back. */
const DUE_LOOKBACK_DAYS = 30;
const REVIEW_HORIZON_DAYS = 14;

const OPEN_STAGES = ["new", "notified", "in_contact", "negotiating", "arrangement", "promise"] as const;

export const ListWorkQueueInputSchema = z.object({
  filters: z
    .object({
      clientId: z.string().refine(isUuid, "Choose a client from the list").optional(),
      stage: z.enum(OPEN_STAGES).optional(),
      ageBucket: z.enum(QUEUE_AGE_BUCKETS).optional(),
      amountBand: z.enum(QUEUE_AMOUNT_BANDS).optional(),
      search: z.string().trim().max(100, "Search for at most 100 characters").optional(),
    })
    .default({}),
  /** 1-based page of the ranking. */
  page: z.number().int().min(1).default(1),
  limit: z.number().int().min(1).max(100).default(25),
});
export type ListWorkQueueInput = z.input<typeof ListWorkQueueInputSchema>;
export type WorkQueueFilters = z.output<typeof ListWorkQueueInputSchema>["filters"];

/** One row of the queue. */
export interface WorkQueueRow {
  caseId: string;
  reference: string;
  debtorName: string;
  clientId: string;
  clientName: string;
  stage: CaseStage;
  holds: CaseHold[];
  balanceCents: number;
  currency: string;
  daysSincePlacement: number;
  nextAction: { on: IsoDate; kind: string | null } | null;
  score: number;
  reasons: QueueReason[];
}

export interface WorkQueue {
  today: IsoDate;
  rows: WorkQueueRow[];
  page: number;
  limit: number;
  /** Entries in the ranked candidate set (the queue as far as it is ranked), across all pages. */
  total: number;
  hasNextPage: boolean;
  filters: WorkQueueFilters;
  /** The agency's active clients, for the client filter. */
  clientOptions: { id: string; name: string }[];
}

/** LIKE pattern matching values that start with `s`, its wildcards taken literally. */
function prefixPattern(s: string): string {
  return `${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Conditions on `cases` for the filters other than search (shared by every candidate branch). */
function filterConditions(filters: WorkQueueFilters, day: IsoDate): SQL[] {
  const out: SQL[] = [];
  if (filters.clientId) out.push(eq(cases.clientId, filters.clientId));
  if (filters.stage) out.push(eq(cases.stage, filters.stage));
  if (filters.ageBucket) {
    const { minDays, maxDays } = ageBucketBounds(filters.ageBucket as QueueAgeBucket);
    out.push(lte(cases.placedOn, addDays(day, -minDays)));
    if (maxDays !== null) out.push(gte(cases.placedOn, addDays(day, -maxDays)));
  }
  if (filters.amountBand) {
    const { minCents, maxCents } = amountBandBounds(filters.amountBand as QueueAmountBand);
    if (minCents !== null) out.push(gte(cases.balanceCents, minCents));
    if (maxCents !== null) out.push(lt(cases.balanceCents, maxCents));
  }
  return out;
}

/** Case ids matching a search, through the four prefix indexes; each branch bounded, in scope, filtered. */
function searchCandidates(search: string, where: SQL): SQL {
  const lowered = prefixPattern(search.toLowerCase());
  const reference = prefixPattern(search.toUpperCase());
  // Phone numbers are stored in E.164: "+32 470 12 34 56" is searched without its separators.
  const phone = /^\+?[\d\s./-]+$/.test(search) ? prefixPattern(search.replace(/[\s./-]/g, "")) : lowered;
  // The range lets the plain unique index on reference serve the prefix (LIKE alone cannot use it unless
  // the database collation is exactly "C"); the LIKE keeps the answer right under any collation.
  const upper = search.toUpperCase();
  const after = upper.slice(0, -1) + String.fromCodePoint(upper.codePointAt(upper.length - 1)! + 1);
  return sql`(select ${cases.id} from ${cases}
      where ${cases.reference} >= ${upper} and ${cases.reference} < ${after} and ${cases.reference} like ${reference} and ${where} limit ${QUEUE_WINDOW})
    union (select ${cases.id} from ${debtors} join ${cases} on ${cases.debtorId} = ${debtors.id}
      where (lower(${debtors.lastName}) like ${lowered} or lower(${debtors.companyName}) like ${lowered}) and ${where} limit ${QUEUE_WINDOW})
    union (select ${cases.id} from ${contactPoints} join ${cases} on ${cases.debtorId} = ${contactPoints.debtorId}
      where (lower(${contactPoints.value}) like ${lowered} or lower(${contactPoints.value}) like ${phone}) and ${where} limit ${QUEUE_WINDOW})
    union (select ${cases.id} from ${claims} join ${cases} on ${cases.id} = ${claims.caseId}
      where lower(${claims.invoiceNumber}) like ${lowered} and ${where} limit ${QUEUE_WINDOW})`;
}

/** Case ids worth ranking today: the stored order's head plus what fell due by date (see the header). */
function windowCandidates(where: SQL, day: IsoDate): SQL {
  const from = addDays(day, -DUE_LOOKBACK_DAYS);
  return sql`(select ${cases.id} from ${cases} where ${where}
      order by ${cases.priorityScore} desc nulls last, ${cases.nextActionOn} asc nulls last limit ${QUEUE_WINDOW})
    union (select ${cases.id} from ${promises} join ${cases} on ${cases.id} = ${promises.caseId}
      where ${promises.status} = 'pending' and ${promises.dueOn} between ${from} and ${day} and ${where} limit ${QUEUE_WINDOW})
    union (select ${cases.id} from ${instalments} join ${arrangements} on ${arrangements.id} = ${instalments.arrangementId}
      join ${cases} on ${cases.id} = ${arrangements.caseId}
      where ${instalments.status} in ('scheduled', 'partially_paid') and ${instalments.dueOn} between ${from} and ${day}
        and ${arrangements.status} in ('accepted', 'active') and ${where} limit ${QUEUE_WINDOW})
    union (select ${cases.id} from ${arrangements} join ${cases} on ${cases.id} = ${arrangements.caseId}
      where ${arrangements.status} in ('proposed', 'countered') and ${arrangements.proposedBy} = 'debtor' and ${where} limit ${QUEUE_WINDOW})
    union (select ${cases.id} from ${cases}
      where ${cases.reviewDueOn} between ${from} and ${addDays(day, REVIEW_HORIZON_DAYS)} and ${where} limit ${QUEUE_WINDOW})
    union (select ${cases.id} from ${cases}
      where ${cases.nextActionOn} between ${from} and ${day} and ${where}
      order by ${cases.nextActionOn} desc limit ${QUEUE_WINDOW})`;
}

const text = (x: SQL) => sql<string | null>`(${x})::text`;

/**
 * The work queue of the signed-in agency user (agents and supervisors: their team's cases; admins:
 * every case), ranked by the domain's prioritisation, with the filter options. Client users and
 * debtors have no queue (FORBIDDEN; the workspace answers 404).
 */
export async function listWorkQueue({ ctx, input = {} }: { ctx: Ctx; input?: ListWorkQueueInput }): Promise<WorkQueue> {
  assertStaffOrSystem(ctx.actor, "the work queue");
  const parsed = ListWorkQueueInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainError("VALIDATION", issue.message, { field: issue.path.join(".") });
  }
  const { filters, page, limit } = parsed.data;
  const search = filters.search ? filters.search : undefined;
  const day = todayOf(ctx.clock);
  const scope = caseScope(ctx.actor);

  // A held case (dispute, insolvency, death) is only listed when its review is due (domain/queue.ts).
  const stopping = sql.raw(`ARRAY[${HOLDS_THAT_STOP_CONTACT.map((h) => `'${h}'`).join(", ")}]::text[]`);
  const where = and(
    ne(cases.stage, "closed"),
    scope,
    sql`(not (${cases.holds} && ${stopping}) or ${cases.nextActionOn} <= ${day})`,
    ...filterConditions(filters, day),
  )!;
  const candidates = search ? searchCandidates(search, where) : windowCandidates(where, day);

  const lastAgentContact = sql`(select max(${interactions.occurredAt}) from ${interactions}
    where ${interactions.caseId} = ${cases.id} and ${interactions.direction} = 'outbound' and ${interactions.userId} is not null)`;
  // A call-back request is answered by an agent speaking with the debtor on the phone, either way round.
  const conversations = sql.raw(`ARRAY[${CONVERSATION_OUTCOMES.map((o) => `'${o}'`).join(", ")}]::text[]`);
  const lastPhoneConversation = sql`(select max(${interactions.occurredAt}) from ${interactions}
    where ${interactions.caseId} = ${cases.id} and ${interactions.channel} = 'phone' and ${interactions.userId} is not null
      and ${interactions.outcome} = any(${conversations}))`;
  // The debtor's portal messages since an agent last contacted them (a portal answer included).
  const portalMessageSince = text(sql`select (min(${interactions.occurredAt}) at time zone 'Europe/Paris')::date from ${interactions}
      where ${interactions.caseId} = ${cases.id} and ${interactions.channel} = 'portal' and ${interactions.direction} = 'inbound'
        and ${interactions.outcome} = 'replied' and ${interactions.occurredAt} > coalesce(${lastAgentContact}, '-infinity'::timestamptz)
        and ${interactions.occurredAt} >= ${addDays(day, -DUE_LOOKBACK_DAYS)}::date`);
  const openDisputeReason = sql`(select ${disputes.reason} from ${disputes} where ${disputes.caseId} = ${cases.id} and ${disputes.status} = 'open' limit 1)`;
  const callBackRequest = (key: "on" | "slot") =>
    text(sql`select ${auditEvents.data}->>${key} from ${auditEvents}
      where ${auditEvents.caseId} = ${cases.id} and ${auditEvents.action} = 'portal.call_back_requested'
        and ${auditEvents.occurredAt} > coalesce(${lastPhoneConversation}, '-infinity'::timestamptz)
      order by ${auditEvents.occurredAt} desc limit 1`);
  const rows = await ctx.db
    .select({
      caseId: cases.id,
      reference: cases.reference,
      firstName: debtors.firstName,
      lastName: debtors.lastName,
      companyName: debtors.companyName,
      clientId: clients.id,
      clientName: clients.name,
      stage: cases.stage,
      holds: cases.holds,
      balanceCents: cases.balanceCents,
      currency: cases.currency,
      placedOn: cases.placedOn,
      noticeSentOn: cases.noticeSentOn,
      firstContactOn: cases.firstContactOn,
      nextActionOn: cases.nextActionOn,
      nextActionKind: cases.nextActionKind,
      reviewDueOn: cases.reviewDueOn,
      promiseDueOn: text(sql`select min(${promises.dueOn}) from ${promises} where ${promises.caseId} = ${cases.id} and ${promises.status} = 'pending'`),
      promiseBrokenOn: text(
        sql`select max((${promises.resolvedAt} at time zone 'Europe/Paris')::date) from ${promises} where ${promises.caseId} = ${cases.id} and ${promises.status} = 'broken'`,
      ),
      instalmentDueOn: text(sql`select min(${instalments.dueOn}) from ${arrangements} join ${instalments} on ${instalments.arrangementId} = ${arrangements.id}
        where ${arrangements.caseId} = ${cases.id} and ${arrangements.status} in ('accepted', 'active')
          and ${instalments.status} in ('scheduled', 'partially_paid', 'missed')`),
      // The debtor got in touch (portal, reply, inbound call or message) after the agent last did.
      inboundWaitingSince: text(sql`select (min(at) at time zone 'Europe/Paris')::date from (
          select ${interactions.occurredAt} as at from ${interactions}
            where ${interactions.caseId} = ${cases.id} and ${interactions.direction} = 'inbound'
          union all
          select ${messages.createdAt} from ${messages} where ${messages.caseId} = ${cases.id} and ${messages.direction} = 'inbound'
        ) inbound where at > coalesce(${lastAgentContact}, '-infinity'::timestamptz) and at >= ${addDays(day, -DUE_LOOKBACK_DAYS)}::date`),
      proposalWaitingSince: text(
        sql`select (min(${arrangements.createdAt}) at time zone 'Europe/Paris')::date from ${arrangements}
          where ${arrangements.caseId} = ${cases.id} and ${arrangements.status} = 'proposed' and ${arrangements.proposedBy} = 'debtor'`,
      ),
      // What the debtor asked for in the portal since an agent last answered (a portal dispute is its next action).
      portalDisputeReason: text(openDisputeReason),
      portalMessageSince,
      callBackOn: callBackRequest("on"),
      callBackSlot: callBackRequest("slot"),
    })
    .from(cases)
    .innerJoin(debtors, eq(debtors.id, cases.debtorId))
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .where(and(where, sql`${cases.id} in (${candidates})`));
  // (The ORDER BY above spells `desc nulls last` exactly as the index does, or PostgreSQL sorts instead.)

  const ranked = rows
    .map((r) => {
      const priority = prioritiseCase(
        {
          stage: r.stage as CaseStage,
          holds: r.holds as CaseHold[],
          balanceCents: r.balanceCents,
          currency: r.currency,
          placedOn: r.placedOn,
          noticeSentOn: r.noticeSentOn,
          firstContactOn: r.firstContactOn,
          nextActionOn: r.nextActionOn,
          nextActionKind: r.nextActionKind,
          reviewDueOn: r.reviewDueOn,
          promiseDueOn: r.promiseDueOn,
          promiseBrokenOn: r.promiseBrokenOn,
          instalmentDueOn: r.instalmentDueOn,
          inboundWaitingSince: r.inboundWaitingSince,
          proposalWaitingSince: r.proposalWaitingSince,
          portalDisputeReason: r.portalDisputeReason as DisputeReason | null,
          portalMessageSince: r.portalMessageSince,
          callBackOn: r.callBackOn,
          callBackSlot: r.callBackSlot as ContactTimeSlot | null,
        },
        day,
      );
      return { r, priority };
    })
    .filter(({ priority }) => priority.isListed)
    .map(({ r, priority }) => ({
      caseId: r.caseId,
      reference: r.reference,
      debtorName: debtorName(r),
      clientId: r.clientId,
      clientName: r.clientName,
      stage: r.stage as CaseStage,
      holds: r.holds as CaseHold[],
      balanceCents: r.balanceCents,
      currency: r.currency,
      daysSincePlacement: daysBetween(r.placedOn, day),
      nextAction: r.nextActionOn ? { on: r.nextActionOn, kind: r.nextActionKind } : null,
      score: priority.score,
      reasons: [...priority.reasons],
      nextActionOn: r.nextActionOn,
    }))
    .sort(compareQueueEntries);

  const start = (page - 1) * limit;
  const clientOptions = await listClientOptions(ctx);
  return {
    today: day,
    rows: ranked.slice(start, start + limit).map(({ nextActionOn: _, ...row }) => row),
    page,
    limit,
    total: ranked.length,
    hasNextPage: ranked.length > start + limit,
    filters,
    clientOptions,
  };
}

function debtorName(r: { firstName: string | null; lastName: string | null; companyName: string | null }): string {
  if (r.companyName) return r.companyName;
  return [r.firstName, r.lastName].filter(Boolean).join(" ");
}

/**
 * The client filter's choices: the agency's active clients. Clients are few and staff know them all;
 * narrowing to "clients with open cases in my team" would need an index on (team_id, client_id) of open
 * cases that does not exist (an EXISTS per client walks that client's cases: ~1 s at a million).
 */
async function listClientOptions(ctx: Ctx): Promise<{ id: string; name: string }[]> {
  return ctx.db.select({ id: clients.id, name: clients.name }).from(clients).where(eq(clients.isActive, true)).orderBy(asc(clients.name));
}

/**
 * The case to open after `caseId` in the actor's queue (with the same filters), or null at the end;
 * for "next case" on the case page. An id not in the ranked queue gives its head.
 */
export async function nextCaseAfter({ ctx, input }: { ctx: Ctx; input: { caseId: string; filters?: ListWorkQueueInput["filters"] } }): Promise<string | null> {
  const queue = await listWorkQueue({ ctx, input: { filters: input.filters, page: 1, limit: 100 } });
  const at = queue.rows.findIndex((r) => r.caseId === input.caseId);
  if (at === -1) return queue.rows[0]?.caseId ?? null;
  return queue.rows[at + 1]?.caseId ?? null;
}
