import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@recouvra/ui";
import { ALLOCATION_LABELS, money } from "~/utils/case-actions.ts";
import type { LedgerComponent } from "@recouvra/domain";

/** How a payment will be split across the balance's components, and what is left (or credited) after it. */
export function AllocationPreview({
  allocation,
  locale,
}: {
  allocation: { currency: string; lines: { component: LedgerComponent; amountCents: number }[]; surplusCents: number; balanceCents: number; balanceAfterCents: number };
  locale: string;
}) {
  const m = (c: number) => money(c, allocation.currency, locale);
  return (
    <div aria-live="polite">
      <p className="mb-1 text-sm font-semibold text-ink-800">How it will be allocated</p>
      <Table label="Allocation of the payment">
        <TableHead>
          <TableRow>
            <TableHeaderCell>Component</TableHeaderCell>
            <TableHeaderCell numeric>Paid off</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {allocation.lines.map((l) => (
            <TableRow key={l.component}>
              <TableCell>{ALLOCATION_LABELS[l.component]}</TableCell>
              <TableCell numeric>{m(l.amountCents)}</TableCell>
            </TableRow>
          ))}
          {allocation.surplusCents > 0 ? (
            <TableRow>
              <TableCell>Overpayment, kept as a credit to refund</TableCell>
              <TableCell numeric>{m(allocation.surplusCents)}</TableCell>
            </TableRow>
          ) : null}
        </TableBody>
      </Table>
      <p className="mt-2 text-sm text-ink-700">
        Balance {m(allocation.balanceCents)} → <strong>{m(allocation.balanceAfterCents)}</strong>
        {allocation.balanceAfterCents <= 0 ? " — the case will close as paid." : ""}
      </p>
    </div>
  );
}
