/**
 * Texts of the payment pages (`/case/pay`, the demo checkout, `/case/pay/done`, automatic collection
 * `/case/pay/automatic` and its demo setup page) in every portal language. Tone: a customer settling an account — thank them, say plainly what happens next, never
 * hurry or threaten.
 */
import type { Locale } from "./index.ts";

export interface PaymentTexts {
  metaTitle: string;
  title: string;
  intro: (reference: string) => string;
  balance: string;
  backToFile: string;
  nothingDue: string;
  form: {
    legend: string;
    full: (amount: string) => string;
    fullHint: string;
    other: string;
    amountLabel: (currency: string) => string;
    amountHint: (minimum: string, balance: string) => string;
    submit: string;
    methods: (methods: string) => string;
    secure: string;
    demoNotice: string;
  };
  errors: {
    title: string;
    amountMissing: string;
    amountInvalid: string;
    belowMinimum: (minimum: string) => string;
    aboveBalance: (balance: string) => string;
    nothingDue: string;
    unavailable: string;
    instalmentSettled: string;
  };
  methodNames: Record<string, string>;
  /** The running plan's next instalment, offered first on the pay page. */
  instalment: {
    title: string;
    next: (amount: string, date: string) => string;
    overdue: (amount: string, date: string) => string;
    hintUpcoming: string;
    hintOverdue: (date: string) => string;
    hintSeveral: (count: number) => string;
  };
  /** Automatic collection of the plan's instalments from a saved card or SEPA mandate. */
  automatic: {
    title: string;
    intro: (methods: string) => string;
    /** Joins the last two method names in `intro`. */
    or: string;
    start: string;
    startHint: string;
    demoHint: string;
    active: (label: string) => string;
    next: (amount: string, date: string) => string;
    nextOverdue: (amount: string, date: string) => string;
    refused: (date: string) => string;
    change: string;
    stop: string;
    stopHint: string;
    stopped: string;
    methodNames: Record<string, string>;
    errors: { title: string; noPlan: string; nothingDue: string; unavailable: string; methodInvalid: string };
    page: {
      metaTitle: string;
      confirmingTitle: string;
      confirmingBody: string;
      refresh: string;
      savedTitle: string;
      savedBody: (label: string) => string;
      notSavedTitle: string;
      notSavedBody: string;
      stoppedTitle: string;
      stoppedBody: string;
      none: string;
      backToPay: string;
    };
  };
  demoSetup: {
    metaTitle: string;
    title: string;
    badge: string;
    notice: string;
    summary: string;
    reference: string;
    saveCard: (label: string) => string;
    saveSepa: (label: string) => string;
    cancel: string;
  };
  demo: {
    metaTitle: string;
    title: string;
    badge: string;
    notice: string;
    summary: string;
    amount: string;
    reference: string;
    pay: (amount: string) => string;
    cancel: string;
  };
  done: {
    metaTitle: string;
    confirmingTitle: string;
    confirmingBody: string;
    confirmingRefresh: string;
    refresh: string;
    failedTitle: string;
    failedBody: string;
    tryAgain: string;
    paidTitle: string;
    paidBody: (amount: string) => string;
    closedBody: string;
    remainingBody: (balance: string) => string;
    receipt: string;
    backToFile: string;
  };
}

