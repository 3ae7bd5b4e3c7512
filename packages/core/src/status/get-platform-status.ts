import { agencySettings, cases, clients, ledgerEntries, workerHeartbeats } from "@recouvra/db";
import { CASE_STAGES, type CaseStage, type IsoDate, type Money } from "@recouvra/domain";
import { asc, count, desc, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { assertStaffOrSystem } from "../access.ts";
import { today, type Ctx } from "../context.ts";

/** Stages a case can be in while it is still being worked. */
export type OpenStage = Exclude<CaseStage, "closed">;
export const OPEN_STAGES = CASE_STAGES.filter((s): s is OpenStage => s !== "closed");

export const GetPlatformStatusInputSchema = z.object({
  /** A worker whose last heartbeat is older than this is reported stale (it beats every minute). */
  staleAfterSeconds: z.number().int().positive().default(180),
});
export type GetPlatformStatusInput = z.input<typeof GetPlatformStatusInputSchema>;

/** One client creditor's portfolio in a line. */
export interface ClientPortfolioLine {
  clientId: string;
  name: string;
  casesPlaced: number;
  openCases: number;
  /** What open cases still owe, per currency (usually one line, EUR). Empty when nothing is owed. */
  outstanding: Money[];
}

export interface WorkerStatus {
  workerName: string;
  startedAt: string;
  lastBeatAt: string;
  /** Seconds between the last heartbeat and now (never negative). */
  ageSeconds: number;
  isFresh: boolean;
}

export interface PlatformStatus {
  /** When the figures were read (ISO instant). */
  checkedAt: string;
  today: IsoDate;
  /** Every open stage, in process order, zero when no case is in it. */
  openCasesByStage: { stage: OpenStage; count: number }[];
  openCases: number;
  closedCases: number;
  clients: ClientPortfolioLine[];
  /** The most recent heartbeat of any worker, or null when no worker ever ran. */
  worker: WorkerStatus | null;
  /** The agency's name when its settings exist (they come with the demo data or the admin's set-up). */
  agencyName: string | null;
  /** True when the database holds no client and no case yet (fresh install, seed not run). */
  isEmpty: boolean;
}

/** The agency-wide health and volume figures of the workspace's status page. Staff and the platform only. */
export async function getPlatformStatus({ ctx, input = {} }: { ctx: Ctx; input?: GetPlatformStatusInput }): Promise<PlatformStatus> {
  assertStaffOrSystem(ctx.actor, "the platform status");
  const { staleAfterSeconds } = GetPlatformStatusInputSchema.parse(input);
  const now = ctx.clock.now();
  const { db } = ctx;

  const [stageRows, clientRows, outstandingRows, heartbeatRows, agencyRows] = await Promise.all([
    db.select({ stage: cases.stage, count: count() }).from(cases).groupBy(cases.stage),
    db
      .select({
        clientId: clients.id,
        name: clients.name,
        casesPlaced: count(cases.id),
        openCases: sql<number>`count(${cases.id}) filter (where ${cases.stage} <> 'closed')`.mapWith(Number),
      })
      .from(clients)
      .leftJoin(cases, eq(cases.clientId, clients.id))
      .groupBy(clients.id)
      .orderBy(asc(clients.name)),
    // The ledger is the only source of amounts: a balance is the sum of a case's entries.
    db
      .select({
        clientId: ledgerEntries.clientId,
        currency: ledgerEntries.currency,
        amountCents: sql<number>`coalesce(sum(${ledgerEntries.amountCents}), 0)`.mapWith(Number),
      })
      .from(ledgerEntries)
      .innerJoin(cases, eq(cases.id, ledgerEntries.caseId))
      .where(ne(cases.stage, "closed"))
      .groupBy(ledgerEntries.clientId, ledgerEntries.currency),
    db.select().from(workerHeartbeats).orderBy(desc(workerHeartbeats.lastBeatAt)).limit(1),
    db.select({ name: agencySettings.name }).from(agencySettings).limit(1),
  ]);

  const byStage = new Map(stageRows.map((r) => [r.stage, r.count]));
  const openCasesByStage = OPEN_STAGES.map((stage) => ({ stage, count: byStage.get(stage) ?? 0 }));
  const openCases = openCasesByStage.reduce((sum, s) => sum + s.count, 0);
  const closedCases = byStage.get("closed") ?? 0;

  const outstandingByClient = new Map<string, Money[]>();
  for (const row of outstandingRows) {
    if (row.amountCents === 0) continue;
    const list = outstandingByClient.get(row.clientId) ?? [];
    list.push({ amountCents: row.amountCents, currency: row.currency });
    outstandingByClient.set(row.clientId, list);
  }

  const beat = heartbeatRows[0];
  let worker: WorkerStatus | null = null;
  if (beat) {
    const ageSeconds = Math.max(0, Math.floor((now.getTime() - beat.lastBeatAt.getTime()) / 1000));
    worker = {
      workerName: beat.workerName,
      startedAt: beat.startedAt.toISOString(),
      lastBeatAt: beat.lastBeatAt.toISOString(),
      ageSeconds,
      isFresh: ageSeconds <= staleAfterSeconds,
    };
  }

  return {
    checkedAt: now.toISOString(),
    today: today(ctx.clock),
    openCasesByStage,
    openCases,
    closedCases,
    clients: clientRows.map((c) => ({ ...c, outstanding: outstandingByClient.get(c.clientId) ?? [] })),
    worker,
    agencyName: agencyRows[0]?.name ?? null,
    isEmpty: clientRows.length === 0 && openCases + closedCases === 0,
  };
}
