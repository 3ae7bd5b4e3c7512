import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { formatMoney, formatStatementDate } from "@recouvra/domain";
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

/** The methods' names as one phrase: "card or SEPA Direct Debit". */
function methodPhrase(names: string[], or: string): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")}${or}${names.at(-1)}`;
}

// Separate forms rather than a radio choice: each button says exactly what it pays, with or without
// JavaScript. With a running plan the next instalment comes first, then the balance, then any amount.
export default function PayPage() {
  const { options, isDemo, isCollectionStopped } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const locale = useLocale();
  const t = PAYMENT_TEXTS[locale];
  const navigation = useNavigation();
  const isSubmitting = navigation.state !== "idle" && navigation.formMethod === "POST";
  const money = (cents: number) => formatMoney(cents, options.currency, FORMAT_LOCALE[locale]);
  const error = reply?.error ?? null;
  const message = error ? errorText(t, error, money) : null;
  const methods = options.paymentMethods.map((m) => t.methodNames[m] ?? m).join(", ");
  const date = (iso: string) => formatStatementDate(iso, locale);
  const next = options.nextInstalment;
  const automatic = options.automaticCollection;

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t.title} description={t.intro(options.reference)} />
      {error && error.field === null ? (
        <Alert tone="caution" title={t.errors.title} live="alert">
          <p>{message}</p>
        </Alert>
      ) : null}
      {isCollectionStopped ? (
        <Alert tone="info" live="status">
          <p>{t.automatic.stopped}</p>
        </Alert>
      ) : null}
      {!options.canPay ? (
        <Alert tone="positive">
          <p>{t.nothingDue}</p>
        </Alert>
      ) : (
        <>
          {next ? (
            <Card title={t.instalment.title}>
              <Form method="post">
                <input type="hidden" name="choice" value="instalment" />
                <Button type="submit" className="w-full sm:w-auto" disabled={isSubmitting}>
                  {next.overdueCount >= 2 ? t.instalment.overdue(money(next.amountCents), date(next.dueOn)) : t.instalment.next(money(next.amountCents), date(next.dueOn))}
                </Button>
                <p className="mt-2 text-sm text-ink-600">
                  {next.overdueCount >= 2 ? t.instalment.hintSeveral(next.overdueCount) : next.isOverdue ? t.instalment.hintOverdue(date(next.dueOn)) : t.instalment.hintUpcoming}
                </p>
              </Form>
            </Card>
          ) : null}
          <Card>
            <p className="text-sm font-medium text-ink-600">{t.balance}</p>
            <p className="mt-1 text-3xl font-bold text-ink-900">{money(options.balanceCents)}</p>
            <Form method="post" className="mt-4">
              <input type="hidden" name="choice" value="full" />
              <Button type="submit" variant={next ? "secondary" : "primary"} className="w-full sm:w-auto" disabled={isSubmitting}>
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
          {automatic.canSetUp || automatic.mandate ? (
            <Card title={t.automatic.title}>
              {automatic.mandate ? (
                <div className="flex flex-col gap-3">
                  <p className="font-medium text-ink-900">{t.automatic.active(automatic.mandate.label)}</p>
                  {automatic.nextCollection ? <p className="text-sm text-ink-700">{(automatic.nextCollection.isOverdue ? t.automatic.nextOverdue : t.automatic.next)(money(automatic.nextCollection.amountCents), date(automatic.nextCollection.dueOn))}</p> : null}
                  {automatic.lastRefusal ? (
                    <Alert tone="caution">
                      <p>{t.automatic.refused(date(automatic.lastRefusal.dueOn))}</p>
                    </Alert>
                  ) : null}
                  <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap">
                    <Form method="post" action="/case/pay/automatic">
                      <input type="hidden" name="intent" value="stop" />
                      <input type="hidden" name="returnTo" value="/case/pay" />
                      <Button type="submit" variant="secondary" className="w-full sm:w-auto" disabled={isSubmitting} aria-describedby="stop-automatic-hint">
                        {t.automatic.stop}
                      </Button>
                    </Form>
                    {automatic.canSetUp ? (
                      <Form method="post" action="/case/pay/automatic">
                        <input type="hidden" name="intent" value="start" />
                        <Button type="submit" variant="secondary" className="w-full sm:w-auto" disabled={isSubmitting}>
                          {t.automatic.change}
                        </Button>
                      </Form>
                    ) : null}
                  </div>
                  <p id="stop-automatic-hint" className="text-sm text-ink-600">
                    {t.automatic.stopHint}
                  </p>
                </div>
              ) : (
                <Form method="post" action="/case/pay/automatic" className="flex flex-col gap-3">
                  <p className="text-ink-700">{t.automatic.intro(methodPhrase(automatic.methods.map((m) => t.automatic.methodNames[m] ?? m), t.automatic.or))}</p>
                  <input type="hidden" name="intent" value="start" />
                  <Button type="submit" variant="secondary" className="w-full sm:w-auto sm:self-start" disabled={isSubmitting}>
                    {t.automatic.start}
                  </Button>
                  <p className="text-sm text-ink-600">{isDemo ? t.automatic.demoHint : t.automatic.startHint}</p>
                </Form>
              )}
            </Card>
          ) : null}
        </>
      )}
      <p>
        <Link to="/case">{t.backToFile}</Link>
      </p>
    </div>
  );
}