export const PAYMENT_TEXTS: Record<Locale, PaymentTexts> = {
  fr: {
    metaTitle: "Payer en ligne",
    title: "Payer en ligne",
    intro: (reference) => `Vous pouvez régler tout ou partie du solde du dossier ${reference}. Chaque paiement est déduit tout de suite de ce que vous devez.`,
    balance: "Solde à ce jour",
    backToFile: "Retour à mon dossier",
    nothingDue: "Il n'y a plus rien à payer sur ce dossier. Merci !",
    form: {
      legend: "Combien souhaitez-vous payer ?",
      full: (amount) => `Payer le solde complet : ${amount}`,
      fullHint: "Le dossier sera clôturé dès la confirmation du paiement.",
      other: "Un autre montant",
      amountLabel: (currency) => `Montant (${currency})`,
      amountHint: (minimum, balance) => `Entre ${minimum} et ${balance}, par exemple 150,00.`,
      submit: "Continuer vers le paiement",
      methods: (methods) => `Moyens de paiement : ${methods}.`,
      secure: "Le paiement se fait sur la page sécurisée de Stripe, notre prestataire de paiement. Nous ne voyons jamais vos données de carte.",
      demoNotice: "Démonstration : aucun paiement réel n'est effectué sur ce portail.",
    },
    errors: {
      title: "Le paiement n'a pas pu commencer",
      amountMissing: "Indiquez le montant que vous souhaitez payer.",
      amountInvalid: "Indiquez un montant en chiffres, par exemple 150,00.",
      belowMinimum: (minimum) => `Le montant minimum pour un paiement en ligne est de ${minimum}.`,
      aboveBalance: (balance) => `Le montant dépasse le solde de ${balance}. Indiquez ${balance} au plus.`,
      nothingDue: "Il n'y a plus rien à payer sur ce dossier.",
      unavailable: "Le paiement en ligne est momentanément indisponible. Réessayez dans quelques minutes ; rien n'a été débité.",
      instalmentSettled: "Cette échéance vient d'être réglée. Vous pouvez choisir un autre montant.",
    },
    methodNames: { card: "carte bancaire", sepa_debit: "domiciliation SEPA", bancontact: "Bancontact", ideal: "iDEAL" },
    instalment: {
      title: "Votre plan de paiement",
      next: (amount, date) => `Payer la prochaine échéance : ${amount} due le ${date}`,
      overdue: (amount, date) => `Payer les échéances en retard : ${amount} (dues depuis le ${date})`,
      hintUpcoming: "Votre plan de paiement reste à jour.",
      hintOverdue: (date) => `Cette échéance était due le ${date}. La payer maintenant remet votre plan à jour.`,
      hintSeveral: (count) => `${count} échéances sont en retard. Les payer maintenant remet votre plan à jour.`,
    },
    automatic: {
      title: "Prélèvement automatique des échéances",
      intro: (methods) => `Plutôt que de payer chaque échéance vous-même, vous pouvez la faire prélever automatiquement à sa date, par ${methods}. Vous pouvez arrêter à tout moment.`,
      or: " ou ",
      start: "Faire prélever mes échéances automatiquement",
      startHint: "Vous enregistrez votre carte ou signez le mandat sur la page sécurisée de Stripe. Rien n'est débité avant la date d'une échéance.",
      demoHint: "Démonstration : aucune carte ni aucun mandat réel n'est enregistré.",
      active: (label) => `Vos échéances sont prélevées automatiquement sur ${label}.`,
      next: (amount, date) => `Prochain prélèvement : ${amount} le ${date}.`,
      nextOverdue: (amount, date) => `Prochain prélèvement : ${amount}, pour l'échéance qui était due le ${date}.`,
      refused: (date) => `Le dernier prélèvement (échéance du ${date}) n'a pas abouti. Nous réessaierons dans quelques jours ; vous pouvez aussi payer cette échéance ci-dessus.`,
      change: "Utiliser une autre carte ou un autre compte",
      stop: "Arrêter le prélèvement automatique",
      stopHint: "Vos échéances restent dues à leurs dates ; vous pourrez les payer ici.",
      stopped: "Le prélèvement automatique est arrêté. Vos échéances restent dues à leurs dates et vous pouvez les payer sur cette page.",
      methodNames: { card: "carte bancaire", sepa_debit: "domiciliation SEPA" },
      errors: {
        title: "Le prélèvement automatique n'a pas pu être mis en place",
        noPlan: "Le prélèvement automatique est réservé aux plans de paiement en cours, et toutes les échéances de ce dossier sont réglées ou il n'y a pas de plan.",
        nothingDue: "Il n'y a plus rien à payer sur ce dossier.",
        unavailable: "Le service est momentanément indisponible. Réessayez dans quelques minutes ; rien n'a été enregistré.",
        methodInvalid: "Choisissez une carte ou un mandat de démonstration.",
      },
      page: {
        metaTitle: "Prélèvement automatique",
        confirmingTitle: "Nous confirmons votre carte ou votre mandat",
        confirmingBody: "Notre prestataire de paiement nous le confirme en général en quelques secondes. Vous n'avez rien d'autre à faire.",
        refresh: "Actualiser maintenant",
        savedTitle: "Le prélèvement automatique est en place",
        savedBody: (label) => `Vos échéances seront prélevées sur ${label} à leurs dates. Un reçu vous est envoyé par e-mail après chaque prélèvement.`,
        notSavedTitle: "Le prélèvement automatique n'a pas été mis en place",
        notSavedBody: "Votre plan de paiement a pris fin entre-temps : il n'y a plus d'échéance à prélever. Rien n'a été débité.",
        stoppedTitle: "Cette carte ou ce mandat n'est plus utilisé",
        stoppedBody: "Il a été remplacé ou le prélèvement automatique a été arrêté.",
        none: "Aucun prélèvement automatique n'est en place sur ce dossier.",
        backToPay: "Retour au paiement",
      },
    },
    demoSetup: {
      metaTitle: "Prélèvement automatique de démonstration",
      title: "Enregistrer un moyen de paiement (démonstration)",
      badge: "Démonstration",
      notice: "Cette page remplace Stripe tant que le portail n'est pas relié à un compte de paiement. Aucun numéro de carte ni IBAN n'est demandé, rien n'est enregistré auprès d'une banque et aucun argent ne circulera.",
      summary: "Dossier",
      reference: "Référence",
      saveCard: (label) => `Enregistrer la carte de démonstration (${label})`,
      saveSepa: (label) => `Signer le mandat SEPA de démonstration (${label})`,
      cancel: "Annuler et revenir",
    },
    demo: {
      metaTitle: "Paiement de démonstration",
      title: "Paiement de démonstration",
      badge: "Démonstration",
      notice: "Cette page remplace Stripe tant que le portail n'est pas relié à un compte de paiement. Aucune donnée de carte n'est demandée et aucun argent ne circule.",
      summary: "Récapitulatif",
      amount: "Montant",
      reference: "Dossier",
      pay: (amount) => `Payer ${amount} (démonstration)`,
      cancel: "Annuler et revenir",
    },
    done: {
      metaTitle: "Confirmation du paiement",
      confirmingTitle: "Nous confirmons votre paiement",
      confirmingBody: "Votre banque ou notre prestataire de paiement nous confirme le paiement en général en quelques secondes (quelques jours ouvrables pour une domiciliation SEPA). Vous n'avez rien d'autre à faire.",
      confirmingRefresh: "Cette page se met à jour d'elle-même dans quelques secondes. Sinon, actualisez-la avec le lien ci-dessous.",
      refresh: "Actualiser maintenant",
      failedTitle: "Le paiement n'a pas abouti",
      failedBody: "Votre banque n'a pas accepté la domiciliation. Aucun montant n'a été prélevé et votre solde n'a pas changé. Vous pouvez réessayer, avec un autre moyen de paiement si vous le souhaitez.",
      tryAgain: "Réessayer le paiement",
      paidTitle: "Merci, votre paiement est bien reçu",
      paidBody: (amount) => `Nous avons enregistré votre paiement de ${amount}.`,
      closedBody: "Votre dossier est soldé et clôturé. Il n'y a plus rien à payer.",
      remainingBody: (balance) => `Solde restant : ${balance}.`,
      receipt: "Un reçu vous est envoyé par e-mail si nous avons votre adresse.",
      backToFile: "Retour à mon dossier",
    },
  },
  nl: {
    metaTitle: "Online betalen",
    title: "Online betalen",
    intro: (reference) => `U kunt het saldo van dossier ${reference} geheel of gedeeltelijk betalen. Elke betaling gaat meteen af van wat u verschuldigd bent.`,
    balance: "Saldo vandaag",
    backToFile: "Terug naar mijn dossier",
    nothingDue: "Er valt op dit dossier niets meer te betalen. Dank u!",
    form: {
      legend: "Hoeveel wilt u betalen?",
      full: (amount) => `Het volledige saldo betalen: ${amount}`,
      fullHint: "Het dossier wordt afgesloten zodra de betaling bevestigd is.",
      other: "Een ander bedrag",
      amountLabel: (currency) => `Bedrag (${currency})`,
      amountHint: (minimum, balance) => `Tussen ${minimum} en ${balance}, bijvoorbeeld 150,00.`,
      submit: "Verder naar betalen",
      methods: (methods) => `Betaalmethoden: ${methods}.`,
      secure: "U betaalt op de beveiligde pagina van Stripe, onze betaaldienst. Wij zien uw kaartgegevens nooit.",
      demoNotice: "Demonstratie: op dit portaal worden geen echte betalingen uitgevoerd.",
    },
    errors: {
      title: "De betaling kon niet starten",
      amountMissing: "Vul het bedrag in dat u wilt betalen.",
      amountInvalid: "Vul een bedrag in cijfers in, bijvoorbeeld 150,00.",
      belowMinimum: (minimum) => `Het kleinste bedrag voor een online betaling is ${minimum}.`,
      aboveBalance: (balance) => `Het bedrag is hoger dan het saldo van ${balance}. Vul hoogstens ${balance} in.`,
      nothingDue: "Er valt op dit dossier niets meer te betalen.",
      unavailable: "Online betalen is even niet beschikbaar. Probeer het over enkele minuten opnieuw; er is niets afgeschreven.",
      instalmentSettled: "Deze afbetaling is net betaald. U kunt een ander bedrag kiezen.",
    },
    methodNames: { card: "bankkaart", sepa_debit: "SEPA-domiciliëring", bancontact: "Bancontact", ideal: "iDEAL" },
    instalment: {
      title: "Uw afbetalingsplan",
      next: (amount, date) => `De volgende afbetaling betalen: ${amount} te betalen op ${date}`,
      overdue: (amount, date) => `De achterstallige afbetalingen betalen: ${amount} (te betalen sinds ${date})`,
      hintUpcoming: "Uw afbetalingsplan blijft bij.",
      hintOverdue: (date) => `Deze afbetaling was te betalen op ${date}. Door ze nu te betalen is uw plan weer bij.`,
      hintSeveral: (count) => `${count} afbetalingen zijn achterstallig. Door ze nu te betalen is uw plan weer bij.`,
    },
    automatic: {
      title: "Automatische inning van de afbetalingen",
      intro: (methods) => `In plaats van elke afbetaling zelf te betalen, kunt u ze automatisch laten innen op hun vervaldag, via ${methods}. U kunt op elk moment stoppen.`,
      or: " of ",
      start: "Mijn afbetalingen automatisch laten innen",
      startHint: "U registreert uw kaart of ondertekent het mandaat op de beveiligde pagina van Stripe. Er wordt niets afgeschreven vóór de vervaldag van een afbetaling.",
      demoHint: "Demonstratie: er wordt geen echte kaart of echt mandaat geregistreerd.",
      active: (label) => `Uw afbetalingen worden automatisch geïnd via ${label}.`,
      next: (amount, date) => `Volgende inning: ${amount} op ${date}.`,
      nextOverdue: (amount, date) => `Volgende inning: ${amount}, voor de afbetaling die op ${date} te betalen was.`,
      refused: (date) => `De laatste inning (afbetaling van ${date}) is niet gelukt. We proberen het over enkele dagen opnieuw; u kunt deze afbetaling ook hierboven betalen.`,
      change: "Een andere kaart of rekening gebruiken",
      stop: "De automatische inning stoppen",
      stopHint: "Uw afbetalingen blijven op hun vervaldag verschuldigd; u kunt ze hier betalen.",
      stopped: "De automatische inning is gestopt. Uw afbetalingen blijven op hun vervaldag verschuldigd en u kunt ze op deze pagina betalen.",
      methodNames: { card: "bankkaart", sepa_debit: "SEPA-domiciliëring" },
      errors: {
        title: "De automatische inning kon niet worden ingesteld",
        noPlan: "Automatische inning is er alleen voor een lopend afbetalingsplan, en op dit dossier is er geen plan of zijn alle afbetalingen betaald.",
        nothingDue: "Er valt op dit dossier niets meer te betalen.",
        unavailable: "De dienst is even niet beschikbaar. Probeer het over enkele minuten opnieuw; er is niets geregistreerd.",
        methodInvalid: "Kies een demonstratiekaart of -mandaat.",
      },
      page: {
        metaTitle: "Automatische inning",
        confirmingTitle: "We bevestigen uw kaart of mandaat",
        confirmingBody: "Onze betaaldienst bevestigt dat meestal binnen enkele seconden. U hoeft verder niets te doen.",
        refresh: "Nu vernieuwen",
        savedTitle: "De automatische inning is ingesteld",
        savedBody: (label) => `Uw afbetalingen worden op hun vervaldag geïnd via ${label}. Na elke inning krijgt u een betalingsbewijs per e-mail.`,
        notSavedTitle: "De automatische inning is niet ingesteld",
        notSavedBody: "Uw afbetalingsplan is intussen beëindigd: er valt geen afbetaling meer te innen. Er is niets afgeschreven.",
        stoppedTitle: "Deze kaart of dit mandaat wordt niet meer gebruikt",
        stoppedBody: "Het werd vervangen of de automatische inning werd gestopt.",
        none: "Op dit dossier is geen automatische inning ingesteld.",
        backToPay: "Terug naar betalen",
      },
    },
    demoSetup: {
      metaTitle: "Automatische inning (demonstratie)",
      title: "Een betaalmiddel registreren (demonstratie)",
      badge: "Demonstratie",
      notice: "Deze pagina vervangt Stripe zolang het portaal niet aan een betaalaccount gekoppeld is. Er wordt geen kaartnummer of IBAN gevraagd, er wordt niets bij een bank geregistreerd en er zal geen geld worden overgemaakt.",
      summary: "Dossier",
      reference: "Referentie",
      saveCard: (label) => `De demonstratiekaart registreren (${label})`,
      saveSepa: (label) => `Het SEPA-demonstratiemandaat ondertekenen (${label})`,
      cancel: "Annuleren en teruggaan",
    },
    demo: {
      metaTitle: "Demonstratiebetaling",
      title: "Demonstratiebetaling",
      badge: "Demonstratie",
      notice: "Deze pagina vervangt Stripe zolang het portaal niet aan een betaalaccount gekoppeld is. Er worden geen kaartgegevens gevraagd en er wordt geen geld overgemaakt.",
      summary: "Overzicht",
      amount: "Bedrag",
      reference: "Dossier",
      pay: (amount) => `${amount} betalen (demonstratie)`,
      cancel: "Annuleren en teruggaan",
    },
    done: {
      metaTitle: "Bevestiging van de betaling",
      confirmingTitle: "We bevestigen uw betaling",
      confirmingBody: "Uw bank of onze betaaldienst bevestigt de betaling meestal binnen enkele seconden (enkele werkdagen voor een SEPA-domiciliëring). U hoeft verder niets te doen.",
      confirmingRefresh: "Deze pagina werkt zichzelf binnen enkele seconden bij. Gebeurt dat niet, vernieuw ze dan met de link hieronder.",
      refresh: "Nu vernieuwen",
      failedTitle: "De betaling is niet gelukt",
      failedBody: "Uw bank heeft de domiciliëring niet aanvaard. Er is niets afgeschreven en uw saldo is niet veranderd. U kunt het opnieuw proberen, eventueel met een andere betaalmethode.",
      tryAgain: "Opnieuw proberen te betalen",
      paidTitle: "Bedankt, uw betaling is ontvangen",
      paidBody: (amount) => `We hebben uw betaling van ${amount} geregistreerd.`,
      closedBody: "Uw dossier is volledig betaald en afgesloten. U hoeft niets meer te betalen.",
      remainingBody: (balance) => `Resterend saldo: ${balance}.`,
      receipt: "U krijgt een betalingsbewijs per e-mail als we uw adres hebben.",
      backToFile: "Terug naar mijn dossier",
    },
  },
  en: {
    metaTitle: "Pay online",
    title: "Pay online",
    intro: (reference) => `You can pay all or part of the balance of file ${reference}. Every payment is taken off what you owe straight away.`,
    balance: "Balance today",
    backToFile: "Back to my file",
    nothingDue: "There is nothing left to pay on this file. Thank you!",
    form: {
      legend: "How much would you like to pay?",
      full: (amount) => `Pay the full balance: ${amount}`,
      fullHint: "The file is closed as soon as the payment is confirmed.",
      other: "Another amount",
      amountLabel: (currency) => `Amount (${currency})`,
      amountHint: (minimum, balance) => `Between ${minimum} and ${balance}, for example 150.00.`,
      submit: "Continue to payment",
      methods: (methods) => `Payment methods: ${methods}.`,
      secure: "You pay on the secure page of Stripe, our payment provider. We never see your card details.",
      demoNotice: "Demonstration: no real payment is taken on this portal.",
    },
    errors: {
      title: "The payment could not start",
      amountMissing: "Enter the amount you would like to pay.",
      amountInvalid: "Enter an amount in figures, for example 150.00.",
      belowMinimum: (minimum) => `The smallest amount that can be paid online is ${minimum}.`,
      aboveBalance: (balance) => `The amount is more than the balance of ${balance}. Enter ${balance} at most.`,
      nothingDue: "There is nothing left to pay on this file.",
      unavailable: "Online payment is unavailable for a moment. Please try again in a few minutes; nothing was charged.",
      instalmentSettled: "This instalment has just been paid. You can choose another amount.",
    },
    methodNames: { card: "card", sepa_debit: "SEPA Direct Debit", bancontact: "Bancontact", ideal: "iDEAL" },
    instalment: {
      title: "Your payment plan",
      next: (amount, date) => `Pay the next instalment: ${amount} due ${date}`,
      overdue: (amount, date) => `Pay the overdue instalments: ${amount} (due since ${date})`,
      hintUpcoming: "Your payment plan stays up to date.",
      hintOverdue: (date) => `This instalment was due on ${date}. Paying it now brings your plan back up to date.`,
      hintSeveral: (count) => `${count} instalments are overdue. Paying them now brings your plan back up to date.`,
    },
    automatic: {
      title: "Automatic collection of your instalments",
      intro: (methods) => `Rather than paying each instalment yourself, you can have it collected automatically on its due date, by ${methods}. You can stop at any time.`,
      or: " or ",
      start: "Have instalments collected automatically",
      startHint: "You save your card or sign the mandate on Stripe's secure page. Nothing is taken before an instalment falls due.",
      demoHint: "Demonstration: no real card or mandate is saved.",
      active: (label) => `Your instalments are collected automatically from ${label}.`,
      next: (amount, date) => `Next collection: ${amount} on ${date}.`,
      nextOverdue: (amount, date) => `Next collection: ${amount}, for the instalment that was due on ${date}.`,
      refused: (date) => `The last collection (instalment due ${date}) did not go through. We will try again in a few days; you can also pay this instalment above.`,
      change: "Use another card or account",
      stop: "Stop automatic collection",
      stopHint: "Your instalments stay due on their dates; you can pay them here.",
      stopped: "Automatic collection is stopped. Your instalments stay due on their dates and you can pay them on this page.",
      methodNames: { card: "card", sepa_debit: "SEPA Direct Debit" },
      errors: {
        title: "Automatic collection could not be set up",
        noPlan: "Automatic collection is for a running payment plan, and this file has none or every instalment is paid.",
        nothingDue: "There is nothing left to pay on this file.",
        unavailable: "The service is unavailable for a moment. Please try again in a few minutes; nothing was saved.",
        methodInvalid: "Choose a demonstration card or mandate.",
      },
      page: {
        metaTitle: "Automatic collection",
        confirmingTitle: "We are confirming your card or mandate",
        confirmingBody: "Our payment provider usually confirms it to us within a few seconds. There is nothing else you need to do.",
        refresh: "Refresh now",
        savedTitle: "Automatic collection is set up",
        savedBody: (label) => `Your instalments will be collected from ${label} on their due dates. A receipt is emailed to you after each collection.`,
        notSavedTitle: "Automatic collection was not set up",
        notSavedBody: "Your payment plan ended in the meantime, so there is no instalment left to collect. Nothing was taken.",
        stoppedTitle: "This card or mandate is no longer used",
        stoppedBody: "It was replaced, or automatic collection was stopped.",
        none: "No automatic collection is set up on this file.",
        backToPay: "Back to payment",
      },
    },
    demoSetup: {
      metaTitle: "Demonstration automatic collection",
      title: "Save a payment method (demonstration)",
      badge: "Demonstration",
      notice: "This page stands in for Stripe while the portal is not connected to a payment account. No card number or IBAN is asked for, nothing is saved with a bank and no money will move.",
      summary: "File",
      reference: "Reference",
      saveCard: (label) => `Save the demonstration card (${label})`,
      saveSepa: (label) => `Sign the demonstration SEPA mandate (${label})`,
      cancel: "Cancel and go back",
    },
    demo: {
      metaTitle: "Demonstration payment",
      title: "Demonstration payment",
      badge: "Demonstration",
      notice: "This page stands in for Stripe while the portal is not connected to a payment account. No card details are asked for and no money moves.",
      summary: "Summary",
      amount: "Amount",
      reference: "File",
      pay: (amount) => `Pay ${amount} (demonstration)`,
      cancel: "Cancel and go back",
    },
    done: {
      metaTitle: "Payment confirmation",
      confirmingTitle: "We are confirming your payment",
      confirmingBody: "Your bank or our payment provider usually confirms the payment to us within a few seconds (a few working days for a SEPA Direct Debit). There is nothing else you need to do.",
      confirmingRefresh: "This page updates by itself within a few seconds. If it does not, refresh it with the link below.",
      refresh: "Refresh now",
      failedTitle: "The payment did not go through",
      failedBody: "Your bank did not accept the direct debit. Nothing was taken and your balance has not changed. You can try again, with another payment method if you prefer.",
      tryAgain: "Try paying again",
      paidTitle: "Thank you, your payment has been received",
      paidBody: (amount) => `We have recorded your payment of ${amount}.`,
      closedBody: "Your file is paid in full and closed. Nothing more is owed.",
      remainingBody: (balance) => `Remaining balance: ${balance}.`,
      receipt: "A receipt is sent to you by email if we have your address.",
      backToFile: "Back to my file",
    },
  },
};
