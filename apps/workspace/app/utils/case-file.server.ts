/**
 * Glue between the case routes and their use-cases: reading filters from the URL and turning the
 * use-cases' typed errors into HTTP answers.
 */
import { CASE_LIST_STATUSES, TIMELINE_KINDS, type CaseListStatus, type ListCasesInput, type TimelineKind } from "@recouvra/core";
import { CASE_STAGES, isDomainError, type CaseStage } from "@recouvra/domain";

/** Runs a use-case; a case out of scope (or a malformed id) becomes the app's 404 page, so nothing leaks. */
export async function orNotFound<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isDomainError(error, "NOT_FOUND") || isDomainError(error, "FORBIDDEN")) throw new Response("Not found", { status: 404 });
    throw error;
  }
}

/** The case list's filters from its query string; unknown values are ignored rather than refused. */
export function caseListInputFromUrl(params: URLSearchParams): ListCasesInput {
  const stage = params.get("stage") ?? "";
  const status = params.get("status") ?? "";
  const page = Number(params.get("page") ?? "1");
  const clientId = params.get("client") ?? "";
  const search = (params.get("q") ?? "").trim().slice(0, 100);
  return {
    search: search || undefined,
    stage: (CASE_STAGES as readonly string[]).includes(stage) ? (stage as CaseStage) : undefined,
    status: (CASE_LIST_STATUSES as readonly string[]).includes(status) ? (status as CaseListStatus) : "open",
    clientId: /^[0-9a-f-]{36}$/i.test(clientId) ? clientId : undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The timeline kinds asked for by `?show=payment,note`. */
export function timelineKindsFromUrl(params: URLSearchParams): TimelineKind[] {
  const raw = (params.get("show") ?? "").split(",").map((s) => s.trim());
  return TIMELINE_KINDS.filter((k) => raw.includes(k));
}
