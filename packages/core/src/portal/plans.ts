/**
 * A debtor proposing a payment plan, or asking for a settlement, in the portal. The client's
 * negotiation policy answers at once: accept (the debtor then accepts the schedule and the
 * acknowledgment of debt explicitly), counter with the closest plan it allows (which the debtor may
 * accept the same way), or refer to a case handler (the proposal waits in the approvals queue, exactly
 * like an agent's). A settlement is always referred. Only the debtor of the case may do any of this:
 * anyone else, staff included, finds nothing (NOT_FOUND).
 */
import { appendAuditEvent, arrangements, cases, clients, debtors, documents, instalments, type Case, type DbOrTx, type Tx } from "@recouvra/db";
import {
  debtorFormatLocale,
  debtorPlanProposal,
  debtorPlanTermsProblems,
  DEBTOR_PLAN_FREQUENCY,
  DEBTOR_PLAN_MAX_COUNT,
  DEBTOR_PROPOSAL_MAX_DAYS_AHEAD,
  defaultDebtorFirstPaymentDate,
  DomainError,
  evaluateProposal,
  formatMoney,
  HOLDS_THAT_STOP_CONTACT,
  isDomainError,
  isIsoDate,
  LOCALES,
  minimumDebtorInstalmentCents,
  offerFingerprint,
  planAcknowledgmentText,
  referralAnswerDate,
  renderTemplate,
  settlementTermsProblems,
  addDays,
  calendarDateIn,
  transition,
  type DebtorPlanTerms,
  type DebtorProposalProblem,
  type Instalment,
  type IsoDate,
  type Jurisdiction,
  type Locale,
  type PolicyReason,
  type PolicyReasonCode,
  type SettlementTerms,
  SETTLEMENT_MESSAGE_MAX_LENGTH,
} from "@recouvra/domain";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import { findAgencyProfile } from "../agency/get-agency-profile.ts";
import { decidePlan, fileProposal, findWaitingProposal, startPlan, type PlanAudit, type PlanPreview } from "../cases/actions/plan-arrangements.ts";
import { caseStateOf, clockOf, parseInput } from "../cases/actions/shared.ts";
import { findPolicy } from "../cases/actions/terms.ts";
import type { Actor, Ctx } from "../context.ts";
import { documentStorageKey } from "../documents/upload-case-document.ts";
import { DEFAULT_PORTAL_URL, debtorDisplayName, loadMessageContext, templateValues } from "../messages/compose.ts";
import { firstUsableEmail, queueDebtorEmail } from "../messages/queue-debtor-email.ts";
import { findApplicableTemplate } from "../messages/templates.ts";
import { requireCase } from "../scope.ts";
import { databaseFileStorage, type FileStorage } from "../storage/file-storage.ts";
import { planAgreementFilename, planAgreementPdf } from "./plans-agreement.ts";

const NOT_FOUND = "This case does not exist or is not yours to see.";

/** The outbox template of the email confirming a plan the debtor accepted. */
export const PLAN_CONFIRMATION_TEMPLATE = "plan_confirmation";

/** Why the debtor cannot propose now; the portal words each one. */
export type DebtorProposalUnavailable =
  /** The file is closed. */
  | "closed"
  /** Nothing is owed. */
  | "nothing_due"
  /** A dispute is being looked at: collection, and so negotiation, is paused. */
  | "disputed"
  /** Another hold (insolvency, a death, a vulnerability) means a person handles the file. */
  | "on_hold"
  /** A plan or settlement is already running. */
  | "commitment_running"
  /** A proposal is already waiting for a case handler's answer. */
  | "proposal_waiting"
  /** The file is not yet at a stage where a plan can start (no formal notice yet). */
  | "not_yet";

const UNAVAILABLE_WORDS: Record<DebtorProposalUnavailable, string> = {
  closed: "This file is closed: there is nothing left to arrange.",
  nothing_due: "Nothing is owed on this file.",
  disputed: "Your file is paused while your dispute is looked at; your case handler will contact you.",
  on_hold: "Your file is being handled personally by your case handler; please contact them to agree a plan.",
  commitment_running: "A payment plan or settlement is already agreed on this file.",
  proposal_waiting: "A proposal for this file is already waiting for your case handler's answer.",
  not_yet: "A payment plan cannot be set up online on this file yet; please contact your case handler.",
};

const UNAVAILABLE_CODES: Record<DebtorProposalUnavailable, "CONFLICT" | "PRECONDITION_FAILED"> = {
  closed: "CONFLICT",
  nothing_due: "PRECONDITION_FAILED",
  disputed: "PRECONDITION_FAILED",
  on_hold: "PRECONDITION_FAILED",
  commitment_running: "CONFLICT",
  proposal_waiting: "CONFLICT",
  not_yet: "PRECONDITION_FAILED",
};

