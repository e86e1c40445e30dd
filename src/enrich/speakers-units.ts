// The pieces the speaker model labels: sentences, cut further where a turn (a cue, a paragraph) ends inside one, so
// every piece lies in exactly one turn and labels map straight back to turns. The step runs on every episode of a
// library, so the text is scanned once by hand: words become ids through a hash of their lower-cased characters,
// with no string made per word (making and hashing 25,000 word strings an episode cost more than the model). It does
// not use the shared reading of src/enrich/analysis.ts: it runs first, on the transcripts as they come (the later
// steps read the turns its labels make), and keeps "don't" one word.
import type { Turn } from '../model/episode.js';

export interface Unit {
  /** Index of the turn the piece lies in, and its character span in that turn's text. */
  turn: number;
  from: number;
  to: number;
  words: number;
  /** Ends in a question mark. */
  question: boolean;
  /** Ends a sentence; when false the next piece continues the same sentence (a cue broken mid-sentence). */
  complete: boolean;
  /** Breaks off with a dash or an ellipsis: the speaker was cut off. */
  interrupted: boolean;
  /**
   * Where its words start in the transcript's word buffer (Vocabulary.tokens): its words are the ids there from
   * `first`, `words` of them (an offset, not a view per unit: a transcript has a million units).
   */
  first: number;
}

/** Words whose trailing period is no sentence end ("Dr. Smith", "vs. them"). */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'vs', 'jr', 'sr', 'etc', 'no', 'approx']);
const CLOSING = new Set(['"', "'", '”', '’', ')', ']', '」', '』']);
const OPENING = new Set(['"', "'", '“', '‘', '(', '[', '「', '『']);

/**
 * Word ids by the FNV-1a hash of the lower-cased word (32 bits: a collision in one episode's vocabulary is rare and
 * harmless), in an open-addressing table: a lookup per word of every episode, where a Map cost a third of the scan.
 */
export class Vocabulary {
  /** The words of the transcript read last (unitsOf) as ids, unit after unit. */
  tokens: Int32Array = new Int32Array(0);
  private keys = new Int32Array(1024);
  private values = new Int32Array(1024).fill(-1);
  private count = 0;
  get size(): number {
    return this.count;
  }
  idOfHash(hash: number): number {
    const mask = this.keys.length - 1;
    let slot = (Math.imul(hash, 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      const id = this.values[slot]!;
      if (id < 0) break;
      if (this.keys[slot] === hash) return id;
      slot = (slot + 1) & mask;
    }
    const id = this.count++;
    this.keys[slot] = hash;
    this.values[slot] = id;
    if (this.count * 2 > this.keys.length) this.grow();
    return id;
  }
  /** The id of a word already seen (given lower-cased, straight apostrophes), or undefined. */
  get(word: string): number | undefined {
    let hash = FNV_OFFSET;
    for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
    const mask = this.keys.length - 1;
    let slot = (Math.imul(hash, 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      const id = this.values[slot]!;
      if (id < 0) return undefined;
      if (this.keys[slot] === hash) return id;
      slot = (slot + 1) & mask;
    }
  }
  private grow(): void {
    const { keys, values } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2).fill(-1);
    const mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      if (values[i]! < 0) continue;
      let slot = (Math.imul(keys[i]!, 0x9e3779b1) >>> 0) & mask;
      while (this.values[slot]! >= 0) slot = (slot + 1) & mask;
      this.keys[slot] = keys[i]!;
      this.values[slot] = values[i]!;
    }
  }
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

const wordCharCache = new Map<number, boolean>();
const lowerCache = new Map<number, number>();

function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  let known = wordCharCache.get(c);
  if (known === undefined) {
    known = /[\p{L}\p{N}\p{M}]/u.test(String.fromCharCode(c));
    wordCharCache.set(c, known);
  }
  return known;
}

function lowerCode(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  if (c === 0x2019) return 39; // ’ → '
  let lower = lowerCache.get(c);
  if (lower === undefined) {
    const s = String.fromCharCode(c).toLowerCase();
    lower = s.length === 1 ? s.charCodeAt(0) : c;
    lowerCache.set(c, lower);
  }
  return lower;
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
}

/** The units of a transcript's turns, in order. */
export function unitsOf(turns: readonly Turn[], vocabulary: Vocabulary): Unit[] {
  // Grown as needed (about ten words a turn to start): measuring the text first was a pass over every turn.
  const tokens: TokenBuffer = { ids: new Int32Array(10 * turns.length + 64), length: 0, unitStart: 0 };
  const units: Unit[] = [];
  for (let index = 0; index < turns.length; index++) {
    const text = turns[index]!.text;
    // Words are separated by at least one other character, so a text of c characters holds at most (c + 1) / 2.
    if (tokens.length + (text.length + 1) / 2 > tokens.ids.length) {
      const grown = new Int32Array(Math.max(2 * tokens.ids.length, tokens.length + text.length + 1));
      grown.set(tokens.ids.subarray(0, tokens.length));
      tokens.ids = grown;
    }
    scanTurn(text, index, vocabulary, units, tokens);
  }
  vocabulary.tokens = tokens.ids;
  return units;
}

