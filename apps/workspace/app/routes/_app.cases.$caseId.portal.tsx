import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { Alert, Badge, Button, buttonClasses, SelectField } from "@recouvra/ui";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { requireUser } from "~/utils/auth.server.ts";
import { formatDay, formatInstant } from "~/utils/case-file.ts";
import { formatLocaleFor } from "~/utils/locale.server.ts";
import { loadPortalAccess, runPortalAccessAction, type PortalAccessFailure, type PortalAccessView, type ShownSecret } from "~/utils/portal-access.server.ts";
import { LANGUAGE_LABELS } from "~/utils/messages.ts";

// The debtor's ways into the portal for this case (rendered in the case page's action panel). Staff of
// the case's scope act; the case's client users read the status; anyone else gets the app's 404.
// `?confirm=reset` is the confirmation step of the access-code reset, so it works without JavaScript.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireUser(request);
  const access = await loadPortalAccess(ctx, params.caseId ?? "");
  const isConfirmingReset = access.canAct && new URL(request.url).searchParams.get("confirm") === "reset";
  // Made when the form renders: the same send form submitted twice queues one message.
  return { access, locale: formatLocaleFor(request), isConfirmingReset, idempotencyKey: crypto.randomUUID().replaceAll("-", "") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireUser(request);
  return runPortalAccessAction(ctx, params.caseId ?? "", await request.formData());
}

// A page showing a new link or access code must not stay in any cache (the answer of a form post
// without JavaScript is such a page). Cookies pass through on their own.
export const headers: HeadersFunction = ({ actionHeaders, parentHeaders }) => {
  const out = new Headers(parentHeaders);
  const cache = actionHeaders.get("Cache-Control");
  if (cache) out.set("Cache-Control", cache);
  return out;
};

type Answer = ShownSecret | PortalAccessFailure | undefined;
type View = PortalAccessView;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** How a link went out, for the list of live links. */
function linkOrigin(message: View["links"][number]["message"]): string {
  if (!message) return "Shown to staff to read out or copy";
  const by = message.channel === "sms" ? "SMS" : message.channel === "email" ? "email" : "letter";
  return `Sent by ${by} to ${message.recipient.split("\n")[0]}${message.status === "queued" || message.status === "sending" ? " (still in the outbox)" : ""}`;
}

export default function PortalAccessPanel() {
  const { access, locale, isConfirmingReset, idempotencyKey } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as Answer;
  const location = useLocation();
  const frame = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const shown = answer && "shown" in answer ? answer : null;
  const failed = answer && "intent" in answer ? answer : null;
  const at = (iso: string) => formatInstant(iso, locale);

  // The link to this panel sits in the case page's sections, far from the panel on a phone: take
  // keyboard and screen-reader users to it (and to a secret as soon as it is shown).
  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    const top = el.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight * 0.6) el.scrollIntoView({ block: "start" });
  }, [location.search, shown]);

  return (
    <div ref={frame} id="portal-access-panel" tabIndex={-1} className="scroll-mt-4 outline-none">
      <section aria-labelledby={headingId} className="flex flex-col gap-4">
        <div>
          <h3 id={headingId} className="text-base font-semibold text-ink-900">
            Debtor portal access
          </h3>
          <p className="mt-1 text-sm text-ink-600">How the debtor of {access.reference} gets into the portal: personal links, the access code and the sign-in lock.</p>
        </div>

        {shown ? <ShownOnce shown={shown} at={at} /> : null}

        <StatusList access={access} at={at} />
        <LinkList access={access} at={at} />

        {access.canAct ? (
          <>
            <LockSection access={access} failed={failed?.intent === "clear_lock" ? failed : null} at={at} />
            <NewLinkSection access={access} failed={failed} idempotencyKey={idempotencyKey} locale={locale} />
            <AccessCodeSection access={access} isConfirming={isConfirmingReset && shown?.shown !== "access_code"} failed={failed?.intent === "reset_code" ? failed : null} />
          </>
        ) : (
          <p role="note" className="rounded-lg border border-info-200 bg-info-50 px-3 py-2 text-sm text-info-800">
            Only the agency&apos;s case handlers can issue links, reset the access code or clear a lock-out.
          </p>
        )}

        {failed && !(PANEL_FORMS as readonly string[]).includes(failed.intent) && failed.formError ? (
          <Alert tone="critical" live="alert" title="Not done">
            {failed.formError}
          </Alert>
        ) : null}

        <Link to={`/cases/${access.caseId}`} preventScrollReset className="inline-flex min-h-11 items-center text-sm">
          Close
        </Link>
      </section>
    </div>
  );
}

