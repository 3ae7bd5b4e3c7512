/**
 * Where the bytes of documents live. Use-cases see only this interface (put / get / delete by key); the
 * default keeps files in PostgreSQL (`stored_files`, docs/decisions/0009) and writes through the
 * caller's transaction, so a document row and its bytes commit or roll back together.
 */
import { storedFiles, type DbOrTx } from "@recouvra/db";
import { eq } from "drizzle-orm";

/**
 * A store of files by key. Every call takes the executor the caller is working in: the database adapter
 * writes through it; an object-store adapter would ignore it for the bytes and rely on the sweep the
 * decision record describes for objects whose transaction rolled back.
 */
export interface FileStorage {
  /** A short name for logs and the status page ("database", "s3"...). */
  readonly name: string;
  /** Stores `bytes` under `key`; refuses to overwrite (documents are evidence: a key is written once). */
  put(executor: DbOrTx, key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes under `key`, or null when there are none. */
  get(executor: DbOrTx, key: string): Promise<Uint8Array | null>;
  /** Forgets `key`; nothing happens when it is unknown. */
  delete(executor: DbOrTx, key: string): Promise<void>;
}

/** The default storage: the `stored_files` table of the platform's own database. */
export const databaseFileStorage: FileStorage = {
  name: "database",
  async put(executor, key, bytes) {
    await executor.insert(storedFiles).values({ key, bytes });
  },
  async get(executor, key) {
    const [row] = await executor.select({ bytes: storedFiles.bytes }).from(storedFiles).where(eq(storedFiles.key, key)).limit(1);
    return row ? new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) : null;
  },
  async delete(executor, key) {
    await executor.delete(storedFiles).where(eq(storedFiles.key, key));
  },
};
