/**
 * The acknowledgment a debtor receives by email when they dispute the debt or report it already paid in
 * the portal. Fixed system texts, like the sign-in code's: it answers the debtor's own request, says
 * that collection is paused and what happens next, and must not become a reminder through an edited
 * template (so it is not among the templates agents choose from).
 */
import type { Locale } from "@recouvra/domain";

/** The `template` recorded on the outbox message. */
export const DISPUTE_ACKNOWLEDGMENT_TEMPLATE = "portal_dispute_acknowledgment";

/** What the acknowledgment is about. */
export type AcknowledgmentKind = "dispute" | "already_paid";

interface AcknowledgmentValues {
  reference: string;
  creditor: string;
  agency: string;
  /** The day it was received, spelled out in the debtor's language. */
  date: string;
  documents: number;
}

interface AcknowledgmentText {
  subject: (kind: AcknowledgmentKind, reference: string) => string;
  body: (kind: AcknowledgmentKind, v: AcknowledgmentValues) => string;
}

export const DISPUTE_ACKNOWLEDGMENT_TEXTS: Record<Locale, AcknowledgmentText> = {
  fr: {
    subject: (kind, reference) => (kind === "already_paid" ? `Votre paiement déjà effectué — dossier ${reference}` : `Votre contestation — dossier ${reference}`),
    body: (kind, v) =>
      [
        "Bonjour,",
        kind === "already_paid"
          ? `Nous avons bien reçu le ${v.date} votre message indiquant que le dossier ${v.reference} (${v.creditor}) est déjà payé${v.documents > 0 ? `, avec ${v.documents === 1 ? "un justificatif" : `${v.documents} justificatifs`}` : ""}.`
          : `Nous avons bien reçu le ${v.date} votre contestation du dossier ${v.reference} (${v.creditor})${v.documents > 0 ? `, avec ${v.documents === 1 ? "une pièce jointe" : `${v.documents} pièces jointes`}` : ""}.`,
        "Le recouvrement est suspendu pendant que nous vérifions : vous ne recevrez pas de relance d'ici là.",
        `Votre gestionnaire de dossier examine vos explications, avec ${v.creditor} si nécessaire, et vous répondra dans votre espace en ligne.`,
        `Cordialement,\n${v.agency}`,
      ].join("\n\n"),
  },
  nl: {
    subject: (kind, reference) => (kind === "already_paid" ? `Uw betaling — dossier ${reference}` : `Uw betwisting — dossier ${reference}`),
    body: (kind, v) =>
      [
        "Beste,",
        kind === "already_paid"
          ? `Wij hebben op ${v.date} uw bericht ontvangen dat dossier ${v.reference} (${v.creditor}) al betaald is${v.documents > 0 ? `, met ${v.documents === 1 ? "één bewijsstuk" : `${v.documents} bewijsstukken`}` : ""}.`
          : `Wij hebben op ${v.date} uw betwisting van dossier ${v.reference} (${v.creditor}) ontvangen${v.documents > 0 ? `, met ${v.documents === 1 ? "één bijlage" : `${v.documents} bijlagen`}` : ""}.`,
        "De invordering is opgeschort zolang wij dit nakijken: u ontvangt intussen geen herinneringen.",
        `Uw dossierbeheerder bekijkt uw uitleg, zo nodig samen met ${v.creditor}, en antwoordt u in uw online omgeving.`,
        `Met vriendelijke groeten,\n${v.agency}`,
      ].join("\n\n"),
  },
  en: {
    subject: (kind, reference) => (kind === "already_paid" ? `Your payment — file ${reference}` : `Your dispute — file ${reference}`),
    body: (kind, v) =>
      [
        "Hello,",
        kind === "already_paid"
          ? `On ${v.date} we received your message that file ${v.reference} (${v.creditor}) is already paid${v.documents > 0 ? `, with ${v.documents === 1 ? "one proof of payment" : `${v.documents} proofs of payment`}` : ""}.`
          : `On ${v.date} we received your dispute of file ${v.reference} (${v.creditor})${v.documents > 0 ? `, with ${v.documents === 1 ? "one attachment" : `${v.documents} attachments`}` : ""}.`,
        "Collection is paused while we look into it: you will not receive reminders in the meantime.",
        `Your case handler is reviewing what you sent, with ${v.creditor} if needed, and will answer you in your online space.`,
        `Kind regards,\n${v.agency}`,
      ].join("\n\n"),
  },
};
