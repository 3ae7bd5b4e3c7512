import { auditEvents, clients, messageTemplates, users } from "@recouvra/db";
import { seedDemo } from "@recouvra/db/seed";
import { useTestDb } from "@recouvra/db/testing";
import { isDomainError, type DomainError } from "@recouvra/domain";
import { and, count, eq, isNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock, type Actor, type Ctx } from "../context.ts";
import { createClientOverride, deleteClientOverride } from "./client-overrides.ts";
import { getMessageTemplate } from "./get-message-template.ts";
import { listMessageTemplates } from "./list-message-templates.ts";
import { saveMessageTemplate } from "./save-message-template.ts";

const t = useTestDb();
const ctx = (actor: Actor, at = "2026-11-22T10:00:00Z"): Ctx => ({ db: t.db, clock: fixedClock(at), actor });
let supervisor: Actor;
let admin: Actor;
let agent: Actor;
let clientUser: Actor;
let supervisorName = "";
const clientIds: Record<string, string> = {};

beforeAll(async () => {
  await seedDemo(t.db, { today: "2026-11-22" });
  const byEmail = async (email: string) => (await t.db.select().from(users).where(eq(users.email, email)))[0]!;
  const s = await byEmail("supervisor@recouvra-demo.test");
  const a = await byEmail("admin@recouvra-demo.test");
  const g = await byEmail("claire.dubois@recouvra-demo.test");
  const c = await byEmail("finance@telenova.test");
  supervisor = { kind: "user", userId: s.id, role: "supervisor" };
  supervisorName = s.displayName;
  admin = { kind: "user", userId: a.id, role: "admin" };
  agent = { kind: "user", userId: g.id, role: "agent", teamId: g.teamId ?? undefined };
  clientUser = { kind: "user", userId: c.id, role: "client", clientId: c.clientId! };
  for (const row of await t.db.select().from(clients)) clientIds[row.name] = row.id;
}, 60_000);

async function agencyDefault(key: string, channel: string, locale: string) {
  const [row] = await t.db
    .select()
    .from(messageTemplates)
    .where(and(isNull(messageTemplates.clientId), eq(messageTemplates.key, key), eq(messageTemplates.channel, channel), eq(messageTemplates.locale, locale)));
  return row!;
}

async function auditCount(action: string) {
  const [row] = await t.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, action));
  return row!.n;
}

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as DomainError);

describe("who may manage templates", () => {
  it("lets supervisors and admins in and refuses case handlers and client users", async () => {
    const sms = await agencyDefault("reminder_sms", "sms", "fr");
    expect((await listMessageTemplates({ ctx: ctx(supervisor) })).groups.length).toBeGreaterThan(0);
    expect((await getMessageTemplate({ ctx: ctx(admin), input: { templateId: sms.id } })).key).toBe("reminder_sms");
    for (const actor of [agent, clientUser, { kind: "debtor", debtorId: "d", caseIds: [] } as Actor]) {
      const attempts = [
        listMessageTemplates({ ctx: ctx(actor) }),
        getMessageTemplate({ ctx: ctx(actor), input: { templateId: sms.id } }),
        saveMessageTemplate({ ctx: ctx(actor), input: { templateId: sms.id, name: "Mine", body: "Hello", isActive: true } }),
        createClientOverride({ ctx: ctx(actor), input: { clientId: clientIds.Telenova!, key: "reminder_sms", channel: "sms", locale: "fr" } }),
        deleteClientOverride({ ctx: ctx(actor), input: { templateId: sms.id } }),
      ];
      for (const attempt of attempts) expect(isDomainError(await refusal(attempt), "FORBIDDEN")).toBe(true);
    }
    expect((await agencyDefault("reminder_sms", "sms", "fr")).name).toBe(sms.name);
  });

  it("answers NOT_FOUND for an unknown or malformed id and an unknown client", async () => {
    for (const templateId of ["00000000-0000-4000-8000-000000000000", "not-an-id"]) {
      expect(isDomainError(await refusal(getMessageTemplate({ ctx: ctx(supervisor), input: { templateId } })), "NOT_FOUND")).toBe(true);
      expect(isDomainError(await refusal(saveMessageTemplate({ ctx: ctx(supervisor), input: { templateId, name: "x", body: "x", isActive: true } })), "NOT_FOUND")).toBe(true);
    }
    expect(isDomainError(await refusal(listMessageTemplates({ ctx: ctx(supervisor), input: { clientId: "00000000-0000-4000-8000-000000000000" } })), "NOT_FOUND")).toBe(true);
  });
});

