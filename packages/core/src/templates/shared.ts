/**
 * What the template use-cases share: who may touch templates, how a row is read, and the one rule
 * about switching a wording off (see `assertStillSendable`).
 *
 * How a wording applies, as these use-cases maintain it: for a client, its own *active* row of a key,
 * channel and language wins; otherwise the agency default applies when it is active; otherwise there
 * is no wording and a send must be refused, visibly, rather than made in another language or dropped.
 * An inactive client row is therefore a paused customisation (the client falls back to the default),
 * and deleting it is the permanent way back.
 */
import { cases, clients, messageTemplates, strategies, type DbOrTx, type MessageTemplateRow } from "@recouvra/db";
import { DomainError, type Locale, type MessageChannel } from "@recouvra/domain";
import { and, asc, eq, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Ctx } from "../context.ts";
import { isUuid } from "../scope.ts";

/** How the workspace names a channel inside a sentence. */
export const CHANNEL_WORDS: Record<MessageChannel, string> = { letter: "letter", email: "email", sms: "SMS" };

/** How the workspace names a language inside a sentence. */
export const LOCALE_WORDS: Record<Locale, string> = { fr: "French", nl: "Dutch", en: "English" };

/** Supervisors and administrators edit the agency's wording; returns the acting user's id. */
export function requireTemplateEditor(ctx: Ctx): string {
  if (ctx.actor.kind === "user" && (ctx.actor.role === "supervisor" || ctx.actor.role === "admin")) return ctx.actor.userId;
  throw new DomainError("FORBIDDEN", "Message templates are managed by supervisors and administrators.");
}

/** The first zod issue as a VALIDATION error naming its field. */
export function validation(error: z.ZodError): DomainError {
  const issue = error.issues[0]!;
  return new DomainError("VALIDATION", issue.message, { field: issue.path.map(String).join(".") });
}

/** The template row `templateId` (locked for update inside a transaction when `forUpdate`); NOT_FOUND otherwise. */
export async function requireTemplateRow(db: DbOrTx, templateId: string, options: { forUpdate?: boolean } = {}): Promise<MessageTemplateRow> {
  if (isUuid(templateId)) {
    const query = db.select().from(messageTemplates).where(eq(messageTemplates.id, templateId));
    const [row] = options.forUpdate ? await query.for("update") : await query;
    if (row) return row;
  }
  throw new DomainError("NOT_FOUND", "This template does not exist.");
}

/** A template's identity and text: where every view of a template starts. */
export interface TemplateText {
  id: string;
  key: string;
  channel: MessageChannel;
  locale: Locale;
  name: string;
  subject: string | null;
  body: string;
}

/** The `TemplateText` of a stored row. */
export function templateTextOf(row: MessageTemplateRow): TemplateText {
  return {
    id: row.id,
    key: row.key,
    channel: row.channel as MessageChannel,
    locale: row.locale as Locale,
    name: row.name,
    subject: row.subject,
    body: row.body,
  };
}

/** The rows of one key, channel and language, in every scope (the agency default and each client's own). */
export function sameSlot(slot: { key: string; channel: string; locale: string }): SQL {
  return and(eq(messageTemplates.key, slot.key), eq(messageTemplates.channel, slot.channel), eq(messageTemplates.locale, slot.locale))!;
}

/** The rows that may apply to `clientId`: the agency defaults and the client's own. */
export function agencyOrClient(clientId: string): SQL {
  return or(isNull(messageTemplates.clientId), eq(messageTemplates.clientId, clientId))!;
}

/** The client `clientId`; NOT_FOUND otherwise (also for a malformed id). */
export async function requireClientRow(db: DbOrTx, clientId: string): Promise<{ id: string; name: string }> {
  if (isUuid(clientId)) {
    const [row] = await db.select({ id: clients.id, name: clients.name }).from(clients).where(eq(clients.id, clientId));
    if (row) return row;
  }
  throw new DomainError("NOT_FOUND", "This client does not exist.", { field: "clientId" });
}

/** The wording of one key, channel and language as it will stand once a change is made. */
export interface WordingChange {
  key: string;
  channel: MessageChannel;
  locale: Locale;
  /** The row being switched off or deleted. */
  templateId: string;
}

