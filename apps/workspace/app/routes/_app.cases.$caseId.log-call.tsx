import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CALL_OUTCOMES, holdSentence, logInteraction } from "@recouvra/core";
import { Alert, SelectField, TextAreaField, TextField } from "@recouvra/ui";
import { ActionForm } from "~/components/case-actions/fields.tsx";
import { requireActionCase, runCaseAction } from "~/utils/case-actions.server.ts";
import { fieldError, OUTCOME_LABELS, type ActionFailure } from "~/utils/case-actions.ts";
import { intField, textField } from "~/utils/form.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { kase } = await requireActionCase(request, params);
  return { kase, outcomes: CALL_OUTCOMES, holdWarning: kase.holds.length > 0 ? holdSentence(kase.holds) : null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return runCaseAction(request, params, async ({ ctx, caseId, form }) => {
    await logInteraction({
      ctx,
      input: {
        caseId,
        channel: (textField(form, "channel") ?? "") as "phone",
        direction: (textField(form, "direction") ?? "") as "outbound",
        outcome: (textField(form, "outcome") ?? "") as "no_answer",
        note: textField(form, "note"),
        durationMinutes: intField(form, "durationMinutes"),
        followUpOn: textField(form, "followUpOn"),
      },
    });
    return form.get("channel") === "visit" ? "Visit logged" : "Call logged";
  });
}

export default function LogCallPanel() {
  const { kase, outcomes, holdWarning } = useLoaderData<typeof loader>();
  const failed = useActionData<ActionFailure>();
  const v = failed?.values ?? {};
  return (
    <ActionForm title="Log a call or visit" description="What happened, and what the debtor said." caseId={kase.id} formError={failed?.formError} submitLabel="Log it">
      {holdWarning ? <Alert tone="caution">{holdWarning} Only a call from the debtor can be logged.</Alert> : null}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <SelectField label="Channel" name="channel" defaultValue={v.channel ?? "phone"} error={fieldError(failed, "channel")}>
          <option value="phone">Phone call</option>
          <option value="visit">Visit</option>
        </SelectField>
        <SelectField label="Direction" name="direction" defaultValue={v.direction ?? (holdWarning ? "inbound" : "outbound")} error={fieldError(failed, "direction")}>
          <option value="outbound">We called / visited</option>
          <option value="inbound">The debtor called us</option>
        </SelectField>
      </div>
      <SelectField label="Outcome" name="outcome" required defaultValue={v.outcome ?? ""} error={fieldError(failed, "outcome")}>
        <option value="" disabled>
          Choose how it went
        </option>
        {outcomes.map((o) => (
          <option key={o} value={o}>
            {OUTCOME_LABELS[o] ?? o}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label="Negotiation note"
        name="note"
        defaultValue={v.note}
        description="Required after a conversation: why the debtor has not paid, what they offered, what you agreed."
        error={fieldError(failed, "note")}
      />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <TextField label="Duration (minutes)" name="durationMinutes" inputMode="numeric" defaultValue={v.durationMinutes} error={fieldError(failed, "durationMinutes")} />
        <TextField label="Follow up on" type="date" name="followUpOn" defaultValue={v.followUpOn} error={fieldError(failed, "followUpOn")} />
      </div>
    </ActionForm>
  );
}
