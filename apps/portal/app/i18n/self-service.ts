/**
 * Texts of the self-service pages (`/case/dispute`, `/case/paid`, `/case/contact`, `/case/messages`,
 * `/case/callback`) and of the "Other things you can do" list on the statement, in every portal
 * language. Tone: a customer telling us something is wrong or asking for help — thank them, say plainly
 * what happens next, never doubt or hurry them.
 */
import { calendarDateIn, formatStatementDate, type ContactTimeSlot, type DisputeReason, type PreferredChannel } from "@recouvra/domain";
import type { Locale } from "./index.ts";

/** Why a form was sent back, as the pages word it (the server names the kind and the field). */
export type ProblemKind =
  | "required"
  | "invalid"
  | "tooLong"
  | "notOffered"
  | "fileTooBig"
  | "fileType"
  | "fileEmpty"
  | "tooManyFiles"
  | "requestTooBig"
  | "duplicate"
  | "duplicateInvalid"
  | "duplicateOptedOut"
  | "alreadyInvalid"
  | "caseClosed"
  | "disputeOpen"
  | "onHold"
  | "unavailable";

export interface SelfServiceTexts {
  backToFile: string;
  closed: string;
  errorTitle: string;
  optional: string;
  /** The words of a problem with `field` (null: the whole form). */
  problem: (field: string | null, kind: ProblemKind, detail: { filename?: string | null; value?: string; date?: string }) => string;
  other: {
    title: string;
    dispute: string;
    paid: string;
    messages: string;
    callback: string;
    contact: string;
  };
  disputeReasons: Record<DisputeReason, string>;
  dispute: {
    metaTitle: string;
    title: string;
    intro: string;
    reasonLegend: string;
    reasonHints: Partial<Record<DisputeReason, string>>;
    paidInstead: string;
    details: string;
    detailsHint: string;
    evidence: string;
    evidenceHint: (maxFiles: number) => string;
    submit: string;
  };
  received: {
    disputeTitle: string;
    paidTitle: string;
    thanks: string;
    receivedOn: (date: string, reason: string) => string;
    paused: string;
    nextTitle: string;
    next: string;
    email: string;
    files: string;
    addMore: string;
    writeToUs: string;
  };
  paid: {
    metaTitle: string;
    title: string;
    intro: string;
    paidOn: string;
    paidOnHint: string;
    amount: (currency: string) => string;
    amountHint: string;
    methodLegend: string;
    methods: { bank_transfer: string; to_creditor: string; other: string };
    note: string;
    noteHint: string;
    evidence: string;
    evidenceHint: (maxFiles: number) => string;
    submit: string;
  };
  contact: {
    metaTitle: string;
    title: string;
    intro: string;
    saved: { preferences: string; add: string; report: string };
    pointsTitle: string;
    noPoints: string;
    kinds: { email: string; phone: string; address: string };
    usedFirst: string;
    optedOut: string;
    yours: string;
    report: string;
    reportHint: string;
    preferencesTitle: string;
    channelLegend: string;
    channels: Record<PreferredChannel, string>;
    noPreference: string;
    timesLegend: string;
    timesHint: string;
    savePreferences: string;
    addEmailTitle: string;
    email: string;
    addEmail: string;
    addPhoneTitle: string;
    phone: string;
    phoneHint: string;
    addPhone: string;
    addAddressTitle: string;
    line1: string;
    line2: string;
    postalCode: string;
    city: string;
    country: string;
    countries: Record<string, string>;
    addAddress: string;
    useFirst: string;
  };
  slots: Record<ContactTimeSlot, string>;
  messages: {
    metaTitle: string;
    title: string;
    intro: string;
    threadLabel: string;
    empty: string;
    you: string;
    agency: string;
    text: string;
    textHint: (max: string) => string;
    submit: string;
    sent: string;
  };
  callback: {
    metaTitle: string;
    title: string;
    intro: string;
    onHold: string;
    pending: (date: string, slot: string, phone: string) => string;
    sent: (date: string, slot: string, phone: string) => string;
    phoneLegend: string;
    otherNumber: string;
    newPhone: string;
    newPhoneHint: string;
    day: string;
    dayHint: string;
    slotLegend: string;
    note: string;
    submit: string;
  };
}

