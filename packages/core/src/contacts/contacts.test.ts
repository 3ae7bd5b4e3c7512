import { auditEvents, cases, contactPoints, verifyAuditChain, type Case, type ContactPoint, type NewContactPoint } from "@recouvra/db";
import { useTestDb } from "@recouvra/db/testing";
import { isDomainError } from "@recouvra/domain";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getCaseFile } from "../cases/get-case-file.ts";
import { buildAgency, ctxFor, NOW, openCase, type Agency } from "../cases/actions/test-fixtures.ts";
import type { Actor } from "../context.ts";
import { addContactPoint } from "./add-contact-point.ts";
import { invalidateContactPoint, revalidateContactPoint } from "./invalidate-contact-point.ts";
import { listContactPoints } from "./list-contact-points.ts";
import { makeContactPointPrimary } from "./make-contact-point-primary.ts";
import { liftOptOut, recordOptOut } from "./opt-outs.ts";
import { verifyContactPoint } from "./verify-contact-point.ts";

const t = useTestDb();
let agency: Agency;

beforeAll(async () => {
  agency = await buildAgency(t.db);
});

const fail = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);
const pointRow = async (id: string) => (await t.db.select().from(contactPoints).where(eq(contactPoints.id, id)))[0]!;
const pointsOf = (debtorId: string) => t.db.select().from(contactPoints).where(eq(contactPoints.debtorId, debtorId)).orderBy(contactPoints.createdAt);
const eventsOf = (caseId: string) => t.db.select().from(auditEvents).where(eq(auditEvents.caseId, caseId)).orderBy(auditEvents.seq);

/** A case of team A whose debtor has a primary phone, a primary email and a primary address from the placement. */
async function caseWithContacts(): Promise<{ kase: Case; phone: ContactPoint; email: ContactPoint; address: ContactPoint }> {
  const kase = await openCase(t.db, agency);
  const base = { debtorId: kase.debtorId, clientId: kase.clientId, isPrimary: true, source: "placement" } satisfies Partial<NewContactPoint>;
  const [phone, email, address] = await t.db
    .insert(contactPoints)
    .values([
      { ...base, kind: "phone", value: "+33612345678", label: "mobile", hasConsent: true },
      { ...base, kind: "email", value: "marie.durand@example.fr", hasConsent: true },
      { ...base, kind: "address", value: "12 rue des Lilas, 75011 Paris, FR", line1: "12 rue des Lilas", postalCode: "75011", city: "Paris", countryCode: "FR", isVerified: true },
    ])
    .returning();
  return { kase, phone: phone!, email: email!, address: address! };
}

/** Another case of the same debtor (same client), as a second placement makes. */
async function secondCaseOf(kase: Case): Promise<Case> {
  const [row] = await t.db
    .insert(cases)
    .values({
      clientId: kase.clientId,
      debtorId: kase.debtorId,
      reference: `RC-T2-${randomUUID().slice(0, 8)}`,
      paymentReference: `RF-T2-${randomUUID().slice(0, 8)}`,
      stage: "notified",
      jurisdiction: "FR",
      currency: "EUR",
      placedOn: "2027-02-01",
      teamId: agency.teamA,
    })
    .returning();
  return row!;
}

