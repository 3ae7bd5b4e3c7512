import { importBatches, type Db } from "@recouvra/db";
import { DomainError } from "@recouvra/domain";
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { today, type Ctx } from "../context.ts";
import { requireImportBatch, requireImportClient } from "./access.ts";
import { openImportFile, removeImportFile } from "./import-files.ts";
import { csvSource, stagePlacement, writePlacement, type PlacementCounts } from "./stage.ts";

export const CommitPlacementImportInputSchema = z.object({ batchId: z.string().uuid() });
export type CommitPlacementImportInput = z.infer<typeof CommitPlacementImportInputSchema>;

export interface CommittedPlacement {
  batchId: string;
  counts: PlacementCounts;
  /** References of the first new cases, in file order. */
  caseReferences: string[];
}

/**
 * Places the cases of a previewed file, all or nothing, in one transaction: the file is read and
 * checked again (it is the source of truth, not the preview), refused if any row is invalid, and
 * written set-based from a staging table. Invoices placed before are skipped, so running the same file
 * twice creates nothing the second time. Progress (rows read) is written to the batch outside the
 * transaction so the page can show it while the import runs.
 */
export async function commitPlacementImport({ ctx, input }: { ctx: Ctx; input: CommitPlacementImportInput }): Promise<CommittedPlacement> {
  const { batchId } = CommitPlacementImportInputSchema.parse(input);
  const batch = await requireImportBatch(ctx.db, ctx.actor, batchId);
  const client = await requireImportClient(ctx.db, ctx.actor, batch.clientId);
  if (batch.source !== "csv") throw new DomainError("CONFLICT", "This import did not come from a file.");
  // Claim the batch: a double click or a second tab finds it already running.
  const claimed = await ctx.db
    .update(importBatches)
    .set({ status: "processing", createdCount: 0, duplicateCount: 0, rejectedCount: 0 })
    .where(and(eq(importBatches.id, batchId), inArray(importBatches.status, ["pending", "failed"])))
    .returning({ id: importBatches.id });
  if (claimed.length === 0) throw new DomainError("CONFLICT", "This file is already being imported or was imported.");

  const day = today(ctx.clock);
  const at = ctx.clock.now();
  const progress = async (rowsRead: number) => {
    // While processing, created_count carries the rows read so far (the table has no progress column).
    await ctx.db
      .update(importBatches)
      .set({ createdCount: sql`least(${rowsRead}, ${importBatches.rowCount})` })
      .where(eq(importBatches.id, batchId));
  };
  try {
    const result = await (ctx.db as Db).transaction(async (tx) => {
      // One import per client at a time, so "already imported" is decided on committed data.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`placement-import:${client.id}`}, 0))`);
      const staged = await stagePlacement(tx, client, day, csvSource(await openImportFile(batchId)), progress);
      if (staged.errorTotal > 0) {
        throw new DomainError("VALIDATION", `The file has ${staged.errorTotal} error${staged.errorTotal === 1 ? "" : "s"}; fix them and upload it again. Nothing was imported.`);
      }
      await progress(staged.counts.rows);
      const written = staged.counts.newClaims > 0 ? await writePlacement(tx, client, batchId, day, placerOf(ctx), at) : { firstCaseReferences: [] };
      await tx
        .update(importBatches)
        .set({
          status: "completed",
          rowCount: staged.counts.rows,
          createdCount: staged.counts.newClaims,
          duplicateCount: staged.counts.alreadyImported,
          rejectedCount: 0,
          completedAt: ctx.clock.now(),
        })
        .where(eq(importBatches.id, batchId));
      return { batchId, counts: staged.counts, caseReferences: written.firstCaseReferences };
    });
    await removeImportFile(batchId);
    return result;
  } catch (e) {
    await ctx.db.update(importBatches).set({ status: "failed", createdCount: 0 }).where(eq(importBatches.id, batchId));
    throw e;
  }
}

export function placerOf(ctx: Ctx) {
  const a = ctx.actor;
  return a.kind === "user"
    ? { actorKind: "user" as const, actorId: a.userId, userId: a.userId, source: "csv" as const }
    : { actorKind: "system" as const, actorId: null, userId: null, source: "csv" as const };
}
