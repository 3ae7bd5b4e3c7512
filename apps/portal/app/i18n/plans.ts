/**
 * Texts of the payment plan pages (`/case/plan`, `/case/plan/done`) and the settlement request
 * (`/case/settlement`) in every portal language. Tone: working something out together — say what is
 * possible, why when it is not, and what happens next; never pressure.
 */
import type { DebtorProposalUnavailable } from "@recouvra/core";
import type { DebtorProposalProblem, PolicyReasonCode } from "@recouvra/domain";
import type { Locale } from "./index.ts";

export interface PlanTexts {
  metaTitle: string;
  title: string;
  intro: (balance: string) => string;
  balance: string;
  backToFile: string;
  form: {
    title: string;
    legend: string;
    modeAmount: string;
    amountLabel: (currency: string) => string;
    amountHint: (minimum: string) => string;
    modeCount: string;
    countLabel: string;
    countHint: (maximum: number) => string;
    firstDueOnLabel: string;
    firstDueOnHint: string;
    submit: string;
    settlementLink: string;
    settlementHint: string;
  };
  errors: {
    title: string;
    mode: string;
    amountMissing: string;
    amountInvalid: string;
    amountNotPositive: string;
    amountTooSmall: (minimum: string) => string;
    countMissing: string;
    countInvalid: string;
    countTooHigh: (maximum: number) => string;
    dateMissing: string;
    dateInvalid: string;
    dateInPast: string;
    dateTooLate: (latest: string) => string;
    acknowledge: string;
    offerChanged: string;
    offerGone: string;
  };
  offer: {
    acceptTitle: string;
    acceptIntro: string;
    counterTitle: string;
    counterIntro: string;
    reasonsLabel: string;
    reasons: Record<PolicyReasonCode, string>;
    scheduleCaption: string;
    seq: string;
    dueOn: string;
    amount: string;
    downPayment: string;
    total: string;
    summary: (count: number, first: string, last: string) => string;
    ackTitle: string;
    ackIntro: string;
    acknowledgeLabel: string;
    accept: string;
    referTitle: string;
    referHint: string;
    refer: string;
    changeProposal: string;
  };
  referred: { title: string; body: (date: string) => string; next: string };
  waiting: { title: string; planBody: (date: string) => string; settlementBody: (amount: string, date: string) => string };
  existing: { title: string; body: string; view: string };
  unavailable: Record<DebtorProposalUnavailable, string>;
  done: {
    metaTitle: string;
    title: string;
    body: (total: string, count: number) => string;
    first: (amount: string, date: string) => string;
    agreement: string;
    agreementHint: string;
    payFirst: string;
    nextSteps: string;
    email: string;
    scheduleCaption: string;
    backToFile: string;
  };
  settlement: {
    metaTitle: string;
    title: string;
    intro: string;
    how: string;
    amountLabel: (currency: string) => string;
    amountHint: (balance: string) => string;
    payOnLabel: string;
    payOnHint: string;
    messageLabel: string;
    messageHint: (maximum: number) => string;
    submit: string;
    sentTitle: string;
    sentBody: (date: string) => string;
    toPlan: string;
    errors: {
      amountMissing: string;
      amountNotBelowBalance: (balance: string) => string;
      dateMissing: string;
      dateInPast: string;
      messageTooLong: (maximum: number) => string;
    };
  };
}

