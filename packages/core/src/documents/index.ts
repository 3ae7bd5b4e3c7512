// Documents of a case: upload, download; and the storage their bytes go to.
export {
  documentStorageKey,
  getDocumentUploadForm,
  uploadCaseDocument,
  UploadCaseDocumentInputSchema,
  type DocumentUploadForm,
  type UploadCaseDocumentInput,
  type UploadedDocument,
} from "./upload-case-document.ts";
export { getDocumentContent, type DocumentContent } from "./get-document-content.ts";
export { documentResponse } from "./document-response.ts";
export type { DocumentBytes } from "./read-at-most.ts";
export * from "../storage/index.ts";
