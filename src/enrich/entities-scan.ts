// Finding names in transcript text: runs of capitalised words, with the episode's own casing telling a name from a
// word that is capitalised only because it starts a sentence. One regex pass over the text plus word counts, so it
// costs about a millisecond per hour of speech; wink-nlp is asked only about the few words the counts cannot settle.
// Tokens are read here rather than taken from the shared reading of src/enrich/analysis.ts: names need their case,
// their possessive and their inner joiners ("Musk's", "GPT-3", "U.S."), and the text is the turns as written,
// separated by a line at each change of speaker.
import { english } from '../formats/text.js';
import { ABBREVIATIONS, DIRECTION_WORDS, GENERIC_TERMS, HONORIFICS, NOISE_WORDS } from './data/entities-noise.js';

/** A stretch of transcript text with its times (a turn, a cue, a highlight). */
export interface Segment {
  text: string;
  start: number;
  end: number;
  speaker: string | null;
}

/** One place a name occurs. */
export interface Occurrence {
  /** The name as written, without a possessive "'s" or a title ("Dr."). */
  surface: string;
  /** Its words, as written. */
  words: string[];
  /** Seconds, interpolated inside the segment by character position. */
  time: number;
  /** Up to four lower-cased words before it in the same sentence, nearest last. */
  before: string[];
  /** Up to three lower-cased words after it in the same sentence. */
  after: string[];
  /** A title stood before it ("dr", "president"): a person. */
  honorific: string | null;
  /** It began a sentence (its first word's capital says nothing). */
  sentenceStart: boolean;
  /** Written "X's": the name of someone or something that owns what follows. */
  possessive: boolean;
  /** Set off by commas like a name used to address someone ("Lex, what…", "thank you, Elon."). */
  addressed: boolean;
  /** Said in a show's call to action ("subscribe on YouTube, support it on Patreon"): boilerplate, not content. */
  promotional: boolean;
}

/** How the episode writes a word: lower-case, capitalised inside a sentence, capitalised at a sentence start. */
export interface Casing {
  lower: number;
  capMid: number;
  capStart: number;
}

/** How the episode writes each word, by the word lower-cased without a possessive (in capitals when all capitals). */
export interface CasingTable {
  get(word: string): Casing | undefined;
}

export interface ScanResult {
  occurrences: Occurrence[];
  casing: CasingTable;
}

export interface ScanOptions {
  /** Lower-cased single words that are names whatever the casing says (known entities). */
  known?: ReadonlySet<string>;
  /** Whether a phrase is a known name with small words in it ("Alexander the Great", "War and Peace"). */
  isKnownPhrase?: (phrase: string) => boolean;
  /** Ask wink-nlp about words found capitalised only at sentence starts (default true). */
  useTagger?: boolean;
}

const NOISE = new Set(NOISE_WORDS);
/** Words that belong to names ("North Korea", "Middle East") but are no name alone ("went North"). */
const NAME_PARTS = new Set(DIRECTION_WORDS);
const GENERIC = new Set(GENERIC_TERMS);
const TITLES = new Set(HONORIFICS);
const ABBREV = new Set(ABBREVIATIONS);
/** Lower-case words allowed inside a name ("Wernher von Braun", "Treaty of Versailles", "Lord of the Rings"). */
const CONNECTORS = new Set(['of', 'the', 'de', 'da', 'van', 'von', 'der', 'del', 'la', 'le', 'bin', 'al', 'el', 'di', 'du', 'dos', 'y', '&']);
/** Words that may follow a numbered name ("Diablo 4 and…", "Model 3 is…"): anything else is counted by the number. */
const NUMBER_FOLLOWERS = new Set(['and', 'or', 'is', 'was', 'has', 'had', 'which', 'that', 'but', 'came', 'comes', 'will', 'would']);
/** Longer capitalised runs are headings or title-cased sentences, not names. */
const MAX_RUN_WORDS = 6;
/** Bounds the tagger's share of the work on text that is nearly all capitalised or odd. */
const MAX_TAGGED = 1500;

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const LETTER = /\p{L}/u;

/** Token shapes: how a token is capitalised ("Tesla" cap, "OpenAI" mixed, "NASA" caps). */
const LOWER_CASE = 0;
const CAP = 1;
const MIXED = 2;
const CAPS = 3;
const NUMBER = 4;
const OTHER = 5;
type Shape = typeof LOWER_CASE | typeof CAP | typeof MIXED | typeof CAPS | typeof NUMBER | typeof OTHER;

/** Token flags. */
const SENTENCE_START = 1;
/** Only spaces or tabs since the previous token: the two may belong to one name. */
const PLAIN = 2;
/** A period, "!", "?" or line break since the previous token: context words stop there. */
const STOP = 4;
/** The token has an upper-case letter (so its lower-case form differs). */
const UPPER_CASE = 8;
/** The token has a character outside ASCII. */
const NON_ASCII = 16;

