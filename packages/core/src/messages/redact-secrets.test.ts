/**
 * One-time codes and personal-link tokens leave the stored message once the outbox is done with it:
 * the transport gets the real text, the database keeps the text with the secret blanked, in the same
 * write that records the outcome. A message still queued (or waiting for a retry) keeps its secret.
 */
import { auditEvents, cases, contactPoints, messages, portalLinks } from "@recouvra/db";
import { useTestDb } from "@recouvra/db/testing";
import { smsSegments } from "@recouvra/domain";
import { and, eq, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../auth/passwords.ts";
import { buildAgency, ctxFor, NOW, openCase, type Agency } from "../cases/actions/test-fixtures.ts";
import { systemActor, type Ctx } from "../context.ts";
import { openPortalLink } from "../portal/portal-links.ts";
import { startPortalSignIn, verifyPortalCode } from "../portal/portal-sign-in.ts";
import { dispatchOutbox, OUTBOX_MAX_ATTEMPTS } from "./dispatch-outbox.ts";
import { REDACTION_CHARACTER, redactMessageSecrets } from "./redact-secrets.ts";
import { sendMessage } from "./send-message.ts";
import { addContactPoints, insertAgencyTemplates, movableClock, setUpAgency } from "./test-fixtures.ts";
import { outboxTransport, type OutboundMessage, type Transport } from "./transport.ts";

const t = useTestDb();
let agency: Agency;
const ACCESS_CODE = "REDACT-2468";
const BLANK_CODE = REDACTION_CHARACTER.repeat(6);
const BLANK_TOKEN = REDACTION_CHARACTER.repeat(32);

beforeAll(async () => {
  agency = await buildAgency(t.db);
  await setUpAgency(t.db);
  await insertAgencyTemplates(t.db);
});

const worker = (clock = movableClock(NOW)): Ctx & { clock: ReturnType<typeof movableClock> } => ({ db: t.db, clock, actor: systemActor("worker@test") });
const portal = (clock = movableClock(NOW)): Ctx => ({ db: t.db, clock, actor: systemActor("portal:public") });
const row = async (id: string) => (await t.db.select().from(messages).where(eq(messages.id, id)))[0]!;
const auditOf = async (id: string, action: string) => (await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, action))))[0];

function recording(options: { failing?: boolean } = {}): Transport & { handed: OutboundMessage[] } {
  const handed: OutboundMessage[] = [];
  return {
    provider: "test",
    handed,
    async send(message) {
      handed.push(message);
      if (options.failing) throw new Error("502 Bad Gateway");
      return { providerMessageId: `test_${message.id}_${message.attempt}` };
    },
  };
}

// Messages other tests left queued would be claimed first: settle them far in the future.
const drain = () => dispatchOutbox({ ctx: worker(movableClock("2030-01-01T00:00:00Z")), input: { limit: 500 }, transport: outboxTransport });

/** A case with its contact points that the portal opens with ACCESS_CODE; optionally under a hold. */
async function caseWithPoints() {
  const kase = await openCase(t.db, agency);
  const [withCode] = await t.db.update(cases).set({ portalAccessCodeHash: await hashPassword(ACCESS_CODE), reference: kase.reference.toUpperCase() }).where(eq(cases.id, kase.id)).returning();
  const points = await addContactPoints(t.db, withCode!);
  return { kase: withCode!, points };
}

