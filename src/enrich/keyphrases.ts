// Keyphrases: the few words that say what a stretch of conversation is about, for chapter and moment titles. Pure
// (the part-of-speech memo below only saves work).
import { english } from '../formats/text.js';
import { isStopword, stem } from '../text/words.js';

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

/** What is known of a word wherever it occurs; memoized, so every token of the word shares one object. */
export interface WordInfo {
  /** Lower-cased, diacritics folded (as words() gives it). */
  word: string;
  stem: string;
  /** Small integer per distinct stem (process-wide), for array- and number-keyed work. */
  stemId: number;
  /** Not a stopword, number or word of under three letters. */
  content: boolean;
  vague: boolean;
}

/**
 * The tokens of a run of texts as parallel arrays (no object per token: a corpus has millions, and allocating them
 * was most of the cost). Texts are joined with a newline; a token after punctuation or at a text's start has
 * `breakBefore`, and phrases never span it.
 */
export interface TokenStream {
  text: string;
  info: WordInfo[];
  /** Offset of each token in `text` (its surface is text.slice(at, at + word.length)). */
  at: Int32Array;
  /** 1 when the token is written with a capital. */
  capital: Uint8Array;
  breakBefore: Uint8Array;
  /** Index of the first token of each input text; starts[texts.length] is the token count. */
  starts: Int32Array;
}

