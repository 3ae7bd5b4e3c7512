import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { DISPUTE_REASONS, type DisputeReason } from "@recouvra/domain";
import { Alert, Button, Card, ChoiceGroup, FileField, PageHeader, TextAreaField } from "@recouvra/ui";
import { ACCEPTED_EVIDENCE, DisputeReceived } from "~/components/self-service-received.tsx";
import type { Locale } from "~/i18n/index.ts";
import { problemMessage, SELF_SERVICE_TEXTS } from "~/i18n/self-service.ts";
import { loadDisputePage, submitDispute, type FormReply } from "~/utils/self-service.server.ts";
import { useLocale } from "~/utils/use-locale.ts";

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
  const reply = useActionData<FormReply>();
  const locale = useLocale();
  const t = SELF_SERVICE_TEXTS[locale];
  const isSubmitting = useNavigation().state === "submitting";
  if (status.openDispute) return <DisputeReceived dispute={status.openDispute} locale={locale} />;
  const problem = reply?.problem ?? null;
  const errorOf = (field: string) => (problem && problem.field === field ? problemMessage(locale, problem) : null);
  const values = reply?.values ?? {};
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t.dispute.title} description={t.dispute.intro} />
      {status.isClosed ? (
        <Alert tone="info">
          <p>{t.closed}</p>
        </Alert>
      ) : (
        <Card>
          {problem && problem.field === null ? (
            <Alert tone="caution" title={t.errorTitle} live="alert" className="mb-4">
              <p>{problemMessage(locale, problem)}</p>
            </Alert>
          ) : null}
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
