import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from "@remix-run/react";
import type { AgencyProfile } from "@recouvra/core";
import { Alert, Button, Card, TextField } from "@recouvra/ui";
import type { ReactNode } from "react";
import { ACCESS_TEXTS } from "~/i18n/access.ts";
import { DEFAULT_LOCALE, DICTIONARIES, interpolate, isLocale } from "~/i18n/index.ts";
import type { loader as rootLoader } from "~/root.tsx";
import { formatOpeningHours } from "~/utils/opening-hours.ts";
import { findDebtorSessionForLayout } from "~/utils/session.server.ts";
import { CASE_HOME, signInWithAccessCode, type SignInReply } from "~/utils/sign-in.server.ts";
import { useDictionary, useLocale } from "~/utils/use-locale.ts";

export const meta: MetaFunction<unknown, { root: typeof rootLoader }> = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data;
  const t = DICTIONARIES[isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE];
  const agencyName = root?.agency.status === "ok" ? root.agency.agency.name : null;
  return [
    { title: agencyName ? `${t.meta.title} · ${agencyName}` : t.meta.title },
    { name: "description", content: t.meta.description },
  ];
};

// A debtor already signed in has nothing to do on the sign-in page: straight to their file.
export async function loader({ request }: LoaderFunctionArgs) {
  if (await findDebtorSessionForLayout(request)) throw redirect(CASE_HOME);
  return { isSignedOut: new URL(request.url).searchParams.has("signed-out") };
}

export async function action({ request }: ActionFunctionArgs) {
  return signInWithAccessCode(request);
}

// The agency's details come from the root loader, which every portal page needs for its header.
export default function PortalLanding() {
  const t = useDictionary();
  const agency = useRouteLoaderData<typeof rootLoader>("root")?.agency ?? { status: "unavailable" as const };
  const agencyName = agency.status === "ok" ? agency.agency.name : null;
  const { isSignedOut } = useLoaderData<typeof loader>();
  const signedOutText = ACCESS_TEXTS[useLocale()].signIn.signedOut;

  return (
    <div className="flex flex-col gap-8">
      <header>
        <h1 className="text-3xl font-bold tracking-tight text-ink-900 sm:text-4xl">{t.hero.title}</h1>
        <p className="mt-3 text-lg text-ink-700">{agencyName ? interpolate(t.hero.intro, { agency: agencyName }) : t.hero.introWithoutAgency}</p>
      </header>

      {isSignedOut ? (
        <Alert tone="positive" live="status">
          <p>{signedOutText}</p>
        </Alert>
      ) : null}

      <SignInForm />

      <Card title={t.access.title}>
        <ol className="flex flex-col gap-5">
          <Step number={1} title={t.access.linkTitle}>
            {t.access.linkBody}
          </Step>
          <Step number={2} title={t.access.codeTitle}>
            {t.access.codeBody}
          </Step>
          <Step number={3} title={t.access.noLetterTitle}>
            {t.access.noLetterBody}
          </Step>
        </ol>
      </Card>

      <Card title={t.promises.title}>
        <ul className="flex flex-col gap-3">
          {t.promises.items.map((item) => (
            <li key={item} className="flex gap-3">
              <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-1 size-5 shrink-0 fill-positive-600">
                <path d="M10 1a9 9 0 1 0 0 18 9 9 0 0 0 0-18Zm4.2 6.7-5 5.2a.9.9 0 0 1-1.3 0L5.8 10.8a.9.9 0 1 1 1.3-1.3l1.5 1.5 4.3-4.5a.9.9 0 1 1 1.3 1.2Z" />
              </svg>
              <span>{item}</span>
            </li>
          ))}
        </ul>
      </Card>

      <Card title={t.contact.title} description={t.contact.description}>
        {agency.status === "ok" ? (
          <AgencyContact agency={agency.agency} />
        ) : (
          <Alert tone={agency.status === "unavailable" ? "caution" : "info"}>
            <p>{agency.status === "unavailable" ? t.contact.unavailable : t.contact.notConfigured}</p>
          </Alert>
        )}
      </Card>

      <Alert tone="info" title={t.safety.title}>
        <p>{t.safety.body}</p>
      </Alert>
    </div>
  );
}