const FR: SelfServiceTexts = {
  backToFile: "Retour à mon dossier",
  closed: "Ce dossier est clôturé : il n'y a plus rien à faire ici. Si quelque chose ne va pas, contactez-nous.",
  errorTitle: "Nous n'avons pas pu enregistrer votre demande",
  optional: "facultatif",
  problem: (field, kind, d) => {
    switch (kind) {
      case "fileTooBig":
        return d.filename ? `${d.filename} dépasse 10 Mo. Scannez-le avec une résolution plus basse ou envoyez-le en plusieurs parties.` : "Un des fichiers dépasse 10 Mo.";
      case "fileType":
        return `${d.filename ?? "Ce fichier"} n'est pas un fichier PDF, JPEG ou PNG. Choisissez un autre fichier.`;
      case "fileEmpty":
        return `${d.filename ?? "Ce fichier"} est vide. Choisissez-le à nouveau.`;
      case "tooManyFiles":
        return "Vous pouvez envoyer 5 fichiers au plus.";
      case "requestTooBig":
        return "Les fichiers sont trop lourds ensemble. Envoyez-en moins, ou des fichiers plus légers.";
      case "caseClosed":
        return FR.closed;
      case "disputeOpen":
        return `Vous avez déjà contesté ce dossier${d.date ? ` le ${d.date}` : ""} et nous l'examinons. Pour ajouter quelque chose, écrivez-nous.`;
      case "onHold":
        return "Votre dossier est suspendu le temps d'examiner votre contestation : nous n'appelons pas pendant cette période. Écrivez-nous plutôt, nous vous répondrons ici.";
      case "unavailable":
        return "Le service est momentanément indisponible. Réessayez dans quelques minutes.";
      case "duplicate":
        return `Nous avons déjà ${d.value ?? "cette coordonnée"}.`;
      case "duplicateInvalid":
        return `${d.value ?? "Cette coordonnée"} est indiquée comme ne fonctionnant plus. Écrivez-nous si elle fonctionne à nouveau.`;
      case "duplicateOptedOut":
        return `Vous nous avez demandé de ne plus utiliser ${d.value ?? "cette coordonnée"}. Écrivez-nous si vous souhaitez que nous l'utilisions à nouveau.`;
      case "alreadyInvalid":
        return "Cette coordonnée est déjà indiquée comme n'étant plus valable.";
      default:
        return FR_FIELDS[field ?? ""]?.[kind === "tooLong" ? "tooLong" : kind === "required" ? "required" : "invalid"] ?? "Vérifiez ce champ.";
    }
  },
  other: {
    title: "Autres démarches",
    dispute: "Contester la créance",
    paid: "J'ai déjà payé",
    messages: "Écrire à mon gestionnaire de dossier",
    callback: "Être rappelé",
    contact: "Mettre à jour mes coordonnées",
  },
  disputeReasons: {
    not_mine: "Ce n'est pas ma dette",
    already_paid: "J'ai déjà payé",
    amount_wrong: "Le montant n'est pas correct",
    goods_or_service: "Il y a un problème avec le produit ou le service",
    identity_theft: "Quelqu'un a utilisé mon identité",
    other: "Une autre raison",
  },
  dispute: {
    metaTitle: "Contester la créance",
    title: "Contester la créance",
    intro: "Si vous pensez ne pas devoir ce montant, ou pas en entier, dites-nous pourquoi. Le recouvrement est suspendu dès l'envoi de ce formulaire, et votre gestionnaire de dossier examinera ce que vous nous dites.",
    reasonLegend: "Pourquoi contestez-vous ?",
    reasonHints: {
      amount_wrong: "Par exemple : une facture comptée deux fois, des frais que vous ne comprenez pas.",
      goods_or_service: "Par exemple : rien n'a été livré, ou le service n'a pas été rendu.",
    },
    paidInstead: "Vous avez déjà payé ? Indiquez-nous plutôt quand et comment :",
    details: "Expliquez avec vos mots",
    detailsHint: "Ce qui s'est passé, les dates, les références : tout ce qui nous aide à vérifier. 5 000 caractères au plus.",
    evidence: "Documents",
    evidenceHint: (max) => `Facture, reçu, courrier, photo… En PDF, JPEG ou PNG, 10 Mo au plus chacun, ${max} fichiers au plus.`,
    submit: "Envoyer ma contestation",
  },
  received: {
    disputeTitle: "Nous avons bien reçu votre contestation",
    paidTitle: "Merci, nous vérifions votre paiement",
    thanks: "Merci de nous avoir prévenus.",
    receivedOn: (date, reason) => `Reçue le ${date} : ${reason}.`,
    paused: "Le recouvrement est suspendu : vous ne recevrez pas de relance pendant que nous vérifions.",
    nextTitle: "Et ensuite ?",
    next: "Votre gestionnaire de dossier examine vos explications et vos documents, avec le créancier si nécessaire. Il vous répondra dans vos échanges sur ce portail.",
    email: "Si nous avons votre adresse e-mail, nous vous avons aussi envoyé une confirmation.",
    files: "Documents reçus",
    addMore: "Vous voulez ajouter quelque chose ?",
    writeToUs: "Écrire à mon gestionnaire de dossier",
  },
  paid: {
    metaTitle: "J'ai déjà payé",
    title: "J'ai déjà payé",
    intro: "Dites-nous quand et comment vous avez payé, et joignez votre justificatif si vous l'avez. Le recouvrement est suspendu pendant que nous vérifions avec le créancier.",
    paidOn: "Date du paiement",
    paidOnHint: "La date figurant sur votre relevé ou votre reçu.",
    amount: (currency) => `Montant payé (${currency})`,
    amountHint: "Par exemple 150,00.",
    methodLegend: "Comment avez-vous payé ?",
    methods: { bank_transfer: "Par virement bancaire", to_creditor: "Directement au créancier", other: "D'une autre façon" },
    note: "Autre chose à nous dire ?",
    noteHint: "Par exemple la référence du virement ou le nom du compte.",
    evidence: "Justificatif de paiement",
    evidenceHint: (max) => `Relevé bancaire, reçu, capture d'écran… En PDF, JPEG ou PNG, 10 Mo au plus chacun, ${max} fichiers au plus. Recommandé : il nous permet de vérifier plus vite.`,
    submit: "Envoyer mes informations de paiement",
  },
  contact: {
    metaTitle: "Mes coordonnées",
    title: "Mes coordonnées",
    intro: "Vérifiez comment nous pouvons vous joindre, ajoutez une nouvelle coordonnée et dites-nous ce qui vous convient le mieux.",
    saved: { preferences: "Vos préférences sont enregistrées.", add: "Votre nouvelle coordonnée est enregistrée.", report: "C'est noté : nous n'utiliserons plus cette coordonnée." },
    pointsTitle: "Comment nous pouvons vous joindre",
    noPoints: "Nous n'avons aucune coordonnée pour vous joindre. Ajoutez-en une ci-dessous.",
    kinds: { email: "Adresses e-mail", phone: "Numéros de téléphone", address: "Adresses postales" },
    usedFirst: "Utilisée en premier",
    optedOut: "Vous avez demandé à ne plus être contacté ici",
    yours: "Ajoutée par vous",
    report: "Ce n'est pas à moi ou ce n'est plus valable",
    reportHint: "Nous la gardons dans notre historique mais ne l'utiliserons plus.",
    preferencesTitle: "Vos préférences",
    channelLegend: "Comment préférez-vous être contacté ?",
    channels: { email: "Par e-mail", sms: "Par SMS", phone: "Par téléphone", letter: "Par courrier" },
    noPreference: "Pas de préférence",
    timesLegend: "À quel moment de la journée ?",
    timesHint: "Cochez tout ce qui vous convient. Nous respectons de toute façon les horaires prévus par la loi.",
    savePreferences: "Enregistrer mes préférences",
    addEmailTitle: "Ajouter une adresse e-mail",
    email: "Adresse e-mail",
    addEmail: "Ajouter cette adresse e-mail",
    addPhoneTitle: "Ajouter un numéro de téléphone",
    phone: "Numéro de téléphone",
    phoneHint: "Par exemple 06 12 34 56 78, ou avec l'indicatif : +33 6 12 34 56 78.",
    addPhone: "Ajouter ce numéro",
    addAddressTitle: "Ajouter une adresse postale",
    line1: "Numéro et rue",
    line2: "Complément d'adresse",
    postalCode: "Code postal",
    city: "Ville",
    country: "Pays",
    countries: { FR: "France", BE: "Belgique", NL: "Pays-Bas", LU: "Luxembourg", DE: "Allemagne" },
    addAddress: "Ajouter cette adresse",
    useFirst: "L'utiliser en premier",
  },
  slots: { morning: "Le matin", afternoon: "L'après-midi", evening: "En début de soirée" },
  messages: {
    metaTitle: "Mes échanges",
    title: "Échanges avec votre gestionnaire de dossier",
    intro: "Posez une question ou donnez-nous une information : votre gestionnaire de dossier est prévenu et vous répond ici.",
    threadLabel: "Vos échanges, du plus ancien au plus récent",
    empty: "Aucun message pour l'instant.",
    you: "Vous",
    agency: "Votre gestionnaire de dossier",
    text: "Votre message",
    textHint: (max) => `${max} caractères au plus.`,
    submit: "Envoyer mon message",
    sent: "Votre message est envoyé. Votre gestionnaire de dossier en est informé et vous répondra ici.",
  },
  callback: {
    metaTitle: "Être rappelé",
    title: "Être rappelé",
    intro: "Choisissez le numéro, le jour et le moment de la journée : votre gestionnaire de dossier vous appellera.",
    onHold: "Votre dossier est suspendu le temps d'examiner votre contestation : nous n'appelons pas pendant cette période. Écrivez-nous plutôt, nous vous répondrons ici.",
    pending: (date, slot, phone) => `Vous avez demandé à être rappelé le ${date} (${slot.toLowerCase()}) au ${phone}. Pour changer, faites une nouvelle demande ci-dessous.`,
    sent: (date, slot, phone) => `Merci, c'est noté : nous vous appellerons le ${date} (${slot.toLowerCase()}) au ${phone}.`,
    phoneLegend: "À quel numéro ?",
    otherNumber: "Un autre numéro",
    newPhone: "Autre numéro",
    newPhoneHint: "Par exemple 06 12 34 56 78.",
    day: "Quel jour ?",
    dayHint: "Un jour ouvré dans les deux prochaines semaines.",
    slotLegend: "À quel moment ?",
    note: "De quoi souhaitez-vous parler ?",
    submit: "Demander à être rappelé",
  },
};

