import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { recordPromise, systemClock, today } from "@recouvra/core";
import { TextField } from "@recouvra/ui";
import { ActionForm } from "~/components/case-actions/fields.tsx";
import { requireActionCase, runCaseAction } from "~/utils/case-actions.server.ts";
import { fieldError, money, type ActionFailure } from "~/utils/case-actions.ts";
import { centsField, textField } from "~/utils/form.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { kase, locale } = await requireActionCase(request, params);
  return { kase, locale, today: today(systemClock) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return runCaseAction(request, params, async ({ ctx, caseId, form }) => {
    await recordPromise({ ctx, input: { caseId, dueOn: textField(form, "dueOn") ?? "", amountCents: centsField(form, "amountCents") as number } });
    return "Promise recorded";
  });
}

export default function PromisePanel() {
  const { kase, locale, today } = useLoaderData<typeof loader>();
  const failed = useActionData<ActionFailure>();
  const v = failed?.values ?? {};
  return (
    <ActionForm
      title="Record a promise to pay"
      description={`Balance ${money(kase.balanceCents, kase.currency, locale)}. The case waits for the payment until the date.`}
      caseId={kase.id}
      formError={failed?.formError}
      submitLabel="Record the promise"
    >
      <TextField label="Amount (€)" name="amountCents" inputMode="decimal" required defaultValue={v.amountCents ?? (kase.balanceCents / 100).toFixed(2)} error={fieldError(failed, "amountCents")} />
      <TextField label="Pay by" type="date" name="dueOn" required min={today} defaultValue={v.dueOn} error={fieldError(failed, "dueOn")} />
    </ActionForm>
  );
}
