/**
 * Which wording applies to a case's client: for each template key, channel and language, the client's
 * own active row when it has one, otherwise the agency's active default. A client row switched off
 * falls back to the default rather than leaving the client without the template.
 */
import { messageTemplates, type DbOrTx, type MessageTemplateRow } from "@recouvra/db";
import { isNoticeTemplate, LOCALES, placeholdersIn, type Locale, type MessageChannel } from "@recouvra/domain";
import { and, eq, isNull, or } from "drizzle-orm";

/** A template as a case's messages may use it. */
export interface ApplicableTemplate {
  id: string;
  key: string;
  channel: MessageChannel;
  locale: Locale;
  name: string;
  subject: string | null;
  body: string;
  /** True when the wording is the client's own, not the agency default. */
  isClientWording: boolean;
  /** True when sending it puts the debtor on notice. */
  isNotice: boolean;
  /** True when the wording prints the payment deadline (so the form must ask for one). */
  usesDeadline: boolean;
}

function applicable(row: MessageTemplateRow): ApplicableTemplate {
  return {
    id: row.id,
    key: row.key,
    channel: row.channel as MessageChannel,
    locale: row.locale as Locale,
    name: row.name,
    subject: row.subject,
    body: row.body,
    isClientWording: row.clientId !== null,
    isNotice: isNoticeTemplate(row.key),
    usesDeadline: placeholdersIn(`${row.subject ?? ""} ${row.body}`).includes("deadline"),
  };
}

/** Every template that applies to `clientId`'s cases, one per key, channel and language, by channel, key and language. */
export async function applicableTemplates(db: DbOrTx, clientId: string): Promise<ApplicableTemplate[]> {
  const rows = await db
    .select()
    .from(messageTemplates)
    .where(and(eq(messageTemplates.isActive, true), or(isNull(messageTemplates.clientId), eq(messageTemplates.clientId, clientId))));
  const chosen = new Map<string, MessageTemplateRow>();
  for (const row of rows) {
    const slot = `${row.key}/${row.channel}/${row.locale}`;
    const held = chosen.get(slot);
    if (!held || (held.clientId === null && row.clientId !== null)) chosen.set(slot, row);
  }
  return [...chosen.values()]
    .map(applicable)
    .sort((a, b) => a.channel.localeCompare(b.channel) || a.key.localeCompare(b.key) || LOCALES.indexOf(a.locale) - LOCALES.indexOf(b.locale));
}

/** The template `key` for `channel` in `locale` as it applies to `clientId`, or null when there is none. */
export async function findApplicableTemplate(
  db: DbOrTx,
  where: { clientId: string; key: string; channel: MessageChannel; locale: Locale },
): Promise<ApplicableTemplate | null> {
  const rows = await db
    .select()
    .from(messageTemplates)
    .where(
      and(
        eq(messageTemplates.key, where.key),
        eq(messageTemplates.channel, where.channel),
        eq(messageTemplates.locale, where.locale),
        eq(messageTemplates.isActive, true),
        or(isNull(messageTemplates.clientId), eq(messageTemplates.clientId, where.clientId)),
      ),
    );
  const row = rows.find((r) => r.clientId !== null) ?? rows[0];
  return row ? applicable(row) : null;
}
