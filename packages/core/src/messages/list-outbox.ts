/**
 * The outbox as staff read it: every letter, email and SMS of the cases in their scope, newest first,
 * and one message in full as it was sent with its delivery history. In development it is where the
 * offline transport "delivers" (DESIGN: emails/SMS/letters land in a dev outbox visible in the workspace).
 */
import { auditEvents, cases, clients, debtors, messages, type Message } from "@recouvra/db";
import { DomainError, MESSAGE_CHANNELS, MESSAGE_STATUSES, smsSegments, type MessageChannel, type MessageStatus } from "@recouvra/domain";
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { assertStaffOrSystem } from "../access.ts";
import { isStaff, type Actor, type Ctx } from "../context.ts";
import { parseInput } from "../cases/actions/shared.ts";
import { caseScope, isUuid } from "../scope.ts";
import { debtorDisplayName, requireMessagingCase, type SmsFacts } from "./compose.ts";

/** Messages per page of the outbox. */
export const OUTBOX_PAGE_SIZE = 25;

export const ListOutboxInputSchema = z.object({
  status: z.enum(MESSAGE_STATUSES, { error: "status: choose one of the message statuses" }).optional(),
  channel: z.enum(MESSAGE_CHANNELS, { error: "channel: choose letter, email or SMS" }).optional(),
  caseId: z.string().optional(),
  page: z.coerce.number({ error: "page must be a number" }).int("page must be a whole number").min(1, "page starts at 1").max(10_000, "page is at most 10,000").default(1),
});
export type ListOutboxInput = z.input<typeof ListOutboxInputSchema>;

/** The case a message is about, as the outbox links to it. */
export interface OutboxCase {
  id: string;
  reference: string;
  debtorName: string;
  clientName: string;
}

export interface OutboxItem {
  id: string;
  createdAt: string;
  sentAt: string | null;
  channel: MessageChannel;
  direction: string;
  status: MessageStatus;
  template: string | null;
  locale: string | null;
  /** The first line of the recipient (a letter's is the debtor's name). */
  recipient: string;
  subject: string | null;
  /** The start of the body, for the list. */
  excerpt: string;
  attempts: number;
  provider: string | null;
  error: string | null;
  case: OutboxCase | null;
}