/** Reference + access code; every refusal reads the same whether the reference exists or not. */
function SignInForm() {
  const t = ACCESS_TEXTS[useLocale()].signIn;
  // The action answers with a redirect or a SignInReply; only the latter reaches the page.
  const errors = (useActionData<typeof action>() as SignInReply | undefined) ?? null;
  const isSubmitting = useNavigation().state === "submitting";
  const fieldText = (key: "reference" | "accessCode") => (errors?.fieldErrors[key] ? t[errors.fieldErrors[key]] : null);
  return (
    <section id="sign-in" aria-labelledby="sign-in-title" className="scroll-mt-4 rounded-xl border border-ink-200 bg-white p-5 shadow-sm sm:p-6">
      <h2 id="sign-in-title" className="text-xl font-semibold text-ink-900">
        {t.title}
      </h2>
      <p className="mt-1 text-ink-700">{t.intro}</p>
      {errors?.formError ? (
        <Alert tone="caution" live="alert" title={t.errorTitle} className="mt-4" id="sign-in-error">
          <p>{t[errors.formError]}</p>
        </Alert>
      ) : null}
      <Form method="post" className="mt-4 flex flex-col gap-4" noValidate>
        <TextField
          label={t.referenceLabel}
          description={t.referenceHelp}
          name="reference"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
          defaultValue={errors?.reference ?? ""}
          error={fieldText("reference")}
          describedBy={errors?.formError ? "sign-in-error" : undefined}
        />
        <TextField
          label={t.accessCodeLabel}
          description={t.accessCodeHelp}
          name="accessCode"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
          error={fieldText("accessCode")}
        />
        <div>
          <Button type="submit" disabled={isSubmitting}>
            {t.submit}
          </Button>
        </div>
      </Form>
    </section>
  );
}

function Step({ number, title, children }: { number: number; title: string; children: ReactNode }) {
  return (
    <li className="flex gap-4">
      <span aria-hidden="true" className="flex size-8 shrink-0 items-center justify-center rounded-full bg-brand-100 font-semibold text-brand-800">
        {number}
      </span>
      <div>
        <h3 className="font-semibold text-ink-900">{title}</h3>
        <p className="mt-1 text-ink-700">{children}</p>
      </div>
    </li>
  );
}

function AgencyContact({ agency }: { agency: AgencyProfile }) {
  const t = useDictionary();
  const locale = useLocale();
  const rows: { label: string; value: ReactNode }[] = [];
  if (agency.address) rows.push({ label: t.contact.address, value: <address className="whitespace-pre-line not-italic">{agency.address}</address> });
  if (agency.phone) rows.push({ label: t.contact.phone, value: <a href={`tel:${agency.phone.replace(/[^+\d]/g, "")}`}>{agency.phone}</a> });
  if (agency.email) rows.push({ label: t.contact.email, value: <a href={`mailto:${agency.email}`}>{agency.email}</a> });
  if (agency.website) rows.push({ label: t.contact.website, value: <a href={agency.website}>{agency.website.replace(/^https?:\/\//, "")}</a> });
  if (agency.openingHours?.length) {
    const lines = formatOpeningHours(agency.openingHours, locale);
    rows.push({
      label: t.contact.openingHours,
      value: (
        <ul>
          {lines.map((line) => (
            <li key={line.days}>
              {line.days}: {line.hours}
            </li>
          ))}
        </ul>
      ),
    });
  }
  if (agency.registrationNumber) rows.push({ label: t.contact.registration, value: agency.registrationNumber });
  if (agency.vatNumber) rows.push({ label: t.contact.vat, value: agency.vatNumber });

  return (
    <div>
      <p className="font-semibold text-ink-900">{agency.legalName ?? agency.name}</p>
      <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
        {rows.map((row) => (
          <div key={row.label} className="contents">
            <dt className="text-sm font-medium text-ink-600 sm:pt-0.5">{row.label}</dt>
            <dd className="-mt-2 break-words sm:mt-0">{row.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
