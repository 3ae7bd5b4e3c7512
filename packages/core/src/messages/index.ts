// Letters, emails and SMS: composing from templates, the outbox, and its dispatcher.
export {
  DEFAULT_PORTAL_URL,
  MessageInputSchema,
  type ComposedMessage,
  type MessageInput,
  type MessageRefusal,
  type MessageRefusalReason,
  type SmsFacts,
} from "./compose.ts";
export { applicableTemplates, findApplicableTemplate, type ApplicableTemplate } from "./templates.ts";
export {
  DEFAULT_DEADLINE_DAYS,
  listMessageOptions,
  ListMessageOptionsInputSchema,
  type ChannelOptions,
  type ContactPointOption,
  type ListMessageOptionsInput,
  type MessageOptions,
  type TemplateOption,
} from "./list-message-options.ts";
export { previewMessage, PreviewMessageInputSchema, type MessagePreview, type PreviewMessageInput, type PreviewMessageResult } from "./preview-message.ts";
export { sendMessage, SendMessageInputSchema, type SendMessageInput, type SentMessage } from "./send-message.ts";
export {
  getMessage,
  GetMessageInputSchema,
  listOutbox,
  ListOutboxInputSchema,
  OUTBOX_PAGE_SIZE,
  type GetMessageInput,
  type ListOutboxInput,
  type MessageDetail,
  type MessageEvent,
  type OutboxCase,
  type OutboxItem,
  type OutboxList,
} from "./list-outbox.ts";
export {
  dispatchOutbox,
  DispatchOutboxInputSchema,
  OUTBOX_FIRST_RETRY_SECONDS,
  OUTBOX_MAX_ATTEMPTS,
  OUTBOX_MAX_RETRY_SECONDS,
  OUTBOX_SENDING_LEASE_SECONDS,
  outboxRetryDelaySeconds,
  type DispatchOutboxInput,
  type DispatchOutboxResult,
} from "./dispatch-outbox.ts";
export { outboxTransport, type OutboundMessage, type Transport } from "./transport.ts";
export { REDACTION_CHARACTER, redactMessageSecrets, type RedactedSecret } from "./redact-secrets.ts";
