/**
 * The case handler's actions on a case, each one transaction with its audit trail.
 *
 * Decisions:
 * - Commission: the schema has no commission column on payments and remittance lines belong to a
 *   statement (the remittance job), so each payment's commission, VAT and net-to-client are stored in
 *   the data of its `payment.recorded` audit event (as the demo seed does); the next payment sums them
 *   for the minimum-fee top-up.
 * - Surplus: money beyond the balance is booked as a negative `adjustment` on principal tied to the
 *   payment, so the ledger still sums to what was received and the case shows a credit to refund.
 */
export { CALL_OUTCOMES, CONVERSATION_OUTCOMES, logInteraction, LogInteractionInputSchema, type LogInteractionInput } from "./log-interaction.ts";
export { addNote, AddNoteInputSchema, type AddNoteInput } from "./add-note.ts";
export { recordPromise, RecordPromiseInputSchema, type RecordPromiseInput } from "./record-promise.ts";
export { PlanTermsInputSchema, previewPlan, proposePlan, type PlanPreview, type ProposePlanInput } from "./propose-plan.ts";
export {
  MANUAL_PAYMENT_PROVIDERS,
  previewPaymentAllocation,
  recordPayment,
  RecordPaymentInputSchema,
  type ManualPaymentProvider,
  type RecordedPayment,
  type RecordPaymentInput,
} from "./record-payment.ts";
export { DISPUTE_RESOLUTIONS, openDispute, OpenDisputeInputSchema, resolveDispute, ResolveDisputeInputSchema, type OpenDisputeInput, type ResolveDisputeInput } from "./disputes.ts";
export { HoldInputSchema, MANUAL_HOLDS, releaseHold, setHold, type HoldInput, type ManualHold } from "./holds.ts";
export { listAssignees, reassignCase, ReassignCaseInputSchema, type ReassignCaseInput } from "./reassign-case.ts";
export { closeCase, CloseCaseInputSchema, withdrawCase, WithdrawCaseInputSchema, type CloseCaseInput, type WithdrawCaseInput } from "./close-case.ts";
export { holdSentence } from "./shared.ts";
