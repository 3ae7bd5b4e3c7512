import { cases } from "@recouvra/db";
import { count, ne } from "drizzle-orm";
import { assertStaffOrSystem } from "../access.ts";
import type { Ctx } from "../context.ts";

/** How many cases are not closed, agency-wide (the worker logs it at start). Staff and the platform only. */
export async function countOpenCases({ ctx }: { ctx: Ctx }): Promise<number> {
  assertStaffOrSystem(ctx.actor, "agency-wide case counts");
  const [row] = await ctx.db.select({ n: count() }).from(cases).where(ne(cases.stage, "closed"));
  return row?.n ?? 0;
}