describe("redactMessageSecrets", () => {
  it("blanks the code of a sign-in code message and nothing else", () => {
    const body = "Recouvra : votre code de connexion est 042917. Il est valable 10 minutes. Ne le communiquez à personne.";
    expect(redactMessageSecrets({ template: "portal_one_time_code", subject: "Votre code de connexion Recouvra", body })).toEqual({
      subject: "Votre code de connexion Recouvra",
      body: "Recouvra : votre code de connexion est ******. Il est valable 10 minutes. Ne le communiquez à personne.",
      redacted: ["one_time_code"],
    });
  });

  it("blanks the token of a personal link in any message, keeping the address it points to", () => {
    const token = "abcdefghijklmnopqrstuvwxyz234567";
    const redacted = redactMessageSecrets({ template: "reminder_sms", subject: `Lien https://pay.example.com/l/${token}`, body: `Payez sur https://pay.example.com/l/${token} ou appelez le 012345.` });
    expect(redacted).toEqual({
      subject: `Lien https://pay.example.com/l/${BLANK_TOKEN}`,
      // Six digits in a message that is not a sign-in code are not a code: they stay.
      body: `Payez sur https://pay.example.com/l/${BLANK_TOKEN} ou appelez le 012345.`,
      redacted: ["portal_link"],
    });
  });

  it("leaves a message without secrets alone (null: nothing to write)", () => {
    expect(redactMessageSecrets({ template: "reminder_email", subject: "Rappel — dossier RC-2027-000123", body: "Solde 1 060,00 € au 15/03/2027, virement BE71 5390 0754 7034." })).toBeNull();
    expect(redactMessageSecrets({ template: "portal_one_time_code", subject: null, body: null })).toBeNull();
    // Not a token: too short, or with characters a token never has.
    expect(redactMessageSecrets({ template: null, subject: null, body: "See /l/abc and /l/ABCDEFGHIJKLMNOPQRSTUVWXYZ234567." })).toBeNull();
  });
});

