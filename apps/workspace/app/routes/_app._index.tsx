import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/utils/auth.server.ts";
import { homeFor } from "~/utils/navigation.ts";

// The workspace's front door: each role lands on the page it works from.
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request);
  return redirect(homeFor(actor.role));
}
