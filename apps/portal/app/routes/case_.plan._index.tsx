import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { DebtorPlanOffer, DebtorPlanPage, DebtorProposalUnavailable } from "@recouvra/core";
import { formatMoney, formatStatementDate, type DebtorProposalProblem } from "@recouvra/domain";
import { Alert, Button, buttonClasses, Card, PageHeader, TextField } from "@recouvra/ui";
import { useId } from "react";
import { ReflowTable } from "~/components/reflow-table.tsx";
import { FORMAT_LOCALE, type Locale } from "~/i18n/index.ts";
import { PLAN_TEXTS, problemText } from "~/i18n/plans.ts";
import { loadPlanPage, submitPlanForm, type PlanFormValues } from "~/utils/plans.server.ts";
import { useLocale } from "~/utils/use-locale.ts";

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "fr";
  return [{ title: PLAN_TEXTS[locale].metaTitle }];
};

export const loader = ({ request }: LoaderFunctionArgs) => loadPlanPage(request);
export const action = ({ request }: ActionFunctionArgs) => submitPlanForm(request);

/** Formatting in the page language. */
function useFormat(currency: string) {
  const locale = useLocale();
  return {
    locale,
    t: PLAN_TEXTS[locale],
    money: (cents: number) => formatMoney(cents, currency, FORMAT_LOCALE[locale]),
    date: (iso: string) => formatStatementDate(iso, locale),
  };
}

// The plan page: the proposal form; once sent, on the same page, the policy's answer (the plan to
// accept, a counter-offer, or the referral). Plain forms throughout: it all works without JavaScript.
export default function PlanPage() {
  const { page } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t, money } = useFormat(page.currency);

  let body;
  if (reply?.stage === "referred") body = <Referred answerBy={reply.answerBy} currency={page.currency} />;
  else if (reply?.stage === "offer") body = <Offer offer={reply.offer} acknowledgeMissing={reply.acknowledgeMissing} notice={reply.notice} />;
  else if (reply?.stage === "unavailable") body = <Status page={page} reason={reply.reason} />;
  else if (page.planUnavailable) body = <Status page={page} reason={page.planUnavailable} />;
  else body = <ProposalForm page={page} values={reply?.stage === "form" ? reply.values : null} problems={reply?.stage === "form" ? reply.problems : []} notice={reply?.stage === "form" ? reply.notice : null} />;

  const offersSettlement = !page.settlementUnavailable && reply?.stage !== "referred";
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t.title} description={page.balanceCents > 0 ? t.intro(money(page.balanceCents)) : undefined} />
      {body}
      {offersSettlement ? (
        <p className="text-sm text-ink-700">
          {t.form.settlementHint} <Link to="/case/settlement">{t.form.settlementLink}</Link>
        </p>
      ) : null}
      <p>
        <Link to="/case">{t.backToFile}</Link>
      </p>
    </div>
  );
}