function unavailable(reason: DebtorProposalUnavailable): DomainError {
  return new DomainError(UNAVAILABLE_CODES[reason], UNAVAILABLE_WORDS[reason], { cause: { reason } });
}

const PROBLEM_FIELDS: Record<DebtorProposalProblem["field"], string> = {
  mode: "mode",
  amount: "amountCents",
  count: "count",
  firstDueOn: "firstDueOn",
  payOn: "payOn",
  message: "message",
};

function problemWords(p: DebtorProposalProblem, currency: string): string {
  switch (p.problem) {
    case "missing":
      return p.field === "mode" ? "Choose a monthly amount or a number of instalments." : `${p.field} is required.`;
    case "invalid":
      return `${p.field} is not valid.`;
    case "not_positive":
      return "The amount must be more than zero.";
    case "too_small":
      return `The monthly amount must be at least ${formatMoney(p.minimumCents, currency)}, or the plan would last more than ten years.`;
    case "not_below_balance":
      return `A settlement offers less than the balance of ${formatMoney(p.balanceCents, currency)}; to pay it all, pay the balance instead.`;
    case "too_high":
      return `A plan has at most ${p.maximum} instalments.`;
    case "in_past":
      return `${p.field} cannot be in the past.`;
    case "too_late":
      return `${p.field} must be on ${p.latest} at the latest.`;
    case "too_long":
      return `The message is at most ${p.maximum} characters.`;
  }
}

function problemError(problem: DebtorProposalProblem, currency: string, field?: string): DomainError {
  return new DomainError("VALIDATION", problemWords(problem, currency), { field: field ?? PROBLEM_FIELDS[problem.field], cause: problem });
}

/** What a refused proposal was refused for, for the portal to word: a form problem, the file's state, or a changed offer. */
export type DebtorProposalRefusal =
  | { kind: "problem"; problem: DebtorProposalProblem }
  | { kind: "unavailable"; reason: DebtorProposalUnavailable }
  | { kind: "offer_changed" };

/** The refusal carried by an error of these use-cases, or null for any other error. */
export function debtorProposalRefusalOf(error: unknown): DebtorProposalRefusal | null {
  if (!isDomainError(error)) return null;
  if (error.code === "CONFLICT" && error.field === "fingerprint") return { kind: "offer_changed" };
  const cause = error.cause as { reason?: unknown; problem?: unknown; field?: unknown } | undefined;
  if (cause && typeof cause === "object") {
    if (typeof cause.reason === "string" && cause.reason in UNAVAILABLE_WORDS) return { kind: "unavailable", reason: cause.reason as DebtorProposalUnavailable };
    if (typeof cause.problem === "string" && typeof cause.field === "string") return { kind: "problem", problem: cause as DebtorProposalProblem };
  }
  return null;
}

/** The debtor's own case; any other case, and any actor but its debtor (staff included), is NOT_FOUND. */
async function requireOwnCase(db: DbOrTx, actor: Actor, caseId: string): Promise<Case> {
  if (actor.kind !== "debtor") throw new DomainError("NOT_FOUND", NOT_FOUND);
  const kase = await requireCase(db, actor, caseId);
  if (kase.debtorId !== actor.debtorId) throw new DomainError("NOT_FOUND", NOT_FOUND);
  return kase;
}

/** The debtor's own case, locked until the transaction ends (two submissions queue up here). */
async function lockOwnCase(tx: Tx, actor: Actor, caseId: string): Promise<Case> {
  await requireOwnCase(tx, actor, caseId);
  const [row] = await tx.select().from(cases).where(eq(cases.id, caseId)).for("update");
  if (!row) throw new DomainError("NOT_FOUND", NOT_FOUND);
  return row;
}

/** The audit trail as the debtor acting in the portal. */
function debtorAudit(tx: DbOrTx, kase: Case, now: Date): PlanAudit {
  const base = { occurredAt: now, actorKind: "debtor" as const, actorId: kase.debtorId, caseId: kase.id, clientId: kase.clientId };
  return {
    event: (action, entityType, entityId, data = {}) => appendAuditEvent(tx, { ...base, action, entityType, entityId, data }),
    records: async (records) => {
      for (const { type, ...data } of records) await appendAuditEvent(tx, { ...base, action: `case.${type}`, entityType: "case", entityId: kase.id, data });
    },
  };
}

