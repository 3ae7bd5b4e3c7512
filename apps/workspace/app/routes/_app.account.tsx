import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  PASSWORD_MIN_LENGTH,
  beginTotpEnrolment,
  cancelTotpEnrolment,
  changePassword,
  confirmTotpEnrolment,
  disableTotp,
  getAccount,
} from "@recouvra/core";
import { Alert, Badge, Button, Card, PageHeader, TextField } from "@recouvra/ui";
import { renderSVG } from "uqr";
import { requireUser } from "~/utils/auth.server.ts";
import {
  ChangePasswordFormSchema,
  CodeFormSchema,
  DisableTotpFormSchema,
  domainErrorReply,
  formErrorsReply,
  parseForm,
  type FormErrors,
} from "~/utils/auth-forms.server.ts";
import { ROLE_LABELS } from "~/utils/labels.ts";
import { formatLocaleFor } from "~/utils/locale.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Your account · Recouvra workspace" }];

/** What the page shows of two-step verification (dates already formatted, the QR code as SVG). */
type TwoFactorView =
  | { status: "unavailable" }
  | { status: "off" }
  | { status: "pending"; secret: string; qrSvg: string }
  | { status: "on"; enabledAt: string };

// Dates are shown in the agency's zone so the server and the browser render the same text.
const TIME_ZONE = "Europe/Paris";

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, actor } = await requireUser(request);
  const { user, twoFactor } = await getAccount({ ctx });
  const format = new Intl.DateTimeFormat(formatLocaleFor(request), { dateStyle: "long", timeStyle: "short", timeZone: TIME_ZONE });
  const twoFactorView: TwoFactorView =
    twoFactor.status === "pending"
      ? { status: "pending", secret: twoFactor.secret, qrSvg: renderSVG(twoFactor.uri, { border: 2 }) }
      : twoFactor.status === "on"
        ? { status: "on", enabledAt: format.format(twoFactor.enabledAt) }
        : { status: twoFactor.status };
  return data(
    {
      passwordMinLength: PASSWORD_MIN_LENGTH,
      profile: {
        displayName: user.displayName,
        email: user.email,
        role: ROLE_LABELS[actor.role],
        lastLoginAt: user.lastLoginAt ? format.format(user.lastLoginAt) : null,
      },
      twoFactor: twoFactorView,
    },
    // The pending secret is on this page: no cache may keep a copy.
    { headers: { "Cache-Control": "no-store" } },
  );
}

const INTENTS = ["change-password", "begin-totp", "cancel-totp", "confirm-totp", "disable-totp"] as const;
type Intent = (typeof INTENTS)[number];

export async function action({ request }: ActionFunctionArgs) {
  const { ctx, sessionId } = await requireUser(request);
  const form = await request.formData();
  const intent = form.get("intent") as Intent;
  if (!INTENTS.includes(intent)) throw new Response("Unknown action", { status: 400 });
  const reply = { intent };
  try {
    switch (intent) {
      case "change-password": {
        const parsed = parseForm(ChangePasswordFormSchema, form);
        if (!parsed.ok) return formErrorsReply(parsed.errors, reply);
        const { currentPassword, newPassword } = parsed.value;
        const { otherSessionsEnded } = await changePassword({ ctx, input: { currentPassword, newPassword, sessionId } });
        const others = otherSessionsEnded === 1 ? " Your other session was signed out." : otherSessionsEnded > 1 ? ` Your ${otherSessionsEnded} other sessions were signed out.` : "";
        return redirectWithToast("/account", `Password changed.${others}`);
      }
      case "begin-totp":
        await beginTotpEnrolment({ ctx });
        return redirectWithToast("/account", "Scan the QR code with your authenticator app, then enter a code.", "info");
      case "cancel-totp":
        await cancelTotpEnrolment({ ctx });
        return redirectWithToast("/account", "Two-step verification set-up cancelled.", "info");
      case "confirm-totp": {
        const parsed = parseForm(CodeFormSchema, form);
        if (!parsed.ok) return formErrorsReply(parsed.errors, reply);
        await confirmTotpEnrolment({ ctx, input: { code: parsed.value.code, sessionId } });
        return redirectWithToast("/account", "Two-step verification is on.");
      }
      case "disable-totp": {
        const parsed = parseForm(DisableTotpFormSchema, form);
        if (!parsed.ok) return formErrorsReply(parsed.errors, reply);
        await disableTotp({ ctx, input: { password: parsed.value.password } });
        return redirectWithToast("/account", "Two-step verification is off.");
      }
    }
  } catch (error) {
    return domainErrorReply(error, reply);
  }
}

/** The errors of the form that was just submitted, if it is `intent`. */
function useErrorsFor(intent: Intent): FormErrors {
  const result = useActionData<typeof action>();
  if (!result || result.intent !== intent) return { fieldErrors: {}, formError: null };
  return { fieldErrors: result.fieldErrors ?? {}, formError: result.formError ?? null };
}

function useIsSubmitting(intent: Intent): boolean {
  const navigation = useNavigation();
  return navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
}

export default function AccountPage() {
  const { profile, twoFactor, passwordMinLength } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Your account" description="Your details, your password and how you sign in." />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card title="Profile" description="Ask an administrator to change your name, email or role.">
          <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="font-medium text-ink-600">Name</dt>
            <dd className="text-ink-900">{profile.displayName}</dd>
            <dt className="font-medium text-ink-600">Email</dt>
            <dd className="break-all text-ink-900">{profile.email}</dd>
            <dt className="font-medium text-ink-600">Role</dt>
            <dd className="text-ink-900">{profile.role}</dd>
            <dt className="font-medium text-ink-600">Last sign-in</dt>
            <dd className="text-ink-900">{profile.lastLoginAt ?? "—"}</dd>
          </dl>
        </Card>
        <ChangePasswordCard minLength={passwordMinLength} />
        {twoFactor.status === "unavailable" ? null : (
          <TwoFactorCard twoFactor={twoFactor} />
        )}
      </div>
    </>
  );
}

