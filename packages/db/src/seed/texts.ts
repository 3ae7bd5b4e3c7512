/**
 * What the seeded messages said, in the debtor's language. Short stand-ins for the real templates of
 * packages/email: enough for the timeline and the outbox to read naturally.
 */
import { LOCALES, renderTemplate, type Locale, type MessageChannel } from "@recouvra/domain";
import type { NewMessageTemplateRow } from "../schema/index.ts";

export const MESSAGE_TEMPLATES = [
  "formal_notice",
  "first_reminder",
  "fourteen_day_letter",
  "reminder_email",
  "reminder_sms",
  "final_reminder",
  "promise_confirmation",
  "plan_confirmation",
  "payment_receipt",
] as const;
export type MessageTemplate = (typeof MESSAGE_TEMPLATES)[number];

/** Values a template interpolates: `{amount}`, `{deadline}`, `{reference}`, `{creditor}`. */
export type TemplateVars = Record<"amount" | "deadline" | "reference" | "creditor", string>;

type Text = { subject: string; body: string };

const TEXTS: Record<MessageTemplate, Record<Locale, Text>> = {
  formal_notice: {
    fr: { subject: "Mise en demeure — dossier {reference}", body: "Mise en demeure de payer la somme de {amount} due à {creditor} au plus tard le {deadline}. À défaut, {creditor} pourra engager une procédure judiciaire." },
    nl: { subject: "Ingebrekestelling — dossier {reference}", body: "Wij stellen u in gebreke voor het bedrag van {amount} verschuldigd aan {creditor}. Betaal uiterlijk op {deadline}." },
    en: { subject: "Formal notice — file {reference}", body: "Formal notice to pay {amount} owed to {creditor} by {deadline} at the latest. Failing that, {creditor} may take legal action." },
  },
  first_reminder: {
    fr: { subject: "Premier rappel gratuit — dossier {reference}", body: "Premier rappel, sans frais : merci de régler {amount} dû à {creditor} au plus tard le {deadline}. Passé ce délai, des frais et intérêts pourront être réclamés." },
    nl: { subject: "Eerste kosteloze herinnering — dossier {reference}", body: "Eerste herinnering, zonder kosten: gelieve {amount} verschuldigd aan {creditor} te betalen uiterlijk op {deadline}. Daarna kunnen kosten en intresten worden aangerekend." },
    en: { subject: "First free reminder — file {reference}", body: "First reminder, free of charge: please pay {amount} owed to {creditor} by {deadline}. After that date, costs and interest may be claimed." },
  },
  fourteen_day_letter: {
    fr: { subject: "Dernier rappel avant frais — dossier {reference}", body: "Merci de régler {amount} dû à {creditor} au plus tard le {deadline} (14 jours). Passé ce délai, des frais de recouvrement seront dus." },
    nl: { subject: "Aanmaning (veertiendagenbrief) — dossier {reference}", body: "Betaal {amount} aan {creditor} uiterlijk op {deadline}. Betaalt u niet binnen 14 dagen na ontvangst, dan bent u incassokosten verschuldigd." },
    en: { subject: "Reminder before collection costs — file {reference}", body: "Please pay {amount} owed to {creditor} by {deadline}. If you do not pay within 14 days of receiving this letter, collection costs will be due." },
  },
  reminder_email: {
    fr: { subject: "Rappel — dossier {reference}", body: "Votre dossier {reference} présente un solde de {amount}. Payez ou proposez un échéancier en ligne." },
    nl: { subject: "Herinnering — dossier {reference}", body: "Uw dossier {reference} heeft een openstaand saldo van {amount}. Betaal of stel online een betalingsregeling voor." },
    en: { subject: "Reminder — file {reference}", body: "Your file {reference} has an outstanding balance of {amount}. Pay or propose a payment plan online." },
  },
  reminder_sms: {
    fr: { subject: "", body: "Recouvra Demo : dossier {reference}, solde {amount}. Payez ou proposez un échéancier sur le portail." },
    nl: { subject: "", body: "Recouvra Demo: dossier {reference}, saldo {amount}. Betaal of stel een regeling voor via het portaal." },
    en: { subject: "", body: "Recouvra Demo: file {reference}, balance {amount}. Pay or propose a plan on the portal." },
  },
  final_reminder: {
    fr: { subject: "Dernier rappel amiable — dossier {reference}", body: "Sans règlement de {amount} au plus tard le {deadline}, le dossier sera transmis à {creditor} pour décision sur une action judiciaire." },
    nl: { subject: "Laatste minnelijke herinnering — dossier {reference}", body: "Zonder betaling van {amount} uiterlijk op {deadline} wordt het dossier aan {creditor} voorgelegd voor gerechtelijke stappen." },
    en: { subject: "Final amicable reminder — file {reference}", body: "Unless {amount} is paid by {deadline}, the file will go back to {creditor} to decide on legal action." },
  },
  promise_confirmation: {
    fr: { subject: "", body: "Merci. Nous notons votre engagement de payer {amount} au plus tard le {deadline} (dossier {reference})." },
    nl: { subject: "", body: "Bedankt. Wij noteren uw belofte om {amount} te betalen uiterlijk op {deadline} (dossier {reference})." },
    en: { subject: "", body: "Thank you. We have noted your promise to pay {amount} by {deadline} (file {reference})." },
  },
  plan_confirmation: {
    fr: { subject: "Votre échéancier — dossier {reference}", body: "Votre échéancier de {amount} est accepté. Première échéance le {deadline}." },
    nl: { subject: "Uw betalingsregeling — dossier {reference}", body: "Uw betalingsregeling voor {amount} is aanvaard. Eerste termijn op {deadline}." },
    en: { subject: "Your payment plan — file {reference}", body: "Your payment plan for {amount} is accepted. First instalment on {deadline}." },
  },
  payment_receipt: {
    fr: { subject: "Reçu de paiement — dossier {reference}", body: "Nous avons bien reçu votre paiement de {amount}. Merci." },
    nl: { subject: "Betalingsbewijs — dossier {reference}", body: "Wij hebben uw betaling van {amount} goed ontvangen. Dank u." },
    en: { subject: "Payment receipt — file {reference}", body: "We have received your payment of {amount}. Thank you." },
  },
};

