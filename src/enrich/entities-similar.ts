// When two spellings are one name: the same key once case, accents and punctuation are set aside, the same letters
// once spaces are ("Open AI" / "OpenAI"), or a likely mishearing of it ("Saramba" / "Zaremba", "Friedman" /
// "Fridman"): the same consonant skeleton and only a few letters apart.

import { detached } from './analysis.js';

/** Memo of nameKey; keys are copies, so a name cut from a transcript does not keep the transcript (see detached). */
const keys = new Map<string, string>();
/** Names memoized before a memo is emptied: an episode compares a few hundred names; a library repeats few of them. */
const MEMO = 20_000;

/** A name compared loosely, as the library's entity index does: case, accents, punctuation and spacing aside. */
export function nameKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    key = looseKey(name);
    // Memoized: the same few hundred names are compared many times per episode.
    if (keys.size > MEMO) keys.clear();
    keys.set(detached(name), key);
  }
  return key;
}

function looseKey(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]s\b/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The key without spaces: "Open AI", "OpenAI" and "Open-AI" agree. */
export function compactKey(name: string): string {
  let key = compacts.get(name);
  if (key === undefined) {
    key = nameKey(name).replace(/ /g, '');
    if (compacts.size > MEMO) compacts.clear();
    compacts.set(detached(name), key);
  }
  return key;
}

/** Memo of compactKey (names are compared with every reference of the episode, each time anew). */
const compacts = new Map<string, string>();

/**
 * A rough sound key: consonants as they sound, vowels dropped after the first letter, doubles collapsed. Speech to
 * text keeps a name's consonant frame and trades vowels and voiced/unvoiced pairs (s/z, c/k, v/w), so the frame is
 * what two spellings of one spoken name share ("saramba" and "zaremba" are both "srmb").
 */
const sounds = new Map<string, string>();

export function soundKey(word: string): string {
  let key = sounds.get(word);
  if (key === undefined) {
    key = consonantFrame(word);
    if (sounds.size > MEMO) sounds.clear();
    sounds.set(detached(word), key);
  }
  return key;
}

function consonantFrame(word: string): string {
  let w = compactKey(word);
  if (!w) return '';
  w = w
    .replace(/ph/g, 'f')
    .replace(/(?:ck|ch|kh|q)/g, 'k')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/z/g, 's')
    .replace(/w/g, 'v')
    .replace(/(?:th|dt)/g, 't')
    .replace(/gh/g, 'g')
    .replace(/sh/g, 's');
  const first = /[aeiouy]/.test(w[0]!) ? 'a' : w[0]!;
  const rest = w.slice(1).replace(/[aeiouyh]/g, '');
  return (first + rest).replace(/(.)\1+/g, '$1');
}

/** Levenshtein distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(v);
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Whether `heard` is likely a mishearing of `meant` (two different spellings of what sounds like one name). Both
 * must be long enough for the comparison to mean something (four letters: "Musk" vs "Mask" is already a coin toss),
 * within a third of their letters of each other, with the same sound key ("Martin" and "Marvin" differ in one letter
 * but not in sound key: two names, not one misheard).
 */
export function soundsAlike(heard: string, meant: string): boolean {
  const a = compactKey(heard);
  const b = compactKey(meant);
  if (a === b || a.length < 4 || b.length < 4 || a.length > 40 || b.length > 40) return false;
  const longest = Math.max(a.length, b.length);
  const limit = Math.max(1, Math.round(longest / 3));
  if (Math.abs(a.length - b.length) > limit || soundKey(a) !== soundKey(b)) return false;
  return editDistance(a, b, limit) <= limit;
}
