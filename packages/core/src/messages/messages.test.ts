import { agencySettings, auditEvents, cases, interactions, messages, messageTemplates, portalLinks } from "@recouvra/db";
import { useTestDb } from "@recouvra/db/testing";
import { isDomainError } from "@recouvra/domain";
import { and, eq, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getCaseFile } from "../cases/get-case-file.ts";
import { buildAgency, ctxFor, openCase, TODAY, type Agency } from "../cases/actions/test-fixtures.ts";
import { systemActor, type Actor } from "../context.ts";
import { openPortalLink } from "../portal/portal-links.ts";
import { listMessageOptions } from "./list-message-options.ts";
import { getMessage, listOutbox } from "./list-outbox.ts";
import { previewMessage } from "./preview-message.ts";
import { sendMessage } from "./send-message.ts";
import { addContactPoints, insertAgencyTemplates, setUpAgency } from "./test-fixtures.ts";

const t = useTestDb();
let agency: Agency;
const idOf = (a: Actor) => (a as { userId: string }).userId;
const key = () => randomUUID().replaceAll("-", "");
const fail = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

beforeAll(async () => {
  agency = await buildAgency(t.db);
  await setUpAgency(t.db);
  await insertAgencyTemplates(t.db);
});

async function caseWithPoints(options: Parameters<typeof openCase>[2] = {}) {
  const kase = await openCase(t.db, agency, options);
  return { kase, points: await addContactPoints(t.db, kase) };
}

const countsOf = async (caseId: string) => {
  const [row] = await t.db.execute<{ messages: number; interactions: number; audits: number; version: number }>(sql`
    select (select count(*)::int from messages where case_id = ${caseId}) as messages,
           (select count(*)::int from interactions where case_id = ${caseId}) as interactions,
           (select count(*)::int from audit_events where case_id = ${caseId}) as audits,
           (select version from cases where id = ${caseId}) as version`);
  return row!;
};

describe("listMessageOptions", () => {
  it("offers each channel's templates, in every language, and says which contact points can be used and why not", async () => {
    const { kase, points } = await caseWithPoints();
    const options = await listMessageOptions({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id } });
    expect(options).toMatchObject({ debtorLocale: "fr", caseRefusal: null, needsNotice: false, today: TODAY, defaultDeadline: "2027-03-29" });
    const sms = options.channels.find((c) => c.channel === "sms")!;
    expect(sms.locales).toEqual(["fr", "nl", "en"]);
    expect(sms.templates.filter((x) => x.locale === "fr").map((x) => x.key)).toEqual(["promise_confirmation", "reminder_sms"]);
    expect(sms.isUsable).toBe(true);
    expect(sms.contactPoints.map((p) => [p.value, p.isUsable])).toEqual([
      [points.mobile.value, true],
      [points.landline.value, false],
      [points.optedOut.value, false],
    ]);
    expect(sms.contactPoints[1]!.refusal).toMatch(/landline/);
    expect(sms.contactPoints[2]!.refusal).toMatch(/opted out .* on 2027-02-03/);
    const email = options.channels.find((c) => c.channel === "email")!;
    expect(email.contactPoints.find((p) => p.id === points.invalidEmail.id)).toMatchObject({ isUsable: false, refusal: expect.stringMatching(/marked invalid/) });
    expect(email.templates.find((x) => x.key === "formal_notice")).toMatchObject({ isNotice: true, usesDeadline: true });
  });

  it("offers only the formal notice on a new case, and nothing on a disputed one, saying why", async () => {
    const fresh = await caseWithPoints({ stage: "new" });
    const options = await listMessageOptions({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: fresh.kase.id } });
    expect(options.needsNotice).toBe(true);
    expect(options.channels.find((c) => c.channel === "letter")!.templates.map((x) => x.key)).toEqual(["formal_notice", "formal_notice"]);
    expect(options.channels.find((c) => c.channel === "sms")).toMatchObject({ isUsable: false, refusal: expect.stringMatching(/formal notice goes first/) });

    const disputed = await caseWithPoints({ holds: ["disputed"] });
    const held = await listMessageOptions({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: disputed.kase.id } });
    expect(held.caseRefusal).toMatchObject({ reason: "on_hold", message: expect.stringMatching(/disputed — resolve the dispute first/) });
    expect(held.channels.every((c) => !c.isUsable)).toBe(true);
  });

  it("is NOT_FOUND for a client user and for an agent of another team", async () => {
    const { kase } = await caseWithPoints();
    for (const actor of [agency.clientUser, agency.agentB]) {
      const error = await fail(listMessageOptions({ ctx: ctxFor(t.db, actor), input: { caseId: kase.id } }));
      expect(isDomainError(error, "NOT_FOUND")).toBe(true);
    }
  });
});

