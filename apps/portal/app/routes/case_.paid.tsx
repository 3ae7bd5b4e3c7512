import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Alert, Button, Card, ChoiceGroup, FileField, PageHeader, TextAreaField, TextField } from "@recouvra/ui";
import { ACCEPTED_EVIDENCE, DisputeReceived } from "~/components/self-service-received.tsx";
import { FormProblemAlert, useSelfServiceForm } from "~/components/self-service-form.tsx";
import type { Locale } from "~/i18n/index.ts";
import { SELF_SERVICE_TEXTS } from "~/i18n/self-service.ts";
import { loadDisputePage, submitAlreadyPaid } from "~/utils/self-service.server.ts";

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "fr";
  return [{ title: SELF_SERVICE_TEXTS[locale].paid.metaTitle }];
};

export const loader = ({ request }: LoaderFunctionArgs) => loadDisputePage(request);
export const action = ({ request }: ActionFunctionArgs) => submitAlreadyPaid(request);

const METHODS = ["bank_transfer", "to_creditor", "other"] as const;

// "I have already paid": when, how much, how, and the proof. Once sent it is a dispute being checked,
// and the page says so (the same confirmation as a dispute).
export default function AlreadyPaidPage() {
  const { status } = useLoaderData<typeof loader>();
  const { locale, t, isSubmitting, problem, errorOf, values } = useSelfServiceForm();
  if (status.openDispute) return <DisputeReceived dispute={status.openDispute} locale={locale} />;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t.paid.title} description={t.paid.intro} />
      {status.isClosed ? (
        <Alert tone="info">
          <p>{t.closed}</p>
        </Alert>
      ) : (
        <Card>
          <FormProblemAlert problem={problem} locale={locale} />
          <Form method="post" encType="multipart/form-data" noValidate className="flex flex-col gap-5">
            <TextField
              name="paidOn"
              type="date"
              label={t.paid.paidOn}
              description={t.paid.paidOnHint}
              max={status.today}
              required
              defaultValue={values.paidOn ?? ""}
              error={errorOf("paidOn")}
              className="sm:max-w-xs"
            />
            <TextField
              name="amount"
              label={t.paid.amount(status.currency)}
              description={t.paid.amountHint}
              inputMode="decimal"
              autoComplete="off"
              required
              defaultValue={values.amount ?? ""}
              error={errorOf("amountCents")}
              className="sm:max-w-xs"
            />
            <ChoiceGroup
              legend={t.paid.methodLegend}
              name="method"
              checked={values.method ? [values.method] : []}
              error={errorOf("method")}
              required
              choices={METHODS.map((m) => ({ value: m, label: t.paid.methods[m] }))}
            />
            <TextAreaField label={`${t.paid.note} (${t.optional})`} name="note" description={t.paid.noteHint} rows={3} maxLength={2000} defaultValue={values.note ?? ""} error={errorOf("note")} />
            <FileField label={t.paid.evidence} name="evidence" multiple accept={ACCEPTED_EVIDENCE} description={t.paid.evidenceHint(status.maxFiles)} error={errorOf("evidence")} />
            <Button type="submit" className="w-full sm:w-auto sm:self-start" disabled={isSubmitting}>
              {t.paid.submit}
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
