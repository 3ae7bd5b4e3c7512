/**
 * Glue shared by the case action routes: who may use them, the case a form is about, and the one
 * place a use-case's typed error becomes a form answer (field error, refusal alert, or 404).
 */
import { data, type LoaderFunctionArgs } from "@remix-run/node";

type Params = LoaderFunctionArgs["params"];
import { requireWorkableCase, type Ctx } from "@recouvra/core";
import { isDomainError } from "@recouvra/domain";
import { requireUser } from "./auth.server.ts";
import { formatLocaleFor } from "./locale.server.ts";
import { redirectWithToast } from "./toast.server.ts";
import type { ActionFailure } from "./case-actions.ts";

/** Staff roles that work cases; anyone else gets the app's 404. */
export const WORKING_ROLES = ["admin", "supervisor", "agent"] as const;

/** The signed-in staff member and the case the form is about (404 when out of scope). */
export async function requireActionCase(request: Request, params: Params) {
  const { ctx } = await requireUser(request, { roles: WORKING_ROLES });
  const caseId = params.caseId ?? "";
  try {
    const kase = await requireWorkableCase(ctx.db, ctx.actor, caseId);
    return {
      ctx,
      locale: formatLocaleFor(request),
      kase: {
        id: kase.id,
        reference: kase.reference,
        stage: kase.stage,
        holds: kase.holds,
        balanceCents: kase.balanceCents,
        currency: kase.currency,
        jurisdiction: kase.jurisdiction,
        paymentReference: kase.paymentReference,
      },
    };
  } catch (error) {
    if (isDomainError(error, "NOT_FOUND") || isDomainError(error, "FORBIDDEN")) throw new Response("Not found", { status: 404 });
    throw error;
  }
}

/** The form's fields as sent, so a refused form comes back filled in. */
function valuesOf(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string") values[key] = value;
  return values;
}

/**
 * Runs the action's one use-case. Success redirects to the case page with `toast`; a field error or a
 * refusal comes back as 400 with the form's values; a case out of scope is a 404.
 */
export async function runCaseAction(
  request: Request,
  params: Params,
  run: (args: { ctx: Ctx; caseId: string; form: FormData }) => Promise<string>,
) {
  const { ctx } = await requireUser(request, { roles: WORKING_ROLES });
  const caseId = params.caseId ?? "";
  const form = await request.formData();
  try {
    const toast = await run({ ctx, caseId, form });
    return redirectWithToast(`/cases/${caseId}`, toast);
  } catch (error) {
    if (isDomainError(error, "NOT_FOUND") || isDomainError(error, "FORBIDDEN")) throw new Response("Not found", { status: 404 });
    if (isDomainError(error)) {
      const failure: ActionFailure =
        error.code === "VALIDATION" && error.field
          ? { fieldErrors: { [error.field]: error.message }, formError: null, values: valuesOf(form) }
          : { fieldErrors: {}, formError: error.message, values: valuesOf(form) };
      return data(failure, { status: 400 });
    }
    throw error;
  }
}
