import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { DebtorContactPoint } from "@recouvra/core";
import { CONTACT_TIME_SLOTS, PREFERRED_CHANNELS } from "@recouvra/domain";
import { Alert, Badge, Button, Card, CheckboxField, ChoiceGroup, PageHeader, SelectField, TextField } from "@recouvra/ui";
import type { ReactNode } from "react";
import type { Locale } from "~/i18n/index.ts";
import { problemMessage, SELF_SERVICE_TEXTS, type SelfServiceTexts } from "~/i18n/self-service.ts";
import { loadContactPage, submitContact, type FormReply } from "~/utils/self-service.server.ts";
import { useLocale } from "~/utils/use-locale.ts";

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "fr";
  return [{ title: SELF_SERVICE_TEXTS[locale].contact.metaTitle }];
};

export const loader = ({ request }: LoaderFunctionArgs) => loadContactPage(request);
export const action = ({ request }: ActionFunctionArgs) => submitContact(request);

const KINDS = ["email", "phone", "address"] as const;
const COUNTRIES = ["FR", "BE", "NL", "LU", "DE"] as const;

/** The answer of the form `intent`, when it is the one that was sent back. */
function useReplyOf(intent: string) {
  const reply = useActionData<FormReply>();
  const locale = useLocale();
  const mine = reply && reply.intent === intent ? reply : null;
  return {
    values: mine?.values ?? {},
    errorOf: (field: string) => (mine && mine.problem.field === field ? problemMessage(locale, mine.problem) : null),
    formError: mine && mine.problem.field === null ? problemMessage(locale, mine.problem) : null,
  };
}

// The debtor's contact details: what we have (each can be reported as not theirs), their preferences,
// and a form per kind of new detail. Each form is a plain POST with its own `intent`.
export default function ContactPage() {
  const { details, saved } = useLoaderData<typeof loader>();
  const locale = useLocale();
  const t = SELF_SERVICE_TEXTS[locale];
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t.contact.title} description={t.contact.intro} />
      {saved ? (
        <Alert tone="positive" live="status">
          <p>{t.contact.saved[saved]}</p>
        </Alert>
      ) : null}
      {details.isClosed ? (
        <Alert tone="info">
          <p>{t.closed}</p>
        </Alert>
      ) : (
        <>
          <Points points={details.points} t={t} />
          <Preferences preferences={details.preferences} t={t} />
          <AddEmail t={t} />
          <AddPhone t={t} />
          <AddAddress t={t} defaultCountry={details.phoneCountry} />
        </>
      )}
      <p>
        <Link to="/case">{t.backToFile}</Link>
      </p>
    </div>
  );
}

function FormAlert({ message, t }: { message: string | null; t: SelfServiceTexts }) {
  return message ? (
    <Alert tone="caution" title={t.errorTitle} live="alert" className="mb-4">
      <p>{message}</p>
    </Alert>
  ) : null;
}

function Submit({ children }: { children: ReactNode }) {
  const isSubmitting = useNavigation().state === "submitting";
  return (
    <Button type="submit" variant="secondary" className="w-full sm:w-auto sm:self-start" disabled={isSubmitting}>
      {children}
    </Button>
  );
}

