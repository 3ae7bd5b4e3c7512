import { Link, useNavigate } from "@remix-run/react";
import type { QueueReasonCode } from "@recouvra/domain";
import { Badge, cx, Table, TableBody, TableCaption, TableCell, TableHead, TableHeaderCell, TableRow } from "@recouvra/ui";
import { useCallback, useEffect, useState } from "react";
import { STAGE_LABELS } from "~/utils/labels.ts";
import { HOLD_LABELS, REASON_TONES, visibleReasons } from "~/utils/queue.ts";

/** One case as the page shows it (amounts already formatted for the reader's locale). */
export interface QueueListItem {
  caseId: string;
  reference: string;
  debtorName: string;
  clientName: string;
  stage: keyof typeof STAGE_LABELS;
  holds: string[];
  balance: string;
  daysSincePlacement: number;
  reasons: { code: QueueReasonCode; detail: string }[];
}

const caseHref = (id: string) => `/cases/${id}`;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName);
}

/** The link of row `index` that is on screen (the table on wide screens, the card on phones). */
function visibleLink(index: number): HTMLAnchorElement | null {
  const links = document.querySelectorAll<HTMLAnchorElement>(`[data-queue-link="${index}"]`);
  return Array.from(links).find((a) => a.offsetParent !== null) ?? null;
}

/**
 * j/k or ↓/↑ move the selection, Enter opens it, n opens the top case, / goes to the search box.
 * Letters are ignored while typing in a field; arrows only move the selection when focus is in the
 * list or nowhere in particular, so they still scroll the page and work in the filters elsewhere.
 */
function useQueueKeys(items: QueueListItem[], searchId: string) {
  const navigate = useNavigate();
  const [selected, setSelected] = useState(0);
  useEffect(() => setSelected(0), [items]);

  const select = useCallback(
    (index: number) => {
      const next = Math.max(0, Math.min(items.length - 1, index));
      setSelected(next);
      visibleLink(next)?.focus();
    },
    [items.length],
  );

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      const active = document.activeElement;
      const inList = active === null || active === document.body || (active instanceof HTMLElement && active.closest("[data-queue]") !== null);
      if (event.key === "/") {
        event.preventDefault();
        document.getElementById(searchId)?.focus();
        return;
      }
      if (items.length === 0) return;
      if (event.key === "j" || (event.key === "ArrowDown" && inList)) {
        event.preventDefault();
        select(selected + 1);
      } else if (event.key === "k" || (event.key === "ArrowUp" && inList)) {
        event.preventDefault();
        select(selected - 1);
      } else if (event.key === "n") {
        event.preventDefault();
        navigate(caseHref(items[0]!.caseId));
      } else if (event.key === "Enter" && inList && !(active instanceof HTMLAnchorElement)) {
        // On a focused link, Enter already follows it; this covers the selection with focus elsewhere.
        event.preventDefault();
        navigate(caseHref(items[selected]!.caseId));
      }
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [items, navigate, searchId, select, selected]);

  return { selected, setSelected };
}

function Reasons({ reasons }: { reasons: QueueListItem["reasons"] }) {
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="Why this case">
      {visibleReasons(reasons).map((r) => (
        <li key={r.code}>
          <Badge tone={REASON_TONES[r.code]} className="text-xs sm:text-sm">
            {r.detail}
          </Badge>
        </li>
      ))}
    </ul>
  );
}

function Holds({ holds }: { holds: string[] }) {
  return holds.map((h) => (
    <Badge key={h} tone="caution" className="ml-1 text-xs">
      {HOLD_LABELS[h] ?? h}
    </Badge>
  ));
}

/** The queue as a table on wide screens and as cards on a phone, with keyboard navigation. */
export function QueueList({ items, caption, searchId }: { items: QueueListItem[]; caption: string; searchId: string }) {
  const { selected, setSelected } = useQueueKeys(items, searchId);
  const linkClass = "font-semibold text-brand-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";
  return (
    <div data-queue>
      <div className="hidden md:block">
        <Table label="Work queue">
          <TableCaption>{caption}</TableCaption>
          <TableHead>
            <TableRow>
              <TableHeaderCell>Case</TableHeaderCell>
              <TableHeaderCell>Stage</TableHeaderCell>
              <TableHeaderCell>Why now</TableHeaderCell>
              <TableHeaderCell numeric>Balance</TableHeaderCell>
              <TableHeaderCell numeric>Age</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((item, i) => (
              <TableRow
                key={item.caseId}
                aria-current={i === selected ? "true" : undefined}
                className={cx(i === selected ? "bg-brand-50 shadow-[inset_4px_0_0_var(--color-brand-600)]" : "hover:bg-ink-50")}
              >
                <TableCell>
                  <Link to={caseHref(item.caseId)} data-queue-link={i} className={linkClass} onFocus={() => setSelected(i)}>
                    {item.reference}
                  </Link>
                  <span className="block text-ink-900">{item.debtorName}</span>
                  <span className="block text-sm text-ink-600">{item.clientName}</span>
                </TableCell>
                <TableCell>
                  <Badge>{STAGE_LABELS[item.stage]}</Badge>
                  <Holds holds={item.holds} />
                </TableCell>
                <TableCell>
                  <Reasons reasons={item.reasons} />
                </TableCell>
                <TableCell numeric>{item.balance}</TableCell>
                <TableCell numeric>{item.daysSincePlacement} d</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <ol className="flex flex-col gap-3 md:hidden" aria-label={caption}>
        {items.map((item, i) => (
          <li
            key={item.caseId}
            aria-current={i === selected ? "true" : undefined}
            className={cx("rounded-lg border bg-white p-4", i === selected ? "border-brand-600 ring-2 ring-brand-200" : "border-ink-200")}
          >
            <div className="flex items-start justify-between gap-3">
              <div className="min-w-0">
                <Link to={caseHref(item.caseId)} data-queue-link={i} className={linkClass} onFocus={() => setSelected(i)}>
                  {item.reference}
                </Link>
                <p className="truncate text-ink-900">{item.debtorName}</p>
                <p className="truncate text-sm text-ink-600">{item.clientName}</p>
              </div>
              <p className="text-right font-semibold whitespace-nowrap tabular-nums text-ink-900">{item.balance}</p>
            </div>
            <div className="mt-2 flex flex-wrap items-center gap-1">
              <Badge className="text-xs">{STAGE_LABELS[item.stage]}</Badge>
              <Holds holds={item.holds} />
              <span className="text-xs text-ink-600">· {item.daysSincePlacement} days since placement</span>
            </div>
            <div className="mt-2">
              <Reasons reasons={item.reasons} />
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The visible list of shortcuts. */
export function QueueShortcuts() {
  const key = "rounded border border-ink-300 bg-white px-1.5 py-0.5 font-mono text-xs text-ink-800";
  return (
    <p className="mb-4 hidden text-sm text-ink-600 md:block" id="queue-shortcuts">
      Keyboard: <kbd className={key}>j</kbd>/<kbd className={key}>k</kbd> or <kbd className={key}>↓</kbd>/<kbd className={key}>↑</kbd> move ·{" "}
      <kbd className={key}>Enter</kbd> opens the selected case · <kbd className={key}>n</kbd> opens the top case · <kbd className={key}>/</kbd> search
    </p>
  );
}
