/**
 * An agent logs a call or a visit: who was reached, how it went, and the negotiation note. A
 * conversation with the debtor (right-party contact) moves a notified case to in_contact.
 */
import { interactions, cases } from "@recouvra/db";
import { canContact, DomainError, HOLDS_THAT_STOP_CONTACT, INTERACTION_OUTCOMES, isIsoDate, type InteractionOutcome } from "@recouvra/domain";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../context.ts";
import { actorIds, auditFor, bumpVersion, caseStateOf, clockOf, holdSentence, lockWorkableCase, parseInput, step } from "./shared.ts";

/** Outcomes of an agent's own call or visit (the delivery outcomes belong to messages). */
export const CALL_OUTCOMES = INTERACTION_OUTCOMES.filter((o) => !["sent", "delivered", "bounced", "replied"].includes(o)) as InteractionOutcome[];

/** Outcomes that mean the agent actually spoke with the debtor (or their representative). */
export const CONVERSATION_OUTCOMES: readonly InteractionOutcome[] = ["right_party_contact", "promised", "disputed", "callback_requested", "refused"];

export const LogInteractionInputSchema = z.object({
  caseId: z.string(),
  channel: z.enum(["phone", "visit"], { error: "channel must be phone or visit" }),
  direction: z.enum(["outbound", "inbound"], { error: "direction must be outbound or inbound" }),
  outcome: z.enum(CALL_OUTCOMES as [InteractionOutcome, ...InteractionOutcome[]], { error: "outcome: choose how the call or visit went" }),
  note: z.string().trim().max(5000, "note is at most 5,000 characters").optional(),
  durationMinutes: z.number({ error: "durationMinutes must be a number of minutes" }).int("durationMinutes must be whole minutes").min(0, "durationMinutes cannot be negative").max(600, "durationMinutes is at most 600").optional(),
  /** When the agent should try again (a callback asked for, no answer today). */
  followUpOn: z.string().refine(isIsoDate, "followUpOn must be a date (YYYY-MM-DD)").optional(),
});
export type LogInteractionInput = z.input<typeof LogInteractionInputSchema>;

/** Logs a call or visit with its note; right-party contact moves a notified case to in_contact. */
export async function logInteraction({ ctx, input }: { ctx: Ctx; input: LogInteractionInput }): Promise<{ interactionId: string; stage: string }> {
  const data = parseInput(LogInteractionInputSchema, input);
  const { now, day } = clockOf(ctx);
  if (data.followUpOn && data.followUpOn < day) throw new DomainError("VALIDATION", "followUpOn cannot be in the past", { field: "followUpOn" });
  const isConversation = CONVERSATION_OUTCOMES.includes(data.outcome);
  if (data.outcome === "right_party_contact" && !data.note) {
    // The conversation is the evidence the file is judged on later (DESIGN step 4): it must be written down.
    throw new DomainError("VALIDATION", "note is required after a conversation with the debtor: write down what was said", { field: "note" });
  }
  return ctx.db.transaction(async (tx) => {
    const kase = await lockWorkableCase(tx, ctx, data.caseId);
    let state = caseStateOf(kase);
    if (state.stage === "closed") throw new DomainError("CONFLICT", "The case is closed: there is no one to call about it.");
    // A hold stops the agency reaching out; a debtor who calls us is still heard and the call recorded.
    if (data.direction === "outbound" && !canContact(state)) throw new DomainError("PRECONDITION_FAILED", holdSentence(state.holds.filter((h) => (HOLDS_THAT_STOP_CONTACT as readonly string[]).includes(h))));
    let records: Awaited<ReturnType<typeof step>>["events"] = [];
    if (isConversation && canContact(state)) {
      const moved = step(state, { type: "contact_made" });
      state = moved.state;
      records = moved.events;
    }
    const { userId } = actorIds(ctx);
    const [row] = await tx
      .insert(interactions)
      .values({
        caseId: kase.id,
        clientId: kase.clientId,
        channel: data.channel,
        direction: data.direction,
        outcome: data.outcome,
        note: data.note ?? null,
        userId,
        durationSeconds: data.durationMinutes === undefined ? null : data.durationMinutes * 60,
        occurredAt: now,
      })
      .returning({ id: interactions.id });
    await tx
      .update(cases)
      .set({
        ...bumpVersion,
        stage: state.stage,
        lastContactAt: now,
        ...(isConversation && !kase.firstContactOn ? { firstContactOn: day } : {}),
        ...(data.followUpOn ? { nextActionOn: data.followUpOn, nextActionKind: "call" } : {}),
      })
      .where(eq(cases.id, kase.id));
    const audit = auditFor(tx, ctx, kase, now);
    await audit.event("interaction.logged", "interaction", row!.id, {
      channel: data.channel,
      direction: data.direction,
      outcome: data.outcome,
      hasNote: Boolean(data.note),
      followUpOn: data.followUpOn ?? null,
    });
    await audit.records(records);
    return { interactionId: row!.id, stage: state.stage };
  });
}
