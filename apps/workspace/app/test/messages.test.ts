/**
 * Route tests of the send form and the outbox: preview in the loader, send in the action (once per
 * form), refusals answered as 400 with the reason, and everything out of scope a 404.
 */
import { messages } from "@recouvra/db";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { postAs, requestAs, settle, useSeededWorkspace } from "./routes.ts";

const t = useSeededWorkspace();
const AGENT = "claire.dubois@recouvra-demo.test";
const OTHER_TEAM_AGENT = "sanne.vermeulen@recouvra-demo.test";
const CLIENT = "finance@delmas-distribution.test";

type Route = { loader: (args: never) => Promise<unknown>; action?: (args: never) => Promise<unknown> };
let form: Route;
let outbox: Route;
let message: Route;
let own: { caseId: string; mobileId: string };
let disputed: { caseId: string; mobileId: string };
let otherTeamCase: string;

/** An open case of the FR agent's team with a usable mobile number, `held` or not by a dispute. */
async function caseOfAgent(held: boolean, except = "00000000-0000-0000-0000-000000000000"): Promise<{ caseId: string; mobileId: string }> {
  const rows = await t.db.execute<{ case_id: string; mobile_id: string }>(sql`
    select c.id as case_id, p.id as mobile_id
      from cases c
      join users u on u.team_id = c.team_id and u.email = ${AGENT}
      join contact_points p on p.debtor_id = c.debtor_id and p.kind = 'phone' and p.value like '+336%'
                           and not p.is_invalid and p.opted_out_at is null
     where c.stage in ('notified', 'in_contact', 'negotiating') and c.id <> ${except}
       and ${held ? sql`'disputed' = any(c.holds)` : sql`c.holds = '{}'`}
     order by c.reference limit 1`);
  if (!rows[0]) throw new Error(`the seed has no ${held ? "disputed" : "workable"} case with a mobile for ${AGENT}`);
  return { caseId: rows[0].case_id, mobileId: rows[0].mobile_id };
}

beforeAll(async () => {
  form = (await import("../routes/_app.cases.$caseId.message.tsx")) as unknown as Route;
  outbox = (await import("../routes/_app.outbox._index.tsx")) as unknown as Route;
  message = (await import("../routes/_app.outbox.$messageId.tsx")) as unknown as Route;
  own = await caseOfAgent(false);
  disputed = await caseOfAgent(true).catch(async () => {
    // Not every seed has a disputed case with a mobile in the team: make one from a workable case.
    const other = await caseOfAgent(false, own.caseId);
    await t.db.execute(sql`update cases set holds = '{disputed}' where id = ${other.caseId}`);
    return other;
  });
  const rows = await t.db.execute<{ id: string }>(sql`
    select c.id from cases c where c.stage <> 'closed'
       and c.team_id <> (select team_id from users where email = ${AGENT}) limit 1`);
  otherTeamCase = rows[0]!.id;
}, 60_000);

const run = (route: Route, kind: "loader" | "action", request: Request, params: Record<string, string>) =>
  settle(() => route[kind]!({ request, params, context: {} } as never));

const smsFields = (mobileId: string, key: string) => ({ channel: "sms", locale: "fr", templateKey: "reminder_sms", contactPointId: mobileId, deadline: "", idempotencyKey: key });
const messagesOf = async (caseId: string) => t.db.select().from(messages).where(eq(messages.caseId, caseId));

