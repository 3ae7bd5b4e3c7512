/**
 * The debtor disputes the debt in the portal, or says it is already paid, with evidence: collection
 * pauses at once (the `disputed` hold, through the same core as a dispute opened in the workspace), the
 * evidence is stored with the dispute, the case handler finds the case at the top of their queue today,
 * and the debtor gets an acknowledgment by email. One transaction: a refused file writes nothing.
 */
import { clients, debtors, disputes, documents, type Case, type Tx } from "@recouvra/db";
import {
  acceptDocument,
  ALREADY_PAID_METHODS,
  alreadyPaidDetails,
  alreadyPaidProblem,
  debtorFormatLocale,
  DISPUTE_REASONS,
  formatLongDate,
  isIsoDate,
  LOCALES,
  MAX_DOCUMENT_BYTES,
  type DisputeReason,
  type Jurisdiction,
  type Locale,
} from "@recouvra/domain";
import { and, asc, eq } from "drizzle-orm";
import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import { findAgencyProfile } from "../agency/get-agency-profile.ts";
import { insertOpenDispute } from "../cases/actions/disputes.ts";
import { clockOf, parseInput } from "../cases/actions/shared.ts";
import type { Ctx } from "../context.ts";
import { readAtMost, type DocumentBytes } from "../documents/read-at-most.ts";
import { documentStorageKey } from "../documents/upload-case-document.ts";
import { queueDebtorEmail, usableDebtorEmail } from "../messages/queue-debtor-email.ts";
import { databaseFileStorage, type FileStorage } from "../storage/file-storage.ts";
import { debtorAudit, insertPortalInteraction, lockDebtorCase, refuseClosed, requireDebtorCase, selfServiceError } from "./self-service-shared.ts";
import { DISPUTE_ACKNOWLEDGMENT_TEMPLATE, DISPUTE_ACKNOWLEDGMENT_TEXTS, type AcknowledgmentKind } from "./self-service-texts.ts";

/** At most this many files go with one dispute. */
export const MAX_EVIDENCE_FILES = 5;
/** What a debtor may send as evidence: scans and photos of papers. */
export const EVIDENCE_MIME_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;

/** One file the debtor sends with a dispute. */
export interface EvidenceFile {
  /** The name the debtor's device gave it; sanitised before it is kept. */
  name: string;
  /** The type the browser declared; a hint only, the content decides. */
  type?: string | null;
  content: DocumentBytes;
}

interface AcceptedEvidence {
  filename: string;
  mimeType: string;
  bytes: Uint8Array;
  sha256: string;
}

const MAX_WORDS = `${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`;

/**
 * Reads and checks every file before anything is written: too many files, one larger than 10 MB, an
 * empty one or one that is not really a PDF, JPEG or PNG is refused naming the file (field `evidence`).
 * The same file chosen twice is kept once.
 */
async function readEvidence(files: readonly EvidenceFile[]): Promise<AcceptedEvidence[]> {
  if (files.length > MAX_EVIDENCE_FILES) {
    throw selfServiceError("VALIDATION", `evidence: send at most ${MAX_EVIDENCE_FILES} files`, "evidence", { reason: "too_many_files", filename: null });
  }
  const accepted: AcceptedEvidence[] = [];
  for (const file of files) {
    const bytes = await readAtMost(file.content, MAX_DOCUMENT_BYTES);
    if (!bytes) throw selfServiceError("LIMIT_EXCEEDED", `evidence: ${file.name} is larger than ${MAX_WORDS}`, "evidence", { reason: "file_too_big", filename: file.name });
    const checked = acceptDocument({ filename: file.name, declaredType: file.type, bytes });
    if (!checked.ok) {
      throw selfServiceError("VALIDATION", `evidence: ${checked.message}`, "evidence", { reason: bytes.length === 0 ? "file_empty" : "file_type", filename: file.name });
    }
    if (!(EVIDENCE_MIME_TYPES as readonly string[]).includes(checked.mimeType)) {
      throw selfServiceError("VALIDATION", `evidence: ${file.name} is not a PDF, JPEG or PNG file`, "evidence", { reason: "file_type", filename: file.name });
    }
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    if (!accepted.some((a) => a.sha256 === sha256)) accepted.push({ filename: checked.filename, mimeType: checked.mimeType, bytes, sha256 });
  }
  return accepted;
}

/** What the acknowledgment email came to. */
export type AcknowledgmentOutcome = { messageId: string } | { skipped: "no_email" };

/** What opening a dispute from the portal wrote. */
export interface OpenedDebtorDispute {
  disputeId: string;
  documentIds: string[];
  interactionId: string;
  acknowledgment: AcknowledgmentOutcome;
}

