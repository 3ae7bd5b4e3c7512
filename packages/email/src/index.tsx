/**
 * @recouvra/email — react-email templates for every debtor-facing message (also the source of letter
 * wording). `renderEmail` parses the props, so nothing goes out half-filled.
 */
import { render, toPlainText } from "@react-email/render";
import { PortalLinkEmail, PortalLinkPropsSchema, portalLinkSubject, type PortalLinkProps } from "./templates/portal-link.tsx";
import type { RenderedEmail } from "./types.ts";

export * from "./types.ts";
export { PortalLinkEmail, PortalLinkPropsSchema, type PortalLinkProps };

/** Templates by name, each with its props schema, subject and component. */
export const templates = {
  portal_link: { schema: PortalLinkPropsSchema, subject: portalLinkSubject, Component: PortalLinkEmail },
} as const;
export type TemplateName = keyof typeof templates;

/** Renders template `name` with `props` into subject, HTML and plain text; throws on invalid props. */
export async function renderEmail(name: "portal_link", props: PortalLinkProps): Promise<RenderedEmail> {
  const template = templates[name];
  const parsed = template.schema.parse(props);
  const html = await render(<template.Component {...parsed} />);
  return { subject: template.subject(parsed), html, text: toPlainText(html) };
}