/** The subject (null for SMS) and body of a template in a locale, with its values filled in. */
export function renderMessage(template: MessageTemplate, locale: Locale, vars: TemplateVars): { subject: string | null; body: string } {
  const text = TEXTS[template][locale];
  return { subject: text.subject ? renderTemplate(text.subject, vars) : null, body: renderTemplate(text.body, vars) };
}

/** The channels each template is written for, and the name staff see when choosing it. */
const TEMPLATE_CATALOGUE: Record<MessageTemplate, { name: string; channels: readonly MessageChannel[] }> = {
  formal_notice: { name: "Formal notice", channels: ["letter", "email"] },
  first_reminder: { name: "First free reminder (Belgium)", channels: ["letter", "email"] },
  fourteen_day_letter: { name: "Fourteen-day letter (Netherlands)", channels: ["letter", "email"] },
  reminder_email: { name: "Reminder", channels: ["email"] },
  reminder_sms: { name: "Reminder", channels: ["sms"] },
  final_reminder: { name: "Final amicable reminder", channels: ["letter", "email"] },
  promise_confirmation: { name: "Promise confirmation", channels: ["sms"] },
  plan_confirmation: { name: "Payment plan confirmation", channels: ["email"] },
  payment_receipt: { name: "Payment receipt", channels: ["email"] },
};

/** The agency's default templates: every template in every channel it is written for and every language. */
export function agencyTemplateRows(): NewMessageTemplateRow[] {
  return MESSAGE_TEMPLATES.flatMap((key) =>
    TEMPLATE_CATALOGUE[key].channels.flatMap((channel) =>
      LOCALES.map((locale) => {
        const text = TEXTS[key][locale];
        return { clientId: null, key, channel, locale, name: TEMPLATE_CATALOGUE[key].name, subject: channel === "sms" ? null : text.subject, body: text.body };
      }),
    ),
  );
}
