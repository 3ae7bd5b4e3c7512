// Message templates: the agency's wording of letters, emails and SMS, and clients' own versions of it.
export {
  listMessageTemplates,
  ListMessageTemplatesInputSchema,
  type ListMessageTemplatesInput,
  type MessageTemplateGroup,
  type MessageTemplateLanguage,
  type MessageTemplateList,
} from "./list-message-templates.ts";
export { getMessageTemplate, type MessageTemplateDetail } from "./get-message-template.ts";
export { saveMessageTemplate, SaveMessageTemplateInputSchema, type SaveMessageTemplateInput } from "./save-message-template.ts";
export { createClientOverride, CreateClientOverrideInputSchema, deleteClientOverride, type CreateClientOverrideInput } from "./client-overrides.ts";
