/**
 * Where an uploaded file waits between its preview and its commit: a private temporary directory of
 * this machine. Several app servers behind a load balancer would need shared storage here (the
 * storage adapter), which is why everything goes through these three functions.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { DomainError } from "@recouvra/domain";
import type { ByteSource } from "../byte-source.ts";

/** Largest file accepted (a million claims is ~200 MB of CSV). */
export const MAX_IMPORT_FILE_BYTES = 512 * 1024 * 1024;

function dir(): string {
  return join(tmpdir(), "recouvra-imports");
}

function pathOf(batchId: string): string {
  if (!/^[0-9a-f-]{36}$/.test(batchId)) throw new RangeError("import file id must be a uuid");
  return join(dir(), `${batchId}.csv`);
}

/** Writes `source` to the file of `batchId`, refusing files above the size limit. Returns its size. */
export async function storeImportFile(batchId: string, source: ByteSource): Promise<number> {
  await mkdir(dir(), { recursive: true, mode: 0o700 });
  let size = 0;
  const counted = async function* () {
    const iterable = typeof (source as ReadableStream).getReader === "function" ? Readable.fromWeb(source as WebReadableStream<Uint8Array>) : source;
    for await (const chunk of iterable as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > MAX_IMPORT_FILE_BYTES) throw new DomainError("LIMIT_EXCEEDED", "The file is larger than 512 MB; split it into several files.");
      yield chunk;
    }
  };
  try {
    await pipeline(counted, createWriteStream(pathOf(batchId), { mode: 0o600 }));
  } catch (e) {
    await rm(pathOf(batchId), { force: true });
    throw e;
  }
  return size;
}

/** The stored file of `batchId` as a byte stream; NOT_FOUND when it is gone (server restarted, cleaned). */
export async function openImportFile(batchId: string): Promise<AsyncIterable<Uint8Array>> {
  try {
    await stat(pathOf(batchId));
  } catch {
    throw new DomainError("NOT_FOUND", "The uploaded file is no longer available; upload it again.");
  }
  return createReadStream(pathOf(batchId), { highWaterMark: 256 * 1024 });
}

/** Forgets the stored file of `batchId`. */
export async function removeImportFile(batchId: string): Promise<void> {
  await rm(pathOf(batchId), { force: true });
}
