import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { closeCase } from "@recouvra/core";
import { CLOSURE_REASONS, type ClosureReason } from "@recouvra/domain";
import { Alert, SelectField, TextAreaField } from "@recouvra/ui";
import { ActionForm } from "~/components/case-actions/fields.tsx";
import { requireActionCase, runCaseAction } from "~/utils/case-actions.server.ts";
import { fieldError, money, type ActionFailure } from "~/utils/case-actions.ts";
import { CLOSURE_LABELS } from "~/utils/case-file.ts";
import { textField } from "~/utils/form.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { kase, locale } = await requireActionCase(request, params);
  return { kase, locale };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return runCaseAction(request, params, async ({ ctx, caseId, form }) => {
    await closeCase({ ctx, input: { caseId, reason: (textField(form, "reason") ?? "") as ClosureReason, note: textField(form, "note") ?? "" } });
    return "Case closed";
  });
}

const CONSEQUENCES: Record<ClosureReason, string> = {
  paid: "Only when nothing is owed any more.",
  settled: "What is left is written off under the settlement.",
  withdrawn: "The creditor takes the case back; the debt stays owed to it.",
  uncollectable: "What is left is written off.",
  legal_handover: "The file goes to the creditor's lawyer or bailiff with the balance as it stands.",
};

export default function ClosePanel() {
  const { kase, locale } = useLoaderData<typeof loader>();
  const failed = useActionData<ActionFailure>();
  const v = failed?.values ?? {};
  if (kase.stage === "closed") return <Alert tone="info">This case is already closed.</Alert>;
  return (
    <ActionForm title="Close the case" description={`Balance ${money(kase.balanceCents, kase.currency, locale)}.`} caseId={kase.id} formError={failed?.formError} submitLabel="Close the case" variant="danger">
      <SelectField label="Reason" name="reason" required defaultValue={v.reason ?? ""} error={fieldError(failed, "reason")}>
        <option value="" disabled>
          Choose a reason
        </option>
        {CLOSURE_REASONS.map((r) => (
          <option key={r} value={r}>
            {CLOSURE_LABELS[r]} — {CONSEQUENCES[r]}
          </option>
        ))}
      </SelectField>
      <TextAreaField label="Explanation for the file" name="note" required defaultValue={v.note} error={fieldError(failed, "note")} />
    </ActionForm>
  );
}
