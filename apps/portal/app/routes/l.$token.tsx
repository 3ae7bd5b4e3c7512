import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Alert, buttonClasses } from "@recouvra/ui";
import { ACCESS_TEXTS } from "~/i18n/access.ts";
import { DEFAULT_LOCALE, isLocale } from "~/i18n/index.ts";
import type { loader as rootLoader } from "~/root.tsx";
import { openLink } from "~/utils/sign-in.server.ts";
import { useLocale } from "~/utils/use-locale.ts";

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data;
  return [{ title: ACCESS_TEXTS[isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE].link.metaTitle }];
};

// A GET that opens a session: mail scanners that prefetch links only open a session nobody holds,
// since the cookie goes to them, and the link itself stays usable until it expires.
export async function loader({ request, params }: LoaderFunctionArgs) {
  return openLink(request, params.token ?? "");
}

/** Shown for every link that does not open: unknown, expired and revoked alike. */
export default function PersonalLink() {
  const { failure } = useLoaderData<typeof loader>();
  const t = ACCESS_TEXTS[useLocale()].link;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight text-ink-900 sm:text-3xl">{t.invalidTitle}</h1>
      <Alert tone="info">
        <p>{failure === "locked" ? t.locked : t.invalidBody}</p>
      </Alert>
      <p>
        <Link to="/#sign-in" className={buttonClasses({ variant: "primary" })}>
          {t.useReference}
        </Link>
      </p>
    </div>
  );
}