export const PLAN_TEXTS: Record<Locale, PlanTexts> = {
  fr: {
    metaTitle: "Proposer un échéancier",
    title: "Proposer un échéancier",
    intro: (balance) => `Vous ne pouvez pas régler ${balance} en une fois ? Dites-nous ce que vous pouvez payer chaque mois : vous avez la réponse tout de suite, dans la plupart des cas.`,
    balance: "Solde à ce jour",
    backToFile: "Retour à mon dossier",
    form: {
      title: "Votre proposition",
      legend: "Comment souhaitez-vous payer ?",
      modeAmount: "Un montant par mois",
      amountLabel: (currency) => `Montant mensuel (${currency})`,
      amountHint: (minimum) => `Par exemple 50,00. Au moins ${minimum}.`,
      modeCount: "Un nombre de paiements mensuels",
      countLabel: "Nombre de mensualités",
      countHint: (maximum) => `Entre 1 et ${maximum}.`,
      firstDueOnLabel: "Date du premier paiement",
      firstDueOnHint: "Les paiements suivants tombent le même jour chaque mois.",
      submit: "Proposer cet échéancier",
      settlementLink: "Demander un règlement transactionnel",
      settlementHint: "Vous pouvez payer une partie de la somme en une fois, pour solde de tout compte ?",
    },
    errors: {
      title: "Votre proposition n'a pas pu être examinée",
      mode: "Choisissez un montant par mois ou un nombre de mensualités.",
      amountMissing: "Indiquez le montant que vous pouvez payer chaque mois.",
      amountInvalid: "Indiquez un montant en chiffres, par exemple 50,00.",
      amountNotPositive: "Le montant doit être supérieur à zéro.",
      amountTooSmall: (minimum) => `Avec ce montant, l'échéancier durerait plus de dix ans. Indiquez au moins ${minimum} par mois.`,
      countMissing: "Indiquez le nombre de mensualités.",
      countInvalid: "Indiquez un nombre entier de mensualités, par exemple 6.",
      countTooHigh: (maximum) => `Un échéancier compte au plus ${maximum} mensualités.`,
      dateMissing: "Choisissez la date du premier paiement.",
      dateInvalid: "Indiquez une date valide.",
      dateInPast: "La date du premier paiement ne peut pas être passée.",
      dateTooLate: (latest) => `Choisissez une date au plus tard le ${latest}.`,
      acknowledge: "Cochez la case pour confirmer que vous avez lu la reconnaissance de dette et acceptez l'échéancier.",
      offerChanged: "Votre dossier a changé entre-temps : voici l'échéancier mis à jour. Relisez-le avant de l'accepter.",
      offerGone: "Cet échéancier n'est plus disponible. Faites une nouvelle proposition.",
    },
    offer: {
      acceptTitle: "Votre échéancier est accepté",
      acceptIntro: "Voici chaque paiement, avec sa date. Il ne vous reste qu'à confirmer.",
      counterTitle: "Nous ne pouvons pas accepter cet échéancier, mais nous pouvons vous proposer celui-ci :",
      counterIntro: "C'est l'échéancier le plus proche de votre proposition que le créancier nous permet d'accepter tout de suite.",
      reasonsLabel: "Pourquoi votre proposition n'est pas possible telle quelle :",
      reasons: {
        first_payment_in_past: "la date du premier paiement est passée",
        first_payment_too_late: "le premier paiement arrive plus tard que ce que le créancier accepte",
        down_payment_too_low: "le créancier demande un premier versement plus important",
        instalment_too_low: "une mensualité est inférieure au minimum accepté",
        too_many_instalments: "l'échéancier compte plus de mensualités que le créancier n'en accepte",
        plan_too_long: "l'échéancier dure plus longtemps que ce que le créancier accepte",
        total_mismatch: "les paiements ne couvrent pas exactement le solde",
        balance_above_auto_limit: "pour ce montant, votre gestionnaire de dossier examine chaque proposition",
        settlement_requires_approval: "un règlement transactionnel est toujours examiné par une personne",
        settlement_discount_exceeds_policy: "la réduction demandée doit être décidée par le créancier",
      },
      scheduleCaption: "Échéancier : chaque paiement et sa date",
      seq: "N°",
      dueOn: "Date",
      amount: "Montant",
      downPayment: "premier versement",
      total: "Total",
      summary: (count, first, last) => (count === 1 ? `Un seul paiement, le ${first}.` : `${count} paiements, du ${first} au ${last}.`),
      ackTitle: "Reconnaissance de dette",
      ackIntro: "En acceptant l'échéancier, vous confirmez le texte suivant. Il est conservé tel quel et figure dans l'accord que vous recevez.",
      acknowledgeLabel: "J'ai lu la reconnaissance de dette ci-dessus et j'accepte cet échéancier.",
      accept: "Accepter cet échéancier",
      referTitle: "Cet échéancier ne vous convient pas ?",
      referHint: "Vous pouvez envoyer votre propre proposition à votre gestionnaire de dossier, qui l'examinera personnellement.",
      refer: "Envoyer ma proposition à mon gestionnaire",
      changeProposal: "Modifier ma proposition",
    },
    referred: {
      title: "Votre proposition est transmise",
      body: (date) => `Votre proposition a été transmise à votre gestionnaire de dossier ; vous aurez une réponse au plus tard le ${date}.`,
      next: "Vous recevrez la réponse par e-mail ou par téléphone. En attendant, vous pouvez toujours effectuer un paiement.",
    },
    waiting: {
      title: "Une proposition est en cours d'examen",
      planBody: (date) => `Votre gestionnaire de dossier examine votre proposition d'échéancier ; vous aurez une réponse au plus tard le ${date}.`,
      settlementBody: (amount, date) => `Votre demande de règlement de ${amount} est en cours d'examen ; vous aurez une réponse au plus tard le ${date}.`,
    },
    existing: {
      title: "Vous avez déjà un échéancier",
      body: "Un échéancier est en cours sur ce dossier. Vous retrouvez chaque paiement et votre accord ci-dessous.",
      view: "Voir mon échéancier",
    },
    unavailable: {
      closed: "Ce dossier est clôturé : il n'y a plus rien à organiser.",
      nothing_due: "Il n'y a plus rien à payer sur ce dossier.",
      disputed: "Votre dossier est en pause le temps d'examiner votre contestation. Votre gestionnaire de dossier vous recontactera.",
      on_hold: "Votre dossier est suivi personnellement par votre gestionnaire. Contactez-le pour convenir d'un échéancier.",
      commitment_running: "Un échéancier ou un règlement est déjà convenu sur ce dossier.",
      proposal_waiting: "Une proposition est déjà en cours d'examen sur ce dossier.",
      not_yet: "Un échéancier ne peut pas encore être mis en place en ligne sur ce dossier. Contactez votre gestionnaire de dossier.",
    },
    done: {
      metaTitle: "Échéancier accepté",
      title: "Merci, votre échéancier est en place",
      body: (total, count) => `Vous réglez ${total} en ${count} paiements.`,
      first: (amount, date) => `Premier paiement : ${amount} le ${date}.`,
      agreement: "Télécharger l'accord d'échéancier (PDF)",
      agreementHint: "Il reprend la reconnaissance de dette et chaque paiement. Il figure aussi parmi les documents de votre dossier.",
      payFirst: "Payer la première échéance",
      nextSteps: "Et maintenant",
      email: "Une confirmation vous est envoyée par e-mail si nous avons votre adresse.",
      scheduleCaption: "Votre échéancier",
      backToFile: "Retour à mon dossier",
    },
    settlement: {
      metaTitle: "Demander un règlement",
      title: "Demander un règlement transactionnel",
      intro: "Si vous pouvez payer une partie de la somme en une fois, vous pouvez proposer ce montant pour solde de tout compte.",
      how: "Un règlement est toujours examiné par une personne : votre gestionnaire de dossier ou le créancier. Vous recevez une réponse dans les deux jours ouvrables.",
      amountLabel: (currency) => `Montant que vous proposez (${currency})`,
      amountHint: (balance) => `Moins que le solde de ${balance}.`,
      payOnLabel: "Date à laquelle vous paieriez",
      payOnHint: "Le jour où vous pourriez verser ce montant.",
      messageLabel: "Message pour votre gestionnaire (facultatif)",
      messageHint: (maximum) => `Expliquez votre situation si vous le souhaitez (${maximum} caractères au plus).`,
      submit: "Envoyer ma demande",
      sentTitle: "Votre demande est envoyée",
      sentBody: (date) => `Votre demande de règlement a été transmise à votre gestionnaire de dossier ; vous aurez une réponse au plus tard le ${date}.`,
      toPlan: "Proposer plutôt un échéancier",
      errors: {
        amountMissing: "Indiquez le montant que vous proposez.",
        dateMissing: "Choisissez la date à laquelle vous paieriez.",
        dateInPast: "La date du paiement ne peut pas être passée.",
        amountNotBelowBalance: (balance) => `Un règlement porte sur moins que le solde de ${balance}. Pour tout régler, payez le solde.`,
        messageTooLong: (maximum) => `Votre message dépasse ${maximum} caractères.`,
      },
    },
  },
  nl: {
    metaTitle: "Een betalingsregeling voorstellen",
    title: "Een betalingsregeling voorstellen",
    intro: (balance) => `Kunt u ${balance} niet in één keer betalen? Laat ons weten wat u per maand kunt betalen: meestal krijgt u meteen antwoord.`,
    balance: "Saldo vandaag",
    backToFile: "Terug naar mijn dossier",
    form: {
      title: "Uw voorstel",
      legend: "Hoe wilt u betalen?",
      modeAmount: "Een bedrag per maand",
      amountLabel: (currency) => `Maandbedrag (${currency})`,
      amountHint: (minimum) => `Bijvoorbeeld 50,00. Minstens ${minimum}.`,
      modeCount: "Een aantal maandelijkse termijnen",
      countLabel: "Aantal termijnen",
      countHint: (maximum) => `Tussen 1 en ${maximum}.`,
      firstDueOnLabel: "Datum van de eerste betaling",
      firstDueOnHint: "De volgende betalingen vallen elke maand op dezelfde dag.",
      submit: "Deze regeling voorstellen",
      settlementLink: "Een schikking vragen",
      settlementHint: "Kunt u een deel van het bedrag in één keer betalen, als finale regeling?",
    },
    errors: {
      title: "Uw voorstel kon niet bekeken worden",
      mode: "Kies een bedrag per maand of een aantal termijnen.",
      amountMissing: "Vul in hoeveel u per maand kunt betalen.",
      amountInvalid: "Vul een bedrag in cijfers in, bijvoorbeeld 50,00.",
      amountNotPositive: "Het bedrag moet groter zijn dan nul.",
      amountTooSmall: (minimum) => `Met dit bedrag zou de regeling langer dan tien jaar duren. Vul minstens ${minimum} per maand in.`,
      countMissing: "Vul het aantal termijnen in.",
      countInvalid: "Vul een geheel aantal termijnen in, bijvoorbeeld 6.",
      countTooHigh: (maximum) => `Een regeling telt hoogstens ${maximum} termijnen.`,
      dateMissing: "Kies de datum van de eerste betaling.",
      dateInvalid: "Vul een geldige datum in.",
      dateInPast: "De eerste betaling kan niet in het verleden liggen.",
      dateTooLate: (latest) => `Kies een datum uiterlijk op ${latest}.`,
      acknowledge: "Vink het vakje aan om te bevestigen dat u de schuldbekentenis gelezen hebt en de regeling aanvaardt.",
      offerChanged: "Uw dossier is intussen veranderd: hier is de bijgewerkte regeling. Lees ze opnieuw voordat u ze aanvaardt.",
      offerGone: "Deze regeling is niet meer beschikbaar. Doe een nieuw voorstel.",
    },
    offer: {
      acceptTitle: "Uw regeling is aanvaard",
      acceptIntro: "Hier ziet u elke betaling met haar datum. U hoeft alleen nog te bevestigen.",
      counterTitle: "Dit voorstel kunnen we niet aanvaarden, maar we kunnen u deze regeling aanbieden:",
      counterIntro: "Dit is de regeling die het dichtst bij uw voorstel ligt en die de schuldeiser ons meteen laat aanvaarden.",
      reasonsLabel: "Waarom uw voorstel zo niet kan:",
      reasons: {
        first_payment_in_past: "de eerste betaling ligt in het verleden",
        first_payment_too_late: "de eerste betaling valt later dan de schuldeiser aanvaardt",
        down_payment_too_low: "de schuldeiser vraagt een grotere eerste betaling",
        instalment_too_low: "een termijn is lager dan het minimum",
        too_many_instalments: "de regeling telt meer termijnen dan de schuldeiser aanvaardt",
        plan_too_long: "de regeling duurt langer dan de schuldeiser aanvaardt",
        total_mismatch: "de betalingen dekken het saldo niet precies",
        balance_above_auto_limit: "bij dit bedrag bekijkt uw dossierbeheerder elk voorstel zelf",
        settlement_requires_approval: "een schikking wordt altijd door iemand bekeken",
        settlement_discount_exceeds_policy: "over de gevraagde korting beslist de schuldeiser",
      },
      scheduleCaption: "Afbetalingsplan: elke betaling en haar datum",
      seq: "Nr.",
      dueOn: "Datum",
      amount: "Bedrag",
      downPayment: "eerste betaling",
      total: "Totaal",
      summary: (count, first, last) => (count === 1 ? `Eén betaling, op ${first}.` : `${count} betalingen, van ${first} tot en met ${last}.`),
      ackTitle: "Schuldbekentenis",
      ackIntro: "Door de regeling te aanvaarden, bevestigt u de volgende tekst. Hij wordt ongewijzigd bewaard en staat in de overeenkomst die u ontvangt.",
      acknowledgeLabel: "Ik heb de schuldbekentenis hierboven gelezen en ik aanvaard deze regeling.",
      accept: "Deze regeling aanvaarden",
      referTitle: "Past deze regeling u niet?",
      referHint: "U kunt uw eigen voorstel naar uw dossierbeheerder sturen, die het persoonlijk bekijkt.",
      refer: "Mijn voorstel naar mijn dossierbeheerder sturen",
      changeProposal: "Mijn voorstel aanpassen",
    },
    referred: {
      title: "Uw voorstel is doorgestuurd",
      body: (date) => `Uw voorstel is doorgestuurd naar uw dossierbeheerder; u krijgt uiterlijk op ${date} een antwoord.`,
      next: "U krijgt het antwoord per e-mail of telefoon. Intussen kunt u altijd een betaling doen.",
    },
    waiting: {
      title: "Er wordt een voorstel bekeken",
      planBody: (date) => `Uw dossierbeheerder bekijkt uw voorstel voor een betalingsregeling; u krijgt uiterlijk op ${date} een antwoord.`,
      settlementBody: (amount, date) => `Uw vraag om een schikking van ${amount} wordt bekeken; u krijgt uiterlijk op ${date} een antwoord.`,
    },
    existing: {
      title: "U hebt al een betalingsregeling",
      body: "Op dit dossier loopt een betalingsregeling. Hieronder vindt u elke betaling en uw overeenkomst.",
      view: "Mijn regeling bekijken",
    },
    unavailable: {
      closed: "Dit dossier is afgesloten: er valt niets meer te regelen.",
      nothing_due: "Er valt op dit dossier niets meer te betalen.",
      disputed: "Uw dossier staat stil terwijl uw betwisting bekeken wordt. Uw dossierbeheerder neemt contact met u op.",
      on_hold: "Uw dossier wordt persoonlijk opgevolgd door uw dossierbeheerder. Neem contact op om een regeling af te spreken.",
      commitment_running: "Op dit dossier is al een betalingsregeling of schikking afgesproken.",
      proposal_waiting: "Er wordt op dit dossier al een voorstel bekeken.",
      not_yet: "Voor dit dossier kan nog geen regeling online worden afgesproken. Neem contact op met uw dossierbeheerder.",
    },
    done: {
      metaTitle: "Regeling aanvaard",
      title: "Bedankt, uw betalingsregeling staat klaar",
      body: (total, count) => `U betaalt ${total} in ${count} betalingen.`,
      first: (amount, date) => `Eerste betaling: ${amount} op ${date}.`,
      agreement: "De overeenkomst downloaden (pdf)",
      agreementHint: "Ze bevat de schuldbekentenis en elke betaling. U vindt ze ook bij de documenten van uw dossier.",
      payFirst: "De eerste termijn betalen",
      nextSteps: "Wat nu",
      email: "U krijgt een bevestiging per e-mail als we uw adres hebben.",
      scheduleCaption: "Uw afbetalingsplan",
      backToFile: "Terug naar mijn dossier",
    },
    settlement: {
      metaTitle: "Een schikking vragen",
      title: "Een schikking vragen",
      intro: "Kunt u een deel van het bedrag in één keer betalen? Dan kunt u dat bedrag voorstellen als finale regeling.",
      how: "Een schikking wordt altijd door iemand bekeken: uw dossierbeheerder of de schuldeiser. U krijgt binnen twee werkdagen een antwoord.",
      amountLabel: (currency) => `Bedrag dat u voorstelt (${currency})`,
      amountHint: (balance) => `Minder dan het saldo van ${balance}.`,
      payOnLabel: "Datum waarop u zou betalen",
      payOnHint: "De dag waarop u dit bedrag kunt overmaken.",
      messageLabel: "Bericht voor uw dossierbeheerder (niet verplicht)",
      messageHint: (maximum) => `Licht uw situatie toe als u wilt (hoogstens ${maximum} tekens).`,
      submit: "Mijn vraag versturen",
      sentTitle: "Uw vraag is verstuurd",
      sentBody: (date) => `Uw vraag om een schikking is doorgestuurd naar uw dossierbeheerder; u krijgt uiterlijk op ${date} een antwoord.`,
      toPlan: "Liever een betalingsregeling voorstellen",
      errors: {
        amountMissing: "Vul het bedrag in dat u voorstelt.",
        dateMissing: "Kies de datum waarop u zou betalen.",
        dateInPast: "De betaaldatum kan niet in het verleden liggen.",
        amountNotBelowBalance: (balance) => `Een schikking is minder dan het saldo van ${balance}. Wilt u alles betalen, betaal dan het saldo.`,
        messageTooLong: (maximum) => `Uw bericht is langer dan ${maximum} tekens.`,
      },
    },
  },
  en: {
    metaTitle: "Propose a payment plan",
    title: "Propose a payment plan",
    intro: (balance) => `Can't pay ${balance} in one go? Tell us what you can pay each month: in most cases you get an answer straight away.`,
    balance: "Balance today",
    backToFile: "Back to my file",
    form: {
      title: "Your proposal",
      legend: "How would you like to pay?",
      modeAmount: "An amount each month",
      amountLabel: (currency) => `Monthly amount (${currency})`,
      amountHint: (minimum) => `For example 50.00. At least ${minimum}.`,
      modeCount: "A number of monthly instalments",
      countLabel: "Number of instalments",
      countHint: (maximum) => `Between 1 and ${maximum}.`,
      firstDueOnLabel: "First payment date",
      firstDueOnHint: "The next payments fall on the same day each month.",
      submit: "Propose this plan",
      settlementLink: "Ask for a settlement",
      settlementHint: "Could you pay part of the amount in one go, in full and final settlement?",
    },
    errors: {
      title: "We could not look at your proposal",
      mode: "Choose an amount each month or a number of instalments.",
      amountMissing: "Enter the amount you can pay each month.",
      amountInvalid: "Enter an amount in figures, for example 50.00.",
      amountNotPositive: "The amount must be more than zero.",
      amountTooSmall: (minimum) => `With this amount the plan would last more than ten years. Enter at least ${minimum} a month.`,
      countMissing: "Enter the number of instalments.",
      countInvalid: "Enter a whole number of instalments, for example 6.",
      countTooHigh: (maximum) => `A plan has at most ${maximum} instalments.`,
      dateMissing: "Choose the date of the first payment.",
      dateInvalid: "Enter a valid date.",
      dateInPast: "The first payment cannot be in the past.",
      dateTooLate: (latest) => `Choose a date no later than ${latest}.`,
      acknowledge: "Tick the box to confirm you have read the acknowledgment of debt and accept the plan.",
      offerChanged: "Your file changed in the meantime: here is the updated plan. Please read it again before accepting.",
      offerGone: "This plan is no longer available. Please make a new proposal.",
    },
    offer: {
      acceptTitle: "Your plan is accepted",
      acceptIntro: "Here is every payment with its date. All that is left is to confirm.",
      counterTitle: "We can't accept that plan, but we can offer this:",
      counterIntro: "This is the plan closest to your proposal that the creditor lets us agree straight away.",
      reasonsLabel: "Why your proposal is not possible as it is:",
      reasons: {
        first_payment_in_past: "the first payment date has passed",
        first_payment_too_late: "the first payment comes later than the creditor accepts",
        down_payment_too_low: "the creditor asks for a larger first payment",
        instalment_too_low: "an instalment is below the minimum amount",
        too_many_instalments: "the plan has more instalments than the creditor accepts",
        plan_too_long: "the plan lasts longer than the creditor accepts",
        total_mismatch: "the payments do not cover the balance exactly",
        balance_above_auto_limit: "for this amount, your case handler looks at every proposal personally",
        settlement_requires_approval: "a settlement is always looked at by a person",
        settlement_discount_exceeds_policy: "the creditor decides on the reduction asked",
      },
      scheduleCaption: "Payment plan: every payment and its date",
      seq: "No.",
      dueOn: "Date",
      amount: "Amount",
      downPayment: "first payment",
      total: "Total",
      summary: (count, first, last) => (count === 1 ? `A single payment, on ${first}.` : `${count} payments, from ${first} to ${last}.`),
      ackTitle: "Acknowledgment of debt",
      ackIntro: "By accepting the plan you confirm the text below. It is kept exactly as it is and appears in the agreement you receive.",
      acknowledgeLabel: "I have read the acknowledgment of debt above and I accept this plan.",
      accept: "Accept this plan",
      referTitle: "Does this plan not suit you?",
      referHint: "You can send your own proposal to your case handler, who will look at it personally.",
      refer: "Send my proposal to my case handler",
      changeProposal: "Change my proposal",
    },
    referred: {
      title: "Your proposal has been sent",
      body: (date) => `Your proposal was sent to your case handler; you will have an answer by ${date}.`,
      next: "You will get the answer by email or phone. In the meantime, you can still make a payment at any time.",
    },
    waiting: {
      title: "A proposal is being looked at",
      planBody: (date) => `Your case handler is looking at your payment plan proposal; you will have an answer by ${date}.`,
      settlementBody: (amount, date) => `Your request to settle for ${amount} is being looked at; you will have an answer by ${date}.`,
    },
    existing: {
      title: "You already have a payment plan",
      body: "A payment plan is running on this file. Every payment and your agreement are below.",
      view: "See my plan",
    },
    unavailable: {
      closed: "This file is closed: there is nothing left to arrange.",
      nothing_due: "There is nothing left to pay on this file.",
      disputed: "Your file is paused while your dispute is looked at. Your case handler will contact you.",
      on_hold: "Your file is being handled personally by your case handler. Please contact them to agree a plan.",
      commitment_running: "A payment plan or settlement is already agreed on this file.",
      proposal_waiting: "A proposal is already being looked at on this file.",
      not_yet: "A payment plan cannot be set up online on this file yet. Please contact your case handler.",
    },
    done: {
      metaTitle: "Plan accepted",
      title: "Thank you, your payment plan is in place",
      body: (total, count) => `You are paying ${total} in ${count} payments.`,
      first: (amount, date) => `First payment: ${amount} on ${date}.`,
      agreement: "Download the plan agreement (PDF)",
      agreementHint: "It sets out the acknowledgment of debt and every payment. You will also find it among your file's documents.",
      payFirst: "Pay the first instalment",
      nextSteps: "What next",
      email: "A confirmation is sent to you by email if we have your address.",
      scheduleCaption: "Your payment plan",
      backToFile: "Back to my file",
    },
    settlement: {
      metaTitle: "Ask for a settlement",
      title: "Ask for a settlement",
      intro: "If you can pay part of the amount in one go, you can offer that sum in full and final settlement.",
      how: "A settlement is always looked at by a person: your case handler or the creditor. You get an answer within two working days.",
      amountLabel: (currency) => `Amount you offer (${currency})`,
      amountHint: (balance) => `Less than the balance of ${balance}.`,
      payOnLabel: "Date you would pay",
      payOnHint: "The day you could pay this amount.",
      messageLabel: "Message to your case handler (optional)",
      messageHint: (maximum) => `Explain your situation if you wish (${maximum} characters at most).`,
      submit: "Send my request",
      sentTitle: "Your request has been sent",
      sentBody: (date) => `Your settlement request was sent to your case handler; you will have an answer by ${date}.`,
      toPlan: "Propose a payment plan instead",
      errors: {
        amountMissing: "Enter the amount you offer.",
        dateMissing: "Choose the date you would pay.",
        dateInPast: "The payment date cannot be in the past.",
        amountNotBelowBalance: (balance) => `A settlement is for less than the balance of ${balance}. To pay it all, pay the balance.`,
        messageTooLong: (maximum) => `Your message is longer than ${maximum} characters.`,
      },
    },
  },
};

