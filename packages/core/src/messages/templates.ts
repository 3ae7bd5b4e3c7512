/**
 * Which wording applies to a case's client: for each template key, channel and language, the client's
 * own active row when it has one, otherwise the agency's active default. A client row switched off
 * falls back to the default rather than leaving the client without the template.
 */
import { messageTemplates, type DbOrTx, type MessageTemplateRow } from "@recouvra/db";
import { isNoticeTemplate, LOCALES, placeholdersIn, type Locale, type MessageChannel } from "@recouvra/domain";
import { and, eq, type SQL } from "drizzle-orm";
import { agencyOrClient, sameSlot, templateTextOf, type TemplateText } from "../templates/shared.ts";

/** A template as a case's messages may use it. */
export interface ApplicableTemplate extends TemplateText {
  /** True when the wording is the client's own, not the agency default. */
  isClientWording: boolean;
  /** True when sending it puts the debtor on notice. */
  isNotice: boolean;
  /** True when the wording prints the payment deadline (so the form must ask for one). */
  usesDeadline: boolean;
}

function applicable(row: MessageTemplateRow): ApplicableTemplate {
  return {
    ...templateTextOf(row),
    isClientWording: row.clientId !== null,
    isNotice: isNoticeTemplate(row.key),
    usesDeadline: placeholdersIn(`${row.subject ?? ""} ${row.body}`).includes("deadline"),
  };
}

/** The active rows that may apply to `clientId`'s cases, narrowed by `where`. */
function activeRowsFor(db: DbOrTx, clientId: string, where?: SQL) {
  return db
    .select()
    .from(messageTemplates)
    .where(and(eq(messageTemplates.isActive, true), agencyOrClient(clientId), where));
}

/** One row per key, channel and language: the client's own where it has one, else the agency default. */
function chooseApplicable(rows: readonly MessageTemplateRow[]): MessageTemplateRow[] {
  const chosen = new Map<string, MessageTemplateRow>();
  for (const row of rows) {
    const slot = `${row.key}/${row.channel}/${row.locale}`;
    const held = chosen.get(slot);
    if (!held || (held.clientId === null && row.clientId !== null)) chosen.set(slot, row);
  }
  return [...chosen.values()];
}

/** Every template that applies to `clientId`'s cases, one per key, channel and language, by channel, key and language. */
export async function applicableTemplates(db: DbOrTx, clientId: string): Promise<ApplicableTemplate[]> {
  return chooseApplicable(await activeRowsFor(db, clientId))
    .map(applicable)
    .sort((a, b) => a.channel.localeCompare(b.channel) || a.key.localeCompare(b.key) || LOCALES.indexOf(a.locale) - LOCALES.indexOf(b.locale));
}

/** The template `key` for `channel` in `locale` as it applies to `clientId`, or null when there is none. */
export async function findApplicableTemplate(
  db: DbOrTx,
  where: { clientId: string; key: string; channel: MessageChannel; locale: Locale },
): Promise<ApplicableTemplate | null> {
  const [row] = chooseApplicable(await activeRowsFor(db, where.clientId, sameSlot(where)));
  return row ? applicable(row) : null;
}