const FR_FIELDS: Record<string, Partial<Record<"required" | "invalid" | "tooLong", string>>> = {
  reason: { required: "Choisissez une raison.", invalid: "Choisissez une raison." },
  details: { required: "Expliquez en quelques mots ce qui ne va pas.", tooLong: "5 000 caractères au plus." },
  paidOn: { required: "Indiquez la date du paiement.", invalid: "Indiquez une date passée, par exemple 01/03/2027." },
  amountCents: { required: "Indiquez le montant payé.", invalid: "Indiquez un montant en chiffres, par exemple 150,00." },
  method: { required: "Dites-nous comment vous avez payé.", invalid: "Dites-nous comment vous avez payé." },
  note: { tooLong: "Ce texte est trop long." },
  text: { required: "Écrivez votre message.", tooLong: "2 000 caractères au plus." },
  email: { required: "Indiquez l'adresse e-mail.", invalid: "Cette adresse e-mail ne semble pas correcte. Écrivez-la comme nom@exemple.fr." },
  phone: { required: "Indiquez le numéro.", invalid: "Ce numéro ne semble pas correct. Écrivez-le par exemple 06 12 34 56 78 ou +33 6 12 34 56 78." },
  newPhone: { required: "Indiquez le numéro à appeler.", invalid: "Ce numéro ne semble pas correct. Écrivez-le par exemple 06 12 34 56 78 ou +33 6 12 34 56 78." },
  line1: { required: "Indiquez le numéro et la rue.", tooLong: "Cette ligne est trop longue." },
  line2: { tooLong: "Cette ligne est trop longue." },
  postalCode: { required: "Indiquez le code postal.", invalid: "Ce code postal ne semble pas correct pour ce pays." },
  city: { required: "Indiquez la ville.", tooLong: "Ce nom est trop long." },
  countryCode: { invalid: "Choisissez un pays." },
  contactPointId: { required: "Choisissez le numéro à appeler.", invalid: "Choisissez un de vos numéros, ou indiquez-en un autre." },
  day: { required: "Choisissez un jour.", invalid: "Choisissez un des jours proposés." },
  slot: { required: "Choisissez un moment de la journée.", invalid: "Choisissez un moment de la journée." },
  preferredChannel: { invalid: "Choisissez un moyen de contact." },
  preferredTimes: { invalid: "Choisissez un moment de la journée." },
};

