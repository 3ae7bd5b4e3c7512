// The debtor's statement in the portal, and the documents the debtor may download.
export {
  getDebtorStatement,
  GetDebtorStatementInputSchema,
  type DebtorStatement,
  type GetDebtorStatementInput,
  type StatementCommitment,
  type StatementDocument,
  type StatementInvoice,
  type StatementLine,
  type StatementPayment,
} from "./get-debtor-statement.ts";
export { getDebtorDocument, GetDebtorDocumentInputSchema, type GetDebtorDocumentInput } from "./get-debtor-document.ts";
