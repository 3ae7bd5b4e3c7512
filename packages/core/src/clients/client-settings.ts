/**
 * A client creditor's terms with the agency: the fee agreement (what the agency earns on what it
 * recovers) and the negotiation policy (what a case handler may agree to without asking, and who
 * approves beyond it). Administrators change them; supervisors read them; every change is audited.
 */
import { appendAuditEvent, clients, feeAgreements, negotiationPolicies, type DbOrTx } from "@recouvra/db";
import {
  assertFeeAgreement,
  assertPolicy,
  DomainError,
  isDomainError,
  isIsoDate,
  type FeeAgreement,
  type IsoDate,
  type NegotiationPolicy,
} from "@recouvra/domain";
import { and, asc, desc, eq, gt, isNull, lte, or } from "drizzle-orm";
import { z } from "zod";
import { today, type Ctx } from "../context.ts";
import { isUuid } from "../scope.ts";

/** Who decides on a plan or settlement the policy does not allow. */
export const POLICY_APPROVERS = ["supervisor", "client"] as const;
export type PolicyApprover = (typeof POLICY_APPROVERS)[number];

/** The policy as stored for a client: the domain's rules plus who approves beyond them. */
export type StoredNegotiationPolicy = NegotiationPolicy & { approver?: PolicyApprover };

export interface ClientSettings {
  client: { id: string; name: string; legalName: string; jurisdiction: string };
  /** The agreement in force today, null when none was set. */
  feeAgreement: { rules: FeeAgreement; validFrom: IsoDate; validTo: IsoDate | null } | null;
  /** The client's own policy, or the agency default it falls back to (`isDefault`). */
  policy: NegotiationPolicy | null;
  approver: PolicyApprover;
  isDefaultPolicy: boolean;
}

function requireAdmin(ctx: Ctx): void {
  if (ctx.actor.kind === "user" && ctx.actor.role === "admin") return;
  throw new DomainError("FORBIDDEN", "Only an administrator can change a client's terms.");
}

function requireStaffReader(ctx: Ctx): void {
  if (ctx.actor.kind === "system" || (ctx.actor.kind === "user" && (ctx.actor.role === "admin" || ctx.actor.role === "supervisor"))) return;
  throw new DomainError("FORBIDDEN", "Client terms are for supervisors and administrators.");
}

async function requireClient(db: DbOrTx, clientId: string) {
  if (isUuid(clientId)) {
    const [row] = await db.select().from(clients).where(eq(clients.id, clientId));
    if (row) return row;
  }
  throw new DomainError("NOT_FOUND", "This client does not exist.");
}

/** Every client with the headline of its terms, for the administrators' list. */
export async function listClientSettings({ ctx }: { ctx: Ctx }): Promise<ClientSettings[]> {
  requireStaffReader(ctx);
  const rows = await ctx.db.select({ id: clients.id }).from(clients).orderBy(asc(clients.name));
  return Promise.all(rows.map((r) => getClientSettings({ ctx, input: { clientId: r.id } })));
}

/** A client's fee agreement in force today and its negotiation policy (or the agency default). */
export async function getClientSettings({ ctx, input }: { ctx: Ctx; input: { clientId: string } }): Promise<ClientSettings> {
  requireStaffReader(ctx);
  const client = await requireClient(ctx.db, input.clientId);
  const day = today(ctx.clock);
  const [agreement] = await ctx.db
    .select()
    .from(feeAgreements)
    .where(and(eq(feeAgreements.clientId, client.id), lte(feeAgreements.validFrom, day), or(isNull(feeAgreements.validTo), gt(feeAgreements.validTo, day))))
    .orderBy(desc(feeAgreements.validFrom))
    .limit(1);
  const policies = await ctx.db
    .select()
    .from(negotiationPolicies)
    .where(or(eq(negotiationPolicies.clientId, client.id), isNull(negotiationPolicies.clientId)));
  const own = policies.find((p) => p.clientId === client.id);
  const chosen = own ?? policies.find((p) => p.clientId === null);
  const stored = (chosen?.policy ?? null) as StoredNegotiationPolicy | null;
  const { approver = "supervisor", ...policy } = stored ?? ({} as StoredNegotiationPolicy);
  return {
    client: { id: client.id, name: client.name, legalName: client.legalName, jurisdiction: client.jurisdiction },
    feeAgreement: agreement ? { rules: agreement.rules as FeeAgreement, validFrom: agreement.validFrom, validTo: agreement.validTo } : null,
    policy: stored ? (policy as NegotiationPolicy) : null,
    approver,
    isDefaultPolicy: !own,
  };
}

const cents = (field: string) => z.number({ error: `${field} must be an amount` }).int(`${field} must be whole cents`).nonnegative(`${field} cannot be negative`);
const pct = (field: string) => z.number({ error: `${field} must be a percentage` }).min(0, `${field} cannot be negative`).max(100, `${field} is at most 100`);

export const UpdateNegotiationPolicyInputSchema = z.object({
  clientId: z.string(),
  maxInstalments: z.number().int("maxInstalments must be a whole number").min(1, "maxInstalments must be at least 1").max(120, "maxInstalments is at most 120"),
  maxDurationMonths: z.number().int("maxDurationMonths must be a whole number").min(1, "maxDurationMonths must be at least 1").max(120, "maxDurationMonths is at most 120"),
  minInstalmentCents: cents("minInstalmentCents").min(1, "minInstalmentCents must be more than zero"),
  minDownPaymentPct: pct("minDownPaymentPct").optional(),
  maxFirstPaymentDelayDays: z.number().int().min(0, "maxFirstPaymentDelayDays cannot be negative").max(365, "maxFirstPaymentDelayDays is at most 365"),
  maxSettlementDiscountPct: pct("maxSettlementDiscountPct"),
  maxAutoBalanceCents: cents("maxAutoBalanceCents").optional(),
  approver: z.enum(POLICY_APPROVERS, { error: "approver must be the supervisor or the client" }),
});
export type UpdateNegotiationPolicyInput = z.input<typeof UpdateNegotiationPolicyInputSchema>;

