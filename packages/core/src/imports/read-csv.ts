/**
 * Streaming read of a creditor's CSV: bytes in, one array of cells per record out, never the whole
 * file in memory. Detects the encoding (UTF-8 with or without BOM, else Windows-1252, which is what
 * Excel on Windows saves as "CSV") and the delimiter (`,` `;` or tab) from the start of the file.
 */
import { parse, type CsvError } from "csv-parse";
import { Readable } from "node:stream";
import { chunksOf, concatBytes, type ByteSource } from "../byte-source.ts";

/** One record of the file: `line` is where it ends in the file (1-based, header = 1). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export interface CsvShape {
  encoding: "utf-8" | "windows-1252";
  hasBom: boolean;
  delimiter: "," | ";" | "\t";
}

// How much of the file decides encoding and delimiter: enough for any header line and a few rows.
const SNIFF_BYTES = 64 * 1024;
// A record longer than this is a broken file (an unclosed quote swallowing the rest), not data.
const MAX_RECORD_CHARS = 256 * 1024;

/** A file-level problem (bad quoting, a runaway field): reading stops at `line`. */
export class CsvReadError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = "CsvReadError";
  }
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    // stream: true lets a multi-byte character cut at the end of the sample pass.
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** The delimiter used most often outside quotes on the header line; `,` when none appears. */
export function detectDelimiter(text: string): CsvShape["delimiter"] {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  const best = (Object.entries(counts) as [CsvShape["delimiter"], number][]).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : ",";
}

/**
 * Decodes the file into text chunks, after sniffing its shape from the first bytes. `onShape` is
 * called once, before the first chunk.
 */
async function* decode(source: ByteSource, onShape: (shape: CsvShape) => void): AsyncGenerator<string> {
  const bytes = chunksOf(source);
  const head: Uint8Array[] = [];
  let headLength = 0;
  let done = false;
  while (headLength < SNIFF_BYTES) {
    const next = await bytes.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    headLength += next.value.length;
  }
  let sample = concatBytes(head, headLength);
  const hasBom = sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf;
  if (hasBom) sample = sample.subarray(3);
  const encoding = hasBom || isUtf8(sample) ? "utf-8" : "windows-1252";
  // Past the sample, a stray invalid byte becomes U+FFFD rather than stopping the import.
  const decoder = new TextDecoder(encoding);
  const first = decoder.decode(sample, { stream: true });
  onShape({ encoding, hasBom, delimiter: detectDelimiter(first) });
  yield first;
  if (!done) {
    for (;;) {
      const next = await bytes.next();
      if (next.done) break;
      const text = decoder.decode(next.value, { stream: true });
      if (text) yield text;
    }
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/**
 * Reads `source` record by record, with back-pressure: the next bytes are read only as records are
 * consumed. Throws CsvReadError for a file that cannot be read as CSV from some line on.
 */
export async function* readCsv(source: ByteSource, onShape?: (shape: CsvShape) => void): AsyncGenerator<CsvRecord> {
  let parser: ReturnType<typeof parse> | undefined;
  const text = decode(source, (shape) => {
    onShape?.(shape);
    parser = parse({
      delimiter: shape.delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      max_record_size: MAX_RECORD_CHARS,
      info: true,
    });
  });
  // The first chunk creates the parser; pull it before wiring the stream.
  const first = await text.next();
  if (first.done || !parser) return;
  const input = Readable.from(
    (async function* () {
      yield first.value;
      yield* text;
    })(),
    { objectMode: false },
  );
  input.on("error", (e) => parser!.destroy(e));
  input.pipe(parser);
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { line: item.info.lines, cells: item.record };
    }
  } catch (e) {
    const err = e as CsvError & { lines?: number };
    if (typeof err.code === "string" && err.code.startsWith("CSV_")) {
      const line = err.lines ?? 0;
      const why =
        err.code === "CSV_MAX_RECORD_SIZE"
          ? "a field is far too long (probably an unclosed quote)"
          : err.code === "CSV_QUOTE_NOT_CLOSED"
            ? "a quote is opened and never closed"
            : "it is not valid CSV";
      throw new CsvReadError(`The file cannot be read from line ${line}: ${why}.`, line);
    }
    throw e;
  } finally {
    input.destroy();
  }
}