/**
 * The tokens of a text as parallel arrays: a transcript has tens of thousands, almost all lower-case words that never
 * become part of a name, so no object and no string is made per token; a token's text is cut only when read.
 */
class Tokens {
  length = 0;
  start: Int32Array;
  end: Int32Array;
  /** Where the text between the previous token and this one starts (the gap is read only when needed). */
  gapStart: Int32Array;
  /** A hash of the lower-cased token (see hashOf). */
  hash: Int32Array;
  flags: Uint8Array;
  shape: Uint8Array;

  constructor(
    readonly text: string,
    capacity: number,
  ) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.gapStart = new Int32Array(capacity);
    this.hash = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.shape = new Uint8Array(capacity);
  }

  push(start: number, end: number, gapStart: number, hash: number, flags: number, shape: Shape): number {
    if (this.length === this.start.length) this.grow();
    const k = this.length++;
    this.start[k] = start;
    this.end[k] = end;
    this.gapStart[k] = gapStart;
    this.hash[k] = hash;
    this.flags[k] = flags;
    this.shape[k] = shape;
    return k;
  }

  private grow(): void {
    const size = Math.max(16, this.start.length * 2);
    const copy = <T extends Int32Array | Uint8Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.start = copy(this.start, new Int32Array(size));
    this.end = copy(this.end, new Int32Array(size));
    this.gapStart = copy(this.gapStart, new Int32Array(size));
    this.hash = copy(this.hash, new Int32Array(size));
    this.flags = copy(this.flags, new Uint8Array(size));
    this.shape = copy(this.shape, new Uint8Array(size));
  }

  value(k: number): string {
    return this.text.slice(this.start[k]!, this.end[k]!);
  }

  lower(k: number): string {
    const value = this.value(k);
    return this.flags[k]! & UPPER_CASE ? value.toLowerCase() : value;
  }

  gap(k: number): string {
    return this.text.slice(this.gapStart[k]!, this.start[k]!);
  }

  is(k: number, flag: number): boolean {
    return k < this.length && (this.flags[k]! & flag) !== 0;
  }

  /** Whether token k is written exactly as `word`, without cutting it out. */
  equalsCased(k: number, word: string): boolean {
    if (k >= this.length) return false;
    const from = this.start[k]!;
    if (this.end[k]! - from !== word.length) return false;
    for (let i = 0; i < word.length; i++) if (this.text.charCodeAt(from + i) !== word.charCodeAt(i)) return false;
    return true;
  }
}

/** The kind of capitalisation: "Tesla" and "Coca-Cola" cap, "OpenAI" and "iPhone" mixed, "NASA" and "GPT-3" caps. */
function shapeOf(value: string, lower: string): Shape {
  const code = value.charCodeAt(0);
  if (code >= 97 && code <= 122 && value === lower) return LOWER_CASE;
  const first = value[0]!;
  if (!LETTER.test(first)) return /^\p{N}/u.test(first) ? NUMBER : OTHER;
  if (!UPPER.test(value)) return LOWER_CASE;
  if (!LOWER.test(value)) return value.replace(/[^\p{L}]/gu, '').length >= 2 ? CAPS : CAP;
  if (!UPPER.test(first)) return MIXED;
  const plain = value.split(/[-.&]/u).every((part) => /^(?:\p{Lu}[\p{Ll}\p{N}'’]*|\p{N}+)$/u.test(part));
  return plain ? CAP : MIXED;
}

/** shapeOf for an ASCII token with a capital, by its characters (regexes per capitalised token were a third of the scan). */
function asciiShape(text: string, from: number, to: number): Shape {
  const first = text.charCodeAt(from);
  if (first >= 48 && first <= 57) return NUMBER;
  let lower = false;
  let letters = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) | 32;
    if (c >= 97 && c <= 122) {
      letters++;
      if (text.charCodeAt(i) >= 97) lower = true;
    }
  }
  if (!lower) return letters >= 2 ? CAPS : CAP;
  if (first < 65 || first > 90) return MIXED;
  // Every part between "-", "." and "&" is a capital and lower-case letters, digits and apostrophes, or digits only.
  for (let at = from; at <= to; ) {
    let end = at;
    while (end < to && !isPartBreak(text.charCodeAt(end))) end++;
    if (end === at) return MIXED;
    const head = text.charCodeAt(at);
    if (head >= 65 && head <= 90) {
      for (let i = at + 1; i < end; i++) {
        const c = text.charCodeAt(i);
        if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39)) return MIXED;
      }
    } else {
      for (let i = at; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c < 48 || c > 57) return MIXED;
      }
    }
    at = end + 1;
  }
  return CAP;
}

function isPartBreak(c: number): boolean {
  return c === 45 || c === 46 || c === 38;
}

/** A single capital standing for a name ("C." in "Arthur C. Clarke"); not "I" or "A", which are words. */
function isInitial(value: string): boolean {
  return value.length === 1 && value !== 'I' && value !== 'A' && UPPER.test(value);
}

