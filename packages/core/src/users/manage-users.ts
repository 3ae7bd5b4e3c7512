/**
 * Administrators manage who signs in: staff (admin, supervisor, agent, each agent in a team) and client
 * users bound to one client. A new account gets a temporary password shown once to the administrator,
 * who hands it over; disabling an account or resetting its password ends its sessions at once.
 */
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { appendAuditEvent, clients, sessions, teams, users, type DbOrTx, type User } from "@recouvra/db";
import { DomainError, LOCALES, USER_ROLES, type UserRole } from "@recouvra/domain";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { hashPassword } from "../auth/passwords.ts";
import type { Ctx } from "../context.ts";
import { isUuid } from "../scope.ts";

/** An account as the administrators' list shows it (never the password hash or TOTP secret). */
export interface UserSummary {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  clientId: string | null;
  clientName: string | null;
  teamId: string | null;
  teamName: string | null;
  isDisabled: boolean;
  hasTwoFactor: boolean;
  lastLoginAt: Date | null;
}

function requireAdmin(ctx: Ctx): string {
  if (ctx.actor.kind === "user" && ctx.actor.role === "admin") return ctx.actor.userId;
  throw new DomainError("FORBIDDEN", "Only an administrator can manage accounts.");
}

function validation(error: z.ZodError): DomainError {
  const issue = error.issues[0]!;
  return new DomainError("VALIDATION", issue.message, { field: issue.path.map(String).join(".") });
}

/** A temporary password: 80 random bits, readable aloud (base32, lower case). */
function temporaryPassword(): string {
  const bytes = new Uint8Array(10);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** Every account with its client and team, and the choices the forms offer. */
export async function listUsers({ ctx }: { ctx: Ctx }): Promise<{ users: UserSummary[]; clients: { id: string; name: string }[]; teams: { id: string; name: string }[] }> {
  requireAdmin(ctx);
  const rows = await ctx.db
    .select({ user: users, clientName: clients.name, teamName: teams.name })
    .from(users)
    .leftJoin(clients, eq(clients.id, users.clientId))
    .leftJoin(teams, eq(teams.id, users.teamId))
    .orderBy(asc(users.role), asc(users.displayName));
  return {
    users: rows.map((r) => summary(r.user, r.clientName, r.teamName)),
    clients: await ctx.db.select({ id: clients.id, name: clients.name }).from(clients).orderBy(asc(clients.name)),
    teams: await ctx.db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name)),
  };
}

function summary(user: User, clientName: string | null, teamName: string | null): UserSummary {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role as UserRole,
    clientId: user.clientId,
    clientName,
    teamId: user.teamId,
    teamName,
    isDisabled: user.isDisabled,
    hasTwoFactor: user.totpEnabledAt !== null,
    lastLoginAt: user.lastLoginAt,
  };
}

const RoleBinding = z
  .object({
    role: z.enum(USER_ROLES, { error: "role must be admin, supervisor, agent or client" }),
    clientId: z.string().refine(isUuid, "clientId must be a client").optional(),
    teamId: z.string().refine(isUuid, "teamId must be a team").optional(),
  })
  .superRefine((v, issue) => {
    // A client user without a client would see nothing or, worse, everything.
    if (v.role === "client" && !v.clientId) issue.addIssue({ code: "custom", path: ["clientId"], message: "A client user must belong to a client" });
    if (v.role !== "client" && v.clientId) issue.addIssue({ code: "custom", path: ["clientId"], message: "Only client users belong to a client" });
    if (v.role === "client" && v.teamId) issue.addIssue({ code: "custom", path: ["teamId"], message: "Client users are not in an agency team" });
  });

export const CreateUserInputSchema = z
  .object({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: "email must be an email address" })),
    displayName: z.string().trim().min(1, "displayName is required").max(120, "displayName is at most 120 characters"),
    locale: z.enum(LOCALES).default("en"),
  })
  .and(RoleBinding);
export type CreateUserInput = z.input<typeof CreateUserInputSchema>;

async function assertRefs(db: DbOrTx, clientId?: string, teamId?: string): Promise<void> {
  if (clientId && (await db.select({ id: clients.id }).from(clients).where(eq(clients.id, clientId))).length === 0) {
    throw new DomainError("VALIDATION", "This client does not exist", { field: "clientId" });
  }
  if (teamId && (await db.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId))).length === 0) {
    throw new DomainError("VALIDATION", "This team does not exist", { field: "teamId" });
  }
}

