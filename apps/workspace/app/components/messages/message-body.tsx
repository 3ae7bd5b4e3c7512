import { cx } from "@recouvra/ui";
import type { MessageChannel } from "@recouvra/domain";
import { smsFactsText } from "~/utils/messages.ts";

/**
 * A message as the debtor reads it: recipient, subject and body, line breaks kept. An SMS reads like a
 * text bubble with its length and encoding under it, so the agent sees what it costs before sending.
 */
export function MessageBody({
  channel,
  recipient,
  subject,
  body,
  sms,
  className,
}: {
  channel: MessageChannel;
  recipient: string;
  subject: string | null;
  body: string;
  sms: { encoding: "gsm7" | "ucs2"; characters: number; segments: number } | null;
  className?: string;
}) {
  return (
    <div className={cx("flex flex-col gap-3", className)}>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
        <dt className="font-medium text-ink-700">To</dt>
        <dd className="break-words whitespace-pre-line text-ink-900">{recipient}</dd>
        {subject ? (
          <>
            <dt className="font-medium text-ink-700">Subject</dt>
            <dd className="break-words text-ink-900">{subject}</dd>
          </>
        ) : null}
      </dl>
      {channel === "sms" ? (
        <div>
          <p className="max-w-sm rounded-2xl rounded-bl-sm bg-ink-100 px-4 py-3 text-base break-words whitespace-pre-wrap text-ink-900">{body}</p>
          {sms ? <p className="mt-1 text-sm text-ink-600">{smsFactsText(sms)}</p> : null}
        </div>
      ) : (
        <div className={cx("rounded-lg border border-ink-200 bg-white px-4 py-3 text-base break-words whitespace-pre-wrap text-ink-900 shadow-sm", channel === "letter" && "font-serif")}>{body}</div>
      )}
    </div>
  );
}
