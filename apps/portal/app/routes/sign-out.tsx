import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { signOut } from "~/utils/sign-in.server.ts";

// Signing out changes state, so only a POST does it; a visit to the address just goes home.
export function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  return signOut(request);
}
