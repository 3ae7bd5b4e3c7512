/** How the case timeline words the audit events of contact points (the reader never sees the raw data). */
import { CONTACT_POINT_KINDS, contactPointNoun, DEBTOR_REQUEST_SOURCE_LABELS, type ContactPointKind, type DebtorRequestSource } from "@recouvra/domain";

/** Audit actions of contact points that the staff timeline shows. */
export const CONTACT_POINT_TIMELINE_ACTIONS = [
  "contact_point.added",
  "contact_point.verified",
  "contact_point.invalidated",
  "contact_point.revalidated",
  "contact_point.opted_out",
  "contact_point.opt_out_lifted",
  "contact_point.made_primary",
] as const;

/** A timeline item's kind, title and detail from a contact point's audit event. */
export function contactPointTimelineItem(action: string, data: Record<string, unknown>): { kind: "contact"; title: string; detail: string | null } {
  const str = (k: string) => (typeof data[k] === "string" && data[k] !== "" ? (data[k] as string) : null);
  const kind = (CONTACT_POINT_KINDS as readonly string[]).includes(str("kind") ?? "") ? (str("kind") as ContactPointKind) : null;
  // Events recorded before the kind was part of the data say "contact point".
  const noun = kind ? contactPointNoun(kind) : "contact point";
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  const how = (k: string) => {
    const source = str(k);
    return source ? (DEBTOR_REQUEST_SOURCE_LABELS[source as DebtorRequestSource] ?? source) : null;
  };
  const detail = (...parts: (string | null)[]) => parts.filter(Boolean).join(" · ") || null;
  const value = str("value");
  switch (action) {
    case "contact_point.added":
      return { kind: "contact", title: `${Noun} added${data.isPrimary === true ? " as the primary one" : ""}`, detail: detail(value, str("label")) };
    case "contact_point.verified":
      return { kind: "contact", title: `${Noun} verified`, detail: detail(value, str("note")) };
    case "contact_point.invalidated":
      return { kind: "contact", title: `${Noun} marked invalid`, detail: detail(value, str("reason"), str("note")) };
    case "contact_point.revalidated":
      return { kind: "contact", title: `${Noun} marked valid again`, detail: detail(value, str("note")) };
    case "contact_point.opted_out":
      return { kind: "contact", title: `Debtor opted out of ${kind ? `messages to this ${noun}` : "a channel"}`, detail: detail(value, how("source"), str("note")) };
    case "contact_point.opt_out_lifted":
      return { kind: "contact", title: `Opt-out lifted: the debtor consented again to this ${noun}`, detail: detail(value, how("source"), str("note")) };
    case "contact_point.made_primary":
      return { kind: "contact", title: `Primary ${noun} changed`, detail: value };
    default:
      return { kind: "contact", title: `${Noun} changed`, detail: value };
  }
}
