import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { Alert, PageHeader, Toast } from "@recouvra/ui";
import type { ReactNode } from "react";
import stylesheet from "./app.css?url";
import { readToast } from "./utils/toast.server.ts";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.ico", sizes: "32x32" },
];

export const meta: MetaFunction = () => [{ title: "Recouvra workspace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { toast, headers } = readToast(request);
  return data({ toast }, { headers });
}

/** The document around every page, error pages included. */
export function Layout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  const { toast } = useLoaderData<typeof loader>();
  return (
    <>
      <Outlet />
      <Toast toast={toast} />
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const isResponse = isRouteErrorResponse(error);
  const notFound = isResponse && error.status === 404;
  if (!notFound && !isResponse) console.error(error);
  return (
    <main id="main-content" className="mx-auto max-w-3xl px-4 py-10">
      <PageHeader title={notFound ? "Page not found" : "Something went wrong"} />
      <Alert tone={notFound ? "info" : "critical"}>
        <p>
          {notFound
            ? "There is nothing at this address, or it is not yours to see. Check the link."
            : "The page could not be shown. Try again in a moment; if it keeps happening, tell your administrator."}
        </p>
        <p className="mt-2">
          <a href="/">Go to your home page</a>
        </p>
      </Alert>
    </main>
  );
}
