import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listClientSettings } from "@recouvra/core";
import { formatMoney } from "@recouvra/domain";
import { Badge, Card, PageHeader, Table, TableBody, TableCaption, TableCell, TableHead, TableHeaderCell, TableRow } from "@recouvra/ui";
import { requireUser } from "~/utils/auth.server.ts";
import { formatLocaleFor } from "~/utils/locale.server.ts";

export const meta: MetaFunction = () => [{ title: "Clients · Recouvra workspace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = await requireUser(request, { roles: ["admin", "supervisor"] });
  return { clients: await listClientSettings({ ctx }), locale: formatLocaleFor(request) };
}

export default function ClientsPage() {
  const { clients, locale } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Clients" description="Each creditor's fee agreement and the negotiation policy case handlers work within." />
      <Card>
        <Table label="Clients">
          <TableCaption className="sr-only">Client creditors with their commission and negotiation limits</TableCaption>
          <TableHead>
            <TableRow>
              <TableHeaderCell>Client</TableHeaderCell>
              <TableHeaderCell>Commission</TableHeaderCell>
              <TableHeaderCell numeric>Max instalments</TableHeaderCell>
              <TableHeaderCell numeric>Min instalment</TableHeaderCell>
              <TableHeaderCell>Beyond policy</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {clients.map((c) => (
              <TableRow key={c.client.id}>
                <TableHeaderCell scope="row">
                  <Link to={c.client.id}>{c.client.name}</Link>
                  <span className="block text-sm font-normal text-ink-600">{c.client.jurisdiction}</span>
                </TableHeaderCell>
                <TableCell>{c.feeAgreement ? c.feeAgreement.rules.ageTiers.map((t) => `${t.ratePct}%${t.fromDays ? ` from ${t.fromDays} d` : ""}`).join(", ") : "No agreement"}</TableCell>
                <TableCell numeric>{c.policy?.maxInstalments ?? "—"}</TableCell>
                <TableCell numeric>{c.policy ? formatMoney(c.policy.minInstalmentCents, "EUR", locale) : "—"}</TableCell>
                <TableCell>
                  <Badge tone="neutral">{c.approver === "client" ? "Client approves" : "Supervisor approves"}</Badge>
                  {c.isDefaultPolicy ? <span className="ml-2 text-sm text-ink-600">(agency default)</span> : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Card>
    </>
  );
}
