import { CHANNELS, DIRECTIONS, INTERACTION_OUTCOMES, LOCALES, MESSAGE_CHANNELS, MESSAGE_STATUSES } from "@recouvra/domain";
import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, index, integer, jsonb, pgTable, text, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases.ts";
import { clients } from "./clients.ts";
import { contactPoints } from "./debtors.ts";
import { documents } from "./documents.ts";
import { checkIn, createdAt, instant, updatedAt } from "./helpers.ts";
import { users } from "./users.ts";

/**
 * Messages in and out (letter, email, SMS). Outbound ones are the outbox: written in the use-case's
 * transaction, sent by the worker, so a send is never lost nor, thanks to `idempotencyKey`, doubled.
 */
export const messages = pgTable(
  "messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    // Null for messages about no case (a staff invitation); a case's messages also carry its client.
    caseId: uuid(),
    clientId: uuid().references(() => clients.id, { onDelete: "restrict" }),
    channel: text().notNull(),
    direction: text().notNull(),
    template: text(),
    locale: text(),
    contactPointId: uuid().references(() => contactPoints.id, { onDelete: "set null" }),
    // Email address, E.164 number or the printed address block, as sent.
    recipient: text().notNull(),
    subject: text(),
    body: text(),
    // Template props, so a message can be re-rendered exactly as it was sent.
    data: jsonb(),
    // The rendered letter (PDF) or a large body kept in storage.
    documentId: uuid().references(() => documents.id, { onDelete: "set null" }),
    status: text().notNull().default("queued"),
    provider: text(),
    providerMessageId: text(),
    idempotencyKey: text().notNull(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: instant(),
    sentAt: instant(),
    deliveredAt: instant(),
    error: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: "messages_case_fk",
      columns: [t.caseId, t.clientId],
      foreignColumns: [cases.id, cases.clientId],
    }).onDelete("restrict"),
    // A composite foreign key is not checked when one column is null: make sure that can't hide a case.
    check("messages_case_client_check", sql`${t.caseId} IS NULL OR ${t.clientId} IS NOT NULL`),
    // Exactly-once sending: the same logical message (e.g. `notice:<caseId>`) is enqueued once.
    unique("messages_idempotency_key_key").on(t.idempotencyKey),
    // Delivery webhooks find their message by the provider's id.
    uniqueIndex("messages_provider_message_id_key")
      .on(t.provider, t.providerMessageId)
      .where(sql`${t.providerMessageId} IS NOT NULL`),
    checkIn("messages_channel_check", t.channel, MESSAGE_CHANNELS),
    checkIn("messages_direction_check", t.direction, DIRECTIONS),
    checkIn("messages_status_check", t.status, MESSAGE_STATUSES),
    checkIn("messages_locale_check", t.locale, LOCALES),
    check("messages_attempts_check", sql`${t.attempts} >= 0`),
    // Outbox dispatcher: queued messages whose next attempt is due.
    index("messages_outbox_idx").on(t.status, t.nextAttemptAt),
    // A case's message history (case timeline, dev outbox filtered by case).
    index("messages_case_idx").on(t.caseId, t.createdAt),
    // Dev outbox and client message logs, newest first.
    index("messages_created_idx").on(t.createdAt),
  ],
);
export type Message = typeof messages.$inferSelect;
export type NewMessage = typeof messages.$inferInsert;

/** Every contact attempt or conversation, on any channel: the evidence of how the case was worked. */
export const interactions = pgTable(
  "interactions",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid().notNull(),
    clientId: uuid().notNull(),
    channel: text().notNull(),
    direction: text().notNull(),
    outcome: text(),
    note: text(),
    // The agent who called or wrote; null for automated steps and the debtor's own portal actions.
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    contactPointId: uuid().references(() => contactPoints.id, { onDelete: "set null" }),
    messageId: uuid().references(() => messages.id, { onDelete: "set null" }),
    durationSeconds: integer(),
    occurredAt: instant().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: "interactions_case_fk",
      columns: [t.caseId, t.clientId],
      foreignColumns: [cases.id, cases.clientId],
    }).onDelete("restrict"),
    checkIn("interactions_channel_check", t.channel, CHANNELS),
    checkIn("interactions_direction_check", t.direction, DIRECTIONS),
    checkIn("interactions_outcome_check", t.outcome, INTERACTION_OUTCOMES),
    check("interactions_duration_check", sql`${t.durationSeconds} >= 0`),
    // Case timeline, newest first; also contact-frequency caps (contacts of a case in a window).
    index("interactions_case_idx").on(t.caseId, t.occurredAt.desc()),
    // Agent activity reports: a user's interactions over a period.
    index("interactions_user_idx").on(t.userId, t.occurredAt),
  ],
);
export type Interaction = typeof interactions.$inferSelect;
export type NewInteraction = typeof interactions.$inferInsert;

/** Negotiation notes on a case, written by agency staff. */
export const notes = pgTable(
  "notes",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid().notNull(),
    clientId: uuid().notNull(),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    body: text().notNull(),
    isPinned: boolean().notNull().default(false),
    // The agency chooses which negotiation notes the client creditor may read in its view.
    isSharedWithClient: boolean().notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: "notes_case_fk",
      columns: [t.caseId, t.clientId],
      foreignColumns: [cases.id, cases.clientId],
    }).onDelete("restrict"),
    check("notes_body_check", sql`length(${t.body}) > 0`),
    // A case's notes, newest first.
    index("notes_case_idx").on(t.caseId, t.createdAt.desc()),
  ],
);
export type Note = typeof notes.$inferSelect;
export type NewNote = typeof notes.$inferInsert;

/**
 * The wording of outbound letters, emails and SMS, editable by supervisors and admins. A row with no
 * client is the agency's default; a client's own row for the same key, channel and language wins.
 * Texts use `{placeholders}` that the domain fills in (`renderTemplate`), so an unknown one is refused
 * when the template is saved rather than printed to a debtor.
 */
export const messageTemplates = pgTable(
  "message_templates",
  {
    id: uuid().primaryKey().defaultRandom(),
    clientId: uuid().references(() => clients.id, { onDelete: "cascade" }),
    // What the message is for, e.g. `formal_notice`, `reminder_sms`; the same key exists per language.
    key: text().notNull(),
    channel: text().notNull(),
    locale: text().notNull(),
    name: text().notNull(),
    // Null for SMS, which has no subject.
    subject: text(),
    body: text().notNull(),
    isActive: boolean().notNull().default(true),
    updatedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One wording per (client or agency default, key, channel, language); NULLS NOT DISTINCT makes
    // the agency defaults unique too (PostgreSQL 15+).
    unique("message_templates_scope_key").on(t.clientId, t.key, t.channel, t.locale).nullsNotDistinct(),
    checkIn("message_templates_channel_check", t.channel, MESSAGE_CHANNELS),
    checkIn("message_templates_locale_check", t.locale, LOCALES),
    check("message_templates_key_check", sql`${t.key} ~ '^[a-z][a-z0-9_]{1,62}$'`),
    check("message_templates_body_check", sql`length(${t.body}) > 0`),
    // The send form and the template admin list a scope's templates by channel.
    index("message_templates_channel_idx").on(t.channel, t.locale),
  ],
);
export type MessageTemplateRow = typeof messageTemplates.$inferSelect;
export type NewMessageTemplateRow = typeof messageTemplates.$inferInsert;
