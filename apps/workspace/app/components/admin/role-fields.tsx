import { useState } from "react";
import type { UserRole } from "@recouvra/core";
import { ROLE_LABELS } from "~/utils/labels.ts";

const ROLES: UserRole[] = ["agent", "supervisor", "admin", "client"];

/** Role, and the client or team that goes with it: a client user belongs to a client, staff to a team. */
export function RoleFields(props: {
  clients: { id: string; name: string }[];
  teams: { id: string; name: string }[];
  defaults?: { role: UserRole; clientId: string | null; teamId: string | null };
  errors?: Partial<Record<"role" | "clientId" | "teamId", string>>;
}) {
  const [role, setRole] = useState<UserRole>(props.defaults?.role ?? "agent");
  const select = "rounded-md border border-ink-300 bg-white px-3 py-2";
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div className="flex flex-col gap-1">
        <label htmlFor="role" className="text-sm font-medium text-ink-800">
          Role
        </label>
        <select id="role" name="role" value={role} onChange={(e) => setRole(e.target.value as UserRole)} className={select}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </div>
      {role === "client" ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="clientId" className="text-sm font-medium text-ink-800">
            Client creditor
          </label>
          <select id="clientId" name="clientId" defaultValue={props.defaults?.clientId ?? ""} aria-invalid={props.errors?.clientId ? true : undefined} aria-describedby={props.errors?.clientId ? "clientId-error" : undefined} className={select}>
            <option value="">Choose a client</option>
            {props.clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          {props.errors?.clientId ? (
            <p id="clientId-error" className="text-sm font-medium text-critical-700">
              {props.errors.clientId}
            </p>
          ) : null}
        </div>
      ) : (
        <div className="flex flex-col gap-1">
          <label htmlFor="teamId" className="text-sm font-medium text-ink-800">
            Team
          </label>
          <select id="teamId" name="teamId" defaultValue={props.defaults?.teamId ?? ""} className={select}>
            <option value="">{role === "agent" ? "No team (sees only assigned cases)" : "No team (all teams)"}</option>
            {props.teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}
