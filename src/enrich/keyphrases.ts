// Keyphrases: the few words that say what a stretch of conversation is about, for chapter titles. Pure (the
// part-of-speech memo of src/enrich/pos.ts only saves work).
import { tokenize, type Tokens } from './analysis.js';
import { partOfSpeech, tagWords } from './pos.js';

export interface Keyphrase {
  /** As spoken (most frequent surface form, names keep their capitals), e.g. "neural networks", "Larry Page". */
  phrase: string;
  score: number;
}

/** How common each stem is across the segments of an episode (or any collection). */
export interface TermStats {
  /** Stem → number of segments containing it. */
  df: Map<string, number>;
  segments: number;
}

/** Words too vague to title anything, even when frequent in a passage (and the outro's "thank you for listening"). */
const VAGUE = new Set(
  `people time way thing things lot kind sort idea ideas question questions point sense part fact case world life day
  years year today something everything anything nothing someone everyone guy guys stuff bit reason example course
  place end number actually basically probably obviously literally certainly definitely exactly totally pretty gonna
  talk talking think thinking know knowing mean means say saying said go going get getting make making want wanted see
  look looking feel feeling like really good great right yeah okay sure little big different important interesting
  hard able true whole thank thanks listening perhaps maybe lots man dude folks everybody somebody anybody nobody
  certain many much every another such own same new old first second last next whatever anyway bunch couple tens
  hundreds thousands millions billions`
    .split(/\s+/)
    .filter(Boolean),
);

const MAX_WORDS = 3;

/**
 * The tokens of a run of texts (src/enrich/analysis.ts) with what keyphrases need per token and per word: where
 * phrases break (punctuation, a text's start), which words can be part of a phrase. Parallel arrays, no object per
 * token: a corpus has millions, and allocating them was most of the cost.
 */
export interface TokenStream {
  tokens: Tokens;
  /** 1 when the token follows punctuation or starts a text: phrases never span it. */
  breakBefore: Uint8Array;
  /** Index of the first token of each input text; starts[texts.length] is the token count. */
  starts: Int32Array;
  /** Per word id: not a stopword, number or word of under three letters. */
  content: Uint8Array;
  /** Per word id: too vague to title anything (VAGUE). */
  vague: Uint8Array;
  /** Per word id: "of", which may join two content words. */
  of: Uint8Array;
}

/** Tokenizes texts (joined with a newline) as words() splits words: letters and digits. */
export function tokenStream(texts: readonly string[]): TokenStream {
  const tokens = tokenize(texts.join('\n'));
  const starts = new Int32Array(texts.length + 1);
  let k = 0;
  let offset = 0;
  for (let t = 0; t < texts.length; t++) {
    while (k < tokens.count && tokens.at[k]! < offset) k++;
    starts[t] = k;
    offset += texts[t]!.length + 1;
  }
  starts[texts.length] = tokens.count;
  return streamOf(tokens, starts);
}

/**
 * A stream over tokens already made, cut into texts at `starts` (token indices, the count appended): chapters read
 * a transcript's shared tokens by sentence.
 */
export function streamOf(tokens: Tokens, starts: Int32Array): TokenStream {
  const breakBefore = Uint8Array.from(tokens.gapBreak);
  for (let t = 0; t + 1 < starts.length; t++) if (starts[t]! < tokens.count) breakBefore[starts[t]!] = 1;
  const n = tokens.words.length;
  const content = new Uint8Array(n);
  const vague = new Uint8Array(n);
  const of = new Uint8Array(n);
  for (let w = 0; w < n; w++) {
    const word = tokens.words[w]!;
    content[w] = !tokens.stop[w] && word.length >= 3 && !isDigits(word) ? 1 : 0;
    vague[w] = VAGUE.has(word) ? 1 : 0;
    of[w] = word === 'of' ? 1 : 0;
  }
  return { tokens, breakBefore, starts, content, vague, of };
}

function isDigits(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return word.length > 0;
}

export function termStats(segments: readonly string[]): TermStats {
  const stream = tokenStream(segments);
  return statsOf(stream, segments.map((_, k) => [stream.starts[k]!, stream.starts[k + 1]!] as const));
}

function statsOf(stream: TokenStream, ranges: readonly (readonly [number, number])[]): TermStats {
  const { stems } = stream.tokens;
  const counts = documentFrequencies(stream, ranges);
  const df = new Map<string, number>();
  for (let id = 0; id < counts.length; id++) if (counts[id]! > 0) df.set(stems[id]!, counts[id]!);
  return { df, segments: ranges.length };
}

