import { appendAuditEvent, messageTemplates } from "@recouvra/db";
import { DomainError, templateProblems, type Locale, type MessageChannel } from "@recouvra/domain";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context.ts";
import { getMessageTemplate, type MessageTemplateDetail } from "./get-message-template.ts";
import { assertStillSendable, requireTemplateEditor, requireTemplateRow, validation } from "./shared.ts";

// Browsers post a textarea's line breaks as CRLF; a stray CR would count as a character of an SMS.
const text = (s: string) => s.replace(/\r\n?/g, "\n").trim();

export const SaveMessageTemplateInputSchema = z.object({
  templateId: z.string(),
  name: z.string({ error: "Give the template a name." }).trim().min(1, "Give the template a name.").max(120, "The name is at most 120 characters."),
  subject: z
    .string()
    .nullish()
    .transform((s) => (s ? text(s) : "") || null)
    .pipe(z.string().max(200, "The subject is at most 200 characters.").nullable()),
  body: z.string({ error: "The text is empty." }).transform(text).pipe(z.string().max(20_000, "The text is at most 20,000 characters.")),
  isActive: z.boolean({ error: "Say whether the template is in use." }),
  /**
   * `updatedAt` (ISO) of the template as the editor loaded it: a save over someone else's newer one
   * is refused instead of silently undoing their change.
   */
  expectedUpdatedAt: z.string().optional(),
});
export type SaveMessageTemplateInput = z.input<typeof SaveMessageTemplateInputSchema>;

const EDITABLE = ["name", "subject", "body", "isActive"] as const;

/**
 * Changes a template's name, subject, text or whether it is in use. The wording is checked for its
 * channel (`templateProblems`) and refused with the field named; switching it off follows
 * `assertStillSendable`. The audit event records each changed field before and after.
 */
export async function saveMessageTemplate({ ctx, input }: { ctx: Ctx; input: SaveMessageTemplateInput }): Promise<MessageTemplateDetail> {
  const userId = requireTemplateEditor(ctx);
  const parsed = SaveMessageTemplateInputSchema.safeParse(input);
  if (!parsed.success) throw validation(parsed.error);
  const v = parsed.data;
  await ctx.db.transaction(async (tx) => {
    const before = await requireTemplateRow(tx, v.templateId, { forUpdate: true });
    if (v.expectedUpdatedAt && v.expectedUpdatedAt !== before.updatedAt.toISOString()) {
      throw new DomainError("CONFLICT", "Someone else saved this template after you opened it. Reload the page to see their version, then make your change again.");
    }
    const [problem] = templateProblems({ channel: before.channel as MessageChannel, subject: v.subject, body: v.body });
    if (problem) throw new DomainError("VALIDATION", problem.message, { field: problem.field });
    if (before.isActive && !v.isActive) {
      await assertStillSendable(tx, { key: before.key, channel: before.channel as MessageChannel, locale: before.locale as Locale, templateId: before.id });
    }
    const after = { name: v.name, subject: v.subject, body: v.body, isActive: v.isActive };
    const changes = Object.fromEntries(EDITABLE.filter((f) => before[f] !== after[f]).map((f) => [f, { before: before[f], after: after[f] }]));
    // Saving what is already there changes nothing, and so records nothing.
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(messageTemplates)
      .set({ ...after, updatedByUserId: userId, updatedAt: ctx.clock.now() })
      .where(eq(messageTemplates.id, before.id));
    await appendAuditEvent(tx, {
      occurredAt: ctx.clock.now(),
      actorKind: "user",
      actorId: userId,
      action: "message_template.updated",
      entityType: "message_template",
      entityId: before.id,
      clientId: before.clientId,
      data: { key: before.key, channel: before.channel, locale: before.locale, changes },
    });
  });
  return getMessageTemplate({ ctx, input: { templateId: v.templateId } });
}
