import { CASE_HOLDS, CASE_STAGES, CLOSURE_REASONS, daysBetween, templateProblems } from "@recouvra/domain";
import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "../audit.ts";
import { useTestDb, type TestDb } from "../testing/index.ts";
import { buildDemo, DEMO_CLIENT_NAMES, DEMO_CLIENT_USER_EMAILS, demoLogins, printDemoLogins, seedDemo } from "./index.ts";
import { agencyTemplateRows } from "./texts.ts";

const TODAY = "2026-11-22";
const first = useTestDb();
const second = useTestDb();

const COUNTED_TABLES = ["clients", "users", "cases", "claims", "ledger_entries", "payments", "messages", "audit_events"] as const;

async function rowCounts(t: TestDb): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of COUNTED_TABLES) {
    const [row] = await t.sql.unsafe<{ n: number }[]>(`select count(*)::int as n from ${table}`);
    counts[table] = row!.n;
  }
  return counts;
}

/** Per case: reference, debtor name and balance per component, in reference order. */
async function caseFingerprint(t: TestDb) {
  return t.sql<{ reference: string; debtor: string; principal: number; interest: number; costs: number; fees: number }[]>`
    select c.reference,
           coalesce(d.company_name, d.first_name || ' ' || d.last_name) as debtor,
           coalesce(sum(l.amount_cents) filter (where l.component = 'principal'), 0)::int as principal,
           coalesce(sum(l.amount_cents) filter (where l.component = 'interest'), 0)::int as interest,
           coalesce(sum(l.amount_cents) filter (where l.component = 'costs'), 0)::int as costs,
           coalesce(sum(l.amount_cents) filter (where l.component = 'fees'), 0)::int as fees
      from cases c
      join debtors d on d.id = c.debtor_id
      left join ledger_entries l on l.case_id = c.id
     group by c.reference, d.company_name, d.first_name, d.last_name
     order by c.reference`;
}

