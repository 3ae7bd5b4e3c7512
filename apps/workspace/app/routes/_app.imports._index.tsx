import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { commitPlacementImport, listImportClients, listPlacementImports } from "@recouvra/core";
import { Alert, Button, Card, PageHeader } from "@recouvra/ui";
import { z } from "zod";
import { ImportHistory } from "~/components/imports/import-history.tsx";
import { ImportPreview } from "~/components/imports/import-preview.tsx";
import { requireUser } from "~/utils/auth.server.ts";
import { domainFailure, previewUpload } from "~/utils/imports.server.ts";
import { formatLocaleFor } from "~/utils/locale.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Place cases · Recouvra workspace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, actor } = await requireUser(request);
  const isClient = actor.role === "client";
  const [clients, history] = await Promise.all([listImportClients({ ctx }), listPlacementImports({ ctx, input: { limit: 20 } })]);
  const url = new URL(request.url);
  const done = history.find((h) => h.id === url.searchParams.get("done") && h.status === "completed") ?? null;
  return data({ locale: formatLocaleFor(request), isClient, clients, history, done, references: url.searchParams.getAll("ref").slice(0, 10) }, { headers: { "Cache-Control": "no-store" } });
}

const CommitSchema = z.object({ intent: z.literal("commit"), batchId: z.string().uuid() });

export async function action({ request }: ActionFunctionArgs) {
  const { ctx, actor } = await requireUser(request);
  const type = request.headers.get("Content-Type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    const result = await previewUpload(request, ctx, actor.role === "client" ? actor.clientId : undefined);
    return data({ preview: "error" in result ? null : result, error: "error" in result ? result.error : null }, { status: "error" in result ? 400 : 200 });
  }
  const parsed = CommitSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: "This import cannot be found; upload the file again." }, { status: 400 });
  try {
    const done = await commitPlacementImport({ ctx, input: { batchId: parsed.data.batchId } });
    const n = done.counts.newCases;
    const params = new URLSearchParams({ done: done.batchId });
    for (const ref of done.caseReferences.slice(0, 10)) params.append("ref", ref);
    return redirectWithToast(`/imports?${params}`, `Imported ${n} new ${n === 1 ? "case" : "cases"} (${done.counts.newClaims} invoices).`);
  } catch (e) {
    const failure = domainFailure(e);
    return data({ error: failure.message }, { status: failure.status });
  }
}

export default function PlaceCasesPage() {
  const { locale, isClient, clients, history, done, references } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const uploading = navigation.state === "submitting" && navigation.formEncType === "multipart/form-data";
  const preview = result && "preview" in result ? result.preview : null;
  const error = result?.error ?? null;
  const number = new Intl.NumberFormat(locale);

  return (
    <div className="flex flex-col gap-8">
      <PageHeader
        title={isClient ? "Place cases" : "Placements"}
        description="Upload a CSV of unpaid invoices, one row per invoice. Invoices of the same debtor become one case. You see what will be created, and every error, before anything is placed."
      />

      {done ? (
        <Alert tone="positive" title={`${number.format(done.createdCount)} invoices placed from ${done.filename ?? "the API"}`}>
          <p>
            {references.length > 0 ? (
              <>
                New cases:{" "}
                {references.map((r, i) => (
                  <span key={r}>
                    {i > 0 ? ", " : null}
                    <Link to={`/cases?q=${encodeURIComponent(r)}`}>{r}</Link>
                  </span>
                ))}
                {done.createdCount > references.length ? "…" : null}{" "}
              </>
            ) : null}
            <Link to="/cases">See all cases</Link>
          </p>
        </Alert>
      ) : null}

      {preview ? <ImportPreview key={preview.batchId} preview={preview} locale={locale} /> : null}

      <Card
        id="upload"
        title={preview ? (preview.errorTotal > 0 ? "Upload a corrected file" : "Upload another file") : "Upload a file"}
        description="CSV saved from Excel, LibreOffice or your accounting software: UTF-8 or Windows encoding, separated by commas or semicolons. Amounts like 1 234,56 or 1,234.56; dates like 31/01/2026 or 2026-01-31."
      >
        <Form method="post" encType="multipart/form-data" className="flex flex-col gap-4" aria-describedby={error ? "upload-error" : undefined}>
          {isClient ? null : (
            <div className="flex flex-col gap-1.5">
              <label htmlFor="clientId" className="font-medium text-ink-900">
                Client
              </label>
              <select id="clientId" name="clientId" required className="min-h-11 w-full rounded-lg border border-ink-300 bg-white px-3 sm:max-w-sm" defaultValue="">
                <option value="" disabled>
                  Choose the client placing these cases
                </option>
                {clients.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="flex flex-col gap-1.5">
            <label htmlFor="file" className="font-medium text-ink-900">
              CSV file
            </label>
            <input
              id="file"
              name="file"
              type="file"
              required
              accept=".csv,.txt,text/csv"
              aria-describedby="file-hint"
              className="block w-full min-w-0 rounded-lg border border-ink-300 bg-white text-sm file:mr-3 file:min-h-11 file:border-0 file:bg-ink-100 file:px-4 file:font-medium hover:file:bg-ink-200"
            />
            <p id="file-hint" className="text-sm text-ink-600">
              Required columns: invoice number, issue date, due date, amount, and the debtor’s last name or company name. Useful: customer number, email, phone, address.
            </p>
          </div>
          {error ? (
            <Alert id="upload-error" tone="critical" live="alert" title="The file could not be checked">
              <p>{error}</p>
            </Alert>
          ) : null}
          <div>
            <Button type="submit" variant={preview?.canCommit ? "secondary" : "primary"} disabled={uploading} className="w-full sm:w-auto">
              {uploading ? "Checking the file…" : "Check the file"}
            </Button>
          </div>
        </Form>
      </Card>

      <Card title="Past imports" description="Every file and API placement, newest first.">
        <ImportHistory lines={history} locale={locale} showClient={!isClient} />
      </Card>
    </div>
  );
}
