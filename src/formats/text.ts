// Small text helpers every reader shares: clock times, cleaning untrusted text, words and sentences. Pure functions.
import { createRequire } from 'node:module';
import { decodeHTML, DecodingMode } from 'entities';

// read-source.ts (outside this folder) catches this error by importing it from here.
export { JsonSyntaxError } from './json-input.js';

/**
 * Speech rate used to estimate times for untimed text: 2.9 words per second (174 words per minute), measured as
 * total words over total duration across the 319 Lexicap episodes (7.38 M words in 703 hours, pauses included).
 */
export const WORDS_PER_SECOND = 2.9;

// ---------------------------------------------------------------------------------------------------------------
// Clock times

/**
 * Parses a clock time: "1:02:03", "01:02:03.456", "02:03,5", "2:3". "." or "," may introduce a fraction, never ":"
 * (so "00:00:05:120" and "00:05:120" are not times: a third colon field would be read as seconds or frames, and
 * guessing which is worse than refusing). Returns seconds rounded to milliseconds, or null when it is not a time.
 */
export function parseClock(text: string): number | null {
  const fast = parseCueClock(text);
  if (fast !== null) return fast;
  const m = /^\s*(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?\s*$/.exec(text);
  if (!m) return null;
  const minutes = Number(m[2]);
  const seconds = Number(m[3]);
  if (minutes > 59 || seconds > 59) return null;
  const fraction = m[4] ? Number(m[4].padEnd(3, '0')) / 1000 : 0;
  return round((m[1] ? Number(m[1]) : 0) * 3600 + minutes * 60 + seconds + fraction);
}

/**
 * The "[H:]MM:SS.mmm" shape subtitles use, read by hand: it is almost all of the millions of times a corpus holds,
 * and a regex per time was a measurable share of reading it.
 */
function parseCueClock(text: string): number | null {
  const n = text.length;
  if (n < 9 || n > 13) return null;
  const frac = n - 4;
  const sep = text.charCodeAt(frac);
  if (sep !== 46 /* . */ && sep !== 44 /* , */) return null;
  const ms = digits(text, frac + 1, n);
  const seconds = digits(text, frac - 2, frac);
  if (ms < 0 || seconds < 0 || seconds > 59 || text.charCodeAt(frac - 3) !== 58 /* : */) return null;
  const minutes = digits(text, frac - 5, frac - 3);
  if (minutes < 0 || minutes > 59) return null;
  let hours = 0;
  if (frac - 5 > 0) {
    if (text.charCodeAt(frac - 6) !== 58 || frac - 6 === 0) return null;
    hours = digits(text, 0, frac - 6);
    if (hours < 0) return null;
  }
  return round(hours * 3600 + minutes * 60 + seconds + ms / 1000);
}

/** The number written by the ASCII digits text[from, to), or -1 when any is not a digit. */
function digits(text: string, from: number, to: number): number {
  if (from < 0 || from >= to) return -1;
  let value = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * Formats seconds: 'short' as people read times ("1:02:03", "2:03" under an hour), 'padded' as "00:01:02" and
 * 'millis' as "00:01:02.500" (for messages about the times a file wrote).
 */
export function formatClock(seconds: number, style: 'short' | 'padded' | 'millis' = 'short'): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const s = style === 'millis' ? Math.floor(ms / 1000) : Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const pad = (v: number, w = 2): string => String(v).padStart(w, '0');
  const mmss = `${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
  if (style === 'short') return h > 0 ? `${h}:${mmss}` : mmss.replace(/^0(?=\d)/, '');
  return `${pad(h)}:${mmss}${style === 'millis' ? `.${pad(ms % 1000, 3)}` : ''}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Cleaning untrusted text

/** Decodes HTML character references (every HTML5 name, decimal, hex); names without their ";" are left as written. */
export function decodeEntities(text: string): string {
  return text.includes('&') ? decodeHTML(text, DecodingMode.Strict) : text;
}

/** Tags after which the words on either side belong to different lines or cells, so they leave a space. */
const BREAKING_TAG = /^<\/?(?:br|p|div|li|tr|td|th|h[1-6]|hr)\b/i;

/**
 * Removes "<tag ...>", "</tag>" and "<!-- comments -->", keeping their text; line-breaking tags leave a space. Written
 * by hand rather than with a regex so that thousands of unclosed "<!--" or "<a" in a hostile 2 MB line cost linear
 * time: a tag runs to the next ">" but not across another "<", and once one comment is left open none can close.
 */
export function stripTags(text: string): string {
  let at = text.indexOf('<');
  if (at === -1) return text;
  const parts: string[] = [];
  let from = 0;
  let commentsClose = true;
  while (at !== -1) {
    let skipTo = -1;
    if (text.startsWith('<!--', at)) {
      const close = commentsClose ? text.indexOf('-->', at + 4) : -1;
      if (close === -1) commentsClose = false;
      else skipTo = close + 3;
    } else {
      let i = at + 1;
      if (text.charCodeAt(i) === 47 /* / */) i++;
      if (isAsciiLetter(text.charCodeAt(i))) {
        let j = i + 1;
        while (j < text.length && text.charCodeAt(j) !== 62 && text.charCodeAt(j) !== 60) j++;
        if (text.charCodeAt(j) === 62) skipTo = j + 1;
      }
    }
    if (skipTo === -1) {
      at = text.indexOf('<', at + 1);
      continue;
    }
    parts.push(text.slice(from, at));
    if (BREAKING_TAG.test(text.slice(at, at + 8))) parts.push(' ');
    from = skipTo;
    at = text.indexOf('<', skipTo);
  }
  parts.push(text.slice(from));
  return parts.join('');
}

export function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Space, tab, line feed, form feed or carriage return: the whitespace of HTML and WebVTT syntax. */
export function isAsciiSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}

/** C0/C1 control characters other than tab and newline, and invisible zero-width ones: never meaningful here. */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\ufeff]/;
const CONTROLS_ALL = new RegExp(CONTROLS.source, 'g');

