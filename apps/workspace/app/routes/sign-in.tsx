import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { signIn, systemClock, type UserRole } from "@recouvra/core";
import { Alert, Button, TextField } from "@recouvra/ui";
import { assertSameOrigin, findSignedIn, sessionCookie } from "~/utils/auth.server.ts";
import { SignInFormSchema, clientIp, domainErrorReply, formErrorsReply, parseForm, safeRedirectTo } from "~/utils/auth-forms.server.ts";
import { SignedOutFrame } from "~/components/signed-out-frame.tsx";
import { getDatabase } from "~/utils/db.server.ts";
import { homeFor } from "~/utils/navigation.ts";

export const meta: MetaFunction = () => [{ title: "Sign in · Recouvra workspace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = new URL(request.url).searchParams.get("redirectTo");
  const signedIn = await findSignedIn(request);
  if (signedIn) throw redirect(safeRedirectTo(redirectTo, homeFor(signedIn.actor.role)));
  return { redirectTo: safeRedirectTo(redirectTo, "") || null };
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const form = await request.formData();
  const parsed = parseForm(SignInFormSchema, form);
  const email = String(form.get("email") ?? "");
  if (!parsed.ok) return formErrorsReply(parsed.errors, { email });
  const { db } = await getDatabase();
  try {
    const result = await signIn({
      ctx: { db, clock: systemClock },
      input: { email: parsed.value.email, password: parsed.value.password, ip: clientIp(request), userAgent: request.headers.get("User-Agent") ?? undefined },
    });
    const headers = { "Set-Cookie": sessionCookie(request, result.token) };
    const back = safeRedirectTo(parsed.value.redirectTo, "");
    if (result.status === "two_factor_required") {
      return redirect(back ? `/sign-in/two-factor?redirectTo=${encodeURIComponent(back)}` : "/sign-in/two-factor", { headers });
    }
    return redirect(back || homeFor(result.user.role as UserRole), { headers });
  } catch (error) {
    return domainErrorReply(error, { email });
  }
}

export default function SignInPage() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formAction === "/sign-in";
  const fieldErrors: Record<string, string> = result?.fieldErrors ?? {};
  const formErrorId = "sign-in-error";
  return (
    <SignedOutFrame title="Sign in" description="Use the email address and password your agency gave you.">
      <Form method="post" noValidate className="flex flex-col gap-4" aria-describedby={result?.formError ? formErrorId : undefined}>
        {result?.formError ? (
          <Alert tone="critical" live="alert" id={formErrorId}>
            <p>{result.formError}</p>
          </Alert>
        ) : null}
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          required
          defaultValue={result?.email}
          error={fieldErrors.email}
          describedBy={result?.formError ? formErrorId : undefined}
          autoFocus
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={fieldErrors.password}
          describedBy={result?.formError ? formErrorId : undefined}
        />
        <Button type="submit" className="mt-2 w-full" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </Button>
      </Form>
      <p className="mt-6 text-sm text-ink-600">Forgotten your password? Ask your agency administrator to reset it.</p>
    </SignedOutFrame>
  );
}
