/**
 * Texts of the statement page (`/case`) and its downloads, in every portal language. The explanation
 * of each amount comes from the domain (already in the page language); these are the page's own words.
 * Tone: plain and respectful — the reader is a customer who is behind, not a suspect.
 */
import type { Locale } from "./index.ts";

export interface StatementTexts {
  metaTitle: string;
  title: (reference: string) => string;
  intro: (creditor: string, agency: string) => string;
  introWithoutAgency: (creditor: string) => string;
  summary: {
    title: string;
    balance: string;
    /** The balance label while a plan runs: the instalments, not the whole amount, are due now. */
    balanceUnderPlan: string;
    asOf: (date: string) => string;
    deadline: string;
    deadlineHint: string;
    noDeadline: string;
    closed: string;
    nothingOwed: string;
    disputed: string;
  };
  actions: { label: string; pay: string; plan: string; dispute: string };
  commitment: {
    planTitle: string;
    planBody: (total: string, count: number) => string;
    nextInstalment: (amount: string, date: string) => string;
    instalmentsCaption: string;
    instalment: string;
    due: string;
    amount: string;
    paid: string;
    status: Record<string, string>;
    settlementTitle: string;
    settlementBody: (total: string, date: string | null) => string;
    promiseTitle: string;
    promiseBody: (amount: string, date: string) => string;
  };
  parties: {
    title: string;
    creditor: string;
    creditorHint: string;
    agency: string;
    agencyHint: string;
    reference: string;
    paymentReference: string;
    paymentReferenceHint: string;
  };
  invoices: { title: string; caption: string; invoice: string; issued: string; due: string; amount: string; total: string; empty: string };
  interest: { title: string; description: string; caption: string; what: string; period: string; rate: string; amount: string; basis: string; empty: string };
  periodText: (from: string, to: string, days: number) => string;
  costs: { title: string; description: string; caption: string; what: string; owedFrom: string; amount: string; basis: string; empty: string };
  corrections: { title: string; caption: string; what: string; date: string; amount: string };
  payments: {
    title: string;
    caption: string;
    date: string;
    amount: string;
    method: string;
    allocation: string;
    reversed: string;
    empty: string;
    providers: Record<string, string>;
    components: Record<string, string>;
  };
  balance: { title: string; caption: string; component: string; amount: string; principal: string; interest: string; costs: string; fees: string; paid: string; total: string };
  documents: { title: string; description: string; empty: string; download: (name: string) => string; kinds: Record<string, string>; added: (date: string) => string };
  help: { title: string; body: string; phone: string; email: string };
  sizeUnits: { kb: string; mb: string };
  /** What follows a label before its text (French puts a non-breaking space before the colon). */
  colon: string;
}

