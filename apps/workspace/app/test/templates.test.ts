/**
 * The message-template pages: only supervisors and admins reach them (everyone else gets the 404 page),
 * a save goes through with a toast, and a refused wording comes back as a 400 naming its field.
 */
import { auditEvents, clients, messageTemplates } from "@recouvra/db";
import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { postAs, requestAs, settle, useSeededWorkspace } from "./routes.ts";

const t = useSeededWorkspace();
const AGENT = "claire.dubois@recouvra-demo.test";
const SUPERVISOR = "supervisor@recouvra-demo.test";
const ADMIN = "admin@recouvra-demo.test";
const TELENOVA = "finance@telenova.test";

type Args = { request: Request; params: Record<string, string>; context: object };
type RouteModule = { loader: (args: Args) => Promise<unknown>; action: (args: Args) => Promise<unknown> };
let list: RouteModule;
let edit: RouteModule;
let smsFr = "";
let telenovaId = "";

beforeAll(async () => {
  list = (await import("../routes/_app.admin.templates._index.tsx")) as unknown as RouteModule;
  edit = (await import("../routes/_app.admin.templates.$templateId.tsx")) as unknown as RouteModule;
  const [row] = await t.db
    .select()
    .from(messageTemplates)
    .where(and(isNull(messageTemplates.clientId), eq(messageTemplates.key, "reminder_sms"), eq(messageTemplates.channel, "sms"), eq(messageTemplates.locale, "fr")));
  smsFr = row!.id;
  telenovaId = (await t.db.select().from(clients).where(eq(clients.name, "Telenova")))[0]!.id;
}, 60_000);

const run = (fn: RouteModule["loader"], request: Request, params: Record<string, string> = {}) => settle(() => fn({ request, params, context: {} }));
const storedSms = async () => (await t.db.select().from(messageTemplates).where(eq(messageTemplates.id, smsFr)))[0]!;

describe("who reaches the template pages", () => {
  it.each([AGENT, TELENOVA])("answers 404 to %s, for reading and for writing", async (email) => {
    const before = await storedSms();
    expect((await run(list.loader, await requestAs(t, email, "/admin/templates"))).status).toBe(404);
    expect((await run(edit.loader, await requestAs(t, email, `/admin/templates/${smsFr}`), { templateId: smsFr })).status).toBe(404);
    const post = await postAs(t, email, `/admin/templates/${smsFr}`, { intent: "save", name: "Mine", body: "Hello {debtor}", isActive: "on" });
    expect((await run(edit.action, post, { templateId: smsFr })).status).toBe(404);
    const override = await postAs(t, email, "/admin/templates", { intent: "create-override", clientId: telenovaId, key: "reminder_sms", channel: "sms", locale: "fr" });
    expect((await run(list.action, override)).status).toBe(404);
    expect(await storedSms()).toEqual(before);
  });

  it("answers 404 for a template that does not exist", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    expect((await run(edit.loader, await requestAs(t, SUPERVISOR, `/admin/templates/${missing}`), { templateId: missing })).status).toBe(404);
    expect((await run(edit.loader, await requestAs(t, SUPERVISOR, "/admin/templates/nope"), { templateId: "nope" })).status).toBe(404);
  });

  it("shows supervisors the list, filtered by channel, and the editor with example values in the template's language", async () => {
    const listed = await run(list.loader, await requestAs(t, SUPERVISOR, "/admin/templates?channel=sms"));
    expect(listed.status).toBe(200);
    const groups = (listed.body as { list: { groups: { key: string; channel: string }[] } }).list.groups;
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.every((g) => g.channel === "sms")).toBe(true);
    const opened = await run(edit.loader, await requestAs(t, SUPERVISOR, `/admin/templates/${smsFr}`), { templateId: smsFr });
    expect(opened.status).toBe(200);
    const body = opened.body as { template: { key: string }; examples: Record<string, string> };
    expect(body.template.key).toBe("reminder_sms");
    expect(body.examples.amount).toBe("1 234,56 €");
  });
});

describe("saving a template", () => {
  it("saves a supervisor's wording and comes back to the template with a toast", async () => {
    const before = await storedSms();
    const post = await postAs(t, SUPERVISOR, `/admin/templates/${smsFr}`, {
      intent: "save",
      version: before.updatedAt.toISOString(),
      name: "Reminder",
      body: "Dossier {reference} : il reste {amount} à payer. Réglez sur {portal_url}",
      isActive: "on",
    });
    const result = await run(edit.action, post, { templateId: smsFr });
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/admin/templates/${smsFr}`);
    const after = await storedSms();
    expect(after.body).toBe("Dossier {reference} : il reste {amount} à payer. Réglez sur {portal_url}");
    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "message_template.updated"), eq(auditEvents.entityId, smsFr)));
    expect(event).toBeDefined();
  });

  it("refuses an unknown placeholder with a 400 naming the text field, keeping what was typed", async () => {
    const before = await storedSms();
    const post = await postAs(t, SUPERVISOR, `/admin/templates/${smsFr}`, { intent: "save", name: "Reminder", body: "Il reste {montant} à payer.", isActive: "on" });
    const result = await run(edit.action, post, { templateId: smsFr });
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ form: "save", error: { field: "body", message: expect.stringMatching(/Unknown placeholder \{montant\}/) }, values: { body: "Il reste {montant} à payer." } });
    expect(await storedSms()).toEqual(before);
  });

  it("gives a client its own wording from the list and deletes it from the editor", async () => {
    const created = await run(list.action, await postAs(t, ADMIN, "/admin/templates?client=" + telenovaId, { intent: "create-override", clientId: telenovaId, key: "reminder_sms", channel: "sms", locale: "nl" }));
    expect(created.status).toBe(302);
    const id = created.location!.split("/").at(-1)!;
    const [own] = await t.db.select().from(messageTemplates).where(eq(messageTemplates.id, id));
    expect(own).toMatchObject({ clientId: telenovaId, key: "reminder_sms", locale: "nl" });
    const again = await run(list.action, await postAs(t, ADMIN, "/admin/templates", { intent: "create-override", clientId: telenovaId, key: "reminder_sms", channel: "sms", locale: "nl" }));
    expect(again).toMatchObject({ status: 400, body: { form: "create-override", error: { field: "clientId" } } });

    const deleted = await run(edit.action, await postAs(t, SUPERVISOR, `/admin/templates/${id}`, { intent: "delete-override" }), { templateId: id });
    expect(deleted.status).toBe(302);
    expect(await t.db.select().from(messageTemplates).where(eq(messageTemplates.id, id))).toEqual([]);
    const keepDefault = await run(edit.action, await postAs(t, SUPERVISOR, `/admin/templates/${smsFr}`, { intent: "delete-override" }), { templateId: smsFr });
    expect(keepDefault.status).toBe(400);
  });
});
