/**
 * Glue between the statement routes and their use-cases: the debtor's session, the page language, a
 * refusal turned into the portal's neutral 404, and the headers a download is sent with.
 */
import { data } from "@remix-run/node";
import { documentResponse, getDebtorDocument, getDebtorStatement, type DebtorStatement } from "@recouvra/core";
import { isDomainError } from "@recouvra/domain";
import { requireDebtorSession } from "./session.server.ts";

// Every answer about a case is the debtor's alone: never stored by a shared cache or the browser's
// back/forward cache on a shared computer.
const PRIVATE_HEADERS = { "Cache-Control": "private, no-store", Vary: "Cookie" };

/** NOT_FOUND (and a malformed id) become the same 404 as an address that names nothing. */
async function orNotFound<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isDomainError(error) && (error.code === "NOT_FOUND" || error.code === "VALIDATION")) throw new Response("Not found", { status: 404, headers: PRIVATE_HEADERS });
    throw error;
  }
}

/** The signed-in debtor's statement, in the language the page is shown in. */
export async function loadStatement(request: Request) {
  // The session's language is the visitor's choice (switcher), else the debtor's language on the case.
  const { ctx, caseId, locale } = await requireDebtorSession(request);
  const statement: DebtorStatement = await orNotFound(() => getDebtorStatement({ ctx, input: { caseId, language: locale } }));
  return data({ statement }, { headers: PRIVATE_HEADERS });
}

/** One of the signed-in debtor's documents as a download. */
export async function downloadDocument(request: Request, documentId: string): Promise<Response> {
  const { ctx, caseId } = await requireDebtorSession(request);
  const doc = await orNotFound(() => getDebtorDocument({ ctx, input: { caseId, documentId } }));
  return documentResponse(doc);
}