const en: StatementTexts = {
  metaTitle: "Your file",
  title: (reference) => `Your file ${reference}`,
  intro: (creditor, agency) => `${creditor} has asked ${agency} to help settle the amount below. This page shows what is owed, how each amount was worked out, and what you can do.`,
  introWithoutAgency: (creditor) => `${creditor} has asked us to help settle the amount below. This page shows what is owed, how each amount was worked out, and what you can do.`,
  summary: {
    title: "Summary",
    balance: "Amount to pay today",
    balanceUnderPlan: "Still owed in total",
    asOf: (date) => `As of ${date}`,
    deadline: "Please pay by",
    deadlineHint: "If that date is difficult for you, propose a payment plan: we will look at it with you.",
    noDeadline: "Pay when you can, or propose a payment plan that suits you.",
    closed: "This file is closed.",
    nothingOwed: "Nothing more is owed. Thank you.",
    disputed: "You have disputed this debt. Collection is paused while we look into it, and we will get back to you.",
  },
  actions: { label: "What you can do", pay: "Pay", plan: "Propose a payment plan", dispute: "Dispute this debt" },
  commitment: {
    planTitle: "Your payment plan",
    planBody: (total, count) => `You agreed to pay ${total} in ${count} ${count === 1 ? "instalment" : "instalments"}.`,
    nextInstalment: (amount, date) => `Next instalment: ${amount} on ${date}.`,
    instalmentsCaption: "Instalments of your payment plan",
    instalment: "Instalment",
    due: "Due on",
    amount: "Amount",
    paid: "Paid",
    status: { scheduled: "To pay", paid: "Paid", partially_paid: "Partly paid", missed: "Missed", waived: "Waived" },
    settlementTitle: "Your agreement",
    settlementBody: (total, date) => (date ? `You agreed to pay ${total} by ${date} to settle this file.` : `You agreed to pay ${total} to settle this file.`),
    promiseTitle: "Your promise to pay",
    promiseBody: (amount, date) => `You told us you would pay ${amount} by ${date}.`,
  },
  parties: {
    title: "Who is involved",
    creditor: "Creditor",
    creditorHint: "The company you owe the money to.",
    agency: "Collection agency",
    agencyHint: "We handle this file for the creditor. You can pay us or contact us.",
    reference: "File reference",
    paymentReference: "Payment reference",
    paymentReferenceHint: "Mention it with a bank transfer so we can match your payment.",
  },
  invoices: { title: "Invoices", caption: "The unpaid invoices of this file", invoice: "Invoice", issued: "Issued on", due: "Due on", amount: "Amount", total: "Total of the invoices", empty: "No invoice is recorded." },
  interest: {
    title: "Interest",
    description: "Interest the law allows on a late payment, worked out day by day.",
    caption: "Interest charged on this file",
    what: "What",
    period: "Period",
    rate: "Rate a year",
    amount: "Amount",
    basis: "Legal basis",
    empty: "No interest is charged on this file.",
  },
  periodText: (from, to, days) => `${from} – ${to} (${days} ${days === 1 ? "day" : "days"})`,
  costs: {
    title: "Costs",
    description: "Costs the law allows once a payment is late, and why they apply now.",
    caption: "Costs charged on this file",
    what: "What",
    owedFrom: "Owed from",
    amount: "Amount",
    basis: "Legal basis",
    empty: "No costs are charged on this file.",
  },
  corrections: { title: "Corrections", caption: "Corrections made to this file", what: "What", date: "Date", amount: "Amount" },
  payments: {
    title: "Payments received",
    caption: "Payments received and how each one was used",
    date: "Received on",
    amount: "Amount",
    method: "How",
    allocation: "Used to pay",
    reversed: "Cancelled by the bank",
    empty: "No payment has been received yet.",
    providers: { stripe: "Online payment", demo: "Online payment (demo)", bank_transfer: "Bank transfer", direct_to_creditor: "Paid to the creditor", manual: "Recorded by the agency" },
    components: { principal: "Invoices", interest: "Interest", costs: "Costs", fees: "Fees" },
  },
  balance: {
    title: "How the amount to pay is made up",
    caption: "What is still owed, by type",
    component: "Type",
    amount: "Still owed",
    principal: "Invoices",
    interest: "Interest",
    costs: "Costs",
    fees: "Fees",
    paid: "Already paid",
    total: "Amount to pay today",
  },
  documents: {
    title: "Your documents",
    description: "The letters we sent you, your invoices and agreements, to keep or print.",
    empty: "There is no document to download yet.",
    download: (name) => `Download ${name}`,
    kinds: {
      formal_notice: "Formal notice",
      letter: "Letter",
      plan_agreement: "Payment plan agreement",
      receipt: "Receipt",
      invoice: "Invoice",
      contract: "Contract",
      dispute_evidence: "Document you sent",
    },
    added: (date) => `Added on ${date}`,
  },
  help: { title: "A question?", body: "We are here to find a solution with you. Contact us, we answer every message.", phone: "Phone", email: "Email" },
  sizeUnits: { kb: "KB", mb: "MB" },
  colon: ":",
};

