/**
 * Who may ask what: every route here is requested by the wrong person and with another tenant's ids.
 * A page someone may not use answers 404 (it does not exist for them), never a hint that it does.
 */
import { arrangements, cases, clients } from "@recouvra/db";
import { and, eq, ne } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { postAs, requestAs, settle, useSeededWorkspace } from "./routes.ts";

const t = useSeededWorkspace();
const AGENT = "claire.dubois@recouvra-demo.test";
const SUPERVISOR = "supervisor@recouvra-demo.test";
const ADMIN = "admin@recouvra-demo.test";
const TELENOVA = "finance@telenova.test";
const DELMAS = "finance@delmas-distribution.test";

type RouteModule = { loader?: (args: never) => Promise<unknown>; action?: (args: never) => Promise<unknown> };
const routes: Record<string, RouteModule> = {};
let telenovaId = "";
let delmasId = "";

beforeAll(async () => {
  Object.assign(routes, {
    app: await import("../routes/_app.tsx"),
    portfolio: await import("../routes/_app.portfolio.tsx"),
    team: await import("../routes/_app.team.tsx"),
    clients: await import("../routes/_app.admin.clients._index.tsx"),
    client: await import("../routes/_app.admin.clients.$clientId.tsx"),
    users: await import("../routes/_app.admin.users._index.tsx"),
    approvals: await import("../routes/_app.approvals.tsx"),
    status: await import("../routes/_app.status.tsx"),
  });
  for (const c of await t.db.select().from(clients)) {
    if (c.name === "Telenova") telenovaId = c.id;
    if (c.name === "Delmas Distribution") delmasId = c.id;
  }
}, 60_000);

const load = (name: string, request: Request, params: Record<string, string> = {}) =>
  settle(() => (routes[name]!.loader as (a: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>)({ request, params, context: {} }));
const act = (name: string, request: Request, params: Record<string, string> = {}) =>
  settle(() => (routes[name]!.action as (a: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>)({ request, params, context: {} }));

describe("signed-out requests", () => {
  it("are sent to the sign-in page, coming back where they were going", async () => {
    const result = await load("portfolio", new Request("http://workspace.test/portfolio"));
    expect(result.status).toBe(302);
    expect(result.location).toBe("/sign-in?redirectTo=%2Fportfolio");
  });

  it("with a forged cookie are treated as signed out", async () => {
    const result = await load("team", new Request("http://workspace.test/team", { headers: { Cookie: "recouvra_session=forged" } }));
    expect(result.location).toMatch(/^\/sign-in/);
  });
});

describe("role-restricted pages answer 404 to other roles", () => {
  it.each([
    ["team", AGENT],
    ["team", TELENOVA],
    ["clients", AGENT],
    ["clients", TELENOVA],
    ["users", SUPERVISOR],
    ["users", TELENOVA],
    ["status", AGENT],
    ["approvals", AGENT],
  ])("%s for %s", async (route, email) => {
    const result = await load(route, await requestAs(t, email, `/${route}`));
    expect(result.status).toBe(404);
  });

  it("lets the right roles in", async () => {
    expect((await load("team", await requestAs(t, SUPERVISOR, "/team"))).status).toBe(200);
    expect((await load("users", await requestAs(t, ADMIN, "/admin/users"))).status).toBe(200);
    expect((await load("approvals", await requestAs(t, TELENOVA, "/approvals"))).status).toBe(200);
  });
});

describe("tenant isolation", () => {
  it("shows a client user its own portfolio even when the URL names another client", async () => {
    const result = await load("portfolio", await requestAs(t, TELENOVA, `/portfolio?client=${delmasId}`));
    const body = result.body as { overview: { clientId: string; clients: { name: string }[] } };
    expect(body.overview.clientId).toBe(telenovaId);
    expect(body.overview.clients.map((c) => c.name)).toEqual(["Telenova"]);
  });

  it("answers 404 to an administrator asking for an unknown client", async () => {
    expect((await load("client", await requestAs(t, ADMIN, "/admin/clients/x"), { clientId: "00000000-0000-4000-8000-000000000000" })).status).toBe(404);
    expect((await load("portfolio", await requestAs(t, ADMIN, "/portfolio?client=not-an-id"))).status).toBe(404);
  });

  it("refuses to let one client decide another client's approval", async () => {
    const [proposal] = await t.db
      .select({ id: arrangements.id })
      .from(arrangements)
      .innerJoin(cases, eq(cases.id, arrangements.caseId))
      .where(and(eq(arrangements.status, "proposed"), ne(cases.clientId, telenovaId)));
    const result = await act("approvals", await postAs(t, TELENOVA, "/approvals", { arrangementId: proposal!.id, decision: "approve" }));
    expect(result.status).toBe(404);
    const [after] = await t.db.select().from(arrangements).where(eq(arrangements.id, proposal!.id));
    expect(after!.status).toBe("proposed");
  });

  it("refuses a cross-site form post", async () => {
    const request = await postAs(t, ADMIN, "/admin/clients/x", { intent: "policy" });
    const forged = new Request(request, { headers: new Headers({ Cookie: request.headers.get("Cookie")!, Origin: "https://evil.test" }) });
    expect((await act("client", forged, { clientId: delmasId })).status).toBe(403);
  });
});

describe("the signed-in layout", () => {
  it("gives each role its own navigation", async () => {
    const client = (await load("app", await requestAs(t, DELMAS, "/"))).body as { nav: { to: string }[] };
    expect(client.nav.map((n) => n.to)).toEqual(["/portfolio", "/cases", "/approvals", "/imports"]);
    const agent = (await load("app", await requestAs(t, AGENT, "/"))).body as { nav: { to: string }[] };
    expect(agent.nav.map((n) => n.to)).not.toContain("/admin/users");
  });
});