/** The sentence for a form problem, in the page language. */
export function problemText(
  t: PlanTexts,
  p: DebtorProposalProblem,
  money: (cents: number) => string,
  date: (iso: string) => string,
  form: "plan" | "settlement" = "plan",
): string {
  const e = t.errors;
  switch (p.field) {
    case "mode":
      return e.mode;
    case "amount":
      if (p.problem === "too_small") return e.amountTooSmall(money(p.minimumCents));
      if (p.problem === "not_below_balance") return t.settlement.errors.amountNotBelowBalance(money(p.balanceCents));
      if (p.problem === "missing" && form === "settlement") return t.settlement.errors.amountMissing;
      return { missing: e.amountMissing, invalid: e.amountInvalid, not_positive: e.amountNotPositive }[p.problem];
    case "count":
      if (p.problem === "too_high") return e.countTooHigh(p.maximum);
      return p.problem === "missing" ? e.countMissing : e.countInvalid;
    case "firstDueOn":
    case "payOn":
      if (p.problem === "too_late") return e.dateTooLate(date(p.latest));
      if (p.field === "payOn" && p.problem !== "invalid") return p.problem === "missing" ? t.settlement.errors.dateMissing : t.settlement.errors.dateInPast;
      return { missing: e.dateMissing, invalid: e.dateInvalid, in_past: e.dateInPast }[p.problem];
    case "message":
      return t.settlement.errors.messageTooLong(p.maximum);
  }
}
