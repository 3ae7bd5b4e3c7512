import { Button, Heading, Text } from "@react-email/components";
import { z } from "zod";
import { EmailLayout } from "../layout.tsx";
import { AgencyIdentitySchema, EMAIL_LOCALES, type EmailLocale } from "../types.ts";

/** Props of the "your personal link" email; parsed so a template never renders half-filled. */
export const PortalLinkPropsSchema = z.object({
  locale: z.enum(EMAIL_LOCALES),
  debtorName: z.string().min(1),
  creditorName: z.string().min(1),
  caseReference: z.string().min(1),
  portalUrl: z.string().url(),
  /** The link's expiry as a formatted calendar date, e.g. "15 March 2027" — never "within N days". */
  expiresOn: z.string().min(1),
  agency: AgencyIdentitySchema,
});
export type PortalLinkProps = z.infer<typeof PortalLinkPropsSchema>;

const copy: Record<EmailLocale, (p: PortalLinkProps) => { subject: string; greeting: string; intro: string; cta: string; expiry: string; help: string }> = {
  fr: (p) => ({
    subject: `Votre dossier ${p.caseReference} — ${p.creditorName}`,
    greeting: `Bonjour ${p.debtorName},`,
    intro: `Nous intervenons à l'amiable pour le compte de ${p.creditorName}. Votre espace personnel vous permet de consulter le détail des sommes dues, de payer ou de proposer un échéancier.`,
    cta: "Ouvrir mon dossier",
    expiry: `Ce lien personnel est valable jusqu'au ${p.expiresOn}. Ne le transférez pas.`,
    help: `Une question ou une contestation ? Répondez à cet e-mail ou appelez-nous en citant la référence ${p.caseReference}.`,
  }),
  nl: (p) => ({
    subject: `Uw dossier ${p.caseReference} — ${p.creditorName}`,
    greeting: `Beste ${p.debtorName},`,
    intro: `Wij treden minnelijk op namens ${p.creditorName}. In uw persoonlijke omgeving ziet u precies wat er openstaat en kunt u betalen of een betalingsregeling voorstellen.`,
    cta: "Mijn dossier openen",
    expiry: `Deze persoonlijke link is geldig tot en met ${p.expiresOn}. Stuur hem niet door.`,
    help: `Een vraag of niet akkoord? Beantwoord deze e-mail of bel ons met vermelding van referentie ${p.caseReference}.`,
  }),
  en: (p) => ({
    subject: `Your file ${p.caseReference} — ${p.creditorName}`,
    greeting: `Dear ${p.debtorName},`,
    intro: `We are acting amicably on behalf of ${p.creditorName}. Your personal page shows exactly what is owed and lets you pay or propose a payment plan.`,
    cta: "Open my file",
    expiry: `This personal link is valid until ${p.expiresOn}. Please do not forward it.`,
    help: `A question, or you disagree? Reply to this email or call us quoting reference ${p.caseReference}.`,
  }),
};

/** Subject line of the portal link email. */
export function portalLinkSubject(props: PortalLinkProps): string {
  return copy[props.locale](props).subject;
}

/** The email carrying a debtor's personal portal link. */
export function PortalLinkEmail(props: PortalLinkProps) {
  const t = copy[props.locale](props);
  return (
    <EmailLayout locale={props.locale} preview={t.intro} agency={props.agency}>
      <Heading as="h1" style={{ fontSize: "20px" }}>
        {t.subject}
      </Heading>
      <Text>{t.greeting}</Text>
      <Text>{t.intro}</Text>
      <Button href={props.portalUrl} style={{ backgroundColor: "#1d4ed8", color: "#ffffff", padding: "12px 20px", borderRadius: "6px" }}>
        {t.cta}
      </Button>
      <Text>{t.expiry}</Text>
      <Text>{t.help}</Text>
    </EmailLayout>
  );
}

PortalLinkEmail.PreviewProps = {
  locale: "fr",
  debtorName: "Camille Martin",
  creditorName: "Grossiste Lumière SARL",
  caseReference: "RC-2026-000123",
  portalUrl: "http://localhost:3001/l/preview-token",
  expiresOn: "15 mars 2027",
  agency: { name: "Recouvra Demo Agency", address: "12 rue de la Paix, 75002 Paris", email: "contact@recouvra.test", phone: "+33 1 84 88 00 00" },
} satisfies PortalLinkProps;
