/** Hands a case to another case handler or team. Agents move cases within their own team only. */
import { cases, teams, users } from "@recouvra/db";
import { DomainError } from "@recouvra/domain";
import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../context.ts";
import { isUuid, requireWorkableCase } from "../../scope.ts";
import { auditFor, bumpVersion, clockOf, lockWorkableCase, parseInput } from "./shared.ts";

const optionalId = (field: string) =>
  z
    .string()
    .trim()
    .refine((s) => s === "" || isUuid(s), `${field} is not a valid choice`)
    .transform((s) => (s === "" ? null : s))
    .nullable()
    .optional();

export const ReassignCaseInputSchema = z
  .object({ caseId: z.string(), assignedUserId: optionalId("assignedUserId"), teamId: optionalId("teamId") })
  .refine((v) => v.assignedUserId || v.teamId, { path: ["assignedUserId"], message: "assignedUserId: choose a case handler or a team" });
export type ReassignCaseInput = z.input<typeof ReassignCaseInputSchema>;

/** The people and teams a case can be handed to (the reassign form's choices). */
export async function listAssignees({ ctx, input }: { ctx: Ctx; input: { caseId: string } }) {
  const kase = await requireWorkableCase(ctx.db, ctx.actor, input.caseId);
  const people = await ctx.db
    .select({ id: users.id, name: users.displayName, role: users.role, teamId: users.teamId })
    .from(users)
    .where(and(inArray(users.role, ["agent", "supervisor"]), eq(users.isDisabled, false)))
    .orderBy(asc(users.displayName));
  const allTeams = await ctx.db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name));
  const actor = ctx.actor;
  const ownTeamOnly = actor.kind === "user" && actor.role === "agent";
  const teamId = actor.kind === "user" ? actor.teamId : undefined;
  return {
    current: { assignedUserId: kase.assignedUserId, teamId: kase.teamId },
    people: ownTeamOnly ? people.filter((p) => p.teamId === teamId) : people,
    teams: ownTeamOnly ? allTeams.filter((t) => t.id === teamId) : allTeams,
  };
}

/** Reassigns the case to a case handler (their team follows) and/or a team. */
export async function reassignCase({ ctx, input }: { ctx: Ctx; input: ReassignCaseInput }): Promise<{ assignedUserId: string | null; teamId: string | null }> {
  const data = parseInput(ReassignCaseInputSchema, input);
  const { now } = clockOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const kase = await lockWorkableCase(tx, ctx, data.caseId);
    let assignedUserId = data.assignedUserId ?? null;
    let teamId = data.teamId ?? null;
    if (assignedUserId) {
      const [person] = await tx.select().from(users).where(eq(users.id, assignedUserId));
      if (!person || person.isDisabled || (person.role !== "agent" && person.role !== "supervisor")) {
        throw new DomainError("VALIDATION", "assignedUserId must be an active case handler or supervisor", { field: "assignedUserId" });
      }
      if (teamId && person.teamId && person.teamId !== teamId) throw new DomainError("VALIDATION", "teamId: this case handler belongs to another team", { field: "teamId" });
      teamId = teamId ?? person.teamId ?? kase.teamId;
    } else if (teamId) {
      const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
      if (!team) throw new DomainError("VALIDATION", "teamId is not a team", { field: "teamId" });
      // A new team picks its own handler.
      assignedUserId = kase.teamId === teamId ? kase.assignedUserId : null;
    }
    const actor = ctx.actor;
    if (actor.kind === "user" && actor.role === "agent" && teamId !== (actor.teamId ?? kase.teamId)) {
      throw new DomainError("FORBIDDEN", "Only a supervisor can move a case to another team.");
    }
    if (assignedUserId === kase.assignedUserId && teamId === kase.teamId) {
      throw new DomainError("CONFLICT", "The case is already assigned this way.", { field: "assignedUserId" });
    }
    await tx.update(cases).set({ ...bumpVersion, assignedUserId, teamId }).where(eq(cases.id, kase.id));
    await auditFor(tx, ctx, kase, now).event("case.reassigned", "case", kase.id, {
      from: { assignedUserId: kase.assignedUserId, teamId: kase.teamId },
      to: { assignedUserId, teamId },
    });
    return { assignedUserId, teamId };
  });
}
