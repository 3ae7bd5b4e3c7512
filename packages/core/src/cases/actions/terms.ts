/** The client's terms a case action needs: its negotiation policy and its fee agreement in force. */
import { feeAgreements, negotiationPolicies, type DbOrTx } from "@recouvra/db";
import { assertFeeAgreement, assertPolicy, isDomainError, type FeeAgreement, type IsoDate, type NegotiationPolicy } from "@recouvra/domain";
import { and, desc, eq, gt, isNull, lte, or } from "drizzle-orm";

/** The client's own policy, else the agency default; null when neither exists or it is unusable. */
export async function findPolicy(db: DbOrTx, clientId: string): Promise<{ policy: NegotiationPolicy; approver: "supervisor" | "client" } | null> {
  const rows = await db
    .select()
    .from(negotiationPolicies)
    .where(or(eq(negotiationPolicies.clientId, clientId), isNull(negotiationPolicies.clientId)));
  const chosen = rows.find((r) => r.clientId === clientId) ?? rows.find((r) => r.clientId === null);
  if (!chosen) return null;
  const stored = chosen.policy as NegotiationPolicy & { approver?: string };
  try {
    assertPolicy(stored);
  } catch (e) {
    // A broken stored policy must not let plans through unchecked: treat it as "no policy", so they are referred.
    if (isDomainError(e)) return null;
    throw e;
  }
  return { policy: stored, approver: stored.approver === "client" ? "client" : "supervisor" };
}

/** The fee agreement in force on `day`, with its id; null when the client has none. */
export async function findFeeAgreement(db: DbOrTx, clientId: string, day: IsoDate): Promise<{ id: string; rules: FeeAgreement } | null> {
  const [row] = await db
    .select()
    .from(feeAgreements)
    .where(and(eq(feeAgreements.clientId, clientId), lte(feeAgreements.validFrom, day), or(isNull(feeAgreements.validTo), gt(feeAgreements.validTo, day))))
    .orderBy(desc(feeAgreements.validFrom))
    .limit(1);
  if (!row) return null;
  return { id: row.id, rules: assertFeeAgreement(row.rules as FeeAgreement) };
}
