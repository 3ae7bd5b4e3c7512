import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { openDispute, resolveDispute } from "@recouvra/core";
import { DISPUTE_REASONS } from "@recouvra/domain";
import { Alert, SelectField, TextAreaField } from "@recouvra/ui";
import { ActionForm } from "~/components/case-actions/fields.tsx";
import { requireActionCase, runCaseAction } from "~/utils/case-actions.server.ts";
import { DISPUTE_REASON_LABELS, DISPUTE_RESOLUTION_CHOICES, fieldError, type ActionFailure } from "~/utils/case-actions.ts";
import { textField } from "~/utils/form.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { kase } = await requireActionCase(request, params);
  return { kase, isDisputed: kase.holds.includes("disputed") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return runCaseAction(request, params, async ({ ctx, caseId, form }) => {
    if (form.get("intent") === "resolve") {
      await resolveDispute({ ctx, input: { caseId, status: (textField(form, "status") ?? "") as "upheld", resolution: textField(form, "resolution") ?? "" } });
      return "Dispute resolved";
    }
    await openDispute({ ctx, input: { caseId, reason: (textField(form, "reason") ?? "") as "other", details: textField(form, "details") ?? "" } });
    return "Dispute opened: contact is paused";
  });
}

const RESOLUTION_LABELS: Record<(typeof DISPUTE_RESOLUTION_CHOICES)[number], string> = {
  rejected: "Rejected: the debt stands, collection resumes",
  upheld: "Upheld: the debtor is right",
  withdrawn: "Withdrawn by the debtor",
};

export default function DisputePanel() {
  const { kase, isDisputed } = useLoaderData<typeof loader>();
  const failed = useActionData<ActionFailure>();
  const v = failed?.values ?? {};
  if (isDisputed) {
    return (
      <ActionForm title="Resolve the dispute" caseId={kase.id} formError={failed?.formError} submitLabel="Resolve">
        <input type="hidden" name="intent" value="resolve" />
        <Alert tone="caution">The case is disputed: no one contacts the debtor until this is resolved.</Alert>
        <SelectField label="Outcome" name="status" required defaultValue={v.status ?? ""} error={fieldError(failed, "status")}>
          <option value="" disabled>
            Choose the outcome
          </option>
          {DISPUTE_RESOLUTION_CHOICES.map((s) => (
            <option key={s} value={s}>
              {RESOLUTION_LABELS[s]}
            </option>
          ))}
        </SelectField>
        <TextAreaField label="How it was resolved" name="resolution" required defaultValue={v.resolution} error={fieldError(failed, "resolution")} />
      </ActionForm>
    );
  }
  return (
    <ActionForm title="Open a dispute" description="The case goes on hold at once: letters, emails, SMS and calls stop." caseId={kase.id} formError={failed?.formError} submitLabel="Open the dispute" variant="danger">
      <input type="hidden" name="intent" value="open" />
      <SelectField label="Why does the debtor dispute it?" name="reason" required defaultValue={v.reason ?? ""} error={fieldError(failed, "reason")}>
        <option value="" disabled>
          Choose a reason
        </option>
        {DISPUTE_REASONS.map((r) => (
          <option key={r} value={r}>
            {DISPUTE_REASON_LABELS[r]}
          </option>
        ))}
      </SelectField>
      <TextAreaField label="What the debtor says" name="details" required defaultValue={v.details} error={fieldError(failed, "details")} />
    </ActionForm>
  );
}
