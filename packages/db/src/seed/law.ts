/**
 * The collection law each demo client works under, expressed only through @recouvra/domain: which
 * costs are owed and from when, which interest runs and at what rates, and the order payments are
 * allocated in. The seed never computes a legal amount itself.
 */
import {
  addDays,
  beConsumerDamagesCap,
  beMaxInterestRate,
  beReminderPeriod,
  frCommercialRateSchedule,
  frRecoveryIndemnity,
  maxDate,
  nlCollectionCosts,
  nlFourteenDayTerm,
  semesterRateSchedule,
  type IsoDate,
  type Jurisdiction,
  type RateSchedule,
} from "@recouvra/domain";

/** How the notice reached the debtor, as the waiting-period rules distinguish it. */
export type NoticeChannel = "post" | "email";

/** A cost line the law allows, with the basis the statement shows. */
export interface CostCharge {
  readonly cents: number;
  readonly description: string;
}

/** Interest a client may claim: the rate schedule, and from which day it runs. */
export interface InterestRule {
  readonly schedule: RateSchedule;
  /** Legal basis, shown on the statement. */
  readonly basis: string;
  /**
   * The last day nothing accrues (interest runs from the day after): the due date, or the end of the
   * waiting period when the law makes interest wait for the notice. Null: not yet claimable.
   */
  runsAfter(claim: { dueOn: IsoDate }, claimableFrom: IsoDate | null): IsoDate | null;
}

/** The law of one client's cases. */
export interface ChargeRules {
  /** Allocation order of `allocatePayment`. */
  readonly order: Jurisdiction;
  /** Costs owed as soon as the invoice is late, one entry per invoice (placed claims). */
  placementCosts(invoiceCount: number): CostCharge[];
  /** First day costs and interest may be claimed after the notice; null when the law imposes no wait. */
  claimableFrom(notice: { sentOn: IsoDate; channel: NoticeChannel }): IsoDate | null;
  /** Costs charged on `claimableFrom` if the debtor has not paid by then, on what is still owed. */
  deferredCosts(outstandingPrincipalCents: number): CostCharge | null;
  readonly interest: InterestRule | null;
}

/** France, business debtors: late-payment penalties at ECB + 10 and €40 per late invoice. */
export const FR_B2B_RULES: ChargeRules = {
  order: "FR",
  placementCosts: (invoiceCount) =>
    Array.from({ length: invoiceCount }, () => ({
      // Owed by operation of law from the day after the due date, without any reminder (art. L441-10 II).
      cents: frRecoveryIndemnity({ lateInvoices: 1, debtorIsProfessional: true }),
      description: "Indemnité forfaitaire pour frais de recouvrement (art. L441-10 II et D441-5 C. com.)",
    })),
  claimableFrom: () => null,
  deferredCosts: () => null,
  interest: {
    schedule: frCommercialRateSchedule(),
    basis: "Pénalités de retard, taux BCE + 10 points (art. L441-10 I C. com.)",
    // "Les pénalités de retard sont exigibles sans qu'un rappel soit nécessaire" (art. L441-10 I): they run
    // from the day after the due date, whatever the notice.
    runsAfter: (claim) => claim.dueOn,
  },
};

/** Book XIX entered into force on 1 September 2023: the cap applies to every semester since. */
const BE_CONSUMER_RATE_SCHEDULE = semesterRateSchedule("2023-H2", (s) => beMaxInterestRate(s).rate);

/** Belgium, consumer debtors: nothing beyond the principal until the free reminder's 14 days are over. */
export const BE_CONSUMER_RULES: ChargeRules = {
  order: "BE",
  placementCosts: () => [],
  claimableFrom: ({ sentOn, channel }) => beReminderPeriod({ sentOn, channel }).earliestDamagesDate,
  deferredCosts: (outstandingPrincipalCents) => ({
    cents: beConsumerDamagesCap(outstandingPrincipalCents),
    description: "Indemnité forfaitaire / schadebeding, plafond art. XIX.4 §2 CDE/WER",
  }),
  interest: {
    schedule: BE_CONSUMER_RATE_SCHEDULE,
    basis: "Intérêts de retard / verwijlintresten au taux de la loi du 2 août 2002, plafond art. XIX.4 CDE",
    // Art. XIX.2 §1: no interest before the free first reminder's term has run out.
    runsAfter: (claim, claimableFrom) => (claimableFrom ? maxDate(claim.dueOn, addDays(claimableFrom, -1)) : null),
  },
};

/**
 * The Netherlands, consumer debtors: statutory collection costs after the fourteen-day letter.
 * No statutory interest: the domain has no table of the Dutch wettelijke rente (art. 6:119 BW) yet, and
 * the seed must not invent rates.
 */
export const NL_CONSUMER_RULES: ChargeRules = {
  order: "NL",
  placementCosts: () => [],
  // The letter goes by email, so it is received the day it is sent (HR 25 Nov 2016, Fa-Med: the term
  // runs from the day after receipt).
  claimableFrom: ({ sentOn, channel }) =>
    nlFourteenDayTerm({ receivedOn: channel === "email" ? sentOn : addDays(sentOn, 2) }).earliestCostsDate,
  deferredCosts: (outstandingPrincipalCents) => ({
    cents: nlCollectionCosts(outstandingPrincipalCents),
    description: "Buitengerechtelijke incassokosten (art. 6:96 BW, Besluit vergoeding voor buitengerechtelijke incassokosten)",
  }),
  interest: null,
};