/** Why the case cannot take a debtor's proposal of `kind` now, or null when it can. */
async function unavailability(db: DbOrTx, kase: Case, kind: "plan" | "settlement"): Promise<DebtorProposalUnavailable | null> {
  if (kase.stage === "closed") return "closed";
  if (kase.balanceCents <= 0) return "nothing_due";
  const holds = kase.holds ?? [];
  if (holds.includes("disputed")) return "disputed";
  if (holds.some((h) => (HOLDS_THAT_STOP_CONTACT as readonly string[]).includes(h))) return "on_hold";
  const [live] = await db
    .select({ id: arrangements.id })
    .from(arrangements)
    .where(and(eq(arrangements.caseId, kase.id), inArray(arrangements.status, ["accepted", "active"])))
    .limit(1);
  if (live || kase.stage === "arrangement") return "commitment_running";
  // One waiting proposal per case: a second submission (a double click, a second tab) is refused here.
  // Only `proposed` waits for someone; `countered` rows are past negotiation turns.
  if (await findWaitingProposal(db, kase.id, ["proposed"])) return "proposal_waiting";
  if (kind === "plan") {
    const allowed = transition(caseStateOf(kase), { type: "plan_accepted" });
    if (!allowed.ok) return allowed.refusal.reason === "on_hold" ? "on_hold" : allowed.refusal.reason === "commitment_active" ? "commitment_running" : "not_yet";
  }
  return null;
}

async function assertAvailable(db: DbOrTx, kase: Case, kind: "plan" | "settlement"): Promise<void> {
  const reason = await unavailability(db, kase, kind);
  if (reason) throw unavailable(reason);
}

// ---------------------------------------------------------------------------------------------------
// Inputs

const cents = z.number({ error: "amountCents must be an amount" }).int("amountCents must be whole cents");

export const DebtorPlanTermsInputSchema = z
  .object({
    caseId: z.string(),
    mode: z.enum(["amount", "count"], { error: "mode: choose a monthly amount or a number of instalments" }),
    instalmentCents: cents.optional(),
    count: z.number({ error: "count must be a number" }).int("count must be a whole number").optional(),
    firstDueOn: z.string({ error: "firstDueOn is required" }).trim().refine(isIsoDate, "firstDueOn must be a date (YYYY-MM-DD)"),
    /** The language the offer and its acknowledgment are shown in. */
    locale: z.enum(LOCALES).default("fr"),
  })
  .superRefine((v, ctx) => {
    if (v.mode === "amount" && v.instalmentCents === undefined) ctx.addIssue({ code: "custom", path: ["instalmentCents"], message: "instalmentCents: enter the monthly amount" });
    if (v.mode === "count" && v.count === undefined) ctx.addIssue({ code: "custom", path: ["count"], message: "count: enter the number of instalments" });
  });
export type DebtorPlanTermsInput = z.input<typeof DebtorPlanTermsInputSchema>;
type ParsedTerms = z.output<typeof DebtorPlanTermsInputSchema>;

export const AcceptDebtorPlanInputSchema = DebtorPlanTermsInputSchema.and(
  z.object({
    /** The fingerprint of the offer as shown (`DebtorPlanOffer.fingerprint`). */
    fingerprint: z.string({ error: "fingerprint is required" }).trim().min(1, "fingerprint is required").max(100),
    ip: z.string().max(100).optional(),
    userAgent: z.string().optional(),
    /** The portal's own origin, for the link in the confirmation email. */
    portalUrl: z.string().url().optional(),
  }),
);
export type AcceptDebtorPlanInput = z.input<typeof AcceptDebtorPlanInputSchema>;

export const ReferDebtorPlanInputSchema = DebtorPlanTermsInputSchema.and(
  z.object({ message: z.string().trim().max(SETTLEMENT_MESSAGE_MAX_LENGTH, `message is at most ${SETTLEMENT_MESSAGE_MAX_LENGTH} characters`).optional() }),
);
export type ReferDebtorPlanInput = z.input<typeof ReferDebtorPlanInputSchema>;

export const RequestSettlementInputSchema = z.object({
  caseId: z.string(),
  amountCents: cents,
  payOn: z.string({ error: "payOn is required" }).trim().refine(isIsoDate, "payOn must be a date (YYYY-MM-DD)"),
  message: z.string().optional(),
});
export type RequestSettlementInput = z.input<typeof RequestSettlementInputSchema>;

function termsOf(t: ParsedTerms): DebtorPlanTerms {
  return t.mode === "amount" ? { mode: "amount", instalmentCents: t.instalmentCents!, firstDueOn: t.firstDueOn } : { mode: "count", count: t.count!, firstDueOn: t.firstDueOn };
}

