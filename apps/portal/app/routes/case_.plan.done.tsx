import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatMoney, formatStatementDate } from "@recouvra/domain";
import { Alert, buttonClasses, Card, PageHeader } from "@recouvra/ui";
import { ReflowTable } from "~/components/reflow-table.tsx";
import { FORMAT_LOCALE, type Locale } from "~/i18n/index.ts";
import { PLAN_TEXTS } from "~/i18n/plans.ts";
import { loadPlanDone } from "~/utils/plans.server.ts";
import { useLocale } from "~/utils/use-locale.ts";

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "fr";
  return [{ title: PLAN_TEXTS[locale].done.metaTitle }];
};

// Where accepting a plan lands (and where "see my plan" leads): the plan, its agreement, the first payment.
export const loader = ({ request }: LoaderFunctionArgs) => loadPlanDone(request);

export default function PlanDonePage() {
  const { page, plan } = useLoaderData<typeof loader>();
  const locale = useLocale();
  const t = PLAN_TEXTS[locale];
  const money = (cents: number) => formatMoney(cents, page.currency, FORMAT_LOCALE[locale]);
  const date = (iso: string) => formatStatementDate(iso, locale);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t.done.title} />
      <Alert tone="positive" live="status">
        <p>{t.done.body(money(plan.totalCents), plan.instalments.length)}</p>
        {plan.nextDue ? <p className="mt-1 font-semibold">{t.done.first(money(plan.nextDue.amountCents), date(plan.nextDue.dueOn))}</p> : null}
      </Alert>
      <nav aria-label={t.done.nextSteps}>
        <ul className="flex flex-col gap-3 sm:flex-row sm:flex-wrap">
          {plan.nextDue ? (
            <li>
              <Link to="/case/pay" className={buttonClasses({ variant: "primary", size: "lg", className: "w-full sm:w-auto" })}>
                {t.done.payFirst}
              </Link>
            </li>
          ) : null}
          {plan.agreementDocumentId ? (
            <li>
              {/* A download, not a page: a plain link, so the browser saves the PDF. */}
              <a href={`/case/documents/${plan.agreementDocumentId}`} className={buttonClasses({ variant: "secondary", size: "lg", className: "w-full sm:w-auto" })}>
                {t.done.agreement}
              </a>
            </li>
          ) : null}
        </ul>
      </nav>
      {plan.agreementDocumentId ? <p className="text-sm text-ink-700">{t.done.agreementHint}</p> : null}
      <p className="text-sm text-ink-700">{t.done.email}</p>
      <Card title={t.done.scheduleCaption}>
        <ReflowTable
          caption={t.done.scheduleCaption}
          columns={[{ label: t.offer.seq }, { label: t.offer.dueOn }, { label: t.offer.amount, isNumeric: true }]}
          rows={plan.instalments.map((l) => ({
            key: String(l.seq),
            cells: [
              l.seq,
              <time key="d" dateTime={l.dueOn}>
                {date(l.dueOn)}
              </time>,
              money(l.amountCents),
            ],
          }))}
          foot={{ label: t.offer.total, value: money(plan.totalCents) }}
        />
      </Card>
      <p>
        <Link to="/case">{t.done.backToFile}</Link>
      </p>
    </div>
  );
}
