import { importBatches, type Client, type Db, type DbOrTx } from "@recouvra/db";
import { DomainError } from "@recouvra/domain";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { today, type Ctx } from "../context.ts";
import { requireImportClient } from "./access.ts";
import { openImportFile, removeImportFile, storeImportFile } from "./import-files.ts";
import type { ByteSource } from "../byte-source.ts";
import type { CsvShape } from "./read-csv.ts";
import { csvSource, stagePlacement, type SourceItem, type StagedPlacement } from "./stage.ts";

export const PreviewPlacementImportInputSchema = z.object({
  clientId: z.string().min(1),
  filename: z.string().trim().min(1).max(255),
});

export interface PreviewPlacementImportInput {
  clientId: string;
  file: { name: string; stream: ByteSource };
}

export interface PlacementPreview extends StagedPlacement {
  batchId: string;
  clientId: string;
  filename: string;
  /** True when every row is valid and at least one claim is new: the import can be committed. */
  canCommit: boolean;
}

class Rollback extends Error {}

/**
 * Reads and checks a placement file without placing anything: what would be created, which debtors
 * already exist, which invoices were placed before, and every row error. Keeps the file for the commit
 * and records the batch (status pending) so the client's history shows it.
 */
export async function previewPlacementImport({ ctx, input }: { ctx: Ctx; input: PreviewPlacementImportInput }): Promise<PlacementPreview> {
  const { clientId, filename } = PreviewPlacementImportInputSchema.parse({ clientId: input.clientId, filename: input.file.name });
  const client = await requireImportClient(ctx.db, ctx.actor, clientId);
  const batchId = randomUUID();
  await storeImportFile(batchId, input.file.stream);
  try {
    let shape: CsvShape | undefined;
    const staged = await dryRun(ctx.db, client, today(ctx.clock), csvSource(await openImportFile(batchId), (s) => (shape = s)));
    await ctx.db.insert(importBatches).values({
      id: batchId,
      clientId,
      source: "csv",
      filename,
      status: "pending",
      rowCount: staged.counts.rows,
      duplicateCount: Math.min(staged.counts.alreadyImported, staged.counts.rows),
      rejectedCount: Math.min(staged.counts.invalid, staged.counts.rows - Math.min(staged.counts.alreadyImported, staged.counts.rows)),
      createdByUserId: ctx.actor.kind === "user" ? ctx.actor.userId : null,
      createdAt: ctx.clock.now(),
    });
    return { ...staged, shape, batchId, clientId, filename, canCommit: staged.errorTotal === 0 && staged.counts.newClaims > 0 };
  } catch (e) {
    await removeImportFile(batchId);
    throw e;
  }
}

/** Stages and plans inside a transaction that is always rolled back: nothing of it remains. */
export async function dryRun(db: DbOrTx, client: Client, day: string, source: AsyncIterable<SourceItem>): Promise<StagedPlacement> {
  let result: StagedPlacement | undefined;
  try {
    await (db as Db).transaction(async (tx) => {
      result = await stagePlacement(tx, client, day, source);
      throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  if (!result) throw new DomainError("CONFLICT", "The preview could not be completed; try again.");
  return result;
}
