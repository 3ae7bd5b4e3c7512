import { LOCALES, USER_ROLES } from "@recouvra/domain";
import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { clients } from "./clients.ts";
import { checkIn, createdAt, instant, updatedAt } from "./helpers.ts";

/** Teams of agents under a supervisor; the work queue can be split by team. */
export const teams = pgTable(
  "teams",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique("teams_name_key").on(t.name)],
);
export type Team = typeof teams.$inferSelect;
export type NewTeam = typeof teams.$inferInsert;

/**
 * People who sign in to the workspace: agency staff, or a client user bound to exactly one client
 * (the binding is `clientId`, present exactly when role = 'client').
 */
export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    // Stored lower-case so the unique key is case-insensitive without citext.
    email: text().notNull(),
    displayName: text().notNull(),
    // Null until the user sets a password (invitation pending) or for SSO-only accounts.
    passwordHash: text(),
    role: text().notNull(),
    clientId: uuid().references(() => clients.id, { onDelete: "restrict" }),
    teamId: uuid().references(() => teams.id, { onDelete: "set null" }),
    totpSecret: text(),
    // Set once the user proved the authenticator works; from then on sign-in asks for a code.
    totpEnabledAt: instant(),
    locale: text().notNull().default("en"),
    isDisabled: boolean().notNull().default(false),
    lastLoginAt: instant(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Sign-in looks users up by email.
    unique("users_email_key").on(t.email),
    check("users_email_lower_check", sql`${t.email} = lower(${t.email})`),
    checkIn("users_role_check", t.role, USER_ROLES),
    checkIn("users_locale_check", t.locale, LOCALES),
    // A client user without a client would see nothing or, worse, everything.
    check("users_client_binding_check", sql`(${t.role} = 'client') = (${t.clientId} IS NOT NULL)`),
    // A client's users in its settings page.
    index("users_client_idx").on(t.clientId),
    // Agents of a team, for assignment and the supervisor's view.
    index("users_team_idx").on(t.teamId),
  ],
);
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/** Workspace sessions. The id is the sha256 (hex) of the cookie token, so a leaked table grants nothing. */
export const sessions = pgTable(
  "sessions",
  {
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: instant().notNull(),
    createdAt: createdAt(),
    lastSeenAt: instant().notNull().defaultNow(),
    ip: text(),
    userAgent: text(),
    // Lucia's two-factor design: a session of a TOTP user is usable only once the code was given.
    isTwoFactorVerified: boolean().notNull().default(false),
  },
  (t) => [
    check("sessions_id_sha256_check", sql`${t.id} ~ '^[0-9a-f]{64}$'`),
    // Listing and revoking a user's sessions (sign out everywhere, disabling a user).
    index("sessions_user_idx").on(t.userId),
    // Purging expired sessions.
    index("sessions_expires_at_idx").on(t.expiresAt),
  ],
);
export type Session = typeof sessions.$inferSelect;
export type NewSession = typeof sessions.$inferInsert;
