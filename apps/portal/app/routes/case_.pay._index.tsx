import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { formatMoney } from "@recouvra/domain";
import { Alert, Button, Card, PageHeader, TextField } from "@recouvra/ui";
import { FORMAT_LOCALE, type Locale } from "~/i18n/index.ts";
import { PAYMENT_TEXTS, type PaymentTexts } from "~/i18n/payments.ts";
import { loadPayPage, submitPayment, type PayFormError } from "~/utils/payments.server.ts";
import { useLocale } from "~/utils/use-locale.ts";

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "fr";
  return [{ title: PAYMENT_TEXTS[locale].metaTitle }];
};

export const loader = ({ request }: LoaderFunctionArgs) => loadPayPage(request);
export const action = ({ request }: ActionFunctionArgs) => submitPayment(request);

function errorText(t: PaymentTexts, error: PayFormError, money: (cents: number) => string): string {
  switch (error.kind) {
    case "belowMinimum":
      return t.errors.belowMinimum(money(error.minimumCents));
    case "aboveBalance":
      return t.errors.aboveBalance(money(error.balanceCents));
    default:
      return t.errors[error.kind];
  }
}

// Two forms rather than a radio choice: each button says exactly what it pays, with or without JavaScript.
export default function PayPage() {
  const { options, isDemo } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const locale = useLocale();
  const t = PAYMENT_TEXTS[locale];
  const navigation = useNavigation();
  const isSubmitting = navigation.state !== "idle" && navigation.formMethod === "POST";
  const money = (cents: number) => formatMoney(cents, options.currency, FORMAT_LOCALE[locale]);
  const error = reply?.error ?? null;
  const message = error ? errorText(t, error, money) : null;
  const methods = options.paymentMethods.map((m) => t.methodNames[m] ?? m).join(", ");

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t.title} description={t.intro(options.reference)} />
      {error && error.field === null ? (
        <Alert tone="caution" title={t.errors.title} live="alert">
          <p>{message}</p>
        </Alert>
      ) : null}
      {!options.canPay ? (
        <Alert tone="positive">
          <p>{t.nothingDue}</p>
        </Alert>
      ) : (
        <>
          <Card>
            <p className="text-sm font-medium text-ink-600">{t.balance}</p>
            <p className="mt-1 text-3xl font-bold text-ink-900">{money(options.balanceCents)}</p>
            <Form method="post" className="mt-4">
              <input type="hidden" name="choice" value="full" />
              <Button type="submit" className="w-full sm:w-auto" disabled={isSubmitting}>
                {t.form.full(money(options.balanceCents))}
              </Button>
              <p className="mt-2 text-sm text-ink-600">{t.form.fullHint}</p>
            </Form>
          </Card>
          <Card title={t.form.other}>
            <Form method="post" noValidate className="flex flex-col gap-4">
              <input type="hidden" name="choice" value="other" />
              <TextField
                name="amount"
                label={t.form.amountLabel(options.currency)}
                description={t.form.amountHint(money(options.minimumCents), money(options.balanceCents))}
                inputMode="decimal"
                autoComplete="off"
                defaultValue={reply?.choice === "other" ? reply.amount : ""}
                error={error?.field === "amount" ? message : null}
                autoFocus={error?.field === "amount"}
              />
              <Button type="submit" variant="secondary" className="w-full sm:w-auto sm:self-start" disabled={isSubmitting}>
                {t.form.submit}
              </Button>
            </Form>
          </Card>
          <div className="flex flex-col gap-2 text-sm text-ink-700">
            <p>{t.form.methods(methods)}</p>
            <p>{isDemo ? t.form.demoNotice : t.form.secure}</p>
          </div>
        </>
      )}
      <p>
        <Link to="/case">{t.backToFile}</Link>
      </p>
    </div>
  );
}