function ProposalForm({ page, values, problems, notice }: { page: DebtorPlanPage; values: PlanFormValues | null; problems: DebtorProposalProblem[]; notice: "offer_gone" | null }) {
  const { t, money, date } = useFormat(page.currency);
  const busy = useNavigation().state === "submitting";
  const modeErrorId = useId();
  const errorOf = (field: DebtorProposalProblem["field"]) => {
    const p = problems.find((x) => x.field === field);
    return p ? problemText(t, p, money, date) : null;
  };
  const mode = values?.mode === "count" || values?.mode === "amount" ? values.mode : "amount";
  const modeError = errorOf("mode");
  const radio = "h-5 w-5 shrink-0 accent-brand-700";
  return (
    <Card title={t.form.title}>
      {problems.length > 0 ? <Alert tone="caution" title={t.errors.title} live="alert" className="mb-4" /> : null}
      {notice === "offer_gone" ? (
        <Alert tone="caution" live="alert" className="mb-4">
          <p>{t.errors.offerGone}</p>
        </Alert>
      ) : null}
      <div className="mb-4">
        <p className="text-sm font-medium text-ink-600">{t.balance}</p>
        <p className="mt-1 text-2xl font-bold tabular-nums text-ink-900">{money(page.balanceCents)}</p>
      </div>
      <Form method="post" noValidate className="flex flex-col gap-5">
        <input type="hidden" name="intent" value="propose" />
        <fieldset className="flex flex-col gap-4" aria-describedby={modeError ? modeErrorId : undefined}>
          <legend className="mb-2 text-base font-semibold text-ink-900">{t.form.legend}</legend>
          {modeError ? (
            <p id={modeErrorId} className="text-sm font-medium text-critical-700">
              {modeError}
            </p>
          ) : null}
          <div className="flex flex-col gap-3 rounded-lg border border-ink-200 p-3">
            <label className="flex min-h-11 items-center gap-3 font-medium text-ink-900">
              <input type="radio" name="mode" value="amount" defaultChecked={mode === "amount"} className={radio} />
              {t.form.modeAmount}
            </label>
            <TextField
              name="amount"
              label={t.form.amountLabel(page.currency)}
              description={t.form.amountHint(money(page.minimumInstalmentCents))}
              inputMode="decimal"
              autoComplete="off"
              defaultValue={values?.amount ?? ""}
              error={errorOf("amount")}
              className="sm:pl-8"
            />
          </div>
          <div className="flex flex-col gap-3 rounded-lg border border-ink-200 p-3">
            <label className="flex min-h-11 items-center gap-3 font-medium text-ink-900">
              <input type="radio" name="mode" value="count" defaultChecked={mode === "count"} className={radio} />
              {t.form.modeCount}
            </label>
            <TextField
              name="count"
              label={t.form.countLabel}
              description={t.form.countHint(page.maxCount)}
              inputMode="numeric"
              autoComplete="off"
              defaultValue={values?.count ?? ""}
              error={errorOf("count")}
              className="sm:pl-8"
            />
          </div>
        </fieldset>
        <TextField
          name="firstDueOn"
          type="date"
          label={t.form.firstDueOnLabel}
          description={t.form.firstDueOnHint}
          min={page.today}
          max={page.latestDate}
          defaultValue={values?.firstDueOn || page.defaultFirstDueOn}
          error={errorOf("firstDueOn")}
          className="sm:max-w-xs"
        />
        <Button type="submit" className="w-full sm:w-auto sm:self-start" disabled={busy}>
          {t.form.submit}
        </Button>
      </Form>
    </Card>
  );
}

/** The hidden fields that carry an offer's terms back to the server, as the offer stated them. */
function TermsFields({ offer }: { offer: DebtorPlanOffer }) {
  const terms = offer.terms;
  return (
    <>
      <input type="hidden" name="mode" value={terms.mode} />
      {terms.mode === "amount" ? <input type="hidden" name="instalmentCents" value={terms.instalmentCents} /> : <input type="hidden" name="count" value={terms.count} />}
      <input type="hidden" name="firstDueOn" value={terms.firstDueOn} />
      <input type="hidden" name="locale" value={offer.locale} />
    </>
  );
}

