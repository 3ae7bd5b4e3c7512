/**
 * Glue of the case's portal-access panel: the status as the page shows it (instants as ISO strings),
 * and the one place each form's intent becomes a use-case call and its answer — a redirect with a
 * toast, a secret shown once (never cached), a field error, or the app's 404/403.
 */
import { data } from "@remix-run/node";
import {
  clearPortalLock,
  getPortalAccess,
  issuePortalLinkForCase,
  resetPortalAccessCode,
  sendPortalLink,
  type Ctx,
  type PortalAccess,
} from "@recouvra/core";
import { isDomainError } from "@recouvra/domain";
import type { ActionFailure } from "./case-actions.ts";
import { orNotFound } from "./case-file.server.ts";
import { env } from "./env.server.ts";
import { textField } from "./form.server.ts";
import { redirectWithToast } from "./toast.server.ts";

/** The portal access of a case for the page: dates as ISO strings. */
export type PortalAccessView = ReturnType<typeof viewOf>;

function viewOf(access: PortalAccess) {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    ...access,
    accessCodeResetAt: iso(access.accessCodeResetAt),
    lockedUntil: iso(access.lockedUntil),
    lastVisitAt: iso(access.lastVisitAt),
    links: access.links.map((l) => ({ ...l, createdAt: l.createdAt.toISOString(), expiresAt: l.expiresAt.toISOString(), lastUsedAt: iso(l.lastUsedAt) })),
  };
}

/** The case's portal access as the signed-in user may read it; 404 when the case is not theirs. */
export async function loadPortalAccess(ctx: Ctx, caseId: string): Promise<PortalAccessView> {
  return viewOf(await orNotFound(() => getPortalAccess({ ctx, input: { caseId } })));
}

/** A secret shown once: the page renders it from the action's answer, which no cache may keep. */
export type ShownSecret =
  | { shown: "link"; url: string; expiresAt: string }
  | { shown: "access_code"; accessCode: string; endedSessions: number; revokedLinks: number };

/** What a refused form answers, with the form (intent) it belongs to. */
export type PortalAccessFailure = ActionFailure & { intent: string };

const NO_STORE = { "Cache-Control": "no-store, private" };

export const PORTAL_ACCESS_INTENTS = ["show_link", "send_link", "reset_code", "clear_lock"] as const;

function valuesOf(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string") values[key] = value;
  return values;
}

// Errors about hidden fields (channel, key, deadline) are shown above the form rather than beside nothing.
const VISIBLE_FIELDS = new Set(["template", "contactPointId", "deliveredBy"]);

const panelPath = (caseId: string) => `/cases/${caseId}/portal`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Runs the form's intent for the case; see the module comment for the answers. */
export async function runPortalAccessAction(ctx: Ctx, caseId: string, form: FormData) {
  const intent = textField(form, "intent") ?? "";
  try {
    switch (intent) {
      case "show_link": {
        const link = await issuePortalLinkForCase({ ctx, input: { caseId } });
        const shown: ShownSecret = { shown: "link", url: `${env.PORTAL_URL.replace(/\/+$/, "")}${link.path}`, expiresAt: link.expiresAt.toISOString() };
        return data(shown, { headers: NO_STORE });
      }
      case "send_link": {
        // One select names the template and its language ("reminder_sms|fr"): the two must go together.
        const [templateKey = "", locale = ""] = (textField(form, "template") ?? "").split("|");
        const sent = await sendPortalLink({
          ctx,
          input: {
            caseId,
            channel: (textField(form, "channel") ?? "") as "sms",
            templateKey,
            locale: locale as "fr",
            contactPointId: textField(form, "contactPointId") ?? "",
            idempotencyKey: textField(form, "idempotencyKey") ?? "",
            portalUrl: env.PORTAL_URL,
            ...(textField(form, "deadline") ? { deadline: textField(form, "deadline") } : {}),
          },
        });
        const by = sent.channel === "sms" ? "SMS" : "Email";
        return redirectWithToast(
          panelPath(caseId),
          sent.isDuplicate ? `This ${by === "SMS" ? "SMS" : "email"} was already queued: it is sent once, not twice.` : `${by} with a new personal link queued for ${sent.recipient}: it goes out within a minute. Earlier links no longer work.`,
        );
      }
      case "reset_code": {
        const reset = await resetPortalAccessCode({ ctx, input: { caseId, deliveredBy: (textField(form, "deliveredBy") ?? "") as "letter" } });
        const shown: ShownSecret = { shown: "access_code", accessCode: reset.formatted, endedSessions: reset.endedSessions, revokedLinks: reset.revokedLinks };
        return data(shown, { headers: NO_STORE });
      }
      case "clear_lock": {
        const cleared = await clearPortalLock({ ctx, input: { caseId } });
        return redirectWithToast(
          panelPath(caseId),
          cleared.wasLocked
            ? "Lock-out cleared: the debtor can sign in again now with their reference and access code."
            : cleared.failedAttempts > 0
              ? `${plural(cleared.failedAttempts, "failed attempt", "failed attempts")} cleared: the debtor starts again with ten tries.`
              : "Nothing was locked: the debtor can sign in as before.",
        );
      }
      default: {
        const failure: PortalAccessFailure = { intent, fieldErrors: {}, formError: "Choose one of the actions of the panel.", values: valuesOf(form) };
        return data(failure, { status: 400 });
      }
    }
  } catch (error) {
    if (isDomainError(error, "NOT_FOUND")) throw new Response("Not found", { status: 404 });
    // The case is theirs to see (a client user), not to change.
    if (isDomainError(error, "FORBIDDEN")) throw new Response(error.message, { status: 403 });
    if (isDomainError(error)) {
      // The template select carries the key and the language: their errors belong to it.
      const field = error.field === "templateKey" || error.field === "locale" ? "template" : error.field;
      const failure: PortalAccessFailure =
        error.code === "VALIDATION" && field && VISIBLE_FIELDS.has(field)
          ? { intent, fieldErrors: { [field]: error.message }, formError: null, values: valuesOf(form) }
          : { intent, fieldErrors: {}, formError: error.message, values: valuesOf(form) };
      return data(failure, { status: 400 });
    }
    throw error;
  }
}

