import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { listContactPoints, type ManagedContactPoint } from "@recouvra/core";
import {
  changeContactPoint,
  CONTACT_POINT_CHANGES,
  CONTACT_POINT_KINDS,
  contactPointNoun,
  DEBTOR_REQUEST_SOURCE_LABELS,
  DEBTOR_REQUEST_SOURCES,
  INVALIDATION_REASON_LABELS,
  invalidationReasonsFor,
  type ContactPointChange,
  type ContactPointKind,
} from "@recouvra/domain";
import { Alert, buttonClasses, cx, SelectField, TextAreaField, TextField } from "@recouvra/ui";
import { useEffect, useRef, type ReactNode } from "react";
import { ActionForm, CheckboxField } from "~/components/case-actions/fields.tsx";
import { requireActionCase } from "~/utils/case-actions.server.ts";
import { fieldError, type ActionFailure } from "~/utils/case-actions.ts";
import { orNotFound } from "~/utils/case-file.server.ts";
import { ADDRESS_COUNTRIES, CONTACT_CHANGE_LABELS, contactsHref, countryName } from "~/utils/contacts.ts";
import { runContactAction, runContactIntent } from "~/utils/contacts.server.ts";

// `?point=<id>&change=<change>` opens the form of one change of one point; `?add=<kind>` the form
// that adds a point. A point that is not the case debtor's is the app's 404, like the case itself.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, kase } = await requireActionCase(request, params);
  const list = await orNotFound(() => listContactPoints({ ctx, input: { caseId: kase.id } }));
  const search = new URL(request.url).searchParams;
  const pointId = search.get("point");
  const point = pointId ? list.points.find((p) => p.id === pointId) : undefined;
  if (pointId && !point) throw new Response("Not found", { status: 404 });
  const change = (CONTACT_POINT_CHANGES as readonly string[]).find((c) => c === search.get("change")) as ContactPointChange | undefined;
  const add = (CONTACT_POINT_KINDS as readonly string[]).find((k) => k === search.get("add")) as ContactPointKind | undefined;
  const primary = point ? list.points.find((p) => p.kind === point.kind && p.isPrimary && p.id !== point.id) : undefined;
  return { kase, phoneCountry: list.phoneCountry, point: point ?? null, change: change ?? null, add: add ?? "phone", currentPrimary: primary?.value ?? null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return runContactAction(request, params, runContactIntent);
}

export default function ContactsPanel() {
  const { kase, phoneCountry, point, change, add, currentPrimary } = useLoaderData<typeof loader>();
  const failed = useActionData<ActionFailure>();
  const location = useLocation();
  const frame = useRef<HTMLDivElement>(null);
  // The buttons that open these forms sit in the Contacts section, far below the actions panel on a
  // phone: move focus (and the view) to the form that opened, so keyboard and screen users land in it.
  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    // Scrolled only when some of the form is out of view: to its top, or just enough to show all of it.
    const { top, bottom, height } = el.getBoundingClientRect();
    if (top < 0 || top > window.innerHeight * 0.6) el.scrollIntoView({ block: "start" });
    else if (bottom > window.innerHeight) el.scrollIntoView({ block: height > window.innerHeight ? "start" : "end" });
  }, [location.search]);
  return (
    <div ref={frame} tabIndex={-1} className="scroll-mt-4 outline-none">
      {point && change && point.allowedChanges.includes(change) ? (
        <ChangeForm caseId={kase.id} point={point} change={change} failed={failed} currentPrimary={currentPrimary} />
      ) : point ? (
        <ChooseChange caseId={kase.id} point={point} refused={failed?.formError ?? (change ? refusalOf(point, change) : null)} />
      ) : (
        <AddForm caseId={kase.id} kind={add} phoneCountry={phoneCountry} failed={failed} />
      )}
    </div>
  );
}

