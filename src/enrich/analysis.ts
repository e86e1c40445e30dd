// The words of a transcript, found once and shared by the steps that read them (chapters' keyphrases and
// segmentation, moments and insights): the turns' text joined into one string, its word tokens as typed arrays
// (offsets, word ids, capitals, punctuation breaks), and per distinct word its lower-cased form and Porter stem.
// Computed once per transcript and memoized on the turns array (a WeakMap: it goes when the episode goes), so each
// step stays a pure function of the episode while a corpus run tokenizes and stems each transcript once instead of
// once per step. Before this, chapters and moments each scanned and stemmed every word, making a string per token;
// that and the garbage it left was a third of enrichment.
//
// Tokens are words() tokens (src/text/words.ts): runs of letters and digits, lower-cased, diacritics folded.
// Steps whose words differ keep their own reading: mentions keeps case and joins "Musk's", "GPT-3" and "U.S." into
// one token (entities-scan.ts); speakers reads the transcripts before it has labelled them, keeping "don't" whole,
// by hash only (speakers-units.ts). Both would gain nothing from these tokens but a second pass to re-join them.
import type { Turn } from '../model/episode.js';
import { squash } from '../formats/text.js';
import { isStopword, stem } from '../text/words.js';

export interface Tokens {
  /** The text the offsets point into. */
  text: string;
  count: number;
  /** Start and end offset of each token in `text`. */
  at: Int32Array;
  end: Int32Array;
  /** Word id of each token: an index into `words` and the per-word arrays. */
  word: Int32Array;
  /** 1 when the token's first letter is a capital (its first character differs from the word's). */
  capital: Uint8Array;
  /**
   * 1 when punctuation (or a spaced dash) stands between the previous token and this one, or it is the first token:
   * phrases never span it.
   */
  gapBreak: Uint8Array;
  /** Per word id: the lower-cased word with diacritics folded, as words() gives it. */
  words: string[];
  /** Per word id: its stem's id, an index into `stems` (ids in order of first occurrence). */
  stemOf: Int32Array;
  /** Per word id: 1 for stopwords (src/text/words.ts). */
  stop: Uint8Array;
  stems: string[];
}

/** A transcript's turns joined into one text for reading: each turn's text squashed, empty turns left out. */
export interface TranscriptText {
  text: string;
  /** Per part: the index of its turn and its character range in `text`. */
  turn: Int32Array;
  from: Int32Array;
  to: Int32Array;
  /**
   * Per part, its turn's start and end (non-finite ones as 0 and the start), speaker and whether that was attributed:
   * read while the turn is at hand, so steps need not visit a million turn objects again.
   */
  start: Float64Array;
  end: Float64Array;
  speaker: (string | null)[];
  attributed: Uint8Array;
  /**
   * Per part: how many characters of whitespace its turn's text starts with when squashing only trimmed it (a raw
   * offset less this is the offset in the part), or -1 when squashing also collapsed whitespace inside it.
   */
  lead: Int32Array;
  tokens: Tokens;
}

const transcripts = new WeakMap<readonly Turn[], TranscriptText>();

/**
 * The turns' texts joined by single spaces (each squashed, so a quote cut from it reads as the transcript's words),
 * with their tokens. Memoized on the turns array: every step after speakers and align sees the same one.
 */
export function transcriptText(turns: readonly Turn[]): TranscriptText {
  let found = transcripts.get(turns);
  if (!found) transcripts.set(turns, (found = buildTranscript(turns)));
  return found;
}

function buildTranscript(turns: readonly Turn[]): TranscriptText {
  const parts: string[] = [];
  const turn = new Int32Array(turns.length);
  const from = new Int32Array(turns.length);
  const to = new Int32Array(turns.length);
  const start = new Float64Array(turns.length);
  const end = new Float64Array(turns.length);
  const speaker: (string | null)[] = [];
  const attributed = new Uint8Array(turns.length);
  const lead = new Int32Array(turns.length);
  let at = 0;
  for (let i = 0; i < turns.length; i++) {
    const t = turns[i]!;
    const clean = typeof t.text === 'string' ? squash(t.text) : '';
    if (!clean) continue;
    if (parts.length) at += 1;
    const k = parts.length;
    turn[k] = i;
    from[k] = at;
    to[k] = at + clean.length;
    const s = Number.isFinite(t.start) ? t.start : 0;
    start[k] = s;
    end[k] = Number.isFinite(t.end) ? Math.max(t.end, s) : s;
    speaker.push(t.speaker ?? null);
    attributed[k] = t.attributed === true ? 1 : 0;
    lead[k] = leadingSpace(t.text, clean.length);
    parts.push(clean);
    at += clean.length;
  }
  const text = parts.join(' ');
  const n = parts.length;
  return {
    text,
    turn: turn.subarray(0, n),
    from: from.subarray(0, n),
    to: to.subarray(0, n),
    start: start.subarray(0, n),
    end: end.subarray(0, n),
    speaker,
    attributed: attributed.subarray(0, n),
    lead: lead.subarray(0, n),
    tokens: tokenize(text),
  };
}