function assertTerms(kase: Case, terms: DebtorPlanTerms, day: IsoDate): void {
  const [problem] = debtorPlanTermsProblems(terms, { today: day, balanceCents: kase.balanceCents, currency: kase.currency });
  if (problem) throw problemError(problem, kase.currency, problem.field === "amount" ? "instalmentCents" : undefined);
}

// ---------------------------------------------------------------------------------------------------
// The policy's answer

/** An offer the debtor may accept: their own plan (`accept`) or the closest the policy allows (`counter`). */
export interface DebtorPlanOffer {
  outcome: "accept" | "counter";
  terms: DebtorPlanTerms;
  currency: string;
  totalCents: number;
  schedule: Instalment[];
  /** Why the debtor's own plan was not accepted (empty for `accept`). */
  reasons: PolicyReasonCode[];
  locale: Locale;
  /** The acknowledgment of debt, exactly as it is shown and, once accepted, stored. */
  acknowledgmentText: string;
  /** Ties an acceptance to this very offer; `acceptDebtorPlan` refuses another. */
  fingerprint: string;
}

/** A proposal only a case handler can answer. */
export interface DebtorPlanReferral {
  outcome: "refer";
  terms: DebtorPlanTerms;
  reasons: PolicyReasonCode[];
  /** When the debtor will have an answer, if they send it. */
  answerBy: IsoDate;
}

export type DebtorPlanDecision = DebtorPlanOffer | DebtorPlanReferral;

/** The names and formatting an acknowledgment needs. */
async function ackFacts(db: DbOrTx, kase: Case) {
  const [[client], [debtor]] = await Promise.all([
    db.select({ name: clients.name, legalName: clients.legalName }).from(clients).where(eq(clients.id, kase.clientId)).limit(1),
    db.select().from(debtors).where(eq(debtors.id, kase.debtorId)).limit(1),
  ]);
  if (!client || !debtor) throw new DomainError("NOT_FOUND", NOT_FOUND);
  return { creditorName: client.legalName || client.name, debtorName: debtorDisplayName(debtor) };
}

async function evaluateDebtorPlan(db: DbOrTx, kase: Case, day: IsoDate, terms: DebtorPlanTerms, locale: Locale): Promise<{ decision: DebtorPlanDecision; preview: PlanPreview }> {
  assertTerms(kase, terms, day);
  const preview = await decidePlan(db, kase, day, debtorPlanProposal(terms));
  const reasons = preview.reasons.map((r) => r.code);
  const schedule = preview.outcome === "active" ? preview.schedule : preview.counterSchedule;
  if (!schedule) return { decision: { outcome: "refer", terms, reasons, answerBy: referralAnswerDate(day) }, preview };
  const facts = await ackFacts(db, kase);
  const acknowledgmentText = planAcknowledgmentText({
    language: locale,
    formatLocale: debtorFormatLocale(locale, kase.jurisdiction as Jurisdiction),
    ...facts,
    reference: kase.reference,
    currency: kase.currency,
    totalCents: kase.balanceCents,
    frequency: DEBTOR_PLAN_FREQUENCY,
    schedule,
  });
  const fingerprint = offerFingerprint({ caseId: kase.id, currency: kase.currency, totalCents: kase.balanceCents, frequency: DEBTOR_PLAN_FREQUENCY, schedule, acknowledgmentText });
  const outcome = preview.outcome === "active" ? "accept" : "counter";
  return { decision: { outcome, terms, currency: kase.currency, totalCents: kase.balanceCents, schedule, reasons, locale, acknowledgmentText, fingerprint }, preview };
}

/** The policy's answer to the debtor's proposal: the offer to accept, or a referral with its answer date. Writes nothing. */
export async function previewDebtorPlan({ ctx, input }: { ctx: Ctx; input: DebtorPlanTermsInput }): Promise<DebtorPlanDecision> {
  const t = parseInput(DebtorPlanTermsInputSchema, input);
  const kase = await requireOwnCase(ctx.db, ctx.actor, t.caseId);
  await assertAvailable(ctx.db, kase, "plan");
  return (await evaluateDebtorPlan(ctx.db, kase, clockOf(ctx).day, termsOf(t), t.locale)).decision;
}

// ---------------------------------------------------------------------------------------------------
// Accepting

/** What accepting a plan produced. */
export interface AcceptedDebtorPlan {
  arrangementId: string;
  documentId: string;
  /** The confirmation email queued, or null when the debtor has no usable email (recorded on the trail). */
  messageId: string | null;
  firstInstalment: { dueOn: IsoDate; amountCents: number };
}

