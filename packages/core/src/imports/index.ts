// Use-cases of this area; each helper module is re-exported from here.
export { previewPlacementImport, PreviewPlacementImportInputSchema, type PlacementPreview, type PreviewPlacementImportInput } from "./preview-placement-import.ts";
export { commitPlacementImport, CommitPlacementImportInputSchema, type CommitPlacementImportInput, type CommittedPlacement } from "./commit-placement-import.ts";
export { placeCasesViaApi, PlaceCasesViaApiBodySchema, ApiKeyError, MAX_API_PLACEMENTS, type PlaceCasesViaApiResult } from "./place-cases-via-api.ts";
export {
  createClientApiKey,
  CreateClientApiKeyInputSchema,
  listClientApiKeys,
  revokeClientApiKey,
  type ClientApiKeySummary,
  type CreateClientApiKeyInput,
} from "./client-api-keys.ts";
export { listPlacementImports, getPlacementImportProgress, type PlacementImportLine, type PlacementImportProgress } from "./list-placement-imports.ts";
export { MAX_IMPORT_FILE_BYTES } from "./import-files.ts";
export { MAX_REPORTED_ERRORS, type PlacementCounts } from "./stage.ts";
export type { ByteSource } from "../byte-source.ts";
export type { CsvShape } from "./read-csv.ts";
export { listImportClients } from "./list-import-clients.ts";
