import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useFetcher, useLoaderData, useSearchParams } from "@remix-run/react";
import { previewPlan, proposePlan, systemClock, today, type PlanPreview } from "@recouvra/core";
import { addDays, isDomainError } from "@recouvra/domain";
import { Button, SelectField, TextAreaField, TextField } from "@recouvra/ui";
import { useEffect, useRef, useState } from "react";
import { ActionForm } from "~/components/case-actions/fields.tsx";
import { SchedulePreview } from "~/components/case-actions/schedule-preview.tsx";
import { planTermsFrom } from "~/utils/case-actions-plan.server.ts";
import { requireActionCase, runCaseAction } from "~/utils/case-actions.server.ts";
import { fieldError, money, type ActionFailure } from "~/utils/case-actions.ts";

type PreviewAnswer = { preview: PlanPreview; error: null } | { preview: null; error: { field: string | null; message: string } } | null;

// The loader also answers the live preview: the same terms as query parameters, computed by the domain.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, kase, locale } = await requireActionCase(request, params);
  const url = new URL(request.url);
  let answer: PreviewAnswer = null;
  if (url.searchParams.get("preview")) {
    try {
      answer = { preview: await previewPlan({ ctx, input: planTermsFrom(kase.id, (n) => url.searchParams.get(n)) }), error: null };
    } catch (error) {
      if (!isDomainError(error)) throw error;
      answer = { preview: null, error: { field: error.field ?? null, message: error.message } };
    }
  }
  const day = today(systemClock);
  return { kase, locale, today: day, suggestedFirst: addDays(day, 7), answer };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return runCaseAction(request, params, async ({ ctx, caseId, form }) => {
    const result = await proposePlan({ ctx, input: planTermsFrom(caseId, (n) => (typeof form.get(n) === "string" ? (form.get(n) as string) : null)) });
    return result.status === "active" ? "Payment plan started" : "Plan sent for approval";
  });
}

export default function PlanPanel() {
  const { kase, locale, today, suggestedFirst, answer } = useLoaderData<typeof loader>();
  const failed = useActionData<ActionFailure>();
  const [params] = useSearchParams();
  const fetcher = useFetcher<typeof loader>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const v: Record<string, string> = failed?.values ?? Object.fromEntries(params.entries());
  const [by, setBy] = useState(v.by ?? "count");
  const shown = (fetcher.data?.answer ?? answer) as PreviewAnswer;
  const previewError = shown?.error ?? null;
  const errorOf = (name: string) => fieldError(failed, name) ?? (previewError?.field === name ? previewError.message : null);

  const refresh = (form: HTMLFormElement) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const query = new URLSearchParams();
      for (const [k, val] of new FormData(form).entries()) if (typeof val === "string") query.set(k, val);
      query.set("preview", "1");
      fetcher.load(`/cases/${kase.id}/plan?${query.toString()}`);
    }, 300);
  };

  const formRef = useRef<HTMLFormElement>(null);
  // Show the default terms' schedule straight away; later changes refresh it.
  useEffect(() => {
    if (formRef.current && !answer) refresh(formRef.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <ActionForm
      formRef={formRef}
      title="Payment plan"
      description={`Instalments over the balance of ${money(kase.balanceCents, kase.currency, locale)}, checked against the client's negotiation policy.`}
      caseId={kase.id}
      formError={failed?.formError ?? (previewError && !previewError.field ? previewError.message : null)}
      submitLabel="Record the plan"
      onChange={refresh}
      extraButtons={
        <Button type="submit" variant="secondary" formMethod="get" name="preview" value="1" className="w-full sm:w-auto">
          Preview instalments
        </Button>
      }
    >
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <SelectField label="Frequency" name="frequency" defaultValue={v.frequency ?? "monthly"} error={errorOf("frequency")}>
          <option value="monthly">Monthly</option>
          <option value="biweekly">Every two weeks</option>
          <option value="weekly">Weekly</option>
        </SelectField>
        <TextField label="First payment on" type="date" name="firstDueOn" required min={today} defaultValue={v.firstDueOn ?? suggestedFirst} error={errorOf("firstDueOn")} />
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium text-ink-900">Split the balance by</legend>
        <div className="flex flex-wrap gap-4">
          {[
            ["count", "Number of instalments"],
            ["amount", "Instalment amount"],
          ].map(([value, label]) => (
            <label key={value} className="flex min-h-11 items-center gap-2 text-sm">
              <input type="radio" name="by" value={value} checked={by === value} onChange={() => setBy(value!)} className="size-5 accent-brand-700" />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        {by === "count" ? (
          <TextField key="count" label="Number of instalments" name="count" inputMode="numeric" required defaultValue={v.count ?? "3"} error={errorOf("count")} />
        ) : (
          <TextField key="amount" label="Each instalment (€)" name="instalmentCents" inputMode="decimal" required defaultValue={v.instalmentCents} error={errorOf("instalmentCents") ?? errorOf("count")} />
        )}
        <TextField label="Down payment (€, optional)" name="downPaymentCents" inputMode="decimal" defaultValue={v.downPaymentCents} error={errorOf("downPaymentCents")} />
      </div>
      <TextAreaField label="Note for the approver (optional)" name="note" rows={2} defaultValue={v.note} error={errorOf("note")} />
      {shown?.preview ? <SchedulePreview preview={shown.preview} currency={kase.currency} locale={locale} /> : <p className="text-sm text-ink-600">The instalments appear here as you fill in the terms.</p>}
    </ActionForm>
  );
}