const NL: SelfServiceTexts = {
  backToFile: "Terug naar mijn dossier",
  closed: "Dit dossier is afgesloten: u hoeft hier niets meer te doen. Klopt er iets niet, neem dan contact met ons op.",
  errorTitle: "Wij konden uw aanvraag niet opslaan",
  optional: "niet verplicht",
  problem: (field, kind, d) => {
    switch (kind) {
      case "fileTooBig":
        return d.filename ? `${d.filename} is groter dan 10 MB. Scan het met een lagere resolutie of verstuur het in delen.` : "Een van de bestanden is groter dan 10 MB.";
      case "fileType":
        return `${d.filename ?? "Dit bestand"} is geen PDF-, JPEG- of PNG-bestand. Kies een ander bestand.`;
      case "fileEmpty":
        return `${d.filename ?? "Dit bestand"} is leeg. Kies het opnieuw.`;
      case "tooManyFiles":
        return "U kunt maximaal 5 bestanden versturen.";
      case "requestTooBig":
        return "De bestanden zijn samen te groot. Verstuur er minder, of kleinere bestanden.";
      case "caseClosed":
        return NL.closed;
      case "disputeOpen":
        return `U hebt dit dossier al betwist${d.date ? ` op ${d.date}` : ""} en wij bekijken het. Wilt u iets toevoegen, stuur ons dan een bericht.`;
      case "onHold":
        return "Uw dossier is opgeschort zolang wij uw betwisting bekijken: in die periode bellen wij niet. Stuur ons liever een bericht, wij antwoorden u hier.";
      case "unavailable":
        return "De dienst is tijdelijk niet beschikbaar. Probeer het over enkele minuten opnieuw.";
      case "duplicate":
        return `Wij hebben ${d.value ?? "dit gegeven"} al.`;
      case "duplicateInvalid":
        return `${d.value ?? "Dit gegeven"} staat genoteerd als niet meer werkend. Stuur ons een bericht als het weer werkt.`;
      case "duplicateOptedOut":
        return `U hebt ons gevraagd ${d.value ?? "dit gegeven"} niet meer te gebruiken. Stuur ons een bericht als wij het weer mogen gebruiken.`;
      case "alreadyInvalid":
        return "Dit gegeven staat al genoteerd als niet meer geldig.";
      default:
        return NL_FIELDS[field ?? ""]?.[kind === "tooLong" ? "tooLong" : kind === "required" ? "required" : "invalid"] ?? "Controleer dit veld.";
    }
  },
  other: {
    title: "Wat u nog kunt doen",
    dispute: "Vordering betwisten",
    paid: "Ik heb al betaald",
    messages: "Mijn dossierbeheerder een bericht sturen",
    callback: "Teruggebeld worden",
    contact: "Mijn contactgegevens bijwerken",
  },
  disputeReasons: {
    not_mine: "Dit is niet mijn schuld",
    already_paid: "Ik heb al betaald",
    amount_wrong: "Het bedrag klopt niet",
    goods_or_service: "Er is een probleem met het product of de dienst",
    identity_theft: "Iemand heeft mijn identiteit gebruikt",
    other: "Een andere reden",
  },
  dispute: {
    metaTitle: "Vordering betwisten",
    title: "Vordering betwisten",
    intro: "Denkt u dat u dit bedrag niet of niet volledig verschuldigd bent, laat ons dan weten waarom. De invordering wordt opgeschort zodra u dit formulier verstuurt, en uw dossierbeheerder bekijkt wat u ons meedeelt.",
    reasonLegend: "Waarom betwist u de vordering?",
    reasonHints: {
      amount_wrong: "Bijvoorbeeld: een factuur die twee keer is aangerekend, kosten die u niet begrijpt.",
      goods_or_service: "Bijvoorbeeld: er is niets geleverd, of de dienst is niet verleend.",
    },
    paidInstead: "Hebt u al betaald? Laat ons dan liever weten wanneer en hoe:",
    details: "Leg in uw eigen woorden uit",
    detailsHint: "Wat er gebeurd is, data, referenties: alles wat ons helpt om het na te kijken. Maximaal 5.000 tekens.",
    evidence: "Documenten",
    evidenceHint: (max) => `Factuur, ontvangstbewijs, brief, foto… Als PDF, JPEG of PNG, maximaal 10 MB per bestand, maximaal ${max} bestanden.`,
    submit: "Mijn betwisting versturen",
  },
  received: {
    disputeTitle: "Wij hebben uw betwisting goed ontvangen",
    paidTitle: "Bedankt, wij kijken uw betaling na",
    thanks: "Bedankt om ons dit te laten weten.",
    receivedOn: (date, reason) => `Ontvangen op ${date}: ${reason}.`,
    paused: "De invordering is opgeschort: u ontvangt geen herinneringen zolang wij dit nakijken.",
    nextTitle: "Wat gebeurt er nu?",
    next: "Uw dossierbeheerder bekijkt uw uitleg en documenten, zo nodig samen met de schuldeiser, en antwoordt u in uw berichten op dit portaal.",
    email: "Als wij uw e-mailadres hebben, hebben wij u ook een bevestiging gestuurd.",
    files: "Ontvangen documenten",
    addMore: "Wilt u nog iets toevoegen?",
    writeToUs: "Mijn dossierbeheerder een bericht sturen",
  },
  paid: {
    metaTitle: "Ik heb al betaald",
    title: "Ik heb al betaald",
    intro: "Laat ons weten wanneer en hoe u hebt betaald, en voeg uw bewijs toe als u het hebt. De invordering wordt opgeschort zolang wij dit met de schuldeiser nakijken.",
    paidOn: "Datum van de betaling",
    paidOnHint: "De datum op uw rekeninguittreksel of ontvangstbewijs.",
    amount: (currency) => `Betaald bedrag (${currency})`,
    amountHint: "Bijvoorbeeld 150,00.",
    methodLegend: "Hoe hebt u betaald?",
    methods: { bank_transfer: "Met een overschrijving", to_creditor: "Rechtstreeks aan de schuldeiser", other: "Op een andere manier" },
    note: "Wilt u nog iets meedelen?",
    noteHint: "Bijvoorbeeld de mededeling van de overschrijving of de naam op de rekening.",
    evidence: "Betalingsbewijs",
    evidenceHint: (max) => `Rekeninguittreksel, ontvangstbewijs, schermafbeelding… Als PDF, JPEG of PNG, maximaal 10 MB per bestand, maximaal ${max} bestanden. Aanbevolen: zo kunnen wij sneller nakijken.`,
    submit: "Mijn betalingsgegevens versturen",
  },
  contact: {
    metaTitle: "Mijn contactgegevens",
    title: "Mijn contactgegevens",
    intro: "Kijk na hoe wij u kunnen bereiken, voeg een nieuw gegeven toe en laat ons weten wat u het best past.",
    saved: { preferences: "Uw voorkeuren zijn opgeslagen.", add: "Uw nieuwe gegeven is opgeslagen.", report: "Genoteerd: wij gebruiken dit gegeven niet meer." },
    pointsTitle: "Hoe wij u kunnen bereiken",
    noPoints: "Wij hebben geen gegevens om u te bereiken. Voeg er hieronder een toe.",
    kinds: { email: "E-mailadressen", phone: "Telefoonnummers", address: "Postadressen" },
    usedFirst: "Wordt eerst gebruikt",
    optedOut: "U hebt gevraagd hier niet meer gecontacteerd te worden",
    yours: "Door u toegevoegd",
    report: "Dit is niet van mij of niet meer geldig",
    reportHint: "Wij bewaren het in onze historiek, maar gebruiken het niet meer.",
    preferencesTitle: "Uw voorkeuren",
    channelLegend: "Hoe wilt u het liefst gecontacteerd worden?",
    channels: { email: "Per e-mail", sms: "Per sms", phone: "Telefonisch", letter: "Per brief" },
    noPreference: "Geen voorkeur",
    timesLegend: "Op welk moment van de dag?",
    timesHint: "Vink alles aan wat u past. Wij houden ons hoe dan ook aan de wettelijke tijden.",
    savePreferences: "Mijn voorkeuren opslaan",
    addEmailTitle: "Een e-mailadres toevoegen",
    email: "E-mailadres",
    addEmail: "Dit e-mailadres toevoegen",
    addPhoneTitle: "Een telefoonnummer toevoegen",
    phone: "Telefoonnummer",
    phoneHint: "Bijvoorbeeld 0470 12 34 56, of met landcode: +32 470 12 34 56.",
    addPhone: "Dit nummer toevoegen",
    addAddressTitle: "Een postadres toevoegen",
    line1: "Straat en nummer",
    line2: "Adresaanvulling",
    postalCode: "Postcode",
    city: "Gemeente",
    country: "Land",
    countries: { FR: "Frankrijk", BE: "België", NL: "Nederland", LU: "Luxemburg", DE: "Duitsland" },
    addAddress: "Dit adres toevoegen",
    useFirst: "Dit eerst gebruiken",
  },
  slots: { morning: "'s Ochtends", afternoon: "'s Middags", evening: "Vroeg op de avond" },
  messages: {
    metaTitle: "Mijn berichten",
    title: "Berichten met uw dossierbeheerder",
    intro: "Stel een vraag of geef ons informatie: uw dossierbeheerder wordt verwittigd en antwoordt u hier.",
    threadLabel: "Uw berichten, van oud naar nieuw",
    empty: "Nog geen berichten.",
    you: "U",
    agency: "Uw dossierbeheerder",
    text: "Uw bericht",
    textHint: (max) => `Maximaal ${max} tekens.`,
    submit: "Mijn bericht versturen",
    sent: "Uw bericht is verstuurd. Uw dossierbeheerder is verwittigd en antwoordt u hier.",
  },
  callback: {
    metaTitle: "Teruggebeld worden",
    title: "Teruggebeld worden",
    intro: "Kies het nummer, de dag en het moment van de dag: uw dossierbeheerder belt u dan.",
    onHold: "Uw dossier is opgeschort zolang wij uw betwisting bekijken: in die periode bellen wij niet. Stuur ons liever een bericht, wij antwoorden u hier.",
    pending: (date, slot, phone) => `U hebt gevraagd om teruggebeld te worden op ${date} (${slot.toLowerCase()}) op ${phone}. Wilt u dit wijzigen, doe dan hieronder een nieuwe aanvraag.`,
    sent: (date, slot, phone) => `Bedankt, genoteerd: wij bellen u op ${date} (${slot.toLowerCase()}) op ${phone}.`,
    phoneLegend: "Op welk nummer?",
    otherNumber: "Een ander nummer",
    newPhone: "Ander nummer",
    newPhoneHint: "Bijvoorbeeld 0470 12 34 56.",
    day: "Welke dag?",
    dayHint: "Een werkdag in de komende twee weken.",
    slotLegend: "Op welk moment?",
    note: "Waarover wilt u praten?",
    submit: "Terugbelverzoek versturen",
  },
};