/** The dispute-opening path both portal forms share. */
async function openFromPortal(
  ctx: Ctx,
  storage: FileStorage,
  request: { caseId: string; reason: DisputeReason; details: string; note: string; files: readonly EvidenceFile[]; kind: AcknowledgmentKind; data?: Record<string, unknown> },
): Promise<OpenedDebtorDispute> {
  // Whose case and whether it is open are settled before a byte of the files is read.
  refuseClosed(await requireDebtorCase(ctx.db, ctx, request.caseId));
  const evidence = await readEvidence(request.files);
  const { now, day } = clockOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const kase = await lockDebtorCase(tx, ctx, request.caseId);
    refuseClosed(kase);
    const [open] = await tx.select({ openedAt: disputes.openedAt }).from(disputes).where(and(eq(disputes.caseId, kase.id), eq(disputes.status, "open")));
    if (open) {
      throw selfServiceError("CONFLICT", "A dispute of this file is already being looked at: write to us to add to it.", null, { reason: "dispute_open", openedAt: open.openedAt.toISOString() });
    }
    // Whatever collection step was due is moot once the case is on hold: the dispute is what is due, today.
    const nextAction = { on: day, kind: "portal_dispute" };
    const opened = await insertOpenDispute(tx, kase, { reason: request.reason, details: request.details, openedAt: now, nextAction });
    const audit = debtorAudit(tx, kase, now);
    const documentIds: string[] = [];
    for (const file of evidence) {
      const documentId = randomUUID();
      const storageKey = documentStorageKey(kase.clientId, documentId);
      await tx.insert(documents).values({
        id: documentId,
        clientId: kase.clientId,
        caseId: kase.id,
        disputeId: opened.disputeId,
        kind: "dispute_evidence",
        filename: file.filename,
        mimeType: file.mimeType,
        sizeBytes: file.bytes.length,
        sha256: file.sha256,
        storageKey,
        uploadedByUserId: null,
        createdAt: now,
      });
      await storage.put(tx, storageKey, file.bytes);
      documentIds.push(documentId);
    }
    const interactionId = await insertPortalInteraction(tx, kase, { now, outcome: "disputed", note: request.note });
    await audit.event("dispute.opened", "dispute", opened.disputeId, { reason: request.reason, via: "portal", interactionId, documentIds, ...request.data });
    await audit.records(opened.records);
    for (const [i, file] of evidence.entries()) {
      await audit.event("document.uploaded", "document", documentIds[i]!, {
        kind: "dispute_evidence",
        filename: file.filename,
        mimeType: file.mimeType,
        sizeBytes: file.bytes.length,
        sha256: file.sha256,
        disputeId: opened.disputeId,
        byRole: "debtor",
      });
    }
    const acknowledgment = await queueAcknowledgment(tx, ctx, kase, { disputeId: opened.disputeId, kind: request.kind, documents: documentIds.length, day });
    return { disputeId: opened.disputeId, documentIds, interactionId, acknowledgment };
  });
}

/**
 * Queues the acknowledgment email (outbox key `dispute-ack:<disputeId>`: one per dispute) to the
 * debtor's first usable email address; without one, the trail says why none was sent.
 */
async function queueAcknowledgment(tx: Tx, ctx: Ctx, kase: Case, ack: { disputeId: string; kind: AcknowledgmentKind; documents: number; day: string }): Promise<AcknowledgmentOutcome> {
  const now = ctx.clock.now();
  const audit = debtorAudit(tx, kase, now);
  const point = await usableDebtorEmail(tx, kase);
  if (!point) {
    await audit.event("dispute.acknowledgment_not_sent", "dispute", ack.disputeId, { reason: "no_email" });
    return { skipped: "no_email" };
  }
  const [[debtor], [client], agency] = await Promise.all([
    tx.select({ locale: debtors.locale }).from(debtors).where(eq(debtors.id, kase.debtorId)).limit(1),
    tx.select({ name: clients.name }).from(clients).where(eq(clients.id, kase.clientId)).limit(1),
    findAgencyProfile({ ctx: { ...ctx, db: tx } }),
  ]);
  const locale: Locale = (LOCALES as readonly string[]).includes(debtor?.locale ?? "") ? (debtor!.locale as Locale) : "fr";
  const texts = DISPUTE_ACKNOWLEDGMENT_TEXTS[locale];
  const values = {
    reference: kase.reference,
    creditor: client?.name ?? "",
    agency: agency?.name ?? "",
    date: formatLongDate(ack.day, debtorFormatLocale(locale, kase.jurisdiction as Jurisdiction)),
    documents: ack.documents,
  };
  const messageId = await queueDebtorEmail(tx, {
    kase,
    audit,
    now,
    point,
    template: DISPUTE_ACKNOWLEDGMENT_TEMPLATE,
    locale,
    subject: texts.subject(ack.kind, kase.reference),
    body: texts.body(ack.kind, values),
    data: { purpose: "dispute_acknowledgment", disputeId: ack.disputeId, kind: ack.kind, values },
    idempotencyKey: `dispute-ack:${ack.disputeId}`,
    auditData: { disputeId: ack.disputeId },
  });
  return { messageId };
}

const detailsField = (max: number) =>
  z
    .string({ error: "details: tell us in your own words" })
    .trim()
    .min(1, "details: tell us in your own words")
    .max(max, `details: at most ${max.toLocaleString("en-GB")} characters`);

