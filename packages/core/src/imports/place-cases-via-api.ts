import { importBatches, type Db } from "@recouvra/db";
import { DomainError, type PlacementRowError } from "@recouvra/domain";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { today, type Ctx } from "../context.ts";
import { authenticateClientApiKey } from "./client-api-keys.ts";
import { jsonSource, stagePlacement, writePlacement, type PlacementCounts } from "./stage.ts";

/** Most placements one API call may carry; larger books go through the file import. */
export const MAX_API_PLACEMENTS = 10_000;

export const PlaceCasesViaApiBodySchema = z.object({
  placements: z
    .array(z.record(z.string(), z.union([z.string(), z.number(), z.null()])))
    .min(1, "Send at least one placement")
    .max(MAX_API_PLACEMENTS, `Send at most ${MAX_API_PLACEMENTS} placements per call`),
});

export type PlaceCasesViaApiResult =
  | { ok: true; batchId: string; counts: PlacementCounts; caseReferences: string[] }
  | { ok: false; errors: PlacementRowError[]; errorTotal: number };

/** Thrown (UNAUTHENTICATED) for a missing, unknown or revoked key. */
export class ApiKeyError extends Error {
  constructor() {
    super("A valid API key is required (Authorization: Bearer <key>).");
    this.name = "ApiKeyError";
  }
}

/**
 * Places cases sent as JSON by a client's system, authenticated by its API key: the same row format,
 * validation, grouping and idempotency as the file import (`row` in errors is the item's index + 1).
 * All or nothing: any invalid item and nothing is written. Retrying the same call creates nothing twice.
 */
export async function placeCasesViaApi({ ctx, input }: { ctx: Ctx; input: { apiKey: string; body: unknown } }): Promise<PlaceCasesViaApiResult> {
  const auth = await authenticateClientApiKey(ctx.db, input.apiKey, ctx.clock.now());
  if (!auth) throw new ApiKeyError();
  const parsed = PlaceCasesViaApiBodySchema.safeParse(input.body);
  if (!parsed.success) {
    throw new DomainError("VALIDATION", parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
  }
  const { client, keyId } = auth;
  const day = today(ctx.clock);
  try {
    return await (ctx.db as Db).transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`placement-import:${client.id}`}, 0))`);
      const staged = await stagePlacement(tx, client, day, jsonSource(parsed.data.placements));
      if (staged.errorTotal > 0) throw new InvalidRows({ ok: false, errors: staged.errors, errorTotal: staged.errorTotal });
      const [batch] = await tx
        .insert(importBatches)
        .values({
          clientId: client.id,
          source: "api",
          filename: null,
          status: "processing",
          rowCount: staged.counts.rows,
          createdAt: ctx.clock.now(),
        })
        .returning({ id: importBatches.id });
      const batchId = batch!.id;
      const placer = { actorKind: "client_api" as const, actorId: keyId, userId: null, source: "api" as const };
      const written = staged.counts.newClaims > 0 ? await writePlacement(tx, client, batchId, day, placer, ctx.clock.now()) : { firstCaseReferences: [] };
      await tx
        .update(importBatches)
        .set({ status: "completed", createdCount: staged.counts.newClaims, duplicateCount: staged.counts.alreadyImported, completedAt: ctx.clock.now() })
        .where(eq(importBatches.id, batchId));
      return { ok: true as const, batchId, counts: staged.counts, caseReferences: written.firstCaseReferences };
    });
  } catch (e) {
    if (e instanceof InvalidRows) return e.result;
    throw e;
  }
}

class InvalidRows extends Error {
  constructor(readonly result: Extract<PlaceCasesViaApiResult, { ok: false }>) {
    super("invalid rows");
  }
}
