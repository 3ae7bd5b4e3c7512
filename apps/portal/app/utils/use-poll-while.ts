import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";

/**
 * Reloads the page's data every `everySeconds` while `isWaiting` (at most `limit` times), for pages
 * waiting on a provider's webhook. Not a <meta> refresh: a page that reloads itself on a timer is a
 * WCAG 2.2.1 failure for people who read slowly. Without JavaScript the page's "Refresh now" link does it.
 */
export function usePollWhile(isWaiting: boolean, { everySeconds = 3, limit }: { everySeconds?: number; limit: number }): void {
  const revalidator = useRevalidator();
  // The revalidator changes on every render; the timer must not restart (and its count reset) with it.
  const latest = useRef(revalidator);
  latest.current = revalidator;
  useEffect(() => {
    if (!isWaiting) return;
    let looks = 0;
    const timer = setInterval(() => {
      looks += 1;
      if (looks > limit) clearInterval(timer);
      else if (latest.current.state === "idle") latest.current.revalidate();
    }, everySeconds * 1000);
    return () => clearInterval(timer);
  }, [isWaiting, everySeconds, limit]);
}
