import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { previewPaymentAllocation, recordPayment, systemClock, today, type ManualPaymentProvider } from "@recouvra/core";
import { isDomainError } from "@recouvra/domain";
import { SelectField, TextField } from "@recouvra/ui";
import { randomUUID } from "node:crypto";
import { useRef, useState } from "react";
import { AllocationPreview } from "~/components/case-actions/allocation-preview.tsx";
import { ActionForm } from "~/components/case-actions/fields.tsx";
import { requireActionCase, runCaseAction } from "~/utils/case-actions.server.ts";
import { fieldError, money, PAYMENT_PROVIDER_CHOICES, PROVIDER_LABELS, type ActionFailure } from "~/utils/case-actions.ts";
import { centsField, textField } from "~/utils/form.server.ts";

// `?amount=` asks for the allocation preview: how the domain would split that amount on this case now.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, kase, locale } = await requireActionCase(request, params);
  const raw = (new URL(request.url).searchParams.get("amount") ?? "").trim().replace(",", ".");
  let allocation = null;
  if (raw !== "" && Number.isFinite(Number(raw)) && Number(raw) > 0) {
    try {
      allocation = await previewPaymentAllocation({ ctx, input: { caseId: kase.id, amountCents: Math.round(Number(raw) * 100) } });
    } catch (error) {
      if (!isDomainError(error)) throw error;
    }
  }
  // One key per opened form: a double submit (or a retry after a timeout) records the payment once.
  return { kase, locale, today: today(systemClock), formKey: `workspace-${randomUUID()}`, allocation };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return runCaseAction(request, params, async ({ ctx, caseId, form }) => {
    const provider = (textField(form, "provider") ?? "") as ManualPaymentProvider;
    const result = await recordPayment({
      ctx,
      input: {
        caseId,
        provider,
        amountCents: centsField(form, "amountCents") as number,
        receivedOn: textField(form, "receivedOn") ?? "",
        externalId: textField(form, "statementId") ?? textField(form, "formKey") ?? "",
        reference: provider === "bank_transfer" ? textField(form, "reference") : undefined,
        payerName: textField(form, "payerName"),
      },
    });
    if (result.isReplay) return "This payment was already recorded";
    return result.isCaseClosed ? "Payment recorded: the case is paid in full" : "Payment recorded";
  });
}

export default function PaymentPanel() {
  const { kase, locale, today, formKey, allocation } = useLoaderData<typeof loader>();
  const failed = useActionData<ActionFailure>();
  const v = failed?.values ?? {};
  const [provider, setProvider] = useState(v.provider ?? "bank_transfer");
  const fetcher = useFetcher<typeof loader>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const shown = fetcher.data?.allocation ?? allocation;
  const onAmount = (value: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => fetcher.load(`/cases/${kase.id}/payment?amount=${encodeURIComponent(value)}`), 250);
  };
  return (
    <ActionForm
      title="Record a payment"
      description={`Balance ${money(kase.balanceCents, kase.currency, locale)}. Allocated in the order ${kase.jurisdiction} law prescribes.`}
      caseId={kase.id}
      formError={failed?.formError}
      submitLabel="Record the payment"
    >
      <input type="hidden" name="formKey" value={v.formKey ?? formKey} />
      <SelectField label="How was it paid?" name="provider" value={provider} onChange={(e) => setProvider(e.currentTarget.value)} error={fieldError(failed, "provider")}>
        {PAYMENT_PROVIDER_CHOICES.map((p) => (
          <option key={p} value={p}>
            {PROVIDER_LABELS[p]}
          </option>
        ))}
      </SelectField>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <TextField label="Amount (€)" name="amountCents" inputMode="decimal" required defaultValue={v.amountCents} onChange={(e) => onAmount(e.currentTarget.value)} error={fieldError(failed, "amountCents")} />
        <TextField label="Received on" type="date" name="receivedOn" required max={today} defaultValue={v.receivedOn ?? today} error={fieldError(failed, "receivedOn")} />
      </div>
      {provider === "bank_transfer" ? (
        <TextField
          label="Structured reference on the transfer"
          name="reference"
          required
          defaultValue={v.reference ?? kase.paymentReference}
          description={`This case's reference is ${kase.paymentReference}.`}
          error={fieldError(failed, "reference")}
        />
      ) : null}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <TextField
          label={provider === "direct_to_creditor" ? "Creditor's receipt number (optional)" : "Bank statement line id (optional)"}
          name="statementId"
          defaultValue={v.statementId}
          description="Recording the same id twice records the payment once."
          error={fieldError(failed, "externalId")}
        />
        <TextField label="Paid by (optional)" name="payerName" defaultValue={v.payerName} error={fieldError(failed, "payerName")} />
      </div>
      {shown ? <AllocationPreview allocation={shown} locale={locale} /> : <p className="text-sm text-ink-600">Type the amount to see how it will be allocated.</p>}
      {provider === "direct_to_creditor" ? <p className="text-sm text-ink-600">Paid to the creditor, the payment still earns the agency its commission.</p> : null}
    </ActionForm>
  );
}
