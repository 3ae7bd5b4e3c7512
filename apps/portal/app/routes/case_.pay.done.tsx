import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatMoney } from "@recouvra/domain";
import { Alert, buttonClasses, PageHeader } from "@recouvra/ui";
import { FORMAT_LOCALE, type Locale } from "~/i18n/index.ts";
import { PAYMENT_TEXTS } from "~/i18n/payments.ts";
import { loadPaymentDone } from "~/utils/payments.server.ts";
import { useLocale } from "~/utils/use-locale.ts";
import { usePollWhile } from "~/utils/use-poll-while.ts";

/** Seconds between two looks while the webhook has not arrived yet, and how many looks at most. */
const POLL_LIMIT = 40;

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "fr";
  return [{ title: PAYMENT_TEXTS[locale].done.metaTitle }];
};


// The success redirect from the checkout lands here. It records nothing: it only reads whether the
// provider's webhook has recorded the payment yet.
export const loader = ({ request }: LoaderFunctionArgs) => loadPaymentDone(request);

export default function PaymentDonePage() {
  const { checkout } = useLoaderData<typeof loader>();
  const locale = useLocale();
  const t = PAYMENT_TEXTS[locale].done;
  const money = (cents: number) => formatMoney(cents, checkout.currency, FORMAT_LOCALE[locale]);
  usePollWhile(checkout.status === "confirming", { limit: POLL_LIMIT });
  if (checkout.status === "confirming") {
    return (
      <div className="flex flex-col gap-6">
        <PageHeader title={t.confirmingTitle} />
        <Alert tone="info" live="status">
          <p>{t.confirmingBody}</p>
          <p className="mt-2">{t.confirmingRefresh}</p>
        </Alert>
        <p>
          <Link to={`/case/pay/done?session_id=${encodeURIComponent(checkout.checkoutId)}`}>{t.refresh}</Link>
        </p>
      </div>
    );
  }
  if (checkout.status === "failed") {
    return (
      <div className="flex flex-col gap-6">
        <PageHeader title={t.failedTitle} />
        <Alert tone="caution">
          <p>{t.failedBody}</p>
        </Alert>
        <p>
          <Link to="/case/pay" className={buttonClasses({ variant: "primary" })}>
            {t.tryAgain}
          </Link>
        </p>
        <p>
          <Link to="/case">{t.backToFile}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t.paidTitle} />
      <Alert tone="positive" live="status">
        <p>{t.paidBody(money(checkout.paidCents ?? checkout.amountCents))}</p>
        <p className="mt-2">{checkout.isCaseClosed ? t.closedBody : t.remainingBody(money(Math.max(0, checkout.balanceCents)))}</p>
      </Alert>
      <p className="text-ink-700">{t.receipt}</p>
      <p>
        <Link to="/case">{t.backToFile}</Link>
      </p>
    </div>
  );
}
