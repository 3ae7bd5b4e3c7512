import { clients } from "@recouvra/db";
import { DomainError } from "@recouvra/domain";
import { and, asc, eq } from "drizzle-orm";
import type { Ctx } from "../context.ts";

/** The clients `ctx.actor` may place cases for: a client user its own, staff every active client. */
export async function listImportClients({ ctx }: { ctx: Ctx }): Promise<{ id: string; name: string }[]> {
  const a = ctx.actor;
  if (a.kind === "debtor") throw new DomainError("FORBIDDEN", "Debtors cannot place cases.");
  const own = a.kind === "user" && a.role === "client" ? eq(clients.id, a.clientId ?? "00000000-0000-0000-0000-000000000000") : undefined;
  return ctx.db.select({ id: clients.id, name: clients.name }).from(clients).where(and(eq(clients.isActive, true), own)).orderBy(asc(clients.name));
}
