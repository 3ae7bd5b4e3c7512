/**
 * A file added to a case: the invoice a client creditor places with it, a contract, a receipt, a letter
 * or proof the agency received. The bytes are checked for what they are (not what they are called),
 * hashed, and stored with the document row and its audit event in one transaction.
 */
import { cases, claims, documents, type Case } from "@recouvra/db";
import { acceptDocument, DOCUMENT_KINDS, DomainError, MAX_DOCUMENT_BYTES, uploadableDocumentKinds, type DocumentKind } from "@recouvra/domain";
import { and, eq } from "drizzle-orm";
import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import type { Actor, Ctx } from "../context.ts";
import { auditFor, clockOf, parseInput } from "../cases/actions/shared.ts";
import { canWorkCases, isUuid, requireCase } from "../scope.ts";
import { databaseFileStorage, type FileStorage } from "../storage/file-storage.ts";
import { readAtMost, type DocumentBytes } from "./read-at-most.ts";

export const UploadCaseDocumentInputSchema = z.object({
  caseId: z.string(),
  kind: z.enum(DOCUMENT_KINDS, { error: "Choose what the document is." }),
  // An empty choice in the form ("not about one invoice") arrives as "".
  claimId: z
    .string()
    .trim()
    .optional()
    .transform((s) => (s ? s : undefined)),
});

export interface UploadCaseDocumentInput extends z.input<typeof UploadCaseDocumentInputSchema> {
  file: {
    /** The name the uploader's machine gave it; sanitised before it is kept. */
    name: string;
    /** The type the browser declared; a hint only, the content decides. */
    type?: string | null;
    content: DocumentBytes;
  };
}

/** What was stored. */
export interface UploadedDocument {
  documentId: string;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
}

/** "staff" or "client" for who may add documents to `kase`; anyone else is refused. */
function uploaderOf(actor: Actor): "staff" | "client" {
  if (canWorkCases(actor)) return "staff";
  if (actor.kind === "user" && actor.role === "client") return "client";
  throw new DomainError("FORBIDDEN", "Debtors send their documents through the debtor portal.");
}

/** The key of a document's bytes: per client first, so an object store can apply a client's retention to a prefix. */
export function documentStorageKey(clientId: string, documentId: string): string {
  return `documents/${clientId}/${documentId}`;
}

const MAX_WORDS = `${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`;

/**
 * Adds a file to a case. Staff who can work the case, and the client users of the case's client (they
 * place invoices). NOT_FOUND for a case out of scope; VALIDATION naming `kind`, `claimId` or `file`;
 * LIMIT_EXCEEDED (field `file`) above 10 MB, without reading further; CONFLICT when the same file is
 * already on the case (a form sent twice stores one document).
 */
export async function uploadCaseDocument({
  ctx,
  input,
  storage = databaseFileStorage,
}: {
  ctx: Ctx;
  input: UploadCaseDocumentInput;
  storage?: FileStorage;
}): Promise<UploadedDocument> {
  const data = parseInput(UploadCaseDocumentInputSchema, { caseId: input.caseId, kind: input.kind, claimId: input.claimId });
  // Everything that does not need the file is checked before it is read: a refused upload is not received.
  const found = await requireCase(ctx.db, ctx.actor, data.caseId);
  const uploader = uploaderOf(ctx.actor);
  if (!uploadableDocumentKinds(uploader).includes(data.kind)) {
    throw new DomainError("VALIDATION", uploader === "client" ? "Choose an invoice, a contract, a receipt or another paper." : "A remittance statement belongs to a client, not to a case.", { field: "kind" });
  }
  if (data.claimId !== undefined) await requireClaimOf(ctx, found, data.claimId);

  const bytes = await readAtMost(input.file.content, MAX_DOCUMENT_BYTES);
  if (!bytes) throw new DomainError("LIMIT_EXCEEDED", `The file is larger than ${MAX_WORDS}: scan it at a lower resolution or split it.`, { field: "file" });
  const accepted = acceptDocument({ filename: input.file.name, declaredType: input.file.type, bytes });
  if (!accepted.ok) throw new DomainError("VALIDATION", accepted.message, { field: "file" });
  const sha256 = createHash("sha256").update(bytes).digest("hex");

  const { now } = clockOf(ctx);
  const documentId = randomUUID();
  const storageKey = documentStorageKey(found.clientId, documentId);
  const userId = ctx.actor.kind === "user" ? ctx.actor.userId : null;
  return ctx.db.transaction(async (tx) => {
    // The case row lock queues two uploads of the same case, so the duplicate check below sees the other.
    const [kase] = await tx.select().from(cases).where(eq(cases.id, found.id)).for("update");
    if (!kase) throw new DomainError("NOT_FOUND", "This case does not exist or is not yours to see.");
    const [same] = await tx
      .select({ filename: documents.filename })
      .from(documents)
      .where(and(eq(documents.caseId, kase.id), eq(documents.sha256, sha256)))
      .limit(1);
    if (same) throw new DomainError("CONFLICT", `This file is already on the case, as ${same.filename}.`, { field: "file" });
    await tx.insert(documents).values({
      id: documentId,
      clientId: kase.clientId,
      caseId: kase.id,
      claimId: data.claimId ?? null,
      kind: data.kind,
      filename: accepted.filename,
      mimeType: accepted.mimeType,
      sizeBytes: bytes.length,
      sha256,
      storageKey,
      uploadedByUserId: userId,
      createdAt: now,
    });
    await storage.put(tx, storageKey, bytes);
    await auditFor(tx, ctx, kase, now).event("document.uploaded", "document", documentId, {
      kind: data.kind,
      filename: accepted.filename,
      mimeType: accepted.mimeType,
      sizeBytes: bytes.length,
      sha256,
      claimId: data.claimId ?? null,
      byRole: uploader,
    });
    return { documentId, filename: accepted.filename, mimeType: accepted.mimeType, sizeBytes: bytes.length, sha256 };
  });
}

async function requireClaimOf(ctx: Ctx, kase: Case, claimId: string): Promise<void> {
  const refused = new DomainError("VALIDATION", "The invoice chosen is not one of this case's claims.", { field: "claimId" });
  if (!isUuid(claimId)) throw refused;
  const [claim] = await ctx.db
    .select({ id: claims.id })
    .from(claims)
    .where(and(eq(claims.id, claimId), eq(claims.caseId, kase.id)))
    .limit(1);
  if (!claim) throw refused;
}

/** What the upload form offers on a case: the kinds the actor may add and the case's invoices. */
export interface DocumentUploadForm {
  caseId: string;
  reference: string;
  uploader: "staff" | "client";
  kinds: DocumentKind[];
  claims: { id: string; invoiceNumber: string }[];
  maxBytes: number;
}

/** The choices of the upload form of `caseId`, for whoever may add documents to it; NOT_FOUND outside scope. */
export async function getDocumentUploadForm({ ctx, input }: { ctx: Ctx; input: { caseId: string } }): Promise<DocumentUploadForm> {
  const kase = await requireCase(ctx.db, ctx.actor, input.caseId);
  const uploader = uploaderOf(ctx.actor);
  const rows = await ctx.db
    .select({ id: claims.id, invoiceNumber: claims.invoiceNumber })
    .from(claims)
    .where(eq(claims.caseId, kase.id))
    .orderBy(claims.dueOn, claims.invoiceNumber);
  return { caseId: kase.id, reference: kase.reference, uploader, kinds: [...uploadableDocumentKinds(uploader)], claims: rows, maxBytes: MAX_DOCUMENT_BYTES };
}
