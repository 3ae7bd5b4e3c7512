import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Alert, Button, TextField } from "@recouvra/ui";
import { ACCESS_TEXTS } from "~/i18n/access.ts";
import { DEFAULT_LOCALE, interpolate, isLocale } from "~/i18n/index.ts";
import type { loader as rootLoader } from "~/root.tsx";
import { readChallenge, signInWithCode, type CodeReply } from "~/utils/sign-in.server.ts";
import { useLocale } from "~/utils/use-locale.ts";

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data;
  return [{ title: ACCESS_TEXTS[isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE].code.metaTitle }];
};

export function loader({ request }: LoaderFunctionArgs) {
  const challenge = readChallenge(request);
  if (!challenge) throw redirect("/");
  return { channel: challenge.channel, masked: challenge.masked };
}

export async function action({ request }: ActionFunctionArgs) {
  return signInWithCode(request);
}

/** The second step of signing in with the reference: the 6-digit code sent to the debtor's phone or email. */
export default function OneTimeCode() {
  const { channel, masked } = useLoaderData<typeof loader>();
  // The action answers with a redirect or a CodeReply; only the latter reaches the page.
  const error = (useActionData<typeof action>() as CodeReply | undefined) ?? null;
  const texts = ACCESS_TEXTS[useLocale()];
  const t = texts.code;
  const isSubmitting = useNavigation().state === "submitting";

  if (error?.error === "invalid") {
    return (
      <div className="flex flex-col gap-6">
        <h1 className="text-2xl font-bold tracking-tight text-ink-900 sm:text-3xl">{t.invalidTitle}</h1>
        <Alert tone="info" live="alert">
          <p>{t.invalid}</p>
        </Alert>
        <p>
          <Link to="/#sign-in">{t.startAgain}</Link>
        </p>
      </div>
    );
  }

  const fieldError =
    error?.error === "format" ? t.format : error?.error === "wrong" ? interpolate(t.wrong, { count: String(error.attemptsLeft ?? 1) }) : null;
  const formError = error?.error === "locked" ? texts.signIn.locked : error?.error === "unavailable" ? texts.signIn.unavailable : null;
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight text-ink-900 sm:text-3xl">{t.title}</h1>
        <p className="mt-3 text-ink-700">{interpolate(channel === "sms" ? t.sentBySms : t.sentByEmail, { destination: masked })}</p>
      </header>
      {formError ? (
        <Alert tone="caution" live="alert">
          <p>{formError}</p>
        </Alert>
      ) : null}
      <Form method="post" className="flex max-w-sm flex-col gap-4" noValidate>
        <TextField
          label={t.label}
          description={t.help}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={7}
          required
          autoFocus
          error={fieldError}
          className="[&_input]:text-2xl [&_input]:tracking-[0.3em]"
        />
        <div>
          <Button type="submit" disabled={isSubmitting}>
            {t.submit}
          </Button>
        </div>
      </Form>
      <p className="text-sm text-ink-700">
        {t.notReceived} <Link to="/#sign-in">{t.startAgain}</Link>
      </p>
    </div>
  );
}