function Offer({ offer, acknowledgeMissing, notice }: { offer: DebtorPlanOffer; acknowledgeMissing: boolean; notice: "offer_changed" | null }) {
  const { t, money, date } = useFormat(offer.currency);
  const busy = useNavigation().state === "submitting";
  const checkboxId = useId();
  const errorId = useId();
  const isCounter = offer.outcome === "counter";
  const first = offer.schedule[0]!;
  const last = offer.schedule.at(-1)!;
  return (
    <>
      {notice === "offer_changed" ? (
        <Alert tone="caution" live="alert">
          <p>{t.errors.offerChanged}</p>
        </Alert>
      ) : null}
      <Card title={isCounter ? t.offer.counterTitle : t.offer.acceptTitle} className={isCounter ? undefined : "border-positive-200"}>
        <p className="text-ink-700">{isCounter ? t.offer.counterIntro : t.offer.acceptIntro}</p>
        {isCounter && offer.reasons.length > 0 ? (
          <div className="mt-3 text-sm text-ink-700">
            <p className="font-medium">{t.offer.reasonsLabel}</p>
            <ul className="mt-1 list-disc pl-5">
              {offer.reasons.map((code) => (
                <li key={code}>{t.offer.reasons[code]}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <p className="mt-4 font-semibold text-ink-900">{t.offer.summary(offer.schedule.length, date(first.dueOn), date(last.dueOn))}</p>
        <div className="mt-3">
          <ReflowTable
            caption={t.offer.scheduleCaption}
            columns={[{ label: t.offer.seq }, { label: t.offer.dueOn }, { label: t.offer.amount, isNumeric: true }]}
            rows={offer.schedule.map((l) => ({
              key: String(l.seq),
              cells: [
                l.seq,
                <time key="d" dateTime={l.dueOn}>
                  {date(l.dueOn)}
                  {l.isDownPayment ? ` (${t.offer.downPayment})` : ""}
                </time>,
                money(l.amountCents),
              ],
            }))}
            foot={{ label: t.offer.total, value: money(offer.totalCents) }}
          />
        </div>
      </Card>
      <Card title={t.offer.ackTitle}>
        <p className="text-sm text-ink-700">{t.offer.ackIntro}</p>
        {/* Exactly the text that is stored when the plan is accepted. */}
        <blockquote lang={offer.locale} className="mt-3 rounded-lg border-l-4 border-brand-600 bg-ink-50 px-4 py-3 text-ink-900">
          {offer.acknowledgmentText}
        </blockquote>
        <Form method="post" noValidate className="mt-4 flex flex-col gap-4">
          <input type="hidden" name="intent" value="accept" />
          <input type="hidden" name="fingerprint" value={offer.fingerprint} />
          <TermsFields offer={offer} />
          <div className="flex flex-col gap-1">
            <div className="flex items-start gap-3">
              <input
                id={checkboxId}
                type="checkbox"
                name="acknowledge"
                value="yes"
                aria-required="true"
                aria-invalid={acknowledgeMissing ? true : undefined}
                aria-describedby={acknowledgeMissing ? errorId : undefined}
                autoFocus={acknowledgeMissing}
                className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
              />
              <label htmlFor={checkboxId} className="font-medium text-ink-900">
                {t.offer.acknowledgeLabel}
              </label>
            </div>
            {acknowledgeMissing ? (
              <p id={errorId} className="text-sm font-medium text-critical-700">
                {t.errors.acknowledge}
              </p>
            ) : null}
          </div>
          <Button type="submit" size="lg" className="w-full sm:w-auto sm:self-start" disabled={busy}>
            {t.offer.accept}
          </Button>
        </Form>
      </Card>
      {isCounter ? (
        <Card title={t.offer.referTitle} headingLevel={3}>
          <p className="text-sm text-ink-700">{t.offer.referHint}</p>
          <Form method="post" className="mt-3">
            <input type="hidden" name="intent" value="refer" />
            <TermsFields offer={offer} />
            <Button type="submit" variant="secondary" className="w-full sm:w-auto" disabled={busy}>
              {t.offer.refer}
            </Button>
          </Form>
        </Card>
      ) : null}
      <p>
        <Link to="/case/plan">{t.offer.changeProposal}</Link>
      </p>
    </>
  );
}

function Referred({ answerBy, currency }: { answerBy: string; currency: string }) {
  const { t, date } = useFormat(currency);
  return (
    <Alert tone="positive" title={t.referred.title} live="status">
      <p>{t.referred.body(date(answerBy))}</p>
      <p className="mt-2">{t.referred.next}</p>
    </Alert>
  );
}

/** Why the form is not offered: a proposal waiting, a plan already agreed, or the file's state. */
function Status({ page, reason }: { page: DebtorPlanPage; reason: DebtorProposalUnavailable }) {
  const { t, money, date } = useFormat(page.currency);
  if (page.waiting) {
    const w = page.waiting;
    return (
      <Alert tone="info" title={t.waiting.title}>
        <p>{w.kind === "settlement" ? t.waiting.settlementBody(money(w.totalCents), date(w.answerBy)) : t.waiting.planBody(date(w.answerBy))}</p>
      </Alert>
    );
  }
  if (page.plan) {
    return (
      <Card title={t.existing.title}>
        <p className="text-ink-700">{t.existing.body}</p>
        <p className="mt-4">
          <Link to="/case/plan/done" className={buttonClasses({ variant: "primary" })}>
            {t.existing.view}
          </Link>
        </p>
      </Card>
    );
  }
  return (
    <Alert tone={reason === "closed" || reason === "nothing_due" ? "positive" : "info"}>
      <p>{t.unavailable[reason]}</p>
    </Alert>
  );
}