/**
 * Accepts the offer the debtor was shown. The policy is asked again now: if its answer is not the same
 * schedule and text (the balance moved, the policy changed, a day passed), CONFLICT on `fingerprint`
 * and nothing is written. Otherwise, in one transaction: the plan `active` with the acknowledgment (text,
 * time, IP), its instalments, pending promises cancelled, the case to `arrangement`, the PDF agreement
 * stored as a `plan_agreement` document, and the confirmation email queued once.
 */
export async function acceptDebtorPlan({ ctx, input, storage = databaseFileStorage }: { ctx: Ctx; input: AcceptDebtorPlanInput; storage?: FileStorage }): Promise<AcceptedDebtorPlan> {
  const data = parseInput(AcceptDebtorPlanInputSchema, input);
  const { now, day } = clockOf(ctx);
  const terms = termsOf(data);
  return ctx.db.transaction(async (tx) => {
    const kase = await lockOwnCase(tx, ctx.actor, data.caseId);
    await assertAvailable(tx, kase, "plan");
    const { decision, preview } = await evaluateDebtorPlan(tx, kase, day, terms, data.locale);
    if (decision.outcome === "refer" || decision.fingerprint !== data.fingerprint) {
      throw new DomainError("CONFLICT", "The offer has changed since it was shown: look at the new one before accepting.", { field: "fingerprint" });
    }
    const schedule = decision.schedule;
    const first = schedule[0]!;
    const audit = debtorAudit(tx, kase, now);
    const ip = data.ip ?? null;
    const userAgent = data.userAgent?.slice(0, 400) ?? null;
    const isCounter = decision.outcome === "counter";
    const documentId = randomUUID();
    const { arrangementId } = await startPlan(tx, {
      kase,
      now,
      schedule,
      audit,
      details: {
        proposedBy: "debtor",
        proposedByUserId: null,
        terms: {
          frequency: DEBTOR_PLAN_FREQUENCY,
          firstDueOn: first.dueOn,
          instalments: schedule.length,
          ...(first.isDownPayment ? { downPaymentCents: first.amountCents } : {}),
          ...(isCounter ? { proposal: terms, counterOffer: true, reasonCodes: decision.reasons } : terms.mode === "amount" ? { instalmentCents: terms.instalmentCents } : { count: terms.count }),
          locale: decision.locale,
          offerFingerprint: decision.fingerprint,
          agreementDocumentId: documentId,
          approver: preview.approver,
        },
        decisionReason: isCounter
          ? `Counter-offer of the client's negotiation policy, accepted by the debtor in the portal (${preview.reasons.map((r) => r.message).join(" ")})`
          : "Within the client's negotiation policy; accepted by the debtor in the portal",
        acknowledgmentText: decision.acknowledgmentText,
        acknowledgmentIp: ip,
        acknowledgedAt: now,
      },
      auditData: {
        decision: decision.outcome,
        via: "portal",
        reasonCodes: decision.reasons,
        offerFingerprint: decision.fingerprint,
        acknowledgment: { locale: decision.locale, ip, userAgent, textSha256: createHash("sha256").update(decision.acknowledgmentText).digest("hex") },
      },
    });

    await storeAgreement(tx, ctx, storage, kase, { documentId, arrangementId, decision, ip, now });
    const messageId = await queuePlanConfirmation(tx, ctx, kase, { arrangementId, locale: decision.locale, firstDueOn: first.dueOn, now, portalUrl: data.portalUrl });
    return { arrangementId, documentId, messageId, firstInstalment: { dueOn: first.dueOn, amountCents: first.amountCents } };
  });
}

async function storeAgreement(
  tx: Tx,
  ctx: Ctx,
  storage: FileStorage,
  kase: Case,
  a: { documentId: string; arrangementId: string; decision: DebtorPlanOffer; ip: string | null; now: Date },
): Promise<void> {
  const [agency, facts] = await Promise.all([findAgencyProfile({ ctx: { ...ctx, db: tx } }), ackFacts(tx, kase)]);
  const bytes = planAgreementPdf({
    language: a.decision.locale,
    formatLocale: debtorFormatLocale(a.decision.locale, kase.jurisdiction as Jurisdiction),
    agency: agency ? { name: agency.name, legalName: agency.legalName, address: agency.address, registrationNumber: agency.registrationNumber } : null,
    ...facts,
    reference: kase.reference,
    currency: kase.currency,
    totalCents: a.decision.totalCents,
    schedule: a.decision.schedule,
    acknowledgmentText: a.decision.acknowledgmentText,
    acceptedAt: a.now,
    ip: a.ip,
    fingerprint: a.decision.fingerprint,
  });
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const filename = planAgreementFilename(a.decision.locale, kase.reference);
  const storageKey = documentStorageKey(kase.clientId, a.documentId);
  await tx.insert(documents).values({
    id: a.documentId,
    clientId: kase.clientId,
    caseId: kase.id,
    kind: "plan_agreement",
    filename,
    mimeType: "application/pdf",
    sizeBytes: bytes.length,
    sha256,
    storageKey,
    uploadedByUserId: null,
    createdAt: a.now,
  });
  await storage.put(tx, storageKey, bytes);
  await debtorAudit(tx, kase, a.now).event("document.generated", "document", a.documentId, {
    kind: "plan_agreement",
    filename,
    mimeType: "application/pdf",
    sizeBytes: bytes.length,
    sha256,
    arrangementId: a.arrangementId,
  });
}

