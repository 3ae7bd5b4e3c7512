/**
 * Glue between the placements pages and the import use-cases: the multipart upload streamed straight
 * into the preview (never buffered in memory), and DomainErrors turned into what a form can show.
 */
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { previewPlacementImport, type Ctx, type PlacementPreview } from "@recouvra/core";
import { isDomainError, placementErrorsCsv } from "@recouvra/domain";

/** What the preview page needs, JSON-serialisable. */
export type PreviewView = Omit<PlacementPreview, "errors"> & { errors: PlacementPreview["errors"]; errorsCsv: string };

const MAX_TEXT_FIELD = 200;

/**
 * Reads the upload form: the client field (staff only; it comes before the file in the form), then the
 * file, which streams into `previewPlacementImport` as it arrives.
 */
export async function previewUpload(request: Request, ctx: Ctx, ownClientId: string | undefined): Promise<PreviewView | { error: string }> {
  const fields = new Map<string, string>();
  let preview: PlacementPreview | undefined;
  let problem: string | undefined;
  const handler: UploadHandler = async ({ name, filename, data }) => {
    if (name === "file") {
      if (!filename) {
        for await (const _ of data) void _;
        return undefined;
      }
      const clientId = ownClientId ?? fields.get("clientId") ?? "";
      if (!clientId) {
        problem = "Choose the client these cases are placed for.";
        for await (const _ of data) void _;
        return undefined;
      }
      preview = await previewPlacementImport({ ctx, input: { clientId, file: { name: filename, stream: data } } });
      return preview.batchId;
    }
    const decoder = new TextDecoder();
    let text = "";
    for await (const chunk of data) {
      text += decoder.decode(chunk, { stream: true });
      if (text.length > MAX_TEXT_FIELD) throw new Response("Field too long", { status: 413 });
    }
    fields.set(name, text);
    return text;
  };
  try {
    await unstable_parseMultipartFormData(request, handler);
  } catch (e) {
    if (isDomainError(e)) return { error: e.message };
    throw e;
  }
  if (problem) return { error: problem };
  if (!preview) return { error: "Choose a CSV file to upload." };
  return { ...preview, errorsCsv: placementErrorsCsv(preview.errors) };
}

/** A DomainError's message (safe to show) with its HTTP status; anything else is rethrown. */
export function domainFailure(e: unknown): { message: string; status: number } {
  if (!isDomainError(e)) throw e;
  const status = { NOT_FOUND: 404, FORBIDDEN: 403, CONFLICT: 409, VALIDATION: 400, PRECONDITION_FAILED: 409, LIMIT_EXCEEDED: 413 }[e.code];
  return { message: e.message, status };
}
