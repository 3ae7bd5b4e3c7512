/**
 * The case file: everything known about one case, shaped for whoever reads it. Agency staff get the
 * whole file; a client user (the creditor) gets the client-safe subset — notes the agency shared, no
 * agent names, no internal scores, no raw audit data.
 */
import {
  arrangements,
  auditEvents,
  claims,
  clients,
  contactPoints,
  debtors,
  disputes,
  documents,
  escalations,
  instalments,
  interactions,
  ledgerEntries,
  messages,
  notes,
  paymentAllocations,
  paymentMandates,
  payments,
  promises,
  teams,
  users,
} from "@recouvra/db";
import {
  addDays,
  balancesOf,
  daysBetween,
  DomainError,
  formatMoney,
  LEDGER_COMPONENTS,
  type CaseHold,
  type CaseStage,
  type ClosureReason,
  type IsoDate,
  type LedgerBalances,
  type LedgerComponent,
  type LedgerKind,
} from "@recouvra/domain";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { today, type Ctx } from "../context.ts";
import { canWorkCases, requireCase } from "../scope.ts";
import { contactPointNotes, contactPointView, type ContactPointNote, type ContactPointView } from "../contacts/shared.ts";
import { CONTACT_POINT_TIMELINE_ACTIONS, contactPointTimelineItem } from "../contacts/timeline.ts";

/** The kinds of timeline item, which the case file can filter on. */
export const TIMELINE_KINDS = ["interaction", "message", "payment", "stage", "note", "promise", "plan", "dispute", "escalation", "contact"] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const GetCaseFileInputSchema = z.object({
  caseId: z.string(),
  /** Only these kinds in the timeline (all when absent or empty). */
  timelineKinds: z.array(z.enum(TIMELINE_KINDS)).optional(),
});
export type GetCaseFileInput = z.input<typeof GetCaseFileInputSchema>;

/** Who the file is shaped for. */
export type CaseFileViewer = "staff" | "client";

export interface CaseFileHeader {
  caseId: string;
  reference: string;
  paymentReference: string;
  clientReference: string | null;
  stage: CaseStage;
  holds: CaseHold[];
  closureReason: ClosureReason | null;
  closedOn: IsoDate | null;
  jurisdiction: string;
  currency: string;
  debtor: { id: string; name: string; kind: string; type: string; locale: string; registrationNumber: string | null };
  client: { id: string; name: string };
  placedOn: IsoDate;
  noticeSentOn: IsoDate | null;
  firstContactOn: IsoDate | null;
  lastContactAt: string | null;
  /** Whole days from placement (and from the formal notice) to today, or to the closing day. */
  daysSincePlacement: number;
  daysSinceNotice: number | null;
  reviewDueOn: IsoDate | null;
  dossierDueOn: IsoDate | null;
  nextAction: { on: IsoDate; kind: string; isOverdue: boolean } | null;
  /** Staff only (null for a client user). */
  assignedTo: { id: string; name: string } | null;
  team: { id: string; name: string } | null;
  priorityScore: number | null;
  propensityScore: number | null;
}

/** One line explaining part of a component's balance. */
export interface BalanceExplanationLine {
  entryId: string;
  effectiveOn: IsoDate;
  kind: LedgerKind;
  amountCents: number;
  /** Plain sentence: what this amount is and how it was computed. */
  summary: string;
  /** The legal basis or rule as booked, when there is one. */
  basis: string | null;
  invoiceNumber: string | null;
  /** Interest accruals: the period, its length and the rate(s) applied. */
  interest: { from: IsoDate; to: IsoDate; days: number; rates: string; onPrincipal: string } | null;
}

export interface BalanceComponent {
  component: LedgerComponent;
  balanceCents: number;
  /** What was added (placed, accrued, charged) and what was taken off (payments, write-offs), oldest first. */
  lines: BalanceExplanationLine[];
}

export interface CaseFileBalance {
  currency: string;
  totals: LedgerBalances;
  components: BalanceComponent[];
  /** The rule payments are allocated by in this jurisdiction. */
  allocationRule: string;
  /** True when the case row's cached balance and the ledger disagree (shown to staff as a warning). */
  isOutOfStep: boolean;
}

export interface TimelineItem {
  id: string;
  kind: TimelineKind;
  at: string;
  channel: string | null;
  direction: string | null;
  /** Who acted, as the reader may see it ("Claire Dubois", "Agency", "Debtor", "System"). */
  actor: string;
  title: string;
  detail: string | null;
  /** Files that came with the event (a dispute's evidence). */
  documents?: { id: string; filename: string; mimeType: string }[];
}

export interface CaseFileClaim {
  id: string;
  invoiceNumber: string;
  issuedOn: IsoDate;
  dueOn: IsoDate;
  principalCents: number;
  interestCents: number;
  costsCents: number;
  currency: string;
  description: string | null;
  documents: CaseFileDocument[];
}

export interface CaseFileLedgerEntry {
  id: string;
  effectiveOn: IsoDate;
  component: LedgerComponent;
  kind: LedgerKind;
  amountCents: number;
  reference: string | null;
  description: string | null;
  invoiceNumber: string | null;
  paymentId: string | null;
  /** Running total of the whole case after this entry. */
  runningBalanceCents: number;
}