describe("previewMessage", () => {
  it("shows exactly the SMS that would go: values filled in the debtor's language, GSM-7, its parts", async () => {
    const { kase, points } = await caseWithPoints();
    const result = await previewMessage({
      ctx: ctxFor(t.db, agency.agentA),
      input: { caseId: kase.id, channel: "sms", templateKey: "reminder_sms", contactPointId: points.mobile.id, deadline: "2027-03-29", portalUrl: "https://portal.recouvra.test" },
    });
    if (!result.ok) throw new Error(result.refusal.message);
    const { preview } = result;
    expect(preview).toMatchObject({ channel: "sms", locale: "fr", recipient: "+33639980123", subject: null, deadline: null, isClientWording: false, movesCaseTo: null });
    // The French amount's no-break spaces are plain ones: one of them would have made it UCS-2.
    // {portal_url} is the debtor's personal link: the preview shows a sample token of a real one's length.
    expect(preview.body).toBe(`Recouvra Test Agency : dossier ${kase.reference}, solde 1 060,00 €. Payez sur https://portal.recouvra.test/l/${"x".repeat(32)} ou appelez le +32 2 555 01 23.`);
    // The personal link's length counts: this reminder takes two parts, as the one sent will.
    expect(preview.sms).toEqual({ encoding: "gsm7", characters: [...preview.body].length, segments: 2 });
    expect(await countsOf(kase.id)).toMatchObject({ messages: 0, interactions: 0, audits: 0 });
  });

  it("addresses a formal notice letter to the address block, with the deadline spelled out, and says it moves a new case on", async () => {
    const { kase, points } = await caseWithPoints({ stage: "new" });
    const result = await previewMessage({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, channel: "letter", templateKey: "formal_notice", contactPointId: points.address.id, deadline: "2027-03-29" } });
    if (!result.ok) throw new Error(result.refusal.message);
    expect(result.preview.recipient).toBe(`Debtor ${kase.reference.split("-")[2]}\n12 rue des Lilas\n75011 Paris\nFR`);
    expect(result.preview.subject).toBe(`Mise en demeure — dossier ${kase.reference}`);
    expect(result.preview.body).toMatch(/au plus tard le 29 mars 2027, référence RF\d\d( [0-9A-Z]{1,4})+\.$/);
    expect(result.preview).toMatchObject({ deadline: "2027-03-29", isNotice: true, movesCaseTo: "notified", sms: null });
    // The language can be switched: the English wording of the same template.
    const english = await previewMessage({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, channel: "letter", templateKey: "formal_notice", locale: "en", contactPointId: points.address.id, deadline: "2027-03-29" } });
    expect(english.ok && english.preview.body).toMatch(/owed to Fournil by 29 March 2027/);
  });

  it("answers the refusal, naming the field: past deadline, wrong kind of contact, missing template, a value the case lacks", async () => {
    const { kase, points } = await caseWithPoints();
    const ctx = ctxFor(t.db, agency.agentA);
    const base = { caseId: kase.id, channel: "letter" as const, templateKey: "formal_notice", contactPointId: points.address.id };
    expect(await previewMessage({ ctx, input: { ...base, deadline: TODAY } })).toMatchObject({ ok: false, refusal: { reason: "deadline_not_future", field: "deadline" } });
    expect(await previewMessage({ ctx, input: { ...base, deadline: "" } })).toMatchObject({ ok: false, refusal: { reason: "deadline_missing", field: "deadline" } });
    expect(await previewMessage({ ctx, input: { ...base, contactPointId: points.email.id, deadline: "2027-03-29" } })).toMatchObject({ ok: false, refusal: { reason: "wrong_kind", field: "contactPointId" } });
    expect(await previewMessage({ ctx, input: { ...base, locale: "nl", deadline: "2027-03-29" } })).toMatchObject({ ok: false, refusal: { reason: "template_missing", message: expect.stringMatching(/in Dutch/) } });
    const other = await openCase(t.db, agency);
    const foreignPoint = (await addContactPoints(t.db, other)).address;
    expect(await previewMessage({ ctx, input: { ...base, contactPointId: foreignPoint.id, deadline: "2027-03-29" } })).toMatchObject({ ok: false, refusal: { reason: "contact_missing" } });
    await t.db.update(agencySettings).set({ iban: null });
    try {
      const noIban = await previewMessage({ ctx, input: { ...base, channel: "email", templateKey: "reminder_email", contactPointId: points.email.id } });
      expect(noIban).toMatchObject({ ok: false, refusal: { reason: "value_missing", message: expect.stringMatching(/\{iban\}.*agency settings/) } });
    } finally {
      await setUpAgency(t.db);
    }
    const bad = await fail(previewMessage({ ctx, input: { ...base, channel: "fax" as never } }));
    expect(isDomainError(bad, "VALIDATION") && bad.field).toBe("channel");
  });
});

