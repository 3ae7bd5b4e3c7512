import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { AgencyProfile, DebtorStatement, StatementCommitment, StatementLine } from "@recouvra/core";
import { formatStatementDate, formatStatementMoney } from "@recouvra/domain";
import { Alert, buttonClasses, Card } from "@recouvra/ui";
import type { ReactNode } from "react";
import { ReflowTable } from "~/components/reflow-table.tsx";
import { DEFAULT_LOCALE, isLocale, type Locale } from "~/i18n/index.ts";
import { SELF_SERVICE_TEXTS } from "~/i18n/self-service.ts";
import { STATEMENT_TEXTS, type StatementTexts } from "~/i18n/statement.ts";
import type { loader as rootLoader } from "~/root.tsx";
import { loadStatement } from "~/utils/statement.server.ts";

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ matches, data }) => {
  const root = matches.find((m) => m.id === "root")?.data;
  const language = data?.statement.language ?? root?.locale;
  const t = STATEMENT_TEXTS[isLocale(language) ? language : DEFAULT_LOCALE];
  return [{ title: data ? t.title(data.statement.case.reference) : t.metaTitle }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  return loadStatement(request);
}

/** Formatting in the page language, shared by the sections below. */
function useFormat() {
  const { statement } = useLoaderData<typeof loader>();
  // The statement's own language, so its headings and the domain's explanations never disagree.
  const locale = statement.language;
  return {
    locale,
    t: STATEMENT_TEXTS[locale],
    money: (cents: number) => formatStatementMoney(cents, statement.case.currency, locale),
    date: (iso: string) => formatStatementDate(iso.slice(0, 10), locale),
  };
}

// The statement page: the summary and what the debtor can do first, then every amount explained,
// then the documents. Everything is in the server-rendered HTML, so it reads without JavaScript.
export default function CaseStatement() {
  const { statement: s } = useLoaderData<typeof loader>();
  const { t } = useFormat();
  const agencyName = s.agency?.name ?? null;
  return (
    // Marked with its language: the statement follows the debtor's language even where the page
    // around it (resolved before the session is known) is in another one.
    <div className="flex flex-col gap-6" lang={s.language}>
      <header>
        <h1 className="text-2xl font-bold tracking-tight text-ink-900 sm:text-3xl">{t.title(s.case.reference)}</h1>
        <p className="mt-2 max-w-prose text-ink-700">{agencyName ? t.intro(s.creditor.name, agencyName) : t.introWithoutAgency(s.creditor.name)}</p>
      </header>
      <Summary statement={s} />
      <OtherThings statement={s} />
      {s.commitment ? <Commitment commitment={s.commitment} /> : null}
      <Parties statement={s} />
      <Invoices statement={s} />
      <Lines title={t.interest.title} description={t.interest.description} empty={t.interest.empty} lines={s.interest} kind="interest" />
      <Lines title={t.costs.title} description={t.costs.description} empty={t.costs.empty} lines={s.costs} kind="costs" />
      {s.corrections.length > 0 ? <Corrections lines={s.corrections} /> : null}
      <Payments statement={s} />
      <Balance statement={s} />
      <Documents statement={s} />
      {s.agency ? <Help agency={s.agency} /> : null}
    </div>
  );
}

function Summary({ statement: s }: { statement: DebtorStatement }) {
  const { t, money, date } = useFormat();
  const owes = !s.case.isClosed && s.balance.totalCents > 0;
  // A debtor with an agreed plan or settlement keeps to it: offering another plan would only confuse.
  const hasPlan = s.commitment?.kind === "plan" || s.commitment?.kind === "settlement";
  return (
    <Card title={t.summary.title} className="border-brand-200">
      <dl className="grid gap-4 sm:grid-cols-2">
        <div>
          <dt className="text-sm font-medium text-ink-600">{hasPlan ? t.summary.balanceUnderPlan : t.summary.balance}</dt>
          <dd className="mt-1 text-3xl font-bold tabular-nums text-ink-900">{money(Math.max(0, s.balance.totalCents))}</dd>
          <dd className="mt-1 text-sm text-ink-600">{t.summary.asOf(date(s.today))}</dd>
        </div>
        {owes && s.deadline ? (
          <div>
            <dt className="text-sm font-medium text-ink-600">{t.summary.deadline}</dt>
            <dd className="mt-1 text-2xl font-semibold text-ink-900">
              <time dateTime={s.deadline}>{date(s.deadline)}</time>
            </dd>
            <dd className="mt-1 text-sm text-ink-600">{t.summary.deadlineHint}</dd>
          </div>
        ) : null}
      </dl>
      {owes && !s.deadline && !s.commitment ? <p className="mt-4 text-ink-700">{t.summary.noDeadline}</p> : null}
      {s.case.isClosed || !owes ? (
        <Alert tone="positive" className="mt-4">
          <p>{s.case.isClosed ? `${t.summary.closed} ${s.balance.totalCents <= 0 ? t.summary.nothingOwed : ""}`.trim() : t.summary.nothingOwed}</p>
        </Alert>
      ) : null}
      {s.case.isDisputed ? (
        <Alert tone="info" className="mt-4">
          <p>{t.summary.disputed}</p>
        </Alert>
      ) : null}
      {owes ? (
        <nav aria-label={t.actions.label} className="mt-5">
          <ul className="flex flex-col gap-3 sm:flex-row sm:flex-wrap">
            <li>
              <Link to="/case/pay" className={buttonClasses({ variant: "primary", size: "lg", className: "w-full sm:w-auto" })}>
                {t.actions.pay}
              </Link>
            </li>
            {hasPlan ? null : (
              <li>
                <Link to="/case/plan" className={buttonClasses({ variant: "secondary", size: "lg", className: "w-full sm:w-auto" })}>
                  {t.actions.plan}
                </Link>
              </li>
            )}
            {s.case.isDisputed ? null : (
              <li>
                <Link to="/case/dispute" className={buttonClasses({ variant: "ghost", size: "lg", className: "w-full sm:w-auto" })}>
                  {t.actions.dispute}
                </Link>
              </li>
            )}
          </ul>
        </nav>
      ) : null}
    </Card>
  );
}

/** The self-service pages besides paying and plans, as a short list of links. */
function OtherThings({ statement: s }: { statement: DebtorStatement }) {
  const { locale } = useFormat();
  const t = SELF_SERVICE_TEXTS[locale].other;
  const isOpen = !s.case.isClosed;
  const links = [
    ...(isOpen && !s.case.isDisputed ? [{ to: "/case/dispute", label: t.dispute }, { to: "/case/paid", label: t.paid }] : []),
    { to: "/case/messages", label: t.messages },
    ...(isOpen ? [{ to: "/case/callback", label: t.callback }] : []),
    { to: "/case/contact", label: t.contact },
  ];
  return (
    <Card title={t.title}>
      <ul className="grid gap-x-6 gap-y-1 sm:grid-cols-2">
        {links.map((l) => (
          <li key={l.to}>
            <Link to={l.to} className="inline-flex min-h-11 items-center">
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function Commitment({ commitment: c }: { commitment: StatementCommitment }) {
  const { t, money, date } = useFormat();
  if (c.kind === "promise") {
    return (
      <Card title={t.commitment.promiseTitle}>
        <p>{t.commitment.promiseBody(money(c.amountCents), date(c.dueOn))}</p>
      </Card>
    );
  }
  if (c.kind === "settlement") {
    return (
      <Card title={t.commitment.settlementTitle}>
        <p>{t.commitment.settlementBody(money(c.totalCents), c.dueOn ? date(c.dueOn) : null)}</p>
      </Card>
    );
  }
  return (
    <Card title={t.commitment.planTitle}>
      <p>{t.commitment.planBody(money(c.totalCents), c.instalments.length)}</p>
      {c.nextDue ? <p className="mt-2 font-semibold text-ink-900">{t.commitment.nextInstalment(money(c.nextDue.amountCents), date(c.nextDue.dueOn))}</p> : null}
      <div className="mt-4">
        <ReflowTable
          caption={t.commitment.instalmentsCaption}
          columns={[{ label: t.commitment.instalment }, { label: t.commitment.due }, { label: t.commitment.amount, isNumeric: true }, { label: t.commitment.paid, isNumeric: true }]}
          rows={c.instalments.map((i) => ({
            key: String(i.seq),
            cells: [`${i.seq} · ${t.commitment.status[i.status] ?? i.status}`, date(i.dueOn), money(i.amountCents), money(i.paidCents)],
          }))}
        />
      </div>
    </Card>
  );
}

function Parties({ statement: s }: { statement: DebtorStatement }) {
  const { t } = useFormat();
  const item = (label: string, value: ReactNode, hint?: string) => (
    <div>
      <dt className="text-sm font-medium text-ink-600">{label}</dt>
      <dd className="mt-1 font-semibold text-ink-900">{value}</dd>
      {hint ? <dd className="text-sm text-ink-600">{hint}</dd> : null}
    </div>
  );
  return (
    <Card title={t.parties.title}>
      <dl className="grid gap-4 sm:grid-cols-2">
        {item(t.parties.creditor, s.creditor.legalName === s.creditor.name ? s.creditor.name : `${s.creditor.name} (${s.creditor.legalName})`, t.parties.creditorHint)}
        {s.agency ? item(t.parties.agency, s.agency.legalName ?? s.agency.name, t.parties.agencyHint) : null}
        {item(t.parties.reference, <span className="break-all">{s.case.reference}</span>)}
        {item(t.parties.paymentReference, <span className="break-all">{s.case.paymentReference}</span>, t.parties.paymentReferenceHint)}
      </dl>
    </Card>
  );
}

function Invoices({ statement: s }: { statement: DebtorStatement }) {
  const { t, money, date } = useFormat();
  return (
    <Card title={t.invoices.title}>
      {s.invoices.length === 0 ? (
        <p className="text-ink-700">{t.invoices.empty}</p>
      ) : (
        <ReflowTable
          caption={t.invoices.caption}
          columns={[{ label: t.invoices.invoice }, { label: t.invoices.issued }, { label: t.invoices.due }, { label: t.invoices.amount, isNumeric: true }]}
          rows={s.invoices.map((i) => ({ key: i.id, cells: [i.invoiceNumber, date(i.issuedOn), date(i.dueOn), money(i.principalCents)] }))}
          foot={s.invoices.length > 1 ? { label: t.invoices.total, value: money(s.invoices.reduce((sum, i) => sum + i.principalCents, 0)) } : undefined}
        />
      )}
    </Card>
  );
}

/** The legal basis and the "how and why" of one amount, under its row. */
function Explanation({ line, basisLabel }: { line: StatementLine; basisLabel: string }) {
  const { t } = useFormat();
  return (
    <div className="flex flex-col gap-1">
      {line.detail ? <p>{line.detail}</p> : null}
      {line.basis ? (
        <p>
          <span className="font-medium">
            {basisLabel}
            {t.colon}
          </span>{" "}
          {line.basis}
        </p>
      ) : null}
    </div>
  );
}

function Lines({ title, description, empty, lines, kind }: { title: string; description: string; empty: string; lines: StatementLine[]; kind: "interest" | "costs" }) {
  const { t, money, date } = useFormat();
  const total = lines.reduce((sum, l) => sum + l.amountCents, 0);
  return (
    <Card title={title} description={lines.length > 0 ? description : undefined}>
      {lines.length === 0 ? (
        <p className="text-ink-700">{empty}</p>
      ) : kind === "interest" ? (
        <ReflowTable
          caption={t.interest.caption}
          columns={[{ label: t.interest.what }, { label: t.interest.period }, { label: t.interest.rate }, { label: t.interest.amount, isNumeric: true }]}
          rows={lines.map((l) => ({
            key: l.id,
            cells: [l.title, l.interest ? t.periodText(date(l.interest.from), date(l.interest.to), l.interest.days) : date(l.effectiveOn), l.interest?.rates ?? "—", money(l.amountCents)],
            note: <Explanation line={l} basisLabel={t.interest.basis} />,
          }))}
          foot={lines.length > 1 ? { label: title, value: money(total) } : undefined}
        />
      ) : (
        <ReflowTable
          caption={t.costs.caption}
          columns={[{ label: t.costs.what }, { label: t.costs.owedFrom }, { label: t.costs.amount, isNumeric: true }]}
          rows={lines.map((l) => ({
            key: l.id,
            cells: [l.invoiceNumber ? `${l.title} · ${l.invoiceNumber}` : l.title, date(l.effectiveOn), money(l.amountCents)],
            note: <Explanation line={l} basisLabel={t.costs.basis} />,
          }))}
          foot={lines.length > 1 ? { label: title, value: money(total) } : undefined}
        />
      )}
    </Card>
  );
}

function Corrections({ lines }: { lines: StatementLine[] }) {
  const { t, money, date } = useFormat();
  return (
    <Card title={t.corrections.title}>
      <ReflowTable
        caption={t.corrections.caption}
        columns={[{ label: t.corrections.what }, { label: t.corrections.date }, { label: t.corrections.amount, isNumeric: true }]}
        rows={lines.map((l) => ({ key: l.id, cells: [l.title, date(l.effectiveOn), money(l.amountCents)] }))}
      />
    </Card>
  );
}

function Payments({ statement: s }: { statement: DebtorStatement }) {
  const { t, money, date } = useFormat();
  return (
    <Card title={t.payments.title}>
      {s.payments.length === 0 ? (
        <p className="text-ink-700">{t.payments.empty}</p>
      ) : (
        <ReflowTable
          caption={t.payments.caption}
          columns={[{ label: t.payments.date }, { label: t.payments.method }, { label: t.payments.allocation }, { label: t.payments.amount, isNumeric: true }]}
          rows={s.payments.map((p) => ({
            key: p.id,
            cells: [
              date(p.receivedOn),
              p.isReversed ? `${t.payments.providers[p.provider] ?? p.provider} · ${t.payments.reversed}` : (t.payments.providers[p.provider] ?? p.provider),
              p.allocation.map((a) => `${t.payments.components[a.component] ?? a.component}${t.colon} ${money(a.amountCents)}`).join(", ") || "—",
              money(p.amountCents),
            ],
          }))}
        />
      )}
      {s.payments.length > 0 ? <p className="mt-4 text-sm text-ink-700">{s.allocationRule}</p> : null}
    </Card>
  );
}

function Balance({ statement: s }: { statement: DebtorStatement }) {
  const { t, money } = useFormat();
  const b = s.balance;
  const rows = [
    { key: "principal", label: t.balance.principal, cents: b.principalCents },
    { key: "interest", label: t.balance.interest, cents: b.interestCents },
    { key: "costs", label: t.balance.costs, cents: b.costsCents },
    ...(b.feesCents !== 0 ? [{ key: "fees", label: t.balance.fees, cents: b.feesCents }] : []),
  ];
  return (
    <Card title={t.balance.title}>
      {/* Two short columns fit a phone as they are: an ordinary table reads best here. */}
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{t.balance.caption}</caption>
        <thead className="border-b border-ink-200 text-sm text-ink-600">
          <tr>
            <th scope="col" className="py-2 font-semibold">
              {t.balance.component}
            </th>
            <th scope="col" className="py-2 text-right font-semibold">
              {t.balance.amount}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-ink-100">
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row" className="py-2 font-normal">
                {r.label}
              </th>
              <td className="py-2 text-right whitespace-nowrap tabular-nums">{money(r.cents)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t-2 border-ink-200 font-semibold">
          <tr>
            <th scope="row" className="py-2 pr-4">
              {t.balance.total}
            </th>
            <td className="py-2 text-right whitespace-nowrap tabular-nums">{money(Math.max(0, b.totalCents))}</td>
          </tr>
        </tfoot>
      </table>
      {b.paidCents > 0 ? (
        <p className="mt-3 text-sm text-ink-700">
          {t.balance.paid}
          {t.colon} <span className="font-semibold tabular-nums">{money(b.paidCents)}</span>
        </p>
      ) : null}
    </Card>
  );
}

function fileSize(bytes: number, t: StatementTexts, locale: Locale): string {
  const number = (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n);
  return bytes >= 1024 * 1024 ? `${number(bytes / (1024 * 1024))} ${t.sizeUnits.mb}` : `${number(Math.max(1, Math.round(bytes / 1024)))} ${t.sizeUnits.kb}`;
}

function Documents({ statement: s }: { statement: DebtorStatement }) {
  const { t, date, locale } = useFormat();
  return (
    <Card title={t.documents.title} description={t.documents.description}>
      {s.documents.length === 0 ? (
        <p className="text-ink-700">{t.documents.empty}</p>
      ) : (
        <ul className="divide-y divide-ink-100">
          {s.documents.map((d) => {
            const name = [t.documents.kinds[d.kind] ?? d.kind, d.invoiceNumber].filter(Boolean).join(" ");
            return (
              <li key={d.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  {/* A plain link: the browser downloads or shows the file itself, with or without JavaScript. */}
                  <a href={`/case/documents/${d.id}`} className="font-semibold [overflow-wrap:anywhere]">
                    <span className="sr-only">{t.documents.download(name)}: </span>
                    {name}
                  </a>
                  <p className="text-sm text-ink-600 [overflow-wrap:anywhere]">
                    {d.filename} · {fileSize(d.sizeBytes, t, locale)} · {t.documents.added(date(d.createdAt))}
                  </p>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

function Help({ agency }: { agency: AgencyProfile }) {
  const { t } = useFormat();
  return (
    <Card title={t.help.title}>
      <p className="text-ink-700">{t.help.body}</p>
      <dl className="mt-3 grid gap-2 sm:grid-cols-2">
        {agency.phone ? (
          <div>
            <dt className="text-sm font-medium text-ink-600">{t.help.phone}</dt>
            <dd>
              <a href={`tel:${agency.phone.replace(/[^+\d]/g, "")}`}>{agency.phone}</a>
            </dd>
          </div>
        ) : null}
        {agency.email ? (
          <div>
            <dt className="text-sm font-medium text-ink-600">{t.help.email}</dt>
            <dd>
              <a href={`mailto:${agency.email}`} className="break-all">
                {agency.email}
              </a>
            </dd>
          </div>
        ) : null}
      </dl>
    </Card>
  );
}
