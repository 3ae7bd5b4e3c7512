import type { ActionFunctionArgs } from "@remix-run/node";
import { ApiKeyError, placeCasesViaApi, systemActor } from "@recouvra/core";
import { createContext } from "~/utils/context.server.ts";
import { domainFailure } from "~/utils/imports.server.ts";

// A JSON body of 10,000 placements stays well under this.
const MAX_BODY_BYTES = 20 * 1024 * 1024;

export function loader() {
  return Response.json({ error: "Use POST with a JSON body { placements: [...] }." }, { status: 405, headers: { Allow: "POST" } });
}

/** POST /api/v1/placements — a client's system places cases with its API key (Authorization: Bearer <key>). */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return Response.json({ error: "Method not allowed" }, { status: 405, headers: { Allow: "POST" } });
  const auth = request.headers.get("Authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(auth);
  const unauthorised = () => Response.json({ error: "A valid API key is required (Authorization: Bearer <key>)." }, { status: 401, headers: { "WWW-Authenticate": "Bearer" } });
  if (!match) return unauthorised();
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_BODY_BYTES) return Response.json({ error: "The body is larger than 20 MB; send fewer placements per call." }, { status: 413 });
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json({ error: "The body must be JSON: { \"placements\": [ ... ] }." }, { status: 400 });
  }
  const ctx = await createContext(systemActor("placements-api"));
  try {
    const result = await placeCasesViaApi({ ctx, input: { apiKey: match[1]!, body } });
    if (!result.ok) return Response.json({ error: "Some placements are invalid; nothing was placed.", errors: result.errors, errorTotal: result.errorTotal }, { status: 422 });
    return Response.json({ batchId: result.batchId, counts: result.counts, caseReferences: result.caseReferences }, { status: result.counts.newCases > 0 ? 201 : 200 });
  } catch (e) {
    if (e instanceof ApiKeyError) return unauthorised();
    const failure = domainFailure(e);
    return Response.json({ error: failure.message }, { status: failure.status });
  }
}
