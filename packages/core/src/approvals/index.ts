// Plans and settlements outside policy, waiting for a decision.
export { decideApproval, DecideApprovalInputSchema, listApprovals, type ApprovalRequest, type DecideApprovalInput } from "./approvals.ts";
