/**
 * Builds the whole demo agency in memory: setup rows (agency, teams, users, strategies, clients, fee
 * agreements, policies) and every case's story. Pure apart from randomness drawn from the seed, so the
 * same seed and `today` give the same rows; writer.ts stores them.
 */
import {
  addDays,
  isValidIban,
  ogmReference,
  rfReference,
  type IsoDate,
} from "@recouvra/domain";
import type {
  NewAgencySettings,
  NewClaim,
  NewClient,
  NewContactPoint,
  NewDebtor,
  NewDocument,
  NewFeeAgreement,
  NewNegotiationPolicy,
  NewStrategy,
  NewTeam,
  NewUser,
} from "../schema/index.ts";
import { AGENCY, AGENCY_IBAN_BBAN, STAFF, TEAMS } from "./agency.ts";
import { AGENCY_DEFAULT_POLICY, CLIENT_PROFILES, type ClientProfile } from "./clients.ts";
import { makeDebtor } from "./debtors.ts";
import { Rng } from "./random.ts";
import { scenarioPlan, type Scenario } from "./scenarios.ts";
import { CaseStory, type AuditDraft, type SeedCase } from "./story.ts";
import { buildInvoiceDocuments, type NewStoredFile } from "./invoices.ts";

/** Everything the seed writes, in memory. */
export interface DemoPlan {
  readonly agency: NewAgencySettings;
  readonly teams: NewTeam[];
  readonly staff: NewUser[];
  readonly strategies: NewStrategy[];
  readonly clients: NewClient[];
  readonly clientUsers: NewUser[];
  readonly feeAgreements: NewFeeAgreement[];
  readonly policies: NewNegotiationPolicy[];
  readonly debtors: NewDebtor[];
  readonly contactPoints: NewContactPoint[];
  readonly cases: SeedCase[];
  /** Setup events and every case's events, each chain in the order things happened. */
  readonly audit: AuditDraft[];
  /** Which scenario each case (by reference) was built from: for tests and debugging. */
  readonly scenarioOf: ReadonlyMap<string, string>;
  /** The invoice PDF of every claim, as the creditor attached it at placement, and its bytes. */
  readonly documents: NewDocument[];
  readonly storedFiles: NewStoredFile[];
}

export interface BuildOptions {
  readonly today: IsoDate;
  readonly seed: number;
  readonly passwordHash: string;
  readonly accessCodeHash: string;
}

/** The IBAN for a country and domestic account number, its check digits found by the domain's validator. */
export function ibanFor(country: string, bban: string): string {
  for (let check = 2; check <= 98; check += 1) {
    const iban = `${country}${String(check).padStart(2, "0")}${bban}`;
    if (isValidIban(iban)) return iban;
  }
  throw new Error(`no IBAN check digits for ${country} ${bban}`);
}

interface PlannedCase {
  readonly profile: ClientProfile;
  readonly clientIndex: number;
  readonly scenario: Scenario;
  readonly variant: number;
  readonly placedOn: IsoDate;
  readonly rng: Rng;
}

