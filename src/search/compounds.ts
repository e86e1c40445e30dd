// Compounds written apart or together: speech-to-text and people disagree on "audiobook" / "audio book",
// "wildfire" / "wild fire", "podcast" / "pod cast". A query word that is rare in the library is also searched as two
// words, and two adjacent query words as one. Pure: the index says which words exist.
import { isStopword } from '../text/words.js';

/** Each part of a split is a real word of at least this many letters ("a"+"cross" is not a split of "across"). */
const MIN_PART = 3;
/** Longer "words" are not compounds (and each cut costs the index two lookups). */
const MAX_WORD = 30;

/** The ways to cut `word` into two words that both pass `isWord`, longest first part first. */
export function compoundSplits(word: string, isWord: (part: string) => boolean): [string, string][] {
  if (!/^[a-z]+$/.test(word) || word.length < 2 * MIN_PART || word.length > MAX_WORD) return [];
  const splits: [string, string][] = [];
  for (let i = word.length - MIN_PART; i >= MIN_PART; i--) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (isStopword(head) || isStopword(tail)) continue;
    if (isWord(head) && isWord(tail)) splits.push([head, tail]);
  }
  return splits;
}

/** Adjacent query words written together ("audio", "book" → "audiobook"), for words of letters only. */
export function joinedPairs(words: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const [a, b] = [words[i]!, words[i + 1]!];
    if (/^[a-z]+$/.test(a) && /^[a-z]+$/.test(b) && a.length >= MIN_PART && b.length >= MIN_PART) joined.push(a + b);
  }
  return joined;
}
