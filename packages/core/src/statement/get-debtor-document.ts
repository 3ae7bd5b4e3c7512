/** One of the debtor's documents, for download from the portal. */
import { documents } from "@recouvra/db";
import { DEBTOR_DOCUMENT_KINDS, DomainError } from "@recouvra/domain";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { systemActor, type Ctx } from "../context.ts";
import { getDocumentContent, type DocumentContent } from "../documents/get-document-content.ts";
import { isUuid, requireCase } from "../scope.ts";
import { databaseFileStorage, type FileStorage } from "../storage/file-storage.ts";

export const GetDebtorDocumentInputSchema = z.object({ caseId: z.string(), documentId: z.string() });
export type GetDebtorDocumentInput = z.input<typeof GetDebtorDocumentInputSchema>;

const notFound = () => new DomainError("NOT_FOUND", "This document does not exist or is not yours to see.");

/**
 * The document `documentId` of the debtor's case `caseId`, with its bytes checked against their hash.
 * NOT_FOUND unless the actor is that case's debtor and the document is of a kind debtors see (letters
 * sent to them, agreements, receipts, invoices, their own uploads) — never the agency's internal files.
 */
export async function getDebtorDocument({
  ctx,
  input,
  storage = databaseFileStorage,
}: {
  ctx: Ctx;
  input: GetDebtorDocumentInput;
  storage?: FileStorage;
}): Promise<DocumentContent> {
  const parsed = GetDebtorDocumentInputSchema.safeParse(input);
  if (!parsed.success || ctx.actor.kind !== "debtor" || !isUuid(parsed.data.documentId)) throw notFound();
  const kase = await requireCase(ctx.db, ctx.actor, parsed.data.caseId).catch(() => {
    throw notFound();
  });
  if (kase.debtorId !== ctx.actor.debtorId) throw notFound();
  const [row] = await ctx.db
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.id, parsed.data.documentId), eq(documents.caseId, kase.id), inArray(documents.kind, [...DEBTOR_DOCUMENT_KINDS])))
    .limit(1);
  if (!row) throw notFound();
  // The debtor's right to this file is settled above; reading and verifying the bytes is the shared
  // download path, which only ever serves staff scopes, so it runs as the portal's system actor.
  return getDocumentContent({ ctx: { ...ctx, actor: systemActor("portal:debtor-document") }, input: { documentId: row.id }, storage });
}
