/**
 * The demo seed: a believable collection agency with three creditors and ~300 cases in every stage,
 * built deterministically from a seed and `today`, and written in one transaction.
 *
 *   await seedDemo(db, { today: "2026-11-22" })   // → { skipped, clients, cases }
 */
import { hash } from "@node-rs/argon2";
import { assertIsoDate, type IsoDate } from "@recouvra/domain";
import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { clients } from "../schema/index.ts";
import { DEMO_ACCESS_CODE, DEMO_PASSWORD, STAFF } from "./agency.ts";
import { appendAuditEvents } from "../audit.ts";
import { buildDemo } from "./build.ts";
import { CLIENT_PROFILES } from "./clients.ts";
import { writeDemoPlan } from "./writer.ts";

export { ADMIN_EMAIL, AGENT_EMAILS, AGENCY, AGENCY_OPENING_HOURS, DEMO_ACCESS_CODE, DEMO_PASSWORD, STAFF, SUPERVISOR_EMAIL, TEAMS } from "./agency.ts";
export { CLIENT_PROFILES, DEMO_CLIENT_NAMES, DEMO_CLIENT_USER_EMAILS } from "./clients.ts";
export { buildDemo, type DemoPlan } from "./build.ts";
export { SCENARIOS } from "./scenarios.ts";

/** The seed used when none is given: the demo everybody sees. */
export const DEFAULT_DEMO_SEED = 20_260_101;

export interface SeedDemoOptions {
  /** The day the demo is "as of": every date is relative to it. */
  readonly today: IsoDate;
  /** Another seed gives another, equally consistent, agency. */
  readonly seed?: number;
}

export interface SeedDemoResult {
  readonly skipped: boolean;
  readonly clients: number;
  readonly cases: number;
}

/** Seeds the demo agency unless one is there already (any client); all or nothing. */
export async function seedDemo(db: Db, options: SeedDemoOptions): Promise<SeedDemoResult> {
  const today = assertIsoDate(options.today, "today");
  // argon2id is deliberately slow: hash the shared secrets once, not once per user or case.
  const [passwordHash, accessCodeHash] = await Promise.all([hash(DEMO_PASSWORD), hash(DEMO_ACCESS_CODE)]);
  return db.transaction(async (tx) => {
    // Two seeders started together (two dev servers) must not both see an empty database.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('recouvra:seed-demo', 0))`);
    const existing = await tx.select({ id: clients.id }).from(clients).limit(1);
    if (existing.length > 0) return { skipped: true, clients: 0, cases: 0 };
    const plan = buildDemo({ today, seed: options.seed ?? DEFAULT_DEMO_SEED, passwordHash, accessCodeHash });
    await writeDemoPlan(tx, plan);
    await appendAuditEvents(tx, plan.audit);
    return { skipped: false, clients: plan.clients.length, cases: plan.cases.length };
  });
}

/** One demo account. */
export interface DemoLogin {
  readonly role: string;
  readonly email: string;
  readonly password: string;
  readonly note?: string;
}

/** Every demo account, all with the same password. */
export function demoLogins(): DemoLogin[] {
  const staff = STAFF.map((s) => ({
    role: s.role,
    email: s.email,
    password: DEMO_PASSWORD,
    note: s.role === "admin" ? "everything" : s.role === "supervisor" ? "both teams, approvals" : `${s.displayName}, ${s.team === 0 ? "French-speaking" : "Dutch-speaking"} team`,
  }));
  const clientUsers = CLIENT_PROFILES.map((p) => ({ role: "client", email: p.financeUser.email, password: DEMO_PASSWORD, note: `${p.name} (${p.jurisdiction}) only` }));
  return [...staff, ...clientUsers];
}

/** The demo accounts as a plain-text table, for the terminal. */
export function printDemoLogins(): string {
  const rows = demoLogins().map((l) => [l.role, l.email, l.password, l.note ?? ""]);
  const header = ["Role", "Email", "Password", "Sees"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  return [
    "Demo logins (workspace):",
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
    "",
    `Debtor portal: any open case's reference (e.g. from the workspace) with access code ${DEMO_ACCESS_CODE}.`,
  ].join("\n");
}
