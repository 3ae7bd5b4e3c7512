/**
 * The three demo creditors: who they are, whom they place, what their invoices look like, what they pay
 * the agency (fee agreement) and what they let it agree to (negotiation policy). Differences between
 * them are data; the scenarios and writers are shared.
 */
import type { DebtorEntity, DebtorType, FeeAgreement, Jurisdiction, Locale, NegotiationPolicy, PaymentProvider } from "@recouvra/domain";
import { BE_CONSUMER_RULES, FR_B2B_RULES, NL_CONSUMER_RULES, type ChargeRules, type NoticeChannel } from "./law.ts";
import type { Population } from "./names.ts";
import type { MessageTemplate } from "./texts.ts";

export type ClientKey = "fr" | "be" | "nl";

/** One step of a contact strategy, as stored in `strategies.steps`: what to do how many days after placement. */
export interface StrategyStep {
  readonly day: number;
  readonly action: "letter" | "email" | "sms" | "call" | "review" | "legal_dossier";
  readonly template?: MessageTemplate;
}

export interface ClientProfile {
  readonly key: ClientKey;
  readonly name: string;
  readonly legalName: string;
  readonly jurisdiction: Jurisdiction;
  readonly countryCode: string;
  readonly vatNumber: string;
  readonly registrationNumber: string;
  /** Domestic bank account number; the IBAN check digits are found with the domain's validator. */
  readonly ibanBban: string;
  readonly address: string;
  readonly domain: string;
  readonly defaultLocale: Locale;
  readonly financeUser: { readonly email: string; readonly displayName: string; readonly locale: Locale };
  readonly caseCount: number;
  readonly debtors: {
    readonly entity: DebtorEntity;
    readonly type: DebtorType;
    /** Where debtors come from, with relative weights; `en` speakers are expatriates living there. */
    readonly populations: readonly (readonly [Population | "en", number])[];
  };
  readonly claims: {
    readonly minCents: number;
    readonly maxCents: number;
    readonly stepCents: number;
    /** Days between issue and due date. */
    readonly paymentTermDays: number;
    /** How long after the due date invoices reach the agency. */
    readonly placedAfterDueDays: readonly [number, number];
    readonly invoicePrefix: string;
    readonly descriptions: readonly string[];
  };
  readonly paymentReference: "rf" | "ogm";
  /** How this client's debtors tend to pay, with relative weights. */
  readonly paymentMix: readonly (readonly [PaymentProvider, number])[];
  /** Two digits identifying the client inside OGM bases. */
  readonly ogmClientCode: string;
  readonly noticeTemplate: MessageTemplate;
  /** How the notice goes when the debtor has a usable email (otherwise by post). */
  readonly preferredNoticeChannel: NoticeChannel;
  readonly rules: ChargeRules;
  readonly feeAgreement: FeeAgreement;
  readonly policy: NegotiationPolicy;
  readonly strategyName: string;
  readonly strategySteps: readonly StrategyStep[];
}

// The first 30 days after the notice matter most (DESIGN step 3): a contact every few days on every
// channel, then spaced out; the review at 90 days and the dossier by 120 close every strategy.
const ESCALATION_STEPS: readonly StrategyStep[] = [
  { day: 90, action: "review" },
  { day: 120, action: "legal_dossier" },
];

function standardSteps(notice: MessageTemplate, withSms: boolean): StrategyStep[] {
  const steps: StrategyStep[] = [
    { day: 0, action: "letter", template: notice },
    { day: 0, action: "email", template: notice },
    { day: 4, action: "call" },
    { day: 8, action: "email", template: "reminder_email" },
    { day: 12, action: "call" },
    { day: 18, action: "email", template: "reminder_email" },
    { day: 23, action: "call" },
    { day: 30, action: "letter", template: "final_reminder" },
    { day: 40, action: "call" },
    { day: 55, action: "email", template: "reminder_email" },
    { day: 70, action: "call" },
    ...ESCALATION_STEPS,
  ];
  if (withSms) {
    // SMS only to consumers who gave a mobile number; businesses are reached at the office.
    steps.push({ day: 6, action: "sms", template: "reminder_sms" }, { day: 20, action: "sms", template: "reminder_sms" }, { day: 45, action: "sms", template: "reminder_sms" });
  }
  return steps.sort((a, b) => a.day - b.day);
}

