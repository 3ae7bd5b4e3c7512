import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { MANUAL_HOLDS, releaseHold, setHold, type ManualHold } from "@recouvra/core";
import { Alert, SelectField, TextAreaField } from "@recouvra/ui";
import { ActionForm } from "~/components/case-actions/fields.tsx";
import { requireActionCase, runCaseAction } from "~/utils/case-actions.server.ts";
import { fieldError, type ActionFailure } from "~/utils/case-actions.ts";
import { HOLD_LABELS } from "~/utils/case-file.ts";
import { textField } from "~/utils/form.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { kase } = await requireActionCase(request, params);
  const set = MANUAL_HOLDS.filter((h) => kase.holds.includes(h));
  return { kase, set, unset: MANUAL_HOLDS.filter((h) => !set.includes(h)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return runCaseAction(request, params, async ({ ctx, caseId, form }) => {
    const input = { caseId, hold: (textField(form, "hold") ?? "") as ManualHold, note: textField(form, "note") ?? "" };
    if (form.get("intent") === "release") {
      await releaseHold({ ctx, input });
      return "Hold released";
    }
    await setHold({ ctx, input });
    return "Hold set: contact is paused";
  });
}

export default function HoldPanel() {
  const { kase, set, unset } = useLoaderData<typeof loader>();
  const failed = useActionData<ActionFailure>();
  const v = failed?.values ?? {};
  const [params] = useSearchParams();
  const releasing = set.length > 0 && (v.intent === "release" || params.get("mode") === "release" || unset.length === 0);
  const choices = releasing ? set : unset;
  return (
    <ActionForm
      title={releasing ? "Release a hold" : "Set a hold"}
      description="Insolvency or death stops collection contact until released. Vulnerability keeps the case with people: no automated reminders, and whoever contacts the debtor takes care. Disputes have their own form."
      caseId={kase.id}
      formError={failed?.formError}
      submitLabel={releasing ? "Release the hold" : "Set the hold"}
      variant={releasing ? "primary" : "danger"}
    >
      <input type="hidden" name="intent" value={releasing ? "release" : "set"} />
      {set.length > 0 ? (
        <Alert tone="caution">
          On hold: {set.map((h) => HOLD_LABELS[h]).join(", ")}.{" "}
          {unset.length > 0 ? (
            <Link to={releasing ? "?mode=set" : "?mode=release"} preventScrollReset>
              {releasing ? "Set another hold instead" : "Release a hold instead"}
            </Link>
          ) : null}
        </Alert>
      ) : null}
      <SelectField label="Hold" name="hold" required defaultValue={v.hold ?? choices[0] ?? ""} error={fieldError(failed, "hold")}>
        {choices.map((h) => (
          <option key={h} value={h}>
            {HOLD_LABELS[h]}
          </option>
        ))}
      </SelectField>
      <TextAreaField label={releasing ? "Why it is released" : "What you learned, and from whom"} name="note" required defaultValue={v.note} error={fieldError(failed, "note")} />
    </ActionForm>
  );
}
