/**
 * The debtor's statement: what the debtor of a case may know about it, explained in their language.
 * Shaped for the portal, never from the staff case file: it carries no agent names, notes, scores,
 * contact attempts or internal documents, so nothing internal can leak through a later change there.
 */
import { arrangements, claims, clients, debtors, documents, instalments, ledgerEntries, messages, paymentAllocations, payments, promises } from "@recouvra/db";
import {
  allocationRuleText,
  balancesOf,
  DEBTOR_DOCUMENT_KINDS,
  DomainError,
  explainStatementLine,
  STATEMENT_LANGUAGES,
  type IsoDate,
  type LedgerBalances,
  type LedgerComponent,
  type LedgerKind,
  type StatementLanguage,
} from "@recouvra/domain";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { findAgencyProfile, type AgencyProfile } from "../agency/get-agency-profile.ts";
import { today, type Ctx } from "../context.ts";
import { requireCase } from "../scope.ts";

export const GetDebtorStatementInputSchema = z.object({
  caseId: z.string(),
  /** The statement's language; the debtor's own language when absent. */
  language: z.enum(STATEMENT_LANGUAGES).optional(),
});
export type GetDebtorStatementInput = z.input<typeof GetDebtorStatementInputSchema>;

/** An invoice of the case with what it carries today. */
export interface StatementInvoice {
  id: string;
  invoiceNumber: string;
  issuedOn: IsoDate;
  dueOn: IsoDate;
  principalCents: number;
  description: string | null;
}

/** One interest, cost or correction line, explained. */
export interface StatementLine {
  id: string;
  component: LedgerComponent;
  kind: LedgerKind;
  effectiveOn: IsoDate;
  amountCents: number;
  invoiceNumber: string | null;
  title: string;
  basis: string | null;
  detail: string | null;
  interest: { from: IsoDate; to: IsoDate; days: number; rates: string } | null;
}

/** A payment received and how it was split. */
export interface StatementPayment {
  id: string;
  receivedOn: IsoDate;
  amountCents: number;
  provider: string;
  isReversed: boolean;
  /** In the order the law imputes it: costs, fees, interest, principal. */
  allocation: { component: LedgerComponent; amountCents: number }[];
}

/** The plan or promise the debtor is keeping, if any. */
export type StatementCommitment =
  | {
      kind: "plan";
      status: string;
      totalCents: number;
      instalments: { seq: number; dueOn: IsoDate; amountCents: number; paidCents: number; status: string }[];
      /** The first instalment not yet fully paid. */
      nextDue: { dueOn: IsoDate; amountCents: number } | null;
    }
  | { kind: "settlement"; status: string; totalCents: number; dueOn: IsoDate | null }
  | { kind: "promise"; dueOn: IsoDate; amountCents: number };

/** A file the debtor may download. */
export interface StatementDocument {
  id: string;
  kind: string;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  createdAt: string;
  invoiceNumber: string | null;
}

/** Everything the statement page shows. */
export interface DebtorStatement {
  today: IsoDate;
  language: StatementLanguage;
  case: {
    id: string;
    reference: string;
    paymentReference: string;
    currency: string;
    jurisdiction: string;
    placedOn: IsoDate;
    isClosed: boolean;
    /** Collection is paused while a dispute is looked at. */
    isDisputed: boolean;
  };
  debtor: { name: string };
  creditor: { name: string; legalName: string };
  agency: AgencyProfile | null;
  invoices: StatementInvoice[];
  interest: StatementLine[];
  /** Costs and fees. */
  costs: StatementLine[];
  /** Write-offs, adjustments and reversals (rare; each explained). */
  corrections: StatementLine[];
  payments: StatementPayment[];
  balance: LedgerBalances & { paidCents: number };
  allocationRule: string;
  /** The latest payment date the debtor was given, when it is still ahead (or today). */
  deadline: IsoDate | null;
  commitment: StatementCommitment | null;
  documents: StatementDocument[];
}

const IMPUTATION_ORDER: readonly LedgerComponent[] = ["costs", "fees", "interest", "principal"];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const notFound = () => new DomainError("NOT_FOUND", "This case does not exist or is not yours to see.");

function personName(d: { kind: string; firstName: string | null; lastName: string | null; companyName: string | null }): string {
  if (d.kind === "company") return d.companyName ?? "";
  return [d.firstName, d.lastName].filter(Boolean).join(" ");
}

