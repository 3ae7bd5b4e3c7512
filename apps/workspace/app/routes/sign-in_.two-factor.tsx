import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { isDomainError } from "@recouvra/domain";
import { sessionIdFromToken, systemClock, validateSessionToken, verifySecondFactor, type UserRole } from "@recouvra/core";
import { Alert, Button, TextField } from "@recouvra/ui";
import { SignedOutFrame } from "~/components/signed-out-frame.tsx";
import { assertSameOrigin, clearedSessionCookie } from "~/utils/auth.server.ts";
import { CodeFormSchema, domainErrorReply, formErrorsReply, parseForm, readSessionToken, safeRedirectTo } from "~/utils/auth-forms.server.ts";
import { getDatabase } from "~/utils/db.server.ts";
import { homeFor } from "~/utils/navigation.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

// `sign-in_` keeps this page out of the sign-in page's layout: /sign-in/two-factor stands alone.
export const meta: MetaFunction = () => [{ title: "Two-step verification · Recouvra workspace" }];

/** The session waiting for its second factor, or a way out: back to sign-in, or home if already done. */
async function pendingSession(request: Request) {
  const token = readSessionToken(request);
  if (!token) throw redirect("/sign-in");
  const { db } = await getDatabase();
  const found = await validateSessionToken({ ctx: { db, clock: systemClock }, input: { token } });
  if (!found) throw redirectWithToast("/sign-in", "Your sign-in has expired. Sign in again.", "info", { "Set-Cookie": clearedSessionCookie() });
  if (!found.user.totpEnabledAt || found.session.isTwoFactorVerified) throw redirect(homeFor(found.user.role as UserRole));
  return { db, sessionId: sessionIdFromToken(token) };
}

export async function loader({ request }: LoaderFunctionArgs) {
  await pendingSession(request);
  return { redirectTo: safeRedirectTo(new URL(request.url).searchParams.get("redirectTo"), "") || null };
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const { db, sessionId } = await pendingSession(request);
  const parsed = parseForm(CodeFormSchema, await request.formData());
  if (!parsed.ok) return formErrorsReply(parsed.errors, {});
  try {
    const { user } = await verifySecondFactor({ ctx: { db, clock: systemClock }, input: { sessionId, code: parsed.value.code } });
    return redirect(safeRedirectTo(parsed.value.redirectTo, homeFor(user.role as UserRole)));
  } catch (error) {
    if (isDomainError(error, "PRECONDITION_FAILED")) {
      throw redirectWithToast("/sign-in", error.message, "info", { "Set-Cookie": clearedSessionCookie() });
    }
    return domainErrorReply(error, {});
  }
}

export default function TwoFactorPage() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formMethod === "POST";
  const formErrorId = "two-factor-error";
  return (
    <SignedOutFrame title="Two-step verification" description="Open your authenticator app and enter the 6-digit code it shows for Recouvra.">
      <Form method="post" noValidate className="flex flex-col gap-4" aria-describedby={result?.formError ? formErrorId : undefined}>
        {result?.formError ? (
          <Alert tone="critical" live="alert" id={formErrorId}>
            <p>{result.formError}</p>
          </Alert>
        ) : null}
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <TextField
          label="Code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={7}
          required
          autoFocus
          error={result?.fieldErrors?.code}
          describedBy={result?.formError ? formErrorId : undefined}
          className="max-w-48"
        />
        <Button type="submit" className="w-full" disabled={busy}>
          Verify
        </Button>
      </Form>
      <Form method="post" action="/sign-out" className="mt-6 text-sm">
        <button type="submit" className="text-brand-700 underline hover:text-brand-800">
          Cancel and sign in as someone else
        </button>
      </Form>
    </SignedOutFrame>
  );
}
