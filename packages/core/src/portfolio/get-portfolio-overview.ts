import { cases, clients, ledgerEntries, payments } from "@recouvra/db";
import { addMonths, CASE_STAGES, DomainError, QUEUE_AGE_BUCKETS, ageBucketBounds, type CaseStage, type IsoDate, type QueueAgeBucket } from "@recouvra/domain";
import { and, asc, eq, gte, sql } from "drizzle-orm";
import { z } from "zod";
import { today, type Ctx } from "../context.ts";
import { caseScope, isUuid } from "../scope.ts";

/** Ages of a case since placement: the same buckets the work queue filters by. */
export const AGE_BUCKETS = QUEUE_AGE_BUCKETS;
export type AgeBucket = QueueAgeBucket;

export const GetPortfolioOverviewInputSchema = z.object({
  /** Staff may narrow to one client; a client user always sees its own. */
  clientId: z.string().refine(isUuid, "clientId must be a client id").optional(),
});
export type GetPortfolioOverviewInput = z.input<typeof GetPortfolioOverviewInputSchema>;

export interface PortfolioOverview {
  today: IsoDate;
  currency: string;
  /** Clients the actor may look at (one for a client user), for the filter. */
  clients: { id: string; name: string }[];
  clientId: string | null;
  casesPlaced: number;
  openCases: number;
  closedCases: number;
  /** Principal placed for collection (the claims), in cents. */
  placedCents: number;
  /** Payments received, whoever received them (reversed ones excluded). */
  collectedCents: number;
  /** What open cases still owe now. */
  outstandingCents: number;
  /** collected / placed, 0–1; null when nothing was placed. */
  recoveryRate: number | null;
  openByStage: { stage: Exclude<CaseStage, "closed">; count: number }[];
  openByAge: { bucket: AgeBucket; count: number; outstandingCents: number }[];
  /** The last six calendar months, oldest first, the current month included. */
  collectedByMonth: { month: string; collectedCents: number }[];
}

/**
 * Where a creditor's money stands: placed, collected, outstanding, recovery rate, open cases by stage
 * and by age, and collections month by month. Client users see their own client only; staff see every
 * client in their scope, or one.
 */
export async function getPortfolioOverview({ ctx, input = {} }: { ctx: Ctx; input?: GetPortfolioOverviewInput }): Promise<PortfolioOverview> {
  const parsed = GetPortfolioOverviewInputSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("VALIDATION", parsed.error.issues[0]!.message, { field: String(parsed.error.issues[0]!.path[0]) });
  if (ctx.actor.kind === "debtor") throw new DomainError("FORBIDDEN", "The portfolio is for creditors and the agency.");
  const { db } = ctx;
  const day = today(ctx.clock);

  const ownClientId = ctx.actor.kind === "user" && ctx.actor.role === "client" ? (ctx.actor.clientId ?? null) : null;
  const clientId = ownClientId ?? parsed.data.clientId ?? null;
  const scope = and(caseScope(ctx.actor), clientId ? eq(cases.clientId, clientId) : undefined);

  const visibleClients = await db
    .selectDistinct({ id: clients.id, name: clients.name })
    .from(clients)
    .innerJoin(cases, eq(cases.clientId, clients.id))
    .where(caseScope(ctx.actor))
    .orderBy(asc(clients.name));
  // Another client's id (or an unknown one) is simply not in scope: answer as for an unknown id.
  if (clientId && ownClientId === null && !visibleClients.some((c) => c.id === clientId)) {
    throw new DomainError("NOT_FOUND", "This client does not exist or is not yours to see.");
  }
  const firstMonth = addMonths(`${day.slice(0, 7)}-01`, -5);

  const ageDays = sql<number>`(${day}::date - ${cases.placedOn})`;
  // One CASE arm per bucket, from the domain's bounds, so the portfolio and the queue never disagree.
  const arms = AGE_BUCKETS.map((b) => {
    const { maxDays } = ageBucketBounds(b);
    return maxDays === null ? sql`else ${b}` : sql`when ${ageDays} <= ${sql.raw(String(maxDays))} then ${b}`;
  });
  const bucket = sql<AgeBucket>`case ${sql.join(arms, sql` `)} end`;

  const [totals, byStage, byAge, placed, collected, monthly] = await Promise.all([
    db
      .select({
        placedCases: sql<number>`count(*)::int`,
        openCases: sql<number>`(count(*) filter (where ${cases.stage} <> 'closed'))::int`,
        outstanding: sql<string>`coalesce(sum(${cases.balanceCents}) filter (where ${cases.stage} <> 'closed'), 0)`,
      })
      .from(cases)
      .where(scope),
    db
      .select({ stage: cases.stage, count: sql<number>`count(*)::int` })
      .from(cases)
      .where(and(scope, sql`${cases.stage} <> 'closed'`))
      .groupBy(cases.stage),
    db
      .select({ bucket, count: sql<number>`count(*)::int`, outstanding: sql<string>`coalesce(sum(${cases.balanceCents}), 0)` })
      .from(cases)
      .where(and(scope, sql`${cases.stage} <> 'closed'`))
      .groupBy(sql`1`),
    db
      .select({ total: sql<string>`coalesce(sum(${ledgerEntries.amountCents}), 0)` })
      .from(ledgerEntries)
      .innerJoin(cases, eq(cases.id, ledgerEntries.caseId))
      .where(and(scope, eq(ledgerEntries.kind, "placed"), eq(ledgerEntries.component, "principal"))),
    db
      .select({ total: sql<string>`coalesce(sum(${payments.amountCents}), 0)` })
      .from(payments)
      .innerJoin(cases, eq(cases.id, payments.caseId))
      .where(and(scope, eq(payments.status, "succeeded"))),
    db
      .select({ month: sql<string>`to_char(${payments.receivedAt} at time zone 'Europe/Paris', 'YYYY-MM')`, total: sql<string>`sum(${payments.amountCents})` })
      .from(payments)
      .innerJoin(cases, eq(cases.id, payments.caseId))
      .where(and(scope, eq(payments.status, "succeeded"), gte(payments.receivedAt, sql`(${firstMonth}::date::timestamp at time zone 'Europe/Paris')`)))
      .groupBy(sql`1`),
  ]);

  const row = totals[0]!;
  const placedCents = Number(placed[0]?.total ?? 0);
  const collectedCents = Number(collected[0]?.total ?? 0);
  const stageCounts = new Map(byStage.map((s) => [s.stage, s.count]));
  const ageRows = new Map(byAge.map((a) => [a.bucket, a]));
  const monthTotals = new Map(monthly.map((m) => [m.month, Number(m.total)]));

  return {
    today: day,
    currency: "EUR",
    clients: visibleClients,
    clientId,
    casesPlaced: row.placedCases,
    openCases: row.openCases,
    closedCases: row.placedCases - row.openCases,
    placedCents,
    collectedCents,
    outstandingCents: Number(row.outstanding),
    recoveryRate: placedCents > 0 ? collectedCents / placedCents : null,
    openByStage: CASE_STAGES.filter((s): s is Exclude<CaseStage, "closed"> => s !== "closed").map((stage) => ({ stage, count: stageCounts.get(stage) ?? 0 })),
    openByAge: AGE_BUCKETS.map((b) => ({ bucket: b, count: ageRows.get(b)?.count ?? 0, outstandingCents: Number(ageRows.get(b)?.outstanding ?? 0) })),
    collectedByMonth: Array.from({ length: 6 }, (_, i) => {
      const month = addMonths(firstMonth, i).slice(0, 7);
      return { month, collectedCents: monthTotals.get(month) ?? 0 };
    }),
  };
}