/** The whitespace a text starts with, when trimming it leaves `cleanLength` characters (else -1). */
function leadingSpace(text: string, cleanLength: number): number {
  let from = 0;
  let to = text.length;
  while (from < to && isSpace(text.charCodeAt(from))) from++;
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  return to - from === cleanLength ? from : -1;
}

// ---------------------------------------------------------------------------------------------------------------
// Sentence ends

/** Where a sentence end was found (see findSentenceEnd): reused, so finding one allocates nothing. */
export interface SentenceEnd {
  start: number;
  stop: number;
}

/**
 * The next sentence end in text at or after `from`: what /[.!?…]+["'”’)\]]*(?=\s|$)/g finds (and with `cjk`, also
 * /[。！？]+/, tried first at each position), read by hand: these regexes ran at every sentence of the corpus, and
 * each match made an array. Only ends starting before `limit` are looked for. Fills `end` and returns true, or returns
 * false when there is none.
 */
export function findSentenceEnd(text: string, from: number, cjk: boolean, end: SentenceEnd, limit = text.length): boolean {
  const n = text.length;
  let i = from;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (cjk && isCjkStop(c)) {
      let j = i + 1;
      while (j < n && isCjkStop(text.charCodeAt(j))) j++;
      end.start = i;
      end.stop = j;
      return true;
    }
    if (!isTerminal(c)) {
      i++;
      continue;
    }
    // The longest run of terminals and then of closing quotes and brackets; it ends a sentence before a space or the
    // end of the text, and no shorter one can (its next character would be a terminal or a closer, not a space).
    let j = i + 1;
    while (j < n && isTerminal(text.charCodeAt(j))) j++;
    while (j < n && isCloser(text.charCodeAt(j))) j++;
    if (j === n || isSpace(text.charCodeAt(j))) {
      end.start = i;
      end.stop = j;
      return true;
    }
    i = j;
  }
  return false;
}

function isTerminal(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

function isCloser(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 41 || c === 93;
}

function isCjkStop(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f;
}

// ---------------------------------------------------------------------------------------------------------------
// Tokens

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Whether each BMP code unit above ASCII is a letter or digit, decided once (a regex per character was the scan). */
const wordChars = new Int8Array(0x10000);

function isWordUnit(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  let known = wordChars[c]!;
  if (known === 0) wordChars[c] = known = c >= 0xd800 && c <= 0xdfff ? -1 : WORD_CHAR.test(String.fromCharCode(c)) ? 1 : -1;
  return known === 1;
}

function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** Letters and digits, astral ones included (tested as their surrogate pair). */
function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return isWordUnit(c);
  if (c <= 0xdbff) return i + 1 < text.length && WORD_CHAR.test(text.slice(i, i + 2));
  return i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff && WORD_CHAR.test(text.slice(i - 1, i + 1));
}

/** The number of word tokens in a text (no strings made): to line other units up with a transcript's tokens. */
export function countTokens(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const word = c < 128 ? (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) : isWordChar(text, i);
    if (word && !inWord) n++;
    inWord = word;
  }
  return n;
}

