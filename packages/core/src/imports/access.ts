import { clients, importBatches, type Client, type DbOrTx, type ImportBatch } from "@recouvra/db";
import { DomainError } from "@recouvra/domain";
import { eq } from "drizzle-orm";
import type { Actor } from "../context.ts";
import { isUuid } from "../scope.ts";

const NOT_YOURS = "This client does not exist or is not yours to place cases for.";

/**
 * The client `clientId` if `actor` may place cases for it: staff and the platform for any active client,
 * a client user only for its own (another client's id is NOT_FOUND, so it confirms nothing).
 */
export async function requireImportClient(db: DbOrTx, actor: Actor, clientId: string): Promise<Client> {
  if (actor.kind === "debtor") throw new DomainError("FORBIDDEN", "Debtors cannot place cases.");
  if (actor.kind === "user" && actor.role === "client" && actor.clientId !== clientId) throw new DomainError("NOT_FOUND", NOT_YOURS);
  if (!isUuid(clientId)) throw new DomainError("NOT_FOUND", NOT_YOURS);
  const [client] = await db.select().from(clients).where(eq(clients.id, clientId)).limit(1);
  if (!client) throw new DomainError("NOT_FOUND", NOT_YOURS);
  if (!client.isActive) throw new DomainError("PRECONDITION_FAILED", "This client is no longer active; cases cannot be placed for it.");
  return client;
}

/** The import batch `batchId` if `actor` may see its client's imports; NOT_FOUND otherwise. */
export async function requireImportBatch(db: DbOrTx, actor: Actor, batchId: string): Promise<ImportBatch> {
  const missing = new DomainError("NOT_FOUND", "This import does not exist or is not yours to see.");
  if (!isUuid(batchId) || actor.kind === "debtor") throw missing;
  const [batch] = await db.select().from(importBatches).where(eq(importBatches.id, batchId)).limit(1);
  if (!batch) throw missing;
  if (actor.kind === "user" && actor.role === "client" && actor.clientId !== batch.clientId) throw missing;
  return batch;
}