describe("seedDemo", () => {
  it("seeds a consistent agency, fast", async () => {
    const started = performance.now();
    const result = await seedDemo(first.db, { today: TODAY });
    const seconds = (performance.now() - started) / 1000;
    console.info(`seedDemo: ${result.cases} cases for ${result.clients} clients in ${seconds.toFixed(1)} s`);
    expect(result).toMatchObject({ skipped: false, clients: 3 });
    expect(result.cases).toBeGreaterThanOrEqual(250);
    expect(result.cases).toBeLessThanOrEqual(350);
    expect(seconds).toBeLessThan(20);

    const clients = await first.sql<{ name: string }[]>`select name from clients order by name`;
    expect(clients.map((c) => c.name)).toEqual([...DEMO_CLIENT_NAMES].sort());
    const clientUsers = await first.sql<{ email: string }[]>`select email from users where role = 'client' order by email`;
    expect(clientUsers.map((u) => u.email)).toEqual([...DEMO_CLIENT_USER_EMAILS].sort());
    const [agency] = await first.sql<{ name: string }[]>`select name from agency_settings`;
    expect(agency?.name).toBe("Recouvra Demo Agency");
  }, 120_000);

  it("covers every stage, closure reason and hold, for every client", async () => {
    const rows = await first.sql<{ client: string; stage: string; closure_reason: string | null; holds: string[] }[]>`
      select cl.name as client, c.stage, c.closure_reason, c.holds from cases c join clients cl on cl.id = c.client_id`;
    for (const client of DEMO_CLIENT_NAMES) {
      const mine = rows.filter((r) => r.client === client);
      expect(new Set(mine.map((r) => r.stage)), client).toEqual(new Set(CASE_STAGES));
      expect(new Set(mine.map((r) => r.closure_reason).filter(Boolean)), client).toEqual(new Set(CLOSURE_REASONS));
      expect(mine.some((r) => r.holds.includes("disputed")), client).toBe(true);
    }
    const holds = new Set(rows.flatMap((r) => r.holds));
    for (const hold of CASE_HOLDS) expect(holds, hold).toContain(hold);
  });

  it("escalates cases past 90 and 120 days", async () => {
    const rows = await first.sql<{ placed_on: string; stage: string; kind: string; status: string; review_due_on: string | null }[]>`
      select c.placed_on::text, c.stage, e.kind, e.status, c.review_due_on::text
        from escalations e join cases c on c.id = e.case_id`;
    const age = (r: { placed_on: string }) => daysBetween(r.placed_on, TODAY);
    expect(rows.some((r) => r.kind === "review" && r.status === "open" && r.stage !== "closed" && age(r) > 90 && r.review_due_on! < TODAY)).toBe(true);
    expect(rows.some((r) => r.kind === "legal_dossier" && r.stage !== "closed" && age(r) > 120)).toBe(true);
    expect(rows.some((r) => r.kind === "legal_dossier" && r.status === "decided")).toBe(true);
  });

  it("keeps every ledger consistent with the payments", async () => {
    const negative = await first.sql`
      select case_id, component, sum(amount_cents) as balance from ledger_entries
       group by case_id, component having sum(amount_cents) < 0`;
    expect(negative).toEqual([]);

    const unpaid = await first.sql`
      select c.reference, sum(l.amount_cents) as balance from cases c join ledger_entries l on l.case_id = c.id
       where c.closure_reason = 'paid' group by c.reference having sum(l.amount_cents) <> 0`;
    expect(unpaid).toEqual([]);

    const drifted = await first.sql`
      select c.reference from cases c
       where c.balance_cents <> (select coalesce(sum(l.amount_cents), 0) from ledger_entries l where l.case_id = c.id)`;
    expect(drifted).toEqual([]);

    const mismatched = await first.sql`
      select p.id, p.amount_cents,
             (select coalesce(sum(a.amount_cents), 0) from payment_allocations a where a.payment_id = p.id) as allocated,
             (select coalesce(-sum(l.amount_cents), 0) from ledger_entries l where l.payment_id = p.id and l.kind = 'payment') as booked
        from payments p`;
    expect(mismatched.length).toBeGreaterThan(50);
    for (const p of mismatched) {
      expect(Number(p.allocated), String(p.id)).toBe(Number(p.amount_cents));
      expect(Number(p.booked), String(p.id)).toBe(Number(p.amount_cents));
    }
    const perComponent = await first.sql`
      select a.payment_id, a.component from payment_allocations a
       where a.amount_cents <> (select -sum(l.amount_cents) from ledger_entries l where l.payment_id = a.payment_id and l.component = a.component)`;
    expect(perComponent).toEqual([]);

    const providers = await first.sql<{ provider: string }[]>`select distinct provider from payments order by provider`;
    expect(providers.map((p) => p.provider)).toEqual(expect.arrayContaining(["bank_transfer", "direct_to_creditor", "stripe", "demo"]));
  });

  it("records a valid audit trail", async () => {
    const verification = await verifyAuditChain(first.db);
    expect(verification.ok).toBe(true);
    const [row] = await first.sql<{ n: number }[]>`select count(*)::int as n from audit_events where action = 'case.stage_changed'`;
    expect(row!.n).toBeGreaterThan(300);
  });

  it("does nothing the second time", async () => {
    const before = await rowCounts(first);
    const result = await seedDemo(first.db, { today: TODAY });
    expect(result).toEqual({ skipped: true, clients: 0, cases: 0 });
    expect(await rowCounts(first)).toEqual(before);
  });

  it("is deterministic", async () => {
    const started = performance.now();
    await seedDemo(second.db, { today: TODAY });
    console.info(`seedDemo (second database): ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const [a, b] = [await caseFingerprint(first), await caseFingerprint(second)];
    expect(a.length).toBeGreaterThan(250);
    expect(b).toEqual(a);
  }, 120_000);
});

describe("buildDemo", () => {
  // Any day of the year must give a consistent story (year boundaries, leap days, rate changes).
  it.each(["2026-01-03", "2027-02-28", "2028-07-01"])("builds without a refused transition on %s", (today) => {
    const plan = buildDemo({ today, seed: 7, passwordHash: "x", accessCodeHash: "y" });
    expect(plan.cases.length).toBeGreaterThanOrEqual(250);
    for (const c of plan.cases) {
      expect(c.row.placedOn <= today).toBe(true);
      for (const value of Object.values(c.balances)) expect(value).toBeGreaterThanOrEqual(0);
    }
  });
});

describe("demo logins", () => {
  it("lists every account once, lower-case, with the one password", () => {
    const logins = demoLogins();
    expect(new Set(logins.map((l) => l.email)).size).toBe(logins.length);
    expect(logins.every((l) => l.email === l.email.toLowerCase() && l.email.endsWith(".test"))).toBe(true);
    expect(new Set(logins.map((l) => l.role))).toEqual(new Set(["admin", "supervisor", "agent", "client"]));
    expect(printDemoLogins()).toContain("finance@telenova.test");
  });
});

describe("agencyTemplateRows", () => {
  it("writes every default template in French, Dutch and English, each one valid for its channel", () => {
    const rows = agencyTemplateRows();
    for (const row of rows) {
      expect(templateProblems({ channel: row.channel as "letter" | "email" | "sms", subject: row.subject ?? null, body: row.body }), `${row.key}/${row.channel}/${row.locale}`).toEqual([]);
    }
    const keys = new Set(rows.map((r) => `${r.key}/${r.channel}`));
    for (const key of keys) expect(rows.filter((r) => `${r.key}/${r.channel}` === key).map((r) => r.locale).sort()).toEqual(["en", "fr", "nl"]);
    expect(keys).toContain("formal_notice/letter");
    expect(keys).toContain("reminder_sms/sms");
  });
});