/** Per stem id: the number of ranges whose content words include it. */
function documentFrequencies(stream: TokenStream, ranges: readonly (readonly [number, number])[]): Int32Array {
  const { word, stemOf, stems } = stream.tokens;
  const df = new Int32Array(stems.length);
  const seen = new Int32Array(stems.length).fill(-1);
  ranges.forEach(([from, to], r) => {
    for (let k = from; k < to; k++) {
      const w = word[k]!;
      if (!stream.content[w]) continue;
      const id = stemOf[w]!;
      if (seen[id] === r) continue;
      seen[id] = r;
      df[id]!++;
    }
  });
  return df;
}

interface Candidate {
  /** Stem ids of its words ("of" left out). */
  ids: number[];
  count: number;
  /** Where it was said (token index of its first word) with a capital mid-sentence, and otherwise. */
  capitalAt: number;
  lowerAt: number;
  capitals: number;
  /** Mentions after punctuation, where a capital says nothing. */
  starts: number;
  length: number;
  score: number;
}

/**
 * The candidates of one text, best first, as parallel arrays: a chapter has thousands of candidates and only the
 * first few are ever looked at, so objects are made for those only (candidate()).
 */
interface Ranked {
  /** The candidates kept (multi-word ones said once are not), and the best of them in order (see bestFirst). */
  kept: Int32Array;
  top: number[];
  /** Per candidate: the token where it was first met (its words are the tokens from there), and the fields below. */
  first: Int32Array;
  count: Int32Array;
  capitalAt: Int32Array;
  lowerAt: Int32Array;
  capitals: Int32Array;
  starts: Int32Array;
  length: Uint8Array;
  score: Float64Array;
}

/**
 * Candidate indices by phrase key (open addressing over a Float64Array): the keys of two- and three-word phrases
 * pass 2^31, and as Map keys each was a boxed number.
 */
class KeyTable {
  private readonly keys: Float64Array;
  private readonly values: Int32Array;
  private readonly mask: number;

  constructor(entries: number) {
    let size = 16;
    while (size < 2 * entries) size *= 2;
    this.keys = new Float64Array(size);
    this.values = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }

  private slot(key: number): number {
    const h = Math.imul((key | 0) ^ Math.imul((key / 4294967296) | 0, 0x27d4eb2d), 0x9e3779b1);
    let k = (h ^ (h >>> 15)) & this.mask;
    while (this.values[k]! >= 0 && this.keys[k] !== key) k = (k + 1) & this.mask;
    return k;
  }

  /** The value of a key, or -1. */
  get(key: number): number {
    return this.values[this.slot(key)]!;
  }

  set(key: number, value: number): void {
    const k = this.slot(key);
    this.keys[k] = key;
    this.values[k] = value;
  }
}

/**
 * How many candidates are put in order up front: titles take the first two that read as names, and the tagger sees
 * the first dozen; the rest are sorted only if ever reached (sorting thousands per chapter was a third of ranking).
 */
const TOP = 64;

/** Whether candidate a ranks before b: higher score, then first met. */
function before(a: number, b: number, score: Float64Array): boolean {
  return score[a]! > score[b]! || (score[a] === score[b] && a < b);
}

/** The `size` best of `items` in order, by a bounded heap (the worst kept at the root). */
function leading(items: Int32Array, score: Float64Array, size: number): number[] {
  const heap: number[] = [];
  const down = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && before(heap[worst]!, heap[l]!, score)) worst = l;
      if (r < heap.length && before(heap[worst]!, heap[r]!, score)) worst = r;
      if (worst === i) return;
      const swap = heap[i]!;
      heap[i] = heap[worst]!;
      heap[worst] = swap;
      i = worst;
    }
  };
  for (const c of items) {
    if (heap.length < size) {
      heap.push(c);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!before(heap[parent]!, heap[i]!, score)) break;
        const swap = heap[i]!;
        heap[i] = heap[parent]!;
        heap[parent] = swap;
        i = parent;
      }
    } else if (before(c, heap[0]!, score)) {
      heap[0] = c;
      down(0);
    }
  }
  return heap.sort((a, b) => (before(a, b, score) ? -1 : 1));
}

/** A text's candidate indices, best first: the leading ones, then (only if ever reached) the others in order. */
function* bestFirst(r: Ranked): Generator<number> {
  yield* r.top;
  if (r.kept.length <= r.top.length) return;
  const top = new Set(r.top);
  yield* [...r.kept].filter((c) => !top.has(c)).sort((a, b) => (before(a, b, r.score) ? -1 : 1));
}

function candidate(r: Ranked, i: number, stream: TokenStream): Candidate {
  const { word, stemOf } = stream.tokens;
  const ids: number[] = [];
  for (let k = 0; k < r.length[i]!; k++) {
    const w = word[r.first[i]! + k]!;
    if (!stream.of[w]) ids.push(stemOf[w]!);
  }
  return {
    ids,
    count: r.count[i]!,
    capitalAt: r.capitalAt[i]!,
    lowerAt: r.lowerAt[i]!,
    capitals: r.capitals[i]!,
    starts: r.starts[i]!,
    length: r.length[i]!,
    score: r.score[i]!,
  };
}

