import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Alert, Badge, Button, Card, PageHeader } from "@recouvra/ui";
import type { Locale } from "~/i18n/index.ts";
import { PAYMENT_TEXTS } from "~/i18n/payments.ts";
import { loadDemoSetup, saveDemoSetup } from "~/utils/payments.server.ts";
import { useLocale } from "~/utils/use-locale.ts";

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "fr";
  return [{ title: PAYMENT_TEXTS[locale].demoSetup.metaTitle }];
};

export const loader = ({ request, params }: LoaderFunctionArgs) => loadDemoSetup(request, params.setupId ?? "");
export const action = ({ request, params }: ActionFunctionArgs) => saveDemoSetup(request, params.setupId ?? "");

// The stand-in for Stripe's setup page when no Stripe key is set: it asks for no card number or IBAN,
// and says so. One form per method, so each button says exactly what it saves.
export default function DemoSetupPage() {
  const { setup, labels } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const locale = useLocale();
  const t = PAYMENT_TEXTS[locale];
  const navigation = useNavigation();
  const isBusy = navigation.state !== "idle";
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t.demoSetup.title} actions={<Badge tone="caution">{t.demoSetup.badge}</Badge>} />
      <Alert tone="info">
        <p>{t.demoSetup.notice}</p>
      </Alert>
      {reply?.error ? (
        <Alert tone="caution" title={t.automatic.errors.title} live="alert">
          <p>{t.automatic.errors[reply.error.kind]}</p>
        </Alert>
      ) : null}
      <Card title={t.demoSetup.summary}>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
          <dt className="text-ink-600">{t.demoSetup.reference}</dt>
          <dd className="font-medium break-words text-ink-900">{setup.reference}</dd>
        </dl>
        <div className="mt-6 flex flex-col gap-3">
          {setup.methods.map((method) => (
            <Form method="post" key={method}>
              <input type="hidden" name="method" value={method} />
              <Button type="submit" variant={method === "card" ? "primary" : "secondary"} className="w-full sm:w-auto" disabled={isBusy}>
                {method === "card" ? t.demoSetup.saveCard(labels.card) : t.demoSetup.saveSepa(labels.sepa_debit)}
              </Button>
            </Form>
          ))}
          <Link to="/case/pay">{t.demoSetup.cancel}</Link>
        </div>
      </Card>
    </div>
  );
}
