import { Form } from "@remix-run/react";
import type { MessageTemplateDetail } from "@recouvra/core";
import { TEMPLATE_PLACEHOLDERS, type Locale, type MessageChannel, type TemplatePlaceholder, type TemplateValues } from "@recouvra/domain";
import { Alert, Button, Card, TextField } from "@recouvra/ui";
import { useEffect, useRef, useState } from "react";
import { formatInstant } from "~/utils/case-file.ts";
import { CHANNEL_WORDS, isTemplateField, LOCALE_LABELS, previewText, smsLength, TEMPLATE_FIELD_IDS, TEMPLATE_FIELD_LABELS } from "~/utils/templates.ts";

/** What the editor needs of the template its loader reads. */
export type TemplateView = Pick<MessageTemplateDetail, "id" | "channel" | "locale" | "name" | "subject" | "body" | "isActive" | "client" | "updatedAt" | "updatedBy">;

/** A refused save, as the action answers it. */
export interface SaveRefusal {
  error: { field: string | null; message: string };
  values?: { name: string; subject: string | null; body: string; isActive: boolean };
}

const PLACEHOLDERS = Object.entries(TEMPLATE_PLACEHOLDERS) as [TemplatePlaceholder, string][];
const textareaClass =
  "w-full rounded-lg border bg-white px-3 py-2 font-mono text-base leading-relaxed text-ink-900 shadow-sm focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 focus:outline-none";

/**
 * The template form with a live preview beside it: the text filled with example values in the
 * template's language and, for an SMS, its length in characters and parts, both updating as one types.
 * Placeholder buttons insert at the cursor of the subject or text, whichever was edited last.
 */