/**
 * Candidate phrases of tokens [from, to): runs of one to three content words between stopwords and punctuation ("of"
 * may join two, as in "meaning of life"), ranked by how much more they belong to this text than to the background:
 * tf × idf summed over their words, favouring repeated phrases. Keys are numbers (stem ids), so ranking allocates
 * little. `tf` is a zeroed buffer of one slot per stem, left zeroed.
 */
function rank(stream: TokenStream, from: number, to: number, idf: (id: number) => number, tf: Int32Array): Ranked {
  const { word, stemOf } = stream.tokens;
  const { content, vague, of } = stream;
  // Candidates start at content words (at most three at each, of one to three words).
  let starting = 0;
  for (let k = from; k < to; k++) {
    if (!content[word[k]!]) continue;
    tf[stemOf[word[k]!]!]!++;
    starting++;
  }
  const capacity = 3 * starting;
  const first = new Int32Array(capacity);
  const count = new Int32Array(capacity);
  const capitalAt = new Int32Array(capacity);
  const lowerAt = new Int32Array(capacity);
  const capitals = new Int32Array(capacity);
  const starts = new Int32Array(capacity);
  const length = new Uint8Array(capacity);
  let n = 0;
  const byKey = new KeyTable(capacity);
  // The current run: consecutive tokens from runStart, content words and single "of"s between them.
  let runStart = from;
  let runLength = 0;
  const flush = () => {
    for (let i = 0; i < runLength; i++) {
      const at = runStart + i;
      const firstWord = word[at]!;
      if (of[firstWord] || vague[firstWord]) continue;
      let key = 0;
      for (let len = 1; len <= MAX_WORDS && i + len <= runLength; len++) {
        const w = word[at + len - 1]!;
        // Stem ids below 2^17 keep a key of three exact in a double (51 bits); rarer collisions only merge counts.
        key = key * 131072 + (stemOf[w]! % 131072);
        if (of[w] || vague[w]) continue;
        let c = byKey.get(key);
        if (c < 0) {
          byKey.set(key, (c = n++));
          first[c] = at;
          capitalAt[c] = -1;
          lowerAt[c] = -1;
          length[c] = len;
        }
        count[c]!++;
        if (stream.breakBefore[at]) {
          starts[c]!++;
          if (lowerAt[c]! < 0) lowerAt[c] = at;
        } else if (stream.tokens.capital[at]) {
          capitals[c]!++;
          if (capitalAt[c]! < 0) capitalAt[c] = at;
        } else if (lowerAt[c]! < 0) lowerAt[c] = at;
      }
    }
    runLength = 0;
  };
  for (let k = from; k < to; k++) {
    const w = word[k]!;
    if (stream.breakBefore[k]) flush();
    if (content[w] || (of[w] && runLength > 0 && !of[word[k - 1]!])) {
      if (runLength === 0) runStart = k;
      runLength++;
    } else flush();
  }
  flush();
  const score = new Float64Array(n);
  const kept = new Int32Array(n);
  let keptCount = 0;
  for (let c = 0; c < n; c++) {
    let words = 0;
    let weight = 0;
    for (let k = 0; k < length[c]!; k++) {
      const w = word[first[c]! + k]!;
      if (of[w]) continue;
      words++;
      weight += Math.log(1 + tf[stemOf[w]!]!) * idf(stemOf[w]!);
    }
    if (words > 1 && count[c]! < 2) continue;
    score[c] = (weight / Math.sqrt(words)) * (1 + Math.log(count[c]!)) * (words > 1 ? 1.3 : 1);
    kept[keptCount++] = c;
  }
  for (let k = from; k < to; k++) tf[stemOf[word[k]!]!] = 0;
  const candidates = kept.subarray(0, keptCount);
  return { kept: candidates, top: leading(candidates, score, TOP), first, count, capitalAt, lowerAt, capitals, starts, length, score };
}

function positionOf(c: Candidate): number {
  return c.capitalAt >= 0 && c.capitals * 2 > c.count - c.starts ? c.capitalAt : c.lowerAt >= 0 ? c.lowerAt : c.capitalAt;
}

/** The lower-cased words of a candidate as said at its position. */
function wordsOf(c: Candidate, stream: TokenStream): string[] {
  const { tokens } = stream;
  const at = positionOf(c);
  const out: string[] = [];
  for (let k = 0; k < c.length && at + k < tokens.count; k++) out.push(tokens.words[tokens.word[at + k]!]!);
  return out;
}

/**
 * The phrase as said: a name keeps its capitals when most mentions are capitalized (mid-sentence capitals are how a
 * transcript marks names); anything else is lower case.
 */
