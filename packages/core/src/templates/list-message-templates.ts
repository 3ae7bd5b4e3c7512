import { clients, messageTemplates } from "@recouvra/db";
import { LOCALES, MESSAGE_CHANNELS, type Locale, type MessageChannel } from "@recouvra/domain";
import { and, asc, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context.ts";
import { agencyOrClient, requireClientRow, requireTemplateEditor, validation } from "./shared.ts";

/** One language of a template as the list shows it. */
export interface MessageTemplateLanguage {
  id: string;
  locale: Locale;
  name: string;
  isActive: boolean;
  /** True when this is the chosen client's own wording rather than the agency default. */
  isClientWording: boolean;
  updatedAt: Date;
}

/** A template key on one channel, with its languages. */
export interface MessageTemplateGroup {
  key: string;
  channel: MessageChannel;
  name: string;
  /** In `LOCALES` order. For one client: the wording that client gets in each language. */
  languages: MessageTemplateLanguage[];
  /** Clients with their own wording of this key and channel, and in which languages. */
  overrides: { clientId: string; clientName: string; locales: Locale[] }[];
}

export interface MessageTemplateList {
  /** The client whose wordings are shown, or null for the agency defaults. */
  client: { id: string; name: string } | null;
  channel: MessageChannel | null;
  groups: MessageTemplateGroup[];
  /** Every client, for the filter. */
  clients: { id: string; name: string }[];
}

export const ListMessageTemplatesInputSchema = z.object({
  clientId: z.string().optional(),
  channel: z.enum(MESSAGE_CHANNELS, { error: "channel must be letter, email or sms" }).optional(),
});
export type ListMessageTemplatesInput = z.input<typeof ListMessageTemplatesInputSchema>;

const byChannel = (c: string) => MESSAGE_CHANNELS.indexOf(c as MessageChannel);
const byLocale = (l: string) => LOCALES.indexOf(l as Locale);

/**
 * The templates by key and channel: the agency defaults with the clients that override them, or, for
 * one client, the wording that client gets in each language (its own where it has one).
 */
export async function listMessageTemplates({ ctx, input = {} }: { ctx: Ctx; input?: ListMessageTemplatesInput }): Promise<MessageTemplateList> {
  requireTemplateEditor(ctx);
  const parsed = ListMessageTemplatesInputSchema.safeParse(input);
  if (!parsed.success) throw validation(parsed.error);
  const { clientId, channel } = parsed.data;
  const client = clientId ? await requireClientRow(ctx.db, clientId) : null;

  const conditions: SQL[] = [];
  if (channel) conditions.push(eq(messageTemplates.channel, channel));
  if (client) conditions.push(agencyOrClient(client.id));
  const rows = await ctx.db
    .select({ row: messageTemplates, clientName: clients.name })
    .from(messageTemplates)
    .leftJoin(clients, eq(clients.id, messageTemplates.clientId))
    .where(and(...conditions))
    .orderBy(asc(messageTemplates.key));

  const owned = new Set(rows.filter((r) => client && r.row.clientId === client.id).map((r) => `${r.row.key}/${r.row.channel}/${r.row.locale}`));
  type Building = MessageTemplateGroup & { defaultNames: Map<Locale, string> };
  const groups = new Map<string, Building>();
  for (const { row, clientName } of rows) {
    const id = `${row.key}/${row.channel}`;
    const group: Building = groups.get(id) ?? { key: row.key, channel: row.channel as MessageChannel, name: row.name, languages: [], overrides: [], defaultNames: new Map() };
    groups.set(id, group);
    const locale = row.locale as Locale;
    if (row.clientId) {
      const override = group.overrides.find((o) => o.clientId === row.clientId) ?? { clientId: row.clientId, clientName: clientName ?? "", locales: [] };
      if (!group.overrides.includes(override)) group.overrides.push(override);
      override.locales.push(locale);
    } else {
      group.defaultNames.set(locale, row.name);
    }
    // The agency view lists the defaults; a client's view puts its own wording in place of the default.
    const isShown = row.clientId ? row.clientId === client?.id : !owned.has(`${id}/${row.locale}`);
    if (isShown) {
      group.languages.push({ id: row.id, locale, name: row.name, isActive: row.isActive, isClientWording: row.clientId !== null, updatedAt: row.updatedAt });
    }
  }

  const result = [...groups.values()].map(({ defaultNames, ...group }) => ({
    ...group,
    // The interface is in English: name a group after its English default when there is one.
    name: defaultNames.get("en") ?? defaultNames.values().next().value ?? group.name,
    languages: group.languages.sort((a, b) => byLocale(a.locale) - byLocale(b.locale)),
    overrides: group.overrides
      .map((o) => ({ ...o, locales: o.locales.sort((a, b) => byLocale(a) - byLocale(b)) }))
      .sort((a, b) => a.clientName.localeCompare(b.clientName)),
  }));
  result.sort((a, b) => byChannel(a.channel) - byChannel(b.channel) || a.name.localeCompare(b.name) || a.key.localeCompare(b.key));

  return {
    client,
    channel: channel ?? null,
    groups: result,
    clients: await ctx.db.select({ id: clients.id, name: clients.name }).from(clients).orderBy(asc(clients.name)),
  };
}
