/** The preview of a letter, email or SMS: exactly what `sendMessage` would queue, or why it may not. */
import { transition, type CaseStage } from "@recouvra/domain";
import { today, type Ctx } from "../context.ts";
import { parseInput } from "../cases/actions/shared.ts";
import { caseStateOf } from "../scope.ts";
import { composeMessage, loadMessageContext, MessageInputSchema, requireMessagingCase, type ComposedMessage, type MessageInput, type MessageRefusal } from "./compose.ts";

export const PreviewMessageInputSchema = MessageInputSchema;
export type PreviewMessageInput = MessageInput;

/** What would be sent, and the stage the case would move to (a formal notice on a new case: notified). */
export interface MessagePreview extends Omit<ComposedMessage, "values"> {
  movesCaseTo: CaseStage | null;
}

export type PreviewMessageResult = { ok: true; preview: MessagePreview } | { ok: false; refusal: MessageRefusal };

/**
 * Renders the message the agent is about to send, checked against every contact rule, without writing
 * anything. Malformed input throws VALIDATION; a case out of scope (or a client user) NOT_FOUND.
 */
export async function previewMessage({ ctx, input }: { ctx: Ctx; input: PreviewMessageInput }): Promise<PreviewMessageResult> {
  const data = parseInput(PreviewMessageInputSchema, input);
  const kase = await requireMessagingCase(ctx.db, ctx.actor, data.caseId);
  const context = await loadMessageContext(ctx.db, ctx.actor, kase);
  const composed = await composeMessage(ctx.db, context, data, today(ctx.clock));
  if (!composed.ok) return composed;
  const { values: _values, ...message } = composed.message;
  let movesCaseTo: CaseStage | null = null;
  if (message.isNotice) {
    const moved = transition(caseStateOf(kase), { type: "notice_sent" });
    if (moved.ok && moved.state.stage !== kase.stage) movesCaseTo = moved.state.stage;
  }
  return { ok: true, preview: { ...message, movesCaseTo } };
}
