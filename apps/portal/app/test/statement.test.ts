/**
 * Route tests of the statement page and its downloads: the loaders run with real requests against a
 * database seeded with the demo agency; a signed-in request carries a real `recouvra_portal` cookie
 * whose session row is written as the access contract describes.
 */
import { generateSessionToken, sessionIdFromToken, type DebtorStatement } from "@recouvra/core";
import { documents, portalSessions } from "@recouvra/db";
import { seedDemo } from "@recouvra/db/seed";
import { useTestDb } from "@recouvra/db/testing";
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";

const ORIGIN = "http://portal.test";
const t = useTestDb();

interface Picked {
  id: string;
  clientId: string;
  reference: string;
}
let kase: Picked;
let other: Picked;
let invoiceId: string;
let foreignInvoiceId: string;
let internalId: string;

beforeAll(async () => {
  // The portal opens its pool on first use: point it at this file's database first.
  process.env.DATABASE_URL = t.url;
  delete (globalThis as { __recouvraPortalDb?: unknown }).__recouvraPortalDb;
  await seedDemo(t.db, { today: new Date().toISOString().slice(0, 10) });
  const rows = await t.sql<{ id: string; client_id: string; reference: string }[]>`
    select c.id, c.client_id, c.reference from cases c
    where c.stage <> 'closed'
      and exists (select 1 from ledger_entries l where l.case_id = c.id and l.kind = 'charged')
      and exists (select 1 from documents d where d.case_id = c.id and d.kind = 'invoice')
    order by c.reference limit 2`;
  const [a, b] = rows.map((r) => ({ id: r.id, clientId: r.client_id, reference: r.reference }));
  kase = a!;
  other = b!;
  const invoiceOf = async (caseId: string) => (await t.sql<{ id: string }[]>`select id from documents where case_id = ${caseId} and kind = 'invoice' limit 1`)[0];
  const [invoice, foreign] = [await invoiceOf(kase.id), await invoiceOf(other.id)];
  invoiceId = invoice!.id;
  foreignInvoiceId = foreign!.id;
  // An internal file on the debtor's own case: listed nowhere in the portal, never downloadable.
  const bytes = Buffer.from("%PDF-1.4 internal");
  const [internal] = await t.db
    .insert(documents)
    .values({
      clientId: kase.clientId,
      caseId: kase.id,
      kind: "legal_dossier",
      filename: "dossier.pdf",
      mimeType: "application/pdf",
      sizeBytes: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      storageKey: `test/internal/${kase.id}`,
    })
    .returning();
  internalId = internal!.id;
}, 120_000);

/** A request from the browser of the debtor of `c`, holding a fresh portal session. */
async function requestAs(c: Picked, path: string): Promise<Request> {
  const token = generateSessionToken();
  await t.db.insert(portalSessions).values({ id: sessionIdFromToken(token), caseId: c.id, clientId: c.clientId, expiresAt: new Date(Date.now() + 3_600_000) });
  return new Request(`${ORIGIN}${path}`, { headers: { Cookie: `recouvra_portal=${token}` } });
}

/** Runs a loader and returns what it threw or returned, as a Response when it is one. */
async function settle(run: () => Promise<unknown>): Promise<{ status: number; body: unknown; headers: Headers | null }> {
  try {
    const value = await run();
    if (value instanceof Response) return { status: value.status, body: null, headers: value.headers };
    const maybe = value as { type?: string; data?: unknown; init?: { status?: number; headers?: HeadersInit } };
    if (maybe?.type === "DataWithResponseInit") return { status: maybe.init?.status ?? 200, body: maybe.data, headers: new Headers(maybe.init?.headers) };
    return { status: 200, body: value, headers: null };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: null, headers: thrown.headers };
    throw thrown;
  }
}

const page = () => import("~/routes/case._index.tsx");
const download = () => import("~/routes/case.documents.$documentId.ts");
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

describe("/case", () => {
  it("sends a visitor without a session to the sign-in page", async () => {
    const { loader } = await page();
    const r = await settle(() => loader(args(new Request(`${ORIGIN}/case`))));
    expect(r.status).toBe(302);
    expect(r.headers?.get("Location")).toBe("/");
  });

  it("shows the debtor their own case, explained in the chosen language, never cached", async () => {
    const { loader } = await page();
    const r = await settle(async () => loader(args(await requestAs(kase, "/case?lang=en"))));
    expect(r.status).toBe(200);
    expect(r.headers?.get("Cache-Control")).toBe("private, no-store");
    const { statement } = r.body as { statement: DebtorStatement };
    expect(statement.case).toMatchObject({ id: kase.id, reference: kase.reference });
    expect(statement.language).toBe("en");
    expect(statement.costs.length).toBeGreaterThan(0);
    for (const line of statement.costs) expect(line.basis).toBeTruthy();
    expect(statement.documents.map((d) => d.id)).toContain(invoiceId);
    expect(statement.documents.map((d) => d.id)).not.toContain(internalId);

    const nl = await settle(async () => loader(args(await requestAs(kase, "/case?lang=nl"))));
    expect((nl.body as { statement: DebtorStatement }).statement.language).toBe("nl");
  });

  it("shows another debtor only their own case", async () => {
    const { loader } = await page();
    const r = await settle(async () => loader(args(await requestAs(other, "/case"))));
    expect((r.body as { statement: DebtorStatement }).statement.case.id).toBe(other.id);
  });
});

describe("/case/documents/$documentId", () => {
  it("downloads the debtor's invoice with safe headers", async () => {
    const { loader } = await download();
    const r = await settle(async () => loader(args(await requestAs(kase, `/case/documents/${invoiceId}`), { documentId: invoiceId })));
    expect(r.status).toBe(200);
    expect(r.headers?.get("X-Content-Type-Options")).toBe("nosniff");
    expect(r.headers?.get("Cache-Control")).toBe("private, no-store");
    expect(r.headers?.get("Content-Disposition")).toMatch(/filename/);
  });

  it("is the same 404 for another case's file, an internal file and an id that names nothing", async () => {
    const { loader } = await download();
    for (const id of [foreignInvoiceId, internalId, "00000000-0000-4000-8000-000000000000", "not-an-id"]) {
      const r = await settle(async () => loader(args(await requestAs(kase, `/case/documents/${id}`), { documentId: id })));
      expect(r.status, id).toBe(404);
    }
  });

  it("sends a visitor without a session to the sign-in page", async () => {
    const { loader } = await download();
    const r = await settle(() => loader(args(new Request(`${ORIGIN}/case/documents/${invoiceId}`), { documentId: invoiceId })));
    expect(r.status).toBe(302);
  });
});
