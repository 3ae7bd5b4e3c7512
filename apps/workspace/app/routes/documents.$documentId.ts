import type { LoaderFunctionArgs } from "@remix-run/node";
import { documentResponse, getDocumentContent } from "@recouvra/core";
import { requireUser } from "~/utils/auth.server.ts";
import { orNotFound } from "~/utils/case-file.server.ts";

// A resource route (no component): the file itself. Outside the reader's scope it is the app's 404,
// the same answer as for an id that names nothing.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireUser(request);
  const doc = await orNotFound(() => getDocumentContent({ ctx, input: { documentId: params.documentId ?? "" } }));
  return documentResponse(doc);
}
