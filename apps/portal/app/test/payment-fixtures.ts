/**
 * What the payment route tests share: a seeded database, open cases with an email on file, requests
 * carrying a real `recouvra_portal` session cookie (the session row written as the access contract
 * describes), and loaders/actions settled into status, body and headers.
 */
import { generateSessionToken, sessionIdFromToken, systemClock, today } from "@recouvra/core";
import { addDays } from "@recouvra/domain";
import { portalSessions } from "@recouvra/db";
import { seedDemo } from "@recouvra/db/seed";
import { useTestDb } from "@recouvra/db/testing";
import { beforeAll } from "vitest";

export const ORIGIN = "http://portal.test";

export interface OpenCase {
  id: string;
  clientId: string;
  reference: string;
  balanceCents: number;
}

/** A seeded database for this file, and `count` open cases (balance over 200.00, no hold, an email on file). */
export function useSeededPortal(count: number) {
  const t = useTestDb();
  const picked: OpenCase[] = [];
  beforeAll(async () => {
    // The portal opens its pool on first use: point it at this file's database first.
    process.env.DATABASE_URL = t.url;
    delete (globalThis as { __recouvraPortalDb?: unknown }).__recouvraPortalDb;
    delete (globalThis as { __recouvraPaymentProvider?: unknown }).__recouvraPaymentProvider;
    await seedDemo(t.db, { today: new Date().toISOString().slice(0, 10) });
    const rows = await t.sql<{ id: string; client_id: string; reference: string; balance_cents: string }[]>`
      select c.id, c.client_id, c.reference, c.balance_cents from cases c
      where c.stage in ('notified', 'in_contact', 'negotiating') and c.balance_cents > 20000 and cardinality(c.holds) = 0
        and exists (select 1 from contact_points cp where cp.debtor_id = c.debtor_id and cp.kind = 'email' and not cp.is_invalid and cp.opted_out_at is null)
      order by c.reference limit ${count}`;
    picked.push(...[...rows].map((r) => ({ id: r.id, clientId: r.client_id, reference: r.reference, balanceCents: Number(r.balance_cents) })));
    if (picked.length < count) throw new Error("the seed has too few open cases for this file");
  }, 120_000);
  return { t, cases: picked };
}

/** A request from the browser of the debtor of `c`, holding a fresh portal session. */
export async function requestAs(t: ReturnType<typeof useTestDb>, c: OpenCase, path: string, init: RequestInit = {}): Promise<Request> {
  const token = generateSessionToken();
  await t.db.insert(portalSessions).values({ id: sessionIdFromToken(token), caseId: c.id, clientId: c.clientId, expiresAt: new Date(Date.now() + 3_600_000) });
  const headers = new Headers(init.headers);
  headers.set("Cookie", `recouvra_portal=${token}`);
  if (init.method && init.method !== "GET") headers.set("Origin", ORIGIN);
  return new Request(`${ORIGIN}${path}`, { ...init, headers });
}

/** A form POST from the debtor of `c`. */
export function postAs(t: ReturnType<typeof useTestDb>, c: OpenCase, path: string, fields: Record<string, string>): Promise<Request> {
  return requestAs(t, c, path, { method: "POST", body: new URLSearchParams(fields) });
}

/** Runs a loader or action and returns what it threw or returned. */
export async function settle(run: () => Promise<unknown>): Promise<{ status: number; body: unknown; headers: Headers | null }> {
  try {
    const value = await run();
    if (value instanceof Response) return { status: value.status, body: value.headers.get("Content-Type")?.includes("json") ? await value.json() : null, headers: value.headers };
    const maybe = value as { type?: string; data?: unknown; init?: { status?: number; headers?: HeadersInit } };
    if (maybe?.type === "DataWithResponseInit") return { status: maybe.init?.status ?? 200, body: maybe.data, headers: new Headers(maybe.init?.headers) };
    return { status: 200, body: value, headers: null };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: null, headers: thrown.headers };
    throw thrown;
  }
}

export const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

/** One instalment of a plan put on a case: due `days` after today (negative = overdue). */
export interface PlanLine {
  days: number;
  amountCents: number;
  paidCents?: number;
  status?: string;
}

/**
 * Puts a running (active) plan on `c`, as accepting one does: the instalments, and the case in the
 * arrangement stage. Returns the plan's id and its instalments' ids in order.
 */
export async function putPlan(t: ReturnType<typeof useTestDb>, c: OpenCase, lines: PlanLine[]): Promise<{ arrangementId: string; instalmentIds: string[] }> {
  const total = lines.reduce((s, l) => s + l.amountCents, 0);
  const [plan] = await t.sql<{ id: string }[]>`
    insert into arrangements (case_id, client_id, kind, status, proposed_by, terms, total_cents, currency, accepted_at)
    values (${c.id}, ${c.clientId}, 'plan', 'active', 'debtor', ${JSON.stringify({ frequency: "monthly", instalments: lines.length })}::jsonb, ${total}, 'EUR', now())
    returning id`;
  const ids: string[] = [];
  for (const [i, l] of lines.entries()) {
    const [row] = await t.sql<{ id: string }[]>`
      insert into instalments (arrangement_id, seq, due_on, amount_cents, paid_cents, status)
      values (${plan!.id}, ${i + 1}, ${dayFromToday(l.days)}, ${l.amountCents}, ${l.paidCents ?? 0}, ${l.status ?? "scheduled"})
      returning id`;
    ids.push(row!.id);
  }
  await t.sql`update cases set stage = 'arrangement' where id = ${c.id}`;
  return { arrangementId: plan!.id, instalmentIds: ids };
}

/** The calendar day `days` from the one the portal's use-cases stand on (the agency's today). */
export function dayFromToday(days: number): string {
  return addDays(today(systemClock), days);
}
