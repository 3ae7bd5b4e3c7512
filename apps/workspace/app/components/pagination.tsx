import { Link } from "@remix-run/react";
import { buttonClasses } from "@recouvra/ui";

/**
 * "Previous page · Page x of y · Next page" under a paginated list; nothing when there is one page.
 * `hrefFor` keeps the list's filters in the address, so paging never drops them.
 */
export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-3">
      {/* The empty spans hold the middle text in place on the first and last pages. */}
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} className={buttonClasses({ variant: "secondary", size: "sm" })} rel="prev">
          Previous page
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-ink-600">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link to={hrefFor(page + 1)} className={buttonClasses({ variant: "secondary", size: "sm" })} rel="next">
          Next page
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
