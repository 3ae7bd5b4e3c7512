/**
 * Glue of the contact-points route: which of its forms was sent, read into the one use-case it calls,
 * and the answer that brings the case handler back to the Contacts section with a toast.
 */
import {
  addContactPoint,
  invalidateContactPoint,
  liftOptOut,
  makeContactPointPrimary,
  recordOptOut,
  revalidateContactPoint,
  verifyContactPoint,
  type Ctx,
} from "@recouvra/core";
import { CONTACT_POINT_CHANGES, contactPointNoun, DomainError, type ContactPointChange, type ContactPointKind, type DebtorRequestSource, type InvalidationReason } from "@recouvra/domain";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { runCaseAction } from "./case-actions.server.ts";
import { capitalise } from "./contacts.ts";
import { textField } from "./form.server.ts";

type Params = LoaderFunctionArgs["params"];

/** `runCaseAction`, landing back on the Contacts section (the page scrolls to it) rather than the top. */
export async function runContactAction(request: Request, params: Params, run: (args: { ctx: Ctx; caseId: string; form: FormData }) => Promise<string>) {
  const answer = await runCaseAction(request, params, run);
  const location = answer instanceof Response ? answer.headers.get("Location") : null;
  if (answer instanceof Response && location) answer.headers.set("Location", `${location}#contacts`);
  return answer;
}

const checked = (form: FormData, name: string) => form.get(name) === "on";

/** Runs what the form's `intent` names (a change of a point, or `add`) and returns the toast. */
export async function runContactIntent({ ctx, caseId, form }: { ctx: Ctx; caseId: string; form: FormData }): Promise<string> {
  const intent = textField(form, "intent") ?? "";
  if (intent === "add") {
    const kind = (textField(form, "kind") ?? "") as ContactPointKind;
    await addContactPoint({
      ctx,
      input: {
        caseId,
        kind,
        email: textField(form, "email"),
        phone: textField(form, "phone"),
        line1: textField(form, "line1"),
        line2: textField(form, "line2"),
        postalCode: textField(form, "postalCode"),
        city: textField(form, "city"),
        countryCode: textField(form, "countryCode"),
        label: textField(form, "label"),
        hasConsent: checked(form, "hasConsent"),
        isPrimary: checked(form, "isPrimary"),
      },
    });
    return `${capitalise(contactPointNoun(kind))} added`;
  }
  if (!(CONTACT_POINT_CHANGES as readonly string[]).includes(intent)) throw new DomainError("VALIDATION", "intent: choose what to change", { field: "intent" });
  const ids = { caseId, contactPointId: textField(form, "contactPointId") ?? "" };
  const note = textField(form, "note");
  const source = (textField(form, "source") ?? "") as DebtorRequestSource;
  const change = intent as ContactPointChange;
  const { state } = await (() => {
    switch (change) {
      case "verify":
        return verifyContactPoint({ ctx, input: { ...ids, note } });
      case "invalidate":
        return invalidateContactPoint({ ctx, input: { ...ids, reason: (textField(form, "reason") ?? "") as InvalidationReason, note } });
      case "revalidate":
        return revalidateContactPoint({ ctx, input: { ...ids, note: note ?? "" } });
      case "opt_out":
        return recordOptOut({ ctx, input: { ...ids, source, note } });
      case "lift_opt_out":
        return liftOptOut({ ctx, input: { ...ids, hasConsent: checked(form, "hasConsent") as true, source, note } });
      case "make_primary":
        return makeContactPointPrimary({ ctx, input: ids });
    }
  })();
  const noun = contactPointNoun(state.kind);
  const toasts: Record<ContactPointChange, string> = {
    verify: `${capitalise(noun)} verified`,
    invalidate: `${capitalise(noun)} marked invalid`,
    revalidate: `${capitalise(noun)} marked valid again`,
    opt_out: `Opt-out recorded: no more messages to this ${noun}`,
    lift_opt_out: `Opt-out lifted: the debtor's consent is recorded`,
    make_primary: `Primary ${noun} changed`,
  };
  return toasts[change];
}
