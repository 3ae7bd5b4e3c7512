/**
 * One-shot messages after an action ("Call logged"), carried across the redirect in a short-lived
 * cookie and cleared by the root loader that shows them.
 */
import { redirect } from "@remix-run/node";
import type { ToastMessage } from "@recouvra/ui";

const TOAST_COOKIE = "recouvra_toast";

function encode(toast: Omit<ToastMessage, "id">): string {
  return Buffer.from(JSON.stringify({ ...toast, id: crypto.randomUUID() }), "utf8").toString("base64url");
}

/** A redirect that shows `message` on the next page. */
export function redirectWithToast(url: string, message: string, tone: ToastMessage["tone"] = "success", headers: HeadersInit = {}): Response {
  const all = new Headers(headers);
  all.append("Set-Cookie", `${TOAST_COOKIE}=${encode({ tone, message })}; Path=/; HttpOnly; SameSite=Lax; Max-Age=60`);
  return redirect(url, { headers: all });
}

/** The pending toast, if any, and the header that clears it. */
export function readToast(request: Request): { toast: ToastMessage | null; headers: HeadersInit } {
  const cookie = request.headers.get("Cookie") ?? "";
  const raw = cookie
    .split(";")
    .map((p) => p.trim())
    .find((p) => p.startsWith(`${TOAST_COOKIE}=`))
    ?.slice(TOAST_COOKIE.length + 1);
  if (!raw) return { toast: null, headers: {} };
  let toast: ToastMessage | null = null;
  try {
    const parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as ToastMessage;
    if (typeof parsed.message === "string" && ["success", "info", "error"].includes(parsed.tone)) toast = parsed;
  } catch {
    toast = null;
  }
  return { toast, headers: { "Set-Cookie": `${TOAST_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0` } };
}
