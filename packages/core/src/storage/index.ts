// The file storage adapters; the documents use-cases take one (the database by default).
export { databaseFileStorage, type FileStorage } from "./file-storage.ts";
