import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Alert, Button, Card, PageHeader, TextAreaField } from "@recouvra/ui";
import { FormProblemAlert, useSelfServiceForm } from "~/components/self-service-form.tsx";
import { FORMAT_LOCALE, type Locale } from "~/i18n/index.ts";
import { formatMoment, SELF_SERVICE_TEXTS } from "~/i18n/self-service.ts";
import { loadMessagesPage, submitMessage } from "~/utils/self-service.server.ts";

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "fr";
  return [{ title: SELF_SERVICE_TEXTS[locale].messages.metaTitle }];
};

export const loader = ({ request }: LoaderFunctionArgs) => loadMessagesPage(request);
export const action = ({ request }: ActionFunctionArgs) => submitMessage(request);

// The thread with the case handler, oldest first, and the form to write. The agency's answers are
// signed by the agency, never by a named agent.
export default function MessagesPage() {
  const { thread, isSent } = useLoaderData<typeof loader>();
  const { reply, locale, t, isSubmitting, problem, errorOf, values } = useSelfServiceForm();
  const agency = thread.agencyName ? `${t.messages.agency} · ${thread.agencyName}` : t.messages.agency;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t.messages.title} description={t.messages.intro} />
      {isSent && !reply ? (
        <Alert tone="positive" live="status">
          <p>{t.messages.sent}</p>
        </Alert>
      ) : null}
      <Card>
        {thread.messages.length === 0 ? (
          <p className="text-ink-700">{t.messages.empty}</p>
        ) : (
          <ol aria-label={t.messages.threadLabel} className="flex flex-col gap-3">
            {thread.messages.map((m) => (
              <li
                key={m.id}
                className={`rounded-lg border px-4 py-3 ${m.from === "debtor" ? "border-brand-200 bg-brand-50 sm:ml-8" : "border-ink-200 bg-white sm:mr-8"}`}
              >
                <p className="text-sm text-ink-600">
                  <span className="font-semibold text-ink-900">{m.from === "debtor" ? t.messages.you : agency}</span> ·{" "}
                  <time dateTime={m.at}>{formatMoment(m.at, locale)}</time>
                </p>
                <p className="mt-1 whitespace-pre-line text-ink-900 [overflow-wrap:anywhere]">{m.text}</p>
              </li>
            ))}
          </ol>
        )}
      </Card>
      {thread.isClosed ? (
        <Alert tone="info">
          <p>{t.closed}</p>
        </Alert>
      ) : (
        <Card>
          <FormProblemAlert problem={problem} locale={locale} />
          <Form method="post" noValidate className="flex flex-col gap-4">
            <TextAreaField
              label={t.messages.text}
              name="text"
              rows={5}
              description={t.messages.textHint(new Intl.NumberFormat(FORMAT_LOCALE[locale]).format(thread.maxLength))}
              maxLength={thread.maxLength}
              required
              defaultValue={values.text ?? ""}
              error={errorOf("text")}
            />
            <Button type="submit" className="w-full sm:w-auto sm:self-start" disabled={isSubmitting}>
              {t.messages.submit}
            </Button>
          </Form>
        </Card>
      )}
      <p>
        <Link to="/case">{t.backToFile}</Link>
      </p>
    </div>
  );
}
