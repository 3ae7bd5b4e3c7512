import { clients, importBatches, users, type ImportBatch } from "@recouvra/db";
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context.ts";
import { requireImportBatch, requireImportClient } from "./access.ts";

export const ListPlacementImportsInputSchema = z.object({ clientId: z.string().optional(), limit: z.number().int().min(1).max(200).default(25) });

export interface PlacementImportLine {
  id: string;
  clientId: string;
  clientName: string;
  source: string;
  filename: string | null;
  status: ImportBatch["status"];
  rowCount: number;
  createdCount: number;
  duplicateCount: number;
  rejectedCount: number;
  createdAt: string;
  completedAt: string | null;
  createdBy: string | null;
}

/** Past imports, newest first: a client user sees its client's; staff a chosen client's, or every client's. */
export async function listPlacementImports({ ctx, input = {} }: { ctx: Ctx; input?: z.input<typeof ListPlacementImportsInputSchema> }): Promise<PlacementImportLine[]> {
  const { clientId, limit } = ListPlacementImportsInputSchema.parse(input);
  const a = ctx.actor;
  const scopeClient = a.kind === "user" && a.role === "client" ? a.clientId ?? "" : clientId;
  if (scopeClient !== undefined) await requireImportClient(ctx.db, a, scopeClient);
  const rows = await ctx.db
    .select({ batch: importBatches, clientName: clients.name, createdBy: users.displayName })
    .from(importBatches)
    .innerJoin(clients, eq(clients.id, importBatches.clientId))
    .leftJoin(users, eq(users.id, importBatches.createdByUserId))
    .where(scopeClient !== undefined ? eq(importBatches.clientId, scopeClient) : undefined)
    .orderBy(desc(importBatches.createdAt))
    .limit(limit);
  return rows.map(({ batch: b, clientName, createdBy }) => ({
    id: b.id,
    clientId: b.clientId,
    clientName,
    source: b.source,
    filename: b.filename,
    status: b.status,
    rowCount: b.rowCount,
    createdCount: b.createdCount,
    duplicateCount: b.duplicateCount,
    rejectedCount: b.rejectedCount,
    createdAt: b.createdAt.toISOString(),
    completedAt: b.completedAt?.toISOString() ?? null,
    createdBy,
  }));
}

export interface PlacementImportProgress {
  id: string;
  status: string;
  rowsTotal: number;
  /** Rows read so far while processing; every row once completed. */
  rowsProcessed: number;
  createdCount: number;
  duplicateCount: number;
}

/** How far a running import is, for the progress bar (polled). */
export async function getPlacementImportProgress({ ctx, input }: { ctx: Ctx; input: { batchId: string } }): Promise<PlacementImportProgress> {
  const b = await requireImportBatch(ctx.db, ctx.actor, input.batchId);
  const done = b.status === "completed";
  return {
    id: b.id,
    status: b.status,
    rowsTotal: b.rowCount,
    rowsProcessed: done ? b.rowCount : b.status === "processing" ? b.createdCount : 0,
    createdCount: done ? b.createdCount : 0,
    duplicateCount: done ? b.duplicateCount : 0,
  };
}
