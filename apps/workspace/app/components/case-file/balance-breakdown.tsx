import type { CaseFileBalance } from "@recouvra/core";
import { formatMoney } from "@recouvra/domain";
import { COMPONENT_COLOURS, COMPONENT_LABELS, formatDay } from "~/utils/case-file.ts";

/** The balance split by component: a stacked bar, and for each component the entries that make it up. */
export function BalanceBreakdown({ balance, locale }: { balance: CaseFileBalance; locale: string }) {
  const money = (cents: number) => formatMoney(cents, balance.currency, locale);
  const owed = balance.components.filter((c) => c.balanceCents > 0);
  const positive = owed.reduce((s, c) => s + c.balanceCents, 0);
  const spoken = owed.map((c) => `${COMPONENT_LABELS[c.component]} ${money(c.balanceCents)}`).join(", ");
  return (
    <div className="flex flex-col gap-4">
      {positive > 0 ? (
        <div role="img" aria-label={`Balance of ${money(balance.totals.totalCents)}: ${spoken}`} className="flex h-4 w-full overflow-hidden rounded-full bg-ink-100">
          {owed.map((c) => (
            <div key={c.component} className={COMPONENT_COLOURS[c.component]} style={{ width: `${(c.balanceCents / positive) * 100}%` }} />
          ))}
        </div>
      ) : (
        <p className="text-ink-700">Nothing is owed on this case.</p>
      )}
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label="Balance per component">
        {balance.components.map((c) => (
          <li key={c.component} className="flex items-start gap-2">
            <span aria-hidden="true" className={`mt-1.5 inline-block size-3 shrink-0 rounded-sm ${COMPONENT_COLOURS[c.component]}`} />
            <span>
              <span className="block text-sm text-ink-600">{COMPONENT_LABELS[c.component]}</span>
              <span className="font-semibold tabular-nums">{money(c.balanceCents)}</span>
            </span>
          </li>
        ))}
      </ul>

      <div className="flex flex-col gap-2">
        <h3 className="font-semibold text-ink-900">How each amount was computed</h3>
        {balance.components
          .filter((c) => c.lines.length > 0)
          .map((c) => (
            <details key={c.component} className="rounded-lg border border-ink-200 bg-white px-4 py-2 open:pb-3" open={c.component !== "principal" && c.lines.length <= 6}>
              <summary className="cursor-pointer py-1 font-medium">
                {COMPONENT_LABELS[c.component]}: {money(c.balanceCents)}{" "}
                <span className="font-normal text-ink-600">
                  ({c.lines.length} entr{c.lines.length === 1 ? "y" : "ies"})
                </span>
              </summary>
              <ul className="mt-2 flex flex-col gap-2 text-sm">
                {c.lines.map((l) => (
                  <li key={l.entryId} className="flex flex-col gap-0.5 border-l-2 border-ink-200 pl-3 sm:flex-row sm:justify-between sm:gap-4">
                    <span>
                      <span className="text-ink-900">{l.summary}</span>
                      {l.basis && l.kind !== "placed" ? <span className="block text-ink-600">Basis: {l.basis}</span> : null}
                      <span className="block text-ink-600">Effective {formatDay(l.effectiveOn, locale)}</span>
                    </span>
                    <span className={`shrink-0 font-medium tabular-nums ${l.amountCents < 0 ? "text-positive-700" : "text-ink-900"}`}>
                      {l.amountCents < 0 ? "−" : "+"}
                      {money(Math.abs(l.amountCents))}
                    </span>
                  </li>
                ))}
              </ul>
            </details>
          ))}
        <p className="text-sm text-ink-600">Payments are allocated by law. {balance.allocationRule}</p>
      </div>
    </div>
  );
}
