/**
 * The portal's ways in, through the route modules with real requests against a seeded database:
 * personal links, reference + access code (+ one-time code), the lock-out that looks the same for a
 * reference that exists and one that does not, the session contract and signing out.
 */
import { issuePortalLink, systemActor, systemClock } from "@recouvra/core";
import { DEMO_ACCESS_CODE, seedDemo } from "@recouvra/db/seed";
import { useTestDb } from "@recouvra/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import type * as SessionServer from "~/utils/session.server.ts";
import { anonymousRequest, debtorRequest, PORTAL_ORIGIN } from "./session.ts";

type SessionModule = typeof SessionServer;

const t = useTestDb();

interface SeededCase {
  id: string;
  reference: string;
  debtor_id: string;
  locale: string;
}
let withMobile: SeededCase;
let withoutContact: SeededCase;

type RouteModule = { loader?: (args: never) => unknown; action?: (args: never) => unknown };
const routes = {} as Record<"index" | "code" | "link" | "signOut", RouteModule>;
let session: SessionModule;

beforeAll(async () => {
  process.env.DATABASE_URL = t.url;
  // Requests below carry X-Forwarded-For as the trusted proxy in front of the portal would add it.
  process.env.TRUST_PROXY = "1";
  delete (globalThis as { __recouvraPortalDb?: unknown }).__recouvraPortalDb;
  await seedDemo(t.db, { today: new Date().toISOString().slice(0, 10) });
  const pick = (where: string) =>
    t.sql.unsafe<SeededCase[]>(`
      select c.id, c.reference, c.debtor_id, d.locale from cases c join debtors d on d.id = c.debtor_id
      where c.portal_access_code_hash is not null and ${where} order by c.reference limit 1`);
  const usableMobile = `exists (select 1 from contact_points p where p.debtor_id = c.debtor_id and p.kind = 'phone' and p.value ~ '^\\+(324[5-9]|33[67]|316[1-5])' and not p.is_invalid and p.opted_out_at is null)`;
  const [mobileCase] = await pick(usableMobile);
  if (!mobileCase) throw new Error("the seed has no case with a mobile on file");
  withMobile = mobileCase;
  const [otherCase] = await pick(`not ${usableMobile} and c.id <> '${withMobile.id}'`);
  if (!otherCase) throw new Error("the seed has no second case");
  withoutContact = otherCase;
  // No usable mobile nor email: reference + access code alone opens the file.
  await t.sql`update contact_points set is_invalid = true where debtor_id = ${withoutContact.debtor_id} and kind in ('phone', 'email')`;
  routes.index = await import("~/routes/_index.tsx");
  routes.code = await import("~/routes/sign-in.code.tsx");
  routes.link = await import("~/routes/l.$token.tsx");
  routes.signOut = await import("~/routes/sign-out.tsx");
  session = await import("~/utils/session.server.ts");
}, 120_000);

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} }) as never;

/** Runs a loader or action, returning what it threw or returned as status, body and headers. */
async function settle(run: () => unknown): Promise<{ status: number; body: unknown; headers: Headers }> {
  try {
    const value = await run();
    if (value instanceof Response) return { status: value.status, body: null, headers: value.headers };
    const maybe = value as { type?: string; data?: unknown; init?: { status?: number; headers?: HeadersInit } };
    if (maybe?.type === "DataWithResponseInit") return { status: maybe.init?.status ?? 200, body: maybe.data, headers: new Headers(maybe.init?.headers) };
    return { status: 200, body: value, headers: new Headers() };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: null, headers: thrown.headers };
    throw thrown;
  }
}

const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) => anonymousRequest(path, { method: "POST", body: new URLSearchParams(fields), headers });
const cookieValue = (headers: Headers, name: string) => headers.getSetCookie().find((c) => c.startsWith(`${name}=`))?.split(";")[0]?.slice(name.length + 1) ?? null;

