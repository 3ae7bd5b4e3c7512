/**
 * The contact-points route: its loader and action called with real sessions of the right and the wrong
 * people, against the seeded demo agency.
 */
import { auditEvents, cases, contactPoints, users } from "@recouvra/db";
import { and, eq, ne, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { postAs, requestAs, settle, useSeededWorkspace } from "./routes.ts";

const t = useSeededWorkspace();
const AGENT = "claire.dubois@recouvra-demo.test";
const OTHER_TEAM_AGENT = "sanne.vermeulen@recouvra-demo.test";
const CLIENT = "finance@delmas-distribution.test";

type Route = { loader: (args: never) => Promise<unknown>; action: (args: never) => Promise<unknown> };
let route: Route;
let caseId = "";
let clientOfCase = "";
let phoneId = "";
let phoneValue = "";
let otherTenantPointId = "";
let otherTenantPoint: typeof contactPoints.$inferSelect;
let otherTeamCaseId = "";

beforeAll(async () => {
  route = (await import("../routes/_app.cases.$caseId.contacts.tsx")) as unknown as Route;
  const [agent] = await t.db.select().from(users).where(eq(users.email, AGENT));
  // A case of the agent's team whose debtor has a usable phone number.
  const [mine] = await t.db
    .select({ caseId: cases.id, clientId: cases.clientId, pointId: contactPoints.id, value: contactPoints.value })
    .from(cases)
    .innerJoin(contactPoints, eq(contactPoints.debtorId, cases.debtorId))
    .where(and(eq(cases.teamId, agent!.teamId!), ne(cases.stage, "closed"), eq(contactPoints.kind, "phone"), eq(contactPoints.isInvalid, false), sql`${contactPoints.optedOutAt} is null`))
    .limit(1);
  caseId = mine!.caseId;
  clientOfCase = mine!.clientId;
  phoneId = mine!.pointId;
  phoneValue = mine!.value;
  const [theirs] = await t.db.select({ id: contactPoints.id }).from(contactPoints).where(ne(contactPoints.clientId, clientOfCase)).limit(1);
  otherTenantPointId = theirs!.id;
  otherTenantPoint = await pointRow(theirs!.id);
  const [otherTeam] = await t.db.select({ id: cases.id }).from(cases).where(and(ne(cases.teamId, agent!.teamId!), ne(cases.stage, "closed"))).limit(1);
  otherTeamCaseId = otherTeam!.id;
}, 60_000);

const run = (kind: "loader" | "action", request: Request, id = caseId) => settle(() => route[kind]({ request, params: { caseId: id }, context: {} } as never));
const path = (query = "", id = caseId) => `/cases/${id}/contacts${query}`;
const pointRow = async (id: string) => (await t.db.select().from(contactPoints).where(eq(contactPoints.id, id)))[0]!;

describe("the contact-points route", () => {
  it("opens the form of one change of one of the debtor's points", async () => {
    const answer = await run("loader", await requestAs(t, AGENT, path(`?point=${phoneId}&change=invalidate`)));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ point: { id: phoneId, kind: "phone", value: phoneValue }, change: "invalidate", phoneCountry: expect.stringMatching(/^[A-Z]{2}$/) });
    const adding = await run("loader", await requestAs(t, AGENT, path("?add=address")));
    expect(adding.body).toMatchObject({ point: null, add: "address" });
  });

  it("marks the phone invalid with a reason and lands back on the Contacts section with a toast", async () => {
    const request = await postAs(t, AGENT, path(`?point=${phoneId}&change=invalidate`), { intent: "invalidate", contactPointId: phoneId, reason: "wrong_number", note: "Someone else answered" });
    const response = (await route.action({ request, params: { caseId }, context: {} } as never)) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/cases/${caseId}#contacts`);
    expect(response.headers.get("Set-Cookie")).toMatch(/recouvra_toast=/);
    expect(await pointRow(phoneId)).toMatchObject({ isInvalid: true, isPrimary: false });
    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, phoneId), eq(auditEvents.action, "contact_point.invalidated"), eq(auditEvents.caseId, caseId)));
    expect(event?.data).toMatchObject({ reasonCode: "wrong_number", note: "Someone else answered" });
  });

  it("adds a phone number and refuses it twice, naming the field, with a 400 and the values sent", async () => {
    const fields = { intent: "add", kind: "phone", phone: "+33 7 98 76 54 32", label: "new mobile" };
    const added = await run("action", await postAs(t, AGENT, path("?add=phone"), fields));
    expect(added).toMatchObject({ status: 302, location: `/cases/${caseId}#contacts` });
    const again = await run("action", await postAs(t, AGENT, path("?add=phone"), { ...fields, phone: "0798765432" }));
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ fieldErrors: { phone: expect.stringMatching(/already has this phone number \(\+33798765432\)/) }, values: { phone: "0798765432", label: "new mobile" } });
  });

  it("answers 400 with the field's error for bad input", async () => {
    const noReason = await run("action", await postAs(t, AGENT, path(), { intent: "invalidate", contactPointId: phoneId }));
    expect(noReason).toMatchObject({ status: 400, body: { fieldErrors: { reason: expect.any(String) } } });
    const badPhone = await run("action", await postAs(t, AGENT, path(), { intent: "add", kind: "phone", phone: "12" }));
    expect(badPhone).toMatchObject({ status: 400, body: { fieldErrors: { phone: expect.stringMatching(/not a valid number/) } } });
    const badEmail = await run("action", await postAs(t, AGENT, path(), { intent: "add", kind: "email", email: "jean@nowhere" }));
    expect(badEmail).toMatchObject({ status: 400, body: { fieldErrors: { email: expect.any(String) } } });
    const noConsent = await run("action", await postAs(t, AGENT, path(), { intent: "lift_opt_out", contactPointId: phoneId, source: "call" }));
    expect(noConsent).toMatchObject({ status: 400, body: { fieldErrors: { hasConsent: expect.stringMatching(/consent again/) } } });
    // A change the point's state does not allow is a refusal shown above the form.
    const verifyInvalid = await run("action", await postAs(t, AGENT, path(), { intent: "verify", contactPointId: phoneId }));
    expect(verifyInvalid).toMatchObject({ status: 400, body: { formError: expect.stringMatching(/marked invalid/) } });
  });

  it("is a 404 for the client user, an agent of another team and another tenant's point", async () => {
    expect((await run("loader", await requestAs(t, CLIENT, path(`?point=${phoneId}&change=verify`)))).status).toBe(404);
    expect((await run("action", await postAs(t, CLIENT, path(), { intent: "revalidate", contactPointId: phoneId, note: "Client says so" }))).status).toBe(404);
    expect((await run("loader", await requestAs(t, OTHER_TEAM_AGENT, path()))).status).toBe(404);
    expect((await run("action", await postAs(t, OTHER_TEAM_AGENT, path(), { intent: "revalidate", contactPointId: phoneId, note: "Not mine" }))).status).toBe(404);
    expect((await run("loader", await requestAs(t, AGENT, path(`?point=${otherTenantPointId}&change=verify`)))).status).toBe(404);
    expect((await run("action", await postAs(t, AGENT, path(), { intent: "make_primary", contactPointId: otherTenantPointId }))).status).toBe(404);
    expect((await run("loader", await requestAs(t, AGENT, path("", otherTeamCaseId)), otherTeamCaseId)).status).toBe(404);
    expect((await run("action", await postAs(t, AGENT, path("", "not-a-case"), { intent: "add", kind: "phone", phone: "0611111111" }), "not-a-case")).status).toBe(404);
    expect((await pointRow(phoneId)).isInvalid).toBe(true);
    expect(await pointRow(otherTenantPointId)).toEqual(otherTenantPoint);
  });

  it("sends someone signed out to the sign-in page", async () => {
    const answer = await run("loader", new Request(`http://workspace.test${path()}`));
    expect(answer.status).toBe(302);
    expect(answer.location).toMatch(/^\/sign-in\?redirectTo=/);
  });
});
