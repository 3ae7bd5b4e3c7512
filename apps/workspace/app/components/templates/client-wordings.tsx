import { Form, Link } from "@remix-run/react";
import type { MessageTemplateDetail } from "@recouvra/core";
import { Alert, Badge, Button, Card } from "@recouvra/ui";
import { useId } from "react";
import { CHANNEL_WORDS, LOCALE_LABELS } from "~/utils/templates.ts";

/** What the client-wording panel needs of the template. */
export type ClientWordingsView = Pick<MessageTemplateDetail, "id" | "key" | "channel" | "locale" | "client" | "agencyDefault" | "clientWordings" | "clientsWithoutWording">;

/**
 * Below the editor: for an agency default, the clients with their own wording and a way to give one
 * to another client; for a client's wording, the default it replaces and a way back to it.
 */
export function ClientWordings({ template, busy, result }: { template: ClientWordingsView; busy: boolean; result?: { error: { field: string | null; message: string } } }) {
  const selectId = useId();
  const errorId = `${selectId}-error`;
  const what = `${CHANNEL_WORDS[template.channel]} in ${LOCALE_LABELS[template.locale]}`;
  const error = result ? (
    <Alert tone="critical" live="alert" className="mb-4">
      <p id={errorId}>{result.error.message}</p>
    </Alert>
  ) : null;

  if (template.client) {
    const client = template.client;
    return (
      <Card title="Agency default" className="mt-6" description={`${client.name} gets this wording instead of the agency's ${what}.`}>
        {error}
        {template.agencyDefault ? (
          <details className="mb-4">
            <summary className="cursor-pointer font-medium text-ink-800">Compare with the agency default</summary>
            <div className="mt-2 rounded-lg border border-ink-200 bg-ink-50 p-4">
              {template.agencyDefault.subject ? <p className="mb-2 font-semibold">{template.agencyDefault.subject}</p> : null}
              <p className="break-words whitespace-pre-wrap">{template.agencyDefault.body}</p>
            </div>
            <p className="mt-2 text-sm">
              <Link to={`/admin/templates/${template.agencyDefault.id}`}>Open the agency default</Link>
            </p>
          </details>
        ) : null}
        <Form method="post" className="flex flex-wrap items-center gap-3">
          <input type="hidden" name="intent" value="delete-override" />
          <Button type="submit" variant="danger" disabled={busy}>
            Delete {client.name}’s wording
          </Button>
          <p className="text-sm text-ink-600">{client.name} goes back to the agency default. The deleted text stays in the audit trail.</p>
        </Form>
      </Card>
    );
  }

  return (
    <Card title="Clients’ own wordings" className="mt-6" description={`A client with its own ${what} gets it instead of this one.`}>
      {error}
      {template.clientWordings.length === 0 ? (
        <p className="mb-4 text-ink-700">Every client gets this agency default.</p>
      ) : (
        <ul className="mb-4 divide-y divide-ink-100">
          {template.clientWordings.map((w) => (
            <li key={w.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <Link to={`/admin/templates/${w.id}`} aria-label={`${w.clientName}’s own wording`} className="font-medium">
                {w.clientName}
              </Link>
              <Badge tone={w.isActive ? "positive" : "neutral"}>{w.isActive ? "In use" : "Switched off"}</Badge>
            </li>
          ))}
        </ul>
      )}
      {template.clientsWithoutWording.length > 0 ? (
        <Form method="post" className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="intent" value="create-override" />
          <input type="hidden" name="key" value={template.key} />
          <input type="hidden" name="channel" value={template.channel} />
          <input type="hidden" name="locale" value={template.locale} />
          <div className="flex flex-col gap-1">
            <label htmlFor={selectId} className="text-sm font-medium text-ink-900">
              Client
            </label>
            <select id={selectId} name="clientId" aria-describedby={result ? errorId : undefined} className="min-h-11 rounded-md border border-ink-300 bg-white px-3 py-2">
              {template.clientsWithoutWording.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" variant="secondary" disabled={busy}>
            Give it its own wording
          </Button>
        </Form>
      ) : (
        <p className="text-sm text-ink-600">Every client already has its own wording of this one.</p>
      )}
    </Card>
  );
}