/**
 * Refuses (PRECONDITION_FAILED on `isActive`) to leave a running contact strategy without a wording.
 *
 * A collection agency pulls a wording for good reasons (a client's complaint, a change in the law),
 * so switching one off is allowed — but not silently breaking the strategies in force: the first
 * 30 days after the notice run on them, and a step that finds no wording in the debtor's language
 * sends nothing. So the change is refused while an active strategy that reaches some client (as its
 * own, as the client's default, or through one of its open cases) sends this key on this channel and
 * that client would be left with no active wording in this language. The reason names the strategy
 * and the clients; the way out is to change the strategy, or give those clients their own wording.
 * Correcting a wrong text never needs this: editing it takes effect at once.
 */
export async function assertStillSendable(tx: DbOrTx, change: WordingChange): Promise<void> {
  const remaining = await tx
    .select({ clientId: messageTemplates.clientId })
    .from(messageTemplates)
    .where(and(sameSlot(change), eq(messageTemplates.isActive, true), ne(messageTemplates.id, change.templateId)));
  // An active agency default still covers every client.
  if (remaining.some((w) => w.clientId === null)) return;
  const covered = new Set(remaining.map((w) => w.clientId));

  const sending = await tx
    .select({ id: strategies.id, name: strategies.name, clientId: strategies.clientId, steps: strategies.steps })
    .from(strategies)
    .where(and(eq(strategies.isActive, true), sql`${strategies.steps} @> ${JSON.stringify([{ action: change.channel, template: change.key }])}::jsonb`))
    .orderBy(asc(strategies.name));
  if (sending.length === 0) return;
  const ids = sending.map((s) => s.id);
  const reach = [
    ...sending.map((s) => ({ strategyId: s.id, clientId: s.clientId })),
    ...(await tx.select({ strategyId: clients.strategyId, clientId: clients.id }).from(clients).where(inArray(clients.strategyId, ids))),
    ...(await tx
      .selectDistinct({ strategyId: cases.strategyId, clientId: cases.clientId })
      .from(cases)
      .where(and(inArray(cases.strategyId, ids), ne(cases.stage, "closed")))),
  ].filter((r): r is { strategyId: string; clientId: string } => r.strategyId !== null && r.clientId !== null && !covered.has(r.clientId));
  if (reach.length === 0) return;

  const names = new Map((await tx.select({ id: clients.id, name: clients.name }).from(clients).where(inArray(clients.id, reach.map((r) => r.clientId)))).map((c) => [c.id, c.name]));
  const who = [...new Set(reach.map((r) => names.get(r.clientId) ?? ""))].sort();
  const which = sending
    .filter((s) => reach.some((r) => r.strategyId === s.id))
    .map((s) => {
      const step = (s.steps as { day?: unknown; action?: unknown; template?: unknown }[]).find((st) => st.action === change.channel && st.template === change.key);
      return `“${s.name}”${typeof step?.day === "number" ? ` (day ${step.day})` : ""}`;
    });
  const strategiesText = which.length === 1 ? `The strategy ${which[0]} still sends` : `The strategies ${which.slice(0, -1).join(", ")} and ${which.at(-1)} still send`;
  throw new DomainError(
    "PRECONDITION_FAILED",
    `${strategiesText} this ${CHANNEL_WORDS[change.channel]}: ${who.join(", ")} would have no ${LOCALE_WORDS[change.locale]} wording left. ` +
      `Take the step out of the strateg${which.length === 1 ? "y" : "ies"} or give ${who.length === 1 ? "this client its" : "these clients their"} own wording first; to correct the text, edit it instead.`,
    { field: "isActive" },
  );
}

/** The agency default of a key, channel and language, or undefined. */
export async function findAgencyDefault(db: DbOrTx, key: string, channel: string, locale: string): Promise<MessageTemplateRow | undefined> {
  const [row] = await db
    .select()
    .from(messageTemplates)
    .where(and(isNull(messageTemplates.clientId), sameSlot({ key, channel, locale })));
  return row;
}
