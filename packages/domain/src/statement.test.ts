import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./dates.ts";
import { beConsumerDamagesCap, beReminderPeriod } from "./be.ts";
import { frRecoveryIndemnity } from "./fr.ts";
import { formatMoney } from "./money.ts";
import { nlCollectionCosts, nlFourteenDayTerm } from "./nl.ts";
import {
  allocationRuleText,
  costRegimeOf,
  explainStatementLine,
  formatStatementDate,
  formatStatementMoney,
  interestRegimeOf,
  isDebtorDocumentKind,
  parseInterestDescription,
  STATEMENT_LANGUAGES,
  type StatementLineFacts,
} from "./statement.ts";
import { DOCUMENT_KINDS } from "./vocabulary.ts";

const facts = (over: Partial<StatementLineFacts>): StatementLineFacts => ({
  component: "costs",
  kind: "charged",
  amountCents: 0,
  currency: "EUR",
  effectiveOn: "2027-03-01",
  description: null,
  invoiceNumber: null,
  jurisdiction: "NL",
  ...over,
});

// The cost descriptions the law profiles book (packages/db/src/seed/law.ts).
const NL_BIK = "Buitengerechtelijke incassokosten (art. 6:96 BW, Besluit vergoeding voor buitengerechtelijke incassokosten)";
const BE_DAMAGES = "Indemnité forfaitaire / schadebeding, plafond art. XIX.4 §2 CDE/WER";
const FR_INDEMNITY = "Indemnité forfaitaire pour frais de recouvrement (art. L441-10 II et D441-5 C. com.)";

describe("explainStatementLine: costs", () => {
  it("NL: €1,000 principal → €150 collection costs, allowed after the 14-day term counted from the day after receipt", () => {
    // The fourteen-day letter was received on Monday 1 March 2027: the term runs 2–15 March, costs from 16 March.
    const term = nlFourteenDayTerm({ receivedOn: "2027-03-01" });
    expect(term.end).toBe("2027-03-15");
    const cents = nlCollectionCosts(1_000_00);
    expect(cents).toBe(150_00);
    const line = explainStatementLine(facts({ amountCents: cents, effectiveOn: term.earliestCostsDate, description: NL_BIK }), "en");
    expect(line.title).toBe("Collection costs");
    expect(line.basis).toContain("art. 6:96");
    expect(line.basis).toContain("Besluit vergoeding voor buitengerechtelijke incassokosten");
    expect(line.detail).toContain("15% of the first €2,500");
    expect(line.detail).toContain("14-day term of the reminder letter ended on 15 March 2027");

    const nl = explainStatementLine(facts({ amountCents: cents, effectiveOn: term.earliestCostsDate, description: NL_BIK }), "nl");
    expect(nl.title).toBe("Incassokosten");
    expect(nl.detail).toContain("op 15 maart 2027 is verstreken");
  });

  it("BE consumer: the capped fixed damages, allowed after the free reminder's 14 days", () => {
    // €1,000 outstanding: €65 + 5% of the €500 above €500 = €90.
    expect(beConsumerDamagesCap(1_000_00)).toBe(90_00);
    const period = beReminderPeriod({ sentOn: "2027-03-01", channel: "email" });
    expect(period.end).toBe("2027-03-15");
    const line = explainStatementLine(facts({ jurisdiction: "BE", amountCents: 90_00, effectiveOn: period.earliestDamagesDate, description: BE_DAMAGES }), "fr");
    expect(line.title).toBe("Indemnité forfaitaire");
    expect(line.basis).toBe("Code de droit économique, art. XIX.4, § 2.");
    expect(line.detail).toContain("65 € plus 5 % au-delà de 500 €");
    expect(line.detail).toContain("a pris fin le 15 mars 2027");
  });

  it("FR B2B: €40 per late invoice, owed from the day after the due date without any reminder", () => {
    expect(frRecoveryIndemnity({ lateInvoices: 1, debtorIsProfessional: true })).toBe(40_00);
    const line = explainStatementLine(
      facts({ jurisdiction: "FR", amountCents: 40_00, effectiveOn: addDays("2027-01-31", 1), description: FR_INDEMNITY, invoiceNumber: "F-2027-001" }),
      "fr",
    );
    expect(line.title).toBe("Indemnité forfaitaire pour frais de recouvrement");
    expect(line.basis).toBe("Code de commerce, art. L441-10 II et D441-5.");
    expect(line.detail).toBe(`Un montant fixe de ${formatMoney(40_00, "EUR", "fr-FR")} par facture payée en retard entre professionnels (facture F-2027-001), dû de plein droit depuis le 1 février 2027, lendemain de l'échéance.`);
  });

  it("reads the rule from the booked basis before falling back on the country", () => {
    expect(costRegimeOf(NL_BIK, "BE")).toBe("nl_collection_costs");
    expect(costRegimeOf(null, "BE")).toBe("be_fixed_damages");
    expect(costRegimeOf("Frais divers", "FR")).toBe("other");
    expect(interestRegimeOf("Intérêts au taux légal (art. 1231-6 C. civ.)", "FR")).toBe("fr_legal");
    expect(interestRegimeOf("Wettelijke handelsrente (art. 6:119a BW)", "NL")).toBe("nl_commercial");
    expect(interestRegimeOf(null, "NL")).toBe("nl_statutory");
  });
});

