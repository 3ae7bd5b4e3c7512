import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DISPUTE_REASONS, type DisputeReason } from "@recouvra/domain";
import { Alert, Button, Card, ChoiceGroup, FileField, PageHeader, TextAreaField } from "@recouvra/ui";
import { ACCEPTED_EVIDENCE, DisputeReceived } from "~/components/self-service-received.tsx";
import { FormProblemAlert, useSelfServiceForm } from "~/components/self-service-form.tsx";
import type { Locale } from "~/i18n/index.ts";
import { SELF_SERVICE_TEXTS } from "~/i18n/self-service.ts";
import { loadDisputePage, submitDispute } from "~/utils/self-service.server.ts";

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "fr";
  return [{ title: SELF_SERVICE_TEXTS[locale].dispute.metaTitle }];
};

export const loader = ({ request }: LoaderFunctionArgs) => loadDisputePage(request);
export const action = ({ request }: ActionFunctionArgs) => submitDispute(request);

// The dispute form, then (once a dispute is open) what was received and what happens next. Works as a
// plain multipart form post: no script is needed to send files.
export default function DisputePage() {
  const { status } = useLoaderData<typeof loader>();
  const { locale, t, isSubmitting, problem, errorOf, values } = useSelfServiceForm();
  if (status.openDispute) return <DisputeReceived dispute={status.openDispute} locale={locale} />;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t.dispute.title} description={t.dispute.intro} />
      {status.isClosed ? (
        <Alert tone="info">
          <p>{t.closed}</p>
        </Alert>
      ) : (
        <Card>
          <FormProblemAlert problem={problem} locale={locale} />
          <Form method="post" encType="multipart/form-data" noValidate className="flex flex-col gap-5">
            <ChoiceGroup
              legend={t.dispute.reasonLegend}
              name="reason"
              checked={values.reason ? [values.reason] : []}
              error={errorOf("reason")}
              required
              choices={DISPUTE_REASONS.map((r: DisputeReason) => ({ value: r, label: t.disputeReasons[r], hint: t.dispute.reasonHints[r] }))}
            >
              <p className="text-sm text-ink-700">
                {t.dispute.paidInstead} <Link to="/case/paid">{t.other.paid}</Link>
              </p>
            </ChoiceGroup>
            <TextAreaField label={t.dispute.details} name="details" rows={6} description={t.dispute.detailsHint} maxLength={5000} required defaultValue={values.details ?? ""} error={errorOf("details")} />
            <FileField
              label={`${t.dispute.evidence} (${t.optional})`}
              name="evidence"
              multiple
              accept={ACCEPTED_EVIDENCE}
              description={t.dispute.evidenceHint(status.maxFiles)}
              error={errorOf("evidence")}
            />
            <Button type="submit" className="w-full sm:w-auto sm:self-start" disabled={isSubmitting}>
              {t.dispute.submit}
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
