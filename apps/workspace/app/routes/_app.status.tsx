import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { ClientPortfolioLine, PlatformStatus, WorkerStatus } from "@recouvra/core";
import { formatMoney } from "@recouvra/domain";
import {
  Alert,
  Badge,
  BarChart,
  Card,
  EmptyState,
  PageHeader,
  Stat,
  StatGrid,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@recouvra/ui";
import { STAGE_LABELS } from "~/utils/labels.ts";
import { formatLocaleFor } from "~/utils/locale.server.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { loadPlatformStatus } from "~/utils/status.server.ts";

export const meta: MetaFunction = () => [{ title: "Platform status · Recouvra workspace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = await requireUser(request, { roles: ["admin", "supervisor"] });
  const locale = formatLocaleFor(request);
  const result = await loadPlatformStatus(ctx);
  return data({ locale, result }, { status: result.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}

// Dates are shown in the agency's zone so the server and the browser render the same text.
const TIME_ZONE = "Europe/Paris";

export default function PlatformStatusPage() {
  const { locale, result } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Platform status"
        description="Whether the platform is running, and how much work it holds: open cases by stage and what each client creditor has placed."
      />
      {result.ok ? (
        <StatusBody status={result.status} locale={locale} />
      ) : (
        <Alert tone="critical" title={result.problem === "unreachable" ? "Database unreachable" : "Database not set up"}>
          {result.problem === "unreachable" ? (
            <p>The workspace cannot reach its database. Check that PostgreSQL is running and that DATABASE_URL points to it.</p>
          ) : (
            <p>
              The database answers but has no tables yet. Apply the migrations with <code>pnpm db:migrate</code>.
            </p>
          )}
        </Alert>
      )}
    </>
  );
}

function StatusBody({ status, locale }: { status: PlatformStatus; locale: string }) {
  const number = new Intl.NumberFormat(locale);
  const checkedAt = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium", timeZone: TIME_ZONE }).format(
    new Date(status.checkedAt),
  );
  const busiest = [...status.openCasesByStage].sort((a, b) => b.count - a.count)[0];

  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm text-ink-600">
        Figures read at <time dateTime={status.checkedAt}>{checkedAt}</time> ({TIME_ZONE}).
      </p>

      {status.isEmpty ? (
        <Alert tone="info" title="No data yet">
          <p>
            The database is empty. Load the demo agency with <code>pnpm db:seed</code>, or wait for the first placement.
          </p>
        </Alert>
      ) : null}

      <StatGrid>
        <Stat label="Database" value={<Badge tone="positive">Reachable</Badge>} hint={status.agencyName ?? "Agency not set up yet"} />
        <Stat label="Open cases" value={number.format(status.openCases)} hint={`${number.format(status.closedCases)} closed`} />
        <Stat label="Worker" value={<WorkerBadge worker={status.worker} />} hint={<WorkerHint worker={status.worker} locale={locale} />} />
        <Stat
          label="Demo data"
          value={status.isEmpty ? <Badge tone="neutral">Not loaded</Badge> : <Badge tone="brand">Present</Badge>}
          hint={`${number.format(status.clients.length)} client creditors`}
        />
      </StatGrid>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-5">
        <Card title="Open cases by stage" description="Where the cases being worked stand in the collection process." className="lg:col-span-2">
          <BarChart
            title="Open cases per stage"
            description={
              status.openCases > 0 && busiest
                ? `${number.format(status.openCases)} open cases; the largest group is “${STAGE_LABELS[busiest.stage]}” with ${number.format(busiest.count)}.`
                : undefined
            }
            data={status.openCasesByStage.map((s) => ({ label: STAGE_LABELS[s.stage], value: s.count }))}
            labelHeader="Stage"
            valueHeader="Open cases"
            formatValue={(v) => number.format(v)}
            emptyText="No open case at the moment."
          />
        </Card>
        <Card title="Client creditors" description="Cases placed by each client and what open cases still owe." className="lg:col-span-3">
          <ClientTable clients={status.clients} locale={locale} />
        </Card>
      </div>
    </div>
  );
}

function ClientTable({ clients, locale }: { clients: ClientPortfolioLine[]; locale: string }) {
  const number = new Intl.NumberFormat(locale);
  if (clients.length === 0) {
    return <EmptyState title="No client creditor yet">Clients appear here once they are set up and place their first cases.</EmptyState>;
  }
  return (
    <Table label="Cases and amounts per client">
      <TableCaption className="sr-only">Cases placed and amount outstanding per client creditor</TableCaption>
      <TableHead>
        <TableRow>
          <TableHeaderCell>Client</TableHeaderCell>
          <TableHeaderCell numeric>Placed</TableHeaderCell>
          <TableHeaderCell numeric>Open</TableHeaderCell>
          <TableHeaderCell numeric>Outstanding</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {clients.map((c) => (
          <TableRow key={c.clientId}>
            <TableHeaderCell scope="row" className="font-medium">
              {c.name}
            </TableHeaderCell>
            <TableCell numeric>{number.format(c.casesPlaced)}</TableCell>
            <TableCell numeric>{number.format(c.openCases)}</TableCell>
            <TableCell numeric>
              {c.outstanding.length === 0
                ? formatMoney(0, "EUR", locale)
                : c.outstanding.map((m) => <div key={m.currency}>{formatMoney(m.amountCents, m.currency, locale)}</div>)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function WorkerBadge({ worker }: { worker: WorkerStatus | null }) {
  if (!worker) return <Badge tone="caution">Never ran</Badge>;
  return worker.isFresh ? <Badge tone="positive">Fresh</Badge> : <Badge tone="caution">Stale</Badge>;
}

function WorkerHint({ worker, locale }: { worker: WorkerStatus | null; locale: string }) {
  if (!worker) return <>No heartbeat recorded. Start it with the platform.</>;
  const ago = formatAgo(worker.ageSeconds, locale);
  const at = new Intl.DateTimeFormat(locale, { timeStyle: "medium", timeZone: TIME_ZONE }).format(new Date(worker.lastBeatAt));
  return (
    <>
      Last heartbeat <time dateTime={worker.lastBeatAt}>{at}</time> ({ago})
    </>
  );
}

function formatAgo(seconds: number, locale: string): string {
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  if (seconds < 60) return rtf.format(-seconds, "second");
  if (seconds < 3600) return rtf.format(-Math.floor(seconds / 60), "minute");
  if (seconds < 86_400) return rtf.format(-Math.floor(seconds / 3600), "hour");
  return rtf.format(-Math.floor(seconds / 86_400), "day");
}
