import { Link } from "@remix-run/react";
import type { CaseFile, CaseFileContactPoint } from "@recouvra/core";
import { allowedContactPointChanges, DEBTOR_REQUEST_SOURCE_LABELS, type ContactPointKind, type DebtorRequestSource } from "@recouvra/domain";
import { Badge, buttonClasses, EmptyState } from "@recouvra/ui";
import { formatInstant, humanise } from "~/utils/case-file.ts";
import { CONTACT_CHANGE_LABELS, CONTACT_KIND_LABELS, contactsHref, contactSourceLabel } from "~/utils/contacts.ts";

const KIND_ORDER: readonly ContactPointKind[] = ["phone", "email", "address"];

/**
 * How to reach the debtor, with each point's state (primary, verified, invalid and why, opted out and
 * how, consent). Case handlers get a row of buttons per point, each opening its form in the actions
 * panel; client users read only.
 */
export function ContactsSection({ file, locale }: { file: CaseFile; locale: string }) {
  const caseId = file.header.caseId;
  const add = file.canWork ? (
    <Link to={contactsHref(caseId, { add: "phone" })} preventScrollReset className={buttonClasses({ variant: "secondary", size: "sm", className: "self-start" })}>
      Add a contact point
    </Link>
  ) : null;
  const preferences = file.debtorPreferences ? <DebtorPreferences preferences={file.debtorPreferences} locale={locale} /> : null;
  if (file.contactPoints.length === 0) {
    return (
      <div className="flex flex-col gap-4">
        {preferences}
        <EmptyState title="No contact details" action={add}>
          {file.canWork ? "Add the debtor's email, phone number or postal address as soon as you learn it." : "The agency has no way to reach the debtor yet."}
        </EmptyState>
      </div>
    );
  }
  const points = [...file.contactPoints].sort((a, b) => KIND_ORDER.indexOf(a.kind as ContactPointKind) - KIND_ORDER.indexOf(b.kind as ContactPointKind));
  return (
    <div className="flex flex-col gap-4">
      {preferences}
      <ul aria-label="The debtor's contact points" className="-mx-4 divide-y divide-ink-100 border-y border-ink-200 sm:mx-0 sm:rounded-lg sm:border">
        {points.map((c) => (
          <ContactRow key={c.id} point={c} caseId={caseId} canWork={file.canWork} locale={locale} />
        ))}
      </ul>
      {add}
    </div>
  );
}

function ContactRow({ point: c, caseId, canWork, locale }: { point: CaseFileContactPoint; caseId: string; canWork: boolean; locale: string }) {
  const kind = c.kind as ContactPointKind;
  const changes = canWork
    ? allowedContactPointChanges({ kind, isPrimary: c.isPrimary, isVerified: c.isVerified, isInvalid: c.isInvalid, hasConsent: c.hasConsent, isOptedOut: c.optedOutAt !== null })
    : [];
  const source = c.optOutSource ? (DEBTOR_REQUEST_SOURCE_LABELS[c.optOutSource as DebtorRequestSource] ?? humanise(c.optOutSource)) : null;
  return (
    <li className="flex flex-col gap-3 px-4 py-3">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
        <div className="min-w-0">
          <p className="text-sm text-ink-600">
            {CONTACT_KIND_LABELS[kind] ?? humanise(c.kind)}
            {c.label ? ` · ${c.label}` : ""}
          </p>
          <p className={`font-medium break-words ${c.isInvalid ? "text-ink-600 line-through decoration-ink-400" : "text-ink-900"}`}>{c.value}</p>
          {c.isInvalid ? <p className="mt-1 text-sm text-critical-700">Invalid{c.invalidReason ? `: ${c.invalidReason}` : ""}. Never used for messages.</p> : null}
          {c.optedOutAt ? (
            <p className="mt-1 text-sm text-caution-800">
              Opted out on {formatInstant(c.optedOutAt, locale)}
              {source ? ` (${source.charAt(0).toLowerCase()}${source.slice(1)})` : ""}: no messages go here.
            </p>
          ) : null}
          {c.source ? <p className="mt-1 text-sm text-ink-600">{contactSourceLabel(c.source)}</p> : null}
        </div>
        <ul aria-label={`State of ${c.value}`} className="flex flex-wrap gap-1 sm:max-w-[50%] sm:shrink-0 sm:justify-end">
          {c.isPrimary ? <StateBadge tone="brand">Primary</StateBadge> : null}
          {c.isInvalid ? <StateBadge tone="critical">Invalid</StateBadge> : c.isVerified ? <StateBadge tone="positive">Verified</StateBadge> : <StateBadge tone="neutral">Not verified</StateBadge>}
          {c.optedOutAt ? <StateBadge tone="caution">Opted out</StateBadge> : null}
          {c.hasConsent ? <StateBadge tone="positive">Consent</StateBadge> : null}
        </ul>
      </div>
      {changes.length > 0 ? (
        <ul aria-label={`Change ${c.value}`} className="flex flex-wrap gap-2">
          {changes.map((change) => (
            <li key={change}>
              <Link
                to={contactsHref(caseId, { point: c.id, change })}
                preventScrollReset
                className={buttonClasses({ variant: "secondary", size: "sm" })}
              >
                {CONTACT_CHANGE_LABELS[change]}
                <span className="sr-only"> {c.value}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

const CHANNEL_WORDS: Record<string, string> = { email: "email", sms: "SMS", phone: "phone", letter: "letter" };

/** What the debtor said in the portal about how and when to contact them. */
function DebtorPreferences({ preferences, locale }: { preferences: NonNullable<CaseFile["debtorPreferences"]>; locale: string }) {
  const how = preferences.channel ? `prefers ${CHANNEL_WORDS[preferences.channel] ?? preferences.channel}` : "no preferred channel";
  const when = preferences.times.length > 0 ? preferences.times.join(", ") : "any time of day";
  return (
    <p className="rounded-lg border border-info-200 bg-info-50 px-3 py-2 text-sm text-info-800">
      <span className="font-semibold">Debtor's preferences</span>
      {preferences.updatedAt ? ` (set in the portal on ${formatInstant(preferences.updatedAt, locale)})` : ""}: {how} · {when}
    </p>
  );
}

function StateBadge({ tone, children }: { tone: "brand" | "positive" | "neutral" | "critical" | "caution"; children: string }) {
  return (
    <li>
      <Badge tone={tone}>{children}</Badge>
    </li>
  );
}