const NL_FIELDS: Record<string, Partial<Record<"required" | "invalid" | "tooLong", string>>> = {
  reason: { required: "Kies een reden.", invalid: "Kies een reden." },
  details: { required: "Leg in een paar woorden uit wat er niet klopt.", tooLong: "Maximaal 5.000 tekens." },
  paidOn: { required: "Vul de datum van de betaling in.", invalid: "Vul een datum in het verleden in, bijvoorbeeld 01/03/2027." },
  amountCents: { required: "Vul het betaalde bedrag in.", invalid: "Vul een bedrag in cijfers in, bijvoorbeeld 150,00." },
  method: { required: "Laat ons weten hoe u hebt betaald.", invalid: "Laat ons weten hoe u hebt betaald." },
  note: { tooLong: "Deze tekst is te lang." },
  text: { required: "Schrijf uw bericht.", tooLong: "Maximaal 2.000 tekens." },
  email: { required: "Vul het e-mailadres in.", invalid: "Dit e-mailadres lijkt niet te kloppen. Schrijf het als naam@voorbeeld.be." },
  phone: { required: "Vul het nummer in.", invalid: "Dit nummer lijkt niet te kloppen. Schrijf het bijvoorbeeld als 0470 12 34 56 of +32 470 12 34 56." },
  newPhone: { required: "Vul het nummer in waarop wij u mogen bellen.", invalid: "Dit nummer lijkt niet te kloppen. Schrijf het bijvoorbeeld als 0470 12 34 56 of +32 470 12 34 56." },
  line1: { required: "Vul straat en nummer in.", tooLong: "Deze regel is te lang." },
  line2: { tooLong: "Deze regel is te lang." },
  postalCode: { required: "Vul de postcode in.", invalid: "Deze postcode lijkt niet te kloppen voor dit land." },
  city: { required: "Vul de gemeente in.", tooLong: "Deze naam is te lang." },
  countryCode: { invalid: "Kies een land." },
  contactPointId: { required: "Kies het nummer waarop wij u mogen bellen.", invalid: "Kies een van uw nummers, of vul een ander in." },
  day: { required: "Kies een dag.", invalid: "Kies een van de voorgestelde dagen." },
  slot: { required: "Kies een moment van de dag.", invalid: "Kies een moment van de dag." },
  preferredChannel: { invalid: "Kies een manier van contact." },
  preferredTimes: { invalid: "Kies een moment van de dag." },
};

