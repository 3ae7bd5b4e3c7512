import { clients, users } from "@recouvra/db";
import { useTestDb } from "@recouvra/db/testing";
import { isDomainError } from "@recouvra/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock, type Actor, type Ctx } from "../context.ts";
import { authenticateClientApiKey, createClientApiKey, listClientApiKeys, revokeClientApiKey } from "./client-api-keys.ts";

const t = useTestDb();
const clock = fixedClock("2026-11-22T10:00:00Z");
const ctx = (actor: Actor): Ctx => ({ db: t.db, clock, actor });
let admin: Actor;
let clientA = "";
let clientB = "";

beforeAll(async () => {
  const [a] = await t.db.insert(users).values({ email: "root@x.test", displayName: "Root", role: "admin" }).returning();
  admin = { kind: "user", userId: a!.id, role: "admin" };
  const rows = await t.db
    .insert(clients)
    .values([
      { name: "A", legalName: "A SA", jurisdiction: "BE", countryCode: "BE" },
      { name: "B", legalName: "B BV", jurisdiction: "NL", countryCode: "NL" },
    ])
    .returning();
  clientA = rows[0]!.id;
  clientB = rows[1]!.id;
});

describe("client API keys", () => {
  it("are listed by prefix only, and a revoked key stops working at once", async () => {
    const { id, key, prefix } = await createClientApiKey({ ctx: ctx(admin), input: { clientId: clientA, name: "ERP" } });
    expect(await authenticateClientApiKey(t.db, key, clock.now())).not.toBeNull();
    const listed = await listClientApiKeys({ ctx: ctx({ kind: "user", userId: "s", role: "supervisor" }), input: { clientId: clientA } });
    expect(listed).toEqual([expect.objectContaining({ id, name: "ERP", prefix, revokedAt: null })]);
    expect(JSON.stringify(listed)).not.toContain(key);
    expect(listed[0]!.lastUsedAt).not.toBeNull();

    await revokeClientApiKey({ ctx: ctx(admin), input: { clientId: clientA, keyId: id } });
    expect(await authenticateClientApiKey(t.db, key, clock.now())).toBeNull();
    const again = await revokeClientApiKey({ ctx: ctx(admin), input: { clientId: clientA, keyId: id } }).catch((e: unknown) => e);
    expect(isDomainError(again, "NOT_FOUND")).toBe(true);
  });

  it("cannot be revoked through another client, nor by a supervisor; names a missing name", async () => {
    const { id } = await createClientApiKey({ ctx: ctx(admin), input: { clientId: clientA, name: "Billing" } });
    const crossed = await revokeClientApiKey({ ctx: ctx(admin), input: { clientId: clientB, keyId: id } }).catch((e: unknown) => e);
    expect(isDomainError(crossed, "NOT_FOUND")).toBe(true);
    const supervisor = await revokeClientApiKey({ ctx: ctx({ kind: "user", userId: "s", role: "supervisor" }), input: { clientId: clientA, keyId: id } }).catch((e: unknown) => e);
    expect(isDomainError(supervisor, "FORBIDDEN")).toBe(true);
    const client = await listClientApiKeys({ ctx: ctx({ kind: "user", userId: "c", role: "client", clientId: clientA }), input: { clientId: clientA } }).catch((e: unknown) => e);
    expect(isDomainError(client, "FORBIDDEN")).toBe(true);
    const unnamed = await createClientApiKey({ ctx: ctx(admin), input: { clientId: clientA, name: " " } }).catch((e: unknown) => e);
    expect(isDomainError(unnamed, "VALIDATION") && unnamed.field).toBe("name");
  });
});