const isLanguage = (s: string): s is StatementLanguage => (STATEMENT_LANGUAGES as readonly string[]).includes(s);

/**
 * The statement of `caseId` for the debtor signed in to the portal. Only a debtor actor whose session
 * covers the case gets it: any other case, and any staff, client or system actor, is NOT_FOUND.
 */
export async function getDebtorStatement({ ctx, input }: { ctx: Ctx; input: GetDebtorStatementInput }): Promise<DebtorStatement> {
  const parsed = GetDebtorStatementInputSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("VALIDATION", parsed.error.issues[0]!.message, { field: String(parsed.error.issues[0]!.path[0] ?? "caseId") });
  const { actor, db } = ctx;
  // The statement is written for the debtor; staff read the case file instead.
  if (actor.kind !== "debtor") throw notFound();
  const kase = await requireCase(db, actor, parsed.data.caseId);
  if (kase.debtorId !== actor.debtorId) throw notFound();
  const day = today(ctx.clock);
  const caseId = kase.id;

  const [[debtor], [client], claimRows, ledgerRows, paymentRows, allocationRows, arrangementRows, promiseRows, documentRows, messageRows, agency] = await Promise.all([
    db.select().from(debtors).where(eq(debtors.id, kase.debtorId)).limit(1),
    db.select({ name: clients.name, legalName: clients.legalName }).from(clients).where(eq(clients.id, kase.clientId)).limit(1),
    db.select().from(claims).where(eq(claims.caseId, caseId)).orderBy(asc(claims.dueOn), asc(claims.invoiceNumber)),
    db.select().from(ledgerEntries).where(eq(ledgerEntries.caseId, caseId)).orderBy(asc(ledgerEntries.effectiveOn), asc(ledgerEntries.createdAt), asc(ledgerEntries.id)),
    db.select().from(payments).where(eq(payments.caseId, caseId)).orderBy(desc(payments.receivedAt)),
    db
      .select({ paymentId: paymentAllocations.paymentId, component: paymentAllocations.component, amountCents: paymentAllocations.amountCents })
      .from(paymentAllocations)
      .innerJoin(payments, eq(payments.id, paymentAllocations.paymentId))
      .where(eq(payments.caseId, caseId)),
    db
      .select()
      .from(arrangements)
      .where(and(eq(arrangements.caseId, caseId), inArray(arrangements.status, ["accepted", "active"])))
      .orderBy(desc(arrangements.createdAt))
      .limit(1),
    db
      .select()
      .from(promises)
      .where(and(eq(promises.caseId, caseId), eq(promises.status, "pending")))
      .orderBy(desc(promises.promisedOn))
      .limit(1),
    db
      .select()
      .from(documents)
      .where(and(eq(documents.caseId, caseId), inArray(documents.kind, [...DEBTOR_DOCUMENT_KINDS])))
      .orderBy(desc(documents.createdAt)),
    // The deadline lives in the data of what was sent to the debtor; only what actually left counts.
    db
      .select({ data: messages.data })
      .from(messages)
      .where(and(eq(messages.caseId, caseId), eq(messages.direction, "outbound"), inArray(messages.status, ["sent", "delivered"])))
      .orderBy(desc(messages.createdAt))
      .limit(20),
    findAgencyProfile({ ctx }),
  ]);
  if (!debtor || !client) throw notFound();
  const language = parsed.data.language ?? (isLanguage(debtor.locale) ? debtor.locale : "fr");

  const claimById = new Map(claimRows.map((c) => [c.id, c]));
  const lines: StatementLine[] = ledgerRows
    .filter((e) => e.kind !== "placed" && e.kind !== "payment")
    .map((e) => {
      const claim = e.claimId ? claimById.get(e.claimId) : undefined;
      const explained = explainStatementLine(
        {
          component: e.component as LedgerComponent,
          kind: e.kind as LedgerKind,
          amountCents: e.amountCents,
          currency: e.currency,
          effectiveOn: e.effectiveOn,
          description: e.description,
          invoiceNumber: claim?.invoiceNumber ?? null,
          jurisdiction: kase.jurisdiction,
        },
        language,
        claim?.dueOn ?? null,
      );
      return {
        id: e.id,
        component: e.component as LedgerComponent,
        kind: e.kind as LedgerKind,
        effectiveOn: e.effectiveOn,
        amountCents: e.amountCents,
        invoiceNumber: claim?.invoiceNumber ?? null,
        ...explained,
      };
    });
  const totals = balancesOf(
    ledgerRows.map((e) => ({ component: e.component as LedgerComponent, kind: e.kind as LedgerKind, amountCents: e.amountCents, effectiveOn: e.effectiveOn })),
  );
  const paidCents = -ledgerRows.filter((e) => e.kind === "payment").reduce((s, e) => s + e.amountCents, 0);

  const paymentList: StatementPayment[] = paymentRows.map((p) => ({
    id: p.id,
    receivedOn: p.receivedAt.toISOString().slice(0, 10),
    amountCents: p.amountCents,
    provider: p.provider,
    isReversed: p.status === "reversed",
    allocation: allocationRows
      .filter((a) => a.paymentId === p.id)
      .map((a) => ({ component: a.component as LedgerComponent, amountCents: a.amountCents }))
      .sort((a, b) => IMPUTATION_ORDER.indexOf(a.component) - IMPUTATION_ORDER.indexOf(b.component)),
  }));

  const commitment = await commitmentOf(ctx, arrangementRows[0], promiseRows[0]);
  const deadlines = messageRows
    .map((m) => (m.data as { deadline?: unknown } | null)?.deadline)
    .filter((d): d is string => typeof d === "string" && ISO_DATE.test(d));
  // The most recent letter's date is the one that stands (a later reminder may give more time, or less).
  const deadline = kase.stage === "closed" ? null : (deadlines[0] ?? null);

  return {
    today: day,
    language,
    case: {
      id: kase.id,
      reference: kase.reference,
      paymentReference: kase.paymentReference,
      currency: kase.currency,
      jurisdiction: kase.jurisdiction,
      placedOn: kase.placedOn,
      isClosed: kase.stage === "closed",
      isDisputed: (kase.holds ?? []).includes("disputed"),
    },
    debtor: { name: personName(debtor) },
    creditor: client,
    agency,
    invoices: claimRows.map((c) => ({ id: c.id, invoiceNumber: c.invoiceNumber, issuedOn: c.issuedOn, dueOn: c.dueOn, principalCents: c.principalCents, description: c.description })),
    interest: lines.filter((l) => l.component === "interest" && l.kind === "accrued"),
    costs: lines.filter((l) => (l.component === "costs" || l.component === "fees") && l.kind === "charged"),
    corrections: lines.filter((l) => l.kind !== "accrued" && l.kind !== "charged"),
    payments: paymentList,
    balance: { ...totals, paidCents },
    allocationRule: allocationRuleText(kase.jurisdiction, language),
    deadline: deadline && deadline >= day ? deadline : null,
    commitment,
    documents: documentRows.map((d) => ({
      id: d.id,
      kind: d.kind,
      filename: d.filename,
      mimeType: d.mimeType,
      sizeBytes: d.sizeBytes,
      createdAt: d.createdAt.toISOString(),
      invoiceNumber: d.claimId ? (claimById.get(d.claimId)?.invoiceNumber ?? null) : null,
    })),
  };
}

