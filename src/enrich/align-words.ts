// Monotone word alignment of two transcripts of the same speech made by different speech-to-text engines (so the
// words mostly agree, with insertions, drops and mishearings). Anchors first: word n-grams that occur exactly once
// in each text, kept when they agree in order (longest increasing subsequence); then the gaps between anchors are
// aligned the same way with shorter n-grams, and small gaps by dynamic programming (longest common subsequence).
// Everything is linear or n·log n in length except the DP, which only runs on gaps below a fixed size.

/** Pairs (index in a, index in b) of words aligned to each other, increasing in both. */
export type Pairs = { a: Int32Array; b: Int32Array };

/** N-gram lengths tried, longest first: 4 words are unique almost everywhere in a conversation; 1 closes small gaps. */
const ANCHOR_LENGTHS = [4, 2, 1];
/** A gap is aligned by DP when the product of its sides is at most this (cells): ~40 ms at worst, rarely reached. */
const DP_CELLS = 250_000;

export function alignWords(a: Int32Array, b: Int32Array): Pairs {
  const outA: number[] = [];
  const outB: number[] = [];
  alignRange(a, b, 0, a.length, 0, b.length, 0, outA, outB);
  return { a: Int32Array.from(outA), b: Int32Array.from(outB) };
}

/** Aligns a[a0, a1) with b[b0, b1), appending pairs in order. */
function alignRange(a: Int32Array, b: Int32Array, a0: number, a1: number, b0: number, b1: number, level: number, outA: number[], outB: number[]): void {
  if (a1 <= a0 || b1 <= b0) return;
  if ((a1 - a0) * (b1 - b0) <= DP_CELLS) {
    lcs(a, b, a0, a1, b0, b1, outA, outB);
    return;
  }
  if (level >= ANCHOR_LENGTHS.length) return;
  const anchors = uniqueAnchors(a, b, a0, a1, b0, b1, ANCHOR_LENGTHS[level]!);
  if (anchors.length === 0) {
    alignRange(a, b, a0, a1, b0, b1, level + 1, outA, outB);
    return;
  }
  const n = ANCHOR_LENGTHS[level]!;
  let pa = a0;
  let pb = b0;
  for (const [ia, ib] of anchors) {
    if (ia < pa || ib < pb) continue; // overlapping n-grams: the previous anchor already covers these words
    alignRange(a, b, pa, ia, pb, ib, level + 1, outA, outB);
    for (let k = 0; k < n; k++) {
      outA.push(ia + k);
      outB.push(ib + k);
    }
    pa = ia + n;
    pb = ib + n;
  }
  alignRange(a, b, pa, a1, pb, b1, level + 1, outA, outB);
}

/**
 * The n-grams that occur exactly once in each range, as (start in a, start in b), reduced to the longest chain
 * increasing in both: an n-gram repeated elsewhere, or one out of order with most others, is no evidence of where
 * the texts correspond.
 */
function uniqueAnchors(a: Int32Array, b: Int32Array, a0: number, a1: number, b0: number, b1: number, n: number): [number, number][] {
  const inA = new Map<string, number>();
  for (let i = a0; i + n <= a1; i++) {
    const key = gram(a, i, n);
    inA.set(key, inA.has(key) ? -1 : i);
  }
  const inB = new Map<string, number>();
  for (let j = b0; j + n <= b1; j++) {
    const key = gram(b, j, n);
    if (inA.has(key) && inA.get(key) !== -1) inB.set(key, inB.has(key) ? -1 : j);
  }
  const pairs: [number, number][] = [];
  for (const [key, j] of inB) if (j !== -1) pairs.push([inA.get(key)!, j]);
  pairs.sort((x, y) => x[0] - y[0]);
  return longestIncreasing(pairs);
}

function gram(words: Int32Array, at: number, n: number): string {
  let key = String(words[at]);
  for (let k = 1; k < n; k++) key += ` ${words[at + k]}`;
  return key;
}

/** The longest subsequence of pairs (sorted by a) increasing in b: patience sorting, n·log n. */
function longestIncreasing(pairs: [number, number][]): [number, number][] {
  const tails: number[] = [];
  const previous = new Int32Array(pairs.length).fill(-1);
  for (let i = 0; i < pairs.length; i++) {
    const value = pairs[i]![1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![1] < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const out: [number, number][] = [];
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i !== -1; i = previous[i]!) out.push(pairs[i]!);
  return out.reverse();
}

/** Longest common subsequence of two small ranges, by the textbook table. */
function lcs(a: Int32Array, b: Int32Array, a0: number, a1: number, b0: number, b1: number, outA: number[], outB: number[]): void {
  const m = a1 - a0;
  const n = b1 - b0;
  const width = n + 1;
  const table = new Uint16Array((m + 1) * width);
  for (let i = m - 1; i >= 0; i--) {
    for (let j = n - 1; j >= 0; j--) {
      const here = i * width + j;
      table[here] = a[a0 + i] === b[b0 + j] ? table[here + width + 1]! + 1 : Math.max(table[here + width]!, table[here + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < m && j < n) {
    if (a[a0 + i] === b[b0 + j]) {
      outA.push(a0 + i++);
      outB.push(b0 + j++);
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) i++;
    else j++;
  }
}
