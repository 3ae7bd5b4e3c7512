import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { formatMoney, formatStatementDate, SETTLEMENT_MESSAGE_MAX_LENGTH, type DebtorProposalProblem } from "@recouvra/domain";
import { Alert, Button, Card, PageHeader, TextField } from "@recouvra/ui";
import { useId } from "react";
import { FORMAT_LOCALE, type Locale } from "~/i18n/index.ts";
import { PLAN_TEXTS, problemText } from "~/i18n/plans.ts";
import { loadSettlementPage, submitSettlement } from "~/utils/plans.server.ts";
import { useLocale } from "~/utils/use-locale.ts";

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "fr";
  return [{ title: PLAN_TEXTS[locale].settlement.metaTitle }];
};

export const loader = ({ request }: LoaderFunctionArgs) => loadSettlementPage(request);
export const action = ({ request }: ActionFunctionArgs) => submitSettlement(request);

// Asking to settle for less than the balance: always looked at by a person, who answers within two working days.
export default function SettlementPage() {
  const { page } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const locale = useLocale();
  const t = PLAN_TEXTS[locale];
  const s = t.settlement;
  const money = (cents: number) => formatMoney(cents, page.currency, FORMAT_LOCALE[locale]);
  const date = (iso: string) => formatStatementDate(iso, locale);
  const busy = useNavigation().state === "submitting";
  const messageId = useId();
  const problems: DebtorProposalProblem[] = reply?.stage === "form" ? reply.problems : [];
  const errorOf = (field: DebtorProposalProblem["field"]) => {
    const p = problems.find((x) => x.field === field);
    return p ? problemText(t, p, money, date, "settlement") : null;
  };
  const values = reply?.stage === "form" ? reply.values : null;
  const unavailable = reply?.stage === "unavailable" ? reply.reason : page.settlementUnavailable;
  const messageError = errorOf("message");

  let body;
  if (reply?.stage === "sent") {
    body = (
      <Alert tone="positive" title={s.sentTitle} live="status">
        <p>{s.sentBody(date(reply.answerBy))}</p>
      </Alert>
    );
  } else if (unavailable) {
    body = page.waiting ? (
      <Alert tone="info" title={t.waiting.title}>
        <p>{page.waiting.kind === "settlement" ? t.waiting.settlementBody(money(page.waiting.totalCents), date(page.waiting.answerBy)) : t.waiting.planBody(date(page.waiting.answerBy))}</p>
      </Alert>
    ) : (
      <Alert tone="info">
        <p>{t.unavailable[unavailable]}</p>
      </Alert>
    );
  } else {
    body = (
      <Card>
        {problems.length > 0 ? <Alert tone="caution" title={t.errors.title} live="alert" className="mb-4" /> : null}
        <div className="mb-4">
          <p className="text-sm font-medium text-ink-600">{t.balance}</p>
          <p className="mt-1 text-2xl font-bold tabular-nums text-ink-900">{money(page.balanceCents)}</p>
        </div>
        <Form method="post" noValidate className="flex flex-col gap-5">
          <TextField
            name="amount"
            label={s.amountLabel(page.currency)}
            description={s.amountHint(money(page.balanceCents))}
            inputMode="decimal"
            autoComplete="off"
            defaultValue={values?.amount ?? ""}
            error={errorOf("amount")}
            className="sm:max-w-xs"
          />
          <TextField
            name="payOn"
            type="date"
            label={s.payOnLabel}
            description={s.payOnHint}
            min={page.today}
            max={page.latestDate}
            defaultValue={values?.payOn || page.defaultFirstDueOn}
            error={errorOf("payOn")}
            className="sm:max-w-xs"
          />
          <div className="flex flex-col gap-1">
            <label htmlFor={messageId} className="text-sm font-medium text-ink-900">
              {s.messageLabel}
            </label>
            <p id={`${messageId}-description`} className="text-sm text-ink-600">
              {s.messageHint(SETTLEMENT_MESSAGE_MAX_LENGTH)}
            </p>
            <textarea
              id={messageId}
              name="message"
              rows={4}
              defaultValue={values?.message ?? ""}
              aria-invalid={messageError ? true : undefined}
              aria-describedby={[`${messageId}-description`, messageError ? `${messageId}-error` : null].filter(Boolean).join(" ")}
              className="w-full rounded-lg border border-ink-300 bg-white px-3 py-2 text-base text-ink-900 shadow-sm focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 focus:outline-none"
            />
            {messageError ? (
              <p id={`${messageId}-error`} className="text-sm font-medium text-critical-700">
                {messageError}
              </p>
            ) : null}
          </div>
          <Button type="submit" className="w-full sm:w-auto sm:self-start" disabled={busy}>
            {s.submit}
          </Button>
        </Form>
      </Card>
    );
  }

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={s.title} description={s.intro} />
      <p className="max-w-prose text-ink-700">{s.how}</p>
      {body}
      {page.planUnavailable ? null : (
        <p>
          <Link to="/case/plan">{s.toPlan}</Link>
        </p>
      )}
      <p>
        <Link to="/case">{t.backToFile}</Link>
      </p>
    </div>
  );
}