/** A unit's words as ids (a view: for tests and the odd look, not for loops over every unit). */
export function unitTokens(unit: Unit, vocabulary: Vocabulary): Int32Array {
  return vocabulary.tokens.subarray(unit.first, unit.first + unit.words);
}

interface TokenBuffer {
  ids: Int32Array;
  length: number;
  /** Where the current unit's tokens start. */
  unitStart: number;
}

function scanTurn(text: string, turn: number, vocabulary: Vocabulary, units: Unit[], tokens: TokenBuffer): void {
  const n = text.length;
  let from = 0;
  tokens.unitStart = tokens.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128 ? (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) : isWordChar(c)) {
      // A word: letters and digits, with inner apostrophes ("don't", "you’re").
      let hash = FNV_OFFSET;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d >= 97 && d <= 122) hash = Math.imul(hash ^ d, FNV_PRIME);
        else if (d >= 65 && d <= 90) hash = Math.imul(hash ^ (d + 32), FNV_PRIME);
        else if (d < 128 ? d >= 48 && d <= 57 : isWordChar(d)) hash = Math.imul(hash ^ lowerCode(d), FNV_PRIME);
        else if ((d === 39 || d === 0x2019) && i + 1 < n && isWordChar(text.charCodeAt(i + 1))) hash = Math.imul(hash ^ 39, FNV_PRIME);
        else break;
        i++;
      }
      tokens.ids[tokens.length++] = vocabulary.idOfHash(hash);
      continue;
    }
    if (isSentenceEnd(text, i)) {
      let end = i + 1;
      while (end < n && (isTerminal(text.charCodeAt(end)) || CLOSING.has(text[end]!))) end++;
      if (end >= n || isSpace(text.charCodeAt(end)) || isCjkStop(c)) {
        if (startsSentence(text, end) && !(c === 46 && end === i + 1 && isAbbreviation(text, i))) {
          pushUnit(text, turn, from, end, tokens, units);
          from = end;
        }
      }
      i = end;
      continue;
    }
    i++;
  }
  pushUnit(text, turn, from, n, tokens, units);
}

function isTerminal(c: number): boolean {
  return c === 46 || c === 63 || c === 33 || c === 0x2026 || isCjkStop(c);
}

function isCjkStop(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f;
}

function isSentenceEnd(text: string, i: number): boolean {
  return isTerminal(text.charCodeAt(i));
}

/** Whether what follows `at` can start a sentence: the end of the text, or a first visible character not lower case. */
function startsSentence(text: string, at: number): boolean {
  for (let i = at; i < text.length && i < at + 8; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || OPENING.has(text[i]!)) continue;
    if (c < 128) return !(c >= 97 && c <= 122);
    return !/\p{Ll}/u.test(text[i]!);
  }
  return true;
}

/** "Dr." and "e." (a single letter, as in "e.g.", initials) end no sentence. */
function isAbbreviation(text: string, dot: number): boolean {
  let i = dot;
  while (i > 0 && dot - i < 8 && isWordChar(text.charCodeAt(i - 1))) i--;
  if (i > 0 && text.charCodeAt(i - 1) === 46) return true;
  const word = text.slice(i, dot).toLowerCase();
  return word.length === 1 ? isWordChar(word.charCodeAt(0)) && !/\d/.test(word) : ABBREVIATIONS.has(word);
}

function pushUnit(text: string, turn: number, from: number, to: number, tokens: TokenBuffer, units: Unit[]): void {
  const words = tokens.length - tokens.unitStart;
  if (words === 0) return;
  let end = to;
  while (end > from && isSpace(text.charCodeAt(end - 1))) end--;
  while (end > from && CLOSING.has(text[end - 1]!)) end--;
  const last = end > from ? text[end - 1]! : '';
  const before = end - 1 > from ? text.charCodeAt(end - 2) : 0;
  const dash = last === '-' || last === '—' || last === '–';
  units.push({
    turn,
    from,
    to,
    words,
    question: last === '?' || last === '？',
    complete: '.?!…。！？'.includes(last) || dash,
    interrupted: last === '…' || (dash && isWordChar(before)) || (last === '.' && before === 46),
    first: tokens.unitStart,
  });
  tokens.unitStart = tokens.length;
}