const WORD_CHARS = new Map<number, boolean>();
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Letters, digits and combining marks (memoized per code unit: a regex per character was most of the scan). */
function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  if (code >= 0xd800 && code <= 0xdfff) return false;
  let v = WORD_CHARS.get(code);
  if (v === undefined) WORD_CHARS.set(code, (v = WORD_CHAR.test(String.fromCharCode(code))));
  return v;
}

/** Characters that join two words into one token: "Musk's", "GPT-3", "U.S", "AT&T". */
function isJoiner(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 46 || code === 45 || code === 38;
}

/**
 * Tokens of the text with casing counts, scanned by hand (no match objects: the scan runs over every word of the
 * library). Hyphenated names of two names the episode uses alone ("Israel-Hamas") are split.
 */
function tokenize(text: string): { tokens: Tokens; casing: CasingTable } {
  const n = text.length;
  const raw = new Tokens(text, Math.max(16, Math.ceil(n / 5)));
  let i = 0;
  let prevEnd = 0;
  while (i < n) {
    if (!isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    // A hash of the lower-cased word, computed while scanning, lets lower-case words skip the casing table unless
    // the same word also occurs capitalised (most never do).
    let hash = 0;
    let upper = false;
    let ascii = true;
    while (i < n) {
      let c = text.charCodeAt(i);
      if (isWordChar(c)) {
        if (c >= 65 && c <= 90) {
          upper = true;
          c += 32;
        } else if (c > 127) {
          ascii = false;
          if (!upper && UPPER.test(text[i]!)) upper = true;
        }
        hash = (Math.imul(hash, 31) + c) | 0;
        i++;
      } else if (isJoiner(c) && i + 1 < n && isWordChar(text.charCodeAt(i + 1))) {
        if (c > 127) ascii = false;
        hash = (Math.imul(hash, 31) + c) | 0;
        i++;
      } else break;
    }
    let shape: Shape;
    if (!upper) shape = wordStartShape(text, start);
    else if (ascii) shape = asciiShape(text, start, i);
    else {
      const value = text.slice(start, i);
      shape = shapeOf(value, value.toLowerCase());
    }
    const k = raw.push(start, i, prevEnd, hash, PLAIN | (upper ? UPPER_CASE : 0) | (ascii ? 0 : NON_ASCII), shape);
    readGap(raw, k);
    prevEnd = i;
  }
  const counter = new CasingCounter(raw);
  const capitalised = new HashTable();
  for (let k = 0; k < raw.length; k++) {
    const shape = raw.shape[k]!;
    if (shape === LOWER_CASE || shape === NUMBER || shape === OTHER) continue;
    counter.count(k);
    capitalised.set(raw.hash[k]!, 1);
    // "Musk's" is counted as "musk"; its lower-case twin must find the table.
    if (possessiveEnd(text, raw.start[k]!, raw.end[k]!)) capitalised.set(hashOf(bare(raw.lower(k))), 1);
  }
  for (let k = 0; k < raw.length; k++) {
    if (raw.shape[k] === LOWER_CASE && (capitalised.get(raw.hash[k]!) >= 0 || possessiveEnd(text, raw.start[k]!, raw.end[k]!))) counter.count(k);
  }
  return { tokens: splitHyphenated(raw, counter), casing: counter };
}

/** Whether text[from, to) ends in a possessive "'s" (as bare() would cut it, in either case). */
function possessiveEnd(text: string, from: number, to: number): boolean {
  if (to - from < 3 || (text.charCodeAt(to - 1) | 32) !== 115) return false;
  const apostrophe = text.charCodeAt(to - 2);
  return apostrophe === 39 || apostrophe === 0x2019;
}

/** The tokens with each capitalised hyphenated token cut into its parts when every part is a name here alone. */
function splitHyphenated(raw: Tokens, casing: CasingTable): Tokens {
  const { text } = raw;
  const splits = new Map<number, string[]>();
  for (let k = 0; k < raw.length; k++) {
    if (raw.shape[k] === LOWER_CASE) continue;
    let hyphen = false;
    for (let i = raw.start[k]!; i < raw.end[k]! && !hyphen; i++) hyphen = text.charCodeAt(i) === 45;
    if (!hyphen) continue;
    const parts = raw.value(k).split('-');
    if (parts.length > 1 && parts.every((p) => p.length > 1 && UPPER.test(p[0]!) && (casing.get(p.toLowerCase())?.capMid ?? 0) > 0)) splits.set(k, parts);
  }
  if (splits.size === 0) return raw;
  const out = new Tokens(text, raw.length + splits.size * 2);
  for (let k = 0; k < raw.length; k++) {
    const parts = splits.get(k);
    const flags = raw.flags[k]!;
    if (!parts) {
      out.push(raw.start[k]!, raw.end[k]!, raw.gapStart[k]!, raw.hash[k]!, flags, raw.shape[k] as Shape);
      continue;
    }
    let at = raw.start[k]!;
    parts.forEach((p, i) => {
      // The first part keeps the token's gap; the others follow a hyphen. Context stops where the token's did.
      const partFlags = UPPER_CASE | (flags & STOP) | (i === 0 ? flags & (SENTENCE_START | PLAIN) : 0);
      out.push(at, at + p.length, i === 0 ? raw.gapStart[k]! : at - 1, raw.hash[k]!, partFlags, shapeOf(p, p.toLowerCase()));
      at += p.length + 1;
    });
  }
  return out;
}

/** The shape of a token with no capital: a word, a number or something else. */
function wordStartShape(text: string, at: number): Shape {
  const c = text.charCodeAt(at);
  if (c >= 48 && c <= 57) return NUMBER;
  if (c < 128) return LOWER_CASE;
  const first = text[at]!;
  return LETTER.test(first) ? (!/^\p{N}/u.test(first) ? LOWER_CASE : NUMBER) : OTHER;
}

/** The same hash the scan computes, for a lower-cased word. */
function hashOf(word: string): number {
  let hash = 0;
  for (let k = 0; k < word.length; k++) hash = (Math.imul(hash, 31) + word.charCodeAt(k)) | 0;
  return hash;
}

/** JavaScript's \s. */
function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * Reads the text between the previous token and token k: whether it ends a sentence (or opens a quote, whose first
 * word is capitalised anyway), is plain spacing, or stops context.
 */
function readGap(tokens: Tokens, k: number): void {
  if (k === 0) {
    tokens.flags[k] = (tokens.flags[k]! & ~PLAIN) | SENTENCE_START | STOP;
    return;
  }
  const { text } = tokens;
  const from = tokens.gapStart[k]!;
  const to = tokens.start[k]!;
  if (to - from === 1 && text.charCodeAt(from) === 32) return;
  let flags = tokens.flags[k]!;
  let period = false;
  let other = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) continue;
    flags &= ~PLAIN;
    if (c === 10 || c === 33 || c === 63 || c === 0x2026) flags |= STOP | SENTENCE_START;
    else if (c === 46) {
      period = true;
      flags |= STOP;
    } else if (c === 0x201c || c === 34 || c === 40 || c === 91 || c === 0xab || c === 58) flags |= SENTENCE_START;
    else if (c !== 44) other = true;
  }
  if (period && !(flags & SENTENCE_START)) {
    // "Dr. Smith", "the U.S. and", "Arthur C. Clarke": the period belongs to the abbreviation or initial.
    let lone = !other && text.charCodeAt(from) === 46;
    for (let i = from + 1; lone && i < to; i++) lone = isSpace(text.charCodeAt(i));
    if (!(lone && (ABBREV.has(tokens.lower(k - 1)) || isInitial(tokens.value(k - 1))))) flags |= SENTENCE_START;
  }
  tokens.flags[k] = flags;
}

