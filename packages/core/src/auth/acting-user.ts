import { users, type DbOrTx, type User } from "@recouvra/db";
import { DomainError } from "@recouvra/domain";
import { eq } from "drizzle-orm";
import type { Actor } from "../context.ts";

/** The database and clock: what the steps before a session exists (sign-in, second factor) receive. */
export interface AuthCtx {
  db: DbOrTx;
  clock: { now(): Date };
}

/**
 * The signed-in user behind `actor`, read afresh (inside the caller's transaction when given one).
 * Account settings are personal: the platform, a debtor or an API client cannot change them.
 */
export async function requireActingUser(db: DbOrTx, actor: Actor, what: string, options: { forUpdate?: boolean } = {}): Promise<User> {
  if (actor.kind !== "user") throw new DomainError("FORBIDDEN", `Only a signed-in person can ${what}.`);
  const query = db.select().from(users).where(eq(users.id, actor.userId));
  const [user] = options.forUpdate ? await query.for("update") : await query;
  if (!user || user.isDisabled) throw new DomainError("FORBIDDEN", `Only a signed-in person can ${what}.`);
  return user;
}

/** Staff may protect their account with a second factor (issue 3); client users sign in with a password. */
export function assertMayUseTwoFactor(user: User): void {
  if (user.role === "client") throw new DomainError("FORBIDDEN", "Two-step verification is available to agency staff only.");
}