function Hidden({ values }: { values: Record<string, string> }) {
  return (
    <>
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

/** Why `change` cannot be made to `point` now (the domain's words), or null. */
function refusalOf(point: ManagedContactPoint, change: ContactPointChange): string | null {
  const result = changeContactPoint(
    { kind: point.kind, isPrimary: point.isPrimary, isVerified: point.isVerified, isInvalid: point.isInvalid, hasConsent: point.hasConsent, isOptedOut: point.optedOutAt !== null },
    change,
  );
  return result.ok ? null : result.message;
}

/** A point whose asked-for change is not possible (any more): say why, and offer what is. */
function ChooseChange({ caseId, point, refused }: { caseId: string; point: ManagedContactPoint; refused: string | null }) {
  return (
    <section aria-labelledby="contact-choose-heading">
      <h3 id="contact-choose-heading" className="text-base font-semibold text-ink-900">
        Change <span className="break-words">{point.value}</span>
      </h3>
      {refused ? (
        <Alert tone="caution" className="mt-3">
          {refused}
        </Alert>
      ) : null}
      {point.allowedChanges.length === 0 ? (
        <p className="mt-2 text-sm text-ink-700">Nothing can be changed on this {contactPointNoun(point.kind)} now.</p>
      ) : (
        <ul className="mt-3 flex flex-wrap gap-2">
          {point.allowedChanges.map((c) => (
            <li key={c}>
              <Link to={contactsHref(caseId, { point: point.id, change: c })} preventScrollReset className={buttonClasses({ variant: "secondary", size: "sm" })}>
                {CONTACT_CHANGE_LABELS[c]}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Link to={`/cases/${caseId}`} preventScrollReset className="mt-3 inline-flex min-h-11 items-center text-sm">
        Close
      </Link>
    </section>
  );
}

function SourceField({ label, failed }: { label: string; failed: ActionFailure | undefined }) {
  return (
    <SelectField label={label} name="source" required defaultValue={failed?.values.source ?? ""} error={fieldError(failed, "source")}>
      <option value="" disabled>
        Choose one
      </option>
      {DEBTOR_REQUEST_SOURCES.map((s) => (
        <option key={s} value={s}>
          {DEBTOR_REQUEST_SOURCE_LABELS[s]}
        </option>
      ))}
    </SelectField>
  );
}

function ChangeForm({
  caseId,
  point,
  change,
  failed,
  currentPrimary,
}: {
  caseId: string;
  point: ManagedContactPoint;
  change: ContactPointChange;
  failed: ActionFailure | undefined;
  currentPrimary: string | null;
}) {
  const noun = contactPointNoun(point.kind);
  const v = failed?.values ?? {};
  const common = { caseId, formError: failed?.formError };
  const hidden = <Hidden values={{ intent: change, contactPointId: point.id }} />;
  const value = <span className="break-words">{point.value}</span>;
  const note = (label: string, description?: string, required = false) => (
    <TextAreaField label={label} name="note" rows={3} required={required} description={description} defaultValue={v.note} error={fieldError(failed, "note")} />
  );
  switch (change) {
    case "verify":
      return (
        <ActionForm {...common} title={`Verify this ${noun}`} description={<>{value}: mark it verified only once you reached the debtor themself on it (right-party contact), or they confirmed it is theirs.</>} submitLabel="Mark as verified">
          {hidden}
          {note("How it was verified (optional)", "E.g. “Spoke with Ms Durand on this number on 15 March”.")}
        </ActionForm>
      );
    case "invalidate":
      return (
        <ActionForm {...common} title={`Mark this ${noun} invalid`} description={<>{value} stays on file as history but is never used again, nor kept as the primary one.</>} submitLabel="Mark invalid" variant="danger">
          {hidden}
          <SelectField label="Reason" name="reason" required defaultValue={v.reason ?? ""} error={fieldError(failed, "reason")}>
            <option value="" disabled>
              Choose why
            </option>
            {invalidationReasonsFor(point.kind).map((r) => (
              <option key={r} value={r}>
                {INVALIDATION_REASON_LABELS[r]}
              </option>
            ))}
          </SelectField>
          {note("Details", "Required when the reason is Other: who answered, what the returned envelope said.")}
        </ActionForm>
      );
    case "revalidate":
      return (
        <ActionForm {...common} title={`Mark this ${noun} valid again`} description={<>{value} was marked invalid{point.invalidReason ? ` (${point.invalidReason})` : ""}. It becomes usable again, still unverified.</>} submitLabel="Mark valid again">
          {hidden}
          {note("Why it is valid after all", undefined, true)}
        </ActionForm>
      );
    case "opt_out":
      return (
        <ActionForm {...common} title="Record an opt-out" description={<>The debtor asked for no more messages to {value}. From now on nothing is sent there; the time and how they asked are recorded.</>} submitLabel="Record the opt-out" variant="danger">
          {hidden}
          <SourceField label="How did the debtor ask?" failed={failed} />
          {note("Details (optional)", "E.g. what the debtor said or wrote.")}
        </ActionForm>
      );
    case "lift_opt_out":
      return (
        <ActionForm {...common} title="Lift the opt-out" description={<>Messages to {value} resume only with the debtor’s renewed consent.</>} submitLabel="Lift the opt-out">
          {hidden}
          <Alert tone="caution" title="Only with the debtor’s consent">
            Lift this opt-out only if the debtor has told you they agree to be contacted on this {noun} again. Their consent is recorded with how they gave it and when.
          </Alert>
          <div>
            <CheckboxField label={`The debtor has given consent again to be contacted on this ${noun}`} name="hasConsent" defaultChecked={v.hasConsent === "on"} />
            {fieldError(failed, "hasConsent") ? <p className="text-sm font-medium text-critical-700">{fieldError(failed, "hasConsent")}</p> : null}
          </div>
          <SourceField label="How did the debtor give consent?" failed={failed} />
          {note("Details (optional)")}
        </ActionForm>
      );
    case "make_primary":
      return (
        <ActionForm
          {...common}
          title={`Make this the primary ${noun}`}
          description={<>Messages go to the primary {noun} first: {value}.{currentPrimary ? ` ${currentPrimary} stops being the primary one.` : ""}</>}
          submitLabel="Make it primary"
        >
          {hidden}
        </ActionForm>
      );
  }
}

const TAB_LABELS: Record<ContactPointKind, string> = { email: "Email", phone: "Phone", address: "Address" };
const ADD_TITLES: Record<ContactPointKind, string> = { email: "Add an email address", phone: "Add a phone number", address: "Add a postal address" };

function AddForm({ caseId, kind, phoneCountry, failed }: { caseId: string; kind: ContactPointKind; phoneCountry: string; failed: ActionFailure | undefined }) {
  const v = failed?.values ?? {};
  const error = (name: string) => fieldError(failed, name);
  let fields: ReactNode;
  if (kind === "email") {
    fields = <TextField label="Email address" name="email" type="email" inputMode="email" autoComplete="off" required defaultValue={v.email} error={error("email")} />;
  } else if (kind === "phone") {
    fields = (
      <TextField
        label="Phone number"
        name="phone"
        type="tel"
        inputMode="tel"
        autoComplete="off"
        required
        description={`A number without a country code is taken as a number in ${countryName(phoneCountry)}. For another country, start with + and its code.`}
        defaultValue={v.phone}
        error={error("phone")}
      />
    );
  } else {
    fields = (
      <>
        <TextField label="Street and number" name="line1" required autoComplete="off" defaultValue={v.line1} error={error("line1")} />
        <TextField label="Address line 2 (optional)" name="line2" autoComplete="off" description="Building, floor, PO box." defaultValue={v.line2} error={error("line2")} />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-[8rem_minmax(0,1fr)] lg:grid-cols-1">
          <TextField label="Postal code" name="postalCode" required autoComplete="off" defaultValue={v.postalCode} error={error("postalCode")} />
          <TextField label="City" name="city" required autoComplete="off" defaultValue={v.city} error={error("city")} />
        </div>
        <SelectField label="Country" name="countryCode" defaultValue={v.countryCode ?? phoneCountry} error={error("countryCode")}>
          {(ADDRESS_COUNTRIES.some((c) => c.code === phoneCountry) ? ADDRESS_COUNTRIES : [{ code: phoneCountry, name: phoneCountry }, ...ADDRESS_COUNTRIES]).map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </SelectField>
      </>
    );
  }
  const noun = contactPointNoun(kind);
  return (
    <ActionForm caseId={caseId} title={ADD_TITLES[kind]} formError={failed?.formError} submitLabel={`Add the ${noun}`}>
      <nav aria-label="Kind of contact point" className="-mt-1">
        <ul className="flex flex-wrap gap-1 rounded-lg bg-ink-100 p-1">
          {CONTACT_POINT_KINDS.map((k) => (
            <li key={k} className="flex-1">
              <Link
                to={contactsHref(caseId, { add: k })}
                preventScrollReset
                replace
                aria-current={k === kind ? "page" : undefined}
                className={cx(
                  "flex min-h-10 items-center justify-center rounded-md px-3 text-sm font-medium no-underline",
                  k === kind ? "bg-white text-ink-900 shadow-sm" : "text-ink-700 hover:bg-white/60",
                )}
              >
                {TAB_LABELS[k]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Hidden values={{ intent: "add", kind }} />
      {fields}
      <TextField label="Label (optional)" name="label" description={kind === "phone" ? "E.g. mobile, work, partner’s phone." : kind === "email" ? "E.g. personal, work." : "E.g. home, work, parents’ address."} defaultValue={v.label} error={error("label")} />
      <CheckboxField label={`The debtor agreed to be contacted on this ${noun}`} name="hasConsent" defaultChecked={v.hasConsent === "on"} />
      <CheckboxField label={`Make it the primary ${noun}`} name="isPrimary" defaultChecked={v.isPrimary === "on"} />
    </ActionForm>
  );
}