export const OpenDebtorDisputeInputSchema = z.object({
  caseId: z.string(),
  reason: z.enum(DISPUTE_REASONS, { error: "reason: choose why you dispute the debt" }),
  details: detailsField(5000),
});
export type OpenDebtorDisputeInput = z.input<typeof OpenDebtorDisputeInputSchema> & { files?: readonly EvidenceFile[] };

/**
 * The debtor disputes the debt of their case: the reason, their words, and 0–5 files. Collection pauses
 * at once (hold `disputed`), the dispute's files are kept as `dispute_evidence`, the case is put before
 * its handler today and an acknowledgment email is queued. NOT_FOUND for anyone but the case's debtor;
 * CONFLICT on a closed case or beside an open dispute; VALIDATION / LIMIT_EXCEEDED naming the field
 * (the file, for `evidence`), with nothing written.
 */
export async function openDebtorDispute({ ctx, input, storage = databaseFileStorage }: { ctx: Ctx; input: OpenDebtorDisputeInput; storage?: FileStorage }): Promise<OpenedDebtorDispute> {
  const data = parseInput(OpenDebtorDisputeInputSchema, { caseId: input.caseId, reason: input.reason, details: input.details });
  return openFromPortal(ctx, storage, { caseId: data.caseId, reason: data.reason, details: data.details, note: data.details, files: input.files ?? [], kind: "dispute" });
}

export const ReportAlreadyPaidInputSchema = z.object({
  caseId: z.string(),
  paidOn: z.string({ error: "paidOn: give the date you paid" }).refine(isIsoDate, "paidOn: give the date you paid"),
  amountCents: z.number({ error: "amountCents: give the amount you paid" }).int("amountCents: give the amount in euros and cents").positive("amountCents: the amount paid must be more than zero"),
  method: z.enum(ALREADY_PAID_METHODS, { error: "method: say how you paid" }),
  note: z.string().trim().max(2000, "note: at most 2,000 characters").optional(),
});
export type ReportAlreadyPaidInput = z.input<typeof ReportAlreadyPaidInputSchema> & { files?: readonly EvidenceFile[] };

/**
 * The debtor says the debt is already paid: when, how much, how, and their proof. It is a dispute with
 * reason `already_paid` whose details say all that in words, with the same effects as `openDebtorDispute`.
 */
export async function reportAlreadyPaid({ ctx, input, storage = databaseFileStorage }: { ctx: Ctx; input: ReportAlreadyPaidInput; storage?: FileStorage }): Promise<OpenedDebtorDispute> {
  const data = parseInput(ReportAlreadyPaidInputSchema, { caseId: input.caseId, paidOn: input.paidOn, amountCents: input.amountCents, method: input.method, note: input.note || undefined });
  const kase = await requireDebtorCase(ctx.db, ctx, data.caseId);
  const { day } = clockOf(ctx);
  const problem = alreadyPaidProblem(data, day);
  if (problem) throw selfServiceError("VALIDATION", problem.message, problem.field, { reason: "invalid" });
  const details = alreadyPaidDetails({ paidOn: data.paidOn, amountCents: data.amountCents, currency: kase.currency, method: data.method, note: data.note });
  return openFromPortal(ctx, storage, {
    caseId: data.caseId,
    reason: "already_paid",
    details,
    note: details,
    files: input.files ?? [],
    kind: "already_paid",
    data: { paidOn: data.paidOn, amountCents: data.amountCents, currency: kase.currency, method: data.method },
  });
}

/** What the dispute and "already paid" pages show. */
export interface DebtorDisputeStatus {
  caseId: string;
  reference: string;
  currency: string;
  balanceCents: number;
  today: string;
  isClosed: boolean;
  /** The dispute being looked at, with the files the debtor sent; null when none is open. */
  openDispute: { id: string; reason: DisputeReason; openedAt: string; documents: { id: string; filename: string }[] } | null;
  maxFiles: number;
  maxBytes: number;
}

/** The dispute state of the debtor's case; NOT_FOUND for anyone else. */
export async function getDebtorDisputeStatus({ ctx, input }: { ctx: Ctx; input: { caseId: string } }): Promise<DebtorDisputeStatus> {
  const kase = await requireDebtorCase(ctx.db, ctx, input.caseId);
  const [open] = await ctx.db.select().from(disputes).where(and(eq(disputes.caseId, kase.id), eq(disputes.status, "open"))).limit(1);
  const files = open
    ? await ctx.db
        .select({ id: documents.id, filename: documents.filename })
        .from(documents)
        .where(and(eq(documents.caseId, kase.id), eq(documents.disputeId, open.id)))
        .orderBy(asc(documents.createdAt), asc(documents.filename))
    : [];
  return {
    caseId: kase.id,
    reference: kase.reference,
    currency: kase.currency,
    balanceCents: Math.max(0, kase.balanceCents),
    today: clockOf(ctx).day,
    isClosed: kase.stage === "closed",
    openDispute: open ? { id: open.id, reason: open.reason as DisputeReason, openedAt: open.openedAt.toISOString(), documents: files } : null,
    maxFiles: MAX_EVIDENCE_FILES,
    maxBytes: MAX_DOCUMENT_BYTES,
  };
}