/**
 * Queues the plan's confirmation email (outbox key `plan-confirmation:<arrangementId>`: one per plan),
 * in the language the debtor accepted in, to an address that may still be written to. Without one, the
 * trail says why none was queued: a confirmation is never dropped silently.
 */
async function queuePlanConfirmation(
  tx: Tx,
  ctx: Ctx,
  kase: Case,
  p: { arrangementId: string; locale: Locale; firstDueOn: IsoDate; now: Date; portalUrl?: string },
): Promise<string | null> {
  const audit = debtorAudit(tx, kase, p.now);
  const skip = async (reason: "no_email" | "template_missing" | "value_missing") => {
    await audit.event("arrangement.confirmation_not_sent", "arrangement", p.arrangementId, { reason });
    return null;
  };
  const context = await loadMessageContext(tx, ctx.actor, kase);
  const point = firstUsableEmail(context.contactPoints);
  if (!point) return skip("no_email");
  const template = await findApplicableTemplate(tx, { clientId: kase.clientId, key: PLAN_CONFIRMATION_TEMPLATE, channel: "email", locale: p.locale });
  if (!template) return skip("template_missing");
  const localeTag = debtorFormatLocale(p.locale, kase.jurisdiction as Jurisdiction);
  // {amount} is what the plan pays (the balance), {deadline} its first due date.
  const values = templateValues(context, { localeTag, deadline: p.firstDueOn, portalUrl: p.portalUrl ?? DEFAULT_PORTAL_URL });
  let subject: string | null;
  let body: string;
  try {
    subject = template.subject ? renderTemplate(template.subject, values) : null;
    body = renderTemplate(template.body, values);
  } catch (error) {
    if (isDomainError(error)) return skip("value_missing");
    throw error;
  }
  return queueDebtorEmail(tx, {
    kase,
    audit,
    now: p.now,
    point,
    template: template.key,
    locale: p.locale,
    subject,
    body,
    data: { templateId: template.id, isClientWording: template.isClientWording, arrangementId: p.arrangementId, deadline: null, values },
    idempotencyKey: `plan-confirmation:${p.arrangementId}`,
    auditData: { isClientWording: template.isClientWording, deadline: null, arrangementId: p.arrangementId },
  });
}

// ---------------------------------------------------------------------------------------------------
// Referring

/**
 * Sends the debtor's own plan to a case handler: when the policy refers it, or when the debtor prefers
 * it reviewed to the counter-offer. It waits `proposed` in the approvals queue with the policy's reasons
 * and counter-offer, as an agent's does. One waiting proposal per case: a second is CONFLICT.
 */