function FormAlert({ id, message }: { id: string; message: string | null }) {
  if (!message) return null;
  return (
    <Alert tone="critical" live="alert" id={id}>
      <p>{message}</p>
    </Alert>
  );
}

function ChangePasswordCard({ minLength }: { minLength: number }) {
  const { fieldErrors, formError } = useErrorsFor("change-password");
  const busy = useIsSubmitting("change-password");
  const errorId = "change-password-error";
  return (
    <Card title="Change password" description="Changing it signs you out everywhere else.">
      <Form method="post" noValidate className="flex flex-col gap-4" aria-describedby={formError ? errorId : undefined}>
        <input type="hidden" name="intent" value="change-password" />
        <FormAlert id={errorId} message={formError} />
        <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={fieldErrors.currentPassword} />
        <TextField
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          minLength={minLength}
          required
          description={`At least ${minLength} characters, not your email. A short sentence is easy to remember.`}
          error={fieldErrors.newPassword}
        />
        <TextField label="New password again" name="confirmPassword" type="password" autoComplete="new-password" required error={fieldErrors.confirmPassword} />
        <div>
          <Button type="submit" disabled={busy}>
            Change password
          </Button>
        </div>
      </Form>
    </Card>
  );
}

function TwoFactorCard({ twoFactor }: { twoFactor: Exclude<TwoFactorView, { status: "unavailable" }> }) {
  const status =
    twoFactor.status === "on" ? <Badge tone="positive">On</Badge> : twoFactor.status === "pending" ? <Badge tone="caution">Being set up</Badge> : <Badge tone="neutral">Off</Badge>;
  return (
    <Card
      title="Two-step verification"
      description="After your password, sign-in asks for a code from an authenticator app on your phone, so a stolen password alone is not enough."
      actions={status}
      className="lg:col-span-2"
    >
      {twoFactor.status === "off" ? <EnrolStart /> : twoFactor.status === "pending" ? <EnrolConfirm secret={twoFactor.secret} qrSvg={twoFactor.qrSvg} /> : <Disable enabledAt={twoFactor.enabledAt} />}
    </Card>
  );
}

function EnrolStart() {
  const { formError } = useErrorsFor("begin-totp");
  return (
    <Form method="post" className="flex flex-col gap-4">
      <FormAlert id="begin-totp-error" message={formError} />
      <p className="text-sm text-ink-700">You need an authenticator app such as Aegis, Google Authenticator, Microsoft Authenticator or 1Password.</p>
      <div>
        <Button type="submit" name="intent" value="begin-totp">
          Set up two-step verification
        </Button>
      </div>
    </Form>
  );
}

function EnrolConfirm({ secret, qrSvg }: { secret: string; qrSvg: string }) {
  const { fieldErrors, formError } = useErrorsFor("confirm-totp");
  const busy = useIsSubmitting("confirm-totp");
  const grouped = secret.match(/.{1,4}/g)?.join(" ") ?? secret;
  return (
    <div className="grid grid-cols-1 gap-6 md:grid-cols-[auto_1fr]">
      <div className="flex flex-col items-center gap-2">
        {/* The SVG is generated on our server from the otpauth URI; it holds no user-supplied markup. */}
        <div role="img" aria-label="QR code to scan with your authenticator app" className="h-48 w-48 [&_svg]:h-full [&_svg]:w-full" dangerouslySetInnerHTML={{ __html: qrSvg }} />
      </div>
      <div className="flex min-w-0 flex-col gap-4">
        <ol className="list-decimal space-y-2 pl-5 text-sm text-ink-700">
          <li>In your authenticator app, add an account and scan the QR code.</li>
          <li>
            Cannot scan? Choose to enter a key by hand and type:
            <code data-testid="totp-secret" className="mt-1 block rounded-md bg-ink-100 px-3 py-2 font-mono text-base tracking-wider break-words text-ink-900">
              {grouped}
            </code>
          </li>
          <li>Enter the 6-digit code the app now shows.</li>
        </ol>
        <Form method="post" noValidate className="flex flex-col gap-4" aria-describedby={formError ? "confirm-totp-error" : undefined}>
          <input type="hidden" name="intent" value="confirm-totp" />
          <FormAlert id="confirm-totp-error" message={formError} />
          <TextField label="Code from the app" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={7} required error={fieldErrors.code} className="max-w-48" />
          <div className="flex flex-wrap gap-3">
            <Button type="submit" disabled={busy}>
              Turn on
            </Button>
          </div>
        </Form>
        <Form method="post">
          <Button type="submit" variant="ghost" name="intent" value="cancel-totp">
            Cancel set-up
          </Button>
        </Form>
      </div>
    </div>
  );
}

function Disable({ enabledAt }: { enabledAt: string }) {
  const { fieldErrors, formError } = useErrorsFor("disable-totp");
  const busy = useIsSubmitting("disable-totp");
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-ink-700">On since {enabledAt}. Each sign-in asks for a code from your app.</p>
      <Form method="post" noValidate className="flex max-w-md flex-col gap-4" aria-describedby={formError ? "disable-totp-error" : undefined}>
        <input type="hidden" name="intent" value="disable-totp" />
        <FormAlert id="disable-totp-error" message={formError} />
        <TextField label="Your password" name="password" type="password" autoComplete="current-password" required description="Needed to turn two-step verification off." error={fieldErrors.password} />
        <div>
          <Button type="submit" variant="danger" disabled={busy}>
            Turn off two-step verification
          </Button>
        </div>
      </Form>
    </div>
  );
}
