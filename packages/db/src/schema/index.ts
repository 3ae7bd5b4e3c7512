// The whole schema, one module per aggregate. drizzle-kit reads this file (drizzle.config.ts).
export * from "./clients.ts";
export * from "./users.ts";
export * from "./debtors.ts";
export * from "./cases.ts";
export * from "./ledger.ts";
export * from "./payments.ts";
export * from "./arrangements.ts";
export * from "./disputes.ts";
export * from "./contact.ts";
export * from "./documents.ts";
export * from "./fees.ts";
export * from "./remittances.ts";
export * from "./escalations.ts";
export * from "./audit.ts";
export * from "./system.ts";