describe("explainStatementLine: interest", () => {
  const description = "Pénalités de retard, taux BCE + 10 points (art. L441-10 I C. com.): 1 234,56 € from 2027-02-01 to 2027-02-28 (28 days at 12.5% then 12.15%)";

  it("parses what the accrual recorded", () => {
    expect(parseInterestDescription(description)).toEqual({
      basis: "Pénalités de retard, taux BCE + 10 points (art. L441-10 I C. com.)",
      principal: "1 234,56 €",
      from: "2027-02-01",
      to: "2027-02-28",
      days: 28,
      rates: "12.5% then 12.15%",
    });
    expect(parseInterestDescription("Manual interest")).toBeNull();
  });

  it("says the rate, basis, period and principal in each language", () => {
    const base = facts({ component: "interest", kind: "accrued", amountCents: 11_62, jurisdiction: "FR", description, invoiceNumber: "F-1" });
    const en = explainStatementLine(base, "en");
    expect(en.title).toBe("Late-payment interest on invoice F-1");
    expect(en.basis).toContain("art. L441-10 I");
    expect(en.detail).toBe("On €1,234.56, from 1 February 2027 to 28 February 2027: 28 days at 12.5% then 12.15% a year.");
    expect(en.interest).toEqual({ from: "2027-02-01", to: "2027-02-28", days: 28, rates: "12.5% then 12.15%" });
    const fr = explainStatementLine(base, "fr");
    expect(fr.detail).toBe(`Sur ${formatMoney(1234_56, "EUR", "fr-FR")}, du 1 février 2027 au 28 février 2027 : 28 jours au taux annuel de ${new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 4 }).format(0.125)} puis ${new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 4 }).format(0.1215)}.`);
    const nl = explainStatementLine(base, "nl");
    expect(nl.title).toBe("Vertragingsrente op factuur F-1");
    expect(nl.detail).toContain("van 1 februari 2027 tot en met 28 februari 2027: 28 dagen");
  });

  it("BE: names the law of 2 August 2002 and Book XIX", () => {
    const line = explainStatementLine(
      facts({
        component: "interest",
        kind: "accrued",
        jurisdiction: "BE",
        amountCents: 5_00,
        description: "Intérêts de retard / verwijlintresten au taux de la loi du 2 août 2002, plafond art. XIX.4 CDE: € 500,00 from 2027-03-16 to 2027-03-31 (16 days at 10.5%)",
      }),
      "nl",
    );
    expect(line.basis).toContain("wet van 2 augustus 2002");
    expect(line.detail).toContain(`Over ${formatMoney(500_00, "EUR", "nl-NL")}`);
  });

  it("keeps an accrual that recorded no computation readable", () => {
    const line = explainStatementLine(facts({ component: "interest", kind: "accrued", amountCents: 3_00, jurisdiction: "XX", description: "Agreed interest" }), "en");
    expect(line).toEqual({ title: "Late-payment interest", basis: "Agreed interest", detail: null, interest: null });
  });
});

describe("explainStatementLine: other lines", () => {
  it("invoices, payments and corrections", () => {
    expect(explainStatementLine(facts({ component: "principal", kind: "placed", amountCents: 100_00, invoiceNumber: "A-7" }), "en", "2027-01-15")).toEqual({
      title: "Invoice A-7",
      basis: null,
      detail: "Unpaid amount of the invoice, due on 15 January 2027.",
      interest: null,
    });
    expect(explainStatementLine(facts({ component: "interest", kind: "payment", amountCents: -5_00 }), "fr").detail).toBe("Affecté aux intérêts.");
    expect(explainStatementLine(facts({ kind: "write_off", amountCents: -5_00 }), "nl").title).toBe("Kwijtgescholden bedrag");
  });

  it("every line has a title in every language, whatever the entry", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("principal", "interest", "costs", "fees" as const),
        fc.constantFrom("placed", "accrued", "charged", "payment", "adjustment", "write_off", "reversal" as const),
        fc.constantFrom("FR", "BE", "NL", "DE"),
        fc.option(fc.string(), { nil: null }),
        (component, kind, jurisdiction, description) => {
          for (const language of STATEMENT_LANGUAGES) {
            const line = explainStatementLine(facts({ component, kind, jurisdiction, description, amountCents: 1 }), language);
            expect(line.title.length).toBeGreaterThan(0);
          }
        },
      ),
    );
  });
});

describe("formatting and documents", () => {
  it("formats per language", () => {
    expect(formatStatementDate("2027-03-15", "fr")).toBe("15 mars 2027");
    expect(formatStatementDate("2027-03-15", "nl")).toBe("15 maart 2027");
    expect(formatStatementDate("2027-03-15", "en")).toBe("15 March 2027");
    expect(formatStatementMoney(123456, "EUR", "en")).toBe("€1,234.56");
    expect(formatStatementMoney(123456, "EUR", "nl")).toBe("€\u00a01.234,56");
  });

  it("explains the allocation order per country", () => {
    expect(allocationRuleText("NL", "en")).toContain("art. 6:43 and 6:44");
    expect(allocationRuleText("FR", "fr")).toContain("1343-1");
    expect(allocationRuleText("DE", "nl")).toBe("Betalingen gaan eerst naar de kosten, dan naar de rente, dan naar de facturen.");
  });

  it("keeps the agency's internal files and the creditor's statements from the debtor", () => {
    expect(DOCUMENT_KINDS.filter((k) => !isDebtorDocumentKind(k))).toEqual(["legal_dossier", "remittance_statement", "other"]);
  });
});