/**
 * How the episode writes each word (Casing, keyed by the word without a possessive: lower-cased, or as written when
 * in capitals). Counted by groups of tokens with the same letters (ASCII, compared without making strings; a group
 * per hash and case kind, checked letter by letter, so a hash collision only makes another group), and a word's
 * counts are summed from its groups when it is looked up: making a key string per token, or even per group, was
 * most of the scan (every "the" is counted once "The" is seen, and few words are ever looked up).
 */
class CasingCounter {
  private readonly head = new HashTable();
  private readonly rep: number[] = [];
  private readonly caps: boolean[] = [];
  private readonly next: number[] = [];
  private readonly lower: number[] = [];
  private readonly capMid: number[] = [];
  private readonly capStart: number[] = [];
  private readonly direct = new Map<string, Casing>();

  constructor(private readonly tokens: Tokens) {}

  count(k: number): void {
    const { tokens } = this;
    const shape = tokens.shape[k]!;
    if (shape === NUMBER || shape === OTHER) return;
    const caps = shape === CAPS;
    const field = shape === LOWER_CASE ? this.lower : tokens.flags[k]! & SENTENCE_START ? this.capStart : this.capMid;
    if (tokens.flags[k]! & NON_ASCII) {
      const key = bare(caps ? tokens.value(k) : tokens.lower(k));
      let c = this.direct.get(key);
      if (!c) this.direct.set(key, (c = { lower: 0, capMid: 0, capStart: 0 }));
      if (field === this.lower) c.lower++;
      else if (field === this.capStart) c.capStart++;
      else c.capMid++;
      return;
    }
    const hash = tokens.hash[k]!;
    const first = this.head.get(hash);
    let g = first;
    while (g >= 0 && !(this.caps[g] === caps && sameLetters(tokens, this.rep[g]!, k))) g = this.next[g]!;
    if (g < 0) {
      g = this.rep.length;
      this.rep.push(k);
      this.caps.push(caps);
      this.next.push(first);
      this.lower.push(0);
      this.capMid.push(0);
      this.capStart.push(0);
      this.head.set(hash, g);
    }
    field[g]!++;
  }

