import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "./errors.ts";
import { MAX_SMS_SEGMENTS, placeholdersIn, renderTemplate, smsSegments, TEMPLATE_PLACEHOLDERS, templateProblems } from "./templates.ts";

describe("renderTemplate", () => {
  it("fills every placeholder, however often it appears", () => {
    expect(renderTemplate("Dossier {reference}: {amount} dû à {creditor}, dossier { reference }.", { reference: "R-1", amount: "120,00 €", creditor: "Telenova" })).toBe(
      "Dossier R-1: 120,00 € dû à Telenova, dossier R-1.",
    );
  });

  it("refuses a placeholder with no value, naming it, rather than sending a hole", () => {
    const attempt = () => renderTemplate("Betaal {amount} op {iban}", { amount: "€ 10,00" });
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow("{iban}");
    try {
      attempt();
    } catch (e) {
      expect((e as DomainError).code).toBe("PRECONDITION_FAILED");
      expect((e as DomainError).field).toBe("iban");
    }
  });

  it("refuses an unknown placeholder", () => {
    expect(() => renderTemplate("Hello {firstname}", {})).toThrow("Unknown placeholder {firstname}");
  });

  it("leaves text without placeholders as it is (property)", () => {
    fc.assert(fc.property(fc.string().filter((s) => !s.includes("{")), (s) => renderTemplate(s, {}) === s));
  });

  it("never leaves a known placeholder behind once all values are given (property)", () => {
    const names = Object.keys(TEMPLATE_PLACEHOLDERS);
    const values = Object.fromEntries(names.map((n) => [n, `«${n}»`]));
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...names.map((n) => `{${n}}`)), fc.stringMatching(/^[^{}]*$/)), { maxLength: 12 }), (parts) => {
        const out = renderTemplate(parts.join(""), values);
        return !/\{[a-z_]+\}/.test(out);
      }),
    );
  });
});

describe("placeholdersIn", () => {
  it("lists each placeholder once, in order", () => {
    expect(placeholdersIn("{amount} {deadline} {amount} {nope}")).toEqual(["amount", "deadline", "nope"]);
  });
});

describe("templateProblems", () => {
  it("accepts a well-formed letter, email and SMS", () => {
    expect(templateProblems({ channel: "letter", subject: "Mise en demeure — {reference}", body: "Payez {amount} avant le {deadline}." })).toEqual([]);
    expect(templateProblems({ channel: "email", subject: "Rappel {reference}", body: "Solde {amount}." })).toEqual([]);
    expect(templateProblems({ channel: "sms", subject: null, body: "Dossier {reference}: {amount}. {portal_url}" })).toEqual([]);
  });

  it("names the field of every problem", () => {
    expect(templateProblems({ channel: "email", subject: "", body: "Hello {name}" })).toEqual([
      { field: "subject", message: "An email needs a subject." },
      { field: "body", message: expect.stringContaining("Unknown placeholder {name}") },
    ]);
    expect(templateProblems({ channel: "sms", subject: "Hi", body: "   " })).toEqual([
      { field: "subject", message: "An SMS has no subject: leave it empty." },
      { field: "body", message: "The text is empty." },
    ]);
    expect(templateProblems({ channel: "letter", subject: "Notice {reference", body: "Pay }" })).toEqual([
      { field: "subject", message: 'A "{" has no partner: placeholders are written {name}.' },
      { field: "body", message: 'A "}" has no partner: placeholders are written {name}.' },
    ]);
  });

  it("refuses an SMS that would need more than the maximum number of parts once filled", () => {
    const long = "Rappel ".repeat(100);
    expect(templateProblems({ channel: "sms", subject: null, body: long })).toEqual([
      { field: "body", message: expect.stringContaining(`at most ${MAX_SMS_SEGMENTS}`) },
    ]);
  });
});

describe("smsSegments (3GPP TS 23.038 / 23.040)", () => {
  it("fits 160 GSM-7 characters in one part and 153 per part beyond", () => {
    expect(smsSegments("a".repeat(160))).toEqual({ encoding: "gsm7", units: 160, segments: 1 });
    expect(smsSegments("a".repeat(161))).toEqual({ encoding: "gsm7", units: 161, segments: 2 });
    expect(smsSegments("a".repeat(306))).toEqual({ encoding: "gsm7", units: 306, segments: 2 });
    expect(smsSegments("a".repeat(307)).segments).toBe(3);
  });

  it("counts the extension table (€, brackets) as two septets", () => {
    expect(smsSegments("€".repeat(80))).toEqual({ encoding: "gsm7", units: 160, segments: 1 });
    expect(smsSegments("€".repeat(81)).segments).toBe(2);
  });

  it("keeps French accents of the basic set in GSM-7 but switches to UCS-2 for others", () => {
    expect(smsSegments("Dossier réglé à été").encoding).toBe("gsm7");
    // ê and ç (lower case) are not in the GSM-7 basic set.
    expect(smsSegments("Échéance fenêtre")).toMatchObject({ encoding: "ucs2" });
    expect(smsSegments("ç".repeat(70)).segments).toBe(1);
    expect(smsSegments("ç".repeat(71)).segments).toBe(2);
    expect(smsSegments("ç".repeat(134)).segments).toBe(2);
    expect(smsSegments("ç".repeat(135)).segments).toBe(3);
  });

  it("takes no part for an empty text and never fewer parts for a longer text (property)", () => {
    expect(smsSegments("").segments).toBe(0);
    fc.assert(fc.property(fc.string(), fc.string({ minLength: 1 }), (a, b) => smsSegments(a + b).segments >= smsSegments(a).segments || smsSegments(a).encoding !== smsSegments(a + b).encoding));
  });
});
