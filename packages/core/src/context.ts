import type { DbOrTx } from "@recouvra/db";
import { calendarDateIn, type IsoDate, type UserRole } from "@recouvra/domain";

/** The source of "now". Injected so a test can stand on any day (e.g. 120 days after placement). */
export interface Clock {
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at `iso` (an ISO instant such as "2027-03-15T09:00:00Z"). */
export function fixedClock(iso: string): Clock {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new RangeError(`fixedClock needs an ISO instant, got "${iso}"`);
  return { now: () => new Date(at) };
}

/**
 * Today's calendar date where the agency works. Legal deadlines are calendar dates in the agency's
 * zone, not UTC: at 00:30 in Paris it is already tomorrow there.
 */
export function today(clock: Clock, timeZone = "Europe/Paris"): IsoDate {
  return calendarDateIn(clock.now(), timeZone);
}

/** Who is acting: a signed-in user, a debtor in the portal, or the platform itself. */
export type Actor =
  | {
      kind: "user";
      userId: string;
      role: UserRole;
      /** Set for client (creditor) users: the only client whose data they may see. */
      clientId?: string;
      /** Set for agents and supervisors: the team whose cases they work. */
      teamId?: string;
    }
  | { kind: "debtor"; debtorId: string; caseIds: readonly string[] }
  | { kind: "system"; name: string };

/** What every use-case receives besides its input: the database (or a transaction), the clock and the actor. */
export interface Ctx {
  db: DbOrTx;
  clock: Clock;
  actor: Actor;
}

/** A system actor, for the worker, health checks and other unattended callers. */
export function systemActor(name: string): Actor {
  return { kind: "system", name };
}

/** True for agency staff (admin, supervisor, agent), as opposed to client users, debtors and the system. */
export function isStaff(actor: Actor): actor is Extract<Actor, { kind: "user" }> {
  return actor.kind === "user" && actor.role !== "client";
}