describe("personal links", () => {
  it("opens the case from a live link: a session cookie (HttpOnly, SameSite=Lax) and a redirect to /case", async () => {
    const ctx = { db: t.db, clock: systemClock, actor: systemActor("test") };
    const link = await issuePortalLink({ ctx, input: { caseId: withMobile.id } });
    const opened = await settle(() => routes.link.loader!(args(anonymousRequest(link.path), { token: link.token })));
    expect(opened.status).toBe(302);
    expect(opened.headers.get("Location")).toBe("/case");
    expect(opened.headers.get("Referrer-Policy")).toBe("no-referrer");
    const cookie = opened.headers.getSetCookie().find((c) => c.startsWith("recouvra_portal="))!;
    expect(cookie).toMatch(/; Path=\/; HttpOnly; SameSite=Lax/);
    const token = cookieValue(opened.headers, "recouvra_portal")!;
    const signedIn = await session.requireDebtorSession(anonymousRequest("/case", { headers: { Cookie: `recouvra_portal=${token}` } }));
    expect(signedIn.caseId).toBe(withMobile.id);
    expect(signedIn.ctx.actor).toEqual({ kind: "debtor", debtorId: withMobile.debtor_id, caseIds: [withMobile.id] });
    expect(signedIn.locale).toBe(withMobile.locale);
  });

  it("answers every dead link with the same neutral 404: unknown, malformed or revoked", async () => {
    const ctx = { db: t.db, clock: systemClock, actor: systemActor("test") };
    const old = await issuePortalLink({ ctx, input: { caseId: withoutContact.id } });
    await issuePortalLink({ ctx, input: { caseId: withoutContact.id } });
    const answers = await Promise.all(
      [old.token, "a".repeat(32), "../etc"].map((token) => settle(() => routes.link.loader!(args(anonymousRequest(`/l/${token}`), { token })))),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ failure: "invalid" });
      expect(answer.headers.getSetCookie()).toEqual([]);
    }
  });
});

describe("reference + access code", () => {
  it("locks after 10 wrong codes, answering exactly alike for an existing and a non-existing reference", async () => {
    const attempt = (reference: string, i: number) =>
      settle(() => routes.index.action!(args(post("/", { reference, accessCode: `WRONG-${i}` }, { "X-Forwarded-For": `198.51.100.${i % 2 === 0 ? 10 : 11}` }))));
    const existing = [];
    const missing = [];
    for (let i = 0; i < 11; i++) {
      existing.push(await attempt(withoutContact.reference, i));
      missing.push(await attempt("RC-2099-999999", i));
    }
    const shape = (r: { status: number; body: unknown; headers: Headers }) => ({ status: r.status, body: { ...(r.body as object), reference: "·" }, cookies: r.headers.getSetCookie() });
    expect(existing.map(shape)).toEqual(missing.map(shape));
    expect(existing.slice(0, 9).map((r) => [r.status, (r.body as { formError: string }).formError])).toEqual(Array(9).fill([400, "refused"]));
    expect(existing.slice(9).map((r) => [r.status, (r.body as { formError: string }).formError])).toEqual([
      [429, "locked"],
      [429, "locked"],
    ]);
    // Locked: even the right code waits.
    const right = await settle(() => routes.index.action!(args(post("/", { reference: withoutContact.reference, accessCode: DEMO_ACCESS_CODE }))));
    expect(right.status).toBe(429);
    await t.sql`update cases set portal_locked_until = null, portal_failed_attempts = 0 where id = ${withoutContact.id}`;
  });

  it("opens the file at once when no mobile or email is usable", async () => {
    const answer = await settle(() => routes.index.action!(args(post("/", { reference: withoutContact.reference.toLowerCase(), accessCode: DEMO_ACCESS_CODE.toLowerCase() }))));
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe("/case");
    expect(cookieValue(answer.headers, "recouvra_portal")).toMatch(/^[a-z2-7]{32}$/);
  });

  it("sends a one-time code to the mobile, shows where half-hidden, and opens the file with it", async () => {
    const started = await settle(() => routes.index.action!(args(post("/", { reference: withMobile.reference, accessCode: DEMO_ACCESS_CODE }))));
    expect(started.status).toBe(302);
    expect(started.headers.get("Location")).toBe("/sign-in/code");
    const challenge = `recouvra_portal_challenge=${cookieValue(started.headers, "recouvra_portal_challenge")}`;
    const page = await settle(() => routes.code.loader!(args(anonymousRequest("/sign-in/code", { headers: { Cookie: challenge } }))));
    expect(page.body).toEqual({ channel: "sms", masked: expect.stringMatching(/^\+\d{2,3} \d•• •• •• \d{2}$/) });

    const [message] = await t.sql<{ body: string }[]>`select body from messages where case_id = ${withMobile.id} and template = 'portal_one_time_code' order by created_at desc limit 1`;
    const code = /\b(\d{6})\b/.exec(message!.body)![1]!;
    const wrong = await settle(() => routes.code.action!(args(post("/sign-in/code", { code: code === "000000" ? "111111" : "000000" }, { Cookie: challenge }))));
    expect(wrong).toMatchObject({ status: 400, body: { error: "wrong", attemptsLeft: 4 } });
    const right = await settle(() => routes.code.action!(args(post("/sign-in/code", { code }, { Cookie: challenge }))));
    expect(right.status).toBe(302);
    expect(right.headers.get("Location")).toBe("/case");
    expect(cookieValue(right.headers, "recouvra_portal")).toMatch(/^[a-z2-7]{32}$/);
    expect(cookieValue(right.headers, "recouvra_portal_challenge")).toBe("");
    const reused = await settle(() => routes.code.action!(args(post("/sign-in/code", { code }, { Cookie: challenge }))));
    expect(reused).toMatchObject({ status: 400, body: { error: "invalid" } });
  });

  it("sends a visitor without a pending code back to the sign-in form, and refuses forms posted from another site", async () => {
    expect((await settle(() => routes.code.loader!(args(anonymousRequest("/sign-in/code"))))).headers.get("Location")).toBe("/");
    const forged = await settle(() => routes.index.action!(args(post("/", { reference: withoutContact.reference, accessCode: DEMO_ACCESS_CODE }, { Origin: "https://evil.example" }))));
    expect(forged.status).toBe(403);
  });
});

