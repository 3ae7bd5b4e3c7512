import { useTestDb } from "@recouvra/db/testing";
import { describe, expect, it } from "vitest";
import { databaseProblem, openDatabase, pingDatabase } from "./database.ts";

const t = useTestDb();

describe("database helpers", () => {
  it("pings a live database", async () => {
    await expect(pingDatabase({ ctx: { db: t.db } })).resolves.toBeUndefined();
  });

  it("classifies a refused connection as unreachable", async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const handle = await openDatabase({ url: "postgres://postgres@127.0.0.1:1/none", max: 1 });
    const error = await pingDatabase({ ctx: handle }).catch((e: unknown) => e);
    await handle.close();
    expect(databaseProblem(error)).toBe("unreachable");
  });

  it("classifies a missing table as not migrated, and leaves other errors alone", async () => {
    const missing = await t.sql`select * from no_such_table`.catch((e: unknown) => e);
    expect(databaseProblem(missing)).toBe("not_migrated");
    expect(databaseProblem(new Error("boom"))).toBeNull();
    const syntax = await t.sql`selec 1`.catch((e: unknown) => e);
    expect(databaseProblem(syntax)).toBeNull();
  });
});
