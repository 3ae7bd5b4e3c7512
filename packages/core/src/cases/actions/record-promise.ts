/** The debtor promises to pay an amount by a date: the case moves to the promise stage until it is kept or broken. */
import { cases, promises } from "@recouvra/db";
import { DomainError, isIsoDate } from "@recouvra/domain";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../context.ts";
import { actorIds, auditFor, bumpVersion, caseStateOf, clockOf, lockWorkableCase, parseInput, step } from "./shared.ts";

export const RecordPromiseInputSchema = z.object({
  caseId: z.string(),
  dueOn: z.string({ error: "dueOn is required" }).refine(isIsoDate, "dueOn must be a date (YYYY-MM-DD)"),
  amountCents: z.number({ error: "amountCents is required" }).int("amountCents must be whole cents").positive("amountCents must be more than zero"),
});
export type RecordPromiseInput = z.input<typeof RecordPromiseInputSchema>;

/** Records a promise to pay (date ≥ today, amount ≤ balance) and moves the case to `promise`. */
export async function recordPromise({ ctx, input }: { ctx: Ctx; input: RecordPromiseInput }): Promise<{ promiseId: string }> {
  const data = parseInput(RecordPromiseInputSchema, input);
  const { now, day } = clockOf(ctx);
  if (data.dueOn < day) throw new DomainError("VALIDATION", "dueOn cannot be in the past", { field: "dueOn" });
  return ctx.db.transaction(async (tx) => {
    const kase = await lockWorkableCase(tx, ctx, data.caseId);
    if (data.amountCents > kase.balanceCents) {
      throw new DomainError("VALIDATION", `amountCents cannot exceed the balance (${(kase.balanceCents / 100).toFixed(2)} ${kase.currency})`, { field: "amountCents" });
    }
    const moved = step(caseStateOf(kase), { type: "promise_made" });
    const [row] = await tx
      .insert(promises)
      .values({ caseId: kase.id, clientId: kase.clientId, promisedOn: day, dueOn: data.dueOn, amountCents: data.amountCents, currency: kase.currency, status: "pending", userId: actorIds(ctx).userId, createdAt: now })
      .returning({ id: promises.id });
    await tx
      .update(cases)
      .set({ ...bumpVersion, stage: moved.state.stage, nextActionOn: data.dueOn, nextActionKind: "check_promise" })
      .where(eq(cases.id, kase.id));
    const audit = auditFor(tx, ctx, kase, now);
    await audit.event("promise.recorded", "promise", row!.id, { dueOn: data.dueOn, amountCents: data.amountCents });
    await audit.records(moved.events);
    return { promiseId: row!.id };
  });
}