const fr: StatementTexts = {
  metaTitle: "Votre dossier",
  title: (reference) => `Votre dossier ${reference}`,
  intro: (creditor, agency) => `${creditor} a confié à ${agency} le règlement amiable du montant ci-dessous. Cette page indique ce qui est dû, comment chaque montant a été calculé et ce que vous pouvez faire.`,
  introWithoutAgency: (creditor) => `${creditor} nous a confié le règlement amiable du montant ci-dessous. Cette page indique ce qui est dû, comment chaque montant a été calculé et ce que vous pouvez faire.`,
  summary: {
    title: "En résumé",
    balance: "Montant à payer aujourd'hui",
    balanceUnderPlan: "Reste dû au total",
    asOf: (date) => `Au ${date}`,
    deadline: "Merci de payer avant le",
    deadlineHint: "Si cette date vous pose difficulté, proposez un échéancier : nous l'étudierons avec vous.",
    noDeadline: "Payez dès que possible, ou proposez un échéancier adapté à votre situation.",
    closed: "Ce dossier est clôturé.",
    nothingOwed: "Plus rien n'est dû. Merci.",
    disputed: "Vous avez contesté cette créance. Le recouvrement est suspendu le temps de l'examiner ; nous revenons vers vous.",
  },
  actions: { label: "Ce que vous pouvez faire", pay: "Payer", plan: "Proposer un échéancier", dispute: "Contester la créance" },
  commitment: {
    planTitle: "Votre échéancier",
    planBody: (total, count) => `Vous avez convenu de payer ${total} en ${count} échéance${count === 1 ? "" : "s"}.`,
    nextInstalment: (amount, date) => `Prochaine échéance : ${amount} le ${date}.`,
    instalmentsCaption: "Échéances de votre échéancier",
    instalment: "Échéance",
    due: "À payer le",
    amount: "Montant",
    paid: "Payé",
    status: { scheduled: "À payer", paid: "Payée", partially_paid: "Payée en partie", missed: "Manquée", waived: "Abandonnée" },
    settlementTitle: "Votre accord",
    settlementBody: (total, date) => (date ? `Vous avez convenu de payer ${total} avant le ${date} pour solder ce dossier.` : `Vous avez convenu de payer ${total} pour solder ce dossier.`),
    promiseTitle: "Votre promesse de paiement",
    promiseBody: (amount, date) => `Vous nous avez indiqué que vous paierez ${amount} avant le ${date}.`,
  },
  parties: {
    title: "Qui intervient",
    creditor: "Créancier",
    creditorHint: "L'entreprise à qui la somme est due.",
    agency: "Société de recouvrement",
    agencyHint: "Nous gérons ce dossier pour le créancier. Vous pouvez nous payer ou nous contacter.",
    reference: "Référence du dossier",
    paymentReference: "Référence de paiement",
    paymentReferenceHint: "Indiquez-la avec un virement pour que nous retrouvions votre paiement.",
  },
  invoices: { title: "Factures", caption: "Les factures impayées de ce dossier", invoice: "Facture", issued: "Émise le", due: "Échue le", amount: "Montant", total: "Total des factures", empty: "Aucune facture n'est enregistrée." },
  interest: {
    title: "Intérêts",
    description: "Les intérêts que la loi permet en cas de retard de paiement, calculés jour par jour.",
    caption: "Intérêts comptés sur ce dossier",
    what: "Objet",
    period: "Période",
    rate: "Taux annuel",
    amount: "Montant",
    basis: "Base légale",
    empty: "Aucun intérêt n'est compté sur ce dossier.",
  },
  periodText: (from, to, days) => `du ${from} au ${to} (${days} jour${days === 1 ? "" : "s"})`,
  costs: {
    title: "Frais",
    description: "Les frais que la loi permet après un retard de paiement, et pourquoi ils s'appliquent maintenant.",
    caption: "Frais comptés sur ce dossier",
    what: "Objet",
    owedFrom: "Dû depuis le",
    amount: "Montant",
    basis: "Base légale",
    empty: "Aucun frais n'est compté sur ce dossier.",
  },
  corrections: { title: "Corrections", caption: "Corrections apportées à ce dossier", what: "Objet", date: "Date", amount: "Montant" },
  payments: {
    title: "Paiements reçus",
    caption: "Paiements reçus et leur affectation",
    date: "Reçu le",
    amount: "Montant",
    method: "Moyen",
    allocation: "Affecté à",
    reversed: "Annulé par la banque",
    empty: "Aucun paiement n'a encore été reçu.",
    providers: { stripe: "Paiement en ligne", demo: "Paiement en ligne (démo)", bank_transfer: "Virement", direct_to_creditor: "Payé au créancier", manual: "Enregistré par nos services" },
    components: { principal: "Factures", interest: "Intérêts", costs: "Frais", fees: "Frais de dossier" },
  },
  balance: {
    title: "Détail du montant à payer",
    caption: "Ce qui reste dû, par nature",
    component: "Nature",
    amount: "Reste dû",
    principal: "Factures",
    interest: "Intérêts",
    costs: "Frais",
    fees: "Frais de dossier",
    paid: "Déjà payé",
    total: "Montant à payer aujourd'hui",
  },
  documents: {
    title: "Vos documents",
    description: "Les courriers que nous vous avons envoyés, vos factures et vos accords, à conserver ou imprimer.",
    empty: "Aucun document n'est encore disponible.",
    download: (name) => `Télécharger ${name}`,
    kinds: {
      formal_notice: "Mise en demeure",
      letter: "Courrier",
      plan_agreement: "Accord d'échéancier",
      receipt: "Reçu",
      invoice: "Facture",
      contract: "Contrat",
      dispute_evidence: "Document que vous avez envoyé",
    },
    added: (date) => `Ajouté le ${date}`,
  },
  help: { title: "Une question ?", body: "Nous sommes là pour trouver une solution avec vous. Contactez-nous, nous répondons à chaque message.", phone: "Téléphone", email: "E-mail" },
  sizeUnits: { kb: "Ko", mb: "Mo" },
  colon: "\u00a0:",
};