/** The live plan or settlement, else the pending promise, as the debtor should see it. */
async function commitmentOf(
  ctx: Ctx,
  arrangement: typeof arrangements.$inferSelect | undefined,
  promise: typeof promises.$inferSelect | undefined,
): Promise<StatementCommitment | null> {
  if (arrangement) {
    const rows = await ctx.db.select().from(instalments).where(eq(instalments.arrangementId, arrangement.id)).orderBy(asc(instalments.seq));
    if (arrangement.kind === "settlement") {
      return { kind: "settlement", status: arrangement.status, totalCents: arrangement.totalCents, dueOn: rows[0]?.dueOn ?? null };
    }
    const list = rows.map((i) => ({ seq: i.seq, dueOn: i.dueOn, amountCents: i.amountCents, paidCents: i.paidCents, status: i.status }));
    const next = list.find((i) => i.paidCents < i.amountCents && i.status !== "waived");
    return {
      kind: "plan",
      status: arrangement.status,
      totalCents: arrangement.totalCents,
      instalments: list,
      nextDue: next ? { dueOn: next.dueOn, amountCents: next.amountCents - next.paidCents } : null,
    };
  }
  if (promise) return { kind: "promise", dueOn: promise.dueOn, amountCents: promise.amountCents };
  return null;
}
