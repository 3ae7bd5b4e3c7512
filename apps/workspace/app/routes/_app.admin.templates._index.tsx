import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { createClientOverride, deleteClientOverride, listMessageTemplates } from "@recouvra/core";
import { MESSAGE_CHANNELS } from "@recouvra/domain";
import { Alert, Button, EmptyState, PageHeader } from "@recouvra/ui";
import { FilterForm, FilterSelect } from "~/components/filters.tsx";
import { TemplateGroupItem } from "~/components/templates/template-group-item.tsx";
import { requireUser } from "~/utils/auth.server.ts";
import { orNotFound } from "~/utils/case-file.server.ts";
import { overrideInputFromForm, orTemplateError, templateListInputFromUrl } from "~/utils/templates.server.ts";
import { CHANNEL_LABELS, CHANNEL_PLURALS, templateListHref } from "~/utils/templates.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Message templates · Recouvra workspace" }];

const ROLES = ["admin", "supervisor"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = await requireUser(request, { roles: ROLES });
  return { list: await orNotFound(() => listMessageTemplates({ ctx, input: templateListInputFromUrl(new URL(request.url).searchParams) })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { ctx } = await requireUser(request, { roles: ROLES });
  const back = templateListHref(templateListInputFromUrl(new URL(request.url).searchParams));
  const form = await request.formData();
  if (form.get("intent") === "delete-override") {
    return orTemplateError("delete-override", async () => {
      await deleteClientOverride({ ctx, input: { templateId: String(form.get("templateId") ?? "") } });
      return redirectWithToast(back, "Back on the agency default");
    });
  }
  return orTemplateError("create-override", async () => {
    const created = await createClientOverride({ ctx, input: overrideInputFromForm(form) });
    return redirectWithToast(`/admin/templates/${created.id}`, `${created.client?.name ?? "The client"} now has its own wording: edit it here`);
  });
}

export default function TemplatesPage() {
  const { list } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const channels = MESSAGE_CHANNELS.filter((c) => list.groups.some((g) => g.channel === c));
  return (
    <>
      <PageHeader
        title="Message templates"
        description="The wording of every letter, email and SMS the agency sends, in each language. A client can have its own wording of any of them; otherwise it gets the agency default."
      />
      <FilterForm label="Filter the templates" className="mb-6 sm:grid-cols-3 sm:items-end">
        <FilterSelect
          label="Channel"
          name="channel"
          defaultValue={list.channel ?? ""}
          anyLabel="Every channel"
          options={MESSAGE_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
        />
        <FilterSelect
          label="Wording for"
          name="client"
          defaultValue={list.client?.id ?? ""}
          anyLabel="The agency (defaults)"
          options={list.clients.map((c) => ({ value: c.id, label: c.name }))}
        />
        <div>
          <Button type="submit" variant="secondary">
            Show
          </Button>
        </div>
      </FilterForm>
      {result?.error ? (
        <Alert tone="critical" live="alert" title="Nothing was changed" className="mb-6">
          <p>{result.error.message}</p>
        </Alert>
      ) : null}
      {list.client ? (
        <p className="mb-4 max-w-prose text-ink-700">
          What {list.client.name} gets in each language: its own wording where it has one, the agency default elsewhere.
        </p>
      ) : null}
      {list.groups.length === 0 ? (
        <EmptyState title={list.channel ? `No ${CHANNEL_LABELS[list.channel].toLowerCase()} templates` : "No message templates yet"}>
          {list.channel
            ? "Nothing is written for this channel. Choose another channel, or every channel."
            : "The agency's default wordings are installed with the platform (pnpm db:seed in a demo). Once they are there, they can be edited here."}
        </EmptyState>
      ) : (
        <div className="flex flex-col gap-8">
          {channels.map((channel) => (
            <section key={channel} aria-labelledby={`channel-${channel}`}>
              <h2 id={`channel-${channel}`} className="mb-3 text-xl font-semibold text-ink-900">
                {CHANNEL_PLURALS[channel]}
              </h2>
              <ul className="flex flex-col gap-3">
                {list.groups
                  .filter((g) => g.channel === channel)
                  .map((group) => (
                    <TemplateGroupItem key={`${group.key}/${group.channel}`} group={group} client={list.client} busy={busy} />
                  ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </>
  );
}