describe("sendMessage", () => {
  it("queues the message, links an outbound interaction to it, audits it in the same transaction, and shows it on the timeline", async () => {
    const { kase, points } = await caseWithPoints();
    const result = await sendMessage({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, channel: "sms", templateKey: "reminder_sms", contactPointId: points.mobile.id, idempotencyKey: key() } });
    expect(result).toMatchObject({ isDuplicate: false, stage: "notified", movedCaseTo: null });
    const [row] = await t.db.select().from(messages).where(eq(messages.id, result.messageId));
    expect(row).toMatchObject({ caseId: kase.id, channel: "sms", direction: "outbound", status: "queued", template: "reminder_sms", locale: "fr", recipient: "+33639980123", contactPointId: points.mobile.id, attempts: 0, provider: null });
    expect(row!.body).toMatch(/solde 1 060,00 €/);
    expect(row!.data).toMatchObject({ balanceCents: 106_000, values: { reference: kase.reference } });
    const [interaction] = await t.db.select().from(interactions).where(eq(interactions.caseId, kase.id));
    expect(interaction).toMatchObject({ id: result.interactionId, messageId: result.messageId, channel: "sms", direction: "outbound", userId: idOf(agency.agentA), contactPointId: points.mobile.id, outcome: null });
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.caseId, kase.id)).orderBy(auditEvents.seq);
    expect(audit.map((a) => [a.action, a.entityId, a.actorId])).toEqual([
      ["portal.link_issued", expect.stringMatching(/^[0-9a-f]{64}$/), idOf(agency.agentA)],
      ["message.queued", result.messageId, idOf(agency.agentA)],
    ]);
    // {portal_url} became the debtor's own link, issued with the message; the stored values keep the sample.
    const token = /\/l\/([a-z2-7]{32})\b/.exec(row!.body ?? "")?.[1];
    expect(token).toBeDefined();
    expect(token).not.toBe("x".repeat(32));
    expect(row!.data).toMatchObject({ values: { portal_url: `http://localhost:3001/l/${"x".repeat(32)}` } });
    const [link] = await t.db.select().from(portalLinks).where(eq(portalLinks.caseId, kase.id));
    expect(link).toMatchObject({ messageId: result.messageId, revokedAt: null });
    const opened = await openPortalLink({ ctx: ctxFor(t.db, systemActor("portal:public")), input: { token: token! } });
    expect(opened.caseId).toBe(kase.id);
    const after = (await t.db.select().from(cases).where(eq(cases.id, kase.id)))[0]!;
    expect(after.version).toBe(kase.version + 1);
    expect(after.lastContactAt).not.toBeNull();
    const file = await getCaseFile({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, timelineKinds: ["message"] } });
    expect(file.timeline).toEqual([expect.objectContaining({ id: `message:${result.messageId}`, channel: "sms", direction: "outbound", actor: "Agent A", detail: expect.stringMatching(/Queued.*reminder_sms.*\+33639980123/) })]);
  });

  it("puts a new case on notice with the formal notice: notified through the stage machine, escalation dates set", async () => {
    const { kase, points } = await caseWithPoints({ stage: "new" });
    await t.db.update(cases).set({ noticeSentOn: null, nextActionOn: TODAY, nextActionKind: "send_notice" }).where(eq(cases.id, kase.id));
    const result = await sendMessage({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, channel: "letter", templateKey: "formal_notice", contactPointId: points.address.id, deadline: "2027-03-29", idempotencyKey: key() } });
    expect(result).toMatchObject({ stage: "notified", movedCaseTo: "notified" });
    const after = (await t.db.select().from(cases).where(eq(cases.id, kase.id)))[0]!;
    expect(after).toMatchObject({ stage: "notified", noticeSentOn: TODAY, reviewDueOn: "2027-04-04", dossierDueOn: "2027-05-04", nextActionOn: "2027-03-30", nextActionKind: "call" });
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.caseId, kase.id)).orderBy(auditEvents.seq);
    expect(audit.map((a) => a.action)).toEqual(["message.queued", "case.stage_changed"]);
    expect(audit[1]!.data).toMatchObject({ from: "new", to: "notified", cause: "notice_sent" });
    // A reminder now goes too: the notice is out.
    await sendMessage({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, channel: "sms", templateKey: "reminder_sms", contactPointId: points.mobile.id, idempotencyKey: key() } });
  });

  it("refuses on a disputed case, saying so, and writes nothing", async () => {
    const { kase, points } = await caseWithPoints({ stage: "in_contact", holds: ["disputed"] });
    const before = await countsOf(kase.id);
    const error = await fail(sendMessage({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, channel: "sms", templateKey: "reminder_sms", contactPointId: points.mobile.id, idempotencyKey: key() } }));
    expect(isDomainError(error, "PRECONDITION_FAILED")).toBe(true);
    expect((error as Error).message).toMatch(/Contact is stopped .* disputed — resolve the dispute first/);
    expect(await countsOf(kase.id)).toEqual(before);
  });

  it("refuses an opted-out number, a bounced email, a landline for an SMS and a reminder before the notice, writing nothing", async () => {
    const { kase, points } = await caseWithPoints();
    const ctx = ctxFor(t.db, agency.agentA);
    const send = (over: Partial<Parameters<typeof sendMessage>[0]["input"]>) =>
      fail(sendMessage({ ctx, input: { caseId: kase.id, channel: "sms", templateKey: "reminder_sms", contactPointId: points.mobile.id, idempotencyKey: key(), ...over } }));
    const optedOut = await send({ contactPointId: points.optedOut.id });
    expect(isDomainError(optedOut, "PRECONDITION_FAILED") && optedOut.field).toBe("contactPointId");
    expect((optedOut as Error).message).toMatch(/opted out/);
    expect((await send({ channel: "email", templateKey: "reminder_email", contactPointId: points.invalidEmail.id }) as Error).message).toMatch(/marked invalid/);
    expect((await send({ contactPointId: points.landline.id }) as Error).message).toMatch(/landline/);
    expect(await countsOf(kase.id)).toMatchObject({ messages: 0, interactions: 0, audits: 0 });
    const fresh = await caseWithPoints({ stage: "new" });
    const early = await fail(sendMessage({ ctx, input: { caseId: fresh.kase.id, channel: "sms", templateKey: "reminder_sms", contactPointId: fresh.points.mobile.id, idempotencyKey: key() } }));
    expect((early as Error).message).toMatch(/formal notice has not been sent yet/);
  });

  it("is NOT_FOUND for a client user and for an agent of another team, and writes nothing", async () => {
    const { kase, points } = await caseWithPoints();
    for (const actor of [agency.clientUser, agency.agentB]) {
      const error = await fail(sendMessage({ ctx: ctxFor(t.db, actor), input: { caseId: kase.id, channel: "sms", templateKey: "reminder_sms", contactPointId: points.mobile.id, idempotencyKey: key() } }));
      expect(isDomainError(error, "NOT_FOUND")).toBe(true);
    }
    expect(await countsOf(kase.id)).toMatchObject({ messages: 0 });
  });

  it("sends once when the same form is submitted twice, one after the other or at the same time", async () => {
    const { kase, points } = await caseWithPoints();
    const ctx = ctxFor(t.db, agency.agentA);
    const input = { caseId: kase.id, channel: "sms" as const, templateKey: "reminder_sms", contactPointId: points.mobile.id, idempotencyKey: key() };
    const first = await sendMessage({ ctx, input });
    const again = await sendMessage({ ctx, input });
    expect(again).toMatchObject({ messageId: first.messageId, interactionId: first.interactionId, isDuplicate: true });
    const racing = { ...input, idempotencyKey: key() };
    const [a, b] = await Promise.all([sendMessage({ ctx, input: racing }), sendMessage({ ctx, input: racing })]);
    expect(a.messageId).toBe(b.messageId);
    expect([a.isDuplicate, b.isDuplicate].sort()).toEqual([false, true]);
    // Two sends, each with the personal link it issued.
    expect(await countsOf(kase.id)).toMatchObject({ messages: 2, interactions: 2, audits: 4 });
    // The same key on another case is a mistake, not a second send.
    const other = await caseWithPoints();
    const reused = await fail(sendMessage({ ctx, input: { ...input, caseId: other.kase.id, contactPointId: other.points.mobile.id } }));
    expect(isDomainError(reused, "CONFLICT")).toBe(true);
  });

  it("refuses to send what differs from the preview the agent read", async () => {
    const { kase, points } = await caseWithPoints();
    const ctx = ctxFor(t.db, agency.agentA);
    const input = { caseId: kase.id, channel: "sms" as const, templateKey: "reminder_sms", contactPointId: points.mobile.id };
    const previewed = await previewMessage({ ctx, input });
    if (!previewed.ok) throw new Error(previewed.refusal.message);
    await t.db.update(cases).set({ balanceCents: 50_000 }).where(eq(cases.id, kase.id));
    const stale = await fail(sendMessage({ ctx, input: { ...input, idempotencyKey: key(), expectedDigest: previewed.preview.digest } }));
    expect(isDomainError(stale, "CONFLICT")).toBe(true);
    expect(await countsOf(kase.id)).toMatchObject({ messages: 0 });
  });
});