export interface OutboxList {
  items: OutboxItem[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  /** Messages per status under the other filters (for the status filter). */
  statusCounts: Partial<Record<MessageStatus, number>>;
  filters: { status: MessageStatus | null; channel: MessageChannel | null; caseId: string | null };
}

const EXCERPT_LENGTH = 140;

function excerptOf(body: string | null): string {
  const flat = (body ?? "").replace(/\s+/g, " ").trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH - 1)}…` : flat;
}

// Messages about no case (a staff invitation) belong to whoever sees every case: left-joined, the
// scope's condition on `cases` is null for them, which excludes them for everyone else.
const scopeOf = (actor: Actor): SQL => caseScope(actor);

const caseColumns = {
  caseReference: cases.reference,
  debtorKind: debtors.kind,
  debtorFirstName: debtors.firstName,
  debtorLastName: debtors.lastName,
  debtorCompanyName: debtors.companyName,
  clientName: clients.name,
};

type CaseColumns = { [K in keyof typeof caseColumns]: string | null };

function caseOf(caseId: string | null, row: CaseColumns): OutboxCase | null {
  if (!caseId || !row.caseReference) return null;
  return {
    id: caseId,
    reference: row.caseReference,
    debtorName: debtorDisplayName({ kind: row.debtorKind ?? "person", firstName: row.debtorFirstName, lastName: row.debtorLastName, companyName: row.debtorCompanyName }),
    clientName: row.clientName ?? "",
  };
}

/** What the outbox list and the full message show alike of a message. */
function messageFieldsOf(m: Message, row: CaseColumns): Omit<OutboxItem, "excerpt" | "recipient"> {
  return {
    id: m.id,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
    channel: m.channel as MessageChannel,
    direction: m.direction,
    status: m.status as MessageStatus,
    template: m.template,
    locale: m.locale,
    subject: m.subject,
    attempts: m.attempts,
    provider: m.provider,
    error: m.error,
    case: caseOf(m.caseId, row),
  };
}

/** The messages of the cases in the actor's scope, newest first, filtered and paginated. Staff only. */
export async function listOutbox({ ctx, input = {} }: { ctx: Ctx; input?: ListOutboxInput }): Promise<OutboxList> {
  assertStaffOrSystem(ctx.actor, "the outbox");
  const { status, channel, caseId, page } = parseInput(ListOutboxInputSchema, input);
  if (caseId) await requireMessagingCase(ctx.db, ctx.actor, caseId);
  const base: (SQL | undefined)[] = [scopeOf(ctx.actor), channel ? eq(messages.channel, channel) : undefined, caseId ? eq(messages.caseId, caseId) : undefined];
  const where = and(...base, status ? eq(messages.status, status) : undefined);
  const [rows, counts] = await Promise.all([
    ctx.db
      .select({ m: messages, ...caseColumns, total: sql<number>`(count(*) over ())::int` })
      .from(messages)
      .leftJoin(cases, eq(cases.id, messages.caseId))
      .leftJoin(debtors, eq(debtors.id, cases.debtorId))
      .leftJoin(clients, eq(clients.id, messages.clientId))
      .where(where)
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(OUTBOX_PAGE_SIZE)
      .offset((page - 1) * OUTBOX_PAGE_SIZE),
    ctx.db
      .select({ status: messages.status, n: sql<number>`count(*)::int` })
      .from(messages)
      .leftJoin(cases, eq(cases.id, messages.caseId))
      .where(and(...base))
      .groupBy(messages.status),
  ]);
  const total = rows[0]?.total ?? (page === 1 ? 0 : await countOf(ctx, where));
  return {
    items: rows.map(({ m, total: _total, ...row }) => ({
      ...messageFieldsOf(m, row),
      recipient: m.recipient.split("\n")[0] ?? m.recipient,
      excerpt: excerptOf(m.body),
    })),
    total,
    page,
    pageSize: OUTBOX_PAGE_SIZE,
    pageCount: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)),
    statusCounts: Object.fromEntries(counts.map((c) => [c.status, c.n])),
    filters: { status: status ?? null, channel: channel ?? null, caseId: caseId ?? null },
  };
}

// A page past the end has no rows to carry the window count: count separately.
async function countOf(ctx: Ctx, where: SQL | undefined): Promise<number> {
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(messages)
    .leftJoin(cases, eq(cases.id, messages.caseId))
    .where(where);
  return row?.n ?? 0;
}

export const GetMessageInputSchema = z.object({ messageId: z.string() });
export type GetMessageInput = z.input<typeof GetMessageInputSchema>;

/** One step of a message's life, from the audit trail. */
export interface MessageEvent {
  at: string;
  action: string;
  /** Plain sentence, e.g. "Attempt 2 failed: 503 Service Unavailable; next attempt at …". */
  summary: string;
}

/** One message in full, as it was sent. */
export interface MessageDetail extends Omit<OutboxItem, "excerpt" | "recipient"> {
  /** The whole recipient (a letter's address block, line by line). */
  recipient: string;
  body: string;
  providerMessageId: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  sms: SmsFacts | null;
  events: MessageEvent[];
}

function summaryOf(action: string, data: Record<string, unknown>): string {
  const text = (k: string) => (typeof data[k] === "string" ? (data[k] as string) : null);
  const num = (k: string) => (typeof data[k] === "number" ? (data[k] as number) : null);
  switch (action) {
    case "message.queued":
      return `Queued${text("template") ? ` from template ${text("template")}` : ""}${text("deadline") ? `, deadline ${text("deadline")}` : ""}`;
    case "message.sending":
      return `Attempt ${num("attempt") ?? "?"} started${data.leaseExpired ? " (the previous attempt never reported back)" : ""}`;
    case "message.sent":
      return `Sent through ${text("provider") ?? "the provider"}${text("providerMessageId") ? ` (${text("providerMessageId")})` : ""}`;
    case "message.retry_scheduled":
      return `Attempt ${num("attempt") ?? "?"} failed: ${text("error") ?? "no reason given"}. Next attempt at ${text("nextAttemptAt") ?? "?"}`;
    case "message.failed":
      return `Gave up after ${num("attempts") ?? "?"} attempts: ${text("error") ?? "no reason given"}`;
    case "message.suppressed":
      return `Not sent: ${text("reason") ?? "contact is no longer allowed"}`;
    default:
      return action;
  }
}

/** The message `messageId` in full, with its delivery history. NOT_FOUND outside the actor's scope and for anyone but staff. */
export async function getMessage({ ctx, input }: { ctx: Ctx; input: GetMessageInput }): Promise<MessageDetail> {
  const { messageId } = parseInput(GetMessageInputSchema, input);
  const notFound = () => new DomainError("NOT_FOUND", "This message does not exist or is not yours to see.");
  if (!(ctx.actor.kind === "system" || isStaff(ctx.actor)) || !isUuid(messageId)) throw notFound();
  const [row] = await ctx.db
    .select({ m: messages, ...caseColumns })
    .from(messages)
    .leftJoin(cases, eq(cases.id, messages.caseId))
    .leftJoin(debtors, eq(debtors.id, cases.debtorId))
    .leftJoin(clients, eq(clients.id, messages.clientId))
    .where(and(eq(messages.id, messageId), scopeOf(ctx.actor)))
    .limit(1);
  if (!row) throw notFound();
  const { m, ...rest } = row;
  const history = await ctx.db
    .select({ occurredAt: auditEvents.occurredAt, action: auditEvents.action, data: auditEvents.data })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, "message"), eq(auditEvents.entityId, m.id)))
    .orderBy(asc(auditEvents.occurredAt), asc(auditEvents.id));
  const body = m.body ?? "";
  const sms = m.channel === "sms" ? smsSegments(body) : null;
  return {
    ...messageFieldsOf(m, rest),
    deliveredAt: m.deliveredAt?.toISOString() ?? null,
    nextAttemptAt: m.nextAttemptAt?.toISOString() ?? null,
    recipient: m.recipient,
    body,
    providerMessageId: m.providerMessageId,
    sms: sms ? { encoding: sms.encoding, characters: [...body].length, segments: sms.segments } : null,
    events: history.map((e) => ({ at: e.occurredAt.toISOString(), action: e.action, summary: summaryOf(e.action, (e.data ?? {}) as Record<string, unknown>) })),
  };
}