describe("listMessageTemplates", () => {
  it("groups the agency defaults by key and channel with their languages, filtered by channel", async () => {
    const list = await listMessageTemplates({ ctx: ctx(supervisor) });
    expect(list.client).toBeNull();
    expect(list.clients.map((c) => c.name).sort()).toEqual(["Delmas Distribution", "Kleurrijk Wonen", "Telenova"]);
    const sms = list.groups.find((g) => g.key === "reminder_sms" && g.channel === "sms")!;
    expect(sms.name).toBe("Reminder");
    expect(sms.languages.map((l) => l.locale)).toEqual(["fr", "nl", "en"]);
    expect(sms.languages.every((l) => l.isActive && !l.isClientWording)).toBe(true);
    // The notice exists as a letter and an email: two groups.
    expect(list.groups.filter((g) => g.key === "formal_notice").map((g) => g.channel)).toEqual(["letter", "email"]);
    const onlySms = await listMessageTemplates({ ctx: ctx(supervisor), input: { channel: "sms" } });
    expect(onlySms.groups.length).toBeGreaterThan(0);
    expect(onlySms.groups.every((g) => g.channel === "sms")).toBe(true);
    const bad = await refusal(listMessageTemplates({ ctx: ctx(supervisor), input: { channel: "fax" as "sms" } }));
    expect(isDomainError(bad, "VALIDATION") && bad.field).toBe("channel");
  });
});

describe("saveMessageTemplate", () => {
  it("saves a supervisor's edit and audits each changed field before and after", async () => {
    const before = await agencyDefault("reminder_sms", "sms", "fr");
    const events = await auditCount("message_template.updated");
    const saved = await saveMessageTemplate({
      ctx: ctx(supervisor),
      input: { templateId: before.id, name: before.name, subject: null, body: "Dossier {reference} : solde {amount}.\r\nPayez sur {portal_url}", isActive: true, expectedUpdatedAt: before.updatedAt.toISOString() },
    });
    // The browser's CRLF is stored as LF: a CR would be one more character of the SMS.
    expect(saved.body).toBe("Dossier {reference} : solde {amount}.\nPayez sur {portal_url}");
    expect(saved.updatedBy).toBe(supervisorName);
    const [row] = await t.db.select().from(messageTemplates).where(eq(messageTemplates.id, before.id));
    expect(row!.updatedByUserId).toBe(supervisor.kind === "user" ? supervisor.userId : "");
    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "message_template.updated"), eq(auditEvents.entityId, before.id)));
    expect(event).toMatchObject({ actorId: row!.updatedByUserId, clientId: null, chain: "global" });
    expect(event!.data).toEqual({ key: "reminder_sms", channel: "sms", locale: "fr", changes: { body: { before: before.body, after: saved.body } } });

    // The same content again changes nothing and records nothing.
    await saveMessageTemplate({ ctx: ctx(admin), input: { templateId: before.id, name: before.name, body: saved.body, isActive: true } });
    expect(await auditCount("message_template.updated")).toBe(events + 1);
  });

  it("refuses a bad placeholder, a missing subject or an SMS subject with the field named, writing nothing", async () => {
    const sms = await agencyDefault("reminder_sms", "sms", "nl");
    const letter = await agencyDefault("formal_notice", "letter", "fr");
    const events = await auditCount("message_template.updated");
    const cases: [typeof sms, Record<string, unknown>, string, RegExp][] = [
      [sms, { body: "Saldo {bedrag}" }, "body", /Unknown placeholder \{bedrag\}/],
      [sms, { body: "Saldo {amount" }, "body", /no partner/],
      [sms, { subject: "Herinnering" }, "subject", /no subject/],
      [sms, { body: "{debtor} ".repeat(40) }, "body", /Too long for an SMS/],
      [letter, { subject: "Mise en demeure {dossier}" }, "subject", /Unknown placeholder \{dossier\}/],
      [letter, { subject: "  " }, "subject", /needs a subject/],
      [letter, { name: " " }, "name", /name/],
    ];
    for (const [row, change, field, message] of cases) {
      const error = await refusal(saveMessageTemplate({ ctx: ctx(supervisor), input: { templateId: row.id, name: row.name, subject: row.subject, body: row.body, isActive: true, ...change } }));
      expect(isDomainError(error, "VALIDATION"), `${field}: ${JSON.stringify(change)}`).toBe(true);
      expect(error!.field).toBe(field);
      expect(error!.message).toMatch(message);
    }
    expect(await agencyDefault("reminder_sms", "sms", "nl")).toEqual(sms);
    expect(await agencyDefault("formal_notice", "letter", "fr")).toEqual(letter);
    expect(await auditCount("message_template.updated")).toBe(events);
  });

  it("refuses to overwrite a version saved by someone else after the editor opened it", async () => {
    const row = await agencyDefault("reminder_email", "email", "en");
    const opened = row.updatedAt.toISOString();
    await saveMessageTemplate({ ctx: ctx(admin, "2026-11-22T10:05:00Z"), input: { templateId: row.id, name: row.name, subject: row.subject, body: `${row.body} Thank you.`, isActive: true, expectedUpdatedAt: opened } });
    const late = await refusal(
      saveMessageTemplate({ ctx: ctx(supervisor, "2026-11-22T10:06:00Z"), input: { templateId: row.id, name: "Mine", subject: row.subject, body: row.body, isActive: true, expectedUpdatedAt: opened } }),
    );
    expect(isDomainError(late, "CONFLICT")).toBe(true);
    expect((await agencyDefault("reminder_email", "email", "en")).body).toBe(`${row.body} Thank you.`);
  });

  it("writes the change and its audit event together, or neither", async () => {
    const row = await agencyDefault("payment_receipt", "email", "fr");
    // Make the audit insert fail the way a lost connection or a full disk would, after the update ran.
    await t.db.execute(sql`
      create function refuse_boom() returns trigger language plpgsql as $$
      begin
        if new.data -> 'changes' -> 'name' ->> 'after' = 'Boom' then raise exception 'audit unavailable'; end if;
        return new;
      end $$`);
    await t.db.execute(sql`create trigger refuse_boom before insert on audit_events for each row execute function refuse_boom()`);
    try {
      await expect(saveMessageTemplate({ ctx: ctx(supervisor), input: { templateId: row.id, name: "Boom", subject: row.subject, body: row.body, isActive: true } })).rejects.toThrow();
    } finally {
      await t.db.execute(sql`drop trigger refuse_boom on audit_events`);
      await t.db.execute(sql`drop function refuse_boom()`);
    }
    expect(await agencyDefault("payment_receipt", "email", "fr")).toEqual(row);
  });
});