describe("template resolution", () => {
  it("uses the client's own active wording over the agency default, and falls back when it is switched off", async () => {
    const { kase, points } = await caseWithPoints();
    const [override] = await t.db
      .insert(messageTemplates)
      .values({ clientId: agency.clientId, key: "reminder_sms", channel: "sms", locale: "fr", name: "Rappel Fournil", body: "Fournil : il reste {amount} à régler sur le dossier {reference}." })
      .returning();
    const ctx = ctxFor(t.db, agency.agentA);
    const input = { caseId: kase.id, channel: "sms" as const, templateKey: "reminder_sms", contactPointId: points.mobile.id };
    try {
      const own = await previewMessage({ ctx, input });
      expect(own.ok && own.preview).toMatchObject({ templateId: override!.id, isClientWording: true, body: `Fournil : il reste 1 060,00 € à régler sur le dossier ${kase.reference}.` });
      const options = await listMessageOptions({ ctx, input: { caseId: kase.id } });
      expect(options.channels.find((c) => c.channel === "sms")!.templates.filter((x) => x.key === "reminder_sms").map((x) => [x.locale, x.isClientWording])).toEqual([
        ["fr", true],
        ["nl", false],
        ["en", false],
      ]);
      // Another client's cases keep the agency's wording.
      await t.db.update(messageTemplates).set({ isActive: false }).where(eq(messageTemplates.id, override!.id));
      const fallback = await previewMessage({ ctx, input });
      expect(fallback.ok && fallback.preview).toMatchObject({ isClientWording: false, body: expect.stringMatching(/^Recouvra Test Agency : dossier/) });
    } finally {
      await t.db.delete(messageTemplates).where(eq(messageTemplates.id, override!.id));
    }
  });
});