describe("changing a contact point", () => {
  it("marks a phone number invalid with its reason: no longer primary nor verified, audited with the reason", async () => {
    const { kase, phone } = await caseWithContacts();
    await t.db.update(contactPoints).set({ isVerified: true }).where(eq(contactPoints.id, phone.id));
    const result = await invalidateContactPoint({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, contactPointId: phone.id, reason: "wrong_number", note: "A Mr Martin answered" } });
    expect(result.state).toMatchObject({ isInvalid: true, isPrimary: false, isVerified: false });
    expect(await pointRow(phone.id)).toMatchObject({ isInvalid: true, isPrimary: false, isVerified: false, updatedAt: new Date(NOW) });
    const [event] = await eventsOf(kase.id);
    expect(event).toMatchObject({
      action: "contact_point.invalidated",
      entityType: "contact_point",
      entityId: phone.id,
      actorKind: "user",
      actorId: (agency.agentA as { userId: string }).userId,
      clientId: kase.clientId,
      data: { kind: "phone", value: "+33612345678", reasonCode: "wrong_number", reason: "Wrong number", note: "A Mr Martin answered", wasPrimary: true },
    });
    // The timeline and the contacts section say why.
    const file = await getCaseFile({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, timelineKinds: ["contact"] } });
    expect(file.timeline[0]).toMatchObject({ kind: "contact", title: "Phone number marked invalid", detail: "+33612345678 · Wrong number · A Mr Martin answered", actor: "Agent A" });
    expect(file.contactPoints.find((c) => c.id === phone.id)).toMatchObject({ isInvalid: true, invalidReason: "Wrong number: A Mr Martin answered" });

    const back = await revalidateContactPoint({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, contactPointId: phone.id, note: "Debtor confirmed it is hers on an inbound call" } });
    expect(back.state).toMatchObject({ isInvalid: false, isVerified: false });
    expect((await eventsOf(kase.id)).map((e) => e.action)).toEqual(["contact_point.invalidated", "contact_point.revalidated"]);
  });

  it("verifies a point, and refuses to verify an invalid one, writing nothing", async () => {
    const { kase, phone, email } = await caseWithContacts();
    await verifyContactPoint({ ctx: ctxFor(t.db, agency.supervisor), input: { caseId: kase.id, contactPointId: email.id, note: "Debtor replied from it" } });
    expect((await pointRow(email.id)).isVerified).toBe(true);
    await invalidateContactPoint({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, contactPointId: phone.id, reason: "not_in_service" } });
    const before = await pointRow(phone.id);
    const refused = await fail(verifyContactPoint({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, contactPointId: phone.id } }));
    expect(isDomainError(refused, "PRECONDITION_FAILED")).toBe(true);
    expect((refused as Error).message).toMatch(/mark it valid again/);
    expect(await pointRow(phone.id)).toEqual(before);
    expect((await eventsOf(kase.id)).map((e) => e.action)).toEqual(["contact_point.verified", "contact_point.invalidated"]);
    const twice = await fail(verifyContactPoint({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, contactPointId: email.id } }));
    expect(isDomainError(twice, "CONFLICT")).toBe(true);
  });

  it("records an opt-out with when and how the debtor asked, and lifts it only on renewed consent", async () => {
    const { kase, phone, address } = await caseWithContacts();
    await recordOptOut({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, contactPointId: phone.id, source: "sms", note: "Replied STOP" } });
    expect(await pointRow(phone.id)).toMatchObject({ optedOutAt: new Date(NOW), hasConsent: false, isPrimary: false });
    const list = await listContactPoints({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id } });
    expect(list.points.find((p) => p.id === phone.id)).toMatchObject({ optOutSource: "sms", allowedChanges: ["verify", "invalidate", "lift_opt_out"] });

    const noConsent = await fail(liftOptOut({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, contactPointId: phone.id, hasConsent: false as never, source: "call" } }));
    expect(isDomainError(noConsent, "VALIDATION") && noConsent.field).toBe("hasConsent");
    expect((await pointRow(phone.id)).optedOutAt).not.toBeNull();

    await liftOptOut({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, contactPointId: phone.id, hasConsent: true, source: "call", note: "Asked us to text her again" } });
    expect(await pointRow(phone.id)).toMatchObject({ optedOutAt: null, hasConsent: true });
    const events = await eventsOf(kase.id);
    expect(events.map((e) => e.action)).toEqual(["contact_point.opted_out", "contact_point.opt_out_lifted"]);
    expect(events[1]!.data).toMatchObject({ source: "call", optedOutAt: NOW.replace("Z", ".000Z") });

    const letter = await fail(recordOptOut({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, contactPointId: address.id, source: "letter" } }));
    expect(isDomainError(letter, "PRECONDITION_FAILED")).toBe(true);
    const badSource = await fail(recordOptOut({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, contactPointId: phone.id, source: "pigeon" as never } }));
    expect(isDomainError(badSource, "VALIDATION") && badSource.field).toBe("source");
  });

  it("makes a point the primary of its kind, the previous primary stepping down", async () => {
    const { kase, phone } = await caseWithContacts();
    const { contactPointId } = await addContactPoint({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, kind: "phone", phone: "01 40 20 30 40", label: "work" } });
    expect((await pointRow(contactPointId)).isPrimary).toBe(false);
    await makeContactPointPrimary({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, contactPointId } });
    expect((await pointRow(contactPointId)).isPrimary).toBe(true);
    expect((await pointRow(phone.id)).isPrimary).toBe(false);
    const last = (await eventsOf(kase.id)).at(-1)!;
    expect(last).toMatchObject({ action: "contact_point.made_primary", entityId: contactPointId, data: { kind: "phone", previousPrimaryId: phone.id } });
    const again = await fail(makeContactPointPrimary({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, contactPointId } }));
    expect(isDomainError(again, "CONFLICT")).toBe(true);
  });

  it("names the field of a reason that does not fit the point, or of a missing note", async () => {
    const { kase, phone, email } = await caseWithContacts();
    const wrongKind = await fail(invalidateContactPoint({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, contactPointId: phone.id, reason: "letter_returned" } }));
    expect(isDomainError(wrongKind, "VALIDATION") && wrongKind.field).toBe("reason");
    const other = await fail(invalidateContactPoint({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, contactPointId: email.id, reason: "other" } }));
    expect(isDomainError(other, "VALIDATION") && other.field).toBe("note");
    const unknown = await fail(invalidateContactPoint({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, contactPointId: email.id, reason: "" as never } }));
    expect(isDomainError(unknown, "VALIDATION") && unknown.field).toBe("reason");
    const noNote = await fail(revalidateContactPoint({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, contactPointId: email.id, note: " " } }));
    expect(isDomainError(noNote, "VALIDATION") && noNote.field).toBe("note");
    expect(await pointRow(phone.id)).toMatchObject({ isInvalid: false, isPrimary: true });
    expect(await eventsOf(kase.id)).toEqual([]);
  });
});

