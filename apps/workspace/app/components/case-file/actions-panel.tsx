import { NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import { CASE_ACTIONS } from "~/utils/case-file.ts";

/**
 * The staff's actions on the case: links to the nested action routes, and the open action's form
 * (the route's `<Outlet />`) right under them.
 */
export function ActionsPanel({ caseId, canWork, canRecall = false, children }: { caseId: string; canWork: boolean; canRecall?: boolean; children: ReactNode }) {
  if (!canWork && !canRecall && !children) return null;
  return (
    <section aria-labelledby="case-actions-heading" className="rounded-card border border-ink-200 bg-white p-4 shadow-card">
      <h2 id="case-actions-heading" className="text-lg font-semibold text-ink-900">
        Actions
      </h2>
      {canWork ? (
        <nav aria-label="Case actions" className="mt-3">
          <ul className="flex flex-wrap gap-2 lg:flex-col lg:gap-1">
            {CASE_ACTIONS.map((a) => (
              <li key={a.slug}>
                <NavLink
                  to={`/cases/${caseId}/${a.slug}`}
                  preventScrollReset
                  className={({ isActive }) =>
                    `inline-flex min-h-10 w-full items-center rounded-lg border px-3 text-sm font-medium no-underline ${
                      isActive ? "border-brand-700 bg-brand-700 text-white" : "border-ink-300 bg-white text-ink-900 hover:bg-ink-100"
                    }`
                  }
                >
                  {a.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {canRecall && !children ? (
        <p className="mt-3 text-sm text-ink-700">
          Paid directly, or no longer to be collected?{" "}
          <NavLink to={`/cases/${caseId}/recall`} preventScrollReset>
            Recall this case
          </NavLink>
        </p>
      ) : null}
      {children ? <div className="mt-4 border-t border-ink-200 pt-4">{children}</div> : null}
    </section>
  );
}