describe("the dispatcher blanks secrets once a message is done with", () => {
  it("hands the one-time code to the transport, then keeps only the blanked text; the code still signs in", async () => {
    await drain();
    const { kase } = await caseWithPoints();
    const started = await startPortalSignIn({ ctx: portal(), input: { reference: kase.reference, accessCode: ACCESS_CODE } });
    if (started.status !== "code_sent") throw new Error("expected a code");
    const [queued] = await t.db.select().from(messages).where(sql`${messages.data}->>'challengeId' = ${started.challengeId}`);
    // Not yet sent: the outbox (and the demo outbox page) still shows the code.
    const code = /\b(\d{6})\b/.exec(queued!.body ?? "")![1]!;

    const transport = recording();
    expect(await dispatchOutbox({ ctx: worker(), input: { limit: 500 }, transport })).toMatchObject({ sent: 1 });
    expect(transport.handed[0]!.body).toContain(code);
    const sent = await row(queued!.id);
    expect(sent).toMatchObject({ status: "sent", template: "portal_one_time_code", recipient: "+33639980123", sentAt: new Date(NOW), data: { purpose: "portal_sign_in", challengeId: started.challengeId } });
    expect(sent.body).not.toContain(code);
    expect(sent.body).toBe(queued!.body!.replace(code, BLANK_CODE));
    expect(JSON.stringify(sent.data)).not.toContain(code);
    expect((await auditOf(queued!.id, "message.sent"))?.data).toMatchObject({ redacted: ["one_time_code"] });

    // What the debtor received still works: only the stored copy lost it.
    const opened = await verifyPortalCode({ ctx: portal(), input: { challengeId: started.challengeId, code } });
    expect(opened.caseId).toBe(kase.id);
  });

  it("blanks the personal link of a sent message; the link the debtor received still opens the file", async () => {
    await drain();
    const { kase, points } = await caseWithPoints();
    const { messageId } = await sendMessage({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, channel: "sms", templateKey: "reminder_sms", contactPointId: points.mobile.id, idempotencyKey: randomUUID().replaceAll("-", "") } });
    const token = /\/l\/([a-z2-7]{32})/.exec((await row(messageId)).body ?? "")![1]!;

    const transport = recording();
    await dispatchOutbox({ ctx: worker(), input: { limit: 500 }, transport });
    expect(transport.handed.find((m) => m.id === messageId)!.body).toContain(`/l/${token}`);
    const sent = await row(messageId);
    expect(sent.status).toBe("sent");
    expect(sent.body).not.toContain(token);
    expect(sent.body).toContain(`http://localhost:3001/l/${BLANK_TOKEN}`);
    // Still the characters and parts that went out: the outbox page counts them from the stored copy.
    expect(smsSegments(sent.body!)).toEqual(smsSegments(transport.handed.find((m) => m.id === messageId)!.body));
    expect(JSON.stringify(sent)).not.toContain(token);
    expect((await auditOf(messageId, "message.sent"))?.data).toMatchObject({ redacted: ["portal_link"] });
    const [link] = await t.db.select().from(portalLinks).where(eq(portalLinks.messageId, messageId));
    expect(link).toMatchObject({ caseId: kase.id, revokedAt: null });
    expect((await openPortalLink({ ctx: portal(), input: { token } })).caseId).toBe(kase.id);
  });

  it("keeps the secret while a retry is due, and blanks it when the message is given up or suppressed", async () => {
    await drain();
    const { kase, points } = await caseWithPoints();
    const send = () => sendMessage({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, channel: "sms", templateKey: "reminder_sms", contactPointId: points.mobile.id, idempotencyKey: randomUUID().replaceAll("-", "") } });
    const { messageId } = await send();
    const original = (await row(messageId)).body!;
    const ctx = worker();
    const failing = recording({ failing: true });
    await dispatchOutbox({ ctx, input: { limit: 500 }, transport: failing });
    expect(await row(messageId)).toMatchObject({ status: "queued", body: original });
    for (let attempt = 2; attempt <= OUTBOX_MAX_ATTEMPTS; attempt++) {
      ctx.clock.advance(7 * 3600);
      await dispatchOutbox({ ctx, input: { limit: 500 }, transport: failing });
    }
    const failed = await row(messageId);
    expect(failed.status).toBe("failed");
    expect(failed.body).not.toMatch(/\/l\/[a-z2-7]{32}/);
    expect(failed.body).toContain(`/l/${BLANK_TOKEN}`);
    // The last attempt was handed the real text.
    expect(failing.handed.at(-1)!.body).toBe(original);

    // The debtor opted out of the number after this one was queued: never sent, and nothing kept.
    const second = await send();
    await t.db.update(contactPoints).set({ optedOutAt: new Date(NOW) }).where(eq(contactPoints.id, points.mobile.id));
    await dispatchOutbox({ ctx, input: { limit: 500 }, transport: recording() });
    const suppressed = await row(second.messageId);
    expect(suppressed.status).toBe("suppressed");
    expect(suppressed.body).toContain(`/l/${BLANK_TOKEN}`);
    expect((await auditOf(second.messageId, "message.suppressed"))?.data).toMatchObject({ redacted: ["portal_link"] });
  });

  it("keeps the text in the development outbox: without provider keys it is the debtor's mailbox", async () => {
    await drain();
    const { kase } = await caseWithPoints();
    const started = await startPortalSignIn({ ctx: portal(), input: { reference: kase.reference, accessCode: ACCESS_CODE } });
    if (started.status !== "code_sent") throw new Error("expected a code");
    const [queued] = await t.db.select().from(messages).where(sql`${messages.data}->>'challengeId' = ${started.challengeId}`);
    await dispatchOutbox({ ctx: worker(), input: { limit: 500 }, transport: outboxTransport });
    const sent = await row(queued!.id);
    expect(sent).toMatchObject({ status: "sent", provider: "outbox", body: queued!.body });
    expect((await auditOf(queued!.id, "message.sent"))?.data).not.toHaveProperty("redacted");
  });

  it("writes nothing more for a message without secrets", async () => {
    await drain();
    const kase = await openCase(t.db, agency);
    const points = await addContactPoints(t.db, kase);
    const { messageId } = await sendMessage({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, channel: "email", templateKey: "reminder_email", contactPointId: points.email.id, idempotencyKey: randomUUID().replaceAll("-", "") } });
    const before = await row(messageId);
    await dispatchOutbox({ ctx: worker(), input: { limit: 500 }, transport: outboxTransport });
    const after = await row(messageId);
    expect(after).toMatchObject({ status: "sent", subject: before.subject, body: before.body });
    expect((await auditOf(messageId, "message.sent"))?.data).not.toHaveProperty("redacted");
  });
});