/** Opens an account and returns its temporary password (shown once; only its hash is kept). */
export async function createUser({ ctx, input }: { ctx: Ctx; input: CreateUserInput }): Promise<{ user: UserSummary; temporaryPassword: string }> {
  const adminId = requireAdmin(ctx);
  const parsed = CreateUserInputSchema.safeParse(input);
  if (!parsed.success) throw validation(parsed.error);
  const v = parsed.data;
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const created = await ctx.db.transaction(async (tx) => {
    await assertRefs(tx, v.clientId, v.teamId);
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, v.email));
    if (existing) throw new DomainError("CONFLICT", "An account with this email already exists", { field: "email" });
    const [user] = await tx
      .insert(users)
      .values({ email: v.email, displayName: v.displayName, role: v.role, clientId: v.clientId ?? null, teamId: v.teamId ?? null, locale: v.locale, passwordHash })
      .returning();
    await appendAuditEvent(tx, {
      occurredAt: ctx.clock.now(),
      actorKind: "user",
      actorId: adminId,
      action: "user.created",
      entityType: "user",
      entityId: user!.id,
      clientId: user!.clientId,
      data: { email: v.email, role: v.role, teamId: v.teamId ?? null },
    });
    return user!;
  });
  return { user: summary(created, null, null), temporaryPassword: password };
}

export const UpdateUserInputSchema = z
  .object({
    userId: z.string().refine(isUuid, "userId must be an account"),
    displayName: z.string().trim().min(1, "displayName is required").max(120, "displayName is at most 120 characters"),
    isDisabled: z.boolean(),
  })
  .and(RoleBinding);
export type UpdateUserInput = z.input<typeof UpdateUserInputSchema>;

async function requireUserRow(db: DbOrTx, userId: string): Promise<User> {
  const [row] = isUuid(userId) ? await db.select().from(users).where(eq(users.id, userId)) : [];
  if (!row) throw new DomainError("NOT_FOUND", "This account does not exist.");
  return row;
}

/** Changes an account's role, client, team, name or disabled state; disabling ends its sessions. */
export async function updateUser({ ctx, input }: { ctx: Ctx; input: UpdateUserInput }): Promise<UserSummary> {
  const adminId = requireAdmin(ctx);
  const parsed = UpdateUserInputSchema.safeParse(input);
  if (!parsed.success) throw validation(parsed.error);
  const v = parsed.data;
  if (v.userId === adminId && (v.isDisabled || v.role !== "admin")) {
    // Otherwise the last administrator could lock everyone out of the settings.
    throw new DomainError("PRECONDITION_FAILED", "You cannot disable your own account or remove your own administrator role", { field: "role" });
  }
  const updated = await ctx.db.transaction(async (tx) => {
    const before = await requireUserRow(tx, v.userId);
    await assertRefs(tx, v.clientId, v.teamId);
    const [after] = await tx
      .update(users)
      .set({ displayName: v.displayName, role: v.role, clientId: v.clientId ?? null, teamId: v.teamId ?? null, isDisabled: v.isDisabled })
      .where(eq(users.id, v.userId))
      .returning();
    // A changed role or client changes what the sessions may see: sign them out too.
    if (v.isDisabled || before.role !== v.role || before.clientId !== (v.clientId ?? null)) {
      await tx.delete(sessions).where(eq(sessions.userId, v.userId));
    }
    await appendAuditEvent(tx, {
      occurredAt: ctx.clock.now(),
      actorKind: "user",
      actorId: adminId,
      action: v.isDisabled && !before.isDisabled ? "user.disabled" : "user.updated",
      entityType: "user",
      entityId: v.userId,
      clientId: after!.clientId ?? before.clientId,
      data: {
        before: { role: before.role, clientId: before.clientId, teamId: before.teamId, isDisabled: before.isDisabled },
        after: { role: v.role, clientId: v.clientId ?? null, teamId: v.teamId ?? null, isDisabled: v.isDisabled },
      },
    });
    return after!;
  });
  return summary(updated, null, null);
}

/** Gives an account a new temporary password and ends its sessions (lost password, left device). */
export async function resetUserPassword({ ctx, input }: { ctx: Ctx; input: { userId: string } }): Promise<{ temporaryPassword: string }> {
  const adminId = requireAdmin(ctx);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    const user = await requireUserRow(tx, input.userId);
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    await appendAuditEvent(tx, {
      occurredAt: ctx.clock.now(),
      actorKind: "user",
      actorId: adminId,
      action: "user.password_reset",
      entityType: "user",
      entityId: user.id,
      clientId: user.clientId,
      data: {},
    });
  });
  return { temporaryPassword: password };
}