function Points({ points, t }: { points: DebtorContactPoint[]; t: SelfServiceTexts }) {
  const { formError } = useReplyOf("report");
  return (
    <Card title={t.contact.pointsTitle} description={points.length > 0 ? t.contact.reportHint : undefined}>
      <FormAlert message={formError} t={t} />
      {points.length === 0 ? <p className="text-ink-700">{t.contact.noPoints}</p> : null}
      {KINDS.filter((k) => points.some((p) => p.kind === k)).map((kind) => (
        <section key={kind} className="mt-2 first:mt-0">
          <h3 className="text-base font-semibold text-ink-900">{t.contact.kinds[kind]}</h3>
          <ul className="mt-1 divide-y divide-ink-100">
            {points
              .filter((p) => p.kind === kind)
              .map((p) => (
                <li key={p.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                  <div className="min-w-0">
                    <p className="font-medium text-ink-900 [overflow-wrap:anywhere]">{p.value}</p>
                    <p className="mt-1 flex flex-wrap gap-1">
                      {p.isPrimary ? <Badge tone="brand">{t.contact.usedFirst}</Badge> : null}
                      {p.isOwnAddition ? <Badge tone="neutral">{t.contact.yours}</Badge> : null}
                    </p>
                    {p.isOptedOut ? <p className="mt-1 text-sm text-ink-600">{t.contact.optedOut}</p> : null}
                  </div>
                  <Form method="post" className="shrink-0">
                    <input type="hidden" name="intent" value="report" />
                    <input type="hidden" name="contactPointId" value={p.id} />
                    <Button type="submit" variant="ghost" size="sm">
                      {t.contact.report}
                      <span className="sr-only">: {p.value}</span>
                    </Button>
                  </Form>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </Card>
  );
}

function Preferences({ preferences, t }: { preferences: { channel: string | null; times: string[] }; t: SelfServiceTexts }) {
  const { values, errorOf, formError } = useReplyOf("preferences");
  const channel = values.preferredChannel ?? preferences.channel ?? "";
  return (
    <Card title={t.contact.preferencesTitle}>
      <FormAlert message={formError} t={t} />
      <Form method="post" className="flex flex-col gap-5">
        <input type="hidden" name="intent" value="preferences" />
        <ChoiceGroup
          legend={t.contact.channelLegend}
          name="preferredChannel"
          checked={[channel]}
          error={errorOf("preferredChannel")}
          choices={[...PREFERRED_CHANNELS.map((c) => ({ value: c, label: t.contact.channels[c] })), { value: "", label: t.contact.noPreference }]}
        />
        <ChoiceGroup
          legend={t.contact.timesLegend}
          name="preferredTimes"
          type="checkbox"
          checked={preferences.times}
          description={t.contact.timesHint}
          error={errorOf("preferredTimes")}
          choices={CONTACT_TIME_SLOTS.map((s) => ({ value: s, label: t.slots[s] }))}
        />
        <Submit>{t.contact.savePreferences}</Submit>
      </Form>
    </Card>
  );
}

function AddEmail({ t }: { t: SelfServiceTexts }) {
  const { values, errorOf, formError } = useReplyOf("add-email");
  return (
    <Card title={t.contact.addEmailTitle}>
      <FormAlert message={formError} t={t} />
      <Form method="post" noValidate className="flex flex-col gap-4">
        <input type="hidden" name="intent" value="add-email" />
        <TextField name="email" type="email" label={t.contact.email} autoComplete="email" defaultValue={values.email ?? ""} error={errorOf("email")} />
        <CheckboxField label={t.contact.useFirst} name="isPreferred" defaultChecked={values.isPreferred === "on"} />
        <Submit>{t.contact.addEmail}</Submit>
      </Form>
    </Card>
  );
}

function AddPhone({ t }: { t: SelfServiceTexts }) {
  const { values, errorOf, formError } = useReplyOf("add-phone");
  return (
    <Card title={t.contact.addPhoneTitle}>
      <FormAlert message={formError} t={t} />
      <Form method="post" noValidate className="flex flex-col gap-4">
        <input type="hidden" name="intent" value="add-phone" />
        <TextField name="phone" type="tel" label={t.contact.phone} description={t.contact.phoneHint} autoComplete="tel" defaultValue={values.phone ?? ""} error={errorOf("phone")} />
        <CheckboxField label={t.contact.useFirst} name="isPreferred" defaultChecked={values.isPreferred === "on"} />
        <Submit>{t.contact.addPhone}</Submit>
      </Form>
    </Card>
  );
}

function AddAddress({ t, defaultCountry }: { t: SelfServiceTexts; defaultCountry: string }) {
  const { values, errorOf, formError } = useReplyOf("add-address");
  return (
    <Card title={t.contact.addAddressTitle}>
      <FormAlert message={formError} t={t} />
      <Form method="post" noValidate className="flex flex-col gap-4">
        <input type="hidden" name="intent" value="add-address" />
        <TextField name="line1" label={t.contact.line1} autoComplete="address-line1" defaultValue={values.line1 ?? ""} error={errorOf("line1")} />
        <TextField name="line2" label={`${t.contact.line2} (${t.optional})`} autoComplete="address-line2" defaultValue={values.line2 ?? ""} error={errorOf("line2")} />
        <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
          <TextField name="postalCode" label={t.contact.postalCode} autoComplete="postal-code" defaultValue={values.postalCode ?? ""} error={errorOf("postalCode")} />
          <TextField name="city" label={t.contact.city} autoComplete="address-level2" defaultValue={values.city ?? ""} error={errorOf("city")} />
        </div>
        <SelectField label={t.contact.country} name="countryCode" defaultValue={values.countryCode ?? defaultCountry} error={errorOf("countryCode")} className="sm:max-w-xs">
          {COUNTRIES.map((c) => (
            <option key={c} value={c}>
              {t.contact.countries[c]}
            </option>
          ))}
        </SelectField>
        <CheckboxField label={t.contact.useFirst} name="isPreferred" defaultChecked={values.isPreferred === "on"} />
        <Submit>{t.contact.addAddress}</Submit>
      </Form>
    </Card>
  );
}
