import { Form, useNavigation } from "@remix-run/react";
import type { CaseFile } from "@recouvra/core";
import { Button, EmptyState } from "@recouvra/ui";
import { useId } from "react";
import { formatInstant } from "~/utils/case-file.ts";

/**
 * The debtor's messages from the portal and the agency's answers, oldest first, with the form to
 * answer (a plain POST to the `portal-reply` action; a refused answer opens that form in the actions panel).
 */
export function PortalMessagesSection({ file, locale }: { file: CaseFile; locale: string }) {
  const busy = useNavigation().state === "submitting";
  const textId = useId();
  const thread = file.portalThread;
  return (
    <div className="flex flex-col gap-4">
      {thread.length === 0 ? (
        <EmptyState title="No portal messages">The debtor's messages from the portal and your answers appear here.</EmptyState>
      ) : (
        <ol aria-label="Portal messages, oldest first" className="flex flex-col gap-3">
          {thread.map((m) => (
            <li key={m.id} className={`rounded-lg border px-4 py-3 ${m.from === "debtor" ? "border-info-200 bg-info-50 sm:mr-8" : "border-ink-200 bg-white sm:ml-8"}`}>
              <p className="text-sm text-ink-600">
                <span className="font-semibold text-ink-900">{m.from === "debtor" ? "Debtor" : `${m.author} (agency)`}</span> ·{" "}
                <time dateTime={m.at}>{formatInstant(m.at, locale)}</time>
              </p>
              <p className="mt-1 whitespace-pre-line break-words text-ink-900">{m.text}</p>
            </li>
          ))}
        </ol>
      )}
      {file.canWork ? (
        <Form method="post" action={`/cases/${file.header.caseId}/portal-reply`} preventScrollReset className="flex flex-col gap-3">
          <label htmlFor={textId} className="text-sm font-medium text-ink-900">
            Answer the debtor in the portal
          </label>
          <textarea
            id={textId}
            name="text"
            rows={3}
            required
            maxLength={2000}
            className="min-h-11 w-full rounded-lg border border-ink-300 bg-white px-3 py-2 text-base text-ink-900 shadow-sm focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 focus:outline-none"
          />
          <div>
            <Button type="submit" variant="secondary" disabled={busy}>
              Send the answer
            </Button>
          </div>
        </Form>
      ) : null}
    </div>
  );
}
