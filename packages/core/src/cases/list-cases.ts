import { cases, claims, clients, debtors } from "@recouvra/db";
import { CASE_STAGES, daysBetween, DomainError, type CaseHold, type CaseStage, type ClosureReason, type IsoDate } from "@recouvra/domain";
import { and, asc, desc, eq, exists, ne, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { today, type Ctx } from "../context.ts";
import { caseScope, isUuid } from "../scope.ts";

export const CASE_LIST_STATUSES = ["open", "closed", "all"] as const;
export type CaseListStatus = (typeof CASE_LIST_STATUSES)[number];

/** Rows per page of the case list. */
export const CASE_LIST_PAGE_SIZE = 25;

export const ListCasesInputSchema = z.object({
  /** Case reference, payment reference, the creditor's file number, debtor name or invoice number (prefix, any case). */
  search: z.string().trim().max(100, "Search is limited to 100 characters").optional(),
  stage: z.enum(CASE_STAGES).optional(),
  clientId: z.string().refine(isUuid, "clientId must be a client id").optional(),
  status: z.enum(CASE_LIST_STATUSES).default("open"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(CASE_LIST_PAGE_SIZE),
});
export type ListCasesInput = z.input<typeof ListCasesInputSchema>;

/** One row of the case list. */
export interface CaseListItem {
  id: string;
  reference: string;
  clientReference: string | null;
  debtorName: string;
  debtorType: string;
  clientId: string;
  clientName: string;
  stage: CaseStage;
  holds: CaseHold[];
  closureReason: ClosureReason | null;
  balanceCents: number;
  currency: string;
  placedOn: IsoDate;
  daysSincePlacement: number;
  nextActionOn: IsoDate | null;
  nextActionKind: string | null;
}

export interface CaseList {
  items: CaseListItem[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  /** Clients the actor may filter by (only its own for a client user). */
  clients: { id: string; name: string }[];
  /** The filters as applied (after parsing), so the page can show them back. */
  filters: { search: string | null; stage: CaseStage | null; clientId: string | null; status: CaseListStatus };
}

/** Escapes LIKE wildcards so a search for "50%" finds "50%", not everything starting with 50. */
function likePrefix(s: string): string {
  return `${s.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The cases the actor may see, newest placement first, filtered and paginated. Client users see their
 * own client's cases only, whatever `clientId` says.
 */
export async function listCases({ ctx, input = {} }: { ctx: Ctx; input?: ListCasesInput }): Promise<CaseList> {
  const parsed = ListCasesInputSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("VALIDATION", parsed.error.issues[0]!.message, { field: String(parsed.error.issues[0]!.path[0]) });
  if (ctx.actor.kind === "debtor") throw new DomainError("FORBIDDEN", "The case list is for the agency and its clients.");
  const { search, stage, status, page, pageSize } = parsed.data;
  const { db, actor } = ctx;
  const isClient = actor.kind === "user" && actor.role === "client";
  const clientId = isClient ? null : (parsed.data.clientId ?? null);
  const term = search && search.length > 0 ? search : null;

  const conditions: (SQL | undefined)[] = [caseScope(actor)];
  if (clientId) conditions.push(eq(cases.clientId, clientId));
  if (stage) conditions.push(eq(cases.stage, stage));
  if (status === "open") conditions.push(ne(cases.stage, "closed"));
  if (status === "closed") conditions.push(eq(cases.stage, "closed"));
  if (term) {
    const prefix = likePrefix(term);
    // Prefix matches on lower(...) so the text_pattern_ops indexes on names and invoice numbers serve them.
    conditions.push(
      or(
        sql`lower(${cases.reference}) like ${prefix}`,
        sql`lower(${cases.paymentReference}) like ${prefix}`,
        sql`lower(${cases.clientReference}) like ${prefix}`,
        sql`lower(${debtors.lastName}) like ${prefix}`,
        sql`lower(${debtors.companyName}) like ${prefix}`,
        sql`lower(${debtors.firstName} || ' ' || ${debtors.lastName}) like ${prefix}`,
        exists(db.select({ one: sql`1` }).from(claims).where(and(eq(claims.caseId, cases.id), sql`lower(${claims.invoiceNumber}) like ${prefix}`))),
      ),
    );
  }
  const where = and(...conditions);

  const [rows, visibleClients] = await Promise.all([
    db
      .select({
        id: cases.id,
        reference: cases.reference,
        clientReference: cases.clientReference,
        debtorKind: debtors.kind,
        debtorType: debtors.type,
        firstName: debtors.firstName,
        lastName: debtors.lastName,
        companyName: debtors.companyName,
        clientId: cases.clientId,
        clientName: clients.name,
        stage: cases.stage,
        holds: cases.holds,
        closureReason: cases.closureReason,
        balanceCents: cases.balanceCents,
        currency: cases.currency,
        placedOn: cases.placedOn,
        closedOn: cases.closedOn,
        nextActionOn: cases.nextActionOn,
        nextActionKind: cases.nextActionKind,
        // The total rides along with the page, saving a second scan of the same filter.
        total: sql<number>`(count(*) over ())::int`,
      })
      .from(cases)
      .innerJoin(debtors, eq(debtors.id, cases.debtorId))
      .innerJoin(clients, eq(clients.id, cases.clientId))
      .where(where)
      .orderBy(desc(cases.placedOn), asc(cases.reference))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    isClient
      ? db.select({ id: clients.id, name: clients.name }).from(clients).where(eq(clients.id, actor.clientId ?? "00000000-0000-0000-0000-000000000000"))
      : db.selectDistinct({ id: clients.id, name: clients.name }).from(clients).innerJoin(cases, eq(cases.clientId, clients.id)).where(caseScope(actor)).orderBy(asc(clients.name)),
  ]);

  let total = rows[0]?.total ?? 0;
  // A page past the end has no rows to carry the total: count once so the pager can still point back.
  if (rows.length === 0 && page > 1) {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(cases)
      .innerJoin(debtors, eq(debtors.id, cases.debtorId))
      .where(where);
    total = row?.n ?? 0;
  }
  const day = today(ctx.clock);
  return {
    items: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      clientReference: r.clientReference,
      debtorName: r.debtorKind === "company" ? (r.companyName ?? "Unnamed company") : [r.firstName, r.lastName].filter(Boolean).join(" ") || "Unnamed person",
      debtorType: r.debtorType,
      clientId: r.clientId,
      clientName: r.clientName,
      stage: r.stage as CaseStage,
      holds: r.holds as CaseHold[],
      closureReason: r.closureReason as ClosureReason | null,
      balanceCents: r.balanceCents,
      currency: r.currency,
      placedOn: r.placedOn,
      daysSincePlacement: Math.max(0, daysBetween(r.placedOn, r.closedOn ?? day)),
      nextActionOn: r.stage === "closed" ? null : r.nextActionOn,
      nextActionKind: r.stage === "closed" ? null : r.nextActionKind,
    })),
    total,
    page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    clients: visibleClients,
    filters: { search: term, stage: stage ?? null, clientId: isClient ? (actor.clientId ?? null) : clientId, status },
  };
}
