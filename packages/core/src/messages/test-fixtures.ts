/**
 * What the message tests add to the case-action agency: the agency's settings, its default templates
 * (a few, worded like the seed's), and a debtor's contact points of every kind and state.
 */
import { agencySettings, contactPoints, messageTemplates, type Case, type ContactPoint, type Db } from "@recouvra/db";
import type { Clock } from "../context.ts";

export const AGENCY_IBAN = "BE71539007547034";

export async function setUpAgency(db: Db, overrides: Partial<typeof agencySettings.$inferInsert> = {}): Promise<void> {
  await db
    .insert(agencySettings)
    .values({ id: 1, name: "Recouvra Test Agency", phone: "+32 2 555 01 23", iban: AGENCY_IBAN, ...overrides })
    .onConflictDoUpdate({ target: agencySettings.id, set: { name: "Recouvra Test Agency", phone: "+32 2 555 01 23", iban: AGENCY_IBAN, ...overrides } });
}

/** The agency's default wording of the templates the tests send. */
export async function insertAgencyTemplates(db: Db): Promise<void> {
  await db.insert(messageTemplates).values([
    { key: "formal_notice", channel: "letter", locale: "fr", name: "Formal notice", subject: "Mise en demeure — dossier {reference}", body: "{debtor}, mise en demeure de payer {amount} dû à {creditor} au plus tard le {deadline}, référence {payment_reference}." },
    { key: "formal_notice", channel: "letter", locale: "en", name: "Formal notice", subject: "Formal notice — file {reference}", body: "{debtor}, formal notice to pay {amount} owed to {creditor} by {deadline}, reference {payment_reference}." },
    { key: "formal_notice", channel: "email", locale: "fr", name: "Formal notice", subject: "Mise en demeure — dossier {reference}", body: "Mise en demeure de payer {amount} dû à {creditor} au plus tard le {deadline}." },
    { key: "reminder_email", channel: "email", locale: "fr", name: "Reminder", subject: "Rappel — dossier {reference}", body: "Votre dossier {reference} présente un solde de {amount}. Virement sur {iban}. {agent}, {agency}." },
    { key: "reminder_sms", channel: "sms", locale: "fr", name: "Reminder", subject: null, body: "{agency} : dossier {reference}, solde {amount}. Payez sur {portal_url} ou appelez le {agency_phone}." },
    { key: "reminder_sms", channel: "sms", locale: "nl", name: "Reminder", subject: null, body: "{agency}: dossier {reference}, saldo {amount}. Betaal via {portal_url}." },
    { key: "reminder_sms", channel: "sms", locale: "en", name: "Reminder", subject: null, body: "{agency}: file {reference}, balance {amount}. Pay on {portal_url}." },
    { key: "promise_confirmation", channel: "sms", locale: "fr", name: "Promise confirmation", subject: null, body: "Merci. Nous notons votre engagement de payer {amount} au plus tard le {deadline} (dossier {reference})." },
  ]);
}

export interface DebtorPoints {
  mobile: ContactPoint;
  landline: ContactPoint;
  optedOut: ContactPoint;
  email: ContactPoint;
  invalidEmail: ContactPoint;
  address: ContactPoint;
}

/** A mobile, a landline, an opted-out mobile, a good and a bounced email, and a postal address. */
export async function addContactPoints(db: Db, kase: Case): Promise<DebtorPoints> {
  const base = { debtorId: kase.debtorId, clientId: kase.clientId };
  const rows = await db
    .insert(contactPoints)
    .values([
      { ...base, kind: "phone", value: "+33639980123", label: "mobile", isPrimary: true },
      { ...base, kind: "phone", value: "+33199001234", label: "domicile" },
      { ...base, kind: "phone", value: "+33639980999", label: "old mobile", optedOutAt: new Date("2027-02-03T10:00:00Z") },
      { ...base, kind: "email", value: "lea.martin@example.test", isPrimary: true, isVerified: true },
      { ...base, kind: "email", value: "old@example.test", isInvalid: true },
      { ...base, kind: "address", value: "12 rue des Lilas, 75011 Paris, FR", line1: "12 rue des Lilas", postalCode: "75011", city: "Paris", countryCode: "FR", isPrimary: true },
    ])
    .returning();
  const [mobile, landline, optedOut, email, invalidEmail, address] = rows;
  return { mobile: mobile!, landline: landline!, optedOut: optedOut!, email: email!, invalidEmail: invalidEmail!, address: address! };
}

/** A clock the test moves by hand. */
export function movableClock(iso: string): Clock & { advance(seconds: number): void; set(iso: string): void } {
  let current = new Date(iso);
  return {
    now: () => new Date(current),
    advance(seconds) {
      current = new Date(current.getTime() + seconds * 1000);
    },
    set(next) {
      current = new Date(next);
    },
  };
}