describe("client overrides", () => {
  it("gives a client its own wording, which only that client gets, and deletes it back to the default", async () => {
    const telenova = clientIds.Telenova!;
    const fallback = await agencyDefault("first_reminder", "letter", "nl");
    const own = await createClientOverride({ ctx: ctx(admin), input: { clientId: telenova, key: "first_reminder", channel: "letter", locale: "nl" } });
    expect(own).toMatchObject({ client: { id: telenova, name: "Telenova" }, subject: fallback.subject, body: fallback.body, isActive: true, agencyDefault: { id: fallback.id } });
    const [created] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "message_template.override_created"), eq(auditEvents.entityId, own.id)));
    expect(created).toMatchObject({ clientId: telenova, chain: `client:${telenova}` });
    expect(created!.data).toMatchObject({ key: "first_reminder", channel: "letter", locale: "nl", copiedFrom: fallback.id });

    const again = await refusal(createClientOverride({ ctx: ctx(supervisor), input: { clientId: telenova, key: "first_reminder", channel: "letter", locale: "nl" } }));
    expect(isDomainError(again, "CONFLICT") && again.field).toBe("clientId");

    await saveMessageTemplate({ ctx: ctx(supervisor), input: { templateId: own.id, name: own.name, subject: own.subject, body: "Telenova: gelieve {amount} te betalen uiterlijk op {deadline}.", isActive: true } });
    expect((await agencyDefault("first_reminder", "letter", "nl")).body).toBe(fallback.body);

    const shown = (list: Awaited<ReturnType<typeof listMessageTemplates>>, locale: string) =>
      list.groups.find((g) => g.key === "first_reminder" && g.channel === "letter")!.languages.find((l) => l.locale === locale)!;
    const forTelenova = await listMessageTemplates({ ctx: ctx(supervisor), input: { clientId: telenova } });
    expect(forTelenova.client?.name).toBe("Telenova");
    expect(shown(forTelenova, "nl")).toMatchObject({ id: own.id, isClientWording: true });
    expect(shown(forTelenova, "fr")).toMatchObject({ id: (await agencyDefault("first_reminder", "letter", "fr")).id, isClientWording: false });
    const forDelmas = await listMessageTemplates({ ctx: ctx(supervisor), input: { clientId: clientIds["Delmas Distribution"]! } });
    expect(shown(forDelmas, "nl")).toMatchObject({ id: fallback.id, isClientWording: false });
    const agency = await listMessageTemplates({ ctx: ctx(supervisor) });
    expect(shown(agency, "nl").id).toBe(fallback.id);
    expect(agency.groups.find((g) => g.key === "first_reminder" && g.channel === "letter")!.overrides).toEqual([{ clientId: telenova, clientName: "Telenova", locales: ["nl"] }]);
    const detail = await getMessageTemplate({ ctx: ctx(supervisor), input: { templateId: fallback.id } });
    expect(detail.clientWordings.map((w) => w.clientName)).toEqual(["Telenova"]);
    expect(detail.clientsWithoutWording.map((c) => c.name)).not.toContain("Telenova");

    const keep = await refusal(deleteClientOverride({ ctx: ctx(supervisor), input: { templateId: fallback.id } }));
    expect(isDomainError(keep, "PRECONDITION_FAILED")).toBe(true);
    expect(await agencyDefault("first_reminder", "letter", "nl")).toEqual(fallback);

    expect(await deleteClientOverride({ ctx: ctx(supervisor), input: { templateId: own.id } })).toEqual({ agencyDefaultId: fallback.id });
    expect(await t.db.select().from(messageTemplates).where(eq(messageTemplates.id, own.id))).toEqual([]);
    const [deleted] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "message_template.override_deleted"), eq(auditEvents.entityId, own.id)));
    expect(deleted!.data).toMatchObject({ deleted: { body: "Telenova: gelieve {amount} te betalen uiterlijk op {deadline}." } });
    expect(shown(await listMessageTemplates({ ctx: ctx(supervisor), input: { clientId: telenova } }), "nl")).toMatchObject({ id: fallback.id, isClientWording: false });
  });

  it("refuses an unknown client or a template with no agency default to copy", async () => {
    const unknownClient = await refusal(createClientOverride({ ctx: ctx(admin), input: { clientId: "00000000-0000-4000-8000-000000000000", key: "reminder_sms", channel: "sms", locale: "fr" } }));
    expect(isDomainError(unknownClient, "NOT_FOUND")).toBe(true);
    const noDefault = await refusal(createClientOverride({ ctx: ctx(admin), input: { clientId: clientIds.Telenova!, key: "reminder_sms", channel: "letter", locale: "fr" } }));
    expect(isDomainError(noDefault, "NOT_FOUND")).toBe(true);
    expect(await t.db.select().from(messageTemplates).where(and(eq(messageTemplates.key, "reminder_sms"), eq(messageTemplates.channel, "letter")))).toEqual([]);
  });
});

