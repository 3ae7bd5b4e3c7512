import { auditEvents, contactPoints, interactions, messages, type Case } from "@recouvra/db";
import { useTestDb } from "@recouvra/db/testing";
import { and, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { buildAgency, openCase, type Agency } from "../cases/actions/test-fixtures.ts";
import { debtorAudit } from "../portal/self-service-shared.ts";
import { queueDebtorEmail, usableDebtorEmail } from "./queue-debtor-email.ts";

const t = useTestDb();
let agency: Agency;
const NOW = new Date("2027-03-15T09:00:00Z");

beforeAll(async () => {
  agency = await buildAgency(t.db);
});

async function addEmails(kase: Case, rows: { value: string; isPrimary?: boolean; isInvalid?: boolean; optedOutAt?: Date; createdAt?: Date }[]) {
  return t.db
    .insert(contactPoints)
    .values(rows.map((r) => ({ debtorId: kase.debtorId, clientId: agency.clientId, kind: "email", ...r })))
    .returning();
}

describe("usableDebtorEmail", () => {
  it("is null when the debtor has no email that may be written to", async () => {
    const kase = await openCase(t.db, agency);
    expect(await usableDebtorEmail(t.db, kase)).toBeNull();
    await addEmails(kase, [{ value: "bounced@example.test", isPrimary: true, isInvalid: true }, { value: "gone@example.test", optedOutAt: new Date("2027-01-02T00:00:00Z") }]);
    expect(await usableDebtorEmail(t.db, kase)).toBeNull();
  });

  it("takes the primary first, then the oldest, passing over an unusable primary to the next usable one", async () => {
    const kase = await openCase(t.db, agency);
    const [, older, primary] = await addEmails(kase, [
      { value: "newer@example.test", createdAt: new Date("2027-02-01T00:00:00Z") },
      { value: "older@example.test", createdAt: new Date("2027-01-01T00:00:00Z") },
      { value: "primary@example.test", isPrimary: true, createdAt: new Date("2027-03-01T00:00:00Z") },
    ]);
    expect((await usableDebtorEmail(t.db, kase))?.id).toBe(primary!.id);
    await t.db.update(contactPoints).set({ optedOutAt: NOW }).where(eq(contactPoints.id, primary!.id));
    expect((await usableDebtorEmail(t.db, kase))?.id).toBe(older!.id);
  });

  it("ignores another debtor's addresses and other kinds of contact point", async () => {
    const kase = await openCase(t.db, agency);
    const stranger = await openCase(t.db, agency);
    await addEmails(stranger, [{ value: "stranger@example.test", isPrimary: true }]);
    await t.db.insert(contactPoints).values({ debtorId: kase.debtorId, clientId: agency.clientId, kind: "phone", value: "+33639980123", isPrimary: true });
    expect(await usableDebtorEmail(t.db, kase)).toBeNull();
    expect((await usableDebtorEmail(t.db, stranger))?.value).toBe("stranger@example.test");
  });
});

describe("queueDebtorEmail", () => {
  it("queues the message, logs the outbound interaction and audits it; a second queueing with the same key fails and writes nothing", async () => {
    const kase = await openCase(t.db, agency);
    const [point] = await addEmails(kase, [{ value: "lea@example.test", isPrimary: true }]);
    const idempotencyKey = `test:${randomUUID()}`;
    const email = {
      kase,
      now: NOW,
      point: point!,
      template: "test_template",
      locale: "nl" as const,
      subject: "Onderwerp",
      body: "Tekst",
      data: { purpose: "test" },
      idempotencyKey,
      auditData: { linkId: "L1" },
    };
    const messageId = await t.db.transaction((tx) => queueDebtorEmail(tx, { ...email, audit: debtorAudit(tx, kase, NOW) }));

    const [message] = await t.db.select().from(messages).where(eq(messages.id, messageId));
    expect(message).toMatchObject({
      caseId: kase.id,
      clientId: kase.clientId,
      channel: "email",
      direction: "outbound",
      template: "test_template",
      locale: "nl",
      contactPointId: point!.id,
      recipient: "lea@example.test",
      subject: "Onderwerp",
      body: "Tekst",
      data: { purpose: "test" },
      status: "queued",
      idempotencyKey,
      attempts: 0,
      nextAttemptAt: NOW,
    });
    const logged = await t.db.select().from(interactions).where(eq(interactions.messageId, messageId));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ channel: "email", direction: "outbound", userId: null, contactPointId: point!.id, occurredAt: NOW });
    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "message.queued"), eq(auditEvents.entityId, messageId)));
    expect(event).toMatchObject({ actorKind: "debtor", actorId: kase.debtorId, caseId: kase.id });
    expect(event!.data).toEqual({ channel: "email", template: "test_template", locale: "nl", contactPointId: point!.id, interactionId: logged[0]!.id, linkId: "L1" });

    const again = await t.db
      .transaction((tx) => queueDebtorEmail(tx, { ...email, audit: debtorAudit(tx, kase, NOW) }))
      .then(() => null, (e: unknown) => e);
    expect(again).toBeInstanceOf(Error);
    expect(await t.db.select().from(messages).where(eq(messages.caseId, kase.id))).toHaveLength(1);
    expect(await t.db.select().from(interactions).where(eq(interactions.caseId, kase.id))).toHaveLength(1);
  });
});
