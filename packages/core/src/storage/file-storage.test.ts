import { storedFiles } from "@recouvra/db";
import { useTestDb } from "@recouvra/db/testing";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { databaseFileStorage as storage } from "./file-storage.ts";

const t = useTestDb();
const bytesOf = (...values: number[]) => new Uint8Array(values);

describe("databaseFileStorage", () => {
  it("puts, gets and deletes bytes by key, byte for byte", async () => {
    const every = new Uint8Array(256).map((_, i) => i);
    await storage.put(t.db, "test/every-byte", every);
    expect(await storage.get(t.db, "test/every-byte")).toEqual(every);
    await storage.delete(t.db, "test/every-byte");
    expect(await storage.get(t.db, "test/every-byte")).toBeNull();
    await storage.delete(t.db, "test/every-byte");
  });

  it("writes through the caller's transaction: a rollback leaves nothing behind", async () => {
    const rolledBack = await t.db
      .transaction(async (tx) => {
        await storage.put(tx, "test/rolled-back", bytesOf(1, 2, 3));
        expect(await storage.get(tx, "test/rolled-back")).toEqual(bytesOf(1, 2, 3));
        throw new Error("the document row failed");
      })
      .catch((e: unknown) => e);
    expect((rolledBack as Error).message).toBe("the document row failed");
    expect(await t.db.select().from(storedFiles).where(eq(storedFiles.key, "test/rolled-back"))).toEqual([]);
  });

  it("never overwrites a key", async () => {
    await storage.put(t.db, "test/once", bytesOf(1));
    await expect(storage.put(t.db, "test/once", bytesOf(2))).rejects.toThrow();
    expect(await storage.get(t.db, "test/once")).toEqual(bytesOf(1));
  });
});