  /**
   * The casing of a word as the table would give it (counts of every group whose key it is), found when first asked:
   * only the capitalised words of a transcript and a few names are ever looked up, so keys are made for those only.
   */
  get(word: string): Casing | undefined {
    let found = this.answers.get(word);
    if (found === undefined && !this.answers.has(word)) this.answers.set(word, (found = this.lookup(word)));
    return found;
  }

  private readonly answers = new Map<string, Casing | undefined>();
  private readonly keys: (string | undefined)[] = [];

  private lookup(word: string): Casing | undefined {
    const direct = this.direct.get(word);
    let c: Casing | undefined = direct ? { ...direct } : undefined;
    // A group's key is its word without a possessive: the word itself, or it with "'s", written in any case.
    const lower = word.toLowerCase();
    const plain = hashOf(lower);
    const owned = hashOf(`${lower}'s`);
    for (const hash of plain === owned ? [plain] : [plain, owned]) {
      for (let g = this.head.get(hash); g >= 0; g = this.next[g]!) {
        if (this.keyOf(g) !== word) continue;
        c ??= { lower: 0, capMid: 0, capStart: 0 };
        c.lower += this.lower[g]!;
        c.capMid += this.capMid[g]!;
        c.capStart += this.capStart[g]!;
      }
    }
    return c;
  }

  private keyOf(g: number): string {
    let key = this.keys[g];
    if (key === undefined) {
      const k = this.rep[g]!;
      this.keys[g] = key = bare(this.caps[g] ? this.tokens.value(k) : this.tokens.lower(k));
    }
    return key;
  }
}

/** Non-negative values by 32-bit hash (open addressing): a lookup per token, where a Map of numbers cost more. */
class HashTable {
  private keys = new Int32Array(1024);
  private values = new Int32Array(1024).fill(-1);
  /** 32 minus log2 of the size: a slot is the top bits of the key times a large odd number (Fibonacci hashing). */
  private shift = 22;
  private count = 0;

  /** The value of a key, or -1. */
  get(key: number): number {
    const mask = this.keys.length - 1;
    for (let k = Math.imul(key, 0x9e3779b1) >>> this.shift; ; k = (k + 1) & mask) {
      const v = this.values[k]!;
      if (v < 0 || this.keys[k] === key) return v;
    }
  }

  set(key: number, value: number): void {
    const mask = this.keys.length - 1;
    let k = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (this.values[k]! >= 0 && this.keys[k] !== key) k = (k + 1) & mask;
    if (this.values[k]! < 0) this.count++;
    this.keys[k] = key;
    this.values[k] = value;
    if (2 * this.count > this.keys.length) this.grow();
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2).fill(-1);
    this.shift--;
    this.count = 0;
    for (let k = 0; k < keys.length; k++) if (values[k]! >= 0) this.set(keys[k]!, values[k]!);
  }
}

/** Whether two ASCII tokens have the same characters, letters compared without case. */
function sameLetters(tokens: Tokens, a: number, b: number): boolean {
  const length = tokens.end[a]! - tokens.start[a]!;
  if (tokens.end[b]! - tokens.start[b]! !== length) return false;
  const { text } = tokens;
  const from = tokens.start[a]!;
  const to = tokens.start[b]!;
  for (let i = 0; i < length; i++) {
    const x = text.charCodeAt(from + i);
    const y = text.charCodeAt(to + i);
    if (x !== y && ((x | 32) !== (y | 32) || (x | 32) < 97 || (x | 32) > 122)) return false;
  }
  return true;
}

/** The word without a possessive "'s". */
function bare(value: string): string {
  const n = value.length;
  if (n < 3 || (value.charCodeAt(n - 1) | 32) !== 115) return value;
  const apostrophe = value.charCodeAt(n - 2);
  return apostrophe === 39 || apostrophe === 0x2019 ? value.slice(0, n - 2) : value;
}

/** A possessive "'s" is not part of the name. */
function withoutPossessive(value: string): { value: string; possessive: boolean } {
  const n = value.length;
  const apostrophe = n > 2 ? value.charCodeAt(n - 2) : 0;
  const s = value.charCodeAt(n - 1);
  return (apostrophe === 39 || apostrophe === 0x2019) && (s === 115 || s === 83)
    ? { value: value.slice(0, n - 2), possessive: true }
    : { value, possessive: false };
}

/** Whether token k ends in a possessive "'s" or "'S" (withoutPossessive), without cutting it out. */
function isPossessive(tokens: Tokens, k: number): boolean {
  const end = tokens.end[k]!;
  if (end - tokens.start[k]! <= 2) return false;
  const apostrophe = tokens.text.charCodeAt(end - 2);
  const s = tokens.text.charCodeAt(end - 1);
  return (apostrophe === 39 || apostrophe === 0x2019) && (s === 115 || s === 83);
}

