/** Reading an uploaded file into memory without letting an endless body fill it. */

/** The bytes of an upload as the apps hand them over: a web stream, a Node stream, or bytes already read. */
export type DocumentBytes = Uint8Array | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

async function* chunksOf(source: Exclude<DocumentBytes, Uint8Array>): AsyncGenerator<Uint8Array> {
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
    // Stops the sender when we give up early (the file is too large).
    await reader.cancel().catch(() => {});
  }
}

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
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
