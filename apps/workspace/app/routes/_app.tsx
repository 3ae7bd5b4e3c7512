import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { AppShell, Brand, NavList, navLinkClasses } from "@recouvra/ui";
import { requireUser } from "~/utils/auth.server.ts";
import { ROLE_LABELS } from "~/utils/labels.ts";
import { navigationFor } from "~/utils/navigation.ts";

// Every page inside the workspace requires a signed-in user; this layout is where that is enforced.
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, actor } = await requireUser(request);
  return { user: { displayName: user.displayName, email: user.email, role: actor.role }, nav: navigationFor(actor.role) };
}

export default function SignedInLayout() {
  const { user, nav } = useLoaderData<typeof loader>();
  return (
    <AppShell
      navBelow
      brand={
        <NavLink to="/" className="no-underline" aria-label="Recouvra Agency workspace, home">
          <Brand name="Recouvra" tagline="Agency workspace" />
        </NavLink>
      }
      nav={
        <NavList label="Main">
          {nav.map((item) => (
            <NavLink key={item.to} to={item.to} className={({ isActive }) => navLinkClasses(isActive)}>
              {item.label}
            </NavLink>
          ))}
        </NavList>
      }
      actions={
        <div className="flex items-center gap-3 text-sm">
          <NavLink to="/account" className="text-right no-underline">
            <span className="block font-medium text-ink-900">{user.displayName}</span>
            <span className="block text-ink-600">{ROLE_LABELS[user.role]}</span>
          </NavLink>
          <Form method="post" action="/sign-out">
            <button type="submit" className="rounded-md border border-ink-300 px-3 py-1.5 hover:bg-ink-50">
              Sign out
            </button>
          </Form>
        </div>
      }
      footer={<p>Recouvra — amicable debt collection, open source.</p>}
    >
      <Outlet />
    </AppShell>
  );
}
