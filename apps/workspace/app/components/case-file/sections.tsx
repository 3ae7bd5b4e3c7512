import type { CaseFile } from "@recouvra/core";
import { formatMoney } from "@recouvra/domain";
import { Badge, EmptyState, Table, TableBody, TableCaption, TableCell, TableFoot, TableHead, TableHeaderCell, TableRow } from "@recouvra/ui";
import { COMPONENT_LABELS, formatDay, formatInstant, humanise, LEDGER_KIND_LABELS } from "~/utils/case-file.ts";
import { DocumentLink } from "./documents-section.tsx";

type Money = (cents: number) => string;
const moneyOf = (currency: string, locale: string): Money => (cents) => formatMoney(cents, currency, locale);
const signed = (money: Money, cents: number) => (cents < 0 ? `−${money(-cents)}` : money(cents));

/** Invoices placed with the case and the documents attached to each. */
export function ClaimsSection({ file, locale }: { file: CaseFile; locale: string }) {
  const money = moneyOf(file.header.currency, locale);
  if (file.claims.length === 0) return <EmptyState title="No invoices on this case" />;
  const total = file.claims.reduce((s, c) => s + c.principalCents, 0);
  return (
    <Table label="Invoices">
      <TableCaption>Invoices, oldest due first</TableCaption>
      <TableHead>
        <TableRow>
          <TableHeaderCell>Invoice</TableHeaderCell>
          <TableHeaderCell>Due</TableHeaderCell>
          <TableHeaderCell numeric>Principal</TableHeaderCell>
          <TableHeaderCell numeric>Interest</TableHeaderCell>
          <TableHeaderCell numeric>Costs</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {file.claims.map((c) => (
          <TableRow key={c.id}>
            <TableHeaderCell scope="row" className="whitespace-nowrap">
              {c.invoiceNumber}
              {c.description ? <span className="block min-w-40 text-sm font-normal whitespace-normal text-ink-600">{c.description}</span> : null}
              {/* Under the invoice rather than in a column of their own: the table then fits beside the actions panel. */}
              {c.documents.length > 0 ? (
                <ul aria-label={`Documents of invoice ${c.invoiceNumber}`} className="mt-1 flex min-w-40 flex-col gap-0.5 text-sm font-normal whitespace-normal">
                  {c.documents.map((d) => (
                    <li key={d.id}>
                      <DocumentLink id={d.id} filename={d.filename} mimeType={d.mimeType} />
                    </li>
                  ))}
                </ul>
              ) : null}
            </TableHeaderCell>
            <TableCell className="whitespace-nowrap">
              {formatDay(c.dueOn, locale)}
              <span className="block text-sm text-ink-600">issued {formatDay(c.issuedOn, locale)}</span>
            </TableCell>
            <TableCell numeric>{money(c.principalCents)}</TableCell>
            <TableCell numeric>{money(c.interestCents)}</TableCell>
            <TableCell numeric>{money(c.costsCents)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
      <TableFoot>
        <TableRow>
          <TableHeaderCell scope="row" colSpan={2}>
            Total placed
          </TableHeaderCell>
          <TableCell numeric>{money(total)}</TableCell>
          <TableCell colSpan={2} />
        </TableRow>
      </TableFoot>
    </Table>
  );
}

/** Every ledger entry with a running total, then the payments and how each was allocated. */
export function LedgerSection({ file, locale }: { file: CaseFile; locale: string }) {
  const money = moneyOf(file.header.currency, locale);
  return (
    <div className="flex flex-col gap-6">
      {file.ledger.length === 0 ? (
        <EmptyState title="The ledger is empty" />
      ) : (
        <Table label="Ledger">
          <TableCaption>Ledger entries, oldest first</TableCaption>
          <TableHead>
            <TableRow>
              <TableHeaderCell>Effective</TableHeaderCell>
              <TableHeaderCell>Component</TableHeaderCell>
              <TableHeaderCell>Entry</TableHeaderCell>
              <TableHeaderCell numeric>Amount</TableHeaderCell>
              <TableHeaderCell numeric>Balance</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {file.ledger.map((e) => (
              <TableRow key={e.id}>
                <TableCell className="whitespace-nowrap">{formatDay(e.effectiveOn, locale)}</TableCell>
                <TableCell>{COMPONENT_LABELS[e.component]}</TableCell>
                <TableCell className="min-w-56">
                  {LEDGER_KIND_LABELS[e.kind]}
                  {e.invoiceNumber ? ` · ${e.invoiceNumber}` : ""}
                  {e.description ? <span className="block text-sm text-ink-600">{e.description}</span> : null}
                </TableCell>
                <TableCell numeric className={e.amountCents < 0 ? "text-positive-700" : undefined}>
                  {signed(money, e.amountCents)}
                </TableCell>
                <TableCell numeric>{money(e.runningBalanceCents)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <div>
        <h3 className="mb-2 font-semibold text-ink-900">Payments and their allocation</h3>
        {file.payments.length === 0 ? (
          <EmptyState title="No payment received yet" />
        ) : (
          <Table label="Payments">
            <TableCaption>Payments, newest first</TableCaption>
            <TableHead>
              <TableRow>
                <TableHeaderCell>Received</TableHeaderCell>
                <TableHeaderCell>How</TableHeaderCell>
                <TableHeaderCell numeric>Amount</TableHeaderCell>
                <TableHeaderCell>Allocated to</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {file.payments.map((p) => (
                <TableRow key={p.id}>
                  <TableCell className="whitespace-nowrap">{formatInstant(p.receivedAt, locale)}</TableCell>
                  <TableCell>
                    {humanise(p.provider)}
                    <span className="block font-mono text-xs text-ink-600">{p.externalId}</span>
                    {p.status === "reversed" ? <Badge tone="critical">Reversed{p.reversalReason ? `: ${p.reversalReason}` : ""}</Badge> : null}
                  </TableCell>
                  <TableCell numeric>{money(p.amountCents)}</TableCell>
                  <TableCell>
                    <ul>
                      {p.allocation.map((a) => (
                        <li key={a.component} className="whitespace-nowrap">
                          {COMPONENT_LABELS[a.component]} <span className="tabular-nums">{money(a.amountCents)}</span>
                        </li>
                      ))}
                    </ul>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </div>
    </div>
  );
}

const STATUS_TONES: Record<string, "positive" | "caution" | "critical" | "neutral" | "brand"> = {
  active: "brand",
  accepted: "brand",
  completed: "positive",
  paid: "positive",
  kept: "positive",
  broken: "critical",
  missed: "critical",
  rejected: "neutral",
  proposed: "caution",
  countered: "caution",
  pending: "caution",
  partially_paid: "caution",
  scheduled: "neutral",
  cancelled: "neutral",
  waived: "neutral",
};

/** The current arrangement with its instalments, earlier proposals, and promises to pay. */
export function PlanSection({ file, locale }: { file: CaseFile; locale: string }) {
  const money = moneyOf(file.header.currency, locale);
  const plan = file.arrangement;
  const earlier = file.arrangements.filter((a) => a.id !== plan?.id);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h3 className="mb-2 font-semibold text-ink-900">Arrangement</h3>
        {plan ? (
          <div className="flex flex-col gap-3">
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-medium">
                {plan.kind === "settlement" ? "Settlement" : "Payment plan"} of {money(plan.totalCents)}
              </span>
              <Badge tone={STATUS_TONES[plan.status] ?? "neutral"}>{humanise(plan.status)}</Badge>
              <span className="text-sm text-ink-600">
                proposed by {plan.proposedBy} on {formatInstant(plan.createdAt, locale)}
              </span>
            </p>
            {plan.decisionReason ? <p className="text-sm text-ink-700">Decision: {plan.decisionReason}</p> : null}
            {plan.mandate ? (
              <p className="text-sm text-ink-700">
                Collected automatically from {plan.mandate.label} ({plan.mandate.method === "sepa_debit" ? "SEPA Direct Debit mandate" : "saved card"}), set up by the debtor on{" "}
                {formatInstant(plan.mandate.createdAt, locale)}
              </p>
            ) : null}
            {plan.acknowledgmentText ? (
              <blockquote className="border-l-4 border-brand-200 bg-brand-50 px-3 py-2 text-sm text-ink-800">
                {plan.acknowledgmentText}
                {plan.acknowledgedAt ? <span className="block text-ink-600">Acknowledged {formatInstant(plan.acknowledgedAt, locale)}</span> : null}
              </blockquote>
            ) : null}
            {plan.instalments.length > 0 ? (
              <Table label="Instalments">
                <TableCaption>Instalments of the {plan.kind === "settlement" ? "settlement" : "plan"}</TableCaption>
                <TableHead>
                  <TableRow>
                    <TableHeaderCell>#</TableHeaderCell>
                    <TableHeaderCell>Due</TableHeaderCell>
                    <TableHeaderCell numeric>Amount</TableHeaderCell>
                    <TableHeaderCell numeric>Paid</TableHeaderCell>
                    <TableHeaderCell>Status</TableHeaderCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {plan.instalments.map((i) => (
                    <TableRow key={i.id}>
                      <TableHeaderCell scope="row">{i.seq}</TableHeaderCell>
                      <TableCell className="whitespace-nowrap">{formatDay(i.dueOn, locale)}</TableCell>
                      <TableCell numeric>{money(i.amountCents)}</TableCell>
                      <TableCell numeric>{money(i.paidCents)}</TableCell>
                      <TableCell>
                        <Badge tone={STATUS_TONES[i.status] ?? "neutral"}>{humanise(i.status)}</Badge>
                        {i.paidOn ? <span className="block text-sm text-ink-600">on {formatDay(i.paidOn, locale)}</span> : null}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            ) : null}
          </div>
        ) : (
          <EmptyState title="No payment plan or settlement" />
        )}
        {earlier.length > 0 ? (
          <ul className="mt-3 flex flex-col gap-1 text-sm text-ink-700" aria-label="Earlier proposals">
            {earlier.map((a) => (
              <li key={a.id}>
                Earlier: {a.kind === "settlement" ? "settlement" : "plan"} of {money(a.totalCents)} — {humanise(a.status).toLowerCase()} ({formatInstant(a.createdAt, locale)})
                {a.decisionReason ? `: ${a.decisionReason}` : ""}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div>
        <h3 className="mb-2 font-semibold text-ink-900">Promises to pay</h3>
        {file.promises.length === 0 ? (
          <EmptyState title="No promise to pay" />
        ) : (
          <Table label="Promises to pay">
            <TableCaption>Promises to pay, newest first</TableCaption>
            <TableHead>
              <TableRow>
                <TableHeaderCell>Made</TableHeaderCell>
                <TableHeaderCell>Due</TableHeaderCell>
                <TableHeaderCell numeric>Amount</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {file.promises.map((p) => (
                <TableRow key={p.id}>
                  <TableCell className="whitespace-nowrap">
                    {formatDay(p.promisedOn, locale)}
                    {p.madeWith ? <span className="block text-sm text-ink-600">with {p.madeWith}</span> : null}
                  </TableCell>
                  <TableCell className="whitespace-nowrap">{formatDay(p.dueOn, locale)}</TableCell>
                  <TableCell numeric>{money(p.amountCents)}</TableCell>
                  <TableCell>
                    <Badge tone={STATUS_TONES[p.status] ?? "neutral"}>{humanise(p.status)}</Badge>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </div>
      {file.disputes.length > 0 ? (
        <div>
          <h3 className="mb-2 font-semibold text-ink-900">Disputes</h3>
          <ul className="flex flex-col gap-2">
            {file.disputes.map((d) => (
              <li key={d.id} className="rounded-lg border border-ink-200 bg-white p-3 text-sm">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{humanise(d.reason)}</span>
                  <Badge tone={d.status === "open" ? "caution" : "neutral"}>{humanise(d.status)}</Badge>
                  <span className="text-ink-600">opened {formatInstant(d.openedAt, locale)}</span>
                </p>
                {d.details ? <p className="mt-1 text-ink-700">{d.details}</p> : null}
                {d.resolution ? <p className="mt-1 text-ink-700">Resolution: {d.resolution}</p> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/** The 90-day review and the legal dossier. */
export function EscalationsSection({ file, locale }: { file: CaseFile; locale: string }) {
  return (
    <ul className="flex flex-col gap-2">
      {file.escalations.map((e) => (
        <li key={e.id} className="rounded-lg border border-ink-200 bg-white p-3 text-sm">
          <p className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{e.kind === "legal_dossier" ? "Legal dossier" : "90-day review"}</span>
            <Badge tone={e.status === "open" ? "caution" : "neutral"}>{e.status === "open" ? `Due ${formatDay(e.dueOn, locale)}` : `Decided: ${humanise(e.decision ?? "")}`}</Badge>
          </p>
          {e.recommendation ? <p className="mt-1 text-ink-700">Recommendation: {e.recommendation}</p> : null}
          {e.rationale ? <p className="mt-1 text-ink-700">Rationale: {e.rationale}</p> : null}
        </li>
      ))}
    </ul>
  );
}