export function buildDemo(options: BuildOptions): DemoPlan {
  const { today } = options;
  const rng = new Rng(options.seed);
  const ids = rng.fork("setup-ids");
  const setupAudit: AuditDraft[] = [];
  const year = Number(today.slice(0, 4));
  // Clients signed up well before their oldest placement.
  const onboardedOn = `${year - 1}-01-02`;
  const onboardedAt = new Date(`${onboardedOn}T09:00:00Z`);

  const teams: NewTeam[] = TEAMS.map((t) => ({ id: ids.uuid(), name: t.name, createdAt: onboardedAt }));
  const staff: NewUser[] = STAFF.map((s) => ({
    id: ids.uuid(),
    email: s.email,
    displayName: s.displayName,
    passwordHash: options.passwordHash,
    role: s.role,
    teamId: s.team === undefined ? null : teams[s.team]!.id,
    locale: s.locale,
    createdAt: onboardedAt,
  }));
  const staffId = (key: string) => staff[STAFF.findIndex((s) => s.key === key)]!.id!;
  for (const user of staff) {
    setupAudit.push(draft(onboardedAt, null, "user.created", "user", user.id!, null, { email: user.email, role: user.role }));
  }

  // The agency's default strategy per jurisdiction: every client starts on it.
  const strategies: NewStrategy[] = CLIENT_PROFILES.map((p) => ({
    id: ids.uuid(),
    clientId: null,
    name: p.strategyName,
    jurisdiction: p.jurisdiction,
    debtorType: p.debtors.type,
    steps: p.strategySteps,
    createdAt: onboardedAt,
  }));

  const clients: NewClient[] = CLIENT_PROFILES.map((p, i) => ({
    id: ids.uuid(),
    name: p.name,
    legalName: p.legalName,
    jurisdiction: p.jurisdiction,
    countryCode: p.countryCode,
    vatNumber: p.vatNumber,
    registrationNumber: p.registrationNumber,
    iban: ibanFor(p.countryCode, p.ibanBban),
    address: p.address,
    contactEmail: p.financeUser.email,
    defaultLocale: p.defaultLocale,
    defaultCurrency: "EUR",
    strategyId: strategies[i]!.id!,
    createdAt: onboardedAt,
  }));
  const clientUsers: NewUser[] = CLIENT_PROFILES.map((p, i) => ({
    id: ids.uuid(),
    email: p.financeUser.email,
    displayName: p.financeUser.displayName,
    passwordHash: options.passwordHash,
    role: "client",
    clientId: clients[i]!.id!,
    locale: p.financeUser.locale,
    createdAt: onboardedAt,
  }));
  const feeAgreements: NewFeeAgreement[] = CLIENT_PROFILES.map((p, i) => ({
    id: ids.uuid(),
    clientId: clients[i]!.id!,
    rules: p.feeAgreement,
    validFrom: onboardedOn,
    createdAt: onboardedAt,
  }));
  const policies: NewNegotiationPolicy[] = [
    { id: ids.uuid(), clientId: null, policy: AGENCY_DEFAULT_POLICY, createdAt: onboardedAt },
    ...CLIENT_PROFILES.map((p, i) => ({ id: ids.uuid(), clientId: clients[i]!.id!, policy: p.policy, createdAt: onboardedAt })),
  ];
  const admin = staffId("admin");
  clients.forEach((client, i) => {
    const at = new Date(onboardedAt.getTime() + (i + 1) * 60_000);
    const clientId = client.id!;
    setupAudit.push(
      draft(at, admin, "client.created", "client", clientId, clientId, { name: client.name, jurisdiction: client.jurisdiction }),
      draft(at, admin, "fee_agreement.created", "fee_agreement", feeAgreements[i]!.id!, clientId, { validFrom: onboardedOn }),
      draft(at, admin, "negotiation_policy.set", "negotiation_policy", policies[i + 1]!.id!, clientId, {}),
      draft(at, admin, "user.created", "user", clientUsers[i]!.id!, clientId, { email: clientUsers[i]!.email, role: "client" }),
    );
  });

  // Decide every case's scenario and placement date first, so references can follow placement order.
  const planned: PlannedCase[] = [];
  CLIENT_PROFILES.forEach((profile, clientIndex) => {
    const clientRng = rng.fork(`client:${profile.key}`);
    for (const { scenario, variant } of scenarioPlan(clientRng, profile.key, profile.caseCount)) {
      const age = clientRng.int(scenario.age[0], scenario.age[1]);
      planned.push({ profile, clientIndex, scenario, variant, placedOn: addDays(today, -age), rng: clientRng.fork(`case:${planned.length}`) });
    }
  });
  const order = planned.map((p, i) => ({ p, i })).sort((a, b) => (a.p.placedOn < b.p.placedOn ? -1 : a.p.placedOn > b.p.placedOn ? 1 : a.i - b.i));

  const debtors: NewDebtor[] = [];
  const contactPoints: NewContactPoint[] = [];
  const cases: SeedCase[] = [];
  const scenarioOf = new Map<string, string>();
  const invoiceCounters = CLIENT_PROFILES.map(() => 10_000);
  const teamAgents = TEAMS.map((_, t) => STAFF.map((s, i) => ({ s, i })).filter(({ s }) => s.role === "agent" && s.team === t).map(({ i }) => staff[i]!.id!));

  order.forEach(({ p }, n) => {
    const { profile, clientIndex, rng: caseRng } = p;
    const seq = n + 1;
    const clientId = clients[clientIndex]!.id!;
    const placedYear = p.placedOn.slice(0, 4);
    const reference = `RC-${placedYear}-${String(seq).padStart(6, "0")}`;
    const paymentReference =
      profile.paymentReference === "ogm"
        ? ogmReference(`${placedYear.slice(2)}${profile.ogmClientCode}${String(seq).padStart(6, "0")}`)
        : rfReference(`RC${placedYear}${String(seq).padStart(6, "0")}`);
    const debtor = makeDebtor(caseRng, profile, clientId, seq);
    debtors.push(debtor.row);
    contactPoints.push(...debtor.contacts.map((c) => c.row));

    const claimCount = caseRng.weighted([[1, 60], [2, 30], [3, 10]] as const);
    const firstDue = addDays(p.placedOn, -caseRng.int(profile.claims.placedAfterDueDays[0], profile.claims.placedAfterDueDays[1]));
    const claims: NewClaim[] = Array.from({ length: claimCount }, (_, k) => {
      invoiceCounters[clientIndex]! += caseRng.int(1, 40);
      // Older invoices of the same customer fell due a month apart (monthly bills, monthly deliveries).
      const dueOn = addDays(firstDue, -30 * k);
      return {
        id: caseRng.uuid(),
        caseId: "",
        clientId,
        invoiceNumber: `${profile.claims.invoicePrefix}-${placedYear}-${String(invoiceCounters[clientIndex]).padStart(6, "0")}`,
        issuedOn: addDays(dueOn, -profile.claims.paymentTermDays),
        dueOn,
        principalCents: caseRng.cents(profile.claims.minCents, profile.claims.maxCents, profile.claims.stepCents),
        currency: "EUR",
        description: caseRng.pick(profile.claims.descriptions),
        createdAt: new Date(`${p.placedOn}T06:00:00Z`),
      };
    });
    const caseId = caseRng.uuid();
    for (const claim of claims) claim.caseId = caseId;

    // French-speaking debtors go to the French-speaking team, everyone else to the Dutch-speaking one.
    const team = debtor.locale === "fr" ? 0 : 1;
    const story = new CaseStory({
      rng: caseRng,
      today,
      profile,
      clientId,
      caseId,
      reference,
      paymentReference,
      clientReference: `${profile.claims.invoicePrefix}C-${String(40_000 + seq * 3)}`,
      placedOn: p.placedOn,
      strategyId: strategies[clientIndex]!.id!,
      debtor,
      claims,
      actors: {
        agentId: caseRng.pick(teamAgents[team]!),
        teamId: teams[team]!.id!,
        supervisorId: staffId("supervisor"),
        clientUserId: clientUsers[clientIndex]!.id!,
      },
    });
    p.scenario.run(story, { rng: caseRng, variant: p.variant, profile });
    const built = story.finish();
    // Every notified, open case can be opened on the portal with its reference and the demo code.
    if (built.row.stage !== "closed" && built.row.noticeSentOn) built.row.portalAccessCodeHash = options.accessCodeHash;
    cases.push(built);
    scenarioOf.set(reference, p.scenario.name);
  });

  // Each chain in the order things happened; ties keep the order they were recorded in.
  const invoices = buildInvoiceDocuments({ clients, debtors, contactPoints, cases });
  const audit = [...setupAudit, ...cases.flatMap((c) => c.audit), ...invoices.audit].map((event, i) => ({ event, i }));
  audit.sort((a, b) => a.event.occurredAt.getTime() - b.event.occurredAt.getTime() || a.i - b.i);

  return {
    agency: { id: 1, ...AGENCY, iban: ibanFor("BE", AGENCY_IBAN_BBAN) },
    teams,
    staff,
    strategies,
    clients,
    clientUsers,
    feeAgreements,
    policies,
    debtors,
    contactPoints,
    cases,
    audit: audit.map(({ event }) => event),
    scenarioOf,
    documents: invoices.documents,
    storedFiles: invoices.files,
  };
}

function draft(
  occurredAt: Date,
  actorId: string | null,
  action: string,
  entityType: string,
  entityId: string,
  clientId: string | null,
  data: Record<string, unknown>,
): AuditDraft {
  return { occurredAt, actorKind: actorId ? "user" : "system", actorId, action, entityType, entityId, caseId: null, clientId, data };
}
