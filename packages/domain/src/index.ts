/**
 * @recouvra/domain — the pure rules of amicable debt collection: money, law, ledger, process.
 * No I/O, no clock, no environment: every input is passed in.
 */
export * from "./vocabulary.ts";
export * from "./dates.ts";
export * from "./money.ts";
export * from "./errors.ts";
// Law: rates, interest, costs, deadlines (France, Belgium, the Netherlands)
export * from "./rates.ts";
export * from "./interest.ts";
export * from "./nl.ts";
export * from "./be.ts";
export * from "./fr.ts";
// Process: allocation, references, stages, plans, policy, commission, ledger
export * from "./allocation.ts";
export * from "./references.ts";
export * from "./ledger.ts";
export * from "./stages.ts";
export * from "./schedule.ts";
export * from "./policy.ts";
export * from "./commission.ts";
// Workspace: queue prioritisation and placement import rows
export * from "./queue.ts";
export * from "./placement-import.ts";
export * from "./contact-points.ts";
export * from "./portal-access.ts";
// Messages: template wording and SMS length
export * from "./templates.ts";
export * from "./contact-rules.ts";
export * from "./documents.ts";
// Portal: the debtor's statement in plain words
export * from "./statement.ts";
// Portal: what a debtor may pay online, and how
export * from "./portal-payments.ts";
// Portal: a debtor proposing a plan or asking for a settlement
export * from "./portal-plans.ts";
// Portal and worker: paying a plan's instalments, by hand or collected from a saved method
export * from "./instalment-collection.ts";
// Portal: the debtor's own requests (dispute, already paid, message, call back) and how they reach a handler
export * from "./self-service.ts";