const PANEL_FORMS = ["show_link", "send_link", "reset_code", "clear_lock"] as const;

function ShownOnce({ shown, at }: { shown: ShownSecret; at: (iso: string) => string }) {
  const inputId = useId();
  if (shown.shown === "link") {
    return (
      <Alert tone="positive" live="status" title="New personal link — shown only this once">
        <p>Read it out or copy it now: it is not stored and cannot be shown again. Earlier links no longer work.</p>
        <label htmlFor={inputId} className="mt-2 block font-medium">
          Personal link
        </label>
        <input id={inputId} readOnly value={shown.url} className="mt-1 min-h-11 w-full rounded-lg border border-ink-300 bg-white px-3 font-mono text-sm text-ink-900" />
        <p className="mt-2">It opens the debtor&apos;s file until {at(shown.expiresAt)}.</p>
      </Alert>
    );
  }
  return (
    <Alert tone="positive" live="status" title="New access code — shown only this once">
      <p className="my-2 font-mono text-2xl font-semibold tracking-widest text-ink-900">{shown.accessCode}</p>
      <p>
        Give it by phone only after checking the debtor&apos;s identity, or put it in a letter: it is not stored and cannot be shown again. The old code no longer works;{" "}
        {plural(shown.endedSessions, "open portal session was", "open portal sessions were")} ended and {plural(shown.revokedLinks, "personal link", "personal links")} stopped working.
      </p>
    </Alert>
  );
}

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-1 gap-y-2 text-sm">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt className="font-medium text-ink-700">{term}</dt>
          <dd className="break-words text-ink-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function StatusList({ access, at }: { access: View; at: (iso: string) => string }) {
  const signIn: ReactNode = access.lockedUntil ? (
    <>
      <Badge tone="critical">Locked</Badge> until {at(access.lockedUntil)}, after too many wrong access codes
    </>
  ) : access.failedAttempts > 0 ? (
    `${plural(access.failedAttempts, "failed attempt", "failed attempts")} since the last sign-in (locks at 10)`
  ) : (
    "No failed attempts"
  );
  return (
    <Facts
      rows={[
        ["Access code", access.hasAccessCode ? (access.accessCodeResetAt ? `Set — reset on ${at(access.accessCodeResetAt)}` : "Set") : "None: the debtor can only use a personal link"],
        ["Sign-in with the reference", signIn],
        ["Open portal sessions", String(access.openSessions)],
        ["Last portal visit", access.lastVisitAt ? at(access.lastVisitAt) : "Never"],
      ]}
    />
  );
}