function validation(error: z.ZodError): DomainError {
  const issue = error.issues[0]!;
  return new DomainError("VALIDATION", issue.message, { field: issue.path.map(String).join(".") });
}

/** Domain refusals (RangeError or DomainError) become a VALIDATION error naming the field. */
function checked<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (isDomainError(error)) throw new DomainError("VALIDATION", error.message, { field: error.field, cause: error });
    if (error instanceof RangeError) throw new DomainError("VALIDATION", error.message, { cause: error });
    throw error;
  }
}

/** Sets a client's own negotiation policy (replacing the agency default for it). Administrators only. */
export async function updateNegotiationPolicy({ ctx, input }: { ctx: Ctx; input: UpdateNegotiationPolicyInput }): Promise<ClientSettings> {
  requireAdmin(ctx);
  const parsed = UpdateNegotiationPolicyInputSchema.safeParse(input);
  if (!parsed.success) throw validation(parsed.error);
  const { clientId, approver, ...rules } = parsed.data;
  const policy = checked(() => assertPolicy({ ...rules, autoAcceptSettlement: false }));
  await ctx.db.transaction(async (tx) => {
    const client = await requireClient(tx, clientId);
    const stored: StoredNegotiationPolicy = { ...policy, approver };
    const [before] = await tx.select().from(negotiationPolicies).where(eq(negotiationPolicies.clientId, client.id));
    await tx
      .insert(negotiationPolicies)
      .values({ clientId: client.id, policy: stored })
      .onConflictDoUpdate({ target: negotiationPolicies.clientId, set: { policy: stored, updatedAt: ctx.clock.now() } });
    await appendAuditEvent(tx, {
      occurredAt: ctx.clock.now(),
      actorKind: "user",
      actorId: ctx.actor.kind === "user" ? ctx.actor.userId : null,
      action: "client.policy_updated",
      entityType: "client",
      entityId: client.id,
      clientId: client.id,
      data: { before: before?.policy ?? null, after: stored },
    });
  });
  return getClientSettings({ ctx, input: { clientId } });
}

const tier = z.object({ fromDays: z.number().int().min(0, "fromDays cannot be negative"), ratePct: pct("ratePct") });

export const UpdateFeeAgreementInputSchema = z.object({
  clientId: z.string(),
  validFrom: z.string().refine(isIsoDate, "validFrom must be a date (YYYY-MM-DD)"),
  ageTiers: z.array(tier).min(1, "ageTiers needs at least one rate"),
  legalHandoverRatePct: pct("legalHandoverRatePct"),
  minimumFeeCents: cents("minimumFeeCents").optional(),
  interestAndCosts: z.enum(["kept_by_agency", "passed_through"], { error: "interestAndCosts must be kept_by_agency or passed_through" }),
  vatRatePct: pct("vatRatePct"),
});
export type UpdateFeeAgreementInput = z.input<typeof UpdateFeeAgreementInputSchema>;

/**
 * Puts a new fee agreement in force from `validFrom` (today or later): the one it replaces ends that
 * day, so every payment is commissioned under exactly one agreement. Administrators only.
 */
export async function updateFeeAgreement({ ctx, input }: { ctx: Ctx; input: UpdateFeeAgreementInput }): Promise<ClientSettings> {
  requireAdmin(ctx);
  const parsed = UpdateFeeAgreementInputSchema.safeParse(input);
  if (!parsed.success) throw validation(parsed.error);
  const { clientId, validFrom, ...rest } = parsed.data;
  if (validFrom < today(ctx.clock)) {
    throw new DomainError("VALIDATION", "validFrom cannot be in the past: commission already earned is not recomputed", { field: "validFrom" });
  }
  const rules = checked(() => assertFeeAgreement({ ...rest, ageTiers: [...rest.ageTiers].sort((a, b) => a.fromDays - b.fromDays) }));
  await ctx.db.transaction(async (tx) => {
    const client = await requireClient(tx, clientId);
    // The agreement in force on validFrom (or starting later, which the new one supersedes).
    const current = await tx
      .select()
      .from(feeAgreements)
      .where(and(eq(feeAgreements.clientId, client.id), or(isNull(feeAgreements.validTo), gt(feeAgreements.validTo, validFrom))));
    for (const old of current) {
      if (old.validFrom >= validFrom) {
        throw new DomainError("CONFLICT", `An agreement already starts on ${old.validFrom}; choose a later date`, { field: "validFrom" });
      }
      await tx.update(feeAgreements).set({ validTo: validFrom }).where(eq(feeAgreements.id, old.id));
    }
    await tx.insert(feeAgreements).values({ clientId: client.id, rules, validFrom });
    await appendAuditEvent(tx, {
      occurredAt: ctx.clock.now(),
      actorKind: "user",
      actorId: ctx.actor.kind === "user" ? ctx.actor.userId : null,
      action: "client.fee_agreement_updated",
      entityType: "client",
      entityId: client.id,
      clientId: client.id,
      data: { validFrom, rules, replaced: current.map((c) => c.id) },
    });
  });
  return getClientSettings({ ctx, input: { clientId } });
}