describe("who may change a contact point", () => {
  const attempts = (caseId: string, contactPointId: string) => [
    (actor: Actor) => verifyContactPoint({ ctx: ctxFor(t.db, actor), input: { caseId, contactPointId } }),
    (actor: Actor) => invalidateContactPoint({ ctx: ctxFor(t.db, actor), input: { caseId, contactPointId, reason: "wrong_number" } }),
    (actor: Actor) => recordOptOut({ ctx: ctxFor(t.db, actor), input: { caseId, contactPointId, source: "call" } }),
    (actor: Actor) => makeContactPointPrimary({ ctx: ctxFor(t.db, actor), input: { caseId, contactPointId } }),
    (actor: Actor) => addContactPoint({ ctx: ctxFor(t.db, actor), input: { caseId, kind: "phone", phone: "06 99 88 77 66" } }),
    (actor: Actor) => listContactPoints({ ctx: ctxFor(t.db, actor), input: { caseId } }),
  ];

  it("is NOT_FOUND for the client user, an agent of another team and a debtor, and nothing is written", async () => {
    const { kase, phone } = await caseWithContacts();
    const debtor: Actor = { kind: "debtor", debtorId: kase.debtorId, caseIds: [kase.id] };
    for (const actor of [agency.clientUser, agency.agentB, debtor]) {
      for (const attempt of attempts(kase.id, phone.id)) {
        const error = await fail(attempt(actor));
        expect(isDomainError(error, "NOT_FOUND"), `${actor.kind} ${"role" in actor ? actor.role : ""}`).toBe(true);
      }
    }
    expect(await pointRow(phone.id)).toEqual(phone);
    expect(await pointsOf(kase.debtorId)).toHaveLength(3);
    expect(await eventsOf(kase.id)).toEqual([]);
  });

  it("is NOT_FOUND for a point of another debtor's case, an unknown point, an unknown case and a malformed id", async () => {
    const mine = await caseWithContacts();
    const theirs = await caseWithContacts();
    for (const [caseId, pointId] of [
      [mine.kase.id, theirs.phone.id],
      [mine.kase.id, randomUUID()],
      [mine.kase.id, "not-an-id"],
      [randomUUID(), mine.phone.id],
      ["nope", mine.phone.id],
    ] as const) {
      for (const attempt of attempts(caseId, pointId).slice(0, 4)) {
        const error = await fail(attempt(agency.agentA));
        expect(isDomainError(error, "NOT_FOUND"), `${caseId} ${pointId}`).toBe(true);
      }
    }
    expect(await pointRow(theirs.phone.id)).toEqual(theirs.phone);
    expect(await eventsOf(mine.kase.id)).toEqual([]);
    expect(await eventsOf(theirs.kase.id)).toEqual([]);
  });

  it("lets the debtor's points be worked from any of the debtor's cases, audited on that case", async () => {
    const { kase, phone } = await caseWithContacts();
    const second = await secondCaseOf(kase);
    await verifyContactPoint({ ctx: ctxFor(t.db, agency.agentA2), input: { caseId: second.id, contactPointId: phone.id } });
    expect((await pointRow(phone.id)).isVerified).toBe(true);
    expect((await eventsOf(second.id)).map((e) => e.action)).toEqual(["contact_point.verified"]);
    // The first case shows the point verified too: the point is the debtor's.
    const file = await getCaseFile({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id } });
    expect(file.contactPoints.find((c) => c.id === phone.id)?.isVerified).toBe(true);
  });
});