describe("the send form", () => {
  it("offers the case's channels and previews an SMS exactly as it would go", async () => {
    const path = `/cases/${own.caseId}/message?channel=sms&templateKey=reminder_sms&contactPointId=${own.mobileId}&preview=1`;
    const answer = await run(form, "loader", await requestAs(t, AGENT, path), { caseId: own.caseId });
    expect(answer.status).toBe(200);
    const body = answer.body as { selection: { channel: string; contactPointId: string }; preview: { ok: boolean; preview: { body: string; sms: { segments: number } } }; idempotencyKey: string };
    expect(body.selection).toMatchObject({ channel: "sms", contactPointId: own.mobileId });
    expect(body.preview.ok).toBe(true);
    expect(body.preview.preview.body).toMatch(/Recouvra Demo : dossier RC-/);
    expect(body.preview.preview.sms.segments).toBeGreaterThanOrEqual(1);
    expect(body.idempotencyKey).toMatch(/^[0-9a-f]{32}$/);
  });

  it("sends once, however often the same form is posted, and comes back to the case with a toast", async () => {
    const key = "a".repeat(8) + Date.now().toString(16).padStart(24, "0");
    const before = (await messagesOf(own.caseId)).length;
    for (let i = 0; i < 2; i++) {
      const answer = await run(form, "action", await postAs(t, AGENT, `/cases/${own.caseId}/message`, smsFields(own.mobileId, key)), { caseId: own.caseId });
      expect(answer).toMatchObject({ status: 302, location: `/cases/${own.caseId}` });
    }
    const after = await messagesOf(own.caseId);
    expect(after.length).toBe(before + 1);
    expect(after.find((m) => m.idempotencyKey === `send:${key}`)).toMatchObject({ channel: "sms", status: "queued", recipient: expect.stringMatching(/^\+336/) });
  });

  it("answers a refusal plainly: on a disputed case contact is stopped, and nothing is written", async () => {
    const before = (await messagesOf(disputed.caseId)).length;
    const answer = await run(form, "action", await postAs(t, AGENT, `/cases/${disputed.caseId}/message`, smsFields(disputed.mobileId, "b".repeat(32))), { caseId: disputed.caseId });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ formError: expect.stringMatching(/Contact is stopped .* disputed — resolve the dispute first/) });
    expect((await messagesOf(disputed.caseId)).length).toBe(before);
    const loaded = await run(form, "loader", await requestAs(t, AGENT, `/cases/${disputed.caseId}/message`), { caseId: disputed.caseId });
    expect(loaded.body).toMatchObject({ options: { caseRefusal: { reason: "on_hold" } } });
  });

  it("names the field of a bad deadline", async () => {
    const answer = await run(
      form,
      "action",
      await postAs(t, AGENT, `/cases/${own.caseId}/message`, { ...smsFields(own.mobileId, "c".repeat(32)), templateKey: "promise_confirmation", deadline: "2001-01-01" }),
      { caseId: own.caseId },
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ fieldErrors: { deadline: expect.stringMatching(/after today/) } });
  });

  it("is a 404 for another team's case and for a client user", async () => {
    expect((await run(form, "loader", await requestAs(t, AGENT, `/cases/${otherTeamCase}/message`), { caseId: otherTeamCase })).status).toBe(404);
    expect((await run(form, "action", await postAs(t, AGENT, `/cases/${otherTeamCase}/message`, smsFields(own.mobileId, "d".repeat(32))), { caseId: otherTeamCase })).status).toBe(404);
    expect((await run(form, "loader", await requestAs(t, CLIENT, `/cases/${own.caseId}/message`), { caseId: own.caseId })).status).toBe(404);
    expect((await run(form, "action", await postAs(t, CLIENT, `/cases/${own.caseId}/message`, smsFields(own.mobileId, "e".repeat(32))), { caseId: own.caseId })).status).toBe(404);
  });
});

describe("the outbox", () => {
  it("lists the agent's messages newest first, filters them, and opens one in full", async () => {
    const answer = await run(outbox, "loader", await requestAs(t, AGENT, "/outbox?channel=sms"), {});
    expect(answer.status).toBe(200);
    const list = (answer.body as { list: { items: { id: string; channel: string; createdAt: string; case: { id: string } | null }[]; total: number } }).list;
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((i) => i.channel === "sms")).toBe(true);
    expect([...list.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map((i) => i.id)).toEqual(list.items.map((i) => i.id));
    const sent = list.items.find((i) => i.case?.id === own.caseId)!;
    expect(sent).toBeDefined();
    const detail = await run(message, "loader", await requestAs(t, AGENT, `/outbox/${sent.id}`), { messageId: sent.id });
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ message: { id: sent.id, channel: "sms", case: { id: own.caseId }, events: [expect.objectContaining({ action: "message.queued" })] } });
  });

  it("is a 404 for a client user, and a message of another team is a 404", async () => {
    expect((await run(outbox, "loader", await requestAs(t, CLIENT, "/outbox"), {})).status).toBe(404);
    const [mine] = await messagesOf(own.caseId);
    expect((await run(message, "loader", await requestAs(t, OTHER_TEAM_AGENT, `/outbox/${mine!.id}`), { messageId: mine!.id })).status).toBe(404);
    expect((await run(message, "loader", await requestAs(t, AGENT, "/outbox/not-an-id"), { messageId: "not-an-id" })).status).toBe(404);
  });

  it("is in the staff's navigation, not the client's", async () => {
    const app = (await import("../routes/_app.tsx")) as unknown as Route;
    const agentNav = ((await run(app, "loader", await requestAs(t, AGENT, "/"), {})).body as { nav: { to: string }[] }).nav;
    expect(agentNav.map((n) => n.to)).toContain("/outbox");
    const clientNav = ((await run(app, "loader", await requestAs(t, CLIENT, "/"), {})).body as { nav: { to: string }[] }).nav;
    expect(clientNav.map((n) => n.to)).not.toContain("/outbox");
  });
});
