import { appendAuditEvent, clientApiKeys, clients, type Client, type DbOrTx } from "@recouvra/db";
import { DomainError } from "@recouvra/domain";
import { encodeBase64urlNoPadding } from "@oslojs/encoding";
import { createHash, getRandomValues } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context.ts";
import { isUuid } from "../scope.ts";

export const CreateClientApiKeyInputSchema = z.object({
  clientId: z.string().uuid(),
  name: z.string().trim().min(1, "Name the key after the system that uses it").max(80),
});
export type CreateClientApiKeyInput = z.infer<typeof CreateClientApiKeyInputSchema>;

const KEY_PREFIX = "rcv_";

function hashKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/**
 * Issues an API key for a client's systems to place cases with. Admins only. The key is returned once
 * and never stored: only its SHA-256 and its first characters (to recognise it in a list) are kept.
 */
export async function createClientApiKey({ ctx, input }: { ctx: Ctx; input: CreateClientApiKeyInput }): Promise<{ id: string; key: string; prefix: string }> {
  if (!(ctx.actor.kind === "user" && ctx.actor.role === "admin")) throw new DomainError("FORBIDDEN", "Only an administrator can issue API keys.");
  const parsed = CreateClientApiKeyInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainError("VALIDATION", issue.message, { field: String(issue.path[0]) });
  }
  const { clientId, name } = parsed.data;
  const [client] = await ctx.db.select({ id: clients.id }).from(clients).where(eq(clients.id, clientId)).limit(1);
  if (!client) throw new DomainError("NOT_FOUND", "This client does not exist.");
  const key = `${KEY_PREFIX}${encodeBase64urlNoPadding(getRandomValues(new Uint8Array(32)))}`;
  const prefix = key.slice(0, 12);
  const actorId = ctx.actor.userId;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(clientApiKeys).values({ clientId, name, prefix, keyHash: hashKey(key), createdAt: ctx.clock.now() }).returning({ id: clientApiKeys.id });
    await appendAuditEvent(tx, {
      occurredAt: ctx.clock.now(),
      actorKind: "user",
      actorId,
      action: "client_api_key.created",
      entityType: "client_api_key",
      entityId: row!.id,
      clientId,
      data: { name, prefix },
    });
    return { id: row!.id, key, prefix };
  });
}

/** A client's API key as its settings page lists it (never the key or its hash). */
export interface ClientApiKeySummary {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

function requireAdminOrSupervisor(ctx: Ctx): void {
  if (ctx.actor.kind === "user" && (ctx.actor.role === "admin" || ctx.actor.role === "supervisor")) return;
  throw new DomainError("FORBIDDEN", "API keys are managed by the agency's administrators.");
}

/** A client's API keys, newest first, revoked ones included (so a rejected caller can be explained). */
export async function listClientApiKeys({ ctx, input }: { ctx: Ctx; input: { clientId: string } }): Promise<ClientApiKeySummary[]> {
  requireAdminOrSupervisor(ctx);
  if (!isUuid(input.clientId)) throw new DomainError("NOT_FOUND", "This client does not exist.");
  return ctx.db
    .select({ id: clientApiKeys.id, name: clientApiKeys.name, prefix: clientApiKeys.prefix, createdAt: clientApiKeys.createdAt, lastUsedAt: clientApiKeys.lastUsedAt, revokedAt: clientApiKeys.revokedAt })
    .from(clientApiKeys)
    .where(eq(clientApiKeys.clientId, input.clientId))
    .orderBy(desc(clientApiKeys.createdAt));
}

/** Revokes a key at once: the next call presenting it is refused. Administrators only. */
export async function revokeClientApiKey({ ctx, input }: { ctx: Ctx; input: { clientId: string; keyId: string } }): Promise<void> {
  if (!(ctx.actor.kind === "user" && ctx.actor.role === "admin")) throw new DomainError("FORBIDDEN", "Only an administrator can revoke API keys.");
  const actorId = ctx.actor.userId;
  if (!isUuid(input.keyId) || !isUuid(input.clientId)) throw new DomainError("NOT_FOUND", "This key does not exist.");
  await ctx.db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(clientApiKeys)
      .set({ revokedAt: ctx.clock.now() })
      .where(and(eq(clientApiKeys.id, input.keyId), eq(clientApiKeys.clientId, input.clientId), isNull(clientApiKeys.revokedAt)))
      .returning({ id: clientApiKeys.id, prefix: clientApiKeys.prefix });
    if (!revoked) throw new DomainError("NOT_FOUND", "This key does not exist or is already revoked.");
    await appendAuditEvent(tx, {
      occurredAt: ctx.clock.now(),
      actorKind: "user",
      actorId,
      action: "client_api_key.revoked",
      entityType: "client_api_key",
      entityId: revoked.id,
      clientId: input.clientId,
      data: { prefix: revoked.prefix },
    });
  });
}

/**
 * The client and key a presented API key belongs to; null for an unknown, revoked or malformed key
 * (callers answer 401 without saying which). Records when the key was last used.
 */
export async function authenticateClientApiKey(db: DbOrTx, key: string, now: Date): Promise<{ client: Client; keyId: string } | null> {
  if (!key.startsWith(KEY_PREFIX) || key.length > 100) return null;
  const [found] = await db
    .select({ keyId: clientApiKeys.id, clientId: clientApiKeys.clientId })
    .from(clientApiKeys)
    .where(and(eq(clientApiKeys.keyHash, hashKey(key)), isNull(clientApiKeys.revokedAt)))
    .limit(1);
  if (!found || !isUuid(found.clientId)) return null;
  const [client] = await db.select().from(clients).where(eq(clients.id, found.clientId)).limit(1);
  if (!client || !client.isActive) return null;
  await db.update(clientApiKeys).set({ lastUsedAt: now }).where(eq(clientApiKeys.id, found.keyId));
  return { client, keyId: found.keyId };
}
