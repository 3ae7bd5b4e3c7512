import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getTeamDashboard } from "@recouvra/core";
import { formatMoney } from "@recouvra/domain";
import {
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
  TableFoot,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@recouvra/ui";
import { requireUser } from "~/utils/auth.server.ts";
import { formatLocaleFor } from "~/utils/locale.server.ts";

export const meta: MetaFunction = () => [{ title: "Team · Recouvra workspace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = await requireUser(request, { roles: ["supervisor", "admin"] });
  return { dashboard: await getTeamDashboard({ ctx }), locale: formatLocaleFor(request) };
}

export default function TeamPage() {
  const { dashboard: d, locale } = useLoaderData<typeof loader>();
  const money = (cents: number) => formatMoney(cents, "EUR", locale);
  const kept = d.totals.promisesKept;
  const due = d.totals.promisesKept + d.totals.promisesBroken;
  return (
    <>
      <PageHeader title="Team" description="How the team's day and month are going: contacts made, promises kept, money collected." />
      <StatGrid>
        <Stat label="Contacts today" value={d.totals.contactsToday} hint={`${d.totals.rightPartyContactsToday} with the debtor in person`} />
        <Stat label="Promises kept" value={due ? `${kept} of ${due}` : "—"} hint="Promises that fell due in the last 30 days" />
        <Stat label="Collected this week" value={money(d.totals.collectedWeekCents)} hint={`Since ${d.weekStart}`} />
        <Stat label="Collected this month" value={money(d.totals.collectedMonthCents)} hint={`Since ${d.monthStart}`} />
      </StatGrid>
      {d.agents.length === 0 ? (
        <EmptyState title="No case handlers yet" className="mt-6">
          Case handlers appear here once they are added to your team.
        </EmptyState>
      ) : (
        <>
          <Card title="Case handlers" className="mt-6">
            <Table label="Case handlers">
              <TableCaption className="sr-only">Per case handler: open cases, contacts today, promises and collections</TableCaption>
              <TableHead>
                <TableRow>
                  <TableHeaderCell scope="col">Case handler</TableHeaderCell>
                  <TableHeaderCell scope="col" numeric>Open cases</TableHeaderCell>
                  <TableHeaderCell scope="col" numeric>Contacts today</TableHeaderCell>
                  <TableHeaderCell scope="col" numeric>Promises kept / broken</TableHeaderCell>
                  <TableHeaderCell scope="col" numeric>This week</TableHeaderCell>
                  <TableHeaderCell scope="col" numeric>This month</TableHeaderCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {d.agents.map((a) => (
                  <TableRow key={a.userId}>
                    <TableHeaderCell scope="row">
                      {a.displayName}
                      {a.teamName ? <span className="block text-sm font-normal text-ink-600">{a.teamName}</span> : null}
                    </TableHeaderCell>
                    <TableCell numeric>{a.openCases}</TableCell>
                    <TableCell numeric>{a.contactsToday}</TableCell>
                    <TableCell numeric>
                      {a.promisesKept} / {a.promisesBroken}
                    </TableCell>
                    <TableCell numeric>{money(a.collectedWeekCents)}</TableCell>
                    <TableCell numeric>{money(a.collectedMonthCents)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
              <TableFoot>
                <TableRow>
                  <TableHeaderCell scope="row">Team</TableHeaderCell>
                  <TableCell numeric>{d.totals.openCases}</TableCell>
                  <TableCell numeric>{d.totals.contactsToday}</TableCell>
                  <TableCell numeric>
                    {d.totals.promisesKept} / {d.totals.promisesBroken}
                  </TableCell>
                  <TableCell numeric>{money(d.totals.collectedWeekCents)}</TableCell>
                  <TableCell numeric>{money(d.totals.collectedMonthCents)}</TableCell>
                </TableRow>
              </TableFoot>
            </Table>
          </Card>
          <Card title="Collected this month, per case handler" className="mt-6">
            <BarChart
              title="Amount collected this month per case handler"
              data={d.agents.map((a) => ({ label: a.displayName, value: a.collectedMonthCents }))}
              labelHeader="Case handler"
              valueHeader="Collected this month"
              formatValue={money}
              emptyText="Nothing collected yet this month."
            />
          </Card>
        </>
      )}
    </>
  );
}
