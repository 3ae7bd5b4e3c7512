import type { Locale } from "./index.ts";

/** Texts of the ways into the portal: the sign-in form, the one-time code, personal links, signing out. */
export interface AccessTexts {
  signIn: {
    title: string;
    intro: string;
    referenceLabel: string;
    referenceHelp: string;
    accessCodeLabel: string;
    accessCodeHelp: string;
    submit: string;
    referenceRequired: string;
    accessCodeRequired: string;
    /** The same words whether the reference exists or not. */
    refused: string;
    locked: string;
    unavailable: string;
    errorTitle: string;
    signedOut: string;
  };
  code: {
    metaTitle: string;
    title: string;
    /** `{destination}` is the half-hidden number or address. */
    sentBySms: string;
    sentByEmail: string;
    label: string;
    help: string;
    submit: string;
    format: string;
    /** `{count}` is the number of attempts left. */
    wrong: string;
    invalidTitle: string;
    invalid: string;
    startAgain: string;
    notReceived: string;
  };
  link: {
    metaTitle: string;
    invalidTitle: string;
    invalidBody: string;
    locked: string;
    useReference: string;
  };
  signOut: string;
}

export const ACCESS_TEXTS: Record<Locale, AccessTexts> = {
  fr: {
    signIn: {
      title: "Ouvrir mon dossier",
      intro: "Saisissez la référence du dossier et le code d'accès indiqués sur notre courrier.",
      referenceLabel: "Référence du dossier",
      referenceHelp: "En haut de notre courrier, par exemple RC-2026-000123.",
      accessCodeLabel: "Code d'accès",
      accessCodeHelp: "Sous la référence, sur le même courrier.",
      submit: "Continuer",
      referenceRequired: "Saisissez la référence du dossier.",
      accessCodeRequired: "Saisissez le code d'accès.",
      refused: "La référence et le code d'accès ne correspondent pas. Vérifiez-les sur notre courrier et réessayez.",
      locked: "Trop de tentatives. Pour votre sécurité, réessayez dans 30 minutes ou appelez-nous.",
      unavailable: "Le service est momentanément indisponible. Réessayez dans quelques minutes.",
      errorTitle: "Impossible d'ouvrir le dossier",
      signedOut: "Vous êtes déconnecté. À bientôt.",
    },
    code: {
      metaTitle: "Code de connexion",
      title: "Saisissez le code reçu",
      sentBySms: "Nous venons d'envoyer un code à 6 chiffres par SMS au {destination}.",
      sentByEmail: "Nous venons d'envoyer un code à 6 chiffres par e-mail à {destination}.",
      label: "Code à 6 chiffres",
      help: "Il est valable 10 minutes.",
      submit: "Ouvrir mon dossier",
      format: "Saisissez les 6 chiffres du code.",
      wrong: "Ce code n'est pas le bon. Il vous reste {count} essai(s).",
      invalidTitle: "Ce code n'est plus valable",
      invalid: "Ce code est invalide ou a expiré. Recommencez pour en recevoir un nouveau.",
      startAgain: "Recommencer",
      notReceived: "Rien reçu après quelques minutes ? Recommencez pour recevoir un nouveau code.",
    },
    link: {
      metaTitle: "Lien personnel",
      invalidTitle: "Ce lien est invalide ou a expiré",
      invalidBody: "Pour votre sécurité, un lien personnel cesse de fonctionner après 30 jours ou lorsque nous vous en envoyons un nouveau. Vous pouvez toujours ouvrir votre dossier avec la référence et le code d'accès de notre courrier.",
      locked: "Trop de tentatives depuis cette connexion. Réessayez dans 15 minutes.",
      useReference: "Ouvrir mon dossier avec la référence",
    },
    signOut: "Se déconnecter",
  },
  nl: {
    signIn: {
      title: "Mijn dossier openen",
      intro: "Vul de dossierreferentie en de toegangscode in die op onze brief staan.",
      referenceLabel: "Dossierreferentie",
      referenceHelp: "Bovenaan onze brief, bijvoorbeeld RC-2026-000123.",
      accessCodeLabel: "Toegangscode",
      accessCodeHelp: "Onder de referentie, op dezelfde brief.",
      submit: "Verder",
      referenceRequired: "Vul de dossierreferentie in.",
      accessCodeRequired: "Vul de toegangscode in.",
      refused: "De referentie en de toegangscode komen niet overeen. Controleer ze op onze brief en probeer opnieuw.",
      locked: "Te veel pogingen. Probeer het voor uw veiligheid over 30 minuten opnieuw of bel ons.",
      unavailable: "De dienst is tijdelijk niet beschikbaar. Probeer het over enkele minuten opnieuw.",
      errorTitle: "Het dossier kan niet worden geopend",
      signedOut: "U bent afgemeld. Tot ziens.",
    },
    code: {
      metaTitle: "Aanmeldcode",
      title: "Vul de ontvangen code in",
      sentBySms: "We hebben zonet een code van 6 cijfers per sms gestuurd naar {destination}.",
      sentByEmail: "We hebben zonet een code van 6 cijfers per e-mail gestuurd naar {destination}.",
      label: "Code van 6 cijfers",
      help: "Hij is 10 minuten geldig.",
      submit: "Mijn dossier openen",
      format: "Vul de 6 cijfers van de code in.",
      wrong: "Deze code klopt niet. U hebt nog {count} poging(en).",
      invalidTitle: "Deze code is niet meer geldig",
      invalid: "Deze code is ongeldig of verlopen. Begin opnieuw om een nieuwe te ontvangen.",
      startAgain: "Opnieuw beginnen",
      notReceived: "Na enkele minuten nog niets ontvangen? Begin opnieuw om een nieuwe code te krijgen.",
    },
    link: {
      metaTitle: "Persoonlijke link",
      invalidTitle: "Deze link is ongeldig of verlopen",
      invalidBody: "Voor uw veiligheid werkt een persoonlijke link niet meer na 30 dagen of wanneer we u een nieuwere sturen. U kunt uw dossier altijd openen met de referentie en de toegangscode van onze brief.",
      locked: "Te veel pogingen vanaf deze verbinding. Probeer het over 15 minuten opnieuw.",
      useReference: "Mijn dossier openen met de referentie",
    },
    signOut: "Afmelden",
  },
  en: {
    signIn: {
      title: "Open my file",
      intro: "Enter the file reference and the access code printed on our letter.",
      referenceLabel: "File reference",
      referenceHelp: "At the top of our letter, for example RC-2026-000123.",
      accessCodeLabel: "Access code",
      accessCodeHelp: "Below the reference, on the same letter.",
      submit: "Continue",
      referenceRequired: "Enter the file reference.",
      accessCodeRequired: "Enter the access code.",
      refused: "The reference and access code do not match. Check them on our letter and try again.",
      locked: "Too many attempts. For your security, try again in 30 minutes or give us a call.",
      unavailable: "The service is briefly unavailable. Please try again in a few minutes.",
      errorTitle: "The file could not be opened",
      signedOut: "You are signed out. Goodbye for now.",
    },
    code: {
      metaTitle: "Sign-in code",
      title: "Enter the code we sent you",
      sentBySms: "We have just sent a 6-digit code by text message to {destination}.",
      sentByEmail: "We have just sent a 6-digit code by email to {destination}.",
      label: "6-digit code",
      help: "It is valid for 10 minutes.",
      submit: "Open my file",
      format: "Enter the 6 digits of the code.",
      wrong: "This code is not right. You have {count} attempt(s) left.",
      invalidTitle: "This code is no longer valid",
      invalid: "This code is invalid or has expired. Start again to receive a new one.",
      startAgain: "Start again",
      notReceived: "Nothing after a few minutes? Start again to receive a new code.",
    },
    link: {
      metaTitle: "Personal link",
      invalidTitle: "This link is invalid or has expired",
      invalidBody: "For your security, a personal link stops working after 30 days or when we send you a newer one. You can still open your file with the reference and access code from our letter.",
      locked: "Too many attempts from this connection. Please try again in 15 minutes.",
      useReference: "Open my file with the reference",
    },
    signOut: "Sign out",
  },
};
