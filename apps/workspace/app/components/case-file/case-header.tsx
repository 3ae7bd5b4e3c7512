import type { ReactNode } from "react";
import type { CaseFileBalance, CaseFileHeader } from "@recouvra/core";
import { formatMoney } from "@recouvra/domain";
import { Badge } from "@recouvra/ui";
import { CLOSURE_LABELS, days, formatDay, formatInstant, HOLD_LABELS, nextActionLabel } from "~/utils/case-file.ts";
import { STAGE_LABELS } from "~/utils/labels.ts";

/** The case's `<h1>` and the facts a handler (or the creditor) wants at a glance. */
export function CaseHeader({ header, balance, locale }: { header: CaseFileHeader; balance: CaseFileBalance; locale: string }) {
  const money = (cents: number) => formatMoney(cents, header.currency, locale);
  return (
    <header className="mb-6 flex flex-col gap-4">
      <div className="flex flex-col gap-2">
        <p className="text-sm text-ink-600">
          <a href="/cases">Cases</a> <span aria-hidden="true">/</span> <span>{header.client.name}</span>
        </p>
        <h1 className="text-2xl font-bold tracking-tight text-ink-900 sm:text-3xl">
          Case {header.reference}
        </h1>
        <p className="text-lg text-ink-800">
          <span className="font-semibold">{header.debtor.name}</span>
          <span className="text-ink-600">
            {" "}
            · {header.debtor.type === "business" ? "Business" : "Consumer"} · {header.debtor.kind === "company" ? "Company" : "Person"} · speaks{" "}
            {header.debtor.locale.toUpperCase()}
          </span>
        </p>
        <div className="flex flex-wrap items-center gap-2" aria-label="Status">
          <Badge tone={header.stage === "closed" ? "neutral" : "brand"}>{STAGE_LABELS[header.stage]}</Badge>
          {header.closureReason ? <Badge tone="neutral">{CLOSURE_LABELS[header.closureReason]}</Badge> : null}
          {header.holds.map((h) => (
            <Badge key={h} tone="caution">
              On hold: {HOLD_LABELS[h]}
            </Badge>
          ))}
          {balance.isOutOfStep ? <Badge tone="critical">Balance out of step with the ledger</Badge> : null}
        </div>
      </div>

      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Fact label="Balance due" value={money(balance.totals.totalCents)} hint={`Principal ${money(balance.totals.principalCents)}`} />
        <Fact
          label="Since placement"
          value={days(header.daysSincePlacement)}
          hint={`Placed ${formatDay(header.placedOn, locale)}${header.closedOn ? `, closed ${formatDay(header.closedOn, locale)}` : ""}`}
        />
        <Fact
          label="Since formal notice"
          value={header.daysSinceNotice === null ? "Not sent" : days(header.daysSinceNotice)}
          hint={header.noticeSentOn ? `Sent ${formatDay(header.noticeSentOn, locale)}` : "The notice starts the process"}
        />
        <Fact
          label="Next action"
          value={header.nextAction ? nextActionLabel(header.nextAction.kind) : "None scheduled"}
          hint={header.nextAction ? `${header.nextAction.isOverdue ? "Overdue since" : "On"} ${formatDay(header.nextAction.on, locale)}` : undefined}
          isAlert={header.nextAction?.isOverdue}
          small
        />
      </dl>

      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
        <Detail label="Client creditor" value={header.client.name} />
        <Detail label="Client's file" value={header.clientReference ?? "—"} />
        <Detail label="Payment reference" value={<span className="font-mono">{header.paymentReference}</span>} />
        <Detail label="Jurisdiction" value={header.jurisdiction} />
        {header.assignedTo || header.team ? (
          <Detail label="Handled by" value={[header.assignedTo?.name, header.team?.name].filter(Boolean).join(", ")} />
        ) : null}
        <Detail label="Last contact" value={header.lastContactAt ? formatInstant(header.lastContactAt, locale) : "None yet"} />
        {header.reviewDueOn && header.stage !== "closed" ? <Detail label="90-day review" value={formatDay(header.reviewDueOn, locale)} /> : null}
        {header.dossierDueOn && header.stage !== "closed" ? <Detail label="Legal dossier due" value={formatDay(header.dossierDueOn, locale)} /> : null}
        {header.propensityScore !== null ? <Detail label="Propensity to pay" value={`${header.propensityScore} / 100`} /> : null}
      </dl>
    </header>
  );
}

function Fact({ label, value, hint, isAlert, small }: { label: string; value: string; hint?: string; isAlert?: boolean; small?: boolean }) {
  return (
    <div className="flex flex-col rounded-card border border-ink-200 bg-white p-3 shadow-card sm:p-4">
      <dt className="text-sm font-medium text-ink-600">{label}</dt>
      <dd className={`mt-1 font-semibold text-ink-900 tabular-nums ${small ? "text-base sm:text-lg" : "text-lg sm:text-2xl"}`}>{value}</dd>
      {hint ? <dd className={`mt-1 text-sm ${isAlert ? "font-medium text-critical-700" : "text-ink-600"}`}>{hint}</dd> : null}
    </div>
  );
}

function Detail({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="flex gap-2">
      <dt className="text-ink-600">{label}:</dt>
      <dd className="font-medium text-ink-900">{value}</dd>
    </div>
  );
}
