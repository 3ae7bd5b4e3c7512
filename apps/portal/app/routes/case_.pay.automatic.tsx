import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { formatMoney, formatStatementDate } from "@recouvra/domain";
import { Alert, Button, Card, PageHeader } from "@recouvra/ui";
import { FORMAT_LOCALE, type Locale } from "~/i18n/index.ts";
import { PAYMENT_TEXTS } from "~/i18n/payments.ts";
import { loadAutomaticCollection, submitAutomaticCollection } from "~/utils/payments.server.ts";
import { useLocale } from "~/utils/use-locale.ts";
import { usePollWhile } from "~/utils/use-poll-while.ts";

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "fr";
  return [{ title: PAYMENT_TEXTS[locale].automatic.page.metaTitle }];
};

/**
 * Automatic collection of the plan's instalments. GET: what is set up, and — back from the provider's
 * setup page with `?session_id=` — whether the webhook has recorded the card or mandate yet. POST:
 * `intent=start` (off to the provider) or `intent=stop` (with an optional `returnTo` page of the file),
 * so other portal pages (the plan confirmation) can offer the same two buttons.
 */
export const loader = ({ request }: LoaderFunctionArgs) => loadAutomaticCollection(request);
export const action = ({ request }: ActionFunctionArgs) => submitAutomaticCollection(request);

const POLL_LIMIT = 20;


export default function AutomaticCollectionPage() {
  const { setup, collection, isDemo } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const locale = useLocale();
  const t = PAYMENT_TEXTS[locale];
  const a = t.automatic;
  const navigation = useNavigation();
  const isSubmitting = navigation.state !== "idle" && navigation.formMethod === "POST";
  const money = (cents: number) => formatMoney(cents, collection.currency, FORMAT_LOCALE[locale]);
  usePollWhile(setup?.status === "confirming", { limit: POLL_LIMIT });
  const date = (iso: string) => formatStatementDate(iso, locale);
  const error = reply && "error" in reply ? reply.error : null;

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={a.title} />
      {error ? (
        <Alert tone="caution" title={a.errors.title} live="alert">
          <p>{a.errors[error.kind]}</p>
        </Alert>
      ) : null}
      {setup?.status === "confirming" ? (
        <Alert tone="info" live="status" title={a.page.confirmingTitle}>
          <p>{a.page.confirmingBody}</p>
          <p className="mt-2">
            <Link to={`/case/pay/automatic?session_id=${encodeURIComponent(setup.setupId)}`}>{a.page.refresh}</Link>
          </p>
        </Alert>
      ) : null}
      {setup?.status === "saved" && setup.mandate ? (
        <Alert tone="positive" live="status" title={a.page.savedTitle}>
          <p>{a.page.savedBody(setup.mandate.label)}</p>
        </Alert>
      ) : null}
      {setup?.status === "not_saved" ? (
        <Alert tone="caution" title={a.page.notSavedTitle}>
          <p>{a.page.notSavedBody}</p>
        </Alert>
      ) : null}
      {setup?.status === "stopped" ? (
        <Alert tone="info" title={a.page.stoppedTitle}>
          <p>{a.page.stoppedBody}</p>
        </Alert>
      ) : null}
      <Card>
        {collection.mandate ? (
          <div className="flex flex-col gap-3">
            <p className="font-medium text-ink-900">{a.active(collection.mandate.label)}</p>
            {collection.nextCollection ? <p className="text-sm text-ink-700">{(collection.nextCollection.isOverdue ? a.nextOverdue : a.next)(money(collection.nextCollection.amountCents), date(collection.nextCollection.dueOn))}</p> : null}
            {collection.lastRefusal ? (
              <Alert tone="caution">
                <p>{a.refused(date(collection.lastRefusal.dueOn))}</p>
              </Alert>
            ) : null}
            <Form method="post">
              <input type="hidden" name="intent" value="stop" />
              <Button type="submit" variant="secondary" className="w-full sm:w-auto" disabled={isSubmitting} aria-describedby="stop-hint">
                {a.stop}
              </Button>
              <p id="stop-hint" className="mt-2 text-sm text-ink-600">
                {a.stopHint}
              </p>
            </Form>
          </div>
        ) : (
          <div className="flex flex-col gap-3">
            <p className="text-ink-700">{a.page.none}</p>
            {collection.canSetUp ? (
              <Form method="post">
                <input type="hidden" name="intent" value="start" />
                <Button type="submit" className="w-full sm:w-auto" disabled={isSubmitting}>
                  {a.start}
                </Button>
                <p className="mt-2 text-sm text-ink-600">{isDemo ? a.demoHint : a.startHint}</p>
              </Form>
            ) : null}
          </div>
        )}
      </Card>
      <p className="flex flex-col gap-2 sm:flex-row sm:gap-6">
        <Link to="/case/pay">{a.page.backToPay}</Link>
        <Link to="/case">{t.backToFile}</Link>
      </p>
    </div>
  );
}
