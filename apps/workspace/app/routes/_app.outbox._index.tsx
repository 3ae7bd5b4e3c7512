import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listOutbox } from "@recouvra/core";
import { Badge, EmptyState, PageHeader } from "@recouvra/ui";
import { FilterActions, FilterForm, FilterSelect } from "~/components/filters.tsx";
import { Pagination } from "~/components/pagination.tsx";
import { requireUser } from "~/utils/auth.server.ts";
import { WORKING_ROLES } from "~/utils/case-actions.server.ts";
import { orNotFound } from "~/utils/case-file.server.ts";
import { formatInstant } from "~/utils/case-file.ts";
import { formatLocaleFor } from "~/utils/locale.server.ts";
import { outboxInputFrom } from "~/utils/messages.server.ts";
import { CHANNEL_LABELS, CHANNEL_ORDER, STATUS_LABELS, STATUS_ORDER, STATUS_TONES } from "~/utils/messages.ts";

export const meta: MetaFunction = () => [{ title: "Outbox · Recouvra workspace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = await requireUser(request, { roles: WORKING_ROLES });
  const list = await orNotFound(() => listOutbox({ ctx, input: outboxInputFrom(new URL(request.url).searchParams) }));
  return { list, locale: formatLocaleFor(request) };
}

export default function OutboxPage() {
  const { list, locale } = useLoaderData<typeof loader>();
  const { filters } = list;
  const isFiltered = Boolean(filters.status || filters.channel || filters.caseId);
  const pageHref = (page: number) => {
    const p = new URLSearchParams();
    if (filters.channel) p.set("channel", filters.channel);
    if (filters.status) p.set("status", filters.status);
    if (filters.caseId) p.set("case", filters.caseId);
    if (page > 1) p.set("page", String(page));
    const s = p.toString();
    return s ? `?${s}` : ".";
  };
  const first = (list.page - 1) * list.pageSize + 1;
  const allCount = Object.values(list.statusCounts).reduce((a, b) => a + (b ?? 0), 0);

  return (
    <>
      <PageHeader
        title="Outbox"
        description="Every letter, email and SMS of your cases, newest first. Until the email, SMS and print providers are connected, messages are delivered here: open one to read it exactly as sent."
      />
      <FilterForm label="Filter the outbox" className="mb-4 sm:grid-cols-3 sm:items-end">
        {filters.caseId ? <input type="hidden" name="case" value={filters.caseId} /> : null}
        <FilterSelect
          label="Channel"
          name="channel"
          defaultValue={filters.channel ?? ""}
          anyLabel="Every channel"
          options={CHANNEL_ORDER.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
        />
        <FilterSelect
          label="Status"
          name="status"
          defaultValue={filters.status ?? ""}
          anyLabel={`Any status (${allCount})`}
          options={STATUS_ORDER.filter((s) => list.statusCounts[s] || s === filters.status).map((s) => ({ value: s, label: `${STATUS_LABELS[s]} (${list.statusCounts[s] ?? 0})` }))}
        />
        <FilterActions submitLabel="Show messages" isFiltered={isFiltered} className="flex flex-wrap gap-2" />
      </FilterForm>
      {filters.caseId && list.items[0]?.case ? (
        <p className="mb-3 text-sm text-ink-700">
          Messages of case <Link to={`/cases/${filters.caseId}`}>{list.items[0].case.reference}</Link> only.
        </p>
      ) : null}

      {list.items.length === 0 ? (
        <EmptyState title={isFiltered ? "No message matches these filters" : "The outbox is empty"}>
          <p>{isFiltered ? "Try another channel or status." : "Messages appear here as soon as someone sends a letter, email or SMS from a case."}</p>
        </EmptyState>
      ) : (
        <section aria-labelledby="outbox-list-heading" className="rounded-card border border-ink-200 bg-white shadow-card">
          <h2 id="outbox-list-heading" className="sr-only">
            Messages
          </h2>
          <p className="border-b border-ink-200 px-4 py-2 text-sm text-ink-600">
            Messages {first}–{first + list.items.length - 1} of {list.total}
            {isFiltered ? " matching the filters" : ""}, newest first
          </p>
          <ul className="divide-y divide-ink-200">
            {list.items.map((m) => (
              <li key={m.id} className="px-4 py-3">
                <article aria-labelledby={`message-${m.id}`} className="flex flex-col gap-1 sm:flex-row sm:items-start sm:gap-4">
                  <div className="flex shrink-0 flex-wrap items-center gap-2 sm:w-44 sm:flex-col sm:items-start">
                    <Badge tone={STATUS_TONES[m.status]}>{STATUS_LABELS[m.status]}</Badge>
                    <span className="text-sm text-ink-600">
                      <time dateTime={m.sentAt ?? m.createdAt}>{formatInstant(m.sentAt ?? m.createdAt, locale)}</time>
                    </span>
                  </div>
                  <div className="min-w-0 flex-1">
                    <h3 id={`message-${m.id}`} className="text-base font-medium break-words">
                      <Link to={`/outbox/${m.id}`}>
                        {CHANNEL_LABELS[m.channel]} to {m.recipient}
                        {m.subject ? `: ${m.subject}` : ""}
                      </Link>
                    </h3>
                    <p className="text-sm break-words text-ink-700">{m.excerpt}</p>
                    {m.error && m.status !== "sent" ? <p className="text-sm text-critical-700">{m.error}</p> : null}
                  </div>
                  <div className="shrink-0 text-sm sm:w-48 sm:text-right">
                    {m.case ? (
                      <>
                        <Link to={`/cases/${m.case.id}`}>{m.case.reference}</Link>
                        <span className="block text-ink-600">
                          {m.case.debtorName} · {m.case.clientName}
                        </span>
                      </>
                    ) : (
                      <span className="text-ink-600">No case</span>
                    )}
                  </div>
                </article>
              </li>
            ))}
          </ul>
        </section>
      )}

      <Pagination page={list.page} pageCount={list.pageCount} hrefFor={pageHref} />
    </>
  );
}
