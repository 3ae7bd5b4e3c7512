import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { listUsers, resetUserPassword, updateUser, type UserRole } from "@recouvra/core";
import { isDomainError } from "@recouvra/domain";
import { Alert, Button, Card, PageHeader, TextField } from "@recouvra/ui";
import { RoleFields } from "~/components/admin/role-fields.tsx";

import { requireUser } from "~/utils/auth.server.ts";
import { textField } from "~/utils/form.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: `${d?.user.displayName ?? "Account"} · Recouvra workspace` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, actor } = await requireUser(request, { roles: ["admin"] });
  const all = await listUsers({ ctx });
  const user = all.users.find((u) => u.id === params.userId);
  if (!user) throw new Response("Not found", { status: 404 });
  return { user, clients: all.clients, teams: all.teams, isSelf: user.id === actor.userId };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireUser(request, { roles: ["admin"] });
  const form = await request.formData();
  const userId = params.userId ?? "";
  try {
    if (form.get("intent") === "reset-password") {
      const { temporaryPassword } = await resetUserPassword({ ctx, input: { userId } });
      return data({ temporaryPassword, error: null });
    }
    const role = (textField(form, "role") ?? "agent") as UserRole;
    await updateUser({
      ctx,
      input: {
        userId,
        displayName: textField(form, "displayName") ?? "",
        role,
        clientId: role === "client" ? textField(form, "clientId") : undefined,
        teamId: role === "client" ? undefined : textField(form, "teamId"),
        isDisabled: form.get("isDisabled") === "on",
      },
    });
    return redirectWithToast("/admin/users", "Account saved");
  } catch (error) {
    if (isDomainError(error, "NOT_FOUND")) throw new Response("Not found", { status: 404 });
    if (isDomainError(error) && ["VALIDATION", "CONFLICT", "PRECONDITION_FAILED"].includes(error.code)) {
      return data({ temporaryPassword: null, error: { field: error.field ?? "", message: error.message } }, { status: 400 });
    }
    throw error;
  }
}

export default function AccountPage() {
  const { user, clients, teams, isSelf } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errorFor = (field: string) => (result?.error?.field === field ? result.error.message : undefined);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/admin/users">← All accounts</Link>
      </p>
      <PageHeader title={user.displayName} description={user.email} />
      {result?.temporaryPassword ? (
        <Alert tone="positive" title="Password reset" className="mb-6">
          <p>
            New temporary password: <code className="rounded bg-white px-2 py-1 font-mono text-base">{result.temporaryPassword}</code>
          </p>
          <p className="mt-1">Shown only now. Every session of this account has been signed out.</p>
        </Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Account">
          <Form method="post" className="flex flex-col gap-4">
            <TextField name="displayName" label="Name" defaultValue={user.displayName} error={errorFor("displayName")} required />
            <RoleFields clients={clients} teams={teams} defaults={{ role: user.role, clientId: user.clientId, teamId: user.teamId }} errors={{ clientId: errorFor("clientId"), teamId: errorFor("teamId") }} />
            <label className="flex items-center gap-2">
              <input type="checkbox" name="isDisabled" defaultChecked={user.isDisabled} disabled={isSelf} /> Disabled (cannot sign in)
            </label>
            {result?.error && !["displayName", "clientId", "teamId"].includes(result.error.field) ? <Alert tone="critical">{result.error.message}</Alert> : null}
            <div>
              <Button type="submit" disabled={busy}>
                Save account
              </Button>
            </div>
          </Form>
        </Card>
        <Card title="Password" description="A lost password or a device left behind: issue a new temporary password. The person's sessions end at once.">
          <Form method="post">
            <input type="hidden" name="intent" value="reset-password" />
            <Button type="submit" variant="secondary" disabled={busy}>
              Reset password
            </Button>
          </Form>
        </Card>
      </div>
    </>
  );
}
