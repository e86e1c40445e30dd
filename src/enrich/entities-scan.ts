// Finding names in transcript text: runs of capitalised words, with the episode's own casing telling a name from a
// word that is capitalised only because it starts a sentence. One regex pass over the text plus word counts, so it
// costs about a millisecond per hour of speech; wink-nlp is asked only about the few words the counts cannot settle.
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

export interface ScanResult {
  occurrences: Occurrence[];
  casing: Map<string, Casing>;
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

interface Token {
  value: string;
  start: number;
  end: number;
  lower: string;
  /** Where the text between the previous token and this one starts (the gap is read only when needed). */
  gapStart: number;
  sentenceStart: boolean;
  /** Only spaces or tabs since the previous token: the two may belong to one name. */
  plain: boolean;
  /** A period, "!", "?" or line break since the previous token: context words stop there. */
  stop: boolean;
  shape: 'lower' | 'cap' | 'mixed' | 'caps' | 'number' | 'other';
}

const gapOf = (text: string, t: Token): string => text.slice(t.gapStart, t.start);

/** The kind of capitalisation: "Tesla" and "Coca-Cola" cap, "OpenAI" and "iPhone" mixed, "NASA" and "GPT-3" caps. */
function shapeOf(value: string, lower: string): Token['shape'] {
  const code = value.charCodeAt(0);
  if (code >= 97 && code <= 122 && value === lower) return 'lower';
  const first = value[0]!;
  if (!LETTER.test(first)) return /^\p{N}/u.test(first) ? 'number' : 'other';
  if (!UPPER.test(value)) return 'lower';
  if (!LOWER.test(value)) return value.replace(/[^\p{L}]/gu, '').length >= 2 ? 'caps' : 'cap';
  if (!UPPER.test(first)) return 'mixed';
  const plain = value.split(/[-.&]/u).every((part) => /^(?:\p{Lu}[\p{Ll}\p{N}'’]*|\p{N}+)$/u.test(part));
  return plain ? 'cap' : 'mixed';
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
function tokenize(text: string): { tokens: Token[]; casing: Map<string, Casing> } {
  const raw: Token[] = [];
  const hashes: number[] = [];
  const n = text.length;
  let i = 0;
  let prevEnd = 0;
  let previous: Token | undefined;
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
    while (i < n) {
      let c = text.charCodeAt(i);
      if (isWordChar(c)) {
        if (c >= 65 && c <= 90) {
          upper = true;
          c += 32;
        } else if (c > 127 && !upper && UPPER.test(text[i]!)) upper = true;
        hash = (Math.imul(hash, 31) + c) | 0;
        i++;
      } else if (isJoiner(c) && i + 1 < n && isWordChar(text.charCodeAt(i + 1))) {
        hash = (Math.imul(hash, 31) + c) | 0;
        i++;
      } else break;
    }
    const value = text.slice(start, i);
    const lower = upper ? value.toLowerCase() : value;
    const token: Token = { value, start, end: i, lower, gapStart: prevEnd, sentenceStart: false, plain: true, stop: false, shape: upper ? shapeOf(value, lower) : isWordStart(value) };
    readGap(text, token, previous);
    raw.push(token);
    hashes.push(hash);
    previous = token;
    prevEnd = i;
  }
  const casing = new Map<string, Casing>();
  const capitalised = new Set<number>();
  raw.forEach((t, k) => {
    if (t.shape === 'lower' || t.shape === 'number' || t.shape === 'other') return;
    count(casing, t);
    capitalised.add(hashes[k]!);
    // "Musk's" is counted as "musk"; its lower-case twin must find the table.
    if (t.lower !== bare(t.lower)) capitalised.add(hashOf(bare(t.lower)));
  });
  raw.forEach((t, k) => {
    if (t.shape === 'lower' && (capitalised.has(hashes[k]!) || t.lower !== bare(t.lower))) count(casing, t);
  });
  const tokens: Token[] = [];
  for (const t of raw) {
    const parts = t.shape !== 'lower' && t.value.includes('-') ? t.value.split('-') : null;
    if (parts && parts.length > 1 && parts.every((p) => p.length > 1 && UPPER.test(p[0]!) && (casing.get(p.toLowerCase())?.capMid ?? 0) > 0)) {
      let at = t.start;
      parts.forEach((p, k) => {
        const lower = p.toLowerCase();
        tokens.push({ ...t, value: p, start: at, end: at + p.length, lower, gapStart: k === 0 ? t.gapStart : at - 1, sentenceStart: k === 0 && t.sentenceStart, plain: k === 0 && t.plain, shape: shapeOf(p, lower) });
        at += p.length + 1;
      });
    } else tokens.push(t);
  }
  return { tokens, casing };
}

/** The shape of a token with no capital: a word, a number or something else. */
function isWordStart(value: string): Token['shape'] {
  const c = value.charCodeAt(0);
  if (c >= 48 && c <= 57) return 'number';
  return c < 128 || LETTER.test(value[0]!) ? (c < 128 || !/^\p{N}/u.test(value) ? 'lower' : 'number') : 'other';
}

/** The same hash the scan computes, for a lower-cased word. */
function hashOf(word: string): number {
  let hash = 0;
  for (let k = 0; k < word.length; k++) hash = (Math.imul(hash, 31) + word.charCodeAt(k)) | 0;
  return hash;
}

/**
 * Reads the text between the previous token and this one: whether it ends a sentence (or opens a quote, whose first
 * word is capitalised anyway), is plain spacing, or stops context.
 */
function readGap(text: string, t: Token, previous: Token | undefined): void {
  if (!previous) {
    t.sentenceStart = true;
    t.stop = true;
    t.plain = false;
    return;
  }
  if (t.start - t.gapStart === 1 && text.charCodeAt(t.gapStart) === 32) return;
  let period = false;
  let other = false;
  for (let k = t.gapStart; k < t.start; k++) {
    const c = text.charCodeAt(k);
    if (c === 32 || c === 9) continue;
    t.plain = false;
    if (c === 10 || c === 33 || c === 63 || c === 0x2026) t.stop = t.sentenceStart = true;
    else if (c === 46) period = t.stop = true;
    else if (c === 0x201c || c === 34 || c === 40 || c === 91 || c === 0xab || c === 58) t.sentenceStart = true;
    else if (c !== 44) other = true;
  }
  if (period && !t.sentenceStart) {
    // "Dr. Smith", "the U.S. and", "Arthur C. Clarke": the period belongs to the abbreviation or initial.
    const lone = !other && /^\.\s*$/u.test(gapOf(text, t));
    t.sentenceStart = !(lone && (ABBREV.has(previous.lower) || isInitial(previous.value)));
  }
}

function count(casing: Map<string, Casing>, t: Token): void {
  if (t.shape === 'number' || t.shape === 'other') return;
  const key = bare(t.shape === 'caps' ? t.value : t.lower);
  let c = casing.get(key);
  if (!c) casing.set(key, (c = { lower: 0, capMid: 0, capStart: 0 }));
  if (t.shape === 'lower') c.lower++;
  else if (t.sentenceStart) c.capStart++;
  else c.capMid++;
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

/** 'weak': capitalised inside a sentence but mostly written in lower case; part of a name only beside a name word. */
type Verdict = 'name' | 'weak' | 'no' | 'ask';

/**
 * Whether a capitalised word is (part of) a name here. Inside a sentence, the capital is evidence unless the episode
 * mostly writes the word in lower case ("Hey", "People"); at a sentence start, the capital says nothing, so the word
 * must be seen capitalised inside a sentence elsewhere, be known, or (never seen in lower case either) the tagger
 * decides.
 */
function verdict(t: Token, casing: Map<string, Casing>, known: ReadonlySet<string> | undefined): Verdict {
  if (t.shape === 'lower' || t.shape === 'number' || t.shape === 'other') return 'no';
  const word = bare(t.lower);
  if (NOISE.has(word.replace(/’/g, "'")) || GENERIC.has(word)) return 'no';
  // "AIs", "GPUs", "CEOs": plurals of generic acronyms.
  if (word.endsWith('s') && t.value.endsWith('s') && GENERIC.has(word.slice(0, -1))) return 'no';
  if (NAME_PARTS.has(word)) return t.shape === 'cap' ? 'weak' : 'no';
  if (t.shape === 'mixed' || t.shape === 'caps') return 'name';
  if (t.shape !== 'cap') return 'no';
  if (known?.has(bare(t.value))) return 'name';
  const c = casing.get(word);
  const lower = c?.lower ?? 0;
  const capMid = c?.capMid ?? 0;
  // A word the episode writes in lower case three times as often as capitalised is a word, not a name.
  if (!t.sentenceStart && lower > 3 * capMid) return 'weak';
  if (lower > 3 * capMid) return 'no';
  if (!t.sentenceStart) return t.value.length > 1 || capMid >= 3 ? 'name' : 'no';
  if (capMid > 0) return 'name';
  return lower === 0 ? 'ask' : 'no';
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
  const verdicts = tokens.map((t) => verdict(t, casing, options.known));
  // "World War I": the pronoun's spelling is the numeral's.
  tokens.forEach((t, k) => {
    if (t.value === 'I' && !t.sentenceStart && tokens[k - 1]?.value === 'War' && t.plain) verdicts[k] = 'weak';
  });
  if (options.useTagger !== false) askTagger(text, tokens, verdicts);

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

  const occurrences: Occurrence[] = [];
  const joins = (v: Verdict | undefined): boolean => v === 'name' || v === 'weak';
  let i = 0;
  while (i < tokens.length) {
    if (!joins(verdicts[i])) {
      i++;
      continue;
    }
    // Extend the run over name words and connectors that lead to another name word.
    let j = i;
    let possessive = withoutPossessive(tokens[i]!.value).possessive;
    while (!possessive && j + 1 < tokens.length) {
      let k = j + 1;
      while (k < tokens.length && CONNECTORS.has(tokens[k]!.value) && tokens[k]!.plain && k - j <= 2) k++;
      const next = tokens[k];
      let plainGaps = true;
      for (let n = j + 1; n <= k && plainGaps; n++) {
        const t = tokens[n]!;
        plainGaps = t.plain || (n === j + 1 && isInitial(tokens[j]!.value) && /^\. ?$/u.test(gapOf(text, t)));
      }
      // "Diablo 4", "Model 3", "World War 2": a short number right after a name word ends the name.
      // Not "China 10 times": a lower-case word after the number is what is counted, unless it only links on.
      const after = tokens[k + 1];
      const counted = after !== undefined && after.plain && after.shape === 'lower' && !NUMBER_FOLLOWERS.has(after.value);
      const numbered = next !== undefined && k === j + 1 && next.shape === 'number' && next.value.length <= 2 && /^\d+$/u.test(next.value) && verdicts[j] === 'name' && !counted;
      if (numbered && next.plain) {
        j = k;
        break;
      }
      const joinable = next && joins(verdicts[k]) && !next.sentenceStart && plainGaps;
      // "the" joins only after "of" ("Lord of the Rings"), never on its own ("Tesla the company").
      if (!joinable || (k > j + 1 && tokens[j + 1]!.value === 'the')) {
        const phrase = options.isKnownPhrase ? knownPhraseEnd(tokens, i, j, text, options.isKnownPhrase) : -1;
        if (phrase === -1) break;
        j = phrase;
        break;
      }
      j = k;
      possessive = withoutPossessive(next.value).possessive;
    }
    // A run needs one real name word: "The" or "Three" lean on "Silo" or "Kingdoms", not on each other.
    let anchored = false;
    for (let k = i; k <= j && !anchored; k++) anchored = verdicts[k] === 'name';
    if (!anchored) {
      i = j + 1;
      continue;
    }
    const found = makeOccurrence(tokens, i, j, participants, text);
    i = j + 1;
    if (!found) continue;
    found.occurrence.time = Math.round(timeAt(tokens[found.firstToken]!.start) * 1000) / 1000;
    occurrences.push(found.occurrence);
  }
  return { occurrences, casing };

  function makeOccurrence(all: Token[], from: number, to: number, people: ReadonlySet<string>, source: string): { occurrence: Occurrence; firstToken: number } | null {
    let first = from;
    let honorific: string | null = null;
    // "President Biden", "Dr. Jane Smith": the title is a cue, not part of the name.
    while (first < to && TITLES.has(all[first]!.lower.replace(/\.$/u, ''))) honorific = all[first++]!.lower;
    const previous = all[from - 1];
    if (!honorific && previous && TITLES.has(previous.lower) && /^\.?\s+$/u.test(gapOf(source, all[from]!))) honorific = previous.lower;
    const words = all.slice(first, to + 1).map((t) => t.value);
    if (words.length > MAX_RUN_WORDS) return null;
    const last = withoutPossessive(words[words.length - 1]!);
    words[words.length - 1] = last.value;
    const surface = source.slice(all[first]!.start, all[to]!.end).replace(/['’]s$/u, '').replace(/\s+/gu, ' ');
    const before: string[] = [];
    for (let k = first - 1; k >= 0 && before.length < 4; k--) {
      if (all[k + 1]!.stop) break;
      before.unshift(all[k]!.lower);
    }
    const after: string[] = [];
    for (let k = to + 1; k < all.length && after.length < 3; k++) {
      if (all[k]!.stop) break;
      after.push(all[k]!.lower);
    }
    const gapBefore = gapOf(source, all[first]!);
    const gapAfter = all[to + 1] ? gapOf(source, all[to + 1]!) : '.';
    const participant = words.every((w) => people.has(w.toLowerCase()));
    const addressed =
      participant && words.length <= 2 &&
      ((all[first]!.sentenceStart && /^\s*,/u.test(gapAfter)) || (/,\s*$/u.test(gapBefore) && /^\s*(?:[.!?,]|$)/u.test(gapAfter)));
    return {
      occurrence: {
        surface, words, time: 0, before, after, honorific,
        sentenceStart: all[first]!.sentenceStart && !honorific, possessive: last.possessive, addressed,
        promotional: promotional(all, first, source),
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

let promoCache: { text: string; start: number; result: boolean } | undefined;

/** Whether the sentence around token `at` is a call to action. */
function promotional(tokens: Token[], at: number, text: string): boolean {
  let from = at;
  while (from > 0 && !tokens[from]!.sentenceStart && at - from < SENTENCE_LIMIT) from--;
  if (promoCache && promoCache.text === text && promoCache.start === tokens[from]!.start) return promoCache.result;
  let to = at + 1;
  while (to < tokens.length && !tokens[to]!.sentenceStart && to - at < SENTENCE_LIMIT) to++;
  const result = CALL_TO_ACTION.test(text.slice(tokens[from]!.start, tokens[to - 1]!.end));
  promoCache = { text, start: tokens[from]!.start, result };
  return result;
}

/** Small words inside known names that the run rule does not join ("Alexander the Great", "War and Peace"). */
const PHRASE_WORDS = new Set(['the', 'and', 'of', 'for', 'in', 'on', 'to', 'a', 'with', 'from']);

/**
 * Where a known name that runs on past the capitalised run ends: a capitalised word the run did not take, or one to
 * two small words and a capitalised word, where the whole is a known name. -1 when there is none.
 */
function knownPhraseEnd(tokens: Token[], from: number, to: number, text: string, isKnown: (phrase: string) => boolean): number {
  // "Open AI": a generic word that completes a known name.
  const next = tokens[to + 1];
  if (next && next.plain && next.shape !== 'lower' && isKnown(text.slice(tokens[from]!.start, next.end))) return to + 1;
  for (let k = to + 2; k <= to + 3 && k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.shape === 'lower' || !t.plain) continue;
    let small = true;
    for (let n = to + 1; n < k && small; n++) small = PHRASE_WORDS.has(tokens[n]!.value) && tokens[n]!.plain;
    if (small && isKnown(text.slice(tokens[from]!.start, withoutPossessive(t.value).possessive ? t.end - 2 : t.end))) return k;
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
function askTagger(text: string, tokens: Token[], verdicts: Verdict[]): void {
  const asked: number[] = [];
  const windows: string[] = [];
  for (let i = 0; i < tokens.length && asked.length < MAX_TAGGED; i++) {
    if (verdicts[i] !== 'ask') continue;
    const next = tokens[i + 1];
    if (!next || /[,.!?;:\n]/u.test(gapOf(text, next))) {
      verdicts[i] = 'no';
      continue;
    }
    let end = i + 1;
    while (end < tokens.length && end - i < 12 && !tokens[end]!.stop) end++;
    const window = text.slice(tokens[i]!.start, tokens[end - 1]!.end).replace(/\s+/gu, ' ');
    asked.push(i);
    windows.push(window.endsWith('.') ? window : `${window}.`);
  }
  const askedSet = new Set(asked);
  for (let i = 0; i < tokens.length; i++) if (verdicts[i] === 'ask' && !askedSet.has(i)) verdicts[i] = 'no';
  if (asked.length === 0) return;
  const nlp = english() as unknown as WinkTagger;
  const doc = nlp.readDoc(windows.join('\n\n'));
  const values = doc.tokens().out(nlp.its.value);
  const pos = doc.tokens().out(nlp.its.pos);
  // Walk the tagged tokens in order, finding each window's first word.
  let cursor = 0;
  for (let w = 0; w < asked.length; w++) {
    const i = asked[w]!;
    const word = tokens[i]!.value;
    const firstPiece = word.split(/['’.\-&]/u)[0]!;
    let found = -1;
    for (let k = cursor; k < values.length && k < cursor + 200; k++) {
      if (values[k] === word || values[k] === firstPiece) {
        found = k;
        break;
      }
    }
    if (found === -1) {
      verdicts[i] = 'no';
      continue;
    }
    verdicts[i] = pos[found] === 'PROPN' ? 'weak' : 'no';
    cursor = found + 1;
  }
}

interface WinkTagger {
  readDoc(text: string): { tokens(): { out(field: unknown): string[] } };
  its: { value: unknown; pos: unknown };
}
