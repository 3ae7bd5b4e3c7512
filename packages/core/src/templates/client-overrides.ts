/**
 * A client's own wording of a template: a copy of the agency default the client then differs from
 * (its tone, its name for itself, a sentence its lawyers want). Deleting it puts the client back on
 * the agency default; the default itself is never deleted, only switched off.
 */
import { appendAuditEvent, messageTemplates } from "@recouvra/db";
import { DomainError, LOCALES, MESSAGE_CHANNELS, type Locale, type MessageChannel } from "@recouvra/domain";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context.ts";
import { getMessageTemplate, type MessageTemplateDetail } from "./get-message-template.ts";
import { assertStillSendable, CHANNEL_WORDS, findAgencyDefault, LOCALE_WORDS, requireClientRow, requireTemplateEditor, requireTemplateRow, validation } from "./shared.ts";

export const CreateClientOverrideInputSchema = z.object({
  clientId: z.string({ error: "Choose a client." }).min(1, "Choose a client."),
  key: z.string().regex(/^[a-z][a-z0-9_]{1,62}$/, "key must be a template key"),
  channel: z.enum(MESSAGE_CHANNELS, { error: "channel must be letter, email or sms" }),
  locale: z.enum(LOCALES, { error: "locale must be fr, nl or en" }),
});
export type CreateClientOverrideInput = z.input<typeof CreateClientOverrideInputSchema>;

/** Gives a client its own wording of a key, channel and language, starting as a copy of the agency default. */
export async function createClientOverride({ ctx, input }: { ctx: Ctx; input: CreateClientOverrideInput }): Promise<MessageTemplateDetail> {
  const userId = requireTemplateEditor(ctx);
  const parsed = CreateClientOverrideInputSchema.safeParse(input);
  if (!parsed.success) throw validation(parsed.error);
  const v = parsed.data;
  const id = await ctx.db.transaction(async (tx) => {
    const client = await requireClientRow(tx, v.clientId);
    const source = await findAgencyDefault(tx, v.key, v.channel, v.locale);
    if (!source) throw new DomainError("NOT_FOUND", `There is no agency default of this ${CHANNEL_WORDS[v.channel]} in ${LOCALE_WORDS[v.locale]} to start from.`);
    // The copy keeps the default's active state: a wording the agency switched off is not revived by
    // customising it, and a live one stays live for the client without a gap.
    const [created] = await tx
      .insert(messageTemplates)
      .values({ clientId: client.id, key: v.key, channel: v.channel, locale: v.locale, name: source.name, subject: source.subject, body: source.body, isActive: source.isActive, updatedByUserId: userId, updatedAt: ctx.clock.now(), createdAt: ctx.clock.now() })
      .onConflictDoNothing()
      .returning({ id: messageTemplates.id });
    if (!created) throw new DomainError("CONFLICT", `${client.name} already has its own wording of this ${CHANNEL_WORDS[v.channel]} in ${LOCALE_WORDS[v.locale]}.`, { field: "clientId" });
    await appendAuditEvent(tx, {
      occurredAt: ctx.clock.now(),
      actorKind: "user",
      actorId: userId,
      action: "message_template.override_created",
      entityType: "message_template",
      entityId: created.id,
      clientId: client.id,
      data: { key: v.key, channel: v.channel, locale: v.locale, copiedFrom: source.id },
    });
    return created.id;
  });
  return getMessageTemplate({ ctx, input: { templateId: id } });
}

/**
 * Deletes a client's own wording, so the client gets the agency default again. The audit event keeps
 * the deleted text. An agency default is refused (PRECONDITION_FAILED): switch it off instead.
 */
export async function deleteClientOverride({ ctx, input }: { ctx: Ctx; input: { templateId: string } }): Promise<{ agencyDefaultId: string | null }> {
  const userId = requireTemplateEditor(ctx);
  return ctx.db.transaction(async (tx) => {
    const row = await requireTemplateRow(tx, input.templateId, { forUpdate: true });
    if (!row.clientId) {
      throw new DomainError("PRECONDITION_FAILED", "An agency default cannot be deleted, only switched off: clients without their own wording rely on it.");
    }
    if (row.isActive) await assertStillSendable(tx, { key: row.key, channel: row.channel as MessageChannel, locale: row.locale as Locale, templateId: row.id });
    const fallback = await findAgencyDefault(tx, row.key, row.channel, row.locale);
    await tx.delete(messageTemplates).where(eq(messageTemplates.id, row.id));
    await appendAuditEvent(tx, {
      occurredAt: ctx.clock.now(),
      actorKind: "user",
      actorId: userId,
      action: "message_template.override_deleted",
      entityType: "message_template",
      entityId: row.id,
      clientId: row.clientId,
      data: { key: row.key, channel: row.channel, locale: row.locale, deleted: { name: row.name, subject: row.subject, body: row.body, isActive: row.isActive } },
    });
    return { agencyDefaultId: fallback?.id ?? null };
  });
}
