import type { UserRole } from "@recouvra/core";

/** One entry of the main navigation. */
export interface NavItem {
  to: string;
  label: string;
}

/** The main navigation of each role: what that person works with every day. */
export function navigationFor(role: UserRole): NavItem[] {
  switch (role) {
    case "agent":
      return [
        { to: "/queue", label: "Work queue" },
        { to: "/cases", label: "Cases" },
        { to: "/imports", label: "Placements" },
        { to: "/outbox", label: "Outbox" },
      ];
    case "supervisor":
    case "admin":
      return [
        { to: "/queue", label: "Work queue" },
        { to: "/cases", label: "Cases" },
        { to: "/approvals", label: "Approvals" },
        { to: "/team", label: "Team" },
        { to: "/portfolio", label: "Portfolio" },
        { to: "/imports", label: "Placements" },
        { to: "/outbox", label: "Outbox" },
        { to: "/admin/clients", label: "Clients" },
        { to: "/admin/templates", label: "Templates" },
        { to: "/status", label: "Status" },
        ...(role === "admin" ? [{ to: "/admin/users", label: "Accounts" }] : []),
      ];
    case "client":
      return [
        { to: "/portfolio", label: "Portfolio" },
        { to: "/cases", label: "Cases" },
        { to: "/approvals", label: "Approvals" },
        { to: "/imports", label: "Place cases" },
      ];
  }
}

/** Where each role lands after signing in. */
export function homeFor(role: UserRole): string {
  return role === "client" ? "/portfolio" : "/queue";
}
