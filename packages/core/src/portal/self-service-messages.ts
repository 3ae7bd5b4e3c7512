/**
 * Writing to the case handler from the portal, and the handler's written answers: one thread per case,
 * kept as portal interactions (outcome `replied`), inbound from the debtor and outbound from an agent.
 * A message puts the case at the top of its handler's queue today; an answer takes it off again.
 */
import { agencySettings, cases, interactions } from "@recouvra/db";
import { DomainError, nextActionAfterPortalReply, type CaseHold } from "@recouvra/domain";
import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { actorIds, auditFor, clockOf, lockWorkableCase, parseInput } from "../cases/actions/shared.ts";
import type { Ctx } from "../context.ts";
import { canWorkCases } from "../scope.ts";
import { debtorAudit, lockDebtorCase, recordPortalRequest, refuseClosed, requireDebtorCase } from "./self-service-shared.ts";

/** The longest message either side may write. */
export const PORTAL_MESSAGE_MAX_LENGTH = 2000;
/** A message sent again this soon with the same words is the same message (a double click, a resent form). */
const RESENT_WITHIN_MS = 2 * 60 * 1000;

/** One message of the thread as the debtor sees it: never the agent's name, only the agency's. */
export interface DebtorThreadMessage {
  id: string;
  at: string;
  from: "debtor" | "agency";
  text: string;
}

/** The debtor's thread, oldest first. */
export interface DebtorMessageThread {
  caseId: string;
  reference: string;
  isClosed: boolean;
  agencyName: string | null;
  messages: DebtorThreadMessage[];
  maxLength: number;
}

/** The thread's messages: portal interactions with outcome `replied`, in both directions. */
const threadOf = (caseId: string) => and(eq(interactions.caseId, caseId), eq(interactions.channel, "portal"), eq(interactions.outcome, "replied"));

/** The debtor's messages and the handler's answers on their case; NOT_FOUND for anyone else. */
export async function getDebtorMessages({ ctx, input }: { ctx: Ctx; input: { caseId: string } }): Promise<DebtorMessageThread> {
  const kase = await requireDebtorCase(ctx.db, ctx, input.caseId);
  const [rows, [agency]] = await Promise.all([
    ctx.db.select().from(interactions).where(threadOf(kase.id)).orderBy(desc(interactions.occurredAt), desc(interactions.createdAt)).limit(200),
    ctx.db.select({ name: agencySettings.name }).from(agencySettings).where(eq(agencySettings.id, 1)).limit(1),
  ]);
  return {
    caseId: kase.id,
    reference: kase.reference,
    isClosed: kase.stage === "closed",
    agencyName: agency?.name ?? null,
    messages: rows.reverse().map((r) => ({ id: r.id, at: r.occurredAt.toISOString(), from: r.direction === "inbound" ? "debtor" : "agency", text: r.note ?? "" })),
    maxLength: PORTAL_MESSAGE_MAX_LENGTH,
  };
}

const messageText = z
  .string({ error: "text: write your message" })
  .trim()
  .min(1, "text: write your message")
  .max(PORTAL_MESSAGE_MAX_LENGTH, `text: at most ${PORTAL_MESSAGE_MAX_LENGTH.toLocaleString("en-GB")} characters`);

export const SendDebtorMessageInputSchema = z.object({ caseId: z.string(), text: messageText });
export type SendDebtorMessageInput = z.input<typeof SendDebtorMessageInputSchema>;

/**
 * The debtor writes to their case handler: an inbound portal interaction with their words, and the case
 * before its handler today. The same words sent again within two minutes are the same message.
 */
export async function sendDebtorMessage({ ctx, input }: { ctx: Ctx; input: SendDebtorMessageInput }): Promise<{ interactionId: string; isRepeat: boolean }> {
  const data = parseInput(SendDebtorMessageInputSchema, input);
  const { now, day } = clockOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const kase = await lockDebtorCase(tx, ctx, data.caseId);
    refuseClosed(kase);
    const [last] = await tx
      .select({ id: interactions.id, note: interactions.note, occurredAt: interactions.occurredAt })
      .from(interactions)
      .where(and(threadOf(kase.id), eq(interactions.direction, "inbound")))
      .orderBy(desc(interactions.occurredAt))
      .limit(1);
    if (last && last.note === data.text && now.getTime() - last.occurredAt.getTime() < RESENT_WITHIN_MS) return { interactionId: last.id, isRepeat: true };
    const recorded = await recordPortalRequest(tx, kase, { now, day, outcome: "replied", note: data.text, wanted: { on: day, kind: "answer_portal_message" } });
    await debtorAudit(tx, kase, now).event("portal.message_sent", "interaction", recorded.interactionId, { length: data.text.length, nextAction: recorded.nextAction });
    return { interactionId: recorded.interactionId, isRepeat: false };
  });
}

export const ReplyToDebtorInPortalInputSchema = z.object({ caseId: z.string(), text: messageText });
export type ReplyToDebtorInPortalInput = z.input<typeof ReplyToDebtorInPortalInputSchema>;

/**
 * A case handler answers the debtor in writing in the portal thread. The answer is agent contact, so the
 * debtor's waiting message or dispute leaves the queue; the alert's next action becomes the dispute's
 * review (held case) or nothing. Staff who can work the case only: NOT_FOUND outside their scope,
 * FORBIDDEN for a client user (the workspace answers 404 to both).
 */
export async function replyToDebtorInPortal({ ctx, input }: { ctx: Ctx; input: ReplyToDebtorInPortalInput }): Promise<{ interactionId: string }> {
  const data = parseInput(ReplyToDebtorInPortalInputSchema, input);
  if (ctx.actor.kind === "debtor") throw new DomainError("NOT_FOUND", "This case does not exist or is not yours to see.");
  if (!canWorkCases(ctx.actor)) throw new DomainError("FORBIDDEN", "Only the agency's case handlers can answer the debtor.");
  const { now, day } = clockOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const kase = await lockWorkableCase(tx, ctx, data.caseId);
    const { userId } = actorIds(ctx);
    const [row] = await tx
      .insert(interactions)
      .values({ caseId: kase.id, clientId: kase.clientId, channel: "portal", direction: "outbound", outcome: "replied", note: data.text, userId, occurredAt: now, createdAt: now })
      .returning({ id: interactions.id });
    const next = kase.stage === "closed" ? { on: kase.nextActionOn, kind: kase.nextActionKind } : nextActionAfterPortalReply({ on: kase.nextActionOn, kind: kase.nextActionKind }, kase.holds as CaseHold[], day);
    await tx
      .update(cases)
      .set({ version: sql`${cases.version} + 1`, lastContactAt: now, nextActionOn: next.on, nextActionKind: next.kind })
      .where(eq(cases.id, kase.id));
    await auditFor(tx, ctx, kase, now).event("portal.reply_sent", "interaction", row!.id, { length: data.text.length, nextAction: next });
    return { interactionId: row!.id };
  });
}
