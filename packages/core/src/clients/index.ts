// Client creditors: their terms with the agency.
export {
  getClientSettings,
  listClientSettings,
  POLICY_APPROVERS,
  updateFeeAgreement,
  UpdateFeeAgreementInputSchema,
  updateNegotiationPolicy,
  UpdateNegotiationPolicyInputSchema,
  type ClientSettings,
  type PolicyApprover,
  type StoredNegotiationPolicy,
  type UpdateFeeAgreementInput,
  type UpdateNegotiationPolicyInput,
} from "./client-settings.ts";
