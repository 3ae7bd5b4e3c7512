/**
 * Glue between the document routes and their use-cases: the multipart upload streamed into
 * `uploadCaseDocument` as it arrives (bounded by the use-case's 10 MB limit, never buffered whole
 * beforehand), the typed errors turned into form answers, and the headers a download is sent with.
 */
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { uploadCaseDocument, type Ctx, type UploadCaseDocumentInput, type UploadedDocument } from "@recouvra/core";
import { isDomainError, MAX_DOCUMENT_BYTES } from "@recouvra/domain";
import type { ActionFailure } from "./case-actions.ts";

const MAX_TEXT_FIELD = 200;
// Room for the boundaries, part headers and the two small fields around the file.
const MULTIPART_OVERHEAD = 64 * 1024;
const FIELDS = ["kind", "claimId"] as const;

/** What the upload form answers: the stored document, or the refusal to show next to the fields. */
export type DocumentUploadResult = { ok: true; document: UploadedDocument } | { ok: false; status: number; failure: ActionFailure };

const refused = (status: number, failure: Partial<ActionFailure>, values: Record<string, string>): DocumentUploadResult => ({
  ok: false,
  status,
  failure: { fieldErrors: {}, formError: null, values, ...failure },
});

/**
 * Reads the upload form of `caseId`: the kind and invoice fields (which come before the file in the
 * form), then the file, which streams into `uploadCaseDocument`. NOT_FOUND and FORBIDDEN are rethrown
 * for the route's 404; other refusals come back as form errors, named by field when they have one.
 */
export async function uploadDocumentFromForm(request: Request, ctx: Ctx, caseId: string): Promise<DocumentUploadResult> {
  const values: Record<string, string> = {};
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    return refused(400, { fieldErrors: { file: "Choose a file to add." } }, values);
  }
  // A body announced as too large is refused before a byte of it is read.
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_DOCUMENT_BYTES + MULTIPART_OVERHEAD) {
    return refused(413, { fieldErrors: { file: "The file is larger than 10 MB: scan it at a lower resolution or split it." } }, values);
  }
  let document: UploadedDocument | undefined;
  const handler: UploadHandler = async ({ name, filename, contentType, data }) => {
    if (name === "file") {
      if (!filename || document) {
        for await (const _ of data) void _;
        return undefined;
      }
      document = await uploadCaseDocument({
        ctx,
        input: { caseId, kind: (values.kind ?? "") as UploadCaseDocumentInput["kind"], claimId: values.claimId, file: { name: filename, type: contentType, content: data } },
      });
      return document.documentId;
    }
    let text = "";
    const decoder = new TextDecoder();
    for await (const chunk of data) {
      text += decoder.decode(chunk, { stream: true });
      if (text.length > MAX_TEXT_FIELD) throw new Response("Field too long", { status: 413 });
    }
    if ((FIELDS as readonly string[]).includes(name)) values[name] = text;
    return undefined;
  };
  try {
    await unstable_parseMultipartFormData(request, handler);
  } catch (error) {
    if (!isDomainError(error) || error.code === "NOT_FOUND" || error.code === "FORBIDDEN") throw error;
    const status = error.code === "LIMIT_EXCEEDED" ? 413 : error.code === "CONFLICT" ? 409 : 400;
    return refused(status, error.field ? { fieldErrors: { [error.field]: error.message } } : { formError: error.message }, values);
  }
  if (!document) return refused(400, { fieldErrors: { file: "Choose a file to add." } }, values);
  return { ok: true, document };
}