const nl: StatementTexts = {
  metaTitle: "Uw dossier",
  title: (reference) => `Uw dossier ${reference}`,
  intro: (creditor, agency) => `${creditor} heeft ${agency} gevraagd het onderstaande bedrag in der minne te regelen. Op deze pagina ziet u wat er verschuldigd is, hoe elk bedrag is berekend en wat u kunt doen.`,
  introWithoutAgency: (creditor) => `${creditor} heeft ons gevraagd het onderstaande bedrag in der minne te regelen. Op deze pagina ziet u wat er verschuldigd is, hoe elk bedrag is berekend en wat u kunt doen.`,
  summary: {
    title: "Samenvatting",
    balance: "Vandaag te betalen",
    balanceUnderPlan: "Nog verschuldigd in totaal",
    asOf: (date) => `Op ${date}`,
    deadline: "Graag betalen vóór",
    deadlineHint: "Lukt die datum niet, stel dan een betalingsregeling voor: we bekijken die samen met u.",
    noDeadline: "Betaal zodra u kunt, of stel een betalingsregeling voor die bij u past.",
    closed: "Dit dossier is afgesloten.",
    nothingOwed: "Er is niets meer verschuldigd. Dank u wel.",
    disputed: "U hebt deze vordering betwist. De invordering is stopgezet zolang we dit onderzoeken; we nemen contact met u op.",
  },
  actions: { label: "Wat u kunt doen", pay: "Betalen", plan: "Betalingsregeling voorstellen", dispute: "Vordering betwisten" },
  commitment: {
    planTitle: "Uw betalingsregeling",
    planBody: (total, count) => `U hebt afgesproken ${total} te betalen in ${count} ${count === 1 ? "termijn" : "termijnen"}.`,
    nextInstalment: (amount, date) => `Volgende termijn: ${amount} op ${date}.`,
    instalmentsCaption: "Termijnen van uw betalingsregeling",
    instalment: "Termijn",
    due: "Te betalen op",
    amount: "Bedrag",
    paid: "Betaald",
    status: { scheduled: "Te betalen", paid: "Betaald", partially_paid: "Deels betaald", missed: "Gemist", waived: "Kwijtgescholden" },
    settlementTitle: "Uw afspraak",
    settlementBody: (total, date) => (date ? `U hebt afgesproken ${total} te betalen vóór ${date} om dit dossier af te sluiten.` : `U hebt afgesproken ${total} te betalen om dit dossier af te sluiten.`),
    promiseTitle: "Uw betaalbelofte",
    promiseBody: (amount, date) => `U hebt ons laten weten dat u ${amount} betaalt vóór ${date}.`,
  },
  parties: {
    title: "Wie is betrokken",
    creditor: "Schuldeiser",
    creditorHint: "Het bedrijf waaraan u het bedrag verschuldigd bent.",
    agency: "Incassobureau",
    agencyHint: "Wij behandelen dit dossier voor de schuldeiser. U kunt aan ons betalen of contact met ons opnemen.",
    reference: "Dossiernummer",
    paymentReference: "Betalingskenmerk",
    paymentReferenceHint: "Vermeld dit bij een overschrijving, zodat we uw betaling kunnen terugvinden.",
  },
  invoices: { title: "Facturen", caption: "De onbetaalde facturen van dit dossier", invoice: "Factuur", issued: "Factuurdatum", due: "Vervallen op", amount: "Bedrag", total: "Totaal van de facturen", empty: "Er is geen factuur geregistreerd." },
  interest: {
    title: "Rente",
    description: "De rente die de wet toestaat bij te late betaling, per dag berekend.",
    caption: "Rente op dit dossier",
    what: "Wat",
    period: "Periode",
    rate: "Rente per jaar",
    amount: "Bedrag",
    basis: "Wettelijke grondslag",
    empty: "Op dit dossier wordt geen rente gerekend.",
  },
  periodText: (from, to, days) => `${from} t/m ${to} (${days} ${days === 1 ? "dag" : "dagen"})`,
  costs: {
    title: "Kosten",
    description: "De kosten die de wet toestaat na een te late betaling, en waarom ze nu gelden.",
    caption: "Kosten op dit dossier",
    what: "Wat",
    owedFrom: "Verschuldigd sinds",
    amount: "Bedrag",
    basis: "Wettelijke grondslag",
    empty: "Op dit dossier worden geen kosten gerekend.",
  },
  corrections: { title: "Correcties", caption: "Correcties op dit dossier", what: "Wat", date: "Datum", amount: "Bedrag" },
  payments: {
    title: "Ontvangen betalingen",
    caption: "Ontvangen betalingen en waarvoor ze zijn gebruikt",
    date: "Ontvangen op",
    amount: "Bedrag",
    method: "Hoe",
    allocation: "Gebruikt voor",
    reversed: "Door de bank geannuleerd",
    empty: "Er is nog geen betaling ontvangen.",
    providers: { stripe: "Online betaling", demo: "Online betaling (demo)", bank_transfer: "Overschrijving", direct_to_creditor: "Betaald aan de schuldeiser", manual: "Geregistreerd door ons kantoor" },
    components: { principal: "Facturen", interest: "Rente", costs: "Kosten", fees: "Dossierkosten" },
  },
  balance: {
    title: "Zo is het te betalen bedrag opgebouwd",
    caption: "Wat nog verschuldigd is, per soort",
    component: "Soort",
    amount: "Nog verschuldigd",
    principal: "Facturen",
    interest: "Rente",
    costs: "Kosten",
    fees: "Dossierkosten",
    paid: "Al betaald",
    total: "Vandaag te betalen",
  },
  documents: {
    title: "Uw documenten",
    description: "De brieven die we u stuurden, uw facturen en afspraken, om te bewaren of af te drukken.",
    empty: "Er zijn nog geen documenten om te downloaden.",
    download: (name) => `${name} downloaden`,
    kinds: {
      formal_notice: "Ingebrekestelling",
      letter: "Brief",
      plan_agreement: "Overeenkomst betalingsregeling",
      receipt: "Betalingsbewijs",
      invoice: "Factuur",
      contract: "Contract",
      dispute_evidence: "Document dat u stuurde",
    },
    added: (date) => `Toegevoegd op ${date}`,
  },
  help: { title: "Een vraag?", body: "We zoeken graag samen met u naar een oplossing. Neem contact op: we beantwoorden elk bericht.", phone: "Telefoon", email: "E-mail" },
  sizeUnits: { kb: "kB", mb: "MB" },
  colon: ":",
};

export const STATEMENT_TEXTS: Record<Locale, StatementTexts> = { fr, nl, en };
