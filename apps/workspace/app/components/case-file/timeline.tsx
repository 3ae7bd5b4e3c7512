import { Link } from "@remix-run/react";
import type { TimelineItem, TimelineKind } from "@recouvra/core";
import { Badge, EmptyState, type Tone } from "@recouvra/ui";
import { formatInstant, humanise, TIMELINE_KIND_LABELS, TIMELINE_KIND_ORDER, toggleTimelineKind } from "~/utils/case-file.ts";
import { DocumentLink } from "./documents-section.tsx";

const KIND_TONES: Record<TimelineKind, Tone> = {
  interaction: "brand",
  message: "info",
  payment: "positive",
  stage: "neutral",
  note: "neutral",
  promise: "brand",
  plan: "brand",
  dispute: "caution",
  escalation: "caution",
  contact: "neutral",
};

const chip = "inline-flex min-h-10 items-center gap-1 rounded-full border px-3 text-sm no-underline";

/** The case's story, newest first, with filter chips that work as plain links (no script needed). */
export function Timeline({ items, counts, selected, locale }: { items: TimelineItem[]; counts: Record<TimelineKind, number>; selected: TimelineKind[]; locale: string }) {
  const href = (kinds: TimelineKind[]) => (kinds.length > 0 ? `?show=${kinds.join(",")}#timeline` : "?#timeline");
  const total = TIMELINE_KIND_ORDER.reduce((s, k) => s + counts[k], 0);
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Filter the timeline">
        <ul className="flex flex-wrap gap-2">
          <li>
            <Link
              to={href([])}
              preventScrollReset
              aria-current={selected.length === 0 ? "true" : undefined}
              className={`${chip} ${selected.length === 0 ? "border-brand-700 bg-brand-700 text-white" : "border-ink-300 bg-white text-ink-800 hover:bg-ink-100"}`}
            >
              All <span className="tabular-nums">({total})</span>
            </Link>
          </li>
          {TIMELINE_KIND_ORDER.filter((k) => counts[k] > 0).map((k) => {
            const isOn = selected.includes(k);
            return (
              <li key={k}>
                <Link
                  to={href(toggleTimelineKind(selected, k))}
                  preventScrollReset
                  aria-current={isOn ? "true" : undefined}
                  className={`${chip} ${isOn ? "border-brand-700 bg-brand-700 text-white" : "border-ink-300 bg-white text-ink-800 hover:bg-ink-100"}`}
                >
                  {isOn ? <span aria-hidden="true">✓</span> : null}
                  {TIMELINE_KIND_LABELS[k]} <span className="tabular-nums">({counts[k]})</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {items.length === 0 ? (
        <EmptyState title={total === 0 ? "Nothing has happened on this case yet" : "Nothing of this kind"}>
          {total === 0 ? <p>Contacts, messages, payments and notes will appear here.</p> : <p>Choose other filters, or show everything.</p>}
        </EmptyState>
      ) : (
        <ol className="flex flex-col" aria-label="Timeline, newest first">
          {items.map((item) => (
            <li key={item.id} className="relative border-l-2 border-ink-200 pb-4 pl-4 last:pb-0" data-kind={item.kind}>
              <span aria-hidden="true" className="absolute top-1.5 -left-[7px] size-3 rounded-full border-2 border-white bg-brand-600" />
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-ink-600">
                <time dateTime={item.at}>{formatInstant(item.at, locale)}</time>
                <Badge tone={KIND_TONES[item.kind]} className="text-xs">
                  {TIMELINE_KIND_LABELS[item.kind]}
                </Badge>
                {item.channel && item.kind !== "payment" ? <span>{humanise(item.channel)}</span> : null}
                <span>· {item.actor}</span>
              </div>
              <p className="mt-1 font-medium text-ink-900">{item.title}</p>
              {item.detail ? <p className="mt-0.5 text-sm break-words whitespace-pre-line text-ink-700">{item.detail}</p> : null}
              {item.documents && item.documents.length > 0 ? (
                <ul aria-label="Files sent with it" className="mt-1 flex flex-col gap-0.5 text-sm">
                  {item.documents.map((d) => (
                    <li key={d.id}>
                      <DocumentLink id={d.id} filename={d.filename} mimeType={d.mimeType} />
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