export function TemplateEditor({ template, version, examples, busy, result }: { template: TemplateView; version: string; examples: TemplateValues; busy: boolean; result?: SaveRefusal }) {
  const initial = result?.values ?? template;
  const [name, setName] = useState(initial.name);
  const [subject, setSubject] = useState(initial.subject ?? "");
  const [body, setBody] = useState(initial.body);
  const [target, setTarget] = useState<"subject" | "body">("body");
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const isSms = template.channel === "sms";
  const field = result?.error.field ?? undefined;
  const errorFor = (name: string) => (field === name ? result?.error.message : undefined);

  // A refused save: take the person to the summary, which names the field and links to it.
  useEffect(() => {
    if (result) summaryRef.current?.focus();
  }, [result]);

  function insert(placeholder: TemplatePlaceholder) {
    const token = `{${placeholder}}`;
    const into = target === "subject" && subjectRef.current ? subjectRef.current : bodyRef.current;
    if (!into) return;
    const value = into === bodyRef.current ? body : subject;
    const start = into.selectionStart ?? value.length;
    const end = into.selectionEnd ?? value.length;
    const next = value.slice(0, start) + token + value.slice(end);
    (into === bodyRef.current ? setBody : setSubject)(next);
    // After React has written the new value, put the cursor just after the inserted placeholder.
    requestAnimationFrame(() => {
      into.focus();
      into.setSelectionRange(start + token.length, start + token.length);
    });
  }

  const bodyErrorId = errorFor("body") ? `${TEMPLATE_FIELD_IDS.body}-error` : undefined;
  const lengthId = `${TEMPLATE_FIELD_IDS.body}-length`;
  // Counted on the text as the example debtor would get it, line breaks as they are sent.
  const sms = isSms ? smsLength(previewText(body, examples).text.replace(/\r\n?/g, "\n").trim()) : null;
  const activeErrorId = errorFor("isActive") ? `${TEMPLATE_FIELD_IDS.isActive}-error` : undefined;
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:items-start">
      <Card title="Wording" description={template.updatedBy ? `Last saved ${formatInstant(template.updatedAt.toISOString(), "en-GB")} by ${template.updatedBy}.` : undefined}>
        <Form method="post" className="flex flex-col gap-5" noValidate>
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="version" value={version} />
          {result ? (
            <div ref={summaryRef} tabIndex={-1} role="alert" className="outline-none focus-visible:ring-2 focus-visible:ring-critical-600">
              <Alert tone="critical" title="The template was not saved">
                <p>
                  {isTemplateField(field) ? (
                    <>
                      <a href={`#${TEMPLATE_FIELD_IDS[field]}`}>{TEMPLATE_FIELD_LABELS[field]}</a>:{" "}
                    </>
                  ) : null}
                  {result.error.message}
                </p>
              </Alert>
            </div>
          ) : null}
          <TextField id={TEMPLATE_FIELD_IDS.name} name="name" label="Name" description="What staff see when choosing this template." value={name} onChange={(e) => setName(e.target.value)} error={errorFor("name")} maxLength={120} required />
          {isSms ? null : (
            <TextField
              ref={subjectRef}
              id={TEMPLATE_FIELD_IDS.subject}
              name="subject"
              label="Subject"
              description={template.channel === "letter" ? "The letter's heading (“Re:” line)." : "The email's subject line."}
              value={subject}
              onChange={(e) => setSubject(e.target.value)}
              onFocus={() => setTarget("subject")}
              error={errorFor("subject")}
              maxLength={200}
              required
            />
          )}
          <div className="flex flex-col gap-1">
            <label htmlFor={TEMPLATE_FIELD_IDS.body} className="text-sm font-medium text-ink-900">
              Text
            </label>
            <p id={`${TEMPLATE_FIELD_IDS.body}-description`} className="text-sm text-ink-600">
              Placeholders in braces, such as {"{amount}"}, are filled in for each case.
            </p>
            <textarea
              ref={bodyRef}
              id={TEMPLATE_FIELD_IDS.body}
              name="body"
              value={body}
              onChange={(e) => setBody(e.target.value)}
              onFocus={() => setTarget("body")}
              rows={isSms ? 5 : 10}
              required
              aria-invalid={bodyErrorId ? true : undefined}
              aria-describedby={[`${TEMPLATE_FIELD_IDS.body}-description`, sms ? lengthId : undefined, bodyErrorId].filter(Boolean).join(" ")}
              className={`${textareaClass} ${bodyErrorId ? "border-critical-600" : "border-ink-300"}`}
            />
            {sms ? (
              // Polite: read once typing pauses, never interrupting.
              <p id={lengthId} aria-live="polite" className="text-sm text-ink-800">
                <span className="font-semibold">{sms.units} characters</span> · <span className="font-semibold">{sms.segments === 1 ? "1 part" : `${sms.segments} parts`}</span>
                {sms.encoding === "ucs2"
                  ? ` · Unicode because of “${sms.unicodeBecause ?? "?"}”: ${sms.perPart} characters a part instead of ${sms.segments > 1 ? 153 : 160}`
                  : ` · up to ${sms.perPart} characters a part`}
                <span className="text-ink-600"> (with the example values)</span>
              </p>
            ) : null}
            {bodyErrorId ? (
              <p id={bodyErrorId} className="text-sm font-medium text-critical-700">
                {errorFor("body")}
              </p>
            ) : null}
          </div>
          <fieldset className="rounded-lg border border-ink-200 p-3">
            <legend className="px-1 text-sm font-medium text-ink-900">Placeholders</legend>
            <p className="mb-2 text-sm text-ink-600">Each button inserts at the cursor in the {target === "subject" && !isSms ? "subject" : "text"}.</p>
            <ul className="flex flex-col gap-2">
              {PLACEHOLDERS.map(([placeholder, meaning]) => (
                <li key={placeholder} className="grid grid-cols-[12rem_minmax(0,1fr)] items-start gap-2 max-sm:grid-cols-[minmax(0,auto)_minmax(0,1fr)]">
                  <Button size="sm" variant="secondary" onClick={() => insert(placeholder)} aria-label={`Insert {${placeholder}}`} className="justify-self-start font-mono">
                    {`{${placeholder}}`}
                  </Button>
                  <span className="pt-2.5 text-sm text-ink-700">{meaning}</span>
                </li>
              ))}
            </ul>
          </fieldset>
          <div className="flex flex-col gap-1">
            <label className="flex items-center gap-2 font-medium text-ink-900">
              <input
                id={TEMPLATE_FIELD_IDS.isActive}
                type="checkbox"
                name="isActive"
                defaultChecked={initial.isActive}
                aria-invalid={activeErrorId ? true : undefined}
                aria-describedby={[`${TEMPLATE_FIELD_IDS.isActive}-description`, activeErrorId].filter(Boolean).join(" ")}
                className="size-5"
              />
              In use
            </label>
            <p id={`${TEMPLATE_FIELD_IDS.isActive}-description`} className="text-sm text-ink-600">
              {template.client
                ? `Switched off, ${template.client.name} gets the agency default instead.`
                : `Switched off, clients without their own ${LOCALE_LABELS[template.locale]} wording get none. Refused while a contact strategy still sends this ${CHANNEL_WORDS[template.channel]}.`}
            </p>
            {activeErrorId ? (
              <p id={activeErrorId} className="text-sm font-medium text-critical-700">
                {errorFor("isActive")}
              </p>
            ) : null}
          </div>
          <div>
            <Button type="submit" disabled={busy}>
              Save template
            </Button>
          </div>
        </Form>
      </Card>
      <Preview channel={template.channel} locale={template.locale} subject={subject} body={body} examples={examples} />
    </div>
  );
}

function Preview({ channel, locale, subject, body, examples }: { channel: MessageChannel; locale: Locale; subject: string; body: string; examples: TemplateValues }) {
  const filledSubject = previewText(subject, examples);
  const filledBody = previewText(body, examples);
  const problem = (channel === "sms" ? null : filledSubject.problem) ?? filledBody.problem;
  return (
    <Card title="Preview" description={`With example values, as a debtor reading ${LOCALE_LABELS[locale]} would get it.`} className="lg:sticky lg:top-4">
      <div lang={locale} className={channel === "sms" ? "ml-auto max-w-xs rounded-2xl rounded-br-sm bg-brand-50 px-4 py-3 text-ink-900" : "rounded-lg border border-ink-200 bg-ink-50 p-4 text-ink-900"}>
        {channel !== "sms" ? <p className="mb-3 font-semibold">{filledSubject.text}</p> : null}
        <p className="break-words whitespace-pre-wrap">{filledBody.text}</p>
      </div>
      <p aria-live="polite" className="mt-3 text-sm font-medium text-critical-700">
        {problem ? `Cannot be filled in: ${problem}` : null}
      </p>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer font-medium text-ink-800">Example values used</summary>
        <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1">
          {PLACEHOLDERS.map(([placeholder]) => (
            <div key={placeholder} className="contents">
              <dt className="font-mono text-ink-600">{`{${placeholder}}`}</dt>
              <dd className="break-words text-ink-900">{examples[placeholder]}</dd>
            </div>
          ))}
        </dl>
      </details>
    </Card>
  );
}
