import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { createUser, listUsers, type UserRole } from "@recouvra/core";
import { isDomainError } from "@recouvra/domain";
import { Alert, Badge, Button, Card, PageHeader, Table, TableBody, TableCaption, TableCell, TableHead, TableHeaderCell, TableRow, TextField } from "@recouvra/ui";
import { RoleFields } from "~/components/admin/role-fields.tsx";

import { requireUser } from "~/utils/auth.server.ts";
import { textField } from "~/utils/form.server.ts";
import { ROLE_LABELS } from "~/utils/labels.ts";

export const meta: MetaFunction = () => [{ title: "Accounts · Recouvra workspace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = await requireUser(request, { roles: ["admin"] });
  return listUsers({ ctx });
}

export async function action({ request }: ActionFunctionArgs) {
  const { ctx } = await requireUser(request, { roles: ["admin"] });
  const form = await request.formData();
  try {
    const { user, temporaryPassword } = await createUser({
      ctx,
      input: {
        email: textField(form, "email") ?? "",
        displayName: textField(form, "displayName") ?? "",
        role: (textField(form, "role") ?? "agent") as UserRole,
        clientId: textField(form, "role") === "client" ? textField(form, "clientId") : undefined,
        teamId: textField(form, "role") === "client" ? undefined : textField(form, "teamId"),
      },
    });
    // Shown once, in this response only: the administrator hands it over; it is never stored in clear.
    return data({ created: { email: user.email, temporaryPassword }, error: null });
  } catch (error) {
    if (isDomainError(error) && ["VALIDATION", "CONFLICT"].includes(error.code)) {
      return data({ created: null, error: { field: error.field ?? "", message: error.message } }, { status: 400 });
    }
    throw error;
  }
}

export default function AccountsPage() {
  const { users, clients, teams } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errorFor = (field: string) => (result?.error?.field === field ? result.error.message : undefined);
  return (
    <>
      <PageHeader title="Accounts" description="Who signs in to the workspace, with which role, in which team or for which client." />
      {result?.created ? (
        <Alert tone="positive" title={`Account created for ${result.created.email}`} className="mb-6">
          <p>
            Temporary password: <code className="rounded bg-white px-2 py-1 font-mono text-base">{result.created.temporaryPassword}</code>
          </p>
          <p className="mt-1">It is shown only now. Give it to the person; they change it on their account page after signing in.</p>
        </Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card title="Accounts">
          <Table label="Accounts">
            <TableCaption className="sr-only">Every account with its role, team or client, and status</TableCaption>
            <TableHead>
              <TableRow>
                <TableHeaderCell>Name</TableHeaderCell>
                <TableHeaderCell>Role</TableHeaderCell>
                <TableHeaderCell>Team or client</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {users.map((u) => (
                <TableRow key={u.id}>
                  <TableHeaderCell scope="row">
                    <Link to={u.id}>{u.displayName}</Link>
                    <span className="block text-sm font-normal text-ink-600">{u.email}</span>
                  </TableHeaderCell>
                  <TableCell>{ROLE_LABELS[u.role]}</TableCell>
                  <TableCell>{u.clientName ?? u.teamName ?? "—"}</TableCell>
                  <TableCell>
                    {u.isDisabled ? <Badge tone="critical">Disabled</Badge> : <Badge tone="positive">Active</Badge>}
                    {u.hasTwoFactor ? <Badge tone="info" className="ml-1">2FA</Badge> : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
        <Card title="New account">
          <Form method="post" className="flex flex-col gap-4">
            <TextField name="displayName" label="Name" error={errorFor("displayName")} required />
            <TextField name="email" label="Email" type="email" error={errorFor("email")} required />
            <RoleFields clients={clients} teams={teams} errors={{ clientId: errorFor("clientId"), teamId: errorFor("teamId") }} />
            {result?.error && !["displayName", "email", "clientId", "teamId"].includes(result.error.field) ? <Alert tone="critical">{result.error.message}</Alert> : null}
            <div>
              <Button type="submit" disabled={busy}>
                Create account
              </Button>
            </div>
          </Form>
        </Card>
      </div>
    </>
  );
}
