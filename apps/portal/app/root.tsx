import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { Alert, AppShell, Brand, LanguageSwitcher, PageHeader } from "@recouvra/ui";
import type { ReactNode } from "react";
import { ACCESS_TEXTS } from "~/i18n/access.ts";
import { DEFAULT_LOCALE, DICTIONARIES, isLocale, LOCALES } from "~/i18n/index.ts";
import { loadAgency } from "~/utils/agency.server.ts";
import { resolveLocale } from "~/utils/locale.server.ts";
import { findDebtorSessionForLayout } from "~/utils/session.server.ts";
import { useDictionary, useLocale } from "~/utils/use-locale.ts";
import stylesheet from "./app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.ico", sizes: "32x32" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  // The page chrome and <html lang> speak the language of the page below them. With a portal session
  // cookie that is the signed-in debtor's resolved language — the visitor's pick (`?lang=`, then the
  // language cookie), else the debtor's language on the case — found with one session lookup (none
  // without the cookie), side by side with the agency's details rather than before them.
  const [debtor, agency] = await Promise.all([findDebtorSessionForLayout(request), loadAgency()]);
  const { locale, setCookie } = await resolveLocale(request, { fallback: debtor?.session.debtorLocale });
  return data(
    { locale, agency, isSignedIn: debtor !== null },
    {
      headers: {
        // The same URL answers in several languages; caches must key on the cookie and the header.
        Vary: "Cookie, Accept-Language",
        ...(setCookie ? { "Set-Cookie": setCookie } : {}),
      },
    },
  );
}

// Every page has its own title; an error page (rendered by the root's boundary) gets one here, in the
// page language, so no page of the portal is left without a <title>.
export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  if (!error) return [];
  const t = DICTIONARIES[isLocale(data?.locale) ? data.locale : DEFAULT_LOCALE];
  const isNotFound = isRouteErrorResponse(error) && error.status === 404;
  return [{ title: `${isNotFound ? t.errors.notFoundTitle : t.errors.genericTitle} · ${t.portalName}` }];
};

/** The document around every page, error pages included. */
export function Layout({ children }: { children: ReactNode }) {
  const locale = useLocale();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        {/* Debtors' files are private: keep every portal page out of search engines. */}
        <meta name="robots" content="noindex, nofollow" />
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

function Shell({ children }: { children: ReactNode }) {
  const t = useDictionary();
  const locale = useLocale();
  const root = useRouteLoaderData<typeof loader>("root");
  const agencyName = root?.agency.status === "ok" ? root.agency.agency.name : null;
  return (
    <AppShell
      width="narrow"
      skipLinkLabel={t.skipToContent}
      brand={
        <Link to="/" className="no-underline">
          <Brand name={agencyName ?? t.portalName} tagline={agencyName ? t.portalName : undefined} />
        </Link>
      }
      actions={
        <div className="flex flex-wrap items-center justify-end gap-x-4 gap-y-2">
          <LanguageSwitcher
            label={t.languageSwitcherLabel}
            current={locale}
            options={LOCALES.map((l) => ({ locale: l, name: DICTIONARIES[l].languageName, href: `?lang=${l}` }))}
          />
          {root?.isSignedIn ? (
            <Form method="post" action="/sign-out">
              <button type="submit" className="min-h-10 rounded-lg px-2 text-sm font-medium text-brand-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600">
                {ACCESS_TEXTS[locale].signOut}
              </button>
            </Form>
          ) : null}
        </div>
      }
      footer={<p>{t.footer}</p>}
    >
      {children}
    </AppShell>
  );
}

export default function App() {
  return (
    <Shell>
      <Outlet />
    </Shell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useDictionary();
  const isNotFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <Shell>
      <PageHeader title={isNotFound ? t.errors.notFoundTitle : t.errors.genericTitle} />
      <Alert tone={isNotFound ? "info" : "caution"}>
        <p>{isNotFound ? t.errors.notFoundBody : t.errors.genericBody}</p>
        <p className="mt-2">
          <Link to="/">{t.errors.backHome}</Link>
        </p>
      </Alert>
    </Shell>
  );
}
