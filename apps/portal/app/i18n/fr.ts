import type { Dictionary } from "./types.ts";

export const fr: Dictionary = {
  languageName: "Français",
  languageSwitcherLabel: "Langue",
  skipToContent: "Aller au contenu",
  portalName: "Espace de paiement",
  meta: {
    title: "Votre dossier, expliqué et réglé en ligne",
    description: "Consultez ce qui vous est demandé et pourquoi, payez ou proposez un échéancier adapté à votre budget.",
  },
  hero: {
    title: "Votre dossier, expliqué et réglé en ligne",
    intro:
      "{agency} gère une facture impayée pour le compte de l’un de ses clients. Ici, vous pouvez voir précisément ce qui vous est demandé et pourquoi, la régler, ou proposer un échéancier adapté à votre budget — à votre rythme, à toute heure.",
    introWithoutAgency:
      "Ici, vous pouvez voir précisément ce qui vous est demandé et pourquoi, le régler, ou proposer un échéancier adapté à votre budget — à votre rythme, à toute heure.",
  },
  access: {
    title: "Comment ouvrir votre dossier",
    linkTitle: "Utilisez le lien personnel que nous vous avons envoyé",
    linkBody:
      "Le courrier, l’e-mail ou le SMS que vous avez reçu contient un lien personnel. Ouvrez-le : vous arrivez directement dans votre dossier, sans compte ni mot de passe.",
    codeTitle: "Référence et code d’accès",
    codeBody:
      "Votre courrier indique aussi une référence de dossier et un code d’accès : saisissez-les dans le formulaire ci-dessus. Si nous avons votre numéro de mobile ou votre e-mail, nous y envoyons un code de sécurité à 6 chiffres. Sinon, utilisez le lien personnel de votre courrier, e-mail ou SMS.",
    noLetterTitle: "Courrier ou lien égaré ?",
    noLetterBody: "Contactez-nous avec les coordonnées ci-dessous et nous vous enverrons un nouveau lien. Nous sommes là pour vous aider.",
  },
  promises: {
    title: "Ce que vous pouvez attendre de nous",
    items: [
      "Nous expliquons chaque montant : chaque facture, les éventuels intérêts et frais, et la règle qui les autorise.",
      "Si vous ne pouvez pas tout payer en une fois, vous pouvez proposer un échéancier. Nous cherchons une solution avec vous.",
      "Si vous contestez la demande, dites-le-nous : le recouvrement est suspendu pendant que nous vérifions.",
      "Vos données servent uniquement au traitement de ce dossier et sont protégées.",
    ],
  },
  contact: {
    title: "Nous contacter",
    description: "Une question sur votre dossier, besoin d’un délai ? Écrivez-nous ou appelez-nous : nous préférons en parler avec vous.",
    address: "Adresse",
    email: "E-mail",
    phone: "Téléphone",
    website: "Site web",
    registration: "Immatriculation",
    vat: "N° de TVA",
    openingHours: "Horaires",
    unavailable:
      "Nos coordonnées ne peuvent pas être affichées pour le moment. Réessayez dans quelques minutes, ou utilisez celles qui figurent sur votre courrier.",
    notConfigured: "Nos coordonnées ne sont pas encore publiées ici. Utilisez celles qui figurent sur votre courrier.",
  },
  safety: {
    title: "Votre sécurité",
    body: "Nous ne vous demanderons jamais le mot de passe de votre banque ni le code de votre carte. Avant de saisir quoi que ce soit, vérifiez que l’adresse de ce site est bien celle indiquée sur votre courrier.",
  },
  footer: "Recouvrement amiable : aucune procédure judiciaire n’est en cours. Cet espace est là pour vous aider à régler votre dossier simplement.",
  errors: {
    notFoundTitle: "Page introuvable",
    notFoundBody: "Il n’y a rien à cette adresse. Vérifiez le lien de votre courrier, e-mail ou SMS.",
    genericTitle: "Un problème est survenu",
    genericBody: "Cette page n’a pas pu être affichée. Réessayez dans quelques minutes.",
    backHome: "Retour à l’accueil",
  },
};
