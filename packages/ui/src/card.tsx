import { useId, type HTMLAttributes, type ReactNode } from "react";
import { cx } from "./cx.ts";

export interface CardProps extends Omit<HTMLAttributes<HTMLElement>, "title"> {
  /** Heading of the card; when given the card becomes a labelled `<section>`. */
  title?: ReactNode;
  description?: ReactNode;
  /** Controls shown beside the title (a link, a button). */
  actions?: ReactNode;
  /** Heading level of the title, so the page outline stays correct (default 2). */
  headingLevel?: 2 | 3 | 4;
}

/** A white panel grouping related content. */
export function Card({ title, description, actions, headingLevel = 2, className, children, ...props }: CardProps) {
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;
  const Tag = title ? "section" : "div";
  return (
    <Tag
      aria-labelledby={title ? headingId : undefined}
      className={cx("rounded-card border border-ink-200 bg-white p-4 shadow-card sm:p-6", className)}
      {...props}
    >
      {title || actions ? (
        <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            {title ? (
              <Heading id={headingId} className="text-lg font-semibold text-ink-900">
                {title}
              </Heading>
            ) : null}
            {description ? <p className="mt-1 text-sm text-ink-600">{description}</p> : null}
          </div>
          {actions ? <div className="flex shrink-0 flex-wrap gap-2">{actions}</div> : null}
        </div>
      ) : null}
      {children}
    </Tag>
  );
}
