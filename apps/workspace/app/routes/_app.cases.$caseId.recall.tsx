import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { recallCase, requireCase } from "@recouvra/core";
import { isDomainError } from "@recouvra/domain";
import { Alert, Button, Card } from "@recouvra/ui";
import { requireUser } from "~/utils/auth.server.ts";
import { textField } from "~/utils/form.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

// A client creditor withdraws its case (rendered in the case page's action panel).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireUser(request, { roles: ["client", "admin"] });
  try {
    const kase = await requireCase(ctx.db, ctx.actor, params.caseId ?? "");
    return { caseId: kase.id, reference: kase.reference, isClosed: kase.stage === "closed" };
  } catch (error) {
    if (isDomainError(error, "NOT_FOUND")) throw new Response("Not found", { status: 404 });
    throw error;
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireUser(request, { roles: ["client", "admin"] });
  const caseId = params.caseId ?? "";
  try {
    await recallCase({ ctx, input: { caseId, reason: textField(await request.formData(), "reason") ?? "" } });
    return redirectWithToast(`/cases/${caseId}`, "Case recalled: the agency stops collecting it");
  } catch (error) {
    if (isDomainError(error, "NOT_FOUND")) throw new Response("Not found", { status: 404 });
    if (isDomainError(error)) return data({ field: error.field ?? null, message: error.message }, { status: 400 });
    throw error;
  }
}

export default function RecallCasePanel() {
  const { caseId, reference, isClosed } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <Card title="Recall this case" description={`${reference}: the agency stops all contact with the debtor and closes the case as withdrawn.`}>
      {isClosed ? (
        <Alert tone="info">This case is already closed.</Alert>
      ) : (
        <Form method="post" className="flex flex-col gap-3">
          <label htmlFor="recall-reason" className="text-sm font-medium text-ink-800">
            Why are you recalling it?
          </label>
          <textarea
            id="recall-reason"
            name="reason"
            rows={3}
            required
            aria-invalid={failed?.field === "reason" ? true : undefined}
            aria-describedby={failed ? "recall-error" : undefined}
            className="rounded-md border border-ink-300 px-3 py-2"
            placeholder="For example: the customer paid us directly on 12 November."
          />
          {failed ? (
            <p id="recall-error" className="text-sm font-medium text-critical-700">
              {failed.message}
            </p>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="danger" disabled={busy}>
              Recall the case
            </Button>
            <Link to={`/cases/${caseId}`} className="self-center">
              Cancel
            </Link>
          </div>
        </Form>
      )}
    </Card>
  );
}
