/** Reading a file's bytes as they arrive, whichever kind of stream an app hands over (uploads, imports). */

/** Bytes of a file, as a web stream (fetch, Remix) or any async iterable (Node streams). */
export type ByteSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

/** The chunks of `source` as they arrive. */
export async function* chunksOf(source: ByteSource): AsyncGenerator<Uint8Array> {
  if (typeof (source as ReadableStream<Uint8Array>).getReader !== "function") {
    yield* source as AsyncIterable<Uint8Array>;
    return;
  }
  const reader = (source as ReadableStream<Uint8Array>).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Stops the sender when the reader gives up early (a file too large); a no-op once it has ended.
    await reader.cancel().catch(() => {});
  }
}

/** `chunks` joined into one array of `length` bytes (their total length). */
export function concatBytes(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
