import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { listWorkQueue } from "@recouvra/core";
import { formatMoney, isDomainError, QUEUE_AGE_BUCKETS, QUEUE_AMOUNT_BANDS } from "@recouvra/domain";
import { buttonClasses, EmptyState, PageHeader } from "@recouvra/ui";
import { FilterActions, filterFieldClass, FilterForm, filterLabelClass, FilterSelect } from "~/components/filters.tsx";
import { QueueList, QueueShortcuts, type QueueListItem } from "~/components/queue/queue-list.tsx";
import { requireUser } from "~/utils/auth.server.ts";
import { STAGE_LABELS } from "~/utils/labels.ts";
import { formatLocaleFor } from "~/utils/locale.server.ts";
import { AGE_BUCKET_LABELS, AMOUNT_BAND_LABELS, QUEUE_PARAMS, QUEUE_STAGES, queueInputFromUrl, queuePageHref } from "~/utils/queue.ts";

export const meta: MetaFunction = () => [{ title: "Work queue · Recouvra workspace" }];

// Client users have no queue: for them the page does not exist (404), like any page not theirs.
export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = await requireUser(request, { roles: ["admin", "supervisor", "agent"] });
  const input = queueInputFromUrl(new URL(request.url).searchParams);
  try {
    const queue = await listWorkQueue({ ctx, input });
    const locale = formatLocaleFor(request);
    const items: QueueListItem[] = queue.rows.map((r) => ({
      caseId: r.caseId,
      reference: r.reference,
      debtorName: r.debtorName,
      clientName: r.clientName,
      stage: r.stage,
      holds: r.holds,
      balance: formatMoney(r.balanceCents, r.currency, locale),
      daysSincePlacement: r.daysSincePlacement,
      reasons: r.reasons.map(({ code, detail }) => ({ code, detail })),
    }));
    return { items, total: queue.total, page: queue.page, limit: queue.limit, hasNextPage: queue.hasNextPage, filters: queue.filters, clients: queue.clientOptions };
  } catch (error) {
    if (isDomainError(error, "FORBIDDEN")) throw new Response("Not found", { status: 404 });
    throw error;
  }
}

const SEARCH_ID = "queue-search";

export default function WorkQueuePage() {
  const { items, total, page, limit, hasNextPage, filters, clients } = useLoaderData<typeof loader>();
  const location = useLocation();
  const isFiltered = Object.values(filters).some((v) => v !== undefined && v !== "");
  const first = (page - 1) * limit + 1;
  const caption =
    items.length === 0
      ? "No cases"
      : `Cases ${first}–${first + items.length - 1} of ${total}${isFiltered ? " matching the filters" : ""}, most pressing first`;

  return (
    <>
      <PageHeader title="Work queue" description="The cases to work next, most pressing first, each with the reason it is here." />
      <FilterForm label="Filter the queue" className="mb-4 sm:grid-cols-2 lg:grid-cols-6 lg:items-end">
        <label className={`${filterLabelClass} sm:col-span-2`} htmlFor={SEARCH_ID}>
          Search
          <input
            id={SEARCH_ID}
            type="search"
            name={QUEUE_PARAMS.search}
            defaultValue={filters.search ?? ""}
            placeholder="Reference, name, email, phone, invoice"
            aria-describedby="queue-search-hint"
            className={filterFieldClass}
          />
          <span id="queue-search-hint" className="sr-only">
            Matches the start of a case reference, debtor surname or company, email, phone number or invoice number.
          </span>
        </label>
        <FilterSelect label="Client" name={QUEUE_PARAMS.client} defaultValue={filters.clientId ?? ""} anyLabel="All clients" options={clients.map((c) => ({ value: c.id, label: c.name }))} />
        <FilterSelect label="Stage" name={QUEUE_PARAMS.stage} defaultValue={filters.stage ?? ""} anyLabel="All stages" options={QUEUE_STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))} />
        <FilterSelect label="Age" name={QUEUE_PARAMS.age} defaultValue={filters.ageBucket ?? ""} anyLabel="Any age" options={QUEUE_AGE_BUCKETS.map((b) => ({ value: b, label: AGE_BUCKET_LABELS[b] }))} />
        <FilterSelect
          label="Balance"
          name={QUEUE_PARAMS.amount}
          defaultValue={filters.amountBand ?? ""}
          anyLabel="Any amount"
          options={QUEUE_AMOUNT_BANDS.map((b) => ({ value: b, label: AMOUNT_BAND_LABELS[b] }))}
        />
        <FilterActions submitLabel="Apply filters" isFiltered={isFiltered} className="flex gap-2 sm:col-span-2 lg:col-span-6" clearHref="/queue" clearLabel="Clear" />
      </FilterForm>

      {items.length === 0 ? (
        isFiltered ? (
          <EmptyState
            title="No case matches these filters"
            action={
              <Link to="/queue" className={buttonClasses({ variant: "secondary" })}>
                Show the whole queue
              </Link>
            }
          >
            Search looks at the start of a reference, surname or company name, email, phone number or invoice number.
          </EmptyState>
        ) : (
          <EmptyState title="Nothing to work right now">No open case in your scope needs attention. New placements and replies will appear here.</EmptyState>
        )
      ) : (
        <>
          <QueueShortcuts />
          <QueueList items={items} caption={caption} searchId={SEARCH_ID} />
          <nav aria-label="Queue pages" className="mt-4 flex items-center justify-between gap-3">
            {page > 1 ? (
              <Link to={queuePageHref(location.search, page - 1)} className={buttonClasses({ variant: "secondary" })}>
                Previous
              </Link>
            ) : (
              <span />
            )}
            <span className="text-sm text-ink-600">Page {page}</span>
            {hasNextPage ? (
              <Link to={queuePageHref(location.search, page + 1)} className={buttonClasses({ variant: "secondary" })}>
                Next
              </Link>
            ) : (
              <span />
            )}
          </nav>
        </>
      )}
    </>
  );
}
