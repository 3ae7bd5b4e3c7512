import { clients, sessions, teams, users } from "@recouvra/db";
import { useTestDb } from "@recouvra/db/testing";
import { isDomainError } from "@recouvra/domain";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../auth/passwords.ts";
import { createSession, generateSessionToken } from "../auth/sessions.ts";
import { fixedClock, type Actor, type Ctx } from "../context.ts";
import { createUser, listUsers, resetUserPassword, updateUser } from "./manage-users.ts";

const t = useTestDb();
const clock = fixedClock("2026-11-22T10:00:00Z");
let admin: Actor;
const ctx = (actor: Actor): Ctx => ({ db: t.db, clock, actor });
let clientId = "";
let teamId = "";

beforeAll(async () => {
  const [a] = await t.db.insert(users).values({ email: "boss@x.test", displayName: "Boss", role: "admin" }).returning();
  admin = { kind: "user", userId: a!.id, role: "admin" };
  const [c] = await t.db.insert(clients).values({ name: "C", legalName: "C SA", jurisdiction: "FR", countryCode: "FR" }).returning();
  const [team] = await t.db.insert(teams).values({ name: "T" }).returning();
  clientId = c!.id;
  teamId = team!.id;
});

async function hashOf(userId: string) {
  const [row] = await t.db.select().from(users).where(eq(users.id, userId));
  return row!.passwordHash!;
}

describe("account management", () => {
  it("opens a staff account with a temporary password that signs in, and lists it", async () => {
    const { user, temporaryPassword } = await createUser({ ctx: ctx(admin), input: { email: " New.Agent@X.test ", displayName: "New Agent", role: "agent", teamId } });
    expect(user.email).toBe("new.agent@x.test");
    expect(temporaryPassword).toMatch(/^[a-z2-7]{16}$/);
    expect(await verifyPassword(await hashOf(user.id), temporaryPassword)).toBe(true);
    const list = await listUsers({ ctx: ctx(admin) });
    expect(list.users.find((u) => u.id === user.id)).toMatchObject({ teamName: "T", role: "agent", hasTwoFactor: false });
  });

  it("binds a client user to exactly one client, naming the field when it is missing or misplaced", async () => {
    const missing = await createUser({ ctx: ctx(admin), input: { email: "c1@x.test", displayName: "C1", role: "client" } }).catch((e: unknown) => e);
    expect(isDomainError(missing, "VALIDATION") && missing.field).toBe("clientId");
    const misplaced = await createUser({ ctx: ctx(admin), input: { email: "c2@x.test", displayName: "C2", role: "agent", clientId } }).catch((e: unknown) => e);
    expect(isDomainError(misplaced, "VALIDATION") && misplaced.field).toBe("clientId");
    const { user } = await createUser({ ctx: ctx(admin), input: { email: "c3@x.test", displayName: "C3", role: "client", clientId } });
    expect(user.clientId).toBe(clientId);
    const duplicate = await createUser({ ctx: ctx(admin), input: { email: "C3@x.test", displayName: "Again", role: "client", clientId } }).catch((e: unknown) => e);
    expect(isDomainError(duplicate, "CONFLICT") && duplicate.field).toBe("email");
    const badEmail = await createUser({ ctx: ctx(admin), input: { email: "nope", displayName: "X", role: "agent" } }).catch((e: unknown) => e);
    expect(isDomainError(badEmail, "VALIDATION") && badEmail.field).toBe("email");
  });

  it("disables an account and ends its sessions; refuses to let an admin lock themselves out", async () => {
    const { user } = await createUser({ ctx: ctx(admin), input: { email: "leaver@x.test", displayName: "Leaver", role: "agent", teamId } });
    await createSession({ ctx: { db: t.db, clock }, input: { token: generateSessionToken(), userId: user.id } });
    await updateUser({ ctx: ctx(admin), input: { userId: user.id, displayName: "Leaver", role: "agent", teamId, isDisabled: true } });
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    const self = await updateUser({ ctx: ctx(admin), input: { userId: admin.kind === "user" ? admin.userId : "", displayName: "Boss", role: "admin", isDisabled: true } }).catch((e: unknown) => e);
    expect(isDomainError(self, "PRECONDITION_FAILED")).toBe(true);
    const unknown = await updateUser({ ctx: ctx(admin), input: { userId: "00000000-0000-4000-8000-000000000000", displayName: "X", role: "agent", isDisabled: false } }).catch((e: unknown) => e);
    expect(isDomainError(unknown, "NOT_FOUND")).toBe(true);
  });

  it("resets a password: the old one stops working, sessions end", async () => {
    const { user, temporaryPassword: first } = await createUser({ ctx: ctx(admin), input: { email: "forgot@x.test", displayName: "Forgot", role: "agent", teamId } });
    await createSession({ ctx: { db: t.db, clock }, input: { token: generateSessionToken(), userId: user.id } });
    const { temporaryPassword: second } = await resetUserPassword({ ctx: ctx(admin), input: { userId: user.id } });
    expect(await verifyPassword(await hashOf(user.id), first)).toBe(false);
    expect(await verifyPassword(await hashOf(user.id), second)).toBe(true);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
  });

  it("is for administrators only", async () => {
    for (const actor of [{ kind: "user", userId: "s", role: "supervisor" }, { kind: "user", userId: "c", role: "client", clientId }] as Actor[]) {
      for (const call of [() => listUsers({ ctx: ctx(actor) }), () => createUser({ ctx: ctx(actor), input: { email: "z@x.test", displayName: "Z", role: "agent" } })]) {
        const error = await call().catch((e: unknown) => e);
        expect(isDomainError(error, "FORBIDDEN")).toBe(true);
      }
    }
  });
});