describe("the session contract", () => {
  it("redirects to / without a valid session, follows the debtor's language unless another was chosen, and ends at sign-out", async () => {
    expect((await settle(() => session.requireDebtorSession(anonymousRequest("/case")))).headers.get("Location")).toBe("/");
    expect(await session.getDebtorSession(anonymousRequest("/case", { headers: { Cookie: "recouvra_portal=unknowntoken" } }))).toBeNull();

    const request = await debtorRequest(t, withMobile.id, "/case");
    const cookie = request.headers.get("Cookie")!;
    expect((await session.requireDebtorSession(request)).locale).toBe(withMobile.locale);
    const other = withMobile.locale === "en" ? "nl" : "en";
    expect((await session.requireDebtorSession(anonymousRequest(`/case?lang=${other}`, { headers: { Cookie: cookie } }))).locale).toBe(other);

    const out = await settle(() => routes.signOut.action!(args(post("/sign-out", {}, { Cookie: cookie }))));
    expect(out.status).toBe(302);
    expect(out.headers.get("Location")).toBe("/?signed-out=1");
    expect(out.headers.getSetCookie()[0]).toMatch(/^recouvra_portal=; .*Max-Age=0/);
    expect(await session.getDebtorSession(anonymousRequest("/case", { headers: { Cookie: cookie } }))).toBeNull();
    // A signed-in debtor on the landing page goes straight to the file.
    const again = await debtorRequest(t, withMobile.id, "/");
    const home = await settle(() => routes.index.loader!(args(again)));
    expect(home.headers.get("Location")).toBe("/case");
  });

  it("keeps a debtor to their own case: the actor's scope holds no other", async () => {
    const request = await debtorRequest(t, withMobile.id, "/case", { headers: { Origin: PORTAL_ORIGIN } });
    const signedIn = await session.requireDebtorSession(request);
    expect(signedIn.ctx.actor).toMatchObject({ kind: "debtor", caseIds: [withMobile.id] });
  });
});
