/**
 * Any address no other route answers. Thrown from a route rather than left unmatched, so the root
 * loader still runs: the not-found page, <html lang> and <title> included, speaks the visitor's (or the
 * signed-in debtor's) language instead of falling back to French.
 */
export function loader(): never {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  // Never rendered: the loader always throws, and the root's error boundary shows the page.
  return null;
}