function surfaceOf(c: Candidate, stream: TokenStream): string {
  const name = c.capitalAt >= 0 && c.capitals * 2 > c.count - c.starts;
  const at = positionOf(c);
  const { tokens } = stream;
  const words: string[] = [];
  for (let k = 0; k < c.length && at + k < tokens.count; k++) {
    const word = tokens.words[tokens.word[at + k]!]!;
    words.push(name ? tokens.text.slice(tokens.at[at + k]!, tokens.at[at + k]! + word.length) : word);
  }
  return words.join(' ');
}

/** Picks up to `max` phrases, skipping ones that share a word stem with a better one ("satellites", "small satellite"). */
function pick(ranked: Ranked, stream: TokenStream, max: number, keep: (c: Candidate, stream: TokenStream) => boolean): Keyphrase[] {
  const out: Keyphrase[] = [];
  const used = new Set<number>();
  for (const i of bestFirst(ranked)) {
    const c = candidate(ranked, i, stream);
    if (c.ids.some((id) => used.has(id)) || !keep(c, stream)) continue;
    for (const id of c.ids) used.add(id);
    out.push({ phrase: surfaceOf(c, stream), score: c.score });
    if (out.length >= max) break;
  }
  return out;
}

export interface KeyphraseOptions {
  background?: TermStats;
  max?: number;
  /**
   * Keep only phrases that read as names of things: ending on a noun, not starting with a verb or adverb ("neural
   * networks", never "pulled back" or "intelligent"). Costs a part-of-speech lookup per new word.
   */
  nouns?: boolean;
}

export function keyphrases(text: string, options: KeyphraseOptions = {}): Keyphrase[] {
  return keyphrasesOf([text], options)[0]!;
}

/**
 * Keyphrases of each of several texts, with the texts themselves as background unless one is given: what chapter
 * titles need (each chapter against the rest of the episode).
 */
export function keyphrasesOf(texts: readonly string[], options: KeyphraseOptions = {}): Keyphrase[][] {
  const stream = tokenStream(texts);
  return keyphrasesOfRanges(stream, texts.map((_, k) => [stream.starts[k]!, stream.starts[k + 1]!] as const), options);
}

/** keyphrasesOf for token ranges of a stream already built (chapters tokenize an episode once for everything). */
export function keyphrasesOfRanges(stream: TokenStream, ranges: readonly (readonly [number, number])[], options: KeyphraseOptions = {}): Keyphrase[][] {
  const max = options.max ?? 5;
  const idf = idfOf(stream, ranges, options.background);
  const tf = new Int32Array(stream.tokens.stems.length);
  const ranked = ranges.map(([from, to]) => rank(stream, from, to, idf, tf));
  if (options.nouns) {
    // Tag the words of the leading candidates only: the rest are never picked.
    const words: string[] = [];
    for (const r of ranked) {
      let taken = 0;
      for (const i of bestFirst(r)) {
        if (taken++ >= max * 6) break;
        words.push(...wordsOf(candidate(r, i, stream), stream));
      }
    }
    tagWords(words.filter(Boolean));
  }
  const keep = options.nouns ? nameLike : () => true;
  return ranked.map((r) => pick(r, stream, max, keep));
}

/** log((segments + 1) / (df + 1)) + 1 by stem id: against the given background, else the ranges themselves. */
function idfOf(stream: TokenStream, ranges: readonly (readonly [number, number])[], background: TermStats | undefined): (id: number) => number {
  if (background) {
    const { stems } = stream.tokens;
    return (id) => Math.log((background.segments + 1) / ((background.df.get(stems[id]!) ?? 0) + 1)) + 1;
  }
  if (ranges.length < 2) return () => 1;
  const df = documentFrequencies(stream, ranges);
  const segments = ranges.length;
  return (id) => Math.log((segments + 1) / (df[id]! + 1)) + 1;
}

/** A short title from the top keyphrases: "Neural networks, Tesla and data engines". */
export function titleFrom(phrases: readonly Keyphrase[], count = 2): string {
  const picked = phrases.slice(0, count).map((k) => k.phrase);
  if (picked.length === 0) return '';
  const text = picked.length === 1 ? picked[0]! : `${picked.slice(0, -1).join(', ')} and ${picked[picked.length - 1]}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Ends on a noun and holds no verb or adverb (a gerund tagged as a noun, "training", passes). */
function nameLike(c: Candidate, stream: TokenStream): boolean {
  const surface = wordsOf(c, stream);
  while (surface.length < c.length) surface.push('');
  const last = partOfSpeech(surface[surface.length - 1]!);
  if (last !== undefined && last !== 'noun') return false;
  for (const w of surface) {
    if (w === 'of') continue;
    const t = partOfSpeech(w);
    if (t === 'verb' || t === 'other') return false;
  }
  return true;
}
