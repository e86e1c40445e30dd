// Small text helpers every reader shares. Pure functions, no I/O.
import { createRequire } from 'node:module';
import type { Turn } from '../model/episode.js';

/**
 * Speech rate used to estimate times for untimed text: 2.9 words per second (174 words per minute), measured as
 * total words over total duration across the 319 Lexicap episodes (7.38 M words in 703 hours, pauses included).
 */
export const WORDS_PER_SECOND = 2.9;

/**
 * Parses a clock time: "1:02:03", "01:02:03.456", "02:03,5", "2:3", "00:00:05:120"-style is not accepted.
 * Accepts "." or "," before the fraction and one-digit fields, as SRT and VTT files in the wild use.
 * Returns seconds, or null when the text is not a time.
 */
export function parseClock(text: string): number | null {
  const m = /^\s*(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})(?:[.,:](\d{1,3}))?\s*$/.exec(text);
  if (!m) return null;
  const hours = m[1] ? Number(m[1]) : 0;
  const minutes = Number(m[2]);
  const seconds = Number(m[3]);
  if (minutes > 59 || seconds > 59) return null;
  const fraction = m[4] ? Number(m[4].padEnd(3, '0')) / 1000 : 0;
  return hours * 3600 + minutes * 60 + seconds + fraction;
}

/** Formats seconds as "1:02:03" (or "2:03" under an hour), the way people read times. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(sec).padStart(2, '0')}`;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', lrm: '', rlm: '', ndash: '–', mdash: '—',
  hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', copy: '©', reg: '®', trade: '™', eacute: 'é',
  egrave: 'è', aacute: 'á', agrave: 'à', iacute: 'í', oacute: 'ó', uacute: 'ú', ntilde: 'ñ', ouml: 'ö',
  uuml: 'ü', auml: 'ä', ccedil: 'ç', szlig: 'ß', euro: '€', pound: '£', deg: '°', middot: '·', bull: '•',
};

/** Decodes HTML character references (named, decimal, hex); unknown names are left as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z][a-z0-9]{1,31});/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** Removes HTML/XML-like tags, keeping their text content. */
export function stripTags(text: string): string {
  if (!text.includes('<')) return text;
  return text.replace(/<\/?[a-zA-Z][^<>]*>|<!--[\s\S]*?-->/g, '');
}

/** Collapses runs of whitespace to one space and trims. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Cleans one piece of markup-bearing transcript text into plain text. */
export function plainText(text: string): string {
  return squash(decodeEntities(stripTags(text)));
}

export function countWords(text: string): number {
  const m = text.match(/\S+/g);
  return m ? m.length : 0;
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

/** Splits prose into sentences with a real sentence-boundary detector (abbreviations, decimals, ellipses). */
export function splitSentences(text: string): string[] {
  const clean = squash(text);
  if (clean.length === 0) return [];
  // wink-nlp works on bounded pieces; a pathological single "sentence" of megabytes is cut at whitespace first.
  const out: string[] = [];
  for (const piece of boundedPieces(clean, 200_000)) {
    for (const s of english().readDoc(piece).sentences().out()) {
      const t = s.trim();
      if (t) out.push(t);
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

/**
 * Gives untimed texts consecutive estimated times from their word counts at WORDS_PER_SECOND, starting at `start`.
 */
export function estimateTurns(
  items: { text: string; speaker?: string | null }[],
  start = 0,
  wordsPerSecond = WORDS_PER_SECOND,
): Turn[] {
  let t = start;
  return items.map((item) => {
    const duration = Math.max(countWords(item.text), 1) / wordsPerSecond;
    const turn: Turn = {
      speaker: item.speaker ?? null,
      start: round(t),
      end: round(t + duration),
      timing: 'estimated',
      text: item.text,
    };
    t += duration;
    return turn;
  });
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

/** Reads a JSON document, turning syntax errors into a message with line and column. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new JsonSyntaxError(message.replace(/^JSON\.parse: /, ''));
  }
}

export class JsonSyntaxError extends Error {}