function LinkList({ access, at }: { access: View; at: (iso: string) => string }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h4 id={headingId} className="text-sm font-semibold text-ink-900">
        Personal links that work now
      </h4>
      {access.links.length === 0 ? (
        <p className="mt-1 text-sm text-ink-700">None.</p>
      ) : (
        <ul className="mt-1 flex flex-col gap-2">
          {access.links.map((l) => (
            <li key={l.shortId} className="rounded-lg border border-ink-200 px-3 py-2 text-sm">
              <span className="block text-ink-900">Issued {at(l.createdAt)}</span>
              <span className="block text-ink-700">Expires {at(l.expiresAt)}</span>
              <span className="block text-ink-700">{l.lastUsedAt ? `Last used ${at(l.lastUsedAt)}` : "Never used"}</span>
              <span className="block text-ink-600">{linkOrigin(l.message)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function FormError({ failed }: { failed: PortalAccessFailure | null }) {
  return failed?.formError ? (
    <Alert tone="critical" live="alert" title="Not done">
      {failed.formError}
    </Alert>
  ) : null;
}

function SubmitButton({ children, variant = "primary" }: { children: string; variant?: "primary" | "secondary" | "danger" }) {
  const busy = useNavigation().state === "submitting";
  return (
    <Button type="submit" variant={variant} disabled={busy} className="w-full sm:w-auto">
      {children}
    </Button>
  );
}

function LockSection({ access, failed, at }: { access: View; failed: PortalAccessFailure | null; at: (iso: string) => string }) {
  const headingId = useId();
  if (!access.lockedUntil && access.failedAttempts === 0) return null;
  return (
    <section aria-labelledby={headingId} className="border-t border-ink-200 pt-4">
      <h4 id={headingId} className="text-sm font-semibold text-ink-900">
        {access.lockedUntil ? "Sign-in is locked" : "Failed sign-in attempts"}
      </h4>
      <p className="mt-1 text-sm text-ink-600">
        {access.lockedUntil ? `It unlocks on its own at ${at(access.lockedUntil)}. ` : ""}Clear it once you have identified the debtor who got in touch: they can sign in again straight away.
      </p>
      <FormError failed={failed} />
      <Form method="post" action={`/cases/${access.caseId}/portal`} preventScrollReset className="mt-3">
        <input type="hidden" name="intent" value="clear_lock" />
        <SubmitButton variant="secondary">{access.lockedUntil ? "Clear the lock-out" : "Clear the failed attempts"}</SubmitButton>
      </Form>
    </section>
  );
}

function NewLinkSection({ access, failed, idempotencyKey, locale }: { access: View; failed: PortalAccessFailure | null; idempotencyKey: string; locale: string }) {
  const headingId = useId();
  const sending = access.sending!;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 border-t border-ink-200 pt-4">
      <div>
        <h4 id={headingId} className="text-sm font-semibold text-ink-900">
          New personal link
        </h4>
        <p className="mt-1 text-sm text-ink-600">A new link opens the debtor&apos;s file without the access code. It replaces every earlier link: those stop working at once.</p>
      </div>
      <FormError failed={failed?.intent === "show_link" ? failed : null} />
      <Form method="post" action={`/cases/${access.caseId}/portal`} preventScrollReset className="flex flex-col gap-2">
        <input type="hidden" name="intent" value="show_link" />
        <p className="text-sm text-ink-700">To read out on the phone or copy into a letter: it is shown once, then never again.</p>
        <SubmitButton variant="secondary">Show a new link</SubmitButton>
      </Form>
      {sending.channels.map((c) => (
        <SendLinkForm key={c.channel} caseId={access.caseId} channel={c} debtorLocale={sending.debtorLocale} deadline={sending.defaultDeadline} failed={failed?.intent === "send_link" && failed.values.channel === c.channel ? failed : null} idempotencyKey={idempotencyKey} locale={locale} />
      ))}
    </section>
  );
}

const CHANNEL_WORDS = { sms: { title: "Send a new link by SMS", template: "SMS template", submit: "Send the link by SMS" }, email: { title: "Send a new link by email", template: "Email template", submit: "Send the link by email" } } as const;

function SendLinkForm({
  caseId,
  channel: c,
  debtorLocale,
  deadline,
  failed,
  idempotencyKey,
  locale,
}: {
  caseId: string;
  channel: NonNullable<View["sending"]>["channels"][number];
  debtorLocale: string;
  deadline: string;
  failed: PortalAccessFailure | null;
  idempotencyKey: string;
  locale: string;
}) {
  const id = useId();
  const words = CHANNEL_WORDS[c.channel];
  const toError = failed?.fieldErrors.contactPointId;
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-lg border border-ink-200 p-3">
      <h5 id={`${id}-heading`} className="text-sm font-semibold text-ink-900">
        {words.title}
      </h5>
      {c.refusal ? (
        <p className="mt-1 text-sm text-ink-700">{c.refusal}</p>
      ) : (
        <Form method="post" action={`/cases/${caseId}/portal`} preventScrollReset className="mt-2 flex flex-col gap-3">
          <FormError failed={failed} />
          <input type="hidden" name="intent" value="send_link" />
          <input type="hidden" name="channel" value={c.channel} />
          <input type="hidden" name="idempotencyKey" value={failed?.values.idempotencyKey ?? idempotencyKey} />
          <input type="hidden" name="deadline" value={deadline} />
          <SelectField label={words.template} name="template" required defaultValue={failed?.values.template ?? `${c.templates[0]!.key}|${c.templates[0]!.locale}`} error={failed?.fieldErrors.template}>
            {c.templates.map((t) => (
              <option key={`${t.key}|${t.locale}`} value={`${t.key}|${t.locale}`}>
                {t.name} ({LANGUAGE_LABELS[t.locale]}
                {t.locale === debtorLocale ? ", the debtor's" : ""}){t.isClientWording ? " · the client's wording" : ""}
                {t.usesDeadline ? ` · pay by ${formatDay(deadline, locale)}` : ""}
              </option>
            ))}
          </SelectField>
          <fieldset className="flex flex-col gap-2" aria-describedby={toError ? `${id}-to-error` : undefined}>
            <legend className="mb-1 text-sm font-medium text-ink-900">Send to</legend>
            {c.contactPoints.map((p, i) => (
              <label key={p.id} className="flex min-h-11 items-start gap-3 rounded-lg border border-ink-200 px-3 py-2">
                <input type="radio" name="contactPointId" value={p.id} required defaultChecked={failed ? failed.values.contactPointId === p.id : i === 0} className="mt-0.5 size-5 shrink-0 accent-brand-700" />
                <span className="min-w-0 text-sm leading-6 break-words text-ink-900">
                  {p.value}
                  {p.label ? <span className="text-ink-600"> · {p.label}</span> : null}
                  {p.isPrimary ? <span className="text-ink-600"> · primary</span> : null}
                </span>
              </label>
            ))}
            {toError ? (
              <p id={`${id}-to-error`} className="text-sm font-medium text-critical-700">
                {toError}
              </p>
            ) : null}
          </fieldset>
          <SubmitButton>{words.submit}</SubmitButton>
        </Form>
      )}
    </section>
  );
}

function AccessCodeSection({ access, isConfirming, failed }: { access: View; isConfirming: boolean; failed: PortalAccessFailure | null }) {
  const headingId = useId();
  const deliveryError = failed?.fieldErrors.deliveredBy;
  const confirming = isConfirming || failed !== null;
  return (
    <section aria-labelledby={headingId} className="border-t border-ink-200 pt-4">
      <h4 id={headingId} className="text-sm font-semibold text-ink-900">
        Access code
      </h4>
      {!confirming ? (
        <>
          <p className="mt-1 text-sm text-ink-600">For a debtor who lost the code or whose code may be known to someone else.</p>
          <Link to={`/cases/${access.caseId}/portal?confirm=reset`} preventScrollReset className={buttonClasses({ variant: "secondary", className: "mt-3 w-full sm:w-auto" })}>
            Reset the access code…
          </Link>
        </>
      ) : (
        <div className="mt-2 flex flex-col gap-3">
          <Alert tone="caution" title="Reset the access code?">
            The current code stops working at once. {plural(access.openSessions, "open portal session ends", "open portal sessions end")} now and{" "}
            {plural(access.links.length, "personal link stops", "personal links stop")} working. The new code is shown to you once.
          </Alert>
          <FormError failed={failed} />
          <Form method="post" action={`/cases/${access.caseId}/portal`} preventScrollReset className="flex flex-col gap-3">
            <input type="hidden" name="intent" value="reset_code" />
            <fieldset className="flex flex-col gap-2" aria-describedby={deliveryError ? `${headingId}-delivery-error` : undefined}>
              <legend className="mb-1 text-sm font-medium text-ink-900">How will the new code reach the debtor?</legend>
              {(
                [
                  ["letter", "In a letter to the postal address on file"],
                  ["phone_identity_checked", "By phone, now: I have checked the debtor's identity"],
                ] as const
              ).map(([value, label]) => (
                <label key={value} className="flex min-h-11 items-start gap-3 rounded-lg border border-ink-200 px-3 py-2 text-sm leading-6 text-ink-900">
                  <input type="radio" name="deliveredBy" value={value} required defaultChecked={failed?.values.deliveredBy === value} className="mt-0.5 size-5 shrink-0 accent-brand-700" />
                  {label}
                </label>
              ))}
              {deliveryError ? (
                <p id={`${headingId}-delivery-error`} className="text-sm font-medium text-critical-700">
                  {deliveryError}
                </p>
              ) : null}
            </fieldset>
            <div className="flex flex-wrap items-center gap-3">
              <SubmitButton variant="danger">Reset the access code</SubmitButton>
              <Link to={`/cases/${access.caseId}/portal`} preventScrollReset className="inline-flex min-h-11 items-center text-sm">
                Cancel
              </Link>
            </div>
          </Form>
        </div>
      )}
    </section>
  );
}
