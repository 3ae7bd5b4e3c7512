/**
 * The debtor's statement in words a debtor understands: what each amount on the case ledger is, the
 * rule that allows it, and why it may be claimed now — in French, Dutch or English.
 *
 * Nothing is recomputed here: the ledger already records how each amount was obtained (the interest
 * accrual writes "<basis>: <principal> from <from> to <to> (<n> days at <rates>)", a cost entry names
 * its legal basis, and its effective date is the day it became owed). This module reads those facts and
 * says them again for a reader who is not a lawyer.
 */
import { addDays, type IsoDate } from "./dates.ts";
import { formatMoney } from "./money.ts";
import { NL_COLLECTION_COSTS_MAX_CENTS, NL_COLLECTION_COSTS_MIN_CENTS } from "./nl.ts";
import { BE_DAMAGES_MAX_CENTS } from "./be.ts";
import { FR_RECOVERY_INDEMNITY_CENTS } from "./fr.ts";
import { LOCALES, type DocumentKind, type LedgerComponent, type LedgerKind, type Locale } from "./vocabulary.ts";

/** The languages a statement is written in: the platform's languages. */
export const STATEMENT_LANGUAGES = LOCALES;
export type StatementLanguage = Locale;

/** The BCP 47 tag amounts and dates are formatted with, per statement language. */
export const STATEMENT_FORMAT_LOCALES: Record<StatementLanguage, string> = { fr: "fr-FR", nl: "nl-NL", en: "en-GB" };

/**
 * The documents of a case its debtor may download: what was sent to them or signed with them, the
 * invoices and contract the claim rests on, and their own uploads. Never the agency's internal files
 * (legal dossier, "other" working papers) nor the creditor's remittance statements.
 */
export const DEBTOR_DOCUMENT_KINDS = ["formal_notice", "letter", "plan_agreement", "receipt", "invoice", "contract", "dispute_evidence"] as const satisfies readonly DocumentKind[];
export type DebtorDocumentKind = (typeof DEBTOR_DOCUMENT_KINDS)[number];

/** True when a document of `kind` is the debtor's to see. */
export function isDebtorDocumentKind(kind: string): kind is DebtorDocumentKind {
  return (DEBTOR_DOCUMENT_KINDS as readonly string[]).includes(kind);
}

/** An amount in the statement's language, e.g. "1 000,00 €" in French. */
export function formatStatementMoney(amountCents: number, currency: string, language: StatementLanguage): string {
  return formatMoney(amountCents, currency, STATEMENT_FORMAT_LOCALES[language]);
}

