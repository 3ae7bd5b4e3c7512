/**
 * The case's portal-access panel through its route module, with real sessions of the right and the
 * wrong people against the seeded demo agency: the status, a link shown once or sent, the access code
 * reset that ends the debtor's sessions, the lock-out cleared; another team's agent and another
 * client's user get the 404, the case's own client user reads but cannot act.
 */
import { generateSessionToken, PORTAL_SESSION_IDLE_MS, sessionIdFromToken } from "@recouvra/core";
import { auditEvents, cases, messages, messageTemplates, portalLinks, portalSessions } from "@recouvra/db";
import { and, eq, isNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { PortalAccessView } from "../utils/portal-access.server.ts";
import { postAs, requestAs, settle, useSeededWorkspace } from "./routes.ts";

const t = useSeededWorkspace();
const AGENT = "claire.dubois@recouvra-demo.test";
const OTHER_TEAM_AGENT = "sanne.vermeulen@recouvra-demo.test";
const CLIENT = "finance@delmas-distribution.test";
const OTHER_CLIENT = "finance@telenova.test";

type Route = { loader: (args: never) => Promise<unknown>; action: (args: never) => Promise<unknown> };
let route: Route;
let own: { caseId: string; clientId: string; mobileId: string; reference: string };
let otherTeamCaseId = "";

beforeAll(async () => {
  route = (await import("../routes/_app.cases.$caseId.portal.tsx")) as unknown as Route;
  // An open case of the agent's team, placed by the client user's client, whose debtor has a mobile.
  const rows = await t.db.execute<{ case_id: string; client_id: string; mobile_id: string; reference: string }>(sql`
    select c.id as case_id, c.client_id, p.id as mobile_id, c.reference
      from cases c
      join users a on a.team_id = c.team_id and a.email = ${AGENT}
      join users cu on cu.client_id = c.client_id and cu.email = ${CLIENT}
      join contact_points p on p.debtor_id = c.debtor_id and p.kind = 'phone' and p.value like '+336%'
                           and not p.is_invalid and p.opted_out_at is null
     where c.stage in ('notified', 'in_contact', 'negotiating') and c.holds = '{}' and c.portal_access_code_hash is not null
     order by c.reference limit 1`);
  if (!rows[0]) throw new Error("the seed has no workable portal case of the agent's team and the client");
  own = { caseId: rows[0].case_id, clientId: rows[0].client_id, mobileId: rows[0].mobile_id, reference: rows[0].reference };
  const other = await t.db.execute<{ id: string }>(sql`
    select c.id from cases c where c.stage <> 'closed' and c.team_id <> (select team_id from users where email = ${AGENT}) limit 1`);
  otherTeamCaseId = other[0]!.id;
}, 60_000);

const path = (query = "", id = own.caseId) => `/cases/${id}/portal${query}`;
const run = (kind: "loader" | "action", request: Request, id = own.caseId) => settle(() => route[kind]({ request, params: { caseId: id }, context: {} } as never));
const caseRow = async () => (await t.db.select().from(cases).where(eq(cases.id, own.caseId)))[0]!;
const liveLinks = async () => t.db.select().from(portalLinks).where(and(eq(portalLinks.caseId, own.caseId), isNull(portalLinks.revokedAt)));

/** Opens a portal session on the case as the debtor's browser would hold one; returns its id. */
async function openDebtorSession(): Promise<string> {
  const id = sessionIdFromToken(generateSessionToken());
  await t.db.insert(portalSessions).values({ id, caseId: own.caseId, clientId: own.clientId, expiresAt: new Date(Date.now() + PORTAL_SESSION_IDLE_MS) });
  return id;
}

describe("the portal-access panel", () => {
  it("shows the status to the agent, with the ways to send a link and why a channel cannot", async () => {
    await openDebtorSession();
    const answer = await run("loader", await requestAs(t, AGENT, path()));
    expect(answer.status).toBe(200);
    const { access, isConfirmingReset } = answer.body as { access: PortalAccessView; isConfirmingReset: boolean };
    expect(access).toMatchObject({ caseId: own.caseId, reference: own.reference, canAct: true, hasAccessCode: true, openSessions: 1 });
    expect(isConfirmingReset).toBe(false);
    // The demo's templates do not print {portal_url}: the panel says so instead of offering a send.
    expect(access.sending!.channels.map((c) => [c.channel, c.refusal])).toEqual([
      ["email", expect.stringMatching(/No email template prints the personal link/)],
      ["sms", expect.stringMatching(/No SMS template prints the personal link/)],
    ]);
    const confirming = await run("loader", await requestAs(t, AGENT, path("?confirm=reset")));
    expect((confirming.body as { isConfirmingReset: boolean }).isConfirmingReset).toBe(true);
  });

  it("shows a new link once, with nothing cacheable, and lists it as shown to staff", async () => {
    const request = await postAs(t, AGENT, path(), { intent: "show_link" });
    const raw = (await route.action({ request, params: { caseId: own.caseId }, context: {} } as never)) as { data: { shown: string; url: string }; init: { headers: Record<string, string> } };
    expect(raw.data).toMatchObject({ shown: "link", url: expect.stringMatching(/^http:\/\/localhost:3001\/l\/[a-z2-7]{32}$/) });
    expect(raw.init.headers["Cache-Control"]).toMatch(/no-store/);
    expect(await liveLinks()).toHaveLength(1);
    const { access } = (await run("loader", await requestAs(t, AGENT, path()))).body as { access: PortalAccessView };
    expect(access.links).toEqual([expect.objectContaining({ message: null, lastUsedAt: null })]);
    expect(JSON.stringify(access)).not.toContain(raw.data.url.split("/l/")[1]);
    const again = await run("action", await postAs(t, AGENT, path(), { intent: "show_link" }));
    expect(again.status).toBe(200);
    expect(await liveLinks()).toHaveLength(1);
  });

  it("sends a new link by SMS with a template that prints it, and refuses one that does not", async () => {
    await t.db.update(messageTemplates).set({ body: sql`${messageTemplates.body} || ' {portal_url}'` }).where(and(eq(messageTemplates.key, "reminder_sms"), isNull(messageTemplates.clientId)));
    try {
      const { access, idempotencyKey } = (await run("loader", await requestAs(t, AGENT, path()))).body as { access: PortalAccessView; idempotencyKey: string };
      const sms = access.sending!.channels.find((c) => c.channel === "sms")!;
      expect(sms.refusal).toBeNull();
      expect(sms.contactPoints.map((p) => p.id)).toContain(own.mobileId);
      const template = `${sms.templates[0]!.key}|${sms.templates[0]!.locale}`;
      const fields = { intent: "send_link", channel: "sms", template, contactPointId: own.mobileId, idempotencyKey, deadline: "" };
      const sent = await run("action", await postAs(t, AGENT, path(), fields));
      expect(sent).toMatchObject({ status: 302, location: path() });
      const [queued] = await t.db.select().from(messages).where(and(eq(messages.caseId, own.caseId), eq(messages.template, "reminder_sms"), eq(messages.status, "queued")));
      expect(queued!.body).toMatch(/\/l\/[a-z2-7]{32}/);
      const links = await liveLinks();
      expect(links).toHaveLength(1);
      expect(links[0]!.messageId).toBe(queued!.id);
      // The same form again queues nothing more.
      expect((await run("action", await postAs(t, AGENT, path(), fields))).status).toBe(302);
      expect(await t.db.select().from(messages).where(and(eq(messages.caseId, own.caseId), eq(messages.template, "reminder_sms")))).toHaveLength(1);

      const wrong = await run("action", await postAs(t, AGENT, path(), { ...fields, channel: "email", template: "reminder_email|fr", idempotencyKey: `${idempotencyKey}x` }));
      expect(wrong).toMatchObject({ status: 400, body: { intent: "send_link", fieldErrors: { template: expect.stringMatching(/does not print the personal link/) } } });
    } finally {
      await t.db.update(messageTemplates).set({ body: sql`replace(${messageTemplates.body}, ' {portal_url}', '')` }).where(and(eq(messageTemplates.key, "reminder_sms"), isNull(messageTemplates.clientId)));
    }
  });

  it("resets the access code: the field is named when missing; done, the code is shown once and the debtor's sessions end", async () => {
    const session = await openDebtorSession();
    const before = (await caseRow()).portalAccessCodeHash;
    const missing = await run("action", await postAs(t, AGENT, path("?confirm=reset"), { intent: "reset_code" }));
    expect(missing).toMatchObject({ status: 400, body: { intent: "reset_code", fieldErrors: { deliveredBy: "Choose how the new code will reach the debtor." } } });
    expect((await caseRow()).portalAccessCodeHash).toBe(before);

    const reset = await run("action", await postAs(t, AGENT, path(), { intent: "reset_code", deliveredBy: "phone_identity_checked" }));
    expect(reset.status).toBe(200);
    const shown = reset.body as { shown: string; accessCode: string; endedSessions: number; revokedLinks: number };
    expect(shown).toMatchObject({ shown: "access_code", accessCode: expect.stringMatching(/^[A-HJ-NP-Z2-9]{4} [A-HJ-NP-Z2-9]{4}$/), revokedLinks: 1 });
    expect(shown.endedSessions).toBeGreaterThanOrEqual(1);
    const after = await caseRow();
    expect(after.portalAccessCodeHash).not.toBe(before);
    expect(after.portalAccessCodeHash).not.toContain(shown.accessCode.replace(" ", ""));
    expect(await t.db.select().from(portalSessions).where(eq(portalSessions.id, session))).toHaveLength(0);
    expect(await liveLinks()).toHaveLength(0);
    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.caseId, own.caseId), eq(auditEvents.action, "portal.access_code_reset")));
    expect(event).toMatchObject({ actorKind: "user", data: { deliveredBy: "phone_identity_checked" } });
  });

  it("clears a lock-out and lands back on the panel with a toast", async () => {
    await t.db.update(cases).set({ portalFailedAttempts: 0, portalLockedUntil: new Date(Date.now() + 20 * 60_000) }).where(eq(cases.id, own.caseId));
    const { access } = (await run("loader", await requestAs(t, AGENT, path()))).body as { access: PortalAccessView };
    expect(access.lockedUntil).not.toBeNull();
    const request = await postAs(t, AGENT, path(), { intent: "clear_lock" });
    const response = (await route.action({ request, params: { caseId: own.caseId }, context: {} } as never)) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(path());
    expect(response.headers.get("Set-Cookie")).toMatch(/recouvra_toast=/);
    expect(await caseRow()).toMatchObject({ portalFailedAttempts: 0, portalLockedUntil: null });
  });

  it("lets the case's client user read the status but not act (403, nothing changed)", async () => {
    const read = await run("loader", await requestAs(t, CLIENT, path()));
    expect(read.status).toBe(200);
    expect((read.body as { access: PortalAccessView }).access).toMatchObject({ caseId: own.caseId, canAct: false, sending: null });
    const before = await caseRow();
    const linksBefore = await liveLinks();
    const attempts: Record<string, string>[] = [{ intent: "show_link" }, { intent: "reset_code", deliveredBy: "letter" }, { intent: "clear_lock" }, { intent: "send_link", channel: "sms", template: "reminder_sms|fr", contactPointId: own.mobileId, idempotencyKey: "client-tries-to-send-1234" }];
    for (const fields of attempts) {
      expect((await run("action", await postAs(t, CLIENT, path(), fields))).status, fields.intent).toBe(403);
    }
    expect((await caseRow()).portalAccessCodeHash).toBe(before.portalAccessCodeHash);
    expect(await liveLinks()).toEqual(linksBefore);
  });

  it("is a 404 for another team's agent, another client's user and an unknown case", async () => {
    const before = await caseRow();
    for (const who of [OTHER_TEAM_AGENT, OTHER_CLIENT]) {
      expect((await run("loader", await requestAs(t, who, path()))).status, who).toBe(404);
      const attempts: Record<string, string>[] = [{ intent: "show_link" }, { intent: "reset_code", deliveredBy: "letter" }, { intent: "clear_lock" }];
      for (const fields of attempts) {
        expect((await run("action", await postAs(t, who, path(), fields))).status, `${who} ${fields.intent}`).toBe(404);
      }
    }
    expect((await run("loader", await requestAs(t, AGENT, path("", otherTeamCaseId)), otherTeamCaseId)).status).toBe(404);
    expect((await run("action", await postAs(t, AGENT, path("", otherTeamCaseId), { intent: "show_link" }), otherTeamCaseId)).status).toBe(404);
    expect((await run("action", await postAs(t, AGENT, path("", "not-a-case"), { intent: "clear_lock" }), "not-a-case")).status).toBe(404);
    expect(await t.db.select().from(portalLinks).where(eq(portalLinks.caseId, otherTeamCaseId))).toHaveLength(0);
    expect((await caseRow()).portalAccessCodeHash).toBe(before.portalAccessCodeHash);
  });

  it("answers an unknown intent with a 400, and sends someone signed out to the sign-in page", async () => {
    expect(await run("action", await postAs(t, AGENT, path(), { intent: "delete_everything" }))).toMatchObject({ status: 400, body: { formError: expect.any(String) } });
    const signedOut = await run("loader", new Request(`http://workspace.test${path()}`));
    expect(signedOut.status).toBe(302);
    expect(signedOut.location).toMatch(/^\/sign-in\?redirectTo=/);
  });
});