/** Replaces control characters with spaces, keeping line breaks (for readers that parse lines first). */
export function stripControls(text: string): string {
  return CONTROLS.test(text) ? text.replace(CONTROLS_ALL, ' ') : text;
}

const TAG_START = /<(?=\/?[a-zA-Z])/g;
const ENTITY_LIKE = /&(?=(?:[a-z][a-z0-9]*|#\d+|#x[0-9a-f]+);)/gi;

/**
 * Markup-bearing text to plain text, keeping line breaks. Entities are decoded and tags removed until neither is
 * left (three rounds at most), so "&lt;b&gt;" (an escaped tag) does not come back as markup and "&amp;amp;" does not
 * leave an entity. What still reads as markup after that ("<b < c>", which a browser takes for a tag, or "&bogus;") is
 * defused with a space, so no word is lost and nothing downstream can mistake it for markup.
 */
export function stripMarkup(raw: string): string {
  if (!raw.includes('<') && !raw.includes('&')) return raw;
  let text = raw;
  for (let round = 0; round < 3 && (text.includes('&') || text.includes('<')); round++) {
    const next = stripTags(decodeEntities(text));
    if (next === text) break;
    text = next;
  }
  const lastGt = text.lastIndexOf('>');
  if (lastGt !== -1 && text.includes('<')) {
    text = text.slice(0, lastGt).replace(TAG_START, '< ') + text.slice(lastGt);
  }
  return text.includes('&') ? text.replace(ENTITY_LIKE, '& ') : text;
}

/** One piece of untrusted text as plain text on one line: controls, tags and entities out, whitespace collapsed. */
export function plainText(text: string): string {
  return squash(stripMarkup(stripControls(text)));
}

/**
 * Collapses runs of whitespace to one space and trims. Text that is already single-spaced (most of it) is only
 * trimmed: a regex replace per cue was most of the time spent reading the Lexicap corpus.
 */
export function squash(text: string): string {
  let previousSpace = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32) {
      if (previousSpace && i > 0) return text.replace(/\s+/g, ' ').trim();
      previousSpace = true;
    } else if (code < 33 ? code >= 9 && code <= 13 : code >= 128 && isUnicodeSpace(code)) {
      return text.replace(/\s+/g, ' ').trim();
    } else {
      previousSpace = false;
    }
  }
  return text.trim();
}

