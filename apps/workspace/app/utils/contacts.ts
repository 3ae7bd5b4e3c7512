/** Words of the contact-point section and forms (safe in the browser bundle). */
import type { ContactPointChange, ContactPointKind } from "@recouvra/domain";

/** The action route of the debtor's contact points. */
export const contactsHref = (caseId: string, query: { add?: ContactPointKind; point?: string; change?: ContactPointChange } = {}) => {
  const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const search = params.toString();
  return `/cases/${caseId}/contacts${search ? `?${search}` : ""}`;
};

export const CONTACT_KIND_LABELS: Record<ContactPointKind, string> = { email: "Email", phone: "Phone", address: "Postal address" };

/** Where a point came from, for staff. */
const SOURCE_LABELS: Record<string, string> = { placement: "From the client's placement", agent: "Added by a case handler" };

/** "Added by a case handler" for "agent"; other sources as they are stored, readable. */
export function contactSourceLabel(source: string): string {
  return SOURCE_LABELS[source] ?? `Source: ${source.replaceAll("_", " ")}`;
}

/** What the buttons of a contact point say. */
export const CONTACT_CHANGE_LABELS: Record<ContactPointChange, string> = {
  verify: "Verify",
  invalidate: "Mark invalid",
  revalidate: "Mark valid",
  opt_out: "Record opt-out",
  lift_opt_out: "Lift opt-out",
  make_primary: "Make primary",
};

/** Countries an address is most often in, first; any ISO code is accepted by the rules. */
export const ADDRESS_COUNTRIES: readonly { code: string; name: string }[] = [
  { code: "FR", name: "France" },
  { code: "BE", name: "Belgium" },
  { code: "NL", name: "Netherlands" },
  { code: "LU", name: "Luxembourg" },
  { code: "DE", name: "Germany" },
  { code: "ES", name: "Spain" },
  { code: "IT", name: "Italy" },
  { code: "PT", name: "Portugal" },
  { code: "CH", name: "Switzerland" },
  { code: "GB", name: "United Kingdom" },
];

/** "France" for "FR", the code itself for a country not in the list. */
export function countryName(code: string): string {
  return ADDRESS_COUNTRIES.find((c) => c.code === code)?.name ?? code;
}

/** "Phone number" for "phone number": the start of a sentence or a toast. */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