export interface CaseFilePayment {
  id: string;
  receivedAt: string;
  provider: string;
  externalId: string;
  amountCents: number;
  currency: string;
  status: string;
  payerName: string | null;
  reversedAt: string | null;
  reversalReason: string | null;
  allocation: { component: LedgerComponent; amountCents: number }[];
}

export interface CaseFileInstalment {
  id: string;
  seq: number;
  dueOn: IsoDate;
  amountCents: number;
  paidCents: number;
  status: string;
  paidOn: IsoDate | null;
}

export interface CaseFileArrangement {
  id: string;
  kind: string;
  status: string;
  proposedBy: string;
  totalCents: number;
  currency: string;
  terms: Record<string, unknown>;
  decisionReason: string | null;
  createdAt: string;
  decidedAt: string | null;
  acceptedAt: string | null;
  acknowledgmentText: string | null;
  acknowledgedAt: string | null;
  instalments: CaseFileInstalment[];
  /** The saved card or SEPA mandate its instalments are collected from automatically (staff only). */
  mandate: { method: string; label: string; createdAt: string } | null;
}

export interface CaseFilePromise {
  id: string;
  promisedOn: IsoDate;
  dueOn: IsoDate;
  amountCents: number;
  currency: string;
  status: string;
  resolvedAt: string | null;
  madeWith: string | null;
}

export interface CaseFileDispute {
  id: string;
  reason: string;
  details: string | null;
  status: string;
  openedAt: string;
  resolvedAt: string | null;
  resolution: string | null;
}

/** A contact point of the debtor; for a client user the staff-only fields are null. */
export type CaseFileContactPoint = ContactPointView;

export interface CaseFileDocument {
  id: string;
  kind: string;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  claimId: string | null;
  /** The dispute it is evidence of, when the debtor sent it with one. */
  disputeId: string | null;
  createdAt: string;
}

/** How the debtor said in the portal they prefer to be contacted (staff only). */
export interface CaseFileDebtorPreferences {
  channel: string | null;
  times: string[];
  updatedAt: string | null;
}

/** One message of the portal thread between the debtor and the agency, oldest first (staff only). */
export interface CaseFilePortalMessage {
  id: string;
  at: string;
  from: "debtor" | "agency";
  /** "Debtor", or the agent who answered. */
  author: string;
  text: string;
}

export interface CaseFileEscalation {
  id: string;
  kind: string;
  status: string;
  dueOn: IsoDate;
  recommendation: string | null;
  decision: string | null;
  rationale: string | null;
  decidedAt: string | null;
}

/** The whole case file as `getCaseFile` returns it. */
export interface CaseFile {
  viewer: CaseFileViewer;
  /** True when the actor may act on the case (staff): the UI shows the action links only then. */
  canWork: boolean;
  today: IsoDate;
  header: CaseFileHeader;
  balance: CaseFileBalance;
  timeline: TimelineItem[];
  /** How many items of each kind the unfiltered timeline holds (for the filter chips). */
  timelineCounts: Record<TimelineKind, number>;
  timelineKinds: TimelineKind[];
  claims: CaseFileClaim[];
  ledger: CaseFileLedgerEntry[];
  payments: CaseFilePayment[];
  /** The live (accepted/active) arrangement, else the latest one; null when there was none. */
  arrangement: CaseFileArrangement | null;
  arrangements: CaseFileArrangement[];
  promises: CaseFilePromise[];
  disputes: CaseFileDispute[];
  contactPoints: CaseFileContactPoint[];
  documents: CaseFileDocument[];
  escalations: CaseFileEscalation[];
  /** Null for a client user, and while the debtor has said nothing. */
  debtorPreferences: CaseFileDebtorPreferences | null;
  /** The debtor's portal messages and the agency's answers (empty for a client user). */
  portalThread: CaseFilePortalMessage[];
}

// Audit actions a client user may see in its timeline (state changes, not the agency's internals).
const CLIENT_AUDIT_ACTIONS = new Set([
  "case.placed",
  "case.stage_changed",
  "case.case_closed",
  "case.case_reopened",
  "case.hold_set",
  "case.hold_released",
  "arrangement.accepted",
  "arrangement.completed",
  "arrangement.broken",
  "escalation.opened",
  "escalation.decided",
]);

// Audit actions the timeline draws from the trail; everything else already has its own row
// (interactions, messages, payments, notes, promises, disputes) or is bookkeeping.
const TIMELINE_AUDIT_ACTIONS = new Set([
  ...CLIENT_AUDIT_ACTIONS,
  "arrangement.proposed",
  "arrangement.countered",
  "arrangement.rejected",
  "promise.kept",
  "promise.broken",
  ...CONTACT_POINT_TIMELINE_ACTIONS,
  "case.reassigned",
  "debtor.preferences_updated",
]);

const ALLOCATION_RULES: Record<string, string> = {
  FR: "France: interest is paid before principal (Code civil art. 1343-1), costs first; principal goes to the oldest invoice (art. 1342-10).",
  BE: "Belgium: costs, then interest, then principal (former Civil Code art. 1254; Code of Economic Law art. XIX.4 for consumers).",
  NL: "Netherlands: costs, then interest, then principal (Civil Code art. 6:44 BW); principal goes to the oldest invoice (art. 6:43 BW).",
};

