import type { Dictionary } from "./types.ts";

export const nl: Dictionary = {
  languageName: "Nederlands",
  languageSwitcherLabel: "Taal",
  skipToContent: "Naar de inhoud",
  portalName: "Betaalportaal",
  meta: {
    title: "Uw dossier, uitgelegd en online geregeld",
    description: "Bekijk wat er gevraagd wordt en waarom, betaal, of stel een betalingsregeling voor die bij uw budget past.",
  },
  hero: {
    title: "Uw dossier, uitgelegd en online geregeld",
    intro:
      "{agency} behandelt een onbetaalde factuur namens een van haar klanten. Hier ziet u precies wat er gevraagd wordt en waarom, kunt u betalen, of een betalingsregeling voorstellen die bij uw budget past — in uw eigen tempo, op elk moment van de dag.",
    introWithoutAgency:
      "Hier ziet u precies wat er gevraagd wordt en waarom, kunt u betalen, of een betalingsregeling voorstellen die bij uw budget past — in uw eigen tempo, op elk moment van de dag.",
  },
  access: {
    title: "Zo opent u uw dossier",
    linkTitle: "Gebruik de persoonlijke link die wij u stuurden",
    linkBody:
      "De brief, e-mail of sms die u ontving bevat een persoonlijke link. Open die en u komt direct in uw dossier — zonder account of wachtwoord.",
    codeTitle: "Dossiernummer en toegangscode",
    codeBody:
      "In uw brief staan ook een dossierreferentie en een toegangscode: vul ze in het formulier hierboven in. Als we uw gsm-nummer of e-mailadres hebben, sturen we daar een beveiligingscode van 6 cijfers naartoe. Anders kunt u de persoonlijke link uit uw brief, e-mail of sms gebruiken.",
    noLetterTitle: "Brief of link kwijt?",
    noLetterBody: "Neem contact met ons op via de gegevens hieronder, dan sturen wij u een nieuwe link. Wij helpen u graag.",
  },
  promises: {
    title: "Wat u van ons mag verwachten",
    items: [
      "Wij leggen elk bedrag uit: elke factuur, eventuele rente of kosten, en de regel die ze toestaat.",
      "Kunt u niet alles in één keer betalen? Stel dan een betalingsregeling voor. Wij zoeken samen met u naar een oplossing.",
      "Klopt de vordering volgens u niet? Laat het ons weten: de incasso wordt gepauzeerd terwijl wij het nakijken.",
      "Uw gegevens worden alleen voor dit dossier gebruikt en zijn veilig bewaard.",
    ],
  },
  contact: {
    title: "Contact",
    description: "Vragen over uw dossier, of meer tijd nodig? Schrijf of bel ons: wij praten liever met u dan dat we wachten.",
    address: "Adres",
    email: "E-mail",
    phone: "Telefoon",
    website: "Website",
    registration: "Registratie",
    vat: "Btw-nummer",
    openingHours: "Openingstijden",
    unavailable:
      "Onze contactgegevens kunnen nu niet worden getoond. Probeer het over enkele minuten opnieuw, of gebruik de gegevens op uw brief.",
    notConfigured: "Onze contactgegevens staan hier nog niet. Gebruik de gegevens op uw brief.",
  },
  safety: {
    title: "Veilig online",
    body: "Wij vragen u nooit om het wachtwoord van uw bank of de pincode van uw kaart. Controleer voordat u iets invult of het adres van deze site overeenkomt met het adres op uw brief.",
  },
  footer: "Minnelijke incasso: er loopt geen gerechtelijke procedure. Dit portaal helpt u uw dossier eenvoudig te regelen.",
  errors: {
    notFoundTitle: "Pagina niet gevonden",
    notFoundBody: "Op dit adres staat niets. Controleer de link uit uw brief, e-mail of sms.",
    genericTitle: "Er ging iets mis",
    genericBody: "Deze pagina kon niet worden getoond. Probeer het over enkele minuten opnieuw.",
    backHome: "Terug naar de startpagina",
  },
};
