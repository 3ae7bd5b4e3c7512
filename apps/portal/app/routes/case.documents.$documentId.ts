import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadDocument } from "~/utils/statement.server.ts";

// A resource route (no component): the file itself. A document of another case, or one the debtor may
// not see, is the portal's 404, the same answer as for an id that names nothing.
export async function loader({ request, params }: LoaderFunctionArgs) {
  return downloadDocument(request, params.documentId ?? "");
}
