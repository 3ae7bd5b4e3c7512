import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { formatMoney } from "@recouvra/domain";
import { Alert, Badge, Button, Card, PageHeader } from "@recouvra/ui";
import { FORMAT_LOCALE, type Locale } from "~/i18n/index.ts";
import { PAYMENT_TEXTS } from "~/i18n/payments.ts";
import { loadDemoCheckout, payDemoCheckout } from "~/utils/payments.server.ts";
import { useLocale } from "~/utils/use-locale.ts";

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "fr";
  return [{ title: PAYMENT_TEXTS[locale].demo.metaTitle }];
};

export const loader = ({ request, params }: LoaderFunctionArgs) => loadDemoCheckout(request, params.checkoutId ?? "");
export const action = ({ request, params }: ActionFunctionArgs) => payDemoCheckout(request, params.checkoutId ?? "");

// The stand-in for Stripe's hosted page when no Stripe key is set: it asks for nothing, and says so.
export default function DemoCheckoutPage() {
  const { checkout } = useLoaderData<typeof loader>();
  const t = PAYMENT_TEXTS[useLocale()].demo;
  const locale = useLocale();
  const navigation = useNavigation();
  const amount = formatMoney(checkout.amountCents, checkout.currency, FORMAT_LOCALE[locale]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t.title} actions={<Badge tone="caution">{t.badge}</Badge>} />
      <Alert tone="info">
        <p>{t.notice}</p>
      </Alert>
      <Card title={t.summary}>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
          <dt className="text-ink-600">{t.reference}</dt>
          <dd className="font-medium break-words text-ink-900">{checkout.reference}</dd>
          <dt className="text-ink-600">{t.amount}</dt>
          <dd className="text-xl font-bold text-ink-900">{amount}</dd>
        </dl>
        <Form method="post" className="mt-6 flex flex-col gap-3 sm:flex-row sm:items-center">
          <Button type="submit" className="w-full sm:w-auto" disabled={navigation.state !== "idle"}>
            {t.pay(amount)}
          </Button>
          <Link to="/case/pay" className="text-center sm:text-left">
            {t.cancel}
          </Link>
        </Form>
      </Card>
    </div>
  );
}
