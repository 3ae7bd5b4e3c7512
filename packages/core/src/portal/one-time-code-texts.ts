/**
 * The wording of the one-time sign-in code, in each language. Fixed system texts rather than agency
 * templates: the message must carry the code and the "share it with no one" warning, which an edited
 * template could lose; it is a security message the debtor asked for, not collection contact, so it has
 * no place among the templates agents choose from (and the template catalogue's contact rules — notice
 * first, holds, frequency — must not apply to it).
 */
import type { Locale } from "@recouvra/domain";

/** The `template` recorded on the outbox message, which the dispatcher recognises. */
export const PORTAL_CODE_TEMPLATE = "portal_one_time_code";

interface CodeText {
  subject: (agency: string) => string;
  body: (v: { code: string; agency: string; minutes: number }) => string;
}

// SMS bodies stay in GSM-7 and one segment; emails repeat the same words with a subject.
export const ONE_TIME_CODE_TEXTS: Record<Locale, CodeText> = {
  fr: {
    subject: (agency) => `Votre code de connexion ${agency}`,
    body: ({ code, agency, minutes }) => `${agency} : votre code de connexion est ${code}. Il est valable ${minutes} minutes. Ne le communiquez à personne, nous ne vous le demanderons jamais.`,
  },
  nl: {
    subject: (agency) => `Uw aanmeldcode ${agency}`,
    body: ({ code, agency, minutes }) => `${agency}: uw aanmeldcode is ${code}. Hij is ${minutes} minuten geldig. Geef hem aan niemand door, wij zullen er nooit om vragen.`,
  },
  en: {
    subject: (agency) => `Your ${agency} sign-in code`,
    body: ({ code, agency, minutes }) => `${agency}: your sign-in code is ${code}. It is valid for ${minutes} minutes. Do not share it with anyone; we will never ask you for it.`,
  },
};