// Payments are shown split in the order they are imputed: costs, fees, interest, principal.
const IMPUTATION_ORDER: readonly LedgerComponent[] = ["costs", "fees", "interest", "principal"];

// "<basis>: <amount> from <from> to <to> (<days> days at <rates>)", as the interest accrual writes it.
const INTEREST_DESCRIPTION = /^(?<basis>.*): (?<principal>.+?) from (?<from>\d{4}-\d{2}-\d{2}) to (?<to>\d{4}-\d{2}-\d{2}) \((?<days>\d+) days? at (?<rates>.+)\)$/;

function personName(d: { kind: string; firstName: string | null; lastName: string | null; companyName: string | null }): string {
  if (d.kind === "company") return d.companyName ?? "Unnamed company";
  return [d.firstName, d.lastName].filter(Boolean).join(" ") || "Unnamed person";
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/**
 * The case file of `caseId` for the actor: header, balance with how each amount was computed, timeline
 * (newest first, optionally filtered), claims, ledger, payments, arrangement, promises, contacts,
 * documents and escalations. NOT_FOUND for a case outside the actor's scope or a malformed id.
 */
export async function getCaseFile({ ctx, input }: { ctx: Ctx; input: GetCaseFileInput }): Promise<CaseFile> {
  const parsed = GetCaseFileInputSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("VALIDATION", parsed.error.issues[0]!.message, { field: String(parsed.error.issues[0]!.path[0] ?? "caseId") });
  const { actor, db } = ctx;
  if (actor.kind === "debtor") throw new DomainError("NOT_FOUND", "This case does not exist or is not yours to see.");
  const kase = await requireCase(db, actor, parsed.data.caseId);
  const viewer: CaseFileViewer = actor.kind === "user" && actor.role === "client" ? "client" : "staff";
  const isClient = viewer === "client";
  const day = today(ctx.clock);
  const caseId = kase.id;

  // A constant number of queries, whatever the size of the file; they run side by side.
  const [
    [debtor],
    [client],
    claimRows,
    ledgerRows,
    paymentRows,
    allocationRows,
    arrangementRows,
    instalmentRows,
    promiseRows,
    disputeRows,
    interactionRows,
    messageRows,
    noteRows,
    documentRows,
    escalationRows,
    auditRows,
    contactRows,
    [team],
    mandateRows,
  ] = await Promise.all([
    db.select().from(debtors).where(eq(debtors.id, kase.debtorId)).limit(1),
    db.select({ id: clients.id, name: clients.name }).from(clients).where(eq(clients.id, kase.clientId)).limit(1),
    db.select().from(claims).where(eq(claims.caseId, caseId)).orderBy(asc(claims.dueOn), asc(claims.invoiceNumber)),
    db.select().from(ledgerEntries).where(eq(ledgerEntries.caseId, caseId)).orderBy(asc(ledgerEntries.effectiveOn), asc(ledgerEntries.createdAt), asc(ledgerEntries.id)),
    db.select().from(payments).where(eq(payments.caseId, caseId)).orderBy(asc(payments.receivedAt)),
    db
      .select({ paymentId: paymentAllocations.paymentId, component: paymentAllocations.component, amountCents: paymentAllocations.amountCents })
      .from(paymentAllocations)
      .innerJoin(payments, eq(payments.id, paymentAllocations.paymentId))
      .where(eq(payments.caseId, caseId)),
    db.select().from(arrangements).where(eq(arrangements.caseId, caseId)).orderBy(desc(arrangements.createdAt)),
    db
      .select({ i: instalments })
      .from(instalments)
      .innerJoin(arrangements, eq(arrangements.id, instalments.arrangementId))
      .where(eq(arrangements.caseId, caseId))
      .orderBy(asc(instalments.seq)),
    db.select().from(promises).where(eq(promises.caseId, caseId)).orderBy(desc(promises.promisedOn), desc(promises.createdAt)),
    db.select().from(disputes).where(eq(disputes.caseId, caseId)).orderBy(desc(disputes.openedAt)),
    db.select().from(interactions).where(eq(interactions.caseId, caseId)).orderBy(desc(interactions.occurredAt)),
    db.select().from(messages).where(eq(messages.caseId, caseId)).orderBy(desc(messages.createdAt)),
    db
      .select()
      .from(notes)
      .where(isClient ? and(eq(notes.caseId, caseId), eq(notes.isSharedWithClient, true)) : eq(notes.caseId, caseId))
      .orderBy(desc(notes.createdAt)),
    db.select().from(documents).where(eq(documents.caseId, caseId)).orderBy(desc(documents.createdAt)),
    db.select().from(escalations).where(eq(escalations.caseId, caseId)).orderBy(desc(escalations.createdAt)),
    db.select().from(auditEvents).where(eq(auditEvents.caseId, caseId)).orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id)),
    db.select().from(contactPoints).where(eq(contactPoints.debtorId, kase.debtorId)).orderBy(asc(contactPoints.kind), desc(contactPoints.isPrimary)),
    kase.teamId ? db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.id, kase.teamId)).limit(1) : Promise.resolve([]),
    isClient ? Promise.resolve([]) : db.select().from(paymentMandates).where(and(eq(paymentMandates.caseId, caseId), eq(paymentMandates.status, "active"))),
  ]);
  if (!debtor || !client) throw new DomainError("NOT_FOUND", "This case does not exist or is not yours to see.");
  // Why a point is invalid or opted out is in the trail, recorded from whichever of the debtor's cases.
  const pointNotes = isClient || contactRows.length === 0 ? new Map<string, ContactPointNote>() : await contactPointNotes(db, kase.debtorId);

  // Names of the staff who appear anywhere in the file, in one query.
  const userIds = new Set<string>();
  if (kase.assignedUserId) userIds.add(kase.assignedUserId);
  for (const r of interactionRows) if (r.userId) userIds.add(r.userId);
  for (const r of noteRows) if (r.userId) userIds.add(r.userId);
  for (const r of promiseRows) if (r.userId) userIds.add(r.userId);
  for (const r of auditRows) if (r.actorKind === "user" && r.actorId && /^[0-9a-f-]{36}$/i.test(r.actorId)) userIds.add(r.actorId);
  const userRows = userIds.size > 0 ? await db.select({ id: users.id, name: users.displayName, role: users.role }).from(users).where(inArray(users.id, [...userIds])) : [];
  const people = new Map(userRows.map((u) => [u.id, u]));
  const staffName = (id: string | null): string => {
    if (!id) return "System";
    const u = people.get(id);
    if (!u) return isClient ? "Agency" : "Former user";
    if (u.role === "client") return isClient ? u.name : `${u.name} (client)`;
    return isClient ? "Agency" : u.name;
  };
  const auditActor = (r: { actorKind: string; actorId: string | null }): string => {
    switch (r.actorKind) {
      case "user":
        return staffName(r.actorId);
      case "debtor":
        return "Debtor";
      case "client_api":
        return `${client.name} (API)`;
      default:
        return "System";
    }
  };

  const claimById = new Map(claimRows.map((c) => [c.id, c]));
  const toDocument = (d: (typeof documentRows)[number]): CaseFileDocument => ({
    id: d.id,
    kind: d.kind,
    filename: d.filename,
    mimeType: d.mimeType,
    sizeBytes: d.sizeBytes,
    claimId: d.claimId,
    disputeId: d.disputeId,
    createdAt: d.createdAt.toISOString(),
  });
  const money = (cents: number) => formatMoney(cents, kase.currency, "en-GB");

  // --- Ledger and balance -------------------------------------------------------------------
  let running = 0;
  const ledger: CaseFileLedgerEntry[] = ledgerRows.map((e) => {
    running += e.amountCents;
    return {
      id: e.id,
      effectiveOn: e.effectiveOn,
      component: e.component as LedgerComponent,
      kind: e.kind as LedgerKind,
      amountCents: e.amountCents,
      reference: e.reference,
      description: e.description,
      invoiceNumber: e.claimId ? (claimById.get(e.claimId)?.invoiceNumber ?? null) : null,
      paymentId: e.paymentId,
      runningBalanceCents: running,
    };
  });
  const totals = balancesOf(ledger.map((e) => ({ component: e.component, kind: e.kind, amountCents: e.amountCents, effectiveOn: e.effectiveOn })));
  const paymentById = new Map(paymentRows.map((p) => [p.id, p]));
  const components: BalanceComponent[] = LEDGER_COMPONENTS.map((component) => ({
    component,
    balanceCents: totals[`${component}Cents` as const],
    lines: ledger
      .filter((e) => e.component === component)
      .map((e) => explain(e, { jurisdiction: kase.jurisdiction, money, claim: e.invoiceNumber, payment: e.paymentId ? paymentById.get(e.paymentId) : undefined })),
  }));
  const balance: CaseFileBalance = {
    currency: kase.currency,
    totals,
    components,
    allocationRule: ALLOCATION_RULES[kase.jurisdiction] ?? "Costs, then interest, then principal.",
    isOutOfStep: totals.totalCents !== kase.balanceCents,
  };

  // --- Claims --------------------------------------------------------------------------------
  const claimList: CaseFileClaim[] = claimRows.map((c) => {
    const own = ledgerRows.filter((e) => e.claimId === c.id);
    const sum = (component: LedgerComponent) => own.filter((e) => e.component === component).reduce((s, e) => s + e.amountCents, 0);
    return {
      id: c.id,
      invoiceNumber: c.invoiceNumber,
      issuedOn: c.issuedOn,
      dueOn: c.dueOn,
      principalCents: c.principalCents,
      interestCents: sum("interest"),
      costsCents: sum("costs"),
      currency: c.currency,
      description: c.description,
      documents: documentRows.filter((d) => d.claimId === c.id).map(toDocument),
    };
  });

  // --- Payments, arrangements, promises ------------------------------------------------------
  const paymentList: CaseFilePayment[] = paymentRows
    .map((p) => ({
      id: p.id,
      receivedAt: p.receivedAt.toISOString(),
      provider: p.provider,
      externalId: p.externalId,
      amountCents: p.amountCents,
      currency: p.currency,
      status: p.status,
      payerName: p.payerName,
      reversedAt: iso(p.reversedAt),
      reversalReason: p.reversalReason,
      allocation: allocationRows
        .filter((a) => a.paymentId === p.id)
        .map((a) => ({ component: a.component as LedgerComponent, amountCents: a.amountCents }))
        .sort((a, b) => IMPUTATION_ORDER.indexOf(a.component) - IMPUTATION_ORDER.indexOf(b.component)),
    }))
    .reverse();

  const arrangementList: CaseFileArrangement[] = arrangementRows.map((a) => ({
    id: a.id,
    kind: a.kind,
    status: a.status,
    proposedBy: a.proposedBy,
    totalCents: a.totalCents,
    currency: a.currency,
    terms: (a.terms ?? {}) as Record<string, unknown>,
    decisionReason: a.decisionReason,
    createdAt: a.createdAt.toISOString(),
    decidedAt: iso(a.decidedAt),
    acceptedAt: iso(a.acceptedAt),
    acknowledgmentText: a.acknowledgmentText,
    acknowledgedAt: iso(a.acknowledgedAt),
    instalments: instalmentRows
      .filter((r) => r.i.arrangementId === a.id)
      .map(({ i }) => ({ id: i.id, seq: i.seq, dueOn: i.dueOn, amountCents: i.amountCents, paidCents: i.paidCents, status: i.status, paidOn: i.paidOn })),
    mandate: ((m) => (m ? { method: m.method, label: m.label, createdAt: m.createdAt.toISOString() } : null))(mandateRows.find((m) => m.arrangementId === a.id)),
  }));
  const arrangement = arrangementList.find((a) => a.status === "active" || a.status === "accepted") ?? arrangementList[0] ?? null;

  const promiseList: CaseFilePromise[] = promiseRows.map((p) => ({
    id: p.id,
    promisedOn: p.promisedOn,
    dueOn: p.dueOn,
    amountCents: p.amountCents,
    currency: p.currency,
    status: p.status,
    resolvedAt: iso(p.resolvedAt),
    madeWith: p.userId ? staffName(p.userId) : null,
  }));
  const disputeList: CaseFileDispute[] = disputeRows.map((d) => ({
    id: d.id,
    reason: d.reason,
    details: d.details,
    status: d.status,
    openedAt: d.openedAt.toISOString(),
    resolvedAt: iso(d.resolvedAt),
    resolution: d.resolution,
  }));

  // --- Timeline ------------------------------------------------------------------------------
  const contactById = new Map(contactRows.map((c) => [c.id, c]));
  // A message an agent sent is theirs on the timeline; the interaction that logged it says who.
  const senderOf = new Map(interactionRows.filter((r) => r.messageId && r.userId).map((r) => [r.messageId!, r.userId!]));
  const all: TimelineItem[] = [];
  for (const m of messageRows) {
    all.push({
      id: `message:${m.id}`,
      kind: "message",
      at: (m.sentAt ?? m.createdAt).toISOString(),
      channel: m.channel,
      direction: m.direction,
      actor: m.direction === "inbound" ? "Debtor" : senderOf.has(m.id) ? staffName(senderOf.get(m.id)!) : "System",
      title: m.subject ?? (m.template ? humanise(m.template) : `${humanise(m.channel)} ${m.direction}`),
      detail: [humanise(m.status), m.template ? `template ${m.template}` : null, isClient ? null : m.recipient].filter(Boolean).join(" · ") || null,
    });
  }
  // A dispute the debtor opened in the portal is one event: its dispute item, not the interaction too.
  const portalDisputeAt = new Set(disputeRows.map((d) => d.openedAt.getTime()));
  const isPortalDispute = (r: (typeof interactionRows)[number]) => r.channel === "portal" && r.direction === "inbound" && r.outcome === "disputed" && portalDisputeAt.has(r.occurredAt.getTime());
  for (const r of interactionRows) {
    // Messages already appear through their own row; the interaction that logged them would repeat them.
    if (r.messageId || isPortalDispute(r)) continue;
    const point = r.contactPointId ? contactById.get(r.contactPointId) : undefined;
    all.push({
      id: `interaction:${r.id}`,
      kind: "interaction",
      at: r.occurredAt.toISOString(),
      channel: r.channel,
      direction: r.direction,
      actor: r.userId ? staffName(r.userId) : r.direction === "inbound" ? "Debtor" : "System",
      title:
        portalInteractionTitle(r) ?? `${humanise(r.channel)} ${r.direction === "inbound" ? "from the debtor" : "to the debtor"}${r.outcome ? `: ${humanise(r.outcome)}` : ""}`,
      // The agent's own words stay inside the agency; the creditor sees shared notes only.
      detail: isClient
        ? null
        : [r.note, point && r.channel === "phone" ? point.value : null, r.durationSeconds ? `${Math.round(r.durationSeconds / 60)} min` : null].filter(Boolean).join(" · ") || null,
    });
  }
  for (const p of paymentRows) {
    const allocation = allocationRows.filter((a) => a.paymentId === p.id);
    all.push({
      id: `payment:${p.id}`,
      kind: "payment",
      at: p.receivedAt.toISOString(),
      channel: p.provider,
      direction: "inbound",
      actor: p.payerName ?? "Debtor",
      title: `Payment of ${money(p.amountCents)} received (${humanise(p.provider)})${p.status === "reversed" ? ", reversed" : ""}`,
      detail: allocation.length > 0 ? `Allocated: ${allocation.map((a) => `${a.component} ${money(a.amountCents)}`).join(", ")}` : null,
    });
  }
  for (const n of noteRows) {
    all.push({
      id: `note:${n.id}`,
      kind: "note",
      at: n.createdAt.toISOString(),
      channel: null,
      direction: null,
      actor: staffName(n.userId),
      title: n.isPinned ? "Pinned note" : isClient ? "Note from the agency" : n.isSharedWithClient ? "Note (shared with the client)" : "Note",
      detail: n.body,
    });
  }
  for (const p of promiseRows) {
    all.push({
      id: `promise:${p.id}`,
      kind: "promise",
      at: p.createdAt.toISOString(),
      channel: null,
      direction: null,
      actor: p.userId ? staffName(p.userId) : "Debtor",
      title: `Promise to pay ${money(p.amountCents)} by ${p.dueOn}`,
      detail: `Status: ${humanise(p.status)}`,
    });
  }
  for (const d of disputeRows) {
    const viaPortal = interactionRows.some((r) => isPortalDispute(r) && r.occurredAt.getTime() === d.openedAt.getTime());
    const evidence = documentRows.filter((doc) => doc.disputeId === d.id).map((doc) => ({ id: doc.id, filename: doc.filename, mimeType: doc.mimeType }));
    all.push({
      id: `dispute:${d.id}`,
      kind: "dispute",
      at: d.openedAt.toISOString(),
      channel: viaPortal ? "portal" : null,
      direction: viaPortal ? "inbound" : null,
      actor: "Debtor",
      title: `Dispute opened${viaPortal ? " in the portal" : ""}: ${humanise(d.reason)}`,
      detail: d.details,
      ...(evidence.length > 0 ? { documents: evidence } : {}),
    });
    if (d.resolvedAt) {
      all.push({
        id: `dispute-resolved:${d.id}`,
        kind: "dispute",
        at: d.resolvedAt.toISOString(),
        channel: null,
        direction: null,
        actor: staffName(d.resolvedByUserId),
        title: `Dispute ${humanise(d.status).toLowerCase()}`,
        detail: d.resolution,
      });
    }
  }
  for (const e of auditRows) {
    if (!(isClient ? CLIENT_AUDIT_ACTIONS : TIMELINE_AUDIT_ACTIONS).has(e.action)) continue;
    const item = auditItem(e.action, (e.data ?? {}) as Record<string, unknown>, money);
    all.push({ id: `audit:${e.id}`, at: e.occurredAt.toISOString(), channel: null, direction: null, actor: auditActor(e), ...item });
  }
  all.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : -1));
  const timelineCounts = Object.fromEntries(TIMELINE_KINDS.map((k) => [k, 0])) as Record<TimelineKind, number>;
  for (const item of all) timelineCounts[item.kind] += 1;
  const wanted = parsed.data.timelineKinds ?? [];
  const timeline = wanted.length > 0 ? all.filter((i) => wanted.includes(i.kind)) : all;

  // --- Header --------------------------------------------------------------------------------
  const endDay = kase.closedOn ?? day;
  const assigned = kase.assignedUserId ? people.get(kase.assignedUserId) : undefined;
  const header: CaseFileHeader = {
    caseId: kase.id,
    reference: kase.reference,
    paymentReference: kase.paymentReference,
    clientReference: kase.clientReference,
    stage: kase.stage as CaseStage,
    holds: kase.holds as CaseHold[],
    closureReason: kase.closureReason as ClosureReason | null,
    closedOn: kase.closedOn,
    jurisdiction: kase.jurisdiction,
    currency: kase.currency,
    debtor: {
      id: debtor.id,
      name: personName(debtor),
      kind: debtor.kind,
      type: debtor.type,
      locale: debtor.locale,
      registrationNumber: debtor.registrationNumber,
    },
    client,
    placedOn: kase.placedOn,
    noticeSentOn: kase.noticeSentOn,
    firstContactOn: kase.firstContactOn,
    lastContactAt: iso(kase.lastContactAt),
    daysSincePlacement: Math.max(0, daysBetween(kase.placedOn, endDay)),
    daysSinceNotice: kase.noticeSentOn ? Math.max(0, daysBetween(kase.noticeSentOn, endDay)) : null,
    reviewDueOn: kase.reviewDueOn,
    dossierDueOn: kase.dossierDueOn,
    nextAction:
      kase.nextActionOn && kase.nextActionKind && kase.stage !== "closed"
        ? { on: kase.nextActionOn, kind: kase.nextActionKind, isOverdue: kase.nextActionOn < day }
        : null,
    assignedTo: !isClient && assigned ? { id: assigned.id, name: assigned.name } : null,
    team: !isClient && team ? team : null,
    priorityScore: isClient ? null : kase.priorityScore,
    propensityScore: isClient ? null : kase.propensityScore,
  };

  return {
    viewer,
    canWork: canWorkCases(actor),
    today: day,
    header,
    balance,
    timeline,
    timelineCounts,
    timelineKinds: wanted,
    claims: claimList,
    ledger,
    payments: paymentList,
    arrangement,
    arrangements: arrangementList,
    promises: promiseList,
    disputes: disputeList,
    contactPoints: contactRows.map((c) => ({ ...contactPointView(c, pointNotes.get(c.id)), source: isClient ? null : c.source })),
    documents: documentRows.map(toDocument),
    debtorPreferences:
      isClient || (!debtor.preferredChannel && (debtor.preferredContactTimes ?? []).length === 0 && !debtor.preferencesUpdatedAt)
        ? null
        : { channel: debtor.preferredChannel, times: debtor.preferredContactTimes ?? [], updatedAt: iso(debtor.preferencesUpdatedAt) },
    portalThread: isClient
      ? []
      : interactionRows
          .filter((r) => r.channel === "portal" && r.outcome === "replied")
          .map((r) => ({ id: r.id, at: r.occurredAt.toISOString(), from: r.direction === "inbound" ? ("debtor" as const) : ("agency" as const), author: r.userId ? staffName(r.userId) : "Debtor", text: r.note ?? "" }))
          .reverse(),
    escalations: escalationRows.map((e) => ({
      id: e.id,
      kind: e.kind,
      status: e.status,
      dueOn: e.dueOn,
      recommendation: e.recommendation,
      decision: e.decision,
      rationale: e.rationale,
      decidedAt: iso(e.decidedAt),
    })),
  };
}