/** A calendar date in the statement's language, e.g. "15 mars 2027", "15 maart 2027", "15 March 2027". */
export function formatStatementDate(date: IsoDate, language: StatementLanguage): string {
  // Calendar dates carry no time zone: format them at UTC midnight so no zone shifts the day.
  return new Intl.DateTimeFormat(STATEMENT_FORMAT_LOCALES[language], { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** What an interest accrual recorded about its own computation. */
export interface InterestComputation {
  basis: string;
  /** The principal interest ran on, as the accrual wrote it (already formatted). */
  principal: string;
  from: IsoDate;
  to: IsoDate;
  days: number;
  /** The annual rate(s), e.g. "12.15%" or "12.5% then 12.15%". */
  rates: string;
}

// "<basis>: <amount> from <from> to <to> (<days> days at <rates>)", as the interest accrual writes it.
const INTEREST_DESCRIPTION = /^(?<basis>.*): (?<principal>.+?) from (?<from>\d{4}-\d{2}-\d{2}) to (?<to>\d{4}-\d{2}-\d{2}) \((?<days>\d+) days? at (?<rates>.+)\)$/;

/** The computation an interest accrual's description records, or null when it records none. */
export function parseInterestDescription(description: string | null): InterestComputation | null {
  const m = description ? INTEREST_DESCRIPTION.exec(description) : null;
  if (!m?.groups) return null;
  const g = m.groups as Record<keyof InterestComputation, string>;
  return { basis: g.basis, principal: g.principal, from: g.from, to: g.to, days: Number(g.days), rates: g.rates };
}

/** The interest regimes a statement explains. */
export type InterestRegime = "fr_commercial" | "fr_legal" | "be_late_payment" | "nl_statutory" | "nl_commercial" | "other";
/** The cost regimes a statement explains. */
export type CostRegime = "nl_collection_costs" | "be_fixed_damages" | "fr_recovery_indemnity" | "other";

/** Which interest rule an accrual applied, read from its recorded basis, else the case's country. */
export function interestRegimeOf(basis: string | null, jurisdiction: string): InterestRegime {
  const text = basis ?? "";
  if (text.includes("L441-10") || text.includes("L441-6")) return "fr_commercial";
  if (text.includes("1231-6") || /taux légal/i.test(text)) return "fr_legal";
  if (text.includes("2 août 2002") || text.includes("2 augustus 2002") || text.includes("XIX")) return "be_late_payment";
  if (text.includes("6:119a")) return "nl_commercial";
  if (text.includes("6:119")) return "nl_statutory";
  if (jurisdiction === "BE") return "be_late_payment";
  if (jurisdiction === "NL") return "nl_statutory";
  return "other";
}

/** Which cost rule produced a charge, read from its recorded basis, else the case's country. */
export function costRegimeOf(basis: string | null, jurisdiction: string): CostRegime {
  const text = basis ?? "";
  if (text.includes("6:96") || /incassokosten/i.test(text)) return "nl_collection_costs";
  if (text.includes("XIX.4")) return "be_fixed_damages";
  if (text.includes("L441-10") || text.includes("D441-5")) return "fr_recovery_indemnity";
  if (jurisdiction === "NL") return "nl_collection_costs";
  if (jurisdiction === "BE") return "be_fixed_damages";
  return "other";
}

/** The facts of one ledger entry a statement line is written from. */
export interface StatementLineFacts {
  component: LedgerComponent;
  kind: LedgerKind;
  amountCents: number;
  currency: string;
  effectiveOn: IsoDate;
  description: string | null;
  invoiceNumber: string | null;
  /** The case's country (FR, BE, NL), used when the entry does not name its rule. */
  jurisdiction: string;
}

/** One statement line, said for the debtor. */
export interface StatementLineExplanation {
  /** What the amount is ("Late-payment interest on invoice F-1"). */
  title: string;
  /** The rule that allows it, with its article; null for amounts that need none (an invoice, a payment). */
  basis: string | null;
  /** How it was computed and why it may be claimed now. */
  detail: string | null;
  /** Interest only: the period and rate(s), for a table. */
  interest: { from: IsoDate; to: IsoDate; days: number; rates: string } | null;
}

type Texts = {
  invoice: (n: string | null) => string;
  invoiceDetail: (due: string) => string;
  interestTitle: (n: string | null) => string;
  interestDetail: (principal: string, from: string, to: string, days: number, rates: string) => string;
  interestBasis: Record<InterestRegime, string | null>;
  costTitle: Record<CostRegime, string>;
  costBasis: Record<CostRegime, string | null>;
  /** Why the cost may be claimed, given the day it became owed and the last day of the term before it. */
  costWhy: Record<CostRegime, (owedFrom: string, termEnded: string, invoice: string | null, money: (c: number) => string) => string | null>;
  payment: string;
  paymentDetail: (component: string) => string;
  writeOff: string;
  adjustment: string;
  reversal: string;
  components: Record<LedgerComponent, string>;
  allocation: Record<"FR" | "BE" | "NL" | "other", string>;
};

const TEXTS: Record<StatementLanguage, Texts> = {
  en: {
    invoice: (n) => (n ? `Invoice ${n}` : "Invoice"),
    invoiceDetail: (due) => `Unpaid amount of the invoice, due on ${due}.`,
    interestTitle: (n) => (n ? `Late-payment interest on invoice ${n}` : "Late-payment interest"),
    interestDetail: (principal, from, to, days, rates) => `On ${principal}, from ${from} to ${to}: ${days} ${days === 1 ? "day" : "days"} at ${rates} a year.`,
    interestBasis: {
      fr_commercial: "Late-payment penalties between businesses: the ECB rate plus 10 points (French Commercial Code, art. L441-10 I).",
      fr_legal: "Interest at the legal rate from the formal notice (French Civil Code, art. 1231-6).",
      be_late_payment: "Late-payment interest at the rate of the Belgian law of 2 August 2002, capped for consumers (Code of Economic Law, Book XIX).",
      nl_statutory: "Statutory interest (Dutch Civil Code, art. 6:119).",
      nl_commercial: "Statutory commercial interest (Dutch Civil Code, art. 6:119a).",
      other: null,
    },
    costTitle: {
      nl_collection_costs: "Collection costs",
      be_fixed_damages: "Fixed damages",
      fr_recovery_indemnity: "Fixed recovery indemnity",
      other: "Costs",
    },
    costBasis: {
      nl_collection_costs: "Dutch Civil Code, art. 6:96, and the Decree on extrajudicial collection costs (Besluit vergoeding voor buitengerechtelijke incassokosten).",
      be_fixed_damages: "Belgian Code of Economic Law, art. XIX.4 §2.",
      fr_recovery_indemnity: "French Commercial Code, art. L441-10 II and D441-5.",
      other: null,
    },
    costWhy: {
      nl_collection_costs: (_owed, ended, _n, money) =>
        `The amount is set by law: 15% of the first €2,500 owed, then less on higher amounts, at least ${money(NL_COLLECTION_COSTS_MIN_CENTS)} and at most ${money(NL_COLLECTION_COSTS_MAX_CENTS)}. It may be charged because the 14-day term of the reminder letter ended on ${ended} without payment.`,
      be_fixed_damages: (_owed, ended, _n, money) =>
        `The law caps this amount: €20 up to €150 owed, €30 plus 10% between €150 and €500, €65 plus 5% above €500, at most ${money(BE_DAMAGES_MAX_CENTS)}. It may be charged because the 14-day term of the free first reminder ended on ${ended} without payment.`,
      fr_recovery_indemnity: (owed, _ended, n, money) =>
        `A fixed ${money(FR_RECOVERY_INDEMNITY_CENTS)} per invoice paid late between businesses${n ? ` (invoice ${n})` : ""}, owed by law from ${owed}, the day after the due date.`,
      other: (owed) => `Owed from ${owed}.`,
    },
    payment: "Payment received",
    paymentDetail: (component) => `Used to pay ${component}.`,
    writeOff: "Amount waived",
    adjustment: "Correction",
    reversal: "Cancellation of an earlier line",
    components: { principal: "the invoices", interest: "interest", costs: "costs", fees: "fees" },
    allocation: {
      FR: "Payments go first to costs, then to interest, then to the invoices, oldest first (French Civil Code, art. 1342-10 and 1343-1).",
      BE: "Payments go first to costs, then to interest, then to the invoices (Belgian Civil Code; Code of Economic Law, art. XIX.4).",
      NL: "Payments go first to costs, then to interest, then to the invoices, oldest first (Dutch Civil Code, art. 6:43 and 6:44).",
      other: "Payments go first to costs, then to interest, then to the invoices.",
    },
  },
  fr: {
    invoice: (n) => (n ? `Facture ${n}` : "Facture"),
    invoiceDetail: (due) => `Montant impayé de la facture, échue le ${due}.`,
    interestTitle: (n) => (n ? `Intérêts de retard sur la facture ${n}` : "Intérêts de retard"),
    interestDetail: (principal, from, to, days, rates) => `Sur ${principal}, du ${from} au ${to} : ${days} jour${days === 1 ? "" : "s"} au taux annuel de ${rates}.`,
    interestBasis: {
      fr_commercial: "Pénalités de retard entre professionnels : taux de la BCE majoré de 10 points (art. L441-10 I du Code de commerce).",
      fr_legal: "Intérêts au taux légal à compter de la mise en demeure (art. 1231-6 du Code civil).",
      be_late_payment: "Intérêts de retard au taux de la loi belge du 2 août 2002, plafonnés pour les consommateurs (Code de droit économique, livre XIX).",
      nl_statutory: "Intérêts légaux (Code civil néerlandais, art. 6:119).",
      nl_commercial: "Intérêts légaux commerciaux (Code civil néerlandais, art. 6:119a).",
      other: null,
    },
    costTitle: {
      nl_collection_costs: "Frais de recouvrement",
      be_fixed_damages: "Indemnité forfaitaire",
      fr_recovery_indemnity: "Indemnité forfaitaire pour frais de recouvrement",
      other: "Frais",
    },
    costBasis: {
      nl_collection_costs: "Code civil néerlandais, art. 6:96, et décret sur les frais de recouvrement extrajudiciaires (Besluit vergoeding voor buitengerechtelijke incassokosten).",
      be_fixed_damages: "Code de droit économique, art. XIX.4, § 2.",
      fr_recovery_indemnity: "Code de commerce, art. L441-10 II et D441-5.",
      other: null,
    },
    costWhy: {
      nl_collection_costs: (_owed, ended, _n, money) =>
        `Le montant est fixé par la loi : 15 % des premiers 2 500 € dus, puis moins au-delà, au minimum ${money(NL_COLLECTION_COSTS_MIN_CENTS)} et au maximum ${money(NL_COLLECTION_COSTS_MAX_CENTS)}. Il peut être réclamé parce que le délai de 14 jours de la lettre de rappel a pris fin le ${ended} sans paiement.`,
      be_fixed_damages: (_owed, ended, _n, money) =>
        `La loi plafonne ce montant : 20 € jusqu'à 150 € dus, 30 € plus 10 % entre 150 € et 500 €, 65 € plus 5 % au-delà de 500 €, au maximum ${money(BE_DAMAGES_MAX_CENTS)}. Il peut être réclamé parce que le délai de 14 jours du premier rappel gratuit a pris fin le ${ended} sans paiement.`,
      fr_recovery_indemnity: (owed, _ended, n, money) =>
        `Un montant fixe de ${money(FR_RECOVERY_INDEMNITY_CENTS)} par facture payée en retard entre professionnels${n ? ` (facture ${n})` : ""}, dû de plein droit depuis le ${owed}, lendemain de l'échéance.`,
      other: (owed) => `Dû depuis le ${owed}.`,
    },
    payment: "Paiement reçu",
    paymentDetail: (component) => `Affecté ${component}.`,
    writeOff: "Montant abandonné",
    adjustment: "Correction",
    reversal: "Annulation d'une ligne antérieure",
    components: { principal: "aux factures", interest: "aux intérêts", costs: "aux frais", fees: "aux frais de dossier" },
    allocation: {
      FR: "Les paiements sont imputés d'abord sur les frais, puis sur les intérêts, puis sur les factures, la plus ancienne d'abord (art. 1342-10 et 1343-1 du Code civil).",
      BE: "Les paiements sont imputés d'abord sur les frais, puis sur les intérêts, puis sur les factures (Code civil ; Code de droit économique, art. XIX.4).",
      NL: "Les paiements sont imputés d'abord sur les frais, puis sur les intérêts, puis sur les factures, la plus ancienne d'abord (Code civil néerlandais, art. 6:43 et 6:44).",
      other: "Les paiements sont imputés d'abord sur les frais, puis sur les intérêts, puis sur les factures.",
    },
  },
  nl: {
    invoice: (n) => (n ? `Factuur ${n}` : "Factuur"),
    invoiceDetail: (due) => `Onbetaald bedrag van de factuur, vervallen op ${due}.`,
    interestTitle: (n) => (n ? `Vertragingsrente op factuur ${n}` : "Vertragingsrente"),
    interestDetail: (principal, from, to, days, rates) => `Over ${principal}, van ${from} tot en met ${to}: ${days} ${days === 1 ? "dag" : "dagen"} tegen ${rates} per jaar.`,
    interestBasis: {
      fr_commercial: "Vertragingsrente tussen ondernemingen: de ECB-rente plus 10 procentpunt (Frans Wetboek van Koophandel, art. L441-10 I).",
      fr_legal: "Rente tegen de wettelijke rentevoet vanaf de ingebrekestelling (Frans Burgerlijk Wetboek, art. 1231-6).",
      be_late_payment: "Verwijlintresten tegen de rentevoet van de Belgische wet van 2 augustus 2002, begrensd voor consumenten (Wetboek van economisch recht, boek XIX).",
      nl_statutory: "Wettelijke rente (Burgerlijk Wetboek, art. 6:119).",
      nl_commercial: "Wettelijke handelsrente (Burgerlijk Wetboek, art. 6:119a).",
      other: null,
    },
    costTitle: {
      nl_collection_costs: "Incassokosten",
      be_fixed_damages: "Forfaitaire schadevergoeding",
      fr_recovery_indemnity: "Forfaitaire vergoeding voor invorderingskosten",
      other: "Kosten",
    },
    costBasis: {
      nl_collection_costs: "Burgerlijk Wetboek, art. 6:96, en het Besluit vergoeding voor buitengerechtelijke incassokosten.",
      be_fixed_damages: "Wetboek van economisch recht, art. XIX.4, § 2.",
      fr_recovery_indemnity: "Frans Wetboek van Koophandel, art. L441-10 II en D441-5.",
      other: null,
    },
    costWhy: {
      nl_collection_costs: (_owed, ended, _n, money) =>
        `Het bedrag staat in de wet: 15% over de eerste € 2.500, daarna minder over hogere bedragen, minimaal ${money(NL_COLLECTION_COSTS_MIN_CENTS)} en maximaal ${money(NL_COLLECTION_COSTS_MAX_CENTS)}. Het mag worden gerekend omdat de termijn van 14 dagen uit de aanmaning op ${ended} is verstreken zonder betaling.`,
      be_fixed_damages: (_owed, ended, _n, money) =>
        `De wet begrenst dit bedrag: € 20 tot € 150, € 30 plus 10% tussen € 150 en € 500, € 65 plus 5% boven € 500, maximaal ${money(BE_DAMAGES_MAX_CENTS)}. Het mag worden gerekend omdat de termijn van 14 dagen uit de eerste, kosteloze herinnering op ${ended} is verstreken zonder betaling.`,
      fr_recovery_indemnity: (owed, _ended, n, money) =>
        `Een vast bedrag van ${money(FR_RECOVERY_INDEMNITY_CENTS)} per factuur die tussen ondernemingen te laat is betaald${n ? ` (factuur ${n})` : ""}, van rechtswege verschuldigd sinds ${owed}, de dag na de vervaldatum.`,
      other: (owed) => `Verschuldigd sinds ${owed}.`,
    },
    payment: "Betaling ontvangen",
    paymentDetail: (component) => `Gebruikt voor ${component}.`,
    writeOff: "Kwijtgescholden bedrag",
    adjustment: "Correctie",
    reversal: "Annulering van een eerdere regel",
    components: { principal: "de facturen", interest: "de rente", costs: "de kosten", fees: "de dossierkosten" },
    allocation: {
      FR: "Betalingen gaan eerst naar de kosten, dan naar de rente, dan naar de facturen, de oudste eerst (Frans Burgerlijk Wetboek, art. 1342-10 en 1343-1).",
      BE: "Betalingen gaan eerst naar de kosten, dan naar de rente, dan naar de facturen (Burgerlijk Wetboek; Wetboek van economisch recht, art. XIX.4).",
      NL: "Betalingen gaan eerst naar de kosten, dan naar de rente, dan naar de facturen, de oudste eerst (Burgerlijk Wetboek, art. 6:43 en 6:44).",
      other: "Betalingen gaan eerst naar de kosten, dan naar de rente, dan naar de facturen.",
    },
  },
};

/** The name of a ledger component in `language`, as it follows "used to pay" ("interest", "aux intérêts"). */
export function statementComponentName(component: LedgerComponent, language: StatementLanguage): string {
  return TEXTS[language].components[component];
}

/** The order payments are allocated in, said for the debtor. */
export function allocationRuleText(jurisdiction: string, language: StatementLanguage): string {
  const key = jurisdiction === "FR" || jurisdiction === "BE" || jurisdiction === "NL" ? jurisdiction : "other";
  return TEXTS[language].allocation[key];
}

/**
 * One ledger entry explained for the debtor: what it is, the legal basis, how it was computed and why
 * it may be claimed now. `dueOn` is the invoice's due date, when the entry belongs to one.
 */
export function explainStatementLine(facts: StatementLineFacts, language: StatementLanguage, dueOn: IsoDate | null = null): StatementLineExplanation {
  const t = TEXTS[language];
  const date = (d: IsoDate) => formatStatementDate(d, language);
  const money = (cents: number) => formatStatementMoney(cents, facts.currency, language);
  const none = { basis: null, detail: null, interest: null };
  switch (facts.kind) {
    case "placed":
      return { ...none, title: t.invoice(facts.invoiceNumber), detail: t.invoiceDetail(date(dueOn ?? facts.effectiveOn)) };
    case "accrued": {
      const computed = parseInterestDescription(facts.description);
      const regime = interestRegimeOf(computed?.basis ?? facts.description, facts.jurisdiction);
      const rates = computed ? localiseRates(computed.rates, language) : null;
      return {
        title: t.interestTitle(facts.invoiceNumber),
        basis: t.interestBasis[regime] ?? computed?.basis ?? facts.description,
        detail: computed ? t.interestDetail(localisePrincipal(computed.principal, facts.currency, language), date(computed.from), date(computed.to), computed.days, rates!) : null,
        interest: computed ? { from: computed.from, to: computed.to, days: computed.days, rates: rates! } : null,
      };
    }
    case "charged": {
      const regime = costRegimeOf(facts.description, facts.jurisdiction);
      // The entry takes effect the day the cost became owed: the day after the waiting term's last day.
      const why = t.costWhy[regime](date(facts.effectiveOn), date(addDays(facts.effectiveOn, -1)), facts.invoiceNumber, money);
      return { title: t.costTitle[regime], basis: t.costBasis[regime] ?? facts.description, detail: why, interest: null };
    }
    case "payment":
      return { ...none, title: t.payment, detail: t.paymentDetail(t.components[facts.component]) };
    case "write_off":
      return { ...none, title: t.writeOff };
    case "reversal":
      return { ...none, title: t.reversal };
    default:
      return { ...none, title: t.adjustment };
  }
}

/** "12.5% then 12.15%" in the reader's number format ("12,5 % puis 12,15 %"). */
function localiseRates(rates: string, language: StatementLanguage): string {
  const then = { en: " then ", fr: " puis ", nl: " daarna " }[language];
  const pct = new Intl.NumberFormat(STATEMENT_FORMAT_LOCALES[language], { style: "percent", maximumFractionDigits: 4 });
  return rates
    .split(" then ")
    .map((r) => {
      const n = Number(r.replace("%", "").trim());
      return Number.isFinite(n) && r.trim().endsWith("%") ? pct.format(n / 100) : r;
    })
    .join(then);
}

/**
 * The principal as the accrual wrote it, in the debtor's locale of the day ("€1,234.56", "1 234,56 €",
 * "€ 1.234,56"), again in the reader's format: the last separator before two digits is the decimal one.
 */
function localisePrincipal(principal: string, currency: string, language: StatementLanguage): string {
  const m = /^(?<units>[\d.,]*?)[.,](?<cents>\d{2})$/.exec(principal.replace(/[^\d.,]/g, ""));
  if (!m?.groups) return principal;
  const units = Number(m.groups.units!.replace(/[.,]/g, "") || "0");
  return formatStatementMoney(units * 100 + Number(m.groups.cents), currency, language);
}
