import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getMessage } from "@recouvra/core";
import { Badge, Card, PageHeader } from "@recouvra/ui";
import type { ReactNode } from "react";
import { MessageBody } from "~/components/messages/message-body.tsx";
import { requireUser } from "~/utils/auth.server.ts";
import { WORKING_ROLES } from "~/utils/case-actions.server.ts";
import { orNotFound } from "~/utils/case-file.server.ts";
import { formatInstant, humanise } from "~/utils/case-file.ts";
import { formatLocaleFor } from "~/utils/locale.server.ts";
import { CHANNEL_LABELS, LANGUAGE_LABELS, STATUS_LABELS, STATUS_TONES } from "~/utils/messages.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${CHANNEL_LABELS[data.message.channel]} ${data.message.case ? `· ${data.message.case.reference} ` : ""}· Outbox · Recouvra workspace` : "Message · Recouvra workspace" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireUser(request, { roles: WORKING_ROLES });
  const message = await orNotFound(() => getMessage({ ctx, input: { messageId: params.messageId ?? "" } }));
  return { message, locale: formatLocaleFor(request) };
}

export default function MessagePage() {
  const { message: m, locale } = useLoaderData<typeof loader>();
  const firstLine = m.recipient.split("\n")[0];
  const bodyCard =
    m.status === "queued" || m.status === "sending"
      ? { title: "As it will be sent", description: "The message exactly as the debtor will receive it." }
      : m.status === "failed" || m.status === "suppressed"
        ? { title: "As written", description: "The message as it was composed; it did not reach the debtor." }
        : { title: "As sent", description: "The message as the debtor received it; once a provider has sent it, a one-time code or personal-link token in it is blanked in this copy." };
  const facts: [string, ReactNode][] = [
    ["Status", <Badge key="s" tone={STATUS_TONES[m.status]}>{STATUS_LABELS[m.status]}</Badge>],
    ["Queued", formatInstant(m.createdAt, locale)],
    ["Sent", m.sentAt ? formatInstant(m.sentAt, locale) : "Not yet"],
    ...(m.deliveredAt ? ([["Delivered", formatInstant(m.deliveredAt, locale)]] as [string, ReactNode][]) : []),
    ...(m.nextAttemptAt && m.status === "queued" ? ([["Next attempt", formatInstant(m.nextAttemptAt, locale)]] as [string, ReactNode][]) : []),
    ["Attempts", String(m.attempts)],
    ["Template", m.template ? `${humanise(m.template)}${m.locale ? `, ${LANGUAGE_LABELS[m.locale as keyof typeof LANGUAGE_LABELS] ?? m.locale}` : ""}` : "None"],
    ["Sent through", m.provider ? `${m.provider === "outbox" ? "Development outbox" : humanise(m.provider)}${m.providerMessageId ? ` (${m.providerMessageId})` : ""}` : "Not yet"],
  ];
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/outbox">← Outbox</Link>
      </p>
      <PageHeader
        title={`${CHANNEL_LABELS[m.channel]} to ${firstLine}`}
        description={
          m.case ? (
            <>
              About case <Link to={`/cases/${m.case.id}`}>{m.case.reference}</Link> — {m.case.debtorName}, for {m.case.clientName}.
            </>
          ) : (
            "Not about a case."
          )
        }
      />
      {m.error && m.status !== "sent" && m.status !== "delivered" ? (
        <p role="note" className="mb-4 rounded-lg border border-critical-200 bg-critical-50 px-4 py-3 text-sm text-critical-800">
          {m.status === "suppressed" ? "Not sent: " : "Last error: "}
          {m.error}
        </p>
      ) : null}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Card title={bodyCard.title} description={bodyCard.description}>
          <MessageBody channel={m.channel} recipient={m.recipient} subject={m.subject} body={m.body} sms={m.sms} />
        </Card>
        <div className="flex flex-col gap-6">
          <Card title="Delivery">
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-2 text-sm">
              {facts.map(([term, value]) => (
                <div key={term} className="contents">
                  <dt className="font-medium text-ink-700">{term}</dt>
                  <dd className="break-words text-ink-900">{value}</dd>
                </div>
              ))}
            </dl>
          </Card>
          <Card title="History">
            {m.events.length === 0 ? (
              <p className="text-sm text-ink-600">No recorded step.</p>
            ) : (
              <ol className="flex flex-col gap-3">
                {m.events.map((e, i) => (
                  <li key={`${e.at}-${i}`} className="text-sm">
                    <time dateTime={e.at} className="block text-ink-600">
                      {formatInstant(e.at, locale)}
                    </time>
                    <span className="text-ink-900">{e.summary}</span>
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