/** The title of a portal interaction (a message, an answer, a call-back request), or null for other channels. */
function portalInteractionTitle(r: { channel: string; direction: string; outcome: string | null }): string | null {
  if (r.channel !== "portal") return null;
  if (r.outcome === "replied") return r.direction === "inbound" ? "Debtor wrote in the portal" : "Answered the debtor in the portal";
  if (r.outcome === "callback_requested" && r.direction === "inbound") return "Debtor asked in the portal to be called back";
  return null;
}

/** "right_party_contact" → "Right party contact". */
function humanise(s: string): string {
  const text = s.replaceAll("_", " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One ledger entry as a sentence: what it is, and the rule or arithmetic behind it. */
function explain(
  e: CaseFileLedgerEntry,
  context: { jurisdiction: string; money: (cents: number) => string; claim: string | null; payment: { provider: string; receivedAt: Date } | undefined },
): BalanceExplanationLine {
  const { money } = context;
  const base = { entryId: e.id, effectiveOn: e.effectiveOn, kind: e.kind, amountCents: e.amountCents, invoiceNumber: e.invoiceNumber, interest: null };
  const on = e.invoiceNumber ? ` (invoice ${e.invoiceNumber})` : "";
  switch (e.kind) {
    case "placed":
      return { ...base, basis: null, summary: `Invoice ${e.invoiceNumber ?? e.reference ?? ""} placed for collection: ${money(e.amountCents)}, owed since ${e.effectiveOn}${e.description ? ` — ${e.description}` : ""}`.trim() };
    case "accrued": {
      const m = e.description ? INTEREST_DESCRIPTION.exec(e.description) : null;
      if (m?.groups) {
        const g = m.groups as { basis: string; principal: string; from: string; to: string; days: string; rates: string };
        return {
          ...base,
          basis: g.basis,
          interest: { from: g.from, to: g.to, days: Number(g.days), rates: g.rates, onPrincipal: g.principal },
          summary: `Interest${on}: ${g.principal} from ${g.from} to ${g.to}, ${g.days} days at ${g.rates} a year = ${money(e.amountCents)}`,
        };
      }
      return { ...base, basis: e.description, summary: `Interest${on} booked on ${e.effectiveOn}: ${money(e.amountCents)}` };
    }
    case "charged":
      return { ...base, basis: e.description, summary: costSummary(e, context.jurisdiction, money) };
    case "payment": {
      const how = context.payment ? ` (${humanise(context.payment.provider)}, received ${context.payment.receivedAt.toISOString().slice(0, 10)})` : "";
      return { ...base, basis: null, summary: `Payment${how}: ${money(-e.amountCents)} allocated to ${e.component}` };
    }
    case "write_off":
      return { ...base, basis: e.description, summary: `Written off on ${e.effectiveOn}: ${money(-e.amountCents)}${e.description ? ` — ${e.description}` : ""}` };
    case "reversal":
      return { ...base, basis: e.description, summary: `Reversal of an earlier entry on ${e.effectiveOn}: ${money(e.amountCents)}` };
    default:
      return { ...base, basis: e.description, summary: `Adjustment on ${e.effectiveOn}: ${money(e.amountCents)}${e.description ? ` — ${e.description}` : ""}` };
  }
}

/** Which cost rule produced a `charged` entry, said in plain words with the day it became owed. */
function costSummary(e: CaseFileLedgerEntry, jurisdiction: string, money: (cents: number) => string): string {
  const amount = money(e.amountCents);
  const text = e.description ?? "";
  const termEnded = addDays(e.effectiveOn, -1);
  if (jurisdiction === "NL" || text.includes("6:96")) {
    return `Dutch statutory collection costs (BIK, art. 6:96 BW) of ${amount}, charged after the 14-day term ended on ${termEnded}`;
  }
  if (jurisdiction === "BE" || text.includes("XIX.4")) {
    return `Belgian fixed damages (capped by art. XIX.4 Code of Economic Law) of ${amount}, charged after the free reminder's 14-day term ended on ${termEnded}`;
  }
  if (jurisdiction === "FR" || text.includes("L441-10")) {
    return `French fixed recovery indemnity of ${amount} for a late business invoice${e.invoiceNumber ? ` (${e.invoiceNumber})` : ""} (art. L441-10 II and D441-5 Commercial Code), owed from ${e.effectiveOn}`;
  }
  return `Costs of ${amount} charged on ${e.effectiveOn}${text ? ` — ${text}` : ""}`;
}

/** A timeline item's kind, title and detail from an audit event (the reader never sees the raw data). */
function auditItem(action: string, data: Record<string, unknown>, money: (cents: number) => string): Pick<TimelineItem, "kind" | "title" | "detail"> {
  const str = (k: string) => (typeof data[k] === "string" ? (data[k] as string) : null);
  const num = (k: string) => (typeof data[k] === "number" ? (data[k] as number) : null);
  switch (action) {
    case "case.placed": {
      const n = Array.isArray(data.claims) ? data.claims.length : null;
      return { kind: "stage", title: "Case placed for collection", detail: n ? `${n} invoice${n === 1 ? "" : "s"}${str("source") ? ` via ${str("source")!.toUpperCase()}` : ""}` : null };
    }
    case "case.stage_changed":
      return { kind: "stage", title: `Stage changed: ${humanise(str("from") ?? "?")} → ${humanise(str("to") ?? "?")}`, detail: str("cause") ? `Because: ${humanise(str("cause")!).toLowerCase()}` : null };
    case "case.case_closed":
      return { kind: "stage", title: `Case closed: ${humanise(str("reason") ?? "closed").toLowerCase()}`, detail: null };
    case "case.case_reopened":
      return { kind: "stage", title: "Case reopened", detail: str("previousReason") ? `It had been closed as ${humanise(str("previousReason")!).toLowerCase()}` : null };
    case "case.hold_set":
      return { kind: "stage", title: `Hold set: ${humanise(str("hold") ?? "hold").toLowerCase()}`, detail: "Collection contact paused" };
    case "case.hold_released":
      return { kind: "stage", title: `Hold released: ${humanise(str("hold") ?? "hold").toLowerCase()}`, detail: null };
    case "case.reassigned":
      return { kind: "stage", title: "Case reassigned", detail: null };
    case "arrangement.proposed":
      return { kind: "plan", title: "Payment plan proposed, waiting for approval", detail: str("reason") };
    case "arrangement.countered":
      return { kind: "plan", title: "Proposal outside the policy: counter-offer made", detail: null };
    case "arrangement.accepted": {
      const total = num("totalCents") ?? num("amountCents");
      const count = num("instalments");
      return {
        kind: "plan",
        title: str("kind") === "settlement" ? "Settlement accepted" : "Payment plan accepted",
        detail: [total !== null ? money(total) : null, count ? `${count} instalments` : null].filter(Boolean).join(" in ") || null,
      };
    }
    case "arrangement.completed":
      return { kind: "plan", title: "Arrangement completed", detail: null };
    case "arrangement.broken":
      return { kind: "plan", title: "Payment plan broken", detail: "Collection resumes" };
    case "arrangement.rejected":
      return { kind: "plan", title: "Proposal rejected", detail: null };
    case "promise.kept":
      return { kind: "promise", title: "Promise kept", detail: null };
    case "promise.broken":
      return { kind: "promise", title: "Promise broken", detail: null };
    case "escalation.opened":
      return { kind: "escalation", title: `${str("kind") === "legal_dossier" ? "Legal dossier" : "90-day review"} opened`, detail: str("dueOn") ? `Due ${str("dueOn")}` : null };
    case "escalation.decided":
      return { kind: "escalation", title: `${str("kind") === "legal_dossier" ? "Legal dossier" : "Review"} decided: ${humanise(str("decision") ?? "").toLowerCase()}`, detail: null };
    case "contact_point.added":
    case "contact_point.verified":
    case "contact_point.invalidated":
    case "contact_point.revalidated":
    case "contact_point.opted_out":
    case "contact_point.opt_out_lifted":
    case "contact_point.made_primary":
      return contactPointTimelineItem(action, data);
    case "debtor.preferences_updated": {
      const times = Array.isArray(data.preferredContactTimes) ? (data.preferredContactTimes as string[]) : [];
      const channel = str("preferredChannel");
      return {
        kind: "contact",
        title: "Debtor set their contact preferences in the portal",
        detail: [channel ? `Prefers ${channel === "sms" ? "SMS" : channel}` : "No preferred channel", times.length > 0 ? times.join(", ") : "any time of day"].join(" · "),
      };
    }
    default:
      return { kind: "stage", title: humanise(action.replace(".", " ")), detail: null };
  }
}
