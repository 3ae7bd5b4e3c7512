import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { createClientApiKey, getClientSettings, listClientApiKeys, revokeClientApiKey, today, updateFeeAgreement, updateNegotiationPolicy } from "@recouvra/core";
import { isDomainError } from "@recouvra/domain";
import { Alert, Button, Card, PageHeader, TextField } from "@recouvra/ui";
import { NumberField } from "~/components/admin/number-field.tsx";
import { requireUser } from "~/utils/auth.server.ts";
import { centsField, decimalField, intField, textField } from "~/utils/form.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: `${d?.settings.client.name ?? "Client"} · Recouvra workspace` }];

async function load(request: Request, clientId: string) {
  const signedIn = await requireUser(request, { roles: ["admin", "supervisor"] });
  try {
    return { signedIn, settings: await getClientSettings({ ctx: signedIn.ctx, input: { clientId } }) };
  } catch (error) {
    if (isDomainError(error, "NOT_FOUND")) throw new Response("Not found", { status: 404 });
    throw error;
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { signedIn, settings } = await load(request, params.clientId ?? "");
  const apiKeys = await listClientApiKeys({ ctx: signedIn.ctx, input: { clientId: settings.client.id } });
  return { settings, apiKeys, canEdit: signedIn.actor.role === "admin", today: today(signedIn.ctx.clock) };
}

type ActionResult = { form: "policy" | "fees" | "keys"; field?: string; message: string; newKey?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { signedIn, settings } = await load(request, params.clientId ?? "");
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const which = intent === "fees" ? "fees" : intent === "create-key" || intent === "revoke-key" ? "keys" : "policy";
  try {
    if (intent === "create-key") {
      const { key } = await createClientApiKey({ ctx: signedIn.ctx, input: { clientId: settings.client.id, name: textField(form, "keyName") ?? "" } });
      // Shown once, in this response only: only its hash is kept.
      return data<ActionResult>({ form: "keys", message: "API key created", newKey: key });
    }
    if (intent === "revoke-key") {
      await revokeClientApiKey({ ctx: signedIn.ctx, input: { clientId: settings.client.id, keyId: textField(form, "keyId") ?? "" } });
      return redirectWithToast(`/admin/clients/${settings.client.id}`, "API key revoked");
    }
    if (which === "policy") {
      await updateNegotiationPolicy({
        ctx: signedIn.ctx,
        input: {
          clientId: settings.client.id,
          maxInstalments: intField(form, "maxInstalments") as number,
          maxDurationMonths: intField(form, "maxDurationMonths") as number,
          minInstalmentCents: centsField(form, "minInstalment") as number,
          minDownPaymentPct: decimalField(form, "minDownPaymentPct"),
          maxFirstPaymentDelayDays: intField(form, "maxFirstPaymentDelayDays") as number,
          maxSettlementDiscountPct: decimalField(form, "maxSettlementDiscountPct") as number,
          maxAutoBalanceCents: centsField(form, "maxAutoBalance"),
          approver: textField(form, "approver") === "client" ? "client" : "supervisor",
        },
      });
      return redirectWithToast(`/admin/clients/${settings.client.id}`, "Negotiation policy saved");
    }
    const ageTiers = [0, 1, 2]
      .map((i) => ({ fromDays: intField(form, `tier${i}From`), ratePct: decimalField(form, `tier${i}Rate`) }))
      .filter((t): t is { fromDays: number; ratePct: number } => t.fromDays !== undefined && t.ratePct !== undefined);
    await updateFeeAgreement({
      ctx: signedIn.ctx,
      input: {
        clientId: settings.client.id,
        validFrom: textField(form, "validFrom") ?? "",
        ageTiers,
        legalHandoverRatePct: decimalField(form, "legalHandoverRatePct") as number,
        minimumFeeCents: centsField(form, "minimumFee"),
        interestAndCosts: textField(form, "interestAndCosts") === "kept_by_agency" ? "kept_by_agency" : "passed_through",
        vatRatePct: decimalField(form, "vatRatePct") as number,
      },
    });
    return redirectWithToast(`/admin/clients/${settings.client.id}`, "Fee agreement saved");
  } catch (error) {
    if (isDomainError(error) && ["VALIDATION", "CONFLICT", "NOT_FOUND"].includes(error.code)) {
      return data<ActionResult>({ form: which, field: error.field, message: error.message }, { status: 400 });
    }
    throw error;
  }
}

// Maps the use-case's field names to the form's input names.
const POLICY_FIELDS: Record<string, string> = { minInstalmentCents: "minInstalment", maxAutoBalanceCents: "maxAutoBalance" };
const FEE_FIELDS: Record<string, string> = { minimumFeeCents: "minimumFee" };

export default function ClientSettingsPage() {
  const { settings, apiKeys, canEdit, today: day } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const p = settings.policy;
  const f = settings.feeAgreement?.rules;
  const errorFor = (form: "policy" | "fees" | "keys", name: string) => {
    if (!result || result.form !== form || !result.field) return undefined;
    const mapped = (form === "policy" ? POLICY_FIELDS : FEE_FIELDS)[result.field] ?? result.field;
    return mapped === name || result.field.endsWith(`.${name}`) ? result.message : undefined;
  };
  const unplaced = (form: "policy" | "fees") =>
    result && result.form === form && !["maxInstalments", "maxDurationMonths", "minInstalmentCents", "minDownPaymentPct", "maxFirstPaymentDelayDays", "maxSettlementDiscountPct", "maxAutoBalanceCents", "validFrom", "legalHandoverRatePct", "minimumFeeCents", "vatRatePct"].includes(result.field ?? "")
      ? result.message
      : undefined;
  const euros = (cents: number | undefined) => (cents === undefined ? "" : (cents / 100).toFixed(2));

  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/admin/clients">← All clients</Link>
      </p>
      <PageHeader title={settings.client.name} description={`${settings.client.legalName} · ${settings.client.jurisdiction}`} />
      {!canEdit ? (
        <Alert tone="info" className="mb-6">
          <p>Only an administrator can change these terms.</p>
        </Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Negotiation policy" description={settings.isDefaultPolicy ? "This client follows the agency default; saving gives it its own policy." : "What a case handler may agree to without asking."}>
          <Form method="post" className="flex flex-col gap-4">
            <input type="hidden" name="intent" value="policy" />
            <fieldset disabled={!canEdit} className="grid gap-4 sm:grid-cols-2">
              <NumberField name="maxInstalments" label="Most instalments" defaultValue={p?.maxInstalments} min={1} error={errorFor("policy", "maxInstalments")} />
              <NumberField name="maxDurationMonths" label="Longest plan" suffix="months" defaultValue={p?.maxDurationMonths} min={1} error={errorFor("policy", "maxDurationMonths")} />
              <NumberField name="minInstalment" label="Smallest instalment" suffix="€" step="0.01" defaultValue={euros(p?.minInstalmentCents)} error={errorFor("policy", "minInstalment")} />
              <NumberField name="minDownPaymentPct" label="Down payment at least" suffix="%" step="0.1" defaultValue={p?.minDownPaymentPct} hint="Leave empty for none." error={errorFor("policy", "minDownPaymentPct")} />
              <NumberField name="maxFirstPaymentDelayDays" label="First payment within" suffix="days" defaultValue={p?.maxFirstPaymentDelayDays} min={0} error={errorFor("policy", "maxFirstPaymentDelayDays")} />
              <NumberField name="maxSettlementDiscountPct" label="Settlement discount up to" suffix="%" step="0.1" defaultValue={p?.maxSettlementDiscountPct} error={errorFor("policy", "maxSettlementDiscountPct")} />
              <NumberField name="maxAutoBalance" label="Refer balances above" suffix="€" step="0.01" defaultValue={euros(p?.maxAutoBalanceCents)} hint="Larger debts always go to a person. Empty: no limit." error={errorFor("policy", "maxAutoBalance")} />
              <div className="flex flex-col gap-1">
                <span className="text-sm font-medium text-ink-800" id="approver-label">
                  Beyond the policy, who decides?
                </span>
                <div role="radiogroup" aria-labelledby="approver-label" className="flex flex-col gap-1">
                  <label className="flex items-center gap-2">
                    <input type="radio" name="approver" value="supervisor" defaultChecked={settings.approver === "supervisor"} /> A supervisor
                  </label>
                  <label className="flex items-center gap-2">
                    <input type="radio" name="approver" value="client" defaultChecked={settings.approver === "client"} /> The client
                  </label>
                </div>
              </div>
            </fieldset>
            {unplaced("policy") ? <Alert tone="critical">{unplaced("policy")}</Alert> : null}
            {canEdit ? (
              <div>
                <Button type="submit" disabled={busy}>
                  Save policy
                </Button>
              </div>
            ) : null}
          </Form>
        </Card>
        <Card
          title="Fee agreement"
          description={settings.feeAgreement ? `In force since ${settings.feeAgreement.validFrom}. No cure, no pay: commission only on what is recovered.` : "No agreement yet: nothing can be commissioned."}
        >
          <Form method="post" className="flex flex-col gap-4">
            <input type="hidden" name="intent" value="fees" />
            <fieldset disabled={!canEdit} className="flex flex-col gap-4">
              <legend className="text-sm font-medium text-ink-800">Commission by age of the claim at placement</legend>
              {[0, 1, 2].map((i) => (
                <div key={i} className="flex flex-wrap gap-4">
                  <NumberField name={`tier${i}From`} label={i === 0 ? "From (days)" : `Tier ${i + 1} from (days)`} defaultValue={f?.ageTiers[i]?.fromDays ?? (i === 0 ? 0 : "")} min={0} />
                  <NumberField name={`tier${i}Rate`} label="Rate" suffix="%" step="0.1" defaultValue={f?.ageTiers[i]?.ratePct} />
                </div>
              ))}
              {errorFor("fees", "ageTiers") ? <p className="text-sm font-medium text-critical-700">{errorFor("fees", "ageTiers")}</p> : null}
              <div className="grid gap-4 sm:grid-cols-2">
                <NumberField name="legalHandoverRatePct" label="After legal handover" suffix="%" step="0.1" defaultValue={f?.legalHandoverRatePct} error={errorFor("fees", "legalHandoverRatePct")} />
                <NumberField name="minimumFee" label="Minimum fee per recovered case" suffix="€" step="0.01" defaultValue={euros(f?.minimumFeeCents)} error={errorFor("fees", "minimumFee")} />
                <NumberField name="vatRatePct" label="VAT on commission" suffix="%" step="0.1" defaultValue={f?.vatRatePct ?? 21} error={errorFor("fees", "vatRatePct")} />
                <div className="flex flex-col gap-1">
                  <label htmlFor="interestAndCosts" className="text-sm font-medium text-ink-800">
                    Recovered interest and costs
                  </label>
                  <select id="interestAndCosts" name="interestAndCosts" defaultValue={f?.interestAndCosts ?? "passed_through"} className="rounded-md border border-ink-300 bg-white px-3 py-2">
                    <option value="passed_through">Passed through to the client</option>
                    <option value="kept_by_agency">Kept by the agency</option>
                  </select>
                </div>
                <div className="flex flex-col gap-1">
                  <label htmlFor="validFrom" className="text-sm font-medium text-ink-800">
                    In force from
                  </label>
                  <input id="validFrom" name="validFrom" type="date" min={day} defaultValue={day} aria-invalid={errorFor("fees", "validFrom") ? true : undefined} aria-describedby={errorFor("fees", "validFrom") ? "validFrom-error" : undefined} className="w-44 rounded-md border border-ink-300 bg-white px-3 py-2" />
                  {errorFor("fees", "validFrom") ? (
                    <p id="validFrom-error" className="text-sm font-medium text-critical-700">
                      {errorFor("fees", "validFrom")}
                    </p>
                  ) : null}
                </div>
              </div>
            </fieldset>
            {unplaced("fees") ? <Alert tone="critical">{unplaced("fees")}</Alert> : null}
            {canEdit ? (
              <div>
                <Button type="submit" disabled={busy}>
                  Save agreement
                </Button>
              </div>
            ) : null}
          </Form>
        </Card>
        <Card title="API keys" description="For the client's own systems to place cases through POST /api/v1/placements (Authorization: Bearer <key>)." className="lg:col-span-2">
          {result?.form === "keys" && result.newKey ? (
            <Alert tone="positive" title="Key created" className="mb-4">
              <p>
                <code className="break-all rounded bg-white px-2 py-1 font-mono">{result.newKey}</code>
              </p>
              <p className="mt-1">Copy it now: it is shown only once. Revoke it here if it leaks.</p>
            </Alert>
          ) : null}
          {result?.form === "keys" && !result.newKey && result.field !== "name" ? (
            <Alert tone="critical" className="mb-4">
              {result.message}
            </Alert>
          ) : null}
          {apiKeys.length === 0 ? (
            <p className="text-ink-700">No key yet.</p>
          ) : (
            <ul className="divide-y divide-ink-100">
              {apiKeys.map((k) => (
                <li key={k.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
                  <div>
                    <p className="font-medium text-ink-900">
                      {k.name} <code className="text-sm text-ink-600">{k.prefix}…</code>
                    </p>
                    <p className="text-sm text-ink-600">
                      {k.revokedAt ? "Revoked" : k.lastUsedAt ? `Last used ${new Date(k.lastUsedAt).toISOString().slice(0, 10)}` : "Never used"}
                    </p>
                  </div>
                  {canEdit && !k.revokedAt ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke-key" />
                      <input type="hidden" name="keyId" value={k.id} />
                      <Button type="submit" variant="secondary" size="sm" disabled={busy} aria-label={`Revoke the key ${k.name}`}>
                        Revoke
                      </Button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {canEdit ? (
            <Form method="post" className="mt-4 flex flex-wrap items-end gap-3">
              <input type="hidden" name="intent" value="create-key" />
              <TextField name="keyName" label="Name of the system using the key" placeholder="e.g. ERP billing export" error={errorFor("keys", "name")} className="min-w-64" />
              <Button type="submit" disabled={busy}>
                Create a key
              </Button>
            </Form>
          ) : null}
        </Card>
      </div>
    </>
  );
}
