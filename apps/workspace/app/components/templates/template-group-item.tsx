import { Form, Link } from "@remix-run/react";
import type { Locale, MessageChannel } from "@recouvra/domain";
import { Badge, Button } from "@recouvra/ui";
import { CHANNEL_LABELS, LOCALE_LABELS } from "~/utils/templates.ts";

/** A template group as the list's loader sends it. */
export interface TemplateGroupView {
  key: string;
  channel: MessageChannel;
  name: string;
  languages: { id: string; locale: Locale; name: string; isActive: boolean; isClientWording: boolean }[];
  overrides: { clientId: string; clientName: string; locales: Locale[] }[];
}

/**
 * One template key on one channel: its languages (each a link to its editor) and who has its own
 * wording. In a client's view each language can be customised for that client or put back on the default.
 */
export function TemplateGroupItem({ group, client, busy }: { group: TemplateGroupView; client: { id: string; name: string } | null; busy: boolean }) {
  const what = `${group.name} (${CHANNEL_LABELS[group.channel]})`;
  return (
    <li className="rounded-card border border-ink-200 bg-white p-4 shadow-card">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h3 className="text-lg font-semibold text-ink-900">{group.name}</h3>
        <code className="text-sm text-ink-600">{group.key}</code>
      </div>
      {/* Three languages side by side even on a phone, unless each carries a client's button. */}
      <ul aria-label={`Languages of ${what}`} className={`mt-3 grid gap-2 ${client ? "sm:grid-cols-3" : "grid-cols-3"}`}>
        {group.languages.map((l) => (
          <li key={l.id} className="flex flex-col gap-2 rounded-lg border border-ink-200 p-3">
            <div className={client ? "flex flex-wrap items-center justify-between gap-2" : "flex flex-col items-start gap-1 sm:flex-row sm:flex-wrap sm:items-center sm:justify-between sm:gap-2"}>
              <Link to={`/admin/templates/${l.id}`} aria-label={`${LOCALE_LABELS[l.locale]}, ${what}`} className="font-medium">
                {LOCALE_LABELS[l.locale]}
              </Link>
              <Badge tone={l.isActive ? "positive" : "neutral"}>{l.isActive ? "In use" : "Switched off"}</Badge>
            </div>
            {l.name !== group.name ? <p className="text-sm text-ink-700">{l.name}</p> : null}
            {client ? (
              <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
                <span className="text-ink-700">{l.isClientWording ? `${client.name}'s own wording` : "Agency default"}</span>
                <Form method="post">
                  {l.isClientWording ? (
                    <>
                      <input type="hidden" name="intent" value="delete-override" />
                      <input type="hidden" name="templateId" value={l.id} />
                      <Button type="submit" size="sm" variant="secondary" disabled={busy} aria-label={`Use the default for ${client.name}: ${LOCALE_LABELS[l.locale]}, ${what}`}>
                        Use the default
                      </Button>
                    </>
                  ) : (
                    <>
                      <input type="hidden" name="intent" value="create-override" />
                      <input type="hidden" name="clientId" value={client.id} />
                      <input type="hidden" name="key" value={group.key} />
                      <input type="hidden" name="channel" value={group.channel} />
                      <input type="hidden" name="locale" value={l.locale} />
                      <Button type="submit" size="sm" variant="secondary" disabled={busy} aria-label={`Customise for ${client.name}: ${LOCALE_LABELS[l.locale]}, ${what}`}>
                        Customise
                      </Button>
                    </>
                  )}
                </Form>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {!client ? (
        <p className="mt-3 text-sm text-ink-700">
          {group.overrides.length === 0
            ? "Every client gets the agency default."
            : `Own wording: ${group.overrides.map((o) => `${o.clientName} (${o.locales.map((l) => LOCALE_LABELS[l]).join(", ")})`).join("; ")}.`}
        </p>
      ) : null}
    </li>
  );
}