describe("listOutbox and getMessage", () => {
  it("shows staff the messages of their scope, newest first, filtered; a client user none", async () => {
    const mine = await caseWithPoints();
    const theirs = await caseWithPoints();
    await t.db.update(cases).set({ teamId: agency.teamB }).where(eq(cases.id, theirs.kase.id));
    const sent = await sendMessage({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: mine.kase.id, channel: "email", templateKey: "reminder_email", contactPointId: mine.points.email.id, idempotencyKey: key() } });
    const other = await sendMessage({ ctx: ctxFor(t.db, agency.agentB), input: { caseId: theirs.kase.id, channel: "sms", templateKey: "reminder_sms", contactPointId: theirs.points.mobile.id, idempotencyKey: key() } });

    const forA = await listOutbox({ ctx: ctxFor(t.db, agency.agentA), input: {} });
    const ids = forA.items.map((i) => i.id);
    expect(ids).toContain(sent.messageId);
    expect(ids).not.toContain(other.messageId);
    expect(forA.items.find((i) => i.id === sent.messageId)).toMatchObject({ channel: "email", status: "queued", subject: `Rappel — dossier ${mine.kase.reference}`, case: { id: mine.kase.id, reference: mine.kase.reference, clientName: "Fournil" } });
    expect(forA.statusCounts.queued).toBeGreaterThan(0);
    const smsOnly = await listOutbox({ ctx: ctxFor(t.db, agency.agentA), input: { channel: "sms" } });
    expect(smsOnly.items.every((i) => i.channel === "sms")).toBe(true);
    const ofCase = await listOutbox({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: mine.kase.id } });
    expect(ofCase.items.map((i) => i.id)).toEqual([sent.messageId]);
    expect(await listOutbox({ ctx: ctxFor(t.db, agency.agentA), input: { status: "failed" } })).toMatchObject({ items: [], total: 0 });
    expect((await listOutbox({ ctx: ctxFor(t.db, agency.agentA), input: { page: 99 } })).total).toBe(forA.total);

    const error = await fail(listOutbox({ ctx: ctxFor(t.db, agency.clientUser), input: {} }));
    expect(isDomainError(error, "FORBIDDEN")).toBe(true);
    const outOfScope = await fail(listOutbox({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: theirs.kase.id } }));
    expect(isDomainError(outOfScope, "NOT_FOUND")).toBe(true);
  });

  it("opens one message in full with its history; NOT_FOUND for another team or a client user", async () => {
    const { kase, points } = await caseWithPoints();
    const sent = await sendMessage({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, channel: "letter", templateKey: "formal_notice", contactPointId: points.address.id, deadline: "2027-04-01", idempotencyKey: key() } });
    const detail = await getMessage({ ctx: ctxFor(t.db, agency.supervisor), input: { messageId: sent.messageId } });
    expect(detail).toMatchObject({ channel: "letter", status: "queued", recipient: expect.stringContaining("12 rue des Lilas\n75011 Paris"), case: { id: kase.id }, sms: null });
    expect(detail.body).toMatch(/1 avril 2027/);
    expect(detail.events).toEqual([expect.objectContaining({ action: "message.queued", summary: "Queued from template formal_notice, deadline 2027-04-01" })]);
    for (const actor of [agency.agentB, agency.clientUser]) {
      expect(isDomainError(await fail(getMessage({ ctx: ctxFor(t.db, actor), input: { messageId: sent.messageId } })), "NOT_FOUND")).toBe(true);
    }
    expect(isDomainError(await fail(getMessage({ ctx: ctxFor(t.db, agency.agentA), input: { messageId: "nope" } })), "NOT_FOUND")).toBe(true);
    const [row] = await t.db.select({ n: sql<number>`count(*)::int` }).from(messages).where(and(eq(messages.caseId, kase.id)));
    expect(row!.n).toBe(1);
  });
});