/** The non-ASCII characters JavaScript's \s matches. */
function isUnicodeSpace(code: number): boolean {
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Words and sentences

/** Counts whitespace-separated words without building an array of them (readers count every turn of 20 MB files). */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13) || (c >= 128 && isUnicodeSpace(c))) inWord = false;
    else if (!inWord) {
      inWord = true;
      words++;
    }
  }
  return words;
}

type WinkDoc = { sentences(): { out(): string[] } };
type WinkNlp = { readDoc(text: string): WinkDoc };
let nlp: WinkNlp | undefined;

/** The English NLP pipeline (wink-nlp with its lite model, both from npm, nothing fetched). Loaded on first use. */
export function english(): WinkNlp {
  if (!nlp) {
    const require = createRequire(import.meta.url);
    const winkNLP = require('wink-nlp') as (model: unknown) => WinkNlp;
    const model = require('wink-eng-lite-web-model') as unknown;
    nlp = winkNLP(model);
  }
  return nlp;
}

/**
 * Splits prose into sentences with a real sentence-boundary detector (abbreviations, decimals, ellipses). wink-nlp also
 * ends a sentence inside a dotted token ("gradient.run/lex", "indeed.com"); a boundary with no whitespace in the text
 * is no boundary, so such pieces are glued back as they were written.
 */
export function splitSentences(text: string): string[] {
  const clean = squash(text);
  if (clean.length === 0) return [];
  const out: string[] = [];
  let cursor = 0;
  let previousEnd = -1;
  // wink-nlp works on bounded pieces; a pathological single "sentence" of megabytes is cut at whitespace first.
  for (const piece of boundedPieces(clean, 200_000)) {
    for (const raw of english().readDoc(piece).sentences().out()) {
      const sentence = raw.trim();
      if (!sentence) continue;
      // Searched near the cursor only: a sentence wink-nlp had altered must not cost a scan of the whole text.
      const near = clean.slice(cursor, cursor + sentence.length + 200).indexOf(sentence);
      const at = near === -1 ? -1 : cursor + near;
      if (at !== -1 && at === previousEnd) out[out.length - 1] += sentence;
      else out.push(sentence);
      previousEnd = at === -1 ? -1 : at + sentence.length;
      if (at !== -1) cursor = previousEnd;
    }
  }
  return out;
}

function* boundedPieces(text: string, size: number): Generator<string> {
  let from = 0;
  while (text.length - from > size) {
    let cut = text.lastIndexOf('. ', from + size);
    if (cut <= from) cut = text.lastIndexOf(' ', from + size);
    if (cut <= from) cut = from + size;
    yield text.slice(from, cut + 1);
    from = cut + 1;
  }
  if (from < text.length) yield text.slice(from);
}

/** Rounds to milliseconds, so times print and compare cleanly. */
export function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

/** Extracts a YouTube video id from a watch, share, embed or shorts URL. */
export function youtubeIdFromUrl(url: string): string | null {
  const m =
    /(?:youtube\.com\/(?:watch\?(?:[^#\s]*&)?v=|embed\/|shorts\/|live\/|v\/)|youtu\.be\/)([A-Za-z0-9_-]{11})(?![A-Za-z0-9_-])/.exec(
      url,
    );
  return m ? m[1]! : null;
}
