import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { addNote } from "@recouvra/core";
import { TextAreaField } from "@recouvra/ui";
import { ActionForm, CheckboxField } from "~/components/case-actions/fields.tsx";
import { requireActionCase, runCaseAction } from "~/utils/case-actions.server.ts";
import { fieldError, type ActionFailure } from "~/utils/case-actions.ts";
import { textField } from "~/utils/form.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { kase } = await requireActionCase(request, params);
  return { kase };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return runCaseAction(request, params, async ({ ctx, caseId, form }) => {
    await addNote({ ctx, input: { caseId, body: textField(form, "body") ?? "", isSharedWithClient: form.get("isSharedWithClient") === "on", isPinned: form.get("isPinned") === "on" } });
    return "Note added";
  });
}

export default function NotePanel() {
  const { kase } = useLoaderData<typeof loader>();
  const failed = useActionData<ActionFailure>();
  const v = failed?.values ?? {};
  return (
    <ActionForm title="Add a note" caseId={kase.id} formError={failed?.formError} submitLabel="Add the note">
      <TextAreaField label="Note" name="body" required defaultValue={v.body} error={fieldError(failed, "body")} />
      <CheckboxField label="Share with the client creditor" name="isSharedWithClient" defaultChecked={v.isSharedWithClient === "on"} />
      <CheckboxField label="Pin to the top of the file" name="isPinned" defaultChecked={v.isPinned === "on"} />
    </ActionForm>
  );
}
