import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listCases } from "@recouvra/core";
import { CASE_STAGES, formatMoney } from "@recouvra/domain";
import {
  Badge,
  EmptyState,
  PageHeader,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@recouvra/ui";
import { FilterActions, filterFieldClass, FilterForm, filterLabelClass, FilterSelect, type FilterOption } from "~/components/filters.tsx";
import { Pagination } from "~/components/pagination.tsx";
import { requireUser } from "~/utils/auth.server.ts";
import { CLOSURE_LABELS, days, formatDay, HOLD_LABELS, nextActionLabel } from "~/utils/case-file.ts";
import { caseListInputFromUrl, orNotFound } from "~/utils/case-file.server.ts";
import { STAGE_LABELS } from "~/utils/labels.ts";
import { formatLocaleFor } from "~/utils/locale.server.ts";

export const meta: MetaFunction = () => [{ title: "Cases · Recouvra workspace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, actor } = await requireUser(request);
  const list = await orNotFound(() => listCases({ ctx, input: caseListInputFromUrl(new URL(request.url).searchParams) }));
  return { list, locale: formatLocaleFor(request), isClient: actor.role === "client" };
}

const CASE_STATUS_OPTIONS: FilterOption[] = [
  { value: "open", label: "Open" },
  { value: "closed", label: "Closed" },
  { value: "all", label: "Open and closed" },
];

export default function CaseListPage() {
  const { list, locale, isClient } = useLoaderData<typeof loader>();
  const { filters } = list;
  const isFiltered = Boolean(filters.search || filters.stage || (!isClient && filters.clientId) || filters.status !== "open");
  const first = (list.page - 1) * list.pageSize + 1;
  const pageHref = (page: number) => {
    const p = new URLSearchParams();
    if (filters.search) p.set("q", filters.search);
    if (filters.stage) p.set("stage", filters.stage);
    if (!isClient && filters.clientId) p.set("client", filters.clientId);
    if (filters.status !== "open") p.set("status", filters.status);
    if (page > 1) p.set("page", String(page));
    const s = p.toString();
    return s ? `?${s}` : ".";
  };
  const showClient = !isClient;

  return (
    <>
      <PageHeader
        title="Cases"
        description={isClient ? "Every case you placed with the agency, where it stands and what is still owed." : "Every case in your scope: search, filter and open a case file."}
      />
      <FilterForm label="Filter the cases" className="mb-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
        <label className={`${filterLabelClass} sm:col-span-2`}>
          Search
          <input type="search" name="q" defaultValue={filters.search ?? ""} placeholder="Reference, debtor name or invoice number" className={filterFieldClass} />
        </label>
        <FilterSelect label="Stage" name="stage" defaultValue={filters.stage ?? ""} anyLabel="Any stage" options={CASE_STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))} />
        <FilterSelect label="Status" name="status" defaultValue={filters.status} options={CASE_STATUS_OPTIONS} />
        {showClient && list.clients.length > 1 ? (
          <FilterSelect label="Client" name="client" defaultValue={filters.clientId ?? ""} anyLabel="All clients" options={list.clients.map((c) => ({ value: c.id, label: c.name }))} />
        ) : null}
        <FilterActions submitLabel="Show cases" isFiltered={isFiltered} className="flex gap-2 sm:col-span-2 lg:col-span-5" />
      </FilterForm>

      {list.items.length === 0 ? (
        <EmptyState title={isFiltered ? "No case matches these filters" : "No open cases yet"}>
          {isFiltered ? <p>Try another search, or include closed cases.</p> : <p>Cases appear here as soon as they are placed.</p>}
        </EmptyState>
      ) : (
        <div className="rounded-card border border-ink-200 bg-white py-2 shadow-card">
          <Table label="Cases">
            <TableCaption className="px-4">
              Cases {first}–{first + list.items.length - 1} of {list.total}
              {isFiltered ? " matching the filters" : " open"}, most recently placed first
            </TableCaption>
            <TableHead>
              <TableRow>
                <TableHeaderCell>Case</TableHeaderCell>
                <TableHeaderCell>Debtor</TableHeaderCell>
                {showClient ? <TableHeaderCell>Client</TableHeaderCell> : null}
                <TableHeaderCell>Stage</TableHeaderCell>
                <TableHeaderCell numeric>Balance</TableHeaderCell>
                <TableHeaderCell>Placed</TableHeaderCell>
                <TableHeaderCell>Next action</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {list.items.map((c) => (
                <TableRow key={c.id}>
                  <TableHeaderCell scope="row" className="font-medium whitespace-nowrap">
                    <Link to={`/cases/${c.id}`}>{c.reference}</Link>
                    {c.clientReference ? <span className="block text-sm font-normal text-ink-600">{c.clientReference}</span> : null}
                  </TableHeaderCell>
                  <TableCell>
                    {c.debtorName}
                    <span className="block text-sm text-ink-600">{c.debtorType === "business" ? "Business" : "Consumer"}</span>
                  </TableCell>
                  {showClient ? <TableCell>{c.clientName}</TableCell> : null}
                  <TableCell>
                    <div className="flex flex-wrap gap-1">
                      <Badge tone={c.stage === "closed" ? "neutral" : "brand"}>{STAGE_LABELS[c.stage]}</Badge>
                      {c.holds.map((h) => (
                        <Badge key={h} tone="caution">
                          {HOLD_LABELS[h]}
                        </Badge>
                      ))}
                    </div>
                    {c.closureReason ? <span className="block text-sm text-ink-600">{CLOSURE_LABELS[c.closureReason]}</span> : null}
                  </TableCell>
                  <TableCell numeric>{formatMoney(c.balanceCents, c.currency, locale)}</TableCell>
                  <TableCell className="whitespace-nowrap">
                    {formatDay(c.placedOn, locale)}
                    <span className="block text-sm text-ink-600">{days(c.daysSincePlacement)} ago</span>
                  </TableCell>
                  <TableCell>
                    {c.nextActionOn && c.nextActionKind ? (
                      <>
                        {nextActionLabel(c.nextActionKind)}
                        <span className="block text-sm text-ink-600">{formatDay(c.nextActionOn, locale)}</span>
                      </>
                    ) : (
                      <span className="text-ink-600">—</span>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}

      <Pagination page={list.page} pageCount={list.pageCount} hrefFor={pageHref} />
    </>
  );
}