const EN: SelfServiceTexts = {
  backToFile: "Back to my file",
  closed: "This file is closed: there is nothing more to do here. If something is wrong, please contact us.",
  errorTitle: "We could not save your request",
  optional: "optional",
  problem: (field, kind, d) => {
    switch (kind) {
      case "fileTooBig":
        return d.filename ? `${d.filename} is larger than 10 MB. Scan it at a lower resolution or send it in parts.` : "One of the files is larger than 10 MB.";
      case "fileType":
        return `${d.filename ?? "This file"} is not a PDF, JPEG or PNG file. Please choose another file.`;
      case "fileEmpty":
        return `${d.filename ?? "This file"} is empty. Please choose it again.`;
      case "tooManyFiles":
        return "You can send at most 5 files.";
      case "requestTooBig":
        return "The files are too large together. Send fewer files, or smaller ones.";
      case "caseClosed":
        return EN.closed;
      case "disputeOpen":
        return `You already disputed this file${d.date ? ` on ${d.date}` : ""} and we are looking into it. To add something, write to us.`;
      case "onHold":
        return "Your file is on hold while we look into your dispute: we do not call during that time. Please write to us instead and we will answer you here.";
      case "unavailable":
        return "The service is briefly unavailable. Please try again in a few minutes.";
      case "duplicate":
        return `We already have ${d.value ?? "this contact detail"}.`;
      case "duplicateInvalid":
        return `${d.value ?? "This contact detail"} is marked as no longer working. Write to us if it works again.`;
      case "duplicateOptedOut":
        return `You asked us not to use ${d.value ?? "this contact detail"}. Write to us if you would like us to use it again.`;
      case "alreadyInvalid":
        return "This contact detail is already marked as no longer valid.";
      default:
        return EN_FIELDS[field ?? ""]?.[kind === "tooLong" ? "tooLong" : kind === "required" ? "required" : "invalid"] ?? "Please check this field.";
    }
  },
  other: {
    title: "Other things you can do",
    dispute: "Dispute this debt",
    paid: "I have already paid",
    messages: "Write to my case handler",
    callback: "Ask to be called back",
    contact: "Update my contact details",
  },
  disputeReasons: {
    not_mine: "This is not my debt",
    already_paid: "I have already paid",
    amount_wrong: "The amount is wrong",
    goods_or_service: "There is a problem with the goods or service",
    identity_theft: "Someone used my identity",
    other: "Another reason",
  },
  dispute: {
    metaTitle: "Dispute this debt",
    title: "Dispute this debt",
    intro: "If you think you do not owe this amount, or not all of it, tell us why. Collection is paused as soon as you send this form, and your case handler will look at what you tell us.",
    reasonLegend: "Why do you dispute it?",
    reasonHints: {
      amount_wrong: "For example: an invoice counted twice, or charges you do not understand.",
      goods_or_service: "For example: nothing was delivered, or the service was not provided.",
    },
    paidInstead: "Already paid? Tell us when and how instead:",
    details: "Explain in your own words",
    detailsHint: "What happened, dates, references: anything that helps us check. Up to 5,000 characters.",
    evidence: "Documents",
    evidenceHint: (max) => `An invoice, a receipt, a letter, a photo… PDF, JPEG or PNG, up to 10 MB each, at most ${max} files.`,
    submit: "Send my dispute",
  },
  received: {
    disputeTitle: "We have received your dispute",
    paidTitle: "Thank you, we are checking your payment",
    thanks: "Thank you for letting us know.",
    receivedOn: (date, reason) => `Received on ${date}: ${reason}.`,
    paused: "Collection is paused: you will not receive reminders while we check.",
    nextTitle: "What happens next?",
    next: "Your case handler reviews your explanation and documents, with the creditor if needed, and will answer you in your messages on this portal.",
    email: "If we have your email address, we have also sent you a confirmation.",
    files: "Documents received",
    addMore: "Want to add something?",
    writeToUs: "Write to my case handler",
  },
  paid: {
    metaTitle: "I have already paid",
    title: "I have already paid",
    intro: "Tell us when and how you paid, and add your proof if you have it. Collection is paused while we check with the creditor.",
    paidOn: "Date of payment",
    paidOnHint: "The date on your bank statement or receipt.",
    amount: (currency) => `Amount paid (${currency})`,
    amountHint: "For example 150.00.",
    methodLegend: "How did you pay?",
    methods: { bank_transfer: "By bank transfer", to_creditor: "Directly to the creditor", other: "Another way" },
    note: "Anything else we should know?",
    noteHint: "For example the transfer reference or the name on the account.",
    evidence: "Proof of payment",
    evidenceHint: (max) => `A bank statement, a receipt, a screenshot… PDF, JPEG or PNG, up to 10 MB each, at most ${max} files. Recommended: it lets us check faster.`,
    submit: "Send my payment details",
  },
  contact: {
    metaTitle: "My contact details",
    title: "My contact details",
    intro: "Check how we can reach you, add a new contact detail, and tell us what suits you best.",
    saved: { preferences: "Your preferences are saved.", add: "Your new contact detail is saved.", report: "Noted: we will no longer use this contact detail." },
    pointsTitle: "How we can reach you",
    noPoints: "We have no way to reach you. Please add one below.",
    kinds: { email: "Email addresses", phone: "Phone numbers", address: "Postal addresses" },
    usedFirst: "Used first",
    optedOut: "You asked not to be contacted here",
    yours: "Added by you",
    report: "Not mine or no longer valid",
    reportHint: "We keep it in our history but will no longer use it.",
    preferencesTitle: "Your preferences",
    channelLegend: "How would you prefer to be contacted?",
    channels: { email: "By email", sms: "By text message (SMS)", phone: "By phone", letter: "By post" },
    noPreference: "No preference",
    timesLegend: "At what time of day?",
    timesHint: "Tick everything that suits you. We always keep to the hours the law allows.",
    savePreferences: "Save my preferences",
    addEmailTitle: "Add an email address",
    email: "Email address",
    addEmail: "Add this email address",
    addPhoneTitle: "Add a phone number",
    phone: "Phone number",
    phoneHint: "For example 06 12 34 56 78, or with the country code: +33 6 12 34 56 78.",
    addPhone: "Add this phone number",
    addAddressTitle: "Add a postal address",
    line1: "Street and number",
    line2: "Address line 2",
    postalCode: "Postal code",
    city: "Town or city",
    country: "Country",
    countries: { FR: "France", BE: "Belgium", NL: "Netherlands", LU: "Luxembourg", DE: "Germany" },
    addAddress: "Add this address",
    useFirst: "Use this one first",
  },
  slots: { morning: "Morning", afternoon: "Afternoon", evening: "Early evening" },
  messages: {
    metaTitle: "My messages",
    title: "Messages with your case handler",
    intro: "Ask a question or give us information: your case handler is told and will answer you here.",
    threadLabel: "Your messages, oldest first",
    empty: "No messages yet.",
    you: "You",
    agency: "Your case handler",
    text: "Your message",
    textHint: (max) => `Up to ${max} characters.`,
    submit: "Send my message",
    sent: "Your message has been sent. Your case handler has been told and will answer you here.",
  },
  callback: {
    metaTitle: "Ask to be called back",
    title: "Ask to be called back",
    intro: "Choose the number, the day and the time of day: your case handler will call you then.",
    onHold: "Your file is on hold while we look into your dispute: we do not call during that time. Please write to us instead and we will answer you here.",
    pending: (date, slot, phone) => `You asked to be called back on ${date} (${slot.toLowerCase()}) on ${phone}. To change it, make a new request below.`,
    sent: (date, slot, phone) => `Thank you, noted: we will call you on ${date} (${slot.toLowerCase()}) on ${phone}.`,
    phoneLegend: "Which number should we call?",
    otherNumber: "Another number",
    newPhone: "Other number",
    newPhoneHint: "For example 06 12 34 56 78.",
    day: "Which day?",
    dayHint: "A working day in the next two weeks.",
    slotLegend: "At what time of day?",
    note: "What would you like to talk about?",
    submit: "Ask to be called back",
  },
};