/** JavaScript's \s. */
function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Whether text[from, to) holds /[.,;:!?…()[\]"“”—–]|\s-\s/: punctuation that ends a phrase. */
function breaks(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    switch (text.charCodeAt(i)) {
      case 46: case 44: case 59: case 58: case 33: case 63: case 0x2026: case 40: case 41: case 91: case 93: case 34:
      case 0x201c: case 0x201d: case 0x2014: case 0x2013:
        return true;
      case 45:
        if (i > from && i + 1 < to && isSpace(text.charCodeAt(i - 1)) && isSpace(text.charCodeAt(i + 1))) return true;
    }
  }
  return false;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/**
 * The Porter stem of a lower-cased word (stem() of src/text/words.ts, which memoizes it), without the memo keeping
 * the text the word was cut from.
 */
export function wordStem(word: string): string {
  return stem(detached(word));
}

/**
 * A copy of a string that shares no memory with the text it was cut from. V8 keeps a slice of 13 or more characters
 * as a view into its parent, so a word cut from a transcript and kept by a memo kept the whole transcript alive:
 * memos keyed by such words held some 120 MB of old episodes by the end of a corpus run.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * Every word met so far, across transcripts (a show's vocabulary repeats from one episode to the next): ASCII words
 * are found by the hash of their letters where they stand in the text, so a known word costs no string, no Map
 * lookup and no stemming. Each transcript gets its own dense ids, in order of first occurrence. Bounded: emptied
 * between two texts once it holds MAX_LEXICON words (it only saves work).
 */
class Lexicon {
  /** Open addressing over ASCII words: word id per slot (-1 empty) and the slot's hash. */
  private slots = new Int32Array(1 << 16).fill(-1);
  private hashes = new Int32Array(1 << 16);
  /** Non-ASCII words, by their folded form. */
  private other = new Map<string, number>();
  readonly words: string[] = [];
  readonly stemOf: number[] = [];
  readonly stop: number[] = [];
  readonly stems: string[] = [];
  private stemIds = new Map<string, number>();
  /** Per word and per stem: the text that last used it (`text`), and its id there. */
  wordText = new Int32Array(1 << 12);
  wordLocal = new Int32Array(1 << 12);
  stemText = new Int32Array(1 << 12);
  stemLocal = new Int32Array(1 << 12);
  text = 0;

  get size(): number {
    return this.words.length;
  }

  findAscii(text: string, from: number, to: number, hash: number): number {
    const mask = this.slots.length - 1;
    const length = to - from;
    for (let k = hash & mask; ; k = (k + 1) & mask) {
      const id = this.slots[k]!;
      if (id < 0) break;
      if (this.hashes[k] === hash && this.words[id]!.length === length && sameText(this.words[id]!, text, from)) return id;
    }
    // Copied out of the text when long: a word kept here must not keep the transcript with it.
    const id = this.add(detached(text.slice(from, to).toLowerCase()));
    if (2 * this.words.length > this.slots.length) this.grow();
    this.place(id, hash);
    return id;
  }

  findOther(word: string): number {
    let id = this.other.get(word);
    if (id === undefined) this.other.set(word, (id = this.add(detached(word))));
    return id;
  }

  private add(word: string): number {
    const id = this.words.length;
    this.words.push(word);
    const s = wordStem(word);
    let sid = this.stemIds.get(s);
    if (sid === undefined) {
      this.stemIds.set(s, (sid = this.stems.length));
      this.stems.push(s);
      if (sid >= this.stemText.length) {
        this.stemText = grown(this.stemText, new Int32Array(this.stemText.length * 2));
        this.stemLocal = grown(this.stemLocal, new Int32Array(this.stemLocal.length * 2));
      }
    }
    this.stemOf.push(sid);
    this.stop.push(isStopword(word) ? 1 : 0);
    if (id >= this.wordText.length) {
      this.wordText = grown(this.wordText, new Int32Array(this.wordText.length * 2));
      this.wordLocal = grown(this.wordLocal, new Int32Array(this.wordLocal.length * 2));
    }
    return id;
  }

  private place(id: number, hash: number): void {
    const mask = this.slots.length - 1;
    let k = hash & mask;
    while (this.slots[k]! >= 0) k = (k + 1) & mask;
    this.slots[k] = id;
    this.hashes[k] = hash;
  }

  private grow(): void {
    const { slots, hashes } = this;
    this.slots = new Int32Array(slots.length * 2).fill(-1);
    this.hashes = new Int32Array(slots.length * 2);
    for (let k = 0; k < slots.length; k++) if (slots[k]! >= 0) this.place(slots[k]!, hashes[k]!);
  }
}

/** Distinct words kept across transcripts: the corpus has about 50,000; a lexicon of this many is some 30 MB. */
const MAX_LEXICON = 300_000;
let lexicon = new Lexicon();

/** Tokenizes a text in one pass over its characters, making a string only for words never seen before. */
export function tokenize(text: string): Tokens {
  if (lexicon.size > MAX_LEXICON) lexicon = new Lexicon();
  const lex = lexicon;
  const textId = ++lex.text;
  const n = text.length;
  let capacity = Math.max(16, Math.ceil(n / 5));
  let at = new Int32Array(capacity);
  let end = new Int32Array(capacity);
  let word = new Int32Array(capacity);
  let capital = new Uint8Array(capacity);
  let gapBreak = new Uint8Array(capacity);
  const words: string[] = [];
  const stemOf: number[] = [];
  const stop: number[] = [];
  const stems: string[] = [];
  const known = new WordTable();
  /** This text's id of a lexicon word, given when first met. */
  const local = (g: number): number => {
    if (lex.wordText[g] === textId) return lex.wordLocal[g]!;
    const id = words.length;
    lex.wordText[g] = textId;
    lex.wordLocal[g] = id;
    words.push(lex.words[g]!);
    stop.push(lex.stop[g]!);
    const gs = lex.stemOf[g]!;
    if (lex.stemText[gs] !== textId) {
      lex.stemText[gs] = textId;
      lex.stemLocal[gs] = stems.length;
      stems.push(lex.stems[gs]!);
    }
    stemOf.push(lex.stemLocal[gs]!);
    return id;
  };
  let count = 0;
  let previousEnd = 0;
  let i = 0;
  while (i < n) {
    const first = text.charCodeAt(i);
    if (first < 128 ? !isAsciiWordChar(first) : !isWordChar(text, i)) {
      i++;
      continue;
    }
    const start = i;
    let ascii = true;
    let hash = FNV_OFFSET;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        if (!isAsciiWordChar(c)) break;
        hash = Math.imul(hash ^ (c <= 90 && c >= 65 ? c + 32 : c), FNV_PRIME);
      } else {
        if (!isWordChar(text, i)) break;
        ascii = false;
        hash = Math.imul(hash ^ c, FNV_PRIME);
      }
    }
    let id: number;
    let cap: number;
    if (ascii) {
      // The text's own words first (a small table, warm in cache), then the lexicon for its first use here.
      id = known.find(text, start, i, hash, words);
      if (id < 0) known.add((id = local(lex.findAscii(text, start, i, hash))), hash);
      const c = text.charCodeAt(start);
      cap = c >= 65 && c <= 90 ? 1 : 0;
    } else {
      const surface = text.slice(start, i);
      const w = surface.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      id = local(lex.findOther(w));
      cap = surface !== w && surface.charCodeAt(0) !== w.charCodeAt(0) ? 1 : 0;
    }
    if (count === capacity) {
      capacity *= 2;
      at = grown(at, new Int32Array(capacity));
      end = grown(end, new Int32Array(capacity));
      word = grown(word, new Int32Array(capacity));
      capital = grown(capital, new Uint8Array(capacity));
      gapBreak = grown(gapBreak, new Uint8Array(capacity));
    }
    at[count] = start;
    end[count] = i;
    word[count] = id;
    capital[count] = cap;
    const gap = start - previousEnd;
    gapBreak[count] = count === 0 || ((gap > 1 || text.charCodeAt(previousEnd) !== 32) && breaks(text, previousEnd, start)) ? 1 : 0;
    count++;
    previousEnd = i;
  }
  return {
    text,
    count,
    at: at.subarray(0, count),
    end: end.subarray(0, count),
    word: word.subarray(0, count),
    capital: capital.subarray(0, count),
    gapBreak: gapBreak.subarray(0, count),
    words,
    stemOf: Int32Array.from(stemOf),
    stop: Uint8Array.from(stop),
    stems,
  };
}

