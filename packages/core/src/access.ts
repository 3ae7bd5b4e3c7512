import { DomainError } from "@recouvra/domain";
import { isStaff, type Actor } from "./context.ts";

/**
 * Guards for use-cases that concern the whole agency. Refusals use FORBIDDEN with neutral wording;
 * tenant-scoped reads (a client's or a debtor's own rows) answer NOT_FOUND instead, so they never
 * confirm that someone else's data exists.
 */
export function assertStaffOrSystem(actor: Actor, what: string): void {
  if (actor.kind === "system" || isStaff(actor)) return;
  throw new DomainError("FORBIDDEN", `You are not allowed to see ${what}.`);
}

/** Only the platform itself (the worker, schedulers) may do this. */
export function assertSystem(actor: Actor, what: string): void {
  if (actor.kind === "system") return;
  throw new DomainError("FORBIDDEN", `Only the platform may ${what}.`);
}
