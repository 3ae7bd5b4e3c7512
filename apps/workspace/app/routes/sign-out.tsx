import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { signOut, systemClock, validateSessionToken, type UserRole } from "@recouvra/core";
import { isDomainError } from "@recouvra/domain";
import { assertSameOrigin, clearedSessionCookie } from "~/utils/auth.server.ts";
import { readSessionToken } from "~/utils/auth-forms.server.ts";
import { getDatabase } from "~/utils/db.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

// Signing out changes state, so it is a POST (a link or a prefetch must never sign anyone out).
export function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const token = readSessionToken(request);
  if (token) {
    const { db } = await getDatabase();
    const clock = systemClock;
    // Also a session still waiting for its second factor, so "cancel" on that page really ends it.
    const found = await validateSessionToken({ ctx: { db, clock }, input: { token } });
    if (found) {
      const { user, session } = found;
      const actor = {
        kind: "user" as const,
        userId: user.id,
        role: user.role as UserRole,
        clientId: user.clientId ?? undefined,
        teamId: user.teamId ?? undefined,
      };
      try {
        await signOut({ ctx: { db, clock, actor }, input: { sessionId: session.id } });
      } catch (error) {
        // Signed out meanwhile (another tab): the outcome the user wanted.
        if (!isDomainError(error, "NOT_FOUND")) throw error;
      }
    }
  }
  return redirectWithToast("/sign-in", "You are signed out", "success", { "Set-Cookie": clearedSessionCookie() });
}
