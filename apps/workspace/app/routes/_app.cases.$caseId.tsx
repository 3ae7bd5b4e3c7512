import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useOutlet } from "@remix-run/react";
import { getCaseFile, type CaseFile } from "@recouvra/core";
import { Card } from "@recouvra/ui";
import { ActionsPanel } from "~/components/case-file/actions-panel.tsx";
import { BalanceBreakdown } from "~/components/case-file/balance-breakdown.tsx";
import { CaseHeader } from "~/components/case-file/case-header.tsx";
import { DocumentsSection } from "~/components/case-file/documents-section.tsx";
import { PortalMessagesSection } from "~/components/case-file/portal-messages-section.tsx";
import { ContactsSection } from "~/components/case-file/contacts-section.tsx";
import { ClaimsSection, EscalationsSection, LedgerSection, PlanSection } from "~/components/case-file/sections.tsx";
import { Timeline } from "~/components/case-file/timeline.tsx";
import { requireUser } from "~/utils/auth.server.ts";
import { orNotFound, timelineKindsFromUrl } from "~/utils/case-file.server.ts";
import { formatLocaleFor } from "~/utils/locale.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Case ${data.file.header.reference} · ${data.file.header.debtor.name} · Recouvra workspace` : "Case · Recouvra workspace" },
];

// A case outside the user's scope, or an id that names nothing, is the app's 404: existence never leaks.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireUser(request);
  const timelineKinds = timelineKindsFromUrl(new URL(request.url).searchParams);
  const file: CaseFile = await orNotFound(() => getCaseFile({ ctx, input: { caseId: params.caseId ?? "", timelineKinds } }));
  return { file, locale: formatLocaleFor(request) };
}

const SECTIONS = [
  { id: "balance", label: "Balance" },
  { id: "timeline", label: "Timeline" },
  { id: "claims", label: "Claims" },
  { id: "ledger", label: "Ledger" },
  { id: "plan", label: "Plan & promises" },
  { id: "contacts", label: "Contacts" },
  { id: "documents", label: "Documents" },
  { id: "portal", label: "Debtor portal" },
] as const;
// Staff only: the creditor does not read the debtor's conversation with the agency.
const MESSAGES_SECTION = { id: "portal-messages", label: "Portal messages" } as const;

export default function CaseFilePage() {
  const { file, locale } = useLoaderData<typeof loader>() as { file: CaseFile; locale: string };
  const outlet = useOutlet();
  const sections = [
    ...SECTIONS,
    ...(file.viewer === "staff" ? [MESSAGES_SECTION] : []),
    ...(file.escalations.length > 0 ? [{ id: "escalations", label: "Escalations" } as const] : []),
  ];
  const sectionClass = "scroll-mt-4";
  return (
    <>
      <CaseHeader header={file.header} balance={file.balance} locale={locale} />
      {file.viewer === "client" ? (
        <p className="mb-4 rounded-lg border border-info-200 bg-info-50 px-4 py-2 text-sm text-info-800">
          You are viewing this case as the creditor: it is read-only, and shows the notes the agency shares with you.
        </p>
      ) : null}

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_17rem]">
        <aside className="lg:order-2" aria-label="Case actions and navigation">
          {/* Sticky beside the file, and scrollable on its own: an open form can be taller than the screen. */}
          <div className="flex flex-col gap-4 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto lg:overscroll-contain">
            <ActionsPanel caseId={file.header.caseId} canWork={file.canWork} canRecall={file.viewer === "client" && file.header.stage !== "closed"}>
              {outlet}
            </ActionsPanel>
            <nav aria-label="On this page" className="rounded-card border border-ink-200 bg-white p-4 shadow-card">
              <p className="mb-2 text-sm font-semibold text-ink-700">On this page</p>
              <ul className="flex flex-wrap gap-x-4 gap-y-1 lg:flex-col">
                {sections.map((s) => (
                  <li key={s.id}>
                    <a href={`#${s.id}`} className="inline-flex min-h-8 items-center text-sm">
                      {s.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </aside>

        <div className="flex min-w-0 flex-col gap-6 lg:order-1">
          <Card id="balance" title="Balance" description="What the debtor owes now, split by component, and how each amount was computed." className={sectionClass}>
            <BalanceBreakdown balance={file.balance} locale={locale} />
          </Card>
          <Card id="timeline" title="Timeline" description="Every contact, message, payment, stage change and note, newest first." className={sectionClass}>
            <Timeline items={file.timeline} counts={file.timelineCounts} selected={file.timelineKinds} locale={locale} />
          </Card>
          <Card id="claims" title="Claims" className={sectionClass}>
            <ClaimsSection file={file} locale={locale} />
          </Card>
          <Card id="ledger" title="Ledger" className={sectionClass}>
            <LedgerSection file={file} locale={locale} />
          </Card>
          <Card id="plan" title="Plan & promises" className={sectionClass}>
            <PlanSection file={file} locale={locale} />
          </Card>
          <Card id="contacts" title="Contacts" className={sectionClass}>
            <ContactsSection file={file} locale={locale} />
          </Card>
          <Card id="documents" title="Documents" className={sectionClass}>
            <DocumentsSection file={file} locale={locale} />
          </Card>
          <Card id="portal" title="Debtor portal" description="How the debtor gets into the portal for this case." className={sectionClass}>
            <p className="text-sm text-ink-700">
              Personal links, the access code, the sign-in lock and open portal sessions:{" "}
              <Link to={`/cases/${file.header.caseId}/portal`} preventScrollReset>
                Portal access
              </Link>
            </p>
          </Card>
          {file.viewer === "staff" ? (
            <Card id="portal-messages" title="Portal messages" description="What the debtor wrote in the portal, and the agency's answers." className={sectionClass}>
              <PortalMessagesSection file={file} locale={locale} />
            </Card>
          ) : null}
          {file.escalations.length > 0 ? (
            <Card id="escalations" title="Escalations" className={sectionClass}>
              <EscalationsSection file={file} locale={locale} />
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
