import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { createClientOverride, deleteClientOverride, getMessageTemplate, saveMessageTemplate } from "@recouvra/core";
import { PageHeader } from "@recouvra/ui";
import { ClientWordings } from "~/components/templates/client-wordings.tsx";
import { TemplateEditor } from "~/components/templates/template-editor.tsx";
import { requireUser } from "~/utils/auth.server.ts";
import { orNotFound } from "~/utils/case-file.server.ts";
import { exampleValues, overrideInputFromForm, orTemplateError, saveInputFromForm } from "~/utils/templates.server.ts";
import { CHANNEL_LABELS, LOCALE_LABELS, templateListHref } from "~/utils/templates.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: `${d?.template.name ?? "Template"} · Message templates · Recouvra workspace` }];

const ROLES = ["admin", "supervisor"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, user } = await requireUser(request, { roles: ROLES });
  const template = await orNotFound(() => getMessageTemplate({ ctx, input: { templateId: params.templateId ?? "" } }));
  return { template, version: template.updatedAt.toISOString(), examples: await exampleValues(ctx, template, user.displayName) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireUser(request, { roles: ROLES });
  const templateId = params.templateId ?? "";
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "save");
  if (intent === "create-override") {
    return orTemplateError(intent, async () => {
      const created = await createClientOverride({ ctx, input: overrideInputFromForm(form) });
      return redirectWithToast(`/admin/templates/${created.id}`, `${created.client?.name ?? "The client"} now has its own wording: edit it here`);
    });
  }
  if (intent === "delete-override") {
    return orTemplateError(intent, async () => {
      const { agencyDefaultId } = await deleteClientOverride({ ctx, input: { templateId } });
      return redirectWithToast(agencyDefaultId ? `/admin/templates/${agencyDefaultId}` : templateListHref({}), "Own wording deleted: the client is back on the agency default");
    });
  }
  const input = saveInputFromForm(form, templateId);
  return orTemplateError(
    "save",
    async () => {
      await saveMessageTemplate({ ctx, input });
      return redirectWithToast(`/admin/templates/${templateId}`, "Template saved");
    },
    { name: input.name, subject: input.subject ?? null, body: input.body, isActive: input.isActive },
  );
}

export default function TemplatePage() {
  const { template, version, examples } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const scope = template.client ? `${template.client.name}'s own wording` : "Agency default";
  const others = template.languages.filter((l) => l.locale !== template.locale);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to={templateListHref({ clientId: template.client?.id })}>← All templates{template.client ? ` for ${template.client.name}` : ""}</Link>
      </p>
      <PageHeader
        title={template.name}
        description={`${CHANNEL_LABELS[template.channel]} · ${LOCALE_LABELS[template.locale]} · ${scope}`}
        actions={
          others.length > 0 ? (
            <nav aria-label="Other languages" className="flex flex-wrap items-center gap-2 text-sm">
              <span className="text-ink-600">Also in</span>
              {others.map((l) => (
                <Link key={l.id} to={`/admin/templates/${l.id}`} className="rounded-md border border-ink-300 bg-white px-3 py-2 font-medium no-underline hover:bg-ink-50">
                  {LOCALE_LABELS[l.locale]}
                </Link>
              ))}
            </nav>
          ) : null
        }
      />
      <TemplateEditor
        key={version}
        template={template}
        version={version}
        examples={examples}
        busy={busy}
        result={result?.form === "save" ? result : undefined}
      />
      <ClientWordings template={template} busy={busy} result={result && result.form !== "save" ? result : undefined} />
    </>
  );
}
