import type { LoaderFunctionArgs } from "@remix-run/node";
import { getPlacementImportProgress } from "@recouvra/core";
import { requireUser } from "~/utils/auth.server.ts";
import { domainFailure } from "~/utils/imports.server.ts";

// Polled by the import page's progress bar while a commit runs.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireUser(request);
  try {
    const progress = await getPlacementImportProgress({ ctx, input: { batchId: params.batchId ?? "" } });
    return Response.json(progress, { headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    const failure = domainFailure(e);
    throw new Response(failure.message, { status: failure.status });
  }
}
