import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { replyToDebtorInPortal } from "@recouvra/core";
import { TextAreaField } from "@recouvra/ui";
import { ActionForm } from "~/components/case-actions/fields.tsx";
import { requireActionCase, runCaseAction } from "~/utils/case-actions.server.ts";
import { fieldError, type ActionFailure } from "~/utils/case-actions.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { kase } = await requireActionCase(request, params);
  return { kase };
}

// The reply form of the case file's "Portal messages" section posts here; a refused reply comes back
// in the actions panel with the text as typed.
export async function action({ request, params }: ActionFunctionArgs) {
  return runCaseAction(request, params, async ({ ctx, caseId, form }) => {
    await replyToDebtorInPortal({ ctx, input: { caseId, text: String(form.get("text") ?? "") } });
    return "Answer sent: the debtor reads it in the portal";
  });
}

export default function PortalReplyPanel() {
  const { kase } = useLoaderData<typeof loader>();
  const failed = useActionData<ActionFailure>();
  return (
    <ActionForm
      title="Answer in the portal"
      description="The debtor reads your answer in their messages in the portal, signed by the agency."
      caseId={kase.id}
      formError={failed?.formError}
      submitLabel="Send the answer"
    >
      <TextAreaField label="Your answer" name="text" required maxLength={2000} defaultValue={failed?.values.text} error={fieldError(failed, "text")} />
    </ActionForm>
  );
}
