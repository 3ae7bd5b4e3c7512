/** Reading an uploaded file into memory without letting an endless body fill it. */
import { chunksOf, concatBytes, type ByteSource } from "../byte-source.ts";

/** The bytes of an upload as the apps hand them over: a web stream, a Node stream, or bytes already read. */
export type DocumentBytes = Uint8Array | ByteSource;

/** All of `source` when it holds at most `maxBytes`; null as soon as it holds more (the rest is not read). */
export async function readAtMost(source: DocumentBytes, maxBytes: number): Promise<Uint8Array | null> {
  if (source instanceof Uint8Array) return source.length > maxBytes ? null : source;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunksOf(source)) {
    size += chunk.length;
    if (size > maxBytes) return null;
    chunks.push(chunk);
  }
  return concatBytes(chunks, size);
}