/** 'weak': capitalised inside a sentence but mostly written in lower case; part of a name only beside a name word. */
const NO = 0;
const NAME = 1;
const WEAK = 2;
const ASK = 3;
type Verdict = typeof NO | typeof NAME | typeof WEAK | typeof ASK;

/**
 * Whether a capitalised word is (part of) a name here. Inside a sentence, the capital is evidence unless the episode
 * mostly writes the word in lower case ("Hey", "People"); at a sentence start, the capital says nothing, so the word
 * must be seen capitalised inside a sentence elsewhere, be known, or (never seen in lower case either) the tagger
 * decides.
 */
function verdict(tokens: Tokens, k: number, casing: CasingTable, known: ReadonlySet<string> | undefined): Verdict {
  const shape = tokens.shape[k]!;
  if (shape === LOWER_CASE || shape === NUMBER || shape === OTHER) return NO;
  const word = bare(tokens.lower(k));
  if (NOISE.has(word.replace(/’/g, "'")) || GENERIC.has(word)) return NO;
  const value = tokens.value(k);
  // "AIs", "GPUs", "CEOs": plurals of generic acronyms.
  if (word.endsWith('s') && value.endsWith('s') && GENERIC.has(word.slice(0, -1))) return NO;
  if (NAME_PARTS.has(word)) return shape === CAP ? WEAK : NO;
  if (shape === MIXED || shape === CAPS) return NAME;
  if (shape !== CAP) return NO;
  if (known?.has(bare(value))) return NAME;
  const c = casing.get(word);
  const lower = c?.lower ?? 0;
  const capMid = c?.capMid ?? 0;
  const sentenceStart = (tokens.flags[k]! & SENTENCE_START) !== 0;
  // A word the episode writes in lower case three times as often as capitalised is a word, not a name.
  if (!sentenceStart && lower > 3 * capMid) return WEAK;
  if (lower > 3 * capMid) return NO;
  if (!sentenceStart) return value.length > 1 || capMid >= 3 ? NAME : NO;
  if (capMid > 0) return NAME;
  return lower === 0 ? ASK : NO;
}

/**
 * Runs of name words in `segments` (joined in order; a change of speaker is a hard break) with their times, context
 * words and flags. `participants` are the lower-cased words of the speakers' names, to spot names used in address.
 */
