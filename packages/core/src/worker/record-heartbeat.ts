import { workerHeartbeats, type WorkerHeartbeat } from "@recouvra/db";
import { z } from "zod";
import { assertSystem } from "../access.ts";
import type { Ctx } from "../context.ts";

export const RecordHeartbeatInputSchema = z.object({
  /** Stable name of the worker process (one row per name). */
  workerName: z.string().trim().min(1).max(200),
  /** When this process started; a new value means the worker restarted. */
  startedAt: z.date(),
  host: z.string().max(255).optional(),
  pid: z.number().int().positive().optional(),
  version: z.string().max(100).optional(),
});
export type RecordHeartbeatInput = z.input<typeof RecordHeartbeatInputSchema>;

/**
 * Records that a worker is alive at the clock's "now". One row per worker name, overwritten in
 * place: a heartbeat is a sign of life, not history, so it is deliberately not audited.
 */
export async function recordHeartbeat({ ctx, input }: { ctx: Ctx; input: RecordHeartbeatInput }): Promise<WorkerHeartbeat> {
  assertSystem(ctx.actor, "record a worker heartbeat");
  const data = RecordHeartbeatInputSchema.parse(input);
  const now = ctx.clock.now();
  const values = {
    workerName: data.workerName,
    startedAt: data.startedAt,
    lastBeatAt: now,
    host: data.host ?? null,
    pid: data.pid ?? null,
    version: data.version ?? null,
  };
  const [row] = await ctx.db
    .insert(workerHeartbeats)
    .values(values)
    .onConflictDoUpdate({ target: workerHeartbeats.workerName, set: values })
    .returning();
  if (!row) throw new Error("recordHeartbeat: the upsert returned no row");
  return row;
}