describe("addContactPoint", () => {
  it("adds a phone number in E.164, read in the debtor's country, audited", async () => {
    const { kase } = await caseWithContacts();
    const result = await addContactPoint({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, kind: "phone", phone: "07 11 22 33 44", label: "mobile", hasConsent: true } });
    expect(result.isPrimary).toBe(false);
    expect(await pointRow(result.contactPointId)).toMatchObject({ kind: "phone", value: "+33711223344", label: "mobile", hasConsent: true, isVerified: false, isPrimary: false, source: "agent", clientId: kase.clientId });
    const [event] = await eventsOf(kase.id);
    expect(event).toMatchObject({ action: "contact_point.added", entityId: result.contactPointId, data: { kind: "phone", value: "+33711223344", isPrimary: false, hasConsent: true } });
    const file = await getCaseFile({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, timelineKinds: ["contact"] } });
    expect(file.timeline[0]).toMatchObject({ title: "Phone number added", detail: "+33711223344 · mobile" });
  });

  it("adds an email and an address, primary when the debtor has no usable one of that kind", async () => {
    const kase = await openCase(t.db, agency);
    const email = await addContactPoint({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, kind: "email", email: " Jean.Petit@Example.org " } });
    expect(email.isPrimary).toBe(true);
    expect((await pointRow(email.contactPointId)).value).toBe("jean.petit@example.org");
    const address = await addContactPoint({
      ctx: ctxFor(t.db, agency.agentA),
      input: { caseId: kase.id, kind: "address", line1: "3 avenue Foch", postalCode: "69006", city: "Lyon" },
    });
    expect(await pointRow(address.contactPointId)).toMatchObject({ value: "3 avenue Foch, 69006 Lyon, FR", line1: "3 avenue Foch", postalCode: "69006", city: "Lyon", countryCode: "FR", isPrimary: true });
  });

  it("takes the primary role when asked, in the same transaction as the insert", async () => {
    const { kase, email } = await caseWithContacts();
    const added = await addContactPoint({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, kind: "email", email: "m.durand@work.example", isPrimary: true } });
    expect(added.isPrimary).toBe(true);
    expect((await pointRow(email.id)).isPrimary).toBe(false);
    expect((await eventsOf(kase.id))[0]!.data).toMatchObject({ isPrimary: true, previousPrimaryId: email.id });
  });

  it("refuses a duplicate of one of the debtor's points, however it is typed, naming the field", async () => {
    const { kase, phone, address } = await caseWithContacts();
    const typings = [
      [{ kind: "phone", phone: "06 12 34 56 78" }, "phone"],
      [{ kind: "phone", phone: "+33 6 12 34 56 78" }, "phone"],
      [{ kind: "email", email: "MARIE.DURAND@example.fr" }, "email"],
      [{ kind: "address", line1: "12, Rue des Lilas", postalCode: "75011", city: "PARIS" }, "line1"],
    ] as const;
    for (const [input, field] of typings) {
      const error = await fail(addContactPoint({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, isPrimary: true, ...input } }));
      expect(isDomainError(error, "VALIDATION") && error.field, JSON.stringify(input)).toBe(field);
      expect((error as Error).message).toMatch(new RegExp(`^${field}: the debtor already has`));
    }
    // An invalid point on file is named as such: the agent marks it valid again instead.
    await invalidateContactPoint({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, contactPointId: phone.id, reason: "wrong_number" } });
    const invalid = await fail(addContactPoint({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, kind: "phone", phone: "0612345678" } }));
    expect((invalid as Error).message).toMatch(/marked invalid: mark it valid again/);
    // Nothing half-written: no new row, and the primaries asked to step down are still primary.
    expect(await pointsOf(kase.debtorId)).toHaveLength(3);
    expect((await pointRow(address.id)).isPrimary).toBe(true);
    expect((await eventsOf(kase.id)).map((e) => e.action)).toEqual(["contact_point.invalidated"]);
  });

  it("names the field of a malformed email, phone or address", async () => {
    const kase = await openCase(t.db, agency);
    const add = (input: object) => fail(addContactPoint({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, ...input } as never }));
    const expectField = async (input: object, field: string) => {
      const error = await add(input);
      expect(isDomainError(error, "VALIDATION") && error.field, JSON.stringify(input)).toBe(field);
    };
    await expectField({ kind: "email", email: "jean@" }, "email");
    await expectField({ kind: "email" }, "email");
    await expectField({ kind: "phone", phone: "12" }, "phone");
    await expectField({ kind: "address", line1: "1 rue Haute", postalCode: "7500", city: "Paris" }, "postalCode");
    await expectField({ kind: "address", line1: "1 rue Haute", postalCode: "75001" }, "city");
    await expectField({ kind: "fax", value: "x" }, "kind");
    await expectField({ kind: "email", email: "a@b.fr", label: "x".repeat(61) }, "label");
    expect(await pointsOf(kase.debtorId)).toEqual([]);
    expect(await eventsOf(kase.id)).toEqual([]);
  });

  it("lets only one of two simultaneous adds of the same number through (the debtor row is the lock)", async () => {
    const { kase } = await caseWithContacts();
    const second = await secondCaseOf(kase);
    const results = await Promise.allSettled([
      addContactPoint({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, kind: "phone", phone: "06 55 44 33 22", isPrimary: true } }),
      addContactPoint({ ctx: ctxFor(t.db, agency.agentA2), input: { caseId: second.id, kind: "phone", phone: "+33655443322", isPrimary: true } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(isDomainError(rejected.reason, "VALIDATION") && rejected.reason.field).toBe("phone");
    const phones = await t.db.select().from(contactPoints).where(and(eq(contactPoints.debtorId, kase.debtorId), eq(contactPoints.kind, "phone")));
    expect(phones.filter((p) => p.value === "+33655443322")).toHaveLength(1);
    expect(phones.filter((p) => p.isPrimary)).toHaveLength(1);
  });

  it("keeps the audit trail's chain intact", async () => {
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });
});