const EN_FIELDS: Record<string, Partial<Record<"required" | "invalid" | "tooLong", string>>> = {
  reason: { required: "Please choose a reason.", invalid: "Please choose a reason." },
  details: { required: "Please explain in a few words what is wrong.", tooLong: "At most 5,000 characters." },
  paidOn: { required: "Please give the date of payment.", invalid: "Please give a date in the past, for example 01/03/2027." },
  amountCents: { required: "Please give the amount you paid.", invalid: "Please give the amount in figures, for example 150.00." },
  method: { required: "Please tell us how you paid.", invalid: "Please tell us how you paid." },
  note: { tooLong: "This text is too long." },
  text: { required: "Please write your message.", tooLong: "At most 2,000 characters." },
  email: { required: "Please give the email address.", invalid: "This email address does not look right. Write it as name@example.com." },
  phone: { required: "Please give the number.", invalid: "This number does not look right. Write it like 06 12 34 56 78 or +33 6 12 34 56 78." },
  newPhone: { required: "Please give the number to call.", invalid: "This number does not look right. Write it like 06 12 34 56 78 or +33 6 12 34 56 78." },
  line1: { required: "Please give the street and number.", tooLong: "This line is too long." },
  line2: { tooLong: "This line is too long." },
  postalCode: { required: "Please give the postal code.", invalid: "This postal code does not look right for this country." },
  city: { required: "Please give the town or city.", tooLong: "This name is too long." },
  countryCode: { invalid: "Please choose a country." },
  contactPointId: { required: "Please choose the number to call.", invalid: "Please choose one of your numbers, or give another one." },
  day: { required: "Please choose a day.", invalid: "Please choose one of the days offered." },
  slot: { required: "Please choose a time of day.", invalid: "Please choose a time of day." },
  preferredChannel: { invalid: "Please choose a way to contact you." },
  preferredTimes: { invalid: "Please choose a time of day." },
};

