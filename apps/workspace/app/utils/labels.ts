import type { CaseStage, UserRole } from "@recouvra/domain";

/** How each stage is named in the workspace. */
export const STAGE_LABELS: Record<CaseStage, string> = {
  new: "New",
  notified: "Notice sent",
  in_contact: "In contact",
  negotiating: "Negotiating",
  arrangement: "Payment plan",
  promise: "Promise to pay",
  closed: "Closed",
};

/** How each role is named in the workspace. */
export const ROLE_LABELS: Record<UserRole, string> = {
  admin: "Administrator",
  supervisor: "Supervisor",
  agent: "Case handler",
  client: "Client creditor",
};