export async function referDebtorPlan({ ctx, input }: { ctx: Ctx; input: ReferDebtorPlanInput }): Promise<{ arrangementId: string; answerBy: IsoDate }> {
  const data = parseInput(ReferDebtorPlanInputSchema, input);
  const { now, day } = clockOf(ctx);
  const terms = termsOf(data);
  return ctx.db.transaction(async (tx) => {
    const kase = await lockOwnCase(tx, ctx.actor, data.caseId);
    await assertAvailable(tx, kase, "plan");
    const { decision, preview } = await evaluateDebtorPlan(tx, kase, day, terms, data.locale);
    if (decision.outcome === "accept") throw new DomainError("CONFLICT", "This plan is within what the creditor allows: accept it directly.", { field: "fingerprint" });
    const answerBy = referralAnswerDate(day);
    const declinedCounter = decision.outcome === "counter";
    const reason = [
      preview.reasons.map((r) => r.message).join(" "),
      declinedCounter ? "The debtor asked for their own proposal to be reviewed rather than the counter-offer." : "",
    ]
      .filter(Boolean)
      .join(" ");
    const arrangementId = await fileProposal(tx, {
      kase,
      now,
      kind: "plan",
      totalCents: kase.balanceCents,
      audit: debtorAudit(tx, kase, now),
      details: {
        proposedBy: "debtor",
        proposedByUserId: null,
        // decideApproval rebuilds the schedule from these terms, as it does for an agent's proposal.
        terms: {
          frequency: DEBTOR_PLAN_FREQUENCY,
          firstDueOn: terms.firstDueOn,
          ...(terms.mode === "amount" ? { instalmentCents: terms.instalmentCents } : { count: terms.count }),
          instalments: preview.schedule.length,
          reasonCodes: preview.reasons.map((r) => r.code),
          approver: preview.approver,
          answerBy,
          ...(preview.counterSchedule ? { counter: preview.counterSchedule } : {}),
          ...(declinedCounter ? { counterDeclined: true } : {}),
          ...(data.message ? { debtorMessage: data.message } : {}),
        },
        decisionReason: reason,
      },
      auditData: {
        via: "portal",
        totalCents: kase.balanceCents,
        instalments: preview.schedule.length,
        reason,
        reasonCodes: preview.reasons.map((r) => r.code),
        approver: preview.approver,
        answerBy,
        counterDeclined: declinedCounter,
      },
    });
    return { arrangementId, answerBy };
  });
}

/**
 * The debtor asks to settle for a lump sum below the balance, paid on `payOn`: always referred (a person
 * looks at every settlement). More than zero and less than the balance, or VALIDATION on `amountCents`.
 */
export async function requestSettlement({ ctx, input }: { ctx: Ctx; input: RequestSettlementInput }): Promise<{ arrangementId: string; answerBy: IsoDate }> {
  const data = parseInput(RequestSettlementInputSchema, input);
  const { now, day } = clockOf(ctx);
  const message = data.message?.trim() || undefined;
  const terms: SettlementTerms = { amountCents: data.amountCents, payOn: data.payOn, ...(message ? { message } : {}) };
  return ctx.db.transaction(async (tx) => {
    const kase = await lockOwnCase(tx, ctx.actor, data.caseId);
    await assertAvailable(tx, kase, "settlement");
    const [problem] = settlementTermsProblems(terms, { today: day, balanceCents: kase.balanceCents, currency: kase.currency });
    if (problem) throw problemError(problem, kase.currency);
    const found = await findPolicy(tx, kase.clientId);
    const answer = found
      ? evaluateProposal({ policy: found.policy, balanceCents: kase.balanceCents, today: day, proposal: { kind: "settlement", amountCents: terms.amountCents, payOn: terms.payOn } })
      : null;
    // The domain refers every settlement; without a policy there is nothing else to say.
    const reasons: readonly PolicyReason[] = answer && answer.decision === "refer" ? answer.reasons : [{ code: "settlement_requires_approval", message: "A settlement is always reviewed by a case handler." }];
    const approver = found?.approver ?? "supervisor";
    const answerBy = referralAnswerDate(day);
    const reason = reasons.map((r) => r.message).join(" ");
    const arrangementId = await fileProposal(tx, {
      kase,
      now,
      kind: "settlement",
      totalCents: terms.amountCents,
      audit: debtorAudit(tx, kase, now),
      details: {
        proposedBy: "debtor",
        proposedByUserId: null,
        terms: {
          kind: "settlement",
          amountCents: terms.amountCents,
          payOn: terms.payOn,
          balanceCents: kase.balanceCents,
          reasonCodes: reasons.map((r) => r.code),
          approver,
          answerBy,
          ...(message ? { debtorMessage: message } : {}),
        },
        decisionReason: reason,
      },
      auditData: { via: "portal", kind: "settlement", amountCents: terms.amountCents, balanceCents: kase.balanceCents, payOn: terms.payOn, reasonCodes: reasons.map((r) => r.code), approver, answerBy },
    });
    return { arrangementId, answerBy };
  });
}

// ---------------------------------------------------------------------------------------------------
// The plan page

/** A proposal of the debtor's waiting for a case handler. */
export interface WaitingDebtorProposal {
  arrangementId: string;
  kind: "plan" | "settlement";
  totalCents: number;
  proposedOn: IsoDate;
  answerBy: IsoDate;
}

/** The debtor's agreed plan and its agreement. */
export interface DebtorAgreedPlan {
  arrangementId: string;
  totalCents: number;
  acceptedAt: string | null;
  instalments: { seq: number; dueOn: IsoDate; amountCents: number; paidCents: number; status: string }[];
  /** The first instalment not yet fully paid. */
  nextDue: { dueOn: IsoDate; amountCents: number } | null;
  /** The PDF agreement, when the plan was accepted in the portal. */
  agreementDocumentId: string | null;
}

