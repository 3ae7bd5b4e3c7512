import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation, useSubmit } from "@remix-run/react";
import { sendMessage } from "@recouvra/core";
import { Alert, Button, SelectField, TextField } from "@recouvra/ui";
import { useEffect, useId, useRef } from "react";
import { MessageBody } from "~/components/messages/message-body.tsx";
import { requireActionCase, runCaseAction } from "~/utils/case-actions.server.ts";
import { fieldError, type ActionFailure } from "~/utils/case-actions.ts";
import { STAGE_LABELS } from "~/utils/labels.ts";
import { loadMessageForm, sendInputFrom, sentToast } from "~/utils/messages.server.ts";
import { CHANNEL_LABELS, LANGUAGE_LABELS, SEND_LABELS } from "~/utils/messages.ts";

// The choices live in the URL (a GET form), so "Preview" is a plain link-like request and the preview
// always shows what the current choices would send; "Send" posts those same choices.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, kase } = await requireActionCase(request, params);
  return loadMessageForm(ctx, kase.id, new URL(request.url).searchParams);
}

export async function action({ request, params }: ActionFunctionArgs) {
  return runCaseAction(request, params, async ({ ctx, caseId, form }) => {
    const input = sendInputFrom(caseId, form);
    return sentToast(await sendMessage({ ctx, input }), input.channel);
  });
}

const radioRow = "flex min-h-11 items-start gap-3 rounded-lg border px-3 py-2";

