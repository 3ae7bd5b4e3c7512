/**
 * The shared vocabulary of Recouvra: every enumerated value the domain, the database and the apps use.
 * The database mirrors these lists in CHECK constraints, so a value is valid everywhere or nowhere.
 */

/** Jurisdictions whose collection law the platform encodes. */
export const JURISDICTIONS = ["FR", "BE", "NL"] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

/** Languages the debtor-facing side speaks. */
export const LOCALES = ["fr", "nl", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** Consumer vs business matters legally (cost caps, waiting periods, B2B indemnity). */
export const DEBTOR_TYPES = ["consumer", "business"] as const;
export type DebtorType = (typeof DEBTOR_TYPES)[number];

/** A debtor is a natural person or a legal entity. */
export const DEBTOR_ENTITIES = ["person", "company"] as const;
export type DebtorEntity = (typeof DEBTOR_ENTITIES)[number];

/** Staff roles in the agency, plus the client (creditor) user bound to one client. */
export const USER_ROLES = ["admin", "supervisor", "agent", "client"] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** The main line of a case's life. */
export const CASE_STAGES = ["new", "notified", "in_contact", "negotiating", "arrangement", "promise", "closed"] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

/** Holds stop collection activity while they are set; a case may carry several. */
export const CASE_HOLDS = ["disputed", "insolvency", "deceased", "vulnerable"] as const;
export type CaseHold = (typeof CASE_HOLDS)[number];

/** Why a case was closed. */
export const CLOSURE_REASONS = ["paid", "settled", "withdrawn", "uncollectable", "legal_handover"] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/** Escalation steps: the 90-day review and the 120-day legal dossier. */
export const ESCALATION_KINDS = ["review", "legal_dossier"] as const;
export type EscalationKind = (typeof ESCALATION_KINDS)[number];
export const ESCALATION_STATUSES = ["open", "decided"] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];
/** What was decided: by the agency at review, by the creditor on a dossier. */
export const ESCALATION_DECISIONS = ["continue_amicable", "settle", "prepare_dossier", "proceed_legal", "write_off"] as const;
export type EscalationDecision = (typeof ESCALATION_DECISIONS)[number];

/** Components a case balance is made of; payments are allocated across them. */
export const LEDGER_COMPONENTS = ["principal", "interest", "costs", "fees"] as const;
export type LedgerComponent = (typeof LEDGER_COMPONENTS)[number];

/** What a ledger entry records. Entries are append-only: corrections are new entries. */
export const LEDGER_KINDS = ["placed", "accrued", "charged", "payment", "adjustment", "write_off", "reversal"] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** Where money came from. `direct_to_creditor` still earns commission (no cure, no pay). */
export const PAYMENT_PROVIDERS = ["stripe", "demo", "bank_transfer", "direct_to_creditor", "manual"] as const;
export type PaymentProvider = (typeof PAYMENT_PROVIDERS)[number];
export const PAYMENT_STATUSES = ["succeeded", "reversed"] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** Payment plan life cycle. */
export const ARRANGEMENT_STATUSES = ["proposed", "countered", "accepted", "active", "completed", "broken", "rejected"] as const;
export type ArrangementStatus = (typeof ARRANGEMENT_STATUSES)[number];
export const ARRANGEMENT_KINDS = ["plan", "settlement"] as const;
export type ArrangementKind = (typeof ARRANGEMENT_KINDS)[number];
export const PROPOSERS = ["debtor", "agent", "client", "policy"] as const;
export type Proposer = (typeof PROPOSERS)[number];
export const INSTALMENT_STATUSES = ["scheduled", "paid", "partially_paid", "missed", "waived"] as const;
export type InstalmentStatus = (typeof INSTALMENT_STATUSES)[number];
export const PLAN_FREQUENCIES = ["weekly", "biweekly", "monthly"] as const;
export type PlanFrequency = (typeof PLAN_FREQUENCIES)[number];

export const PROMISE_STATUSES = ["pending", "kept", "broken", "cancelled"] as const;
export type PromiseStatus = (typeof PROMISE_STATUSES)[number];

export const DISPUTE_STATUSES = ["open", "upheld", "rejected", "withdrawn"] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];
export const DISPUTE_REASONS = ["not_mine", "already_paid", "amount_wrong", "goods_or_service", "identity_theft", "other"] as const;
export type DisputeReason = (typeof DISPUTE_REASONS)[number];

/** Every way of being in touch with a debtor. */
export const CHANNELS = ["letter", "email", "sms", "phone", "portal", "visit"] as const;
export type Channel = (typeof CHANNELS)[number];
/** Channels a message is sent through (the outbox). */
export const MESSAGE_CHANNELS = ["letter", "email", "sms"] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];
export const DIRECTIONS = ["outbound", "inbound"] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const MESSAGE_STATUSES = ["queued", "sending", "sent", "delivered", "failed", "bounced", "complained", "suppressed", "received"] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** Outcome of an interaction (call, visit, message event). */
export const INTERACTION_OUTCOMES = [
  "right_party_contact",
  "third_party",
  "no_answer",
  "voicemail",
  "wrong_number",
  "refused",
  "promised",
  "disputed",
  "callback_requested",
  "sent",
  "delivered",
  "bounced",
  "replied",
] as const;
export type InteractionOutcome = (typeof INTERACTION_OUTCOMES)[number];

export const CONTACT_POINT_KINDS = ["email", "phone", "address"] as const;
export type ContactPointKind = (typeof CONTACT_POINT_KINDS)[number];

/** The channels a debtor can ask to be reached on (portal "how should we contact you"). */
export const PREFERRED_CHANNELS = ["email", "sms", "phone", "letter"] as const;
export type PreferredChannel = (typeof PREFERRED_CHANNELS)[number];
/** Parts of the day a debtor can say suit them; the contact governor keeps its own legal hours on top. */
export const CONTACT_TIME_SLOTS = ["morning", "afternoon", "evening"] as const;
export type ContactTimeSlot = (typeof CONTACT_TIME_SLOTS)[number];

/** How a plan's instalments can be collected automatically (a saved card or a SEPA Direct Debit mandate). */
export const MANDATE_METHODS = ["card", "sepa_debit"] as const;
export type MandateMethod = (typeof MANDATE_METHODS)[number];
export const MANDATE_STATUSES = ["active", "revoked"] as const;
export type MandateStatus = (typeof MANDATE_STATUSES)[number];

export const DOCUMENT_KINDS = [
  "invoice",
  "contract",
  "formal_notice",
  "letter",
  "plan_agreement",
  "receipt",
  "dispute_evidence",
  "legal_dossier",
  "remittance_statement",
  "other",
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const REMITTANCE_STATUSES = ["draft", "issued", "settled"] as const;
export type RemittanceStatus = (typeof REMITTANCE_STATUSES)[number];

/** Who acted, in the audit trail and in use-case contexts. */
export const ACTOR_KINDS = ["user", "debtor", "system", "client_api"] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];
