/**
 * Texts of the payment pages (`/case/pay`, the demo checkout, `/case/pay/done`) in every portal
 * language. Tone: a customer settling an account — thank them, say plainly what happens next, never
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
  };
  methodNames: Record<string, string>;
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
    },
    methodNames: { card: "carte bancaire", sepa_debit: "domiciliation SEPA", bancontact: "Bancontact", ideal: "iDEAL" },
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
    },
    methodNames: { card: "bankkaart", sepa_debit: "SEPA-domiciliëring", bancontact: "Bancontact", ideal: "iDEAL" },
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
    },
    methodNames: { card: "card", sepa_debit: "SEPA Direct Debit", bancontact: "Bancontact", ideal: "iDEAL" },
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
