// A client creditor recalls a case.
export { recallCase, RecallCaseInputSchema, type RecallCaseInput } from "./recall-case.ts";
