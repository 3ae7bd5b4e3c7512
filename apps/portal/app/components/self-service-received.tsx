import { Link } from "@remix-run/react";
import { calendarDateIn, formatStatementDate, type DisputeReason } from "@recouvra/domain";
import { Alert, Card, PageHeader } from "@recouvra/ui";
import type { Locale } from "~/i18n/index.ts";
import { SELF_SERVICE_TEXTS } from "~/i18n/self-service.ts";

/** What the file inputs of the dispute and "already paid" forms offer to choose. */
export const ACCEPTED_EVIDENCE = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

/** What the debtor sees once their dispute (or "already paid" report) is with us. */
export function DisputeReceived({ dispute, locale }: { dispute: { reason: DisputeReason; openedAt: string; documents: { id: string; filename: string }[] }; locale: Locale }) {
  const t = SELF_SERVICE_TEXTS[locale];
  const isPaid = dispute.reason === "already_paid";
  const day = formatStatementDate(calendarDateIn(new Date(dispute.openedAt), "Europe/Paris"), locale);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={isPaid ? t.received.paidTitle : t.received.disputeTitle} description={t.received.thanks} />
      <Alert tone="positive" live="status">
        <p>{t.received.receivedOn(day, t.disputeReasons[dispute.reason])}</p>
        <p className="mt-1 font-semibold">{t.received.paused}</p>
      </Alert>
      <Card title={t.received.nextTitle}>
        <p className="text-ink-700">{t.received.next}</p>
        <p className="mt-2 text-ink-700">{t.received.email}</p>
        {dispute.documents.length > 0 ? (
          <>
            <h3 className="mt-4 text-base font-semibold text-ink-900">{t.received.files}</h3>
            <ul className="mt-1 list-disc pl-5">
              {dispute.documents.map((d) => (
                <li key={d.id}>
                  <a href={`/case/documents/${d.id}`} className="[overflow-wrap:anywhere]">
                    {d.filename}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <p className="mt-4 text-ink-700">
          {t.received.addMore} <Link to="/case/messages">{t.received.writeToUs}</Link>
        </p>
      </Card>
      <p>
        <Link to="/case">{t.backToFile}</Link>
      </p>
    </div>
  );
}
