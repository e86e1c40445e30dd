import { InputError } from '../model/errors.js';

/** Default largest file `add` reads; transcripts of 10-hour episodes are a few MB, so 64 MB leaves room. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

const MAGIC: [string, number[]][] = [
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a ZIP archive (or DOCX/EPUB)', [0x50, 0x4b, 0x03, 0x04]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['an MP3 file', [0x49, 0x44, 0x33]],
  ['an Ogg media file', [0x4f, 0x67, 0x67, 0x53]],
  ['a RIFF media file (WAV/AVI)', [0x52, 0x49, 0x46, 0x46]],
  ['an SQLite database', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66]],
  ['an executable', [0x7f, 0x45, 0x4c, 0x46]],
];

function startsWith(bytes: Uint8Array, prefix: number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((b, i) => bytes[at + i] === b);
}

/** Guesses UTF-16 without a BOM from where the zero bytes of ASCII characters fall. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

export interface Decoded {
  text: string;
  encoding: string;
}

/**
 * Turns file bytes into clean text: detects UTF-8/UTF-16 (BOM or not) and falls back to Windows-1252 (a superset of
 * Latin-1) when the bytes are not UTF-8 (a rare broken sequence in otherwise valid UTF-8 becomes U+FFFD instead); normalizes newlines and Unicode (NFC). Refuses empty and binary files
 * with an InputError naming the reason.
 */
export function decodeBytes(bytes: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): Decoded {
  if (bytes.length === 0) throw new InputError('file is empty');
  if (bytes.length > maxBytes) {
    throw new InputError(`file is ${formatBytes(bytes.length)}, over the ${formatBytes(maxBytes)} size limit (--max-size)`);
  }
  for (const [what, magic] of MAGIC) {
    if (startsWith(bytes, magic)) throw new InputError(`binary file (looks like ${what}), not a transcript`);
  }
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    throw new InputError('UTF-32 text is not supported; save the file as UTF-8');
  }

  let encoding: string;
  let body = bytes;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    encoding = 'utf-8';
    body = bytes.subarray(3);
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    encoding = 'utf-16le';
    body = bytes.subarray(2);
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    encoding = 'utf-16be';
    body = bytes.subarray(2);
  } else {
    encoding = sniffUtf16(bytes) ?? 'utf-8';
  }

  if (encoding === 'utf-8' && body.includes(0)) throw new InputError('binary file (contains NUL bytes), not a transcript');

  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(body);
  } catch {
    if (encoding !== 'utf-8') throw new InputError(`invalid ${encoding.toUpperCase()} text`);
    if (mostlyUtf8(body)) {
      // A few broken sequences in UTF-8 text (whisper.cpp writes lone lead bytes where it cut a character) become
      // U+FFFD; reading the whole file as Windows-1252 would garble every other non-ASCII character instead.
      text = new TextDecoder('utf-8').decode(body);
    } else {
      encoding = 'windows-1252';
      text = decodeWindows1252(body);
    }
  }

  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');
  if (looksBinary(text)) throw new InputError('binary file (mostly control characters), not a transcript');
  if (text.trim().length === 0) throw new InputError('file holds only whitespace');
  return { text: text.normalize('NFC'), encoding };
}

/** Valid UTF-8 multi-byte sequences exist and invalid ones are under 1% of all non-ASCII sequences. */
function mostlyUtf8(bytes: Uint8Array): boolean {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const n = utf8SequenceLength(bytes, i);
    if (n > 0) valid++;
    else invalid++;
    i += n || 1;
  }
  return valid > 0 && invalid < (valid + invalid) * 0.01;
}

/** The length of the well-formed UTF-8 sequence at `at` (RFC 3629, table 3-7 of Unicode), or 0 when there is none. */
function utf8SequenceLength(bytes: Uint8Array, at: number): number {
  const b = bytes[at]!;
  const cont = (k: number, low = 0x80, high = 0xbf): boolean => {
    const c = bytes[at + k];
    return c !== undefined && c >= low && c <= high;
  };
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const second = b === 0xe0 ? cont(1, 0xa0) : b === 0xed ? cont(1, 0x80, 0x9f) : cont(1);
    return second && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const second = b === 0xf0 ? cont(1, 0x90) : b === 0xf4 ? cont(1, 0x80, 0x8f) : cont(1);
    return second && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

// Node's TextDecoder treats windows-1252 as ISO-8859-1, so 0x80-0x9F (where Windows puts €, curly quotes, dashes)
// would come out as invisible C1 controls; this is the WHATWG table for that range.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes = Array.from(bytes.subarray(i, i + CHUNK), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b));
    out += String.fromCharCode(...codes);
  }
  return out;
}

function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c) || c === 0xfffd) control++;
  }
  return control > sample.length * 0.02 + 2;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