export default function MessagePanel() {
  const { options, selection, preview, idempotencyKey } = useLoaderData<typeof loader>();
  const failed = useActionData<ActionFailure>();
  const submit = useSubmit();
  const location = useLocation();
  const navigation = useNavigation();
  const isSending = navigation.state === "submitting" && navigation.formMethod === "POST";
  const isLoading = navigation.state === "loading" && navigation.location?.pathname === location.pathname;
  const headingId = useId();
  const previewHeading = useRef<HTMLHeadingElement>(null);

  const offer = options.channels.find((c) => c.channel === selection.channel)!;
  const templates = offer.templates.filter((t) => t.locale === selection.locale);
  const template = templates.find((t) => t.key === selection.templateKey) ?? null;
  const refusal = preview && !preview.ok ? preview.refusal : null;
  const errorOf = (name: string) => fieldError(failed, name) ?? (refusal?.field === name ? refusal.message : null);
  const caseId = options.caseId;
  const holdLink = options.holds.includes("disputed") ? { to: `/cases/${caseId}/dispute`, label: "Go to the dispute" } : options.holds.length > 0 ? { to: `/cases/${caseId}/hold`, label: "Go to the holds" } : null;

  const cancel = (
    <Link to={`/cases/${caseId}`} preventScrollReset className="inline-flex min-h-11 items-center text-sm">
      Cancel
    </Link>
  );

  // The preview is what the agent checks before sending: take them (and their screen reader) to it.
  useEffect(() => {
    if (preview?.ok) previewHeading.current?.focus();
  }, [preview]);

  const intro = (
    <>
      <h3 id={headingId} className="text-base font-semibold text-ink-900">
        Send a letter, email or SMS
      </h3>
      <p className="mt-1 text-sm text-ink-600">
        To {options.debtorName}, in {LANGUAGE_LABELS[options.debtorLocale]} (the debtor&apos;s language) unless you choose another. Preview it, then send it: it goes out through the outbox within a minute.
      </p>
    </>
  );

  // Closed or on a hold that stops contact: nothing to choose, only the reason and where to act on it.
  if (options.caseRefusal) {
    return (
      <section aria-labelledby={headingId}>
        {intro}
        <Alert tone="critical" className="mt-3" title="Nothing can be sent now">
          <p>{options.caseRefusal.message}</p>
          {holdLink ? (
            <p className="mt-1">
              <Link to={holdLink.to} preventScrollReset>
                {holdLink.label}
              </Link>
            </p>
          ) : null}
        </Alert>
        <div className="mt-3">{cancel}</div>
      </section>
    );
  }

  return (
    <section aria-labelledby={headingId}>
      {intro}
      {options.needsNotice ? (
        <Alert tone="info" className="mt-3">
          The formal notice has not gone out yet: it is the only message this case can receive now, and sending it puts the case on notice.
        </Alert>
      ) : null}

      <Form method="get" replace preventScrollReset className="mt-3 flex flex-col gap-4" onChange={(e) => submit(e.currentTarget, { method: "get", replace: true, preventScrollReset: true })}>
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium text-ink-900">Channel</legend>
          {options.channels.map((c) => (
            <label key={c.channel} className={`${radioRow} ${c.channel === selection.channel ? "border-brand-600 bg-brand-50" : "border-ink-200"}`}>
              <input type="radio" name="channel" value={c.channel} defaultChecked={c.channel === selection.channel} aria-describedby={c.refusal ? `${headingId}-${c.channel}-why` : undefined} className="mt-0.5 size-5 shrink-0 accent-brand-700" />
              <span className="min-w-0 text-sm leading-6">
                <span className="block font-medium text-ink-900">{CHANNEL_LABELS[c.channel]}</span>
                {c.refusal ? (
                  <span id={`${headingId}-${c.channel}-why`} className="block text-ink-600">
                    {c.refusal}
                  </span>
                ) : null}
              </span>
            </label>
          ))}
        </fieldset>

        <SelectField key={`locale-${selection.channel}`} label="Language" name="locale" defaultValue={selection.locale} disabled={offer.locales.length === 0}>
          {offer.locales.map((l) => (
            <option key={l} value={l}>
              {LANGUAGE_LABELS[l]}
              {l === options.debtorLocale ? " (the debtor's)" : ""}
            </option>
          ))}
        </SelectField>

        {templates.length > 0 ? (
          <SelectField key={`template-${selection.channel}-${selection.locale}`} label="Template" name="templateKey" defaultValue={selection.templateKey ?? ""} error={errorOf("templateKey")}>
            {templates.map((t) => (
              <option key={t.key} value={t.key}>
                {t.name}
                {t.isClientWording ? " (the client's wording)" : ""}
              </option>
            ))}
          </SelectField>
        ) : (
          <p className="text-sm text-ink-700">No {CHANNEL_LABELS[selection.channel].toLowerCase()} template applies in {LANGUAGE_LABELS[selection.locale]}.</p>
        )}

        <fieldset key={`to-${selection.channel}`} className="flex flex-col gap-2" aria-describedby={errorOf("contactPointId") ? `${headingId}-to-error` : undefined}>
          <legend className="mb-1 text-sm font-medium text-ink-900">Send to</legend>
          {offer.contactPoints.length === 0 ? <p className="text-sm text-ink-700">{offer.refusal}</p> : null}
          {offer.contactPoints.map((p) => (
            <label key={p.id} className={`${radioRow} ${p.isUsable ? "border-ink-200" : "border-ink-200 bg-ink-50"}`}>
              <input
                type="radio"
                name="contactPointId"
                value={p.id}
                defaultChecked={p.id === selection.contactPointId}
                disabled={!p.isUsable}
                aria-describedby={p.refusal ? `${headingId}-${p.id}-why` : undefined}
                className="mt-0.5 size-5 shrink-0 accent-brand-700"
              />
              <span className="min-w-0 text-sm leading-6">
                <span className={`block font-medium break-words ${p.isUsable ? "text-ink-900" : "text-ink-600"}`}>
                  {p.value}
                  {p.label ? <span className="font-normal text-ink-600"> · {p.label}</span> : null}
                  {p.isPrimary ? <span className="font-normal text-ink-600"> · primary</span> : null}
                </span>
                {p.refusal ? (
                  <span id={`${headingId}-${p.id}-why`} className="block text-ink-700">
                    Cannot be used: {p.refusal}
                  </span>
                ) : null}
              </span>
            </label>
          ))}
          {errorOf("contactPointId") ? (
            <p id={`${headingId}-to-error`} className="text-sm font-medium text-critical-700">
              {errorOf("contactPointId")}
            </p>
          ) : null}
        </fieldset>

        {template?.usesDeadline ? (
          <TextField label="Pay by" type="date" name="deadline" required min={options.today} defaultValue={selection.deadline} description="The date printed in the message: a concrete day, 14 days ahead by default." error={errorOf("deadline")} />
        ) : (
          <>
            <input type="hidden" name="deadline" value={selection.deadline} />
            {template ? <p className="text-sm text-ink-600">This template names no payment deadline.</p> : null}
          </>
        )}

        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" name="preview" value="1" variant={preview?.ok ? "secondary" : "primary"} className="w-full sm:w-auto" disabled={!template || !selection.contactPointId}>
            {isLoading ? "Preparing…" : preview?.ok ? "Preview again" : "Preview"}
          </Button>
          {preview?.ok ? null : cancel}
        </div>
      </Form>

      {refusal && !refusal.field ? (
        <Alert tone="critical" live="alert" className="mt-4" title="This message cannot be sent">
          {refusal.message}
        </Alert>
      ) : null}

      {preview?.ok ? (
        <section aria-labelledby={`${headingId}-preview`} className="mt-5 border-t border-ink-200 pt-4">
          <h4 id={`${headingId}-preview`} ref={previewHeading} tabIndex={-1} className="text-base font-semibold text-ink-900 focus:outline-none">
            Preview: {preview.preview.templateName} ({CHANNEL_LABELS[preview.preview.channel]}, {LANGUAGE_LABELS[preview.preview.locale]})
          </h4>
          <p className="mt-1 text-sm text-ink-600">Exactly what the debtor will receive.</p>
          <MessageBody className="mt-3" channel={preview.preview.channel} recipient={preview.preview.recipient} subject={preview.preview.subject} body={preview.preview.body} sms={preview.preview.sms} />
          {preview.preview.movesCaseTo ? (
            <Alert tone="info" className="mt-3">
              Sending it puts the debtor on notice: the case moves to {STAGE_LABELS[preview.preview.movesCaseTo]}.
            </Alert>
          ) : null}
          {failed?.formError ? (
            <Alert tone="critical" live="alert" className="mt-3" title="Not sent">
              {failed.formError}
            </Alert>
          ) : null}
          <Form method="post" action={`${location.pathname}${location.search}`} preventScrollReset className="mt-4 flex flex-wrap items-center gap-3">
            <input type="hidden" name="channel" value={preview.preview.channel} />
            <input type="hidden" name="locale" value={preview.preview.locale} />
            <input type="hidden" name="templateKey" value={preview.preview.templateKey} />
            <input type="hidden" name="contactPointId" value={preview.preview.contactPointId} />
            <input type="hidden" name="deadline" value={preview.preview.deadline ?? ""} />
            <input type="hidden" name="expectedDigest" value={preview.preview.digest} />
            <input type="hidden" name="idempotencyKey" value={failed?.values.idempotencyKey ?? idempotencyKey} />
            <Button type="submit" disabled={isSending} className="w-full sm:w-auto">
              {isSending ? "Queuing…" : SEND_LABELS[preview.preview.channel]}
            </Button>
            {cancel}
          </Form>
        </section>
      ) : null}
    </section>
  );
}