const BREAK = /[.,;:!?…()[\]"“”—–]|\s-\s/;
const NON_ASCII_WORD_CHAR = /[\p{L}\p{N}]/u;

const infos = new Map<string, WordInfo>();
const stemIds = new Map<string, number>();

function wordInfo(word: string): WordInfo {
  let i = infos.get(word);
  if (!i) {
    const s = stem(word);
    let stemId = stemIds.get(s);
    if (stemId === undefined) {
      stemId = stemIds.size;
      if (stemIds.size < 1_000_000) stemIds.set(s, stemId);
    }
    i = { word, stem: s, stemId, content: !isStopword(word) && word.length >= 3 && !/^\d+$/.test(word), vague: VAGUE.has(word) };
    if (infos.size < 500_000) infos.set(word, i);
  }
  return i;
}

function isWordChar(code: number, text: string, i: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return NON_ASCII_WORD_CHAR.test(text[i]!);
}

/** Tokenizes texts in one pass over their characters, splitting words as words() does (letters and digits). */
export function tokenStream(texts: readonly string[]): TokenStream {
  const text = texts.join('\n');
  const capacity = Math.ceil(text.length / 2) + 1;
  const info: WordInfo[] = [];
  let at = new Int32Array(Math.min(capacity, 1 << 16));
  let capital = new Uint8Array(at.length);
  let breakBefore = new Uint8Array(at.length);
  const starts = new Int32Array(texts.length + 1);
  let textIndex = 0;
  let nextTextAt = texts.length > 0 ? texts[0]!.length + 1 : Infinity;
  let newText = true;
  let previousEnd = 0;
  let n = 0;
  for (let i = 0; i < text.length; ) {
    while (i >= nextTextAt) {
      textIndex++;
      starts[textIndex] = n;
      nextTextAt += texts[textIndex]!.length + 1;
      newText = true;
    }
    const code = text.charCodeAt(i);
    if (!isWordChar(code, text, i)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < text.length && isWordChar(text.charCodeAt(j), text, j)) j++;
    const surface = text.slice(i, j);
    let word = surface.toLowerCase();
    if (code >= 128 || /[\u0080-\uffff]/.test(word)) word = word.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    if (n === at.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T, make: (size: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      at = grow(at, (size) => new Int32Array(size));
      capital = grow(capital, (size) => new Uint8Array(size));
      breakBefore = grow(breakBefore, (size) => new Uint8Array(size));
    }
    const gap = i - previousEnd;
    const broken = newText || (gap > 1 || (gap === 1 && text.charCodeAt(previousEnd) !== 32) ? BREAK.test(text.slice(previousEnd, i)) : false);
    info.push(wordInfo(word));
    at[n] = i;
    capital[n] = surface !== word && surface.charCodeAt(0) !== word.charCodeAt(0) ? 1 : 0;
    breakBefore[n] = broken ? 1 : 0;
    n++;
    newText = false;
    previousEnd = j;
    i = j;
  }
  while (textIndex < texts.length) starts[++textIndex] = n;
  return { text, info, at: at.subarray(0, n), capital: capital.subarray(0, n), breakBefore: breakBefore.subarray(0, n), starts };
}

export function termStats(segments: readonly string[]): TermStats {
  const stream = tokenStream(segments);
  return statsOf(stream, segments.map((_, k) => [stream.starts[k]!, stream.starts[k + 1]!] as const));
}

function statsOf(stream: TokenStream, ranges: readonly (readonly [number, number])[]): TermStats {
  const df = new Map<string, number>();
  for (const [from, to] of ranges) {
    const seen = new Set<string>();
    for (let k = from; k < to; k++) if (stream.info[k]!.content) seen.add(stream.info[k]!.stem);
    for (const s of seen) df.set(s, (df.get(s) ?? 0) + 1);
  }
  return { df, segments: ranges.length };
}

interface Candidate {
  stems: string[];
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
 * Candidate phrases of tokens [from, to): runs of one to three content words between stopwords and punctuation ("of"
 * may join two, as in "meaning of life"), ranked by how much more they belong to this text than to the background:
 * tf × idf summed over their words, favouring repeated phrases. Keys are numbers (stem ids), so ranking allocates
 * little.
 */
function rank(stream: TokenStream, from: number, to: number, background: TermStats | undefined): Candidate[] {
  const idf = (s: string) => (background ? Math.log((background.segments + 1) / ((background.df.get(s) ?? 0) + 1)) + 1 : 1);
  const tf = new Map<number, number>();
  const { info } = stream;
  for (let k = from; k < to; k++) if (info[k]!.content) tf.set(info[k]!.stemId, (tf.get(info[k]!.stemId) ?? 0) + 1);
  const byKey = new Map<number, Candidate>();
  let run: number[] = [];
  const flush = () => {
    for (let i = 0; i < run.length; i++) {
      const at = run[i]!;
      const first = info[at]!;
      if (first.word === 'of' || first.vague) continue;
      let key = 0;
      for (let len = 1; len <= MAX_WORDS && i + len <= run.length; len++) {
        const t = info[run[i + len - 1]!]!;
        // Stem ids below 2^17 keep a key of three exact in a double (51 bits); rarer collisions only merge counts.
        key = key * 131072 + (t.stemId % 131072);
        if (t.word === 'of' || t.vague) continue;
        let c = byKey.get(key);
        if (!c) {
          const stems: string[] = [];
          for (let k = 0; k < len; k++) if (info[run[i + k]!]!.word !== 'of') stems.push(info[run[i + k]!]!.stem);
          byKey.set(key, (c = { stems, count: 0, capitalAt: -1, lowerAt: -1, capitals: 0, starts: 0, length: len, score: 0 }));
        }
        c.count++;
        if (stream.breakBefore[at]) {
          c.starts++;
          if (c.lowerAt < 0) c.lowerAt = at;
        } else if (stream.capital[at]) {
          c.capitals++;
          if (c.capitalAt < 0) c.capitalAt = at;
        } else if (c.lowerAt < 0) c.lowerAt = at;
      }
    }
    run = [];
  };
  for (let k = from; k < to; k++) {
    const t = info[k]!;
    if (stream.breakBefore[k]) flush();
    if (t.content) run.push(k);
    else if (t.word === 'of' && run.length > 0 && info[run[run.length - 1]!]!.word !== 'of') run.push(k);
    else flush();
  }
  flush();
  const out: Candidate[] = [];
  for (const c of byKey.values()) {
    if (c.stems.length > 1 && c.count < 2) continue;
    let weight = 0;
    for (const s of c.stems) weight += Math.log(1 + (tf.get(stemIds.get(s) ?? -1) ?? 0)) * idf(s);
    c.score = (weight / Math.sqrt(c.stems.length)) * (1 + Math.log(c.count)) * (c.stems.length > 1 ? 1.3 : 1);
    out.push(c);
  }
  return out.sort((a, b) => b.score - a.score);
}

function positionOf(c: Candidate): number {
  return c.capitalAt >= 0 && c.capitals * 2 > c.count - c.starts ? c.capitalAt : c.lowerAt >= 0 ? c.lowerAt : c.capitalAt;
}

/**
 * The phrase as said: a name keeps its capitals when most mentions are capitalized (mid-sentence capitals are how a
 * transcript marks names); anything else is lower case.
 */
function surfaceOf(c: Candidate, stream: TokenStream): string {
  const name = c.capitalAt >= 0 && c.capitals * 2 > c.count - c.starts;
  const at = positionOf(c);
  const words: string[] = [];
  for (let k = 0; k < c.length; k++) {
    const i = stream.info[at + k];
    if (!i) break;
    words.push(name ? stream.text.slice(stream.at[at + k]!, stream.at[at + k]! + i.word.length) : i.word);
  }
  return words.join(' ');
}

/** Picks up to `max` phrases, skipping ones that share a word stem with a better one ("satellites", "small satellite"). */
function pick(ranked: readonly Candidate[], stream: TokenStream, max: number, keep: (c: Candidate, stream: TokenStream) => boolean): Keyphrase[] {
  const out: Keyphrase[] = [];
  const used = new Set<string>();
  for (const c of ranked) {
    if (c.stems.some((s) => used.has(s)) || !keep(c, stream)) continue;
    for (const s of c.stems) used.add(s);
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
  const background = options.background ?? (ranges.length > 1 ? statsOf(stream, ranges) : undefined);
  const ranked = ranges.map(([from, to]) => rank(stream, from, to, background));
  if (options.nouns) {
    // Tag the words of the leading candidates only: the rest are never picked.
    const words: string[] = [];
    for (const r of ranked) for (const c of r.slice(0, max * 6)) for (let i = 0; i < c.length; i++) words.push(stream.info[positionOf(c) + i]?.word ?? '');
    tagWords(words.filter(Boolean));
  }
  const keep = options.nouns ? nameLike : () => true;
  return ranked.map((r) => pick(r, stream, max, keep));
}

/** A short title from the top keyphrases: "Neural networks, Tesla and data engines". */
export function titleFrom(phrases: readonly Keyphrase[], count = 2): string {
  const picked = phrases.slice(0, count).map((k) => k.phrase);
  if (picked.length === 0) return '';
  const text = picked.length === 1 ? picked[0]! : `${picked.slice(0, -1).join(', ')} and ${picked[picked.length - 1]}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---------------------------------------------------------------------------------------------------------------
// Parts of speech

type Tag = 'noun' | 'adj' | 'verb' | 'other';

/**
 * Each lower-case word's usual part of speech, from the wink-nlp tagger run on a bare word list (out of context: the
 * word's most likely tag, which is what a title needs). Memoized: the vocabulary repeats across chapters and episodes.
 */
const tags = new Map<string, Tag>();
const MAX_TAGS = 200_000;

type PosDoc = { tokens(): { out(what?: unknown): string[] } };
type PosNlp = { readDoc(text: string): PosDoc; its: { pos: unknown } };

function tagWords(words: readonly string[]): void {
  const unknown = [...new Set(words)].filter((w) => !tags.has(w));
  if (unknown.length === 0) return;
  const nlp = english() as unknown as PosNlp;
  // One word a line: the tagger sees each alone, and its tokens line up with the words.
  const doc = nlp.readDoc(unknown.join('\n'));
  const pos = doc.tokens().out(nlp.its.pos);
  const values = doc.tokens().out();
  let k = 0;
  for (let i = 0; i < values.length && k < unknown.length; i++) {
    if (values[i] !== unknown[k]) continue;
    const p = pos[i];
    const tag: Tag = p === 'NOUN' || p === 'PROPN' ? 'noun' : p === 'ADJ' || p === 'NUM' ? 'adj' : p === 'VERB' || p === 'AUX' ? 'verb' : 'other';
    if (tags.size < MAX_TAGS) tags.set(unknown[k]!, tag);
    k++;
  }
}

/** Ends on a noun and holds no verb or adverb (a gerund tagged as a noun, "training", passes). */
function nameLike(c: Candidate, stream: TokenStream): boolean {
  const at = positionOf(c);
  const surface: string[] = [];
  for (let i = 0; i < c.length; i++) surface.push(stream.info[at + i]?.word ?? '');
  const last = tags.get(surface[surface.length - 1]!);
  if (last !== undefined && last !== 'noun') return false;
  for (const w of surface) {
    if (w === 'of') continue;
    const t = tags.get(w);
    if (t === 'verb' || t === 'other') return false;
  }
  return true;
}
