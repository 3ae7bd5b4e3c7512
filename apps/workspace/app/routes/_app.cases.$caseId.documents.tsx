import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getDocumentUploadForm } from "@recouvra/core";
import { Alert, Button, SelectField } from "@recouvra/ui";
import { useId, useState } from "react";
import { requireUser } from "~/utils/auth.server.ts";
import { fieldError, type ActionFailure } from "~/utils/case-actions.ts";
import { orNotFound } from "~/utils/case-file.server.ts";
import { formatBytes } from "~/utils/case-file.ts";
import { uploadDocumentFromForm } from "~/utils/documents.server.ts";
import { DOCUMENT_ACCEPT, documentKindLabel } from "~/utils/documents.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

// Staff who work the case and the case's client users (they place invoices) add documents; the use-case
// decides which kinds each may add, and answers NOT_FOUND (here a 404) to anyone else.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireUser(request);
  return orNotFound(() => getDocumentUploadForm({ ctx, input: { caseId: params.caseId ?? "" } }));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireUser(request);
  const caseId = params.caseId ?? "";
  const result = await orNotFound(() => uploadDocumentFromForm(request, ctx, caseId));
  if (!result.ok) return data(result.failure, { status: result.status });
  return redirectWithToast(`/cases/${caseId}#documents`, `Document added: ${result.document.filename}`);
}

export default function DocumentUploadPanel() {
  const form = useLoaderData<typeof loader>();
  const failed = useActionData<ActionFailure>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formEncType === "multipart/form-data";
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const headingId = useId();
  const fileId = useId();
  const v = failed?.values ?? {};
  const fileError = tooLarge ?? fieldError(failed, "file");
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="text-base font-semibold text-ink-900">
        Add a document
      </h3>
      <p className="mt-1 text-sm text-ink-600">
        {form.uploader === "client" ? "An invoice, contract or receipt for this case: the agency sees it at once." : "Attach a file to the case file; the client creditor sees it too."}
      </p>
      {failed?.formError ? (
        <Alert tone="critical" live="alert" className="mt-3" title="Not added">
          {failed.formError}
        </Alert>
      ) : null}
      <Form method="post" encType="multipart/form-data" preventScrollReset className="mt-3 flex flex-col gap-4">
        <SelectField label="What it is" name="kind" required defaultValue={v.kind ?? "invoice"} error={fieldError(failed, "kind")}>
          {form.kinds.map((k) => (
            <option key={k} value={k}>
              {documentKindLabel(k)}
            </option>
          ))}
        </SelectField>
        {form.claims.length > 0 ? (
          <SelectField label="About invoice" name="claimId" defaultValue={v.claimId ?? (form.claims.length === 1 ? form.claims[0]!.id : "")} error={fieldError(failed, "claimId")}>
            <option value="">The whole case</option>
            {form.claims.map((c) => (
              <option key={c.id} value={c.id}>
                {c.invoiceNumber}
              </option>
            ))}
          </SelectField>
        ) : null}
        <div className="flex flex-col gap-1">
          <label htmlFor={fileId} className="text-sm font-medium text-ink-900">
            File
          </label>
          <p id={`${fileId}-description`} className="text-sm text-ink-600">
            PDF, PNG, JPEG, plain text or CSV, up to {formatBytes(form.maxBytes)}.
          </p>
          <input
            id={fileId}
            name="file"
            type="file"
            required
            accept={DOCUMENT_ACCEPT}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={[`${fileId}-description`, fileError ? `${fileId}-error` : null].filter(Boolean).join(" ")}
            onChange={(e) => {
              // Say so before a large file is sent for nothing; the server checks it again.
              const file = e.currentTarget.files?.[0];
              const message = file && file.size > form.maxBytes ? `${file.name} is larger than ${formatBytes(form.maxBytes)}.` : null;
              e.currentTarget.setCustomValidity(message ?? "");
              setTooLarge(message);
            }}
            className={`block w-full min-w-0 rounded-lg border bg-white text-sm file:mr-3 file:min-h-11 file:border-0 file:bg-ink-100 file:px-4 file:font-medium hover:file:bg-ink-200 ${fileError ? "border-critical-600" : "border-ink-300"}`}
          />
          {fileError ? (
            <p id={`${fileId}-error`} className="text-sm font-medium text-critical-700">
              {fileError}
            </p>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={busy} className="w-full sm:w-auto">
            {busy ? "Uploading…" : "Add the document"}
          </Button>
          <Link to={`/cases/${form.caseId}`} preventScrollReset className="inline-flex min-h-11 items-center text-sm">
            Cancel
          </Link>
        </div>
      </Form>
    </section>
  );
}
