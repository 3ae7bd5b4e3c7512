import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkoutPaymentMethods, MIN_PORTAL_PAYMENT_CENTS, minimumPortalPaymentCents, portalPaymentRefusal } from "./portal-payments.ts";

describe("portalPaymentRefusal", () => {
  it("accepts the full balance and any amount between €5 and it", () => {
    expect(portalPaymentRefusal(124_050, 124_050)).toBeNull();
    expect(portalPaymentRefusal(500, 124_050)).toBeNull();
    expect(portalPaymentRefusal(30_000, 124_050)).toBeNull();
  });

  it("refuses more than the balance, naming the balance", () => {
    expect(portalPaymentRefusal(124_051, 124_050)).toEqual({ reason: "above_balance", balanceCents: 124_050 });
  });

  it("refuses less than €5, naming the minimum", () => {
    expect(portalPaymentRefusal(499, 124_050)).toEqual({ reason: "below_minimum", minimumCents: 500 });
    expect(portalPaymentRefusal(0, 124_050)).toEqual({ reason: "below_minimum", minimumCents: 500 });
  });

  it("lets a balance under €5 be paid in full, but not in part", () => {
    expect(minimumPortalPaymentCents(320)).toBe(320);
    expect(portalPaymentRefusal(320, 320)).toBeNull();
    expect(portalPaymentRefusal(300, 320)).toEqual({ reason: "below_minimum", minimumCents: 320 });
  });

  it("refuses everything when nothing is due", () => {
    expect(portalPaymentRefusal(500, 0)).toEqual({ reason: "nothing_due" });
    expect(portalPaymentRefusal(500, -1_000)).toEqual({ reason: "nothing_due" });
  });

  it("refuses fractions of a cent", () => {
    expect(portalPaymentRefusal(1_000.5, 124_050)).toEqual({ reason: "not_whole_cents" });
  });

  it("accepts exactly the amounts from the minimum to the balance", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: -1_000, max: 10_001_000 }), (balance, amount) => {
        const ok = portalPaymentRefusal(amount, balance) === null;
        expect(ok).toBe(amount >= Math.min(balance, MIN_PORTAL_PAYMENT_CENTS) && amount <= balance);
      }),
    );
  });
});

describe("checkoutPaymentMethods", () => {
  it("offers SEPA Direct Debit, Bancontact and iDEAL in euros only", () => {
    expect(checkoutPaymentMethods("EUR")).toEqual(["card", "sepa_debit", "bancontact", "ideal"]);
    expect(checkoutPaymentMethods("eur")).toEqual(["card", "sepa_debit", "bancontact", "ideal"]);
    expect(checkoutPaymentMethods("GBP")).toEqual(["card"]);
    expect(checkoutPaymentMethods("CHF")).toEqual(["card"]);
  });
});
