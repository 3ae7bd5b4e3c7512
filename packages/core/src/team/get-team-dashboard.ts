import { cases, interactions, payments, promises, teams, users } from "@recouvra/db";
import { addDays, DomainError, isoWeekday, type IsoDate } from "@recouvra/domain";
import { and, asc, eq, gte, inArray, ne, sql } from "drizzle-orm";
import { today, type Ctx } from "../context.ts";

/** One agent's day and month, as a supervisor reads them. */
export interface AgentLine {
  userId: string;
  displayName: string;
  teamName: string | null;
  openCases: number;
  /** Calls and visits the agent logged today (agency time). */
  contactsToday: number;
  rightPartyContactsToday: number;
  /** Promises this agent took that fell due in the last 30 days, by outcome. */
  promisesKept: number;
  promisesBroken: number;
  /** Payments received this week / month on the cases the agent holds. */
  collectedWeekCents: number;
  collectedMonthCents: number;
}

export interface TeamDashboard {
  today: IsoDate;
  weekStart: IsoDate;
  monthStart: IsoDate;
  agents: AgentLine[];
  totals: Omit<AgentLine, "userId" | "displayName" | "teamName">;
}

/**
 * The supervisor's view of the team: cases per agent, contacts today, promises kept and broken,
 * amounts collected this week and month. Supervisors see their team (every team when they lead none);
 * admins see everyone; nobody else.
 */
export async function getTeamDashboard({ ctx }: { ctx: Ctx }): Promise<TeamDashboard> {
  const actor = ctx.actor;
  if (actor.kind !== "user" || (actor.role !== "supervisor" && actor.role !== "admin")) {
    throw new DomainError("FORBIDDEN", "The team dashboard is for supervisors and administrators.");
  }
  const { db } = ctx;
  const day = today(ctx.clock);
  const weekStart = addDays(day, 1 - isoWeekday(day));
  const monthStart = `${day.slice(0, 7)}-01`;
  const since30 = addDays(day, -30);
  // Instants bounding the agency's calendar days (Europe/Paris), computed by PostgreSQL.
  const startOf = (d: IsoDate) => sql`(${d}::date::timestamp at time zone 'Europe/Paris')`;
  const teamFilter = actor.role === "supervisor" && actor.teamId ? eq(users.teamId, actor.teamId) : undefined;

  const agents = await db
    .select({ userId: users.id, displayName: users.displayName, teamName: teams.name })
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(and(eq(users.role, "agent"), eq(users.isDisabled, false), teamFilter))
    .orderBy(asc(teams.name), asc(users.displayName));
  const ids = agents.map((a) => a.userId);
  if (ids.length === 0) return { today: day, weekStart, monthStart, agents: [], totals: emptyTotals() };

  const [open, contacts, kept, collected] = await Promise.all([
    db
      .select({ userId: cases.assignedUserId, n: sql<number>`count(*)::int` })
      .from(cases)
      .where(and(inArray(cases.assignedUserId, ids), ne(cases.stage, "closed")))
      .groupBy(cases.assignedUserId),
    db
      .select({
        userId: interactions.userId,
        n: sql<number>`count(*)::int`,
        rpc: sql<number>`(count(*) filter (where ${interactions.outcome} in ('right_party_contact', 'promised')))::int`,
      })
      .from(interactions)
      .where(
        and(
          inArray(interactions.userId, ids),
          inArray(interactions.channel, ["phone", "visit"]),
          gte(interactions.occurredAt, startOf(day)),
          sql`${interactions.occurredAt} < ${startOf(addDays(day, 1))}`,
        ),
      )
      .groupBy(interactions.userId),
    db
      .select({
        userId: promises.userId,
        kept: sql<number>`(count(*) filter (where ${promises.status} = 'kept'))::int`,
        broken: sql<number>`(count(*) filter (where ${promises.status} = 'broken'))::int`,
      })
      .from(promises)
      .where(and(inArray(promises.userId, ids), gte(promises.dueOn, since30), sql`${promises.dueOn} <= ${day}`))
      .groupBy(promises.userId),
    db
      .select({
        userId: cases.assignedUserId,
        week: sql<string>`coalesce(sum(${payments.amountCents}) filter (where ${payments.receivedAt} >= ${startOf(weekStart)}), 0)`,
        month: sql<string>`coalesce(sum(${payments.amountCents}), 0)`,
      })
      .from(payments)
      .innerJoin(cases, eq(cases.id, payments.caseId))
      .where(and(inArray(cases.assignedUserId, ids), eq(payments.status, "succeeded"), gte(payments.receivedAt, startOf(monthStart))))
      .groupBy(cases.assignedUserId),
  ]);

  const by = <T extends { userId: string | null }>(rows: T[]) => new Map(rows.map((r) => [r.userId, r]));
  const openBy = by(open);
  const contactsBy = by(contacts);
  const keptBy = by(kept);
  const collectedBy = by(collected);
  const lines: AgentLine[] = agents.map((a) => ({
    ...a,
    openCases: openBy.get(a.userId)?.n ?? 0,
    contactsToday: contactsBy.get(a.userId)?.n ?? 0,
    rightPartyContactsToday: contactsBy.get(a.userId)?.rpc ?? 0,
    promisesKept: keptBy.get(a.userId)?.kept ?? 0,
    promisesBroken: keptBy.get(a.userId)?.broken ?? 0,
    collectedWeekCents: Number(collectedBy.get(a.userId)?.week ?? 0),
    collectedMonthCents: Number(collectedBy.get(a.userId)?.month ?? 0),
  }));
  const totals = lines.reduce((sum, l) => {
    for (const key of Object.keys(sum) as (keyof TeamDashboard["totals"])[]) sum[key] += l[key];
    return sum;
  }, emptyTotals());
  return { today: day, weekStart, monthStart, agents: lines, totals };
}

function emptyTotals(): TeamDashboard["totals"] {
  return {
    openCases: 0,
    contactsToday: 0,
    rightPartyContactsToday: 0,
    promisesKept: 0,
    promisesBroken: 0,
    collectedWeekCents: 0,
    collectedMonthCents: 0,
  };
}