/** What the plan and settlement pages need. */
export interface DebtorPlanPage {
  caseId: string;
  reference: string;
  currency: string;
  balanceCents: number;
  today: IsoDate;
  defaultFirstDueOn: IsoDate;
  latestDate: IsoDate;
  minimumInstalmentCents: number;
  maxCount: number;
  /** Why no plan can be proposed now, or null when one can. */
  planUnavailable: DebtorProposalUnavailable | null;
  /** Why no settlement can be asked for now, or null when one can. */
  settlementUnavailable: DebtorProposalUnavailable | null;
  waiting: WaitingDebtorProposal | null;
  plan: DebtorAgreedPlan | null;
}

/** The plan page's facts for the debtor's case: what can be proposed, what waits, what is agreed. */
export async function getDebtorPlanPage({ ctx, input }: { ctx: Ctx; input: { caseId: string } }): Promise<DebtorPlanPage> {
  const kase = await requireOwnCase(ctx.db, ctx.actor, input.caseId);
  const { day } = clockOf(ctx);
  const [planUnavailable, settlementUnavailable, rows] = await Promise.all([
    unavailability(ctx.db, kase, "plan"),
    unavailability(ctx.db, kase, "settlement"),
    ctx.db
      .select()
      .from(arrangements)
      .where(and(eq(arrangements.caseId, kase.id), inArray(arrangements.status, ["proposed", "accepted", "active"])))
      .orderBy(desc(arrangements.createdAt)),
  ]);
  const waitingRow = rows.find((r) => r.status === "proposed");
  const waiting: WaitingDebtorProposal | null = waitingRow
    ? {
        arrangementId: waitingRow.id,
        kind: waitingRow.kind as "plan" | "settlement",
        totalCents: waitingRow.totalCents,
        proposedOn: calendarDateIn(waitingRow.createdAt, "Europe/Paris"),
        answerBy: answerByOf(waitingRow.terms, waitingRow.createdAt),
      }
    : null;
  const liveRow = rows.find((r) => r.kind === "plan" && (r.status === "active" || r.status === "accepted"));
  let plan: DebtorAgreedPlan | null = null;
  if (liveRow) {
    const lines = await ctx.db.select().from(instalments).where(eq(instalments.arrangementId, liveRow.id)).orderBy(asc(instalments.seq));
    const list = lines.map((i) => ({ seq: i.seq, dueOn: i.dueOn, amountCents: i.amountCents, paidCents: i.paidCents, status: i.status }));
    const next = list.find((i) => i.paidCents < i.amountCents && i.status !== "waived");
    const agreementId = (liveRow.terms as { agreementDocumentId?: unknown }).agreementDocumentId;
    let agreementDocumentId: string | null = null;
    if (typeof agreementId === "string") {
      const [doc] = await ctx.db
        .select({ id: documents.id })
        .from(documents)
        .where(and(eq(documents.id, agreementId), eq(documents.caseId, kase.id), eq(documents.kind, "plan_agreement")))
        .limit(1);
      agreementDocumentId = doc?.id ?? null;
    }
    plan = {
      arrangementId: liveRow.id,
      totalCents: liveRow.totalCents,
      acceptedAt: liveRow.acceptedAt?.toISOString() ?? null,
      instalments: list,
      nextDue: next ? { dueOn: next.dueOn, amountCents: next.amountCents - next.paidCents } : null,
      agreementDocumentId,
    };
  }
  return {
    caseId: kase.id,
    reference: kase.reference,
    currency: kase.currency,
    balanceCents: Math.max(0, kase.balanceCents),
    today: day,
    defaultFirstDueOn: defaultDebtorFirstPaymentDate(day),
    latestDate: addDays(day, DEBTOR_PROPOSAL_MAX_DAYS_AHEAD),
    minimumInstalmentCents: minimumDebtorInstalmentCents(Math.max(1, kase.balanceCents)),
    maxCount: Math.max(1, Math.min(DEBTOR_PLAN_MAX_COUNT, kase.balanceCents)),
    planUnavailable,
    settlementUnavailable,
    waiting,
    plan,
  };
}

function answerByOf(terms: unknown, createdAt: Date): IsoDate {
  const stored = (terms as { answerBy?: unknown } | null)?.answerBy;
  return typeof stored === "string" && isIsoDate(stored) ? stored : referralAnswerDate(calendarDateIn(createdAt, "Europe/Paris"));
}
