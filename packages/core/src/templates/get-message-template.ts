import { clients, messageTemplates, users } from "@recouvra/db";
import { LOCALES, type Locale } from "@recouvra/domain";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Ctx } from "../context.ts";
import { findAgencyDefault, requireTemplateEditor, requireTemplateRow, sameSlot, templateTextOf, type TemplateText } from "./shared.ts";

/** A template with what its editor needs around it. */
export interface MessageTemplateDetail extends TemplateText {
  isActive: boolean;
  /** The client this wording belongs to; null for an agency default. */
  client: { id: string; name: string } | null;
  updatedAt: Date;
  updatedBy: string | null;
  /** For a client's wording: the agency default it replaces. */
  agencyDefault: { id: string; name: string; subject: string | null; body: string; isActive: boolean } | null;
  /** For an agency default: the clients with their own wording of the same key, channel and language. */
  clientWordings: { id: string; clientId: string; clientName: string; isActive: boolean }[];
  /** For an agency default: the clients that could be given their own wording. */
  clientsWithoutWording: { id: string; name: string }[];
  /** The same template in the other languages, in the same scope (agency or this client). */
  languages: { locale: Locale; id: string }[];
}

/** One template by id, for its editor; NOT_FOUND when there is none. */
export async function getMessageTemplate({ ctx, input }: { ctx: Ctx; input: { templateId: string } }): Promise<MessageTemplateDetail> {
  requireTemplateEditor(ctx);
  const row = await requireTemplateRow(ctx.db, input.templateId);
  const [client] = row.clientId ? await ctx.db.select({ id: clients.id, name: clients.name }).from(clients).where(eq(clients.id, row.clientId)) : [];
  const [editor] = row.updatedByUserId ? await ctx.db.select({ name: users.displayName }).from(users).where(eq(users.id, row.updatedByUserId)) : [];
  const sameScope = row.clientId ? eq(messageTemplates.clientId, row.clientId) : isNull(messageTemplates.clientId);
  const languages = await ctx.db
    .select({ locale: messageTemplates.locale, id: messageTemplates.id })
    .from(messageTemplates)
    .where(and(sameScope, eq(messageTemplates.key, row.key), eq(messageTemplates.channel, row.channel)));

  let agencyDefault: MessageTemplateDetail["agencyDefault"] = null;
  let clientWordings: MessageTemplateDetail["clientWordings"] = [];
  let clientsWithoutWording: MessageTemplateDetail["clientsWithoutWording"] = [];
  if (row.clientId) {
    const found = await findAgencyDefault(ctx.db, row.key, row.channel, row.locale);
    agencyDefault = found ? { id: found.id, name: found.name, subject: found.subject, body: found.body, isActive: found.isActive } : null;
  } else {
    clientWordings = await ctx.db
      .select({ id: messageTemplates.id, clientId: clients.id, clientName: clients.name, isActive: messageTemplates.isActive })
      .from(messageTemplates)
      .innerJoin(clients, eq(clients.id, messageTemplates.clientId))
      .where(sameSlot(row))
      .orderBy(asc(clients.name));
    const taken = new Set(clientWordings.map((w) => w.clientId));
    clientsWithoutWording = (await ctx.db.select({ id: clients.id, name: clients.name }).from(clients).orderBy(asc(clients.name))).filter((c) => !taken.has(c.id));
  }

  return {
    ...templateTextOf(row),
    isActive: row.isActive,
    client: client ?? null,
    updatedAt: row.updatedAt,
    updatedBy: editor?.name ?? null,
    agencyDefault,
    clientWordings,
    clientsWithoutWording,
    languages: languages
      .map((l) => ({ locale: l.locale as Locale, id: l.id }))
      .sort((a, b) => LOCALES.indexOf(a.locale) - LOCALES.indexOf(b.locale)),
  };
}
