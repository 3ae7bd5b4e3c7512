/**
 * The debtor portal's self-service besides paying and plans: disputing the debt with evidence, saying
 * it is already paid, contact details and preferences, the message thread with the case handler, and
 * asking to be called back. Every request is the signed-in debtor's own case only (anyone else's is
 * NOT_FOUND, staff included), refused on a closed case, audited as the debtor, and puts the case in
 * front of its handler (an inbound portal interaction and the next action the work queue finds).
 */
export {
  EVIDENCE_MIME_TYPES,
  getDebtorDisputeStatus,
  MAX_EVIDENCE_FILES,
  openDebtorDispute,
  OpenDebtorDisputeInputSchema,
  reportAlreadyPaid,
  ReportAlreadyPaidInputSchema,
  type AcknowledgmentOutcome,
  type DebtorDisputeStatus,
  type EvidenceFile,
  type OpenDebtorDisputeInput,
  type OpenedDebtorDispute,
  type ReportAlreadyPaidInput,
} from "./self-service-disputes.ts";
export {
  DEBTOR_PORTAL_SOURCE,
  DEBTOR_REPORT_REASONS,
  getDebtorContactDetails,
  updateDebtorContact,
  UpdateDebtorContactInputSchema,
  type DebtorContactDetails,
  type DebtorContactPoint,
  type DebtorContactPreferences,
  type DebtorReportReason,
  type UpdatedDebtorContact,
  type UpdateDebtorContactInput,
} from "./self-service-contact.ts";
export {
  getDebtorMessages,
  PORTAL_MESSAGE_MAX_LENGTH,
  replyToDebtorInPortal,
  ReplyToDebtorInPortalInputSchema,
  sendDebtorMessage,
  SendDebtorMessageInputSchema,
  type DebtorMessageThread,
  type DebtorThreadMessage,
  type ReplyToDebtorInPortalInput,
  type SendDebtorMessageInput,
} from "./self-service-messages.ts";
export {
  CALL_BACK_REQUESTED_ACTION,
  getCallBackOptions,
  NEW_PHONE_CHOICE,
  requestCallBack,
  RequestCallBackInputSchema,
  type CallBackOptions,
  type RequestCallBackInput,
} from "./self-service-callback.ts";
export { selfServiceRefusalOf, type SelfServiceRefusal } from "./self-service-shared.ts";
export { DISPUTE_ACKNOWLEDGMENT_TEMPLATE } from "./self-service-texts.ts";