export const CLIENT_PROFILES: readonly ClientProfile[] = [
  {
    key: "fr",
    name: "Delmas Distribution",
    legalName: "Delmas Distribution SAS",
    jurisdiction: "FR",
    countryCode: "FR",
    vatNumber: "FR32812345678",
    registrationNumber: "RCS Lyon 812 345 678",
    ibanBban: "30004000031234567890143",
    address: "14 quai Perrache, 69002 Lyon, France",
    domain: "delmas-distribution.test",
    defaultLocale: "fr",
    financeUser: { email: "finance@delmas-distribution.test", displayName: "Véronique Delmas", locale: "fr" },
    caseCount: 90,
    debtors: { entity: "company", type: "business", populations: [["fr-FR", 1]] },
    claims: {
      minCents: 800_00,
      maxCents: 45_000_00,
      stepCents: 1,
      paymentTermDays: 45,
      placedAfterDueDays: [30, 150],
      invoicePrefix: "FA",
      descriptions: ["Livraison produits d'épicerie fine", "Boissons et vins — commande mensuelle", "Produits frais — livraison hebdomadaire", "Matériel de cuisine professionnel", "Fournitures de restauration"],
    },
    paymentReference: "rf",
    // Businesses pay by transfer, often straight to their supplier.
    paymentMix: [["bank_transfer", 55], ["direct_to_creditor", 30], ["stripe", 15]],
    ogmClientCode: "11",
    noticeTemplate: "formal_notice",
    preferredNoticeChannel: "post",
    rules: FR_B2B_RULES,
    // Services of a Belgian agency to a French business: VAT reverse-charged to the client (art. 196 of
    // Directive 2006/112/EC), so no VAT on the commission invoice.
    feeAgreement: {
      ageTiers: [
        { fromDays: 0, ratePct: 9 },
        { fromDays: 180, ratePct: 14 },
        { fromDays: 365, ratePct: 20 },
      ],
      legalHandoverRatePct: 6,
      recoveredTiers: [{ fromCents: 20_000_00, ratePct: 6 }],
      minimumFeeCents: 75_00,
      interestAndCosts: "passed_through",
      vatRatePct: 0,
    },
    policy: {
      maxInstalments: 6,
      maxDurationMonths: 6,
      minInstalmentCents: 250_00,
      minDownPaymentPct: 20,
      maxFirstPaymentDelayDays: 15,
      maxSettlementDiscountPct: 10,
      autoAcceptSettlement: false,
      maxAutoBalanceCents: 15_000_00,
    },
    strategyName: "France — professionnels (standard)",
    strategySteps: standardSteps("formal_notice", false),
  },
  {
    key: "be",
    name: "Telenova",
    legalName: "Telenova SA/NV",
    jurisdiction: "BE",
    countryCode: "BE",
    vatNumber: "BE0698765432",
    registrationNumber: "BCE/KBO 0698.765.432",
    ibanBban: "001234567890",
    address: "Boulevard du Roi Albert II 30, 1000 Bruxelles, Belgique",
    domain: "telenova.test",
    defaultLocale: "fr",
    financeUser: { email: "finance@telenova.test", displayName: "Nathalie Claes", locale: "fr" },
    caseCount: 110,
    debtors: { entity: "person", type: "consumer", populations: [["fr-BE", 50], ["nl-BE", 42], ["en", 8]] },
    claims: {
      minCents: 40_00,
      maxCents: 900_00,
      stepCents: 1,
      paymentTermDays: 15,
      placedAfterDueDays: [20, 75],
      invoicePrefix: "TN",
      descriptions: ["Abonnement mobile / Mobiel abonnement", "Internet + TV — facture mensuelle", "Frais de résiliation anticipée", "Achat smartphone en plusieurs fois", "Hors forfait roaming"],
    },
    paymentReference: "ogm",
    paymentMix: [["bank_transfer", 50], ["stripe", 40], ["demo", 5], ["direct_to_creditor", 5]],
    ogmClientCode: "27",
    noticeTemplate: "first_reminder",
    preferredNoticeChannel: "email",
    rules: BE_CONSUMER_RULES,
    feeAgreement: {
      ageTiers: [
        { fromDays: 0, ratePct: 15 },
        { fromDays: 90, ratePct: 20 },
        { fromDays: 365, ratePct: 28 },
      ],
      legalHandoverRatePct: 10,
      minimumFeeCents: 5_00,
      // The damages allowed by Book XIX cover the agency's recovery costs: they are its own.
      interestAndCosts: "kept_by_agency",
      vatRatePct: 21,
    },
    policy: {
      maxInstalments: 10,
      maxDurationMonths: 10,
      minInstalmentCents: 20_00,
      maxFirstPaymentDelayDays: 14,
      maxSettlementDiscountPct: 20,
      autoAcceptSettlement: false,
      maxAutoBalanceCents: 1_500_00,
    },
    strategyName: "Belgique / België — consommateurs (standard)",
    strategySteps: standardSteps("first_reminder", true),
  },
  {
    key: "nl",
    name: "Kleurrijk Wonen",
    legalName: "Kleurrijk Wonen B.V.",
    jurisdiction: "NL",
    countryCode: "NL",
    vatNumber: "NL859123456B01",
    registrationNumber: "KvK 71234567",
    ibanBban: "INGB0001234567",
    address: "Oudegracht 120, 3511 AX Utrecht, Nederland",
    domain: "kleurrijkwonen.test",
    defaultLocale: "nl",
    financeUser: { email: "finance@kleurrijkwonen.test", displayName: "Joris van der Linden", locale: "nl" },
    caseCount: 100,
    debtors: { entity: "person", type: "consumer", populations: [["nl-NL", 92], ["en", 8]] },
    claims: {
      minCents: 25_00,
      maxCents: 2_500_00,
      stepCents: 1,
      paymentTermDays: 14,
      placedAfterDueDays: [21, 60],
      invoicePrefix: "KW",
      descriptions: ["Bestelling woonaccessoires", "Bank en fauteuil — achteraf betalen", "Verlichting en lampen", "Vloerkleed en kussens", "Tuinmeubelen"],
    },
    paymentReference: "rf",
    // iDEAL through Stripe Checkout is how Dutch consumers pay online.
    paymentMix: [["stripe", 60], ["bank_transfer", 25], ["demo", 5], ["direct_to_creditor", 10]],
    ogmClientCode: "33",
    noticeTemplate: "fourteen_day_letter",
    preferredNoticeChannel: "email",
    rules: NL_CONSUMER_RULES,
    // Dutch practice: the statutory collection costs pay the agency; commission on the principal is low.
    // VAT reverse-charged to the Dutch business client (art. 196 of Directive 2006/112/EC).
    feeAgreement: {
      ageTiers: [
        { fromDays: 0, ratePct: 5 },
        { fromDays: 180, ratePct: 10 },
      ],
      legalHandoverRatePct: 8,
      interestAndCosts: "kept_by_agency",
      vatRatePct: 0,
    },
    policy: {
      maxInstalments: 12,
      maxDurationMonths: 12,
      minInstalmentCents: 25_00,
      maxFirstPaymentDelayDays: 14,
      maxSettlementDiscountPct: 25,
      autoAcceptSettlement: false,
      maxAutoBalanceCents: 3_000_00,
    },
    strategyName: "Nederland — consumenten (standaard)",
    strategySteps: standardSteps("fourteen_day_letter", true),
  },
];

/** Client display names, for tests. */
export const DEMO_CLIENT_NAMES = CLIENT_PROFILES.map((c) => c.name);
/** Client users' emails, for tests and the login table. */
export const DEMO_CLIENT_USER_EMAILS = CLIENT_PROFILES.map((c) => c.financeUser.email);

/** The agency's default policy, for clients without one of their own. */
export const AGENCY_DEFAULT_POLICY: NegotiationPolicy = {
  maxInstalments: 6,
  maxDurationMonths: 6,
  minInstalmentCents: 25_00,
  maxFirstPaymentDelayDays: 14,
  maxSettlementDiscountPct: 10,
  autoAcceptSettlement: false,
  maxAutoBalanceCents: 5_000_00,
};