export function scanNames(segments: readonly Segment[], participants: ReadonlySet<string>, options: ScanOptions = {}): ScanResult {
  const pieces: string[] = [];
  const offsets: number[] = [];
  let length = 0;
  let previousSpeaker: string | null | undefined;
  for (const s of segments) {
    const sep = pieces.length === 0 ? '' : s.speaker !== previousSpeaker ? '\n' : ' ';
    pieces.push(sep);
    length += sep.length;
    offsets.push(length);
    pieces.push(s.text);
    length += s.text.length;
    previousSpeaker = s.speaker;
  }
  const text = pieces.join('');
  const { tokens, casing } = tokenize(text);
  const n = tokens.length;
  const verdicts = new Uint8Array(n);
  for (let k = 0; k < n; k++) verdicts[k] = verdict(tokens, k, casing, options.known);
  // "World War I": the pronoun's spelling is the numeral's.
  for (let k = 1; k < n; k++) {
    if (tokens.equalsCased(k, 'I') && !tokens.is(k, SENTENCE_START) && tokens.equalsCased(k - 1, 'War') && tokens.is(k, PLAIN)) verdicts[k] = WEAK;
  }
  if (options.useTagger !== false) askTagger(tokens, verdicts);

  const timeAt = (offset: number): number => {
    let lo = 0;
    let hi = offsets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (offsets[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const seg = segments[lo]!;
    const span = Math.max(0, seg.end - seg.start);
    const within = seg.text.length > 0 ? Math.min(1, Math.max(0, (offset - offsets[lo]!) / seg.text.length)) : 0;
    return seg.start + span * within;
  };

  const promotion = promotionReader(tokens);
  const occurrences: Occurrence[] = [];
  const joins = (v: number): boolean => v === NAME || v === WEAK;
  let i = 0;
  while (i < n) {
    if (!joins(verdicts[i]!)) {
      i++;
      continue;
    }
    // Extend the run over name words and connectors that lead to another name word.
    let j = i;
    let possessive = isPossessive(tokens, i);
    while (!possessive && j + 1 < n) {
      let k = j + 1;
      while (k < n && tokens.is(k, PLAIN) && k - j <= 2 && CONNECTORS.has(tokens.value(k))) k++;
      const next = k < n ? k : -1;
      let plainGaps = true;
      for (let m = j + 1; m <= k && plainGaps; m++) {
        plainGaps = tokens.is(m, PLAIN) || (m === j + 1 && isInitial(tokens.value(j)) && /^\. ?$/u.test(tokens.gap(m)));
      }
      // "Diablo 4", "Model 3", "World War 2": a short number right after a name word ends the name.
      // Not "China 10 times": a lower-case word after the number is what is counted, unless it only links on.
      const after = k + 1;
      const counted = after < n && tokens.is(after, PLAIN) && tokens.shape[after] === LOWER_CASE && !NUMBER_FOLLOWERS.has(tokens.value(after));
      const numbered =
        next >= 0 && k === j + 1 && tokens.shape[next] === NUMBER && tokens.end[next]! - tokens.start[next]! <= 2 && /^\d+$/u.test(tokens.value(next)) &&
        verdicts[j] === NAME && !counted;
      if (numbered && tokens.is(next, PLAIN)) {
        j = k;
        break;
      }
      const joinable = next >= 0 && joins(verdicts[next]!) && !tokens.is(next, SENTENCE_START) && plainGaps;
      // "the" joins only after "of" ("Lord of the Rings"), never on its own ("Tesla the company").
      if (!joinable || (k > j + 1 && tokens.equalsCased(j + 1, 'the'))) {
        const phrase = options.isKnownPhrase ? knownPhraseEnd(tokens, i, j, options.isKnownPhrase) : -1;
        if (phrase === -1) break;
        j = phrase;
        break;
      }
      j = k;
      possessive = isPossessive(tokens, next);
    }
    // A run needs one real name word: "The" or "Three" lean on "Silo" or "Kingdoms", not on each other.
    let anchored = false;
    for (let k = i; k <= j && !anchored; k++) anchored = verdicts[k] === NAME;
    if (!anchored) {
      i = j + 1;
      continue;
    }
    const found = makeOccurrence(i, j);
    i = j + 1;
    if (!found) continue;
    found.occurrence.time = Math.round(timeAt(tokens.start[found.firstToken]!) * 1000) / 1000;
    occurrences.push(found.occurrence);
  }
  return { occurrences, casing };

  function makeOccurrence(from: number, to: number): { occurrence: Occurrence; firstToken: number } | null {
    let first = from;
    let honorific: string | null = null;
    // "President Biden", "Dr. Jane Smith": the title is a cue, not part of the name.
    while (first < to && TITLES.has(tokens.lower(first).replace(/\.$/u, ''))) honorific = tokens.lower(first++);
    if (!honorific && from > 0 && TITLES.has(tokens.lower(from - 1)) && /^\.?\s+$/u.test(tokens.gap(from))) honorific = tokens.lower(from - 1);
    if (to + 1 - first > MAX_RUN_WORDS) return null;
    const words: string[] = [];
    for (let k = first; k <= to; k++) words.push(tokens.value(k));
    const last = withoutPossessive(words[words.length - 1]!);
    words[words.length - 1] = last.value;
    const surface = text.slice(tokens.start[first]!, tokens.end[to]!).replace(/['’]s$/u, '').replace(/\s+/gu, ' ');
    const before: string[] = [];
    for (let k = first - 1; k >= 0 && before.length < 4; k--) {
      if (tokens.is(k + 1, STOP)) break;
      before.unshift(tokens.lower(k));
    }
    const after: string[] = [];
    for (let k = to + 1; k < n && after.length < 3; k++) {
      if (tokens.is(k, STOP)) break;
      after.push(tokens.lower(k));
    }
    const gapBefore = tokens.gap(first);
    const gapAfter = to + 1 < n ? tokens.gap(to + 1) : '.';
    const participant = words.every((w) => participants.has(w.toLowerCase()));
    const sentenceStart = tokens.is(first, SENTENCE_START);
    const addressed =
      participant && words.length <= 2 && ((sentenceStart && /^\s*,/u.test(gapAfter)) || (/,\s*$/u.test(gapBefore) && /^\s*(?:[.!?,]|$)/u.test(gapAfter)));
    return {
      occurrence: {
        surface, words, time: 0, before, after, honorific,
        sentenceStart: sentenceStart && !honorific, possessive: last.possessive, addressed,
        promotional: promotion(first),
      },
      firstToken: first,
    };
  }
}

/**
 * The words of a podcast's calls to action: where to subscribe, rate, follow, support it, and its sponsors. Names in
 * such a sentence ("YouTube", "Patreon", "Twitter") are the show's boilerplate, said in every episode.
 */
const CALL_TO_ACTION =
  /\b(?:subscribe|five stars|5 stars|review it|rate it|rate us|leave a review|support (?:it|us|me|this|the (?:show|podcast|channel))|supporting (?:it|this|the)|connect with (?:me|us)|follow (?:me|us|the show|the podcast)|find (?:me|us) on|check out (?:our|the) sponsors|sponsors? in the description|brought to you by|sponsored by|use code)\b/i;
/** A sentence longer than this many words is not read whole for a call to action (a run-on transcript). */
const SENTENCE_LIMIT = 60;

/** Whether the sentence around token `at` is a call to action (the last sentence read is remembered: names cluster). */
function promotionReader(tokens: Tokens): (at: number) => boolean {
  let lastStart = -1;
  let lastResult = false;
  return (at) => {
    let from = at;
    while (from > 0 && !tokens.is(from, SENTENCE_START) && at - from < SENTENCE_LIMIT) from--;
    if (tokens.start[from] === lastStart) return lastResult;
    let to = at + 1;
    while (to < tokens.length && !tokens.is(to, SENTENCE_START) && to - at < SENTENCE_LIMIT) to++;
    lastStart = tokens.start[from]!;
    lastResult = CALL_TO_ACTION.test(tokens.text.slice(tokens.start[from]!, tokens.end[to - 1]!));
    return lastResult;
  };
}

/** Small words inside known names that the run rule does not join ("Alexander the Great", "War and Peace"). */
const PHRASE_WORDS = new Set(['the', 'and', 'of', 'for', 'in', 'on', 'to', 'a', 'with', 'from']);

/**
 * Where a known name that runs on past the capitalised run ends: a capitalised word the run did not take, or one to
 * two small words and a capitalised word, where the whole is a known name. -1 when there is none.
 */
function knownPhraseEnd(tokens: Tokens, from: number, to: number, isKnown: (phrase: string) => boolean): number {
  const { text } = tokens;
  // "Open AI": a generic word that completes a known name.
  const next = to + 1;
  if (next < tokens.length && tokens.is(next, PLAIN) && tokens.shape[next] !== LOWER_CASE && isKnown(text.slice(tokens.start[from]!, tokens.end[next]!))) return next;
  for (let k = to + 2; k <= to + 3 && k < tokens.length; k++) {
    if (tokens.shape[k] === LOWER_CASE || !tokens.is(k, PLAIN)) continue;
    let small = true;
    for (let m = to + 1; m < k && small; m++) small = PHRASE_WORDS.has(tokens.value(m)) && tokens.is(m, PLAIN);
    if (small && isKnown(text.slice(tokens.start[from]!, isPossessive(tokens, k) ? tokens.end[k]! - 2 : tokens.end[k]!))) return k;
  }
  return -1;
}

/**
 * Settles words seen capitalised only at sentence starts with wink-nlp's part-of-speech tags in context: a proper
 * noun there may begin a name ("Elden Ring is…"), anything else ("Absolutely", "Fascinating") may not. Alone, such a
 * word is no mention: wink-nlp's lite model tags too many sentence-initial words as proper nouns ("Glad", "Ripping")
 * for its word to stand unsupported. A one-word sentence or a word set off by a comma is an interjection or answer. Each question is one short window of
 * the sentence, and all windows go to the tagger in one document.
 */
function askTagger(tokens: Tokens, verdicts: Uint8Array): void {
  const { text } = tokens;
  const asked: number[] = [];
  const windows: string[] = [];
  for (let i = 0; i < tokens.length && asked.length < MAX_TAGGED; i++) {
    if (verdicts[i] !== ASK) continue;
    if (i + 1 >= tokens.length || /[,.!?;:\n]/u.test(tokens.gap(i + 1))) {
      verdicts[i] = NO;
      continue;
    }
    let end = i + 1;
    while (end < tokens.length && end - i < 12 && !tokens.is(end, STOP)) end++;
    const window = text.slice(tokens.start[i]!, tokens.end[end - 1]!).replace(/\s+/gu, ' ');
    asked.push(i);
    windows.push(window.endsWith('.') ? window : `${window}.`);
  }
  const askedSet = new Set(asked);
  for (let i = 0; i < tokens.length; i++) if (verdicts[i] === ASK && !askedSet.has(i)) verdicts[i] = NO;
  if (asked.length === 0) return;
  const nlp = english() as unknown as WinkTagger;
  const doc = nlp.readDoc(windows.join('\n\n'));
  const values = doc.tokens().out(nlp.its.value);
  const pos = doc.tokens().out(nlp.its.pos);
  // Walk the tagged tokens in order, finding each window's first word.
  let cursor = 0;
  for (let w = 0; w < asked.length; w++) {
    const i = asked[w]!;
    const word = tokens.value(i);
    const firstPiece = word.split(/['’.\-&]/u)[0]!;
    let found = -1;
    for (let k = cursor; k < values.length && k < cursor + 200; k++) {
      if (values[k] === word || values[k] === firstPiece) {
        found = k;
        break;
      }
    }
    if (found === -1) {
      verdicts[i] = NO;
      continue;
    }
    verdicts[i] = pos[found] === 'PROPN' ? WEAK : NO;
    cursor = found + 1;
  }
}

interface WinkTagger {
  readDoc(text: string): { tokens(): { out(field: unknown): string[] } };
  its: { value: unknown; pos: unknown };
}
