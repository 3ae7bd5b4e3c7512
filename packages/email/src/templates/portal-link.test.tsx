import { describe, expect, it } from "vitest";
import { renderEmail } from "../index.tsx";
import { PortalLinkEmail, type PortalLinkProps } from "./portal-link.tsx";

const base: PortalLinkProps = { ...PortalLinkEmail.PreviewProps };

describe("portal link email", () => {
  it.each([
    ["fr", "Ouvrir mon dossier", "valable jusqu'au 15 mars 2027"],
    ["nl", "Mijn dossier openen", "geldig tot en met 15 mars 2027"],
    ["en", "Open my file", "valid until 15 mars 2027"],
  ] as const)("renders in %s with the link, the reference and a concrete expiry date", async (locale, cta, expiry) => {
    const email = await renderEmail("portal_link", { ...base, locale });
    expect(email.html).toContain(`lang="${locale}"`);
    expect(email.html).toContain(base.portalUrl);
    expect(email.text).toContain(cta);
    expect(email.text).toContain(expiry);
    expect(email.subject).toContain(base.caseReference);
    expect(email.text).toContain(base.agency.name);
    // A deadline is a date, never "within N days".
    expect(email.text).not.toMatch(/within \d+ days|sous \d+ jours|binnen \d+ dagen/i);
  });

  it("refuses props that would render a half-filled message, naming the field", async () => {
    await expect(renderEmail("portal_link", { ...base, portalUrl: "not a url" })).rejects.toThrow(/portalUrl/);
  });
});
