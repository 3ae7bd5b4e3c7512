import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useSubmit } from "@remix-run/react";
import { getPortfolioOverview } from "@recouvra/core";
import { formatMoney, isDomainError } from "@recouvra/domain";
import { BarChart, Card, PageHeader, Stat, StatGrid } from "@recouvra/ui";
import { requireUser } from "~/utils/auth.server.ts";
import { STAGE_LABELS } from "~/utils/labels.ts";
import { formatLocaleFor } from "~/utils/locale.server.ts";

export const meta: MetaFunction = () => [{ title: "Portfolio · Recouvra workspace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, actor } = await requireUser(request);
  const clientId = new URL(request.url).searchParams.get("client") || undefined;
  try {
    const overview = await getPortfolioOverview({ ctx, input: { clientId } });
    return { overview, locale: formatLocaleFor(request), canChooseClient: actor.role !== "client" };
  } catch (error) {
    if (isDomainError(error, "NOT_FOUND") || isDomainError(error, "VALIDATION")) throw new Response("Not found", { status: 404 });
    throw error;
  }
}

const AGE_LABELS: Record<string, string> = { "0-30": "0–30 days", "31-60": "31–60 days", "61-90": "61–90 days", "91-120": "91–120 days", "120+": "Over 120 days" };

export default function PortfolioPage() {
  const { overview: o, locale, canChooseClient } = useLoaderData<typeof loader>();
  const submit = useSubmit();
  const money = (cents: number) => formatMoney(cents, o.currency, locale);
  const percent = (rate: number | null) => (rate === null ? "—" : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(rate));
  const month = (ym: string) => new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${ym}-01T00:00:00Z`));
  const title = o.clients.length === 1 ? `${o.clients[0]!.name} — portfolio` : "Portfolio";

  return (
    <>
      <PageHeader title={title} description="Where the money stands: what was placed, what has been recovered, and what is still being worked." />
      {canChooseClient && o.clients.length > 1 ? (
        <Form method="get" className="mb-6 flex flex-wrap items-end gap-3" onChange={(e) => submit(e.currentTarget)}>
          <label className="flex flex-col gap-1 text-sm font-medium text-ink-700">
            Client creditor
            <select name="client" defaultValue={o.clientId ?? ""} className="rounded-md border border-ink-300 bg-white px-3 py-2">
              <option value="">All clients</option>
              {o.clients.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <noscript>
            <button type="submit" className="rounded-md border border-ink-300 px-3 py-2">
              Show
            </button>
          </noscript>
        </Form>
      ) : null}
      <StatGrid>
        <Stat label="Placed" value={money(o.placedCents)} hint={`${o.casesPlaced} cases`} />
        <Stat label="Collected" value={money(o.collectedCents)} hint="Payments received, to the agency or to you" />
        <Stat label="Outstanding" value={money(o.outstandingCents)} hint={`${o.openCases} open cases`} />
        <Stat label="Recovery rate" value={percent(o.recoveryRate)} hint={`${o.closedCases} cases closed`} />
      </StatGrid>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card title="Open cases by stage">
          <BarChart
            title="Open cases per stage"
            data={o.openByStage.map((s) => ({ label: STAGE_LABELS[s.stage], value: s.count }))}
            labelHeader="Stage"
            valueHeader="Open cases"
            emptyText="No open cases."
          />
        </Card>
        <Card title="Outstanding by age since placement">
          <BarChart
            title="Outstanding amount per age bucket"
            data={o.openByAge.map((a) => ({ label: `${AGE_LABELS[a.bucket]} (${a.count})`, value: a.outstandingCents }))}
            labelHeader="Age since placement"
            valueHeader="Outstanding"
            formatValue={money}
            emptyText="Nothing outstanding."
          />
        </Card>
        <Card title="Collected per month" className="lg:col-span-2">
          <BarChart
            title="Amount collected per month"
            data={o.collectedByMonth.map((m) => ({ label: month(m.month), value: m.collectedCents }))}
            labelHeader="Month"
            valueHeader="Collected"
            formatValue={money}
            emptyText="Nothing collected in the last six months."
          />
        </Card>
      </div>
    </>
  );
}
