/** A document's bytes, for whoever may see it, checked against the hash recorded when it was stored. */
import { cases, documents, type Document } from "@recouvra/db";
import { DomainError, textCharsetOf } from "@recouvra/domain";
import { and, eq, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { createHash } from "node:crypto";
import type { Actor, Ctx } from "../context.ts";
import { caseScope, isUuid } from "../scope.ts";
import { databaseFileStorage, type FileStorage } from "../storage/file-storage.ts";

/** A document ready to be sent: what it is, its bytes, and the Content-Type they are served with. */
export interface DocumentContent {
  id: string;
  kind: string;
  filename: string;
  mimeType: string;
  /** `mimeType`, with the charset of text files (UTF-8, or Windows-1252 for spreadsheet exports). */
  contentType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
  bytes: Uint8Array;
}

/**
 * Who may read a document that belongs to a client rather than a case (remittance statements): that
 * client's users, administrators and the platform.
 */
function clientDocumentScope(actor: Actor): SQL {
  if (actor.kind === "system") return sql`true`;
  if (actor.kind !== "user") return sql`false`;
  if (actor.role === "admin") return sql`true`;
  return actor.role === "client" && actor.clientId ? eq(documents.clientId, actor.clientId) : sql`false`;
}

const NOT_FOUND = () => new DomainError("NOT_FOUND", "This document does not exist or is not yours to see.");

/**
 * The document `documentId` with its bytes, when the actor may see its case (a client user: only its own
 * client's). NOT_FOUND for an unknown or malformed id and for anything out of scope. Debtors are refused
 * here too: which of a case's files its debtor sees (not the agency's internal letters or dossiers) is
 * the portal's decision.
 */
export async function getDocumentContent({
  ctx,
  input,
  storage = databaseFileStorage,
}: {
  ctx: Ctx;
  input: { documentId: string };
  storage?: FileStorage;
}): Promise<DocumentContent> {
  if (!isUuid(input.documentId) || ctx.actor.kind === "debtor") throw NOT_FOUND();
  const [row] = await ctx.db
    .select({ document: documents })
    .from(documents)
    .leftJoin(cases, eq(cases.id, documents.caseId))
    .where(
      and(
        eq(documents.id, input.documentId),
        or(and(isNotNull(documents.caseId), caseScope(ctx.actor)), and(isNull(documents.caseId), clientDocumentScope(ctx.actor))),
      ),
    )
    .limit(1);
  if (!row) throw NOT_FOUND();
  const doc: Document = row.document;
  const bytes = await storage.get(ctx.db, doc.storageKey);
  // Both are faults of the platform, not of the request: they must reach the logs, not become a 404.
  if (!bytes) throw new Error(`document ${doc.id}: no bytes under ${doc.storageKey} in the ${storage.name} storage`);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (sha256 !== doc.sha256) throw new Error(`document ${doc.id}: the stored bytes do not match the recorded sha256`);
  const contentType = doc.mimeType.startsWith("text/") ? `${doc.mimeType}; charset=${textCharsetOf(bytes)}` : doc.mimeType;
  return {
    id: doc.id,
    kind: doc.kind,
    filename: doc.filename,
    mimeType: doc.mimeType,
    contentType,
    sizeBytes: doc.sizeBytes,
    sha256: doc.sha256,
    createdAt: doc.createdAt.toISOString(),
    bytes,
  };
}