function grown<T extends Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** Ids of ASCII words by the FNV-1a hash of their lower-cased letters (open addressing), checked letter by letter. */
class WordTable {
  private ids = new Int32Array(4096).fill(-1);
  private hashes = new Int32Array(4096);
  private count = 0;

  find(text: string, from: number, to: number, hash: number, words: readonly string[]): number {
    const mask = this.ids.length - 1;
    const length = to - from;
    for (let k = hash & mask; ; k = (k + 1) & mask) {
      const id = this.ids[k]!;
      if (id < 0) return -1;
      if (this.hashes[k] === hash && words[id]!.length === length && sameText(words[id]!, text, from)) return id;
    }
  }

  add(id: number, hash: number): void {
    if (2 * (this.count + 1) > this.ids.length) this.grow();
    this.place(id, hash);
    this.count++;
  }

  private place(id: number, hash: number): void {
    const mask = this.ids.length - 1;
    let k = hash & mask;
    while (this.ids[k]! >= 0) k = (k + 1) & mask;
    this.ids[k] = id;
    this.hashes[k] = hash;
  }

  private grow(): void {
    const { ids, hashes } = this;
    this.ids = new Int32Array(ids.length * 2).fill(-1);
    this.hashes = new Int32Array(ids.length * 2);
    for (let k = 0; k < ids.length; k++) if (ids[k]! >= 0) this.place(ids[k]!, hashes[k]!);
  }
}

/** Whether text[from, from + word.length) is `word` (lower-case ASCII) in any case. */
function sameText(word: string, text: string, from: number): boolean {
  for (let j = 0; j < word.length; j++) {
    let c = text.charCodeAt(from + j);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== word.charCodeAt(j)) return false;
  }
  return true;
}
