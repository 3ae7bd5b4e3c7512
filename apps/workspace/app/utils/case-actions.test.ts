// Route tests of the case action routes: the action calls its use-case, answers 400 with the field's
// error, and hides cases outside the user's scope behind a 404.
import { cases, users } from "@recouvra/db";
import { and, eq, ne } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { postAs, requestAs, settle, useSeededWorkspace } from "../test/routes.ts";

const t = useSeededWorkspace();
type Route = { loader: (args: never) => Promise<unknown>; action: (args: never) => Promise<unknown> };
let logCall: Route;
let payment: Route;
let frCase: string;
let nlCase: string;
const AGENT = "claire.dubois@recouvra-demo.test";
const CLIENT = "finance@delmas-distribution.test";

beforeAll(async () => {
  logCall = (await import("../routes/_app.cases.$caseId.log-call.tsx")) as unknown as Route;
  payment = (await import("../routes/_app.cases.$caseId.payment.tsx")) as unknown as Route;
  const [agent] = await t.db.select().from(users).where(eq(users.email, AGENT));
  const [own] = await t.db.select().from(cases).where(and(eq(cases.teamId, agent!.teamId!), eq(cases.stage, "notified"), eq(cases.holds, [])));
  const [other] = await t.db.select().from(cases).where(and(ne(cases.teamId, agent!.teamId!), ne(cases.stage, "closed")));
  frCase = own!.id;
  nlCase = other!.id;
}, 60_000);

const run = (route: Route, kind: "loader" | "action", request: Request, caseId: string) =>
  settle(() => route[kind]({ request, params: { caseId }, context: {} } as never));

describe("case action routes", () => {
  it("logs a call and redirects to the case with a toast", async () => {
    const request = await postAs(t, AGENT, `/cases/${frCase}/log-call`, { channel: "phone", direction: "outbound", outcome: "right_party_contact", note: "Will pay Friday" });
    const answer = await run(logCall, "action", request, frCase);
    expect(answer).toMatchObject({ status: 302, location: `/cases/${frCase}` });
  });

  it("answers 400 with the field's error and the values sent", async () => {
    const request = await postAs(t, AGENT, `/cases/${frCase}/log-call`, { channel: "phone", direction: "outbound", outcome: "right_party_contact" });
    const answer = await run(logCall, "action", request, frCase);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ fieldErrors: { note: expect.stringMatching(/note is required/) }, values: { outcome: "right_party_contact" } });
  });

  it("previews a payment's allocation in the loader", async () => {
    const answer = await run(payment, "loader", await requestAs(t, AGENT, `/cases/${frCase}/payment?amount=10`), frCase);
    expect(answer.status).toBe(200);
    expect((answer.body as { allocation: { lines: unknown[] } }).allocation.lines.length).toBeGreaterThan(0);
  });

  it("is a 404 for another team's case and for a client user", async () => {
    const other = await run(logCall, "loader", await requestAs(t, AGENT, `/cases/${nlCase}/log-call`), nlCase);
    expect(other.status).toBe(404);
    const client = await run(logCall, "action", await postAs(t, CLIENT, `/cases/${frCase}/log-call`, { outcome: "no_answer" }), frCase);
    expect(client.status).toBe(404);
  });
});