export const SELF_SERVICE_TEXTS: Record<Locale, SelfServiceTexts> = { fr: FR, nl: NL, en: EN };

/** What a refused form says, in `locale`, for the problem the server named. */
export function problemMessage(locale: Locale, problem: { field: string | null; kind: ProblemKind; filename?: string | null; value?: string; date?: string }): string {
  const date = problem.date ? formatStatementDate(calendarDateIn(new Date(problem.date), "Europe/Paris"), locale) : undefined;
  return SELF_SERVICE_TEXTS[locale].problem(problem.field, problem.kind, { filename: problem.filename, value: problem.value, date });
}

/** A calendar day with its weekday, e.g. "lundi 15 mars", "maandag 15 maart", "Monday 15 March". */
export function formatWeekday(date: string, locale: Locale): string {
  const tag = { fr: "fr-FR", nl: "nl-BE", en: "en-GB" }[locale];
  return new Intl.DateTimeFormat(tag, { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`));
}

/** An instant in the agency's zone, e.g. "15 mars 2027, 09:42". */
export function formatMoment(iso: string, locale: Locale): string {
  const tag = { fr: "fr-FR", nl: "nl-BE", en: "en-GB" }[locale];
  return new Intl.DateTimeFormat(tag, { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" }).format(new Date(iso));
}
