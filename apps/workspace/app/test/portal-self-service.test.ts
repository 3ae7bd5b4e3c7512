/**
 * What the debtor's portal self-service puts in the case file, and the agent's answer in the portal:
 * routes called with real sessions of the right and the wrong people, against the seeded demo agency.
 * The debtor's side is played through core's use-cases with a debtor actor, as the portal does.
 */
import { openDebtorDispute, sendDebtorMessage, systemClock, updateDebtorContact, type CaseFile, type Ctx } from "@recouvra/core";
import { cases, clients, interactions, users } from "@recouvra/db";
import { and, eq, ne, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { postAs, requestAs, settle, useSeededWorkspace } from "./routes.ts";

const t = useSeededWorkspace();
const AGENT = "claire.dubois@recouvra-demo.test";
const OTHER_TEAM_AGENT = "sanne.vermeulen@recouvra-demo.test";
const CLIENT = "finance@delmas-distribution.test";

type Route = { loader: (args: never) => Promise<unknown>; action?: (args: never) => Promise<unknown> };
let reply: Route;
let caseFile: Route;
// Two open, unheld cases of the agent's team placed by the client user's client.
let caseId = "";
let disputedCaseId = "";

const debtorCtx = async (id: string): Promise<Ctx> => {
  const [row] = await t.db.select({ debtorId: cases.debtorId }).from(cases).where(eq(cases.id, id));
  return { db: t.db, clock: systemClock, actor: { kind: "debtor", debtorId: row!.debtorId, caseIds: [id] } };
};
const run = (route: Route, kind: "loader" | "action", request: Request, id = caseId) => settle(() => route[kind]!({ request, params: { caseId: id }, context: {} } as never));
const fileOf = async (email: string, id: string) => (await run(caseFile, "loader", await requestAs(t, email, `/cases/${id}`), id)).body as { file: CaseFile };

beforeAll(async () => {
  reply = (await import("../routes/_app.cases.$caseId.portal-reply.tsx")) as unknown as Route;
  caseFile = (await import("../routes/_app.cases.$caseId.tsx")) as unknown as Route;
  const [agent] = await t.db.select().from(users).where(eq(users.email, AGENT));
  const [client] = await t.db.select().from(users).where(eq(users.email, CLIENT));
  const mine = await t.db
    .select({ id: cases.id })
    .from(cases)
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .where(and(eq(cases.teamId, agent!.teamId!), eq(cases.clientId, client!.clientId!), ne(cases.stage, "closed"), sql`cardinality(${cases.holds}) = 0`))
    .orderBy(cases.reference)
    .limit(2);
  [caseId, disputedCaseId] = mine.map((r) => r.id) as [string, string];
}, 60_000);

describe("the portal thread in the case file", () => {
  it("shows the debtor's message, takes the agent's answer, and shows both in order", async () => {
    await sendDebtorMessage({ ctx: await debtorCtx(caseId), input: { caseId, text: "I lost my job, can we talk about a plan?" } });
    const before = await fileOf(AGENT, caseId);
    expect(before.file.portalThread.map((m) => [m.from, m.text])).toEqual([["debtor", "I lost my job, can we talk about a plan?"]]);

    const answered = await run(reply, "action", await postAs(t, AGENT, `/cases/${caseId}/portal-reply`, { text: "Of course. I can offer six monthly instalments." }));
    expect(answered.status).toBe(302);
    expect(answered.location).toBe(`/cases/${caseId}`);
    const [row] = await t.db.select().from(interactions).where(and(eq(interactions.caseId, caseId), eq(interactions.direction, "outbound"), eq(interactions.channel, "portal")));
    expect(row).toMatchObject({ outcome: "replied", note: "Of course. I can offer six monthly instalments." });
    expect(row!.userId).not.toBeNull();

    const after = await fileOf(AGENT, caseId);
    expect(after.file.portalThread.map((m) => [m.from, m.text])).toEqual([
      ["debtor", "I lost my job, can we talk about a plan?"],
      ["agency", "Of course. I can offer six monthly instalments."],
    ]);
    expect(after.file.portalThread[1]!.author).toBe("Claire Dubois");
    expect(after.file.timeline.map((i) => i.title)).toEqual(expect.arrayContaining(["Debtor wrote in the portal", "Answered the debtor in the portal"]));
    // The creditor reads the case, not the debtor's conversation with the agency.
    expect((await fileOf(CLIENT, caseId)).file.portalThread).toEqual([]);
  });

  it("names the empty answer, and is a 404 for the client user and an agent of another team", async () => {
    const empty = await run(reply, "action", await postAs(t, AGENT, `/cases/${caseId}/portal-reply`, { text: "   " }));
    expect(empty).toMatchObject({ status: 400, body: { fieldErrors: { text: expect.any(String) } } });
    const outbound = async () => (await t.db.select().from(interactions).where(and(eq(interactions.caseId, caseId), eq(interactions.direction, "outbound"), eq(interactions.channel, "portal")))).length;
    const count = await outbound();
    for (const email of [CLIENT, OTHER_TEAM_AGENT]) {
      expect((await run(reply, "action", await postAs(t, email, `/cases/${caseId}/portal-reply`, { text: "Hello" }))).status, email).toBe(404);
      expect((await run(reply, "loader", await requestAs(t, email, `/cases/${caseId}/portal-reply`))).status, email).toBe(404);
    }
    expect((await run(reply, "action", await postAs(t, AGENT, "/cases/not-a-case/portal-reply", { text: "Hello" }), "not-a-case")).status).toBe(404);
    expect(await outbound()).toBe(count);
  });
});

describe("a dispute from the portal in the case file", () => {
  it("shows the hold, the evidence among the case's documents and with the dispute on the timeline, and the debtor's preferences", async () => {
    const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n");
    const ctx = await debtorCtx(disputedCaseId);
    const opened = await openDebtorDispute({ ctx, input: { caseId: disputedCaseId, reason: "not_mine", details: "I never lived at this address.", files: [{ name: "lease.pdf", type: "application/pdf", content: pdf }] } });
    await updateDebtorContact({ ctx, input: { intent: "preferences", caseId: disputedCaseId, preferredChannel: "letter", preferredTimes: ["afternoon"] } });

    const { file } = await fileOf(AGENT, disputedCaseId);
    expect(file.header.holds).toContain("disputed");
    expect(file.documents.filter((d) => d.disputeId === opened.disputeId).map((d) => [d.filename, d.kind])).toEqual([["lease.pdf", "dispute_evidence"]]);
    const item = file.timeline.find((i) => i.id === `dispute:${opened.disputeId}`);
    expect(item).toMatchObject({ title: "Dispute opened in the portal: Not mine", detail: "I never lived at this address.", documents: [{ id: opened.documentIds[0], filename: "lease.pdf" }] });
    expect(file.debtorPreferences).toMatchObject({ channel: "letter", times: ["afternoon"] });
    expect(file.header.nextAction).toMatchObject({ kind: expect.any(String) });
    // An agent of another team cannot open it.
    expect((await run(caseFile, "loader", await requestAs(t, OTHER_TEAM_AGENT, `/cases/${disputedCaseId}`), disputedCaseId)).status).toBe(404);
  });
});