describe("switching a wording off", () => {
  const off = (row: { id: string; name: string; subject: string | null; body: string }, actor = supervisor) =>
    saveMessageTemplate({ ctx: ctx(actor), input: { templateId: row.id, name: row.name, subject: row.subject, body: row.body, isActive: false } });

  it("is allowed for a wording no running strategy sends, and audited", async () => {
    const row = await agencyDefault("promise_confirmation", "sms", "en");
    expect((await off(row)).isActive).toBe(false);
    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "message_template.updated"), eq(auditEvents.entityId, row.id)));
    expect(event!.data).toMatchObject({ changes: { isActive: { before: true, after: false } } });
  });

  it("is refused while a strategy still sends it to clients with no other wording in that language", async () => {
    const fr = await agencyDefault("reminder_sms", "sms", "fr");
    const refused = await refusal(off(fr));
    expect(isDomainError(refused, "PRECONDITION_FAILED") && refused.field).toBe("isActive");
    // The Belgian and Dutch strategies send SMS reminders; the French (business) one does not.
    expect(refused!.message).toMatch(/^The strategies “Belgique.*” \(day 6\) and “Nederland.*” \(day 6\) still send this SMS: Kleurrijk Wonen, Telenova would have no French wording left/);
    expect((await agencyDefault("reminder_sms", "sms", "fr")).isActive).toBe(true);

    // Once both clients have their own French wording, the agency default may go.
    const own = [];
    for (const name of ["Telenova", "Kleurrijk Wonen"]) {
      own.push(await createClientOverride({ ctx: ctx(admin), input: { clientId: clientIds[name]!, key: "reminder_sms", channel: "sms", locale: "fr" } }));
    }
    expect((await off(fr)).isActive).toBe(false);
    // ...and then a client's own wording is all it has left: neither switching it off nor deleting it.
    const [telenova] = own;
    expect((await refusal(off(telenova!)))?.message).toMatch(/^The strategy “Belgique.*” \(day 6\) still sends this SMS: Telenova would have no French wording left.*this client its own wording/);
    expect(isDomainError(await refusal(deleteClientOverride({ ctx: ctx(supervisor), input: { templateId: telenova!.id } })), "PRECONDITION_FAILED")).toBe(true);

    // With the default back on, the client may fall back to it.
    await saveMessageTemplate({ ctx: ctx(admin), input: { templateId: fr.id, name: fr.name, subject: null, body: fr.body, isActive: true } });
    expect((await off(telenova!)).isActive).toBe(false);
    expect(await deleteClientOverride({ ctx: ctx(supervisor), input: { templateId: telenova!.id } })).toEqual({ agencyDefaultId: fr.id });
  });
});
