import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { listAssignees, reassignCase } from "@recouvra/core";
import { SelectField } from "@recouvra/ui";
import { ActionForm } from "~/components/case-actions/fields.tsx";
import { requireActionCase, runCaseAction } from "~/utils/case-actions.server.ts";
import { fieldError, type ActionFailure } from "~/utils/case-actions.ts";
import { textField } from "~/utils/form.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, kase } = await requireActionCase(request, params);
  const choices = await listAssignees({ ctx, input: { caseId: kase.id } });
  return { kase, ...choices };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return runCaseAction(request, params, async ({ ctx, caseId, form }) => {
    await reassignCase({ ctx, input: { caseId, assignedUserId: textField(form, "assignedUserId") ?? null, teamId: textField(form, "teamId") ?? null } });
    return "Case reassigned";
  });
}

export default function ReassignPanel() {
  const { kase, current, people, teams } = useLoaderData<typeof loader>();
  const failed = useActionData<ActionFailure>();
  const v = failed?.values ?? {};
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  return (
    <ActionForm title="Reassign the case" description="Choose a case handler (their team follows) or a team." caseId={kase.id} formError={failed?.formError} submitLabel="Reassign">
      <SelectField label="Case handler" name="assignedUserId" defaultValue={v.assignedUserId ?? current.assignedUserId ?? ""} error={fieldError(failed, "assignedUserId")}>
        <option value="">No one in particular</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
            {p.teamId && teamName.get(p.teamId) ? ` · ${teamName.get(p.teamId)}` : ""}
            {p.role === "supervisor" ? " (supervisor)" : ""}
          </option>
        ))}
      </SelectField>
      <SelectField label="Team" name="teamId" defaultValue={v.teamId ?? current.teamId ?? ""} error={fieldError(failed, "teamId")}>
        <option value="">The handler's team</option>
        {teams.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </SelectField>
    </ActionForm>
  );
}
