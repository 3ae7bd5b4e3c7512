/**
 * A small agency for the case-action tests: one FR client with a fee agreement and a negotiation
 * policy, two teams, their agents, a supervisor and a client user; `openCase` places a case whose
 * ledger (interest, costs, principal) and `balanceCents` agree.
 */
import { cases, claims, clients, debtors, feeAgreements, ledgerEntries, negotiationPolicies, teams, users, type Case, type Db } from "@recouvra/db";
import { rfReference, type CaseHold, type CaseStage } from "@recouvra/domain";
import { randomUUID } from "node:crypto";
import { fixedClock, type Actor, type Ctx } from "../../context.ts";

export const NOW = "2027-03-15T09:00:00Z";
export const TODAY = "2027-03-15";

export interface Agency {
  clientId: string;
  otherClientId: string;
  teamA: string;
  teamB: string;
  agentA: Actor;
  agentA2: Actor;
  agentB: Actor;
  supervisor: Actor;
  clientUser: Actor;
}

let n = 0;

export async function buildAgency(db: Db): Promise<Agency> {
  const [client, other] = await db
    .insert(clients)
    .values([
      { name: "Fournil", legalName: "Fournil SAS", jurisdiction: "FR", countryCode: "FR" },
      { name: "Autre", legalName: "Autre SAS", jurisdiction: "FR", countryCode: "FR" },
    ])
    .returning();
  await db.insert(feeAgreements).values({
    clientId: client!.id,
    validFrom: "2026-01-01",
    rules: { ageTiers: [{ fromDays: 0, ratePct: 15 }], legalHandoverRatePct: 20, interestAndCosts: "kept_by_agency", vatRatePct: 20 },
  });
  await db.insert(negotiationPolicies).values({
    clientId: client!.id,
    policy: { maxInstalments: 6, maxDurationMonths: 6, minInstalmentCents: 2500, maxFirstPaymentDelayDays: 30, maxSettlementDiscountPct: 20, autoAcceptSettlement: false, approver: "supervisor" },
  });
  const [a, b] = await db.insert(teams).values([{ name: "Team FR" }, { name: "Team NL" }]).returning();
  const [ua, ua2, ub, sup, cu] = await db
    .insert(users)
    .values([
      { email: `agent-a-${randomUUID()}@x.test`, displayName: "Agent A", role: "agent", teamId: a!.id },
      { email: `agent-a2-${randomUUID()}@x.test`, displayName: "Agent A2", role: "agent", teamId: a!.id },
      { email: `agent-b-${randomUUID()}@x.test`, displayName: "Agent B", role: "agent", teamId: b!.id },
      { email: `sup-${randomUUID()}@x.test`, displayName: "Supervisor", role: "supervisor", teamId: a!.id },
      { email: `client-${randomUUID()}@x.test`, displayName: "Client", role: "client", clientId: client!.id },
    ])
    .returning();
  const user = (u: typeof ua, role: "agent" | "supervisor" | "client"): Actor => ({
    kind: "user",
    userId: u!.id,
    role,
    ...(u!.teamId ? { teamId: u!.teamId } : {}),
    ...(u!.clientId ? { clientId: u!.clientId } : {}),
  });
  return {
    clientId: client!.id,
    otherClientId: other!.id,
    teamA: a!.id,
    teamB: b!.id,
    agentA: user(ua, "agent"),
    agentA2: user(ua2, "agent"),
    agentB: user(ub, "agent"),
    supervisor: user(sup, "supervisor"),
    clientUser: user(cu, "client"),
  };
}

/** A FR case of team A: principal 1,000.00, interest 20.00, costs 40.00 (balance 1,060.00). */
export async function openCase(
  db: Db,
  agency: Agency,
  options: { stage?: CaseStage; holds?: CaseHold[]; principalCents?: number; interestCents?: number; costsCents?: number } = {},
): Promise<Case> {
  const i = ++n;
  const principal = options.principalCents ?? 100_000;
  const interest = options.interestCents ?? 2_000;
  const costs = options.costsCents ?? 4_000;
  const [debtor] = await db
    .insert(debtors)
    .values({ clientId: agency.clientId, kind: "person", type: "consumer", lastName: `Debtor ${i}`, locale: "fr", jurisdiction: "FR" })
    .returning();
  const [kase] = await db
    .insert(cases)
    .values({
      clientId: agency.clientId,
      debtorId: debtor!.id,
      reference: `RC-T-${i}-${randomUUID().slice(0, 6)}`,
      paymentReference: rfReference(`T${i}${randomUUID().replaceAll("-", "").slice(0, 10).toUpperCase()}`),
      stage: options.stage ?? "notified",
      holds: options.holds ?? [],
      jurisdiction: "FR",
      currency: "EUR",
      placedOn: "2027-01-04",
      noticeSentOn: "2027-01-05",
      teamId: agency.teamA,
      balanceCents: principal + interest + costs,
    })
    .returning();
  const [claim] = await db
    .insert(claims)
    .values({ caseId: kase!.id, clientId: agency.clientId, invoiceNumber: `INV-${i}-${randomUUID().slice(0, 6)}`, issuedOn: "2026-11-01", dueOn: "2026-12-01", principalCents: principal, currency: "EUR" })
    .returning();
  const entry = (component: "principal" | "interest" | "costs", kind: "placed" | "accrued" | "charged", amountCents: number) => ({
    caseId: kase!.id,
    clientId: agency.clientId,
    component,
    kind,
    amountCents,
    currency: "EUR",
    effectiveOn: "2027-01-04",
    claimId: claim!.id,
  });
  const rows = [entry("principal", "placed", principal)];
  if (interest) rows.push(entry("interest", "accrued", interest));
  if (costs) rows.push(entry("costs", "charged", costs));
  await db.insert(ledgerEntries).values(rows);
  return kase!;
}

export function ctxFor(db: Db, actor: Actor): Ctx {
  return { db, clock: fixedClock(NOW), actor };
}
