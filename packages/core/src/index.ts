/**
 * @recouvra/core — the use-cases the apps and the worker call: `verbNoun({ ctx, input })`.
 * Apps depend on this package only (never on @recouvra/db directly for data access).
 */
export { fixedClock, isStaff, systemActor, systemClock, today, type Actor, type Clock, type Ctx } from "./context.ts";
export { assertStaffOrSystem, assertSystem } from "./access.ts";
export { databaseProblem, openDatabase, pingDatabase, type DatabaseProblem, type PlatformDatabase } from "./database.ts";
export {
  getPlatformStatus,
  GetPlatformStatusInputSchema,
  OPEN_STAGES,
  type ClientPortfolioLine,
  type GetPlatformStatusInput,
  type OpenStage,
  type PlatformStatus,
  type WorkerStatus,
} from "./status/get-platform-status.ts";
export { findAgencyProfile, getAgencyProfile, type AgencyProfile } from "./agency/get-agency-profile.ts";
export type { OpeningHours, OpeningSlot } from "@recouvra/db";
export { recordHeartbeat, RecordHeartbeatInputSchema, type RecordHeartbeatInput } from "./worker/record-heartbeat.ts";
export { countOpenCases } from "./worker/count-open-cases.ts";
export * from "./auth/index.ts";
export * from "./queue/index.ts";
export * from "./cases/index.ts";
export * from "./imports/index.ts";
export { canWorkCases, caseScope, caseStateOf, isUuid, requireCase, requireWorkableCase } from "./scope.ts";
export type { User } from "@recouvra/db";
export type { UserRole } from "@recouvra/domain";
export * from "./portfolio/index.ts";
export * from "./team/index.ts";
export * from "./clients/index.ts";
export * from "./users/index.ts";
export * from "./approvals/index.ts";
export * from "./recall/index.ts";
export * from "./messages/index.ts";
export * from "./payments/index.ts";
export * from "./contacts/index.ts";
export * from "./documents/index.ts";
export * from "./templates/index.ts";
export * from "./portal/index.ts";
export * from "./statement/index.ts";
