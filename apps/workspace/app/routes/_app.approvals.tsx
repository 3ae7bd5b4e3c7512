import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { decideApproval, listApprovals, type ApprovalRequest } from "@recouvra/core";
import { formatMoney, isDomainError } from "@recouvra/domain";
import { Alert, Badge, Button, Card, EmptyState, PageHeader } from "@recouvra/ui";
import { requireUser } from "~/utils/auth.server.ts";
import { textField } from "~/utils/form.server.ts";
import { formatLocaleFor } from "~/utils/locale.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Approvals · Recouvra workspace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, actor } = await requireUser(request, { roles: ["supervisor", "admin", "client"] });
  return { requests: await listApprovals({ ctx }), locale: formatLocaleFor(request), isClient: actor.role === "client" };
}

export async function action({ request }: ActionFunctionArgs) {
  const { ctx } = await requireUser(request, { roles: ["supervisor", "admin", "client"] });
  const form = await request.formData();
  const arrangementId = textField(form, "arrangementId") ?? "";
  const decision = form.get("decision") === "approve" ? "approve" : "reject";
  try {
    const result = await decideApproval({ ctx, input: { arrangementId, decision, note: textField(form, "note") } });
    return redirectWithToast("/approvals", result.status === "rejected" ? "Proposal rejected" : result.status === "active" ? "Plan approved and started" : "Settlement approved");
  } catch (error) {
    if (isDomainError(error) && ["NOT_FOUND", "CONFLICT", "VALIDATION", "PRECONDITION_FAILED"].includes(error.code)) {
      return data({ arrangementId, message: error.message }, { status: error.code === "NOT_FOUND" ? 404 : 400 });
    }
    throw error;
  }
}

function describeTerms(r: ApprovalRequest, money: (c: number) => string, locale: string): string {
  if (r.kind === "settlement") return `Lump sum of ${money(r.totalCents)} in full and final settlement of ${money(r.balanceCents)}`;
  const t = r.terms as { frequency?: string; firstDueOn?: string; count?: number; instalmentCents?: number; instalments?: number };
  const count = t.count ?? t.instalments;
  const from = t.firstDueOn ? new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${t.firstDueOn}T00:00:00Z`)) : "a date to agree";
  return `${count ?? "Several"} ${t.frequency ?? "monthly"} instalments from ${from}, ${money(r.totalCents)} in all`;
}

export default function ApprovalsPage() {
  const { requests, locale, isClient } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const money = (cents: number) => formatMoney(cents, "EUR", locale);
  return (
    <>
      <PageHeader
        title="Approvals"
        description={isClient ? "Payment plans and settlements on your cases that go beyond what you allowed the agency to agree." : "Plans and settlements the client's policy does not allow, waiting for your decision."}
      />
      {requests.length === 0 ? (
        <EmptyState title="Nothing waits for a decision">New requests appear here as soon as a case handler or a debtor proposes something outside the policy.</EmptyState>
      ) : (
        <ul className="flex flex-col gap-4">
          {requests.map((r) => (
            <li key={r.arrangementId}>
              <Card
                title={`${r.debtorName} — ${r.kind === "plan" ? "payment plan" : "settlement"}`}
                description={`${r.caseReference} · ${r.clientName} · balance ${money(r.balanceCents)}`}
                actions={<Badge tone="caution">Waiting</Badge>}
              >
                <p className="font-medium text-ink-900">{describeTerms(r, money, locale)}</p>
                {r.reason ? <p className="mt-1 text-ink-700">Outside policy: {r.reason}</p> : null}
                <p className="mt-1 text-sm text-ink-600">
                  Proposed by {r.proposedBy === "debtor" ? "the debtor in the portal" : "the case handler"} on{" "}
                  {new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "Europe/Paris" }).format(new Date(r.proposedAt))} ·{" "}
                  {isClient ? null : <Link to={`/cases/${r.caseId}`}>Open the case</Link>}
                </p>
                {failed?.arrangementId === r.arrangementId ? (
                  <Alert tone="critical" className="mt-3">
                    {failed.message}
                  </Alert>
                ) : null}
                <Form method="post" className="mt-4 flex flex-col gap-3">
                  <input type="hidden" name="arrangementId" value={r.arrangementId} />
                  <label className="flex flex-col gap-1 text-sm font-medium text-ink-800">
                    Note (optional)
                    <textarea name="note" rows={2} className="rounded-md border border-ink-300 px-3 py-2 font-normal" />
                  </label>
                  <div className="flex flex-wrap gap-2">
                    <Button type="submit" name="decision" value="approve" disabled={busy}>
                      Approve
                    </Button>
                    <Button type="submit" name="decision" value="reject" variant="secondary" disabled={busy}>
                      Reject
                    </Button>
                  </div>
                </Form>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
