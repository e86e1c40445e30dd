// Sentences with times, and topic segmentation over them. Pure; shared by the ads and chapters steps.
//
// Transcripts come as turns of very different shapes: Whisper cues that cut sentences anywhere (Lexicap), long
// speaker turns of many sentences (transcript pages), 30-second paragraphs with estimated times (raw STT). Both
// steps want sentences with a start and an end in seconds, so they are rebuilt here once: a sentence may span several
// cues of one speaker, never two speakers, and its times are interpolated by character position inside a turn.
import type { Turn } from '../model/episode.js';
import { isStopword, stem, words } from '../text/words.js';
import { findSentenceEnd, type SentenceEnd } from './analysis.js';

export interface Sentence {
  text: string;
  start: number;
  end: number;
  /** Index of the turn it starts in. */
  turn: number;
  speaker: string | null;
  /** It starts where its turn starts, so the time is the source's own, not interpolated. */
  turnStart: boolean;
  /** It starts a turn of another speaker than the previous one (only when speakers are known). */
  speakerChange: boolean;
}

/** Tokens before a "." that do not end a sentence. */
const ABBREVIATION = /(?:^|\s)(?:mr|mrs|ms|dr|prof|st|vs|etc|e\.g|i\.e|jr|sr|no|vol|fig|inc|ltd|co|u\.s|[a-z])$/i;

/**
 * Longest sentence kept whole, in words. Unpunctuated speech-to-text yields "sentences" of thousands of words; cut
 * into pieces of this size (~30 s of speech) at a comma when there is one near the limit, they still give the
 * segmenter places to cut and the ad detector sentence-sized windows.
 */
const MAX_SENTENCE_WORDS = 90;

const memo = new WeakMap<readonly Turn[], readonly Sentence[]>();

/**
 * The turns' text as sentences with times. Linear in the text's length. Memoized on the turns array: the ads and
 * chapters steps read the same transcript's sentences (treat them as read-only).
 */
export function sentences(turns: readonly Turn[]): readonly Sentence[] {
  let found = memo.get(turns);
  if (!found) memo.set(turns, (found = splitTurns(turns)));
  return found;
}

/**
 * Where each sentence of sentences(turns) ends in its turns: the turn and the character offset in that turn's text
 * (turn -1 for all but the last piece of a sentence cut by MAX_SENTENCE_WORDS). For lining sentences up with other
 * readings of the same turns without reading their text again. Undefined for sentences not made by sentences().
 */
export function sentenceEnds(units: readonly Sentence[]): { turn: Int32Array; offset: Int32Array } | undefined {
  return ends.get(units);
}

const ends = new WeakMap<readonly Sentence[], { turn: Int32Array; offset: Int32Array }>();

/** The last sentence end found: terminal punctuation, perhaps closed by quotes or brackets, before a space or the end. */
const END: SentenceEnd = { start: 0, stop: 0 };

function splitTurns(turns: readonly Turn[]): Sentence[] {
  const out: Sentence[] = [];
  const endTurn: number[] = [];
  const endOffset: number[] = [];
  // The open sentence's pieces: turn index and character range, as parallel arrays (reused).
  const pieceTurn: number[] = [];
  const pieceFrom: number[] = [];
  const pieceTo: number[] = [];

  const timeAt = (turnIndex: number, offset: number): number => {
    const t = turns[turnIndex]!;
    const length = Math.max(t.text.length, 1);
    const span = Math.max(0, t.end - t.start);
    return t.start + (span * Math.min(offset, length)) / length;
  };
  const push = (text: string, at: number, whole: string, firstTurn: number, leading: boolean, start: number, end: number) => {
    // Times of capped pieces are shared out by character position over the whole sentence.
    const fraction = at / whole.length;
    const fractionEnd = (at + text.length) / whole.length;
    out.push({
      text,
      start: start + (end - start) * fraction,
      end: start + (end - start) * fractionEnd,
      turn: firstTurn,
      speaker: turns[firstTurn]!.speaker,
      turnStart: leading && at === 0,
      speakerChange: false,
    });
  };
  const flush = () => {
    const count = pieceTurn.length;
    if (count === 0) return;
    let text = '';
    for (let k = 0; k < count; k++) {
      const piece = turns[pieceTurn[k]!]!.text.slice(pieceFrom[k]!, pieceTo[k]!).trim();
      if (piece) text = text ? `${text} ${piece}` : piece;
    }
    const firstTurn = pieceTurn[0]!;
    const firstFrom = pieceFrom[0]!;
    if (text) {
      const leading = !hasText(turns[firstTurn]!.text, 0, firstFrom);
      const start = timeAt(firstTurn, firstFrom);
      const end = timeAt(pieceTurn[count - 1]!, pieceTo[count - 1]!);
      if (text.length < MAX_SENTENCE_WORDS * 4) push(text, 0, text, firstTurn, leading, start, end);
      else for (const piece of capped(text)) push(piece.text, piece.at, text, firstTurn, leading, start, end);
      while (endTurn.length < out.length - 1) {
        endTurn.push(-1);
        endOffset.push(0);
      }
      endTurn.push(pieceTurn[count - 1]!);
      endOffset.push(pieceTo[count - 1]!);
    }
    pieceTurn.length = pieceFrom.length = pieceTo.length = 0;
  };
  const add = (turn: number, from: number, to: number) => {
    pieceTurn.push(turn);
    pieceFrom.push(from);
    pieceTo.push(to);
  };

  for (let i = 0; i < turns.length; i++) {
    const turn = turns[i]!;
    const text = turn.text ?? '';
    const known = turn.speaker !== null && turn.speaker !== undefined;
    // A new speaker always starts a sentence; cues of the same (or no) speaker continue the one left open.
    if (known && (i === 0 || turns[i - 1]!.speaker !== turn.speaker)) flush();
    let from = 0;
    for (let at = 0; findSentenceEnd(text, at, false, END); at = END.stop) {
      const to = END.stop;
      if (to - END.start === 1 && text.charCodeAt(END.start) === 46 && ABBREVIATION.test(text.slice(Math.max(0, END.start - 6), END.start))) continue;
      if (nextIsLower(turns, i, to)) continue;
      add(i, from, to);
      flush();
      from = to;
    }
    if (from < text.length && hasText(text, from, text.length)) add(i, from, text.length);
    if (known && i + 1 < turns.length && turns[i + 1]!.speaker !== turn.speaker) flush();
  }
  flush();
  // A speaker change: a sentence starting a labelled turn whose speaker differs from the sentence before it.
  for (let k = 0; k < out.length; k++) {
    const s = out[k]!;
    if (s.turnStart && s.speaker !== null && (k === 0 || out[k - 1]!.speaker !== s.speaker)) s.speakerChange = true;
  }
  ends.set(out, { turn: Int32Array.from(endTurn), offset: Int32Array.from(endOffset) });
  return out;
}

/** JavaScript's \s (what trim() removes). */
function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Whether text[from, to) has anything but whitespace (without making the trimmed copy). */
function hasText(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return true;
  return false;
}

const LOWER_CASE = /\p{Ll}/u;

/**
 * Whether the first non-space character after `offset` in turn i (looking 40 characters into each of the next turns
 * while the speaker stays the same) is a lower-case letter: then the punctuation before it ends no sentence.
 */
function nextIsLower(turns: readonly Turn[], i: number, offset: number): boolean {
  for (let k = i, at = offset; k < turns.length && k < i + 3; k++, at = 0) {
    const text = turns[k]!.text;
    const to = Math.min(text.length, at + 40);
    for (let j = at; j < to; j++) {
      const c = text.charCodeAt(j);
      if (isSpace(c)) continue;
      return c < 128 ? c >= 97 && c <= 122 : LOWER_CASE.test(text[j]!);
    }
    if (k > i && turns[k]!.speaker !== turns[i]!.speaker) return false;
  }
  return false;
}

/** A sentence cut into pieces of at most MAX_SENTENCE_WORDS words, each with its character offset. */
function capped(text: string): { text: string; at: number }[] {
  // Cheap upper bound first: most sentences are far shorter than the cap.
  if (text.length < MAX_SENTENCE_WORDS * 4) return [{ text, at: 0 }];
  const out: { text: string; at: number }[] = [];
  const spaces: number[] = [];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) spaces.push(i);
  if (spaces.length < MAX_SENTENCE_WORDS) return [{ text, at: 0 }];
  let from = 0;
  let w = 0;
  while (w + MAX_SENTENCE_WORDS < spaces.length) {
    // Prefer a comma in the last third of the window.
    let cut = spaces[w + MAX_SENTENCE_WORDS]!;
    for (let k = w + MAX_SENTENCE_WORDS; k > w + (2 * MAX_SENTENCE_WORDS) / 3; k--) {
      const at = spaces[k]!;
      if (text.charCodeAt(at - 1) === 44) {
        cut = at;
        break;
      }
    }
    out.push({ text: text.slice(from, cut), at: from });
    from = cut + 1;
    while (w < spaces.length && spaces[w]! < from) w++;
  }
  out.push({ text: text.slice(from), at: from });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Topic segmentation

/** Words too vague to say what a stretch of talk is about (they are frequent everywhere in conversation). */
const FILLER = new Set(
  `people time way lot kind sort thing things something anything everything nothing someone everybody somebody guy
  guys stuff bit actually basically probably obviously literally certainly definitely exactly totally pretty really
  think know mean said saying talk talking go going get getting got make making made want wanted see look feel like
  good great right yeah okay sure little big different important interesting hard able true whole just also even much
  many well now still back first last new old need say says tell told come came give take put use used work works try
  trying maybe yes laughter start started call called seem seems year years day days`
    .split(/\s+/)
    .filter(Boolean),
);

/** Whether a word (lower case, not a stopword) carries topic: no fillers, numbers or two-letter words. */
export function isTopicWord(word: string): boolean {
  if (word.length < 3 || FILLER.has(word) || isStopword(word)) return false;
  const c = word.charCodeAt(0);
  return c < 48 || c > 57;
}

/** Content stems of a text for lexical cohesion. */
export function topicStems(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) if (isTopicWord(w)) out.push(stem(w));
  return out;
}

export interface SegmentOptions {
  /** Mean chapter length the segmentation aims at, in seconds. */
  targetLength?: number;
  /** No chapter shorter than this, in seconds. */
  minLength?: number;
  /** No chapter longer than this, in seconds (unless the text offers no place to cut). */
  maxLength?: number;
  /** Length of the blocks cohesion is measured over, in seconds. */
  blockSeconds?: number;
  /** How far a boundary may move to a more boundary-like sentence start, in seconds. */
  snapSeconds?: number;
  /** Weight of the sentence cues (boundaryCue) against lexical cohesion in the partition. */
  cueWeight?: number;
  /** The number of segments, when known (evaluation with the true count); otherwise from targetLength. */
  count?: number;
}

/**
 * Defaults, tuned on the dev outlines (see bench/eval-enrich/chapters.ts; a split shows the figures hold on the half not
 * tuned on). 8 minutes is the outlines' mean chapter length (8.4; median 6.6); 20-second blocks (~60 words) are the
 * smallest that still compare reliably, and fine enough for ±60 s; chapters under 2.5 or over 20 minutes are rare in
 * the outlines (20 rather than 30 minutes costs 0.001 F1 and a third of the time).
 */
export const SEGMENT_DEFAULTS: Required<Omit<SegmentOptions, 'count'>> = {
  targetLength: 8 * 60,
  minLength: 150,
  maxLength: 20 * 60,
  blockSeconds: 20,
  snapSeconds: 10,
  cueWeight: 0.3,
};

/**
 * How segment cohesion grows with length: ‖Σv‖²/n^LENGTH_EXPONENT. 1 is the mean pairwise similarity (k-means) and
 * favours many tiny tight segments; 0 is the raw sum and favours one huge one; 0.5 (tuned, 0.4-0.6 within 0.01 F1)
 * balances them, acting as a length prior.
 */
const LENGTH_EXPONENT = 0.5;

/** A word's stem, or a number standing for it (a caller's stem id). */
export type Term = string | number;

interface RawBlock {
  first: number;
  start: number;
  stems: Term[];
}

interface Block {
  /** Index of its first sentence. */
  first: number;
  start: number;
  /** Sparse unit vector: term ids and weights. */
  ids: Int32Array;
  weights: Float64Array;
}

/**
 * Sentences grouped into blocks of about `seconds`, each block starting at a sentence start. Blocks are the unit of
 * cohesion: a sentence is too short to compare, a minute too coarse to place a boundary within ±60 s.
 */
function blocksOf(units: readonly Sentence[], seconds: number, termsOf: (i: number, into: Term[]) => void): RawBlock[] {
  const out: RawBlock[] = [];
  let current: RawBlock | null = null;
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (!current || u.start - current.start >= seconds) {
      current = { first: i, start: u.start, stems: [] };
      out.push(current);
    }
    termsOf(i, current.stems);
  }
  return out;
}

/**
 * tf-idf block vectors (log tf, idf over the episode's blocks), L2-normalized; terms in one block only are dropped.
 * Each block's terms are in order of first occurrence in it (the sums below add in that order). Built in flat typed
 * arrays: a Map and an array of pairs per block were most of the segmenter's garbage.
 */
function vectorize(raw: RawBlock[]): { blocks: Block[]; vocabulary: number } {
  const ids = new Map<Term, number>();
  let total = 0;
  for (const b of raw) total += b.stems.length;
  const counts = new Int32Array(total);
  const df = new Int32Array(total);
  // Per block, its distinct terms (first occurrence first) and their counts, one block after the other.
  const termIds = new Int32Array(total);
  const termCounts = new Int32Array(total);
  const firstTerm = new Int32Array(raw.length + 1);
  let at = 0;
  raw.forEach((b, k) => {
    firstTerm[k] = at;
    for (const s of b.stems) {
      let id = ids.get(s);
      if (id === undefined) ids.set(s, (id = ids.size));
      if (counts[id] === 0) termIds[at++] = id;
      counts[id]!++;
    }
    for (let t = firstTerm[k]!; t < at; t++) {
      const id = termIds[t]!;
      termCounts[t] = counts[id]!;
      counts[id] = 0;
      df[id]!++;
    }
  });
  firstTerm[raw.length] = at;
  const n = raw.length;
  const outIds = new Int32Array(at);
  const outWeights = new Float64Array(at);
  let kept = 0;
  const blocks = raw.map((b, k) => {
    const from = kept;
    let sum = 0;
    for (let t = firstTerm[k]!; t < firstTerm[k + 1]!; t++) {
      const id = termIds[t]!;
      const d = df[id]!;
      if (d < 2) continue;
      const w = (1 + Math.log(termCounts[t]!)) * Math.log(n / d);
      outIds[kept] = id;
      outWeights[kept++] = w;
      sum += w * w;
    }
    const norm = Math.sqrt(sum) || 1;
    for (let t = from; t < kept; t++) outWeights[t] = outWeights[t]! / norm;
    return { first: b.first, start: b.start, ids: outIds.subarray(from, kept), weights: outWeights.subarray(from, kept) };
  });
  return { blocks, vocabulary: ids.size };
}

/**
 * Topic boundaries in a run of sentences: the indices of sentences that start a new topic (never 0).
 *
 * Optimal partition by dynamic programming (C99-like, but exact): each ~20 s block is a unit tf-idf vector; a
 * segment's cohesion is ‖Σv‖²/√n (see LENGTH_EXPONENT); the partition into about duration/targetLength segments that
 * maximizes total cohesion, plus a bonus for cutting where a sentence looks like a new topic (a question, "So let me
 * ask…", a pause, a new speaker: boundaryCue), wins. Unlike TextTiling's local dips it weighs every cut against all
 * the others. Each boundary then moves to the best cue sentence within ±snapSeconds. Cost O(blocks × maxLength /
 * blockSeconds × segments), a few ms for a three-hour episode.
 *
 * `termsOf(i, into)` adds sentence i's topic words (stems or stem ids) to `into` when the caller has tokenized
 * already (default: topicStems).
 */
export function segment(units: readonly Sentence[], options: SegmentOptions = {}, termsOf?: (i: number, into: Term[]) => void): number[] {
  const o = { ...SEGMENT_DEFAULTS, ...options };
  if (units.length < 2) return [];
  const duration = units[units.length - 1]!.end - units[0]!.start;
  const want = options.count ?? Math.round(duration / o.targetLength);
  if (want < 2) return [];
  const { blocks, vocabulary } = vectorize(blocksOf(units, o.blockSeconds, termsOf ?? ((i, into) => into.push(...topicStems(units[i]!.text)))));
  const n = blocks.length;
  if (n < 4) return [];
  const starts = blocks.map((b) => b.start).concat(units[units.length - 1]!.end);
  const cohesion = cohesionTable(blocks, vocabulary, starts, o.maxLength);
  const cues = boundaryCues(units);
  const bonus = blocks.map((b, k) => {
    const to = k + 1 < blocks.length ? blocks[k + 1]!.first : units.length;
    let best = -Infinity;
    for (let i = Math.max(1, b.first); i < to; i++) best = Math.max(best, cues[i]!);
    return best === -Infinity ? 0 : o.cueWeight * best;
  });
  const cuts = partition(cohesion, starts, want, o.minLength, bonus);
  return snap(units, cues, cuts.map((b) => blocks[b]!.first), o.snapSeconds);
}

/** Ends in a question mark, perhaps inside closing quotes or a bracket (/\?["'”’)]*$/, read from the end). */
function isQuestion(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0) {
    const c = text.charCodeAt(i);
    if (c !== 34 && c !== 39 && c !== 0x201d && c !== 0x2019 && c !== 41) break;
    i--;
  }
  return i >= 0 && text.charCodeAt(i) === 63;
}
/** Openings that turn a conversation to a new subject ("So…", "Let me ask…", "You mentioned…", "What…"). */
const TURNING = /^(?:so|and so|okay|ok|alright|all right|well|let me|let's|let us|speaking of|you mentioned|you've|you have|you wrote|you said|in your|what|how|why|do you|can you|if)\b/i;

/**
 * How likely a topic boundary is to fall at the start of each sentence, from cues any interview has: a question here
 * or next, a turning phrase, a pause, a new speaker; an answer (after a question) and a short interjection are
 * unlikely starts. Log-odds of each cue measured on the dev outlines (boundary sentences vs sentences within ±60 s),
 * summed as naive Bayes; only their order matters, to choose between nearby sentences. A speaker change counts ±0.5
 * (not measurable on the unlabelled dev transcripts; with the speakers step's attributions, ±0.5 kept dev F1 level
 * where ±1 and ±1.5 lowered it by 0.01).
 */
function boundaryCues(units: readonly Sentence[]): number[] {
  const question = units.map((u) => isQuestion(u.text));
  return units.map((u, i) => {
    const previous = units[i - 1];
    let score = question[i] || question[i + 1] ? 0.7 : -0.45;
    score += previous && question[i - 1] ? -1.1 : 0.1;
    score += previous && u.start - previous.end > 0.8 ? 0.95 : -0.13;
    score += TURNING.test(u.text) ? 0.9 : -0.5;
    score += u.text.length < 25 ? -0.45 : 0.07;
    if (u.speaker !== null) score += u.speakerChange ? 0.5 : -0.5;
    return score;
  });
}

/** Moves each boundary to the most boundary-like sentence start within ±seconds, keeping their order. */
function snap(units: readonly Sentence[], cues: readonly number[], cuts: readonly number[], seconds: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < cuts.length; k++) {
    const at = cuts[k]!;
    const low = Math.max(k > 0 ? out[k - 1]! + 1 : 1, 1);
    const high = k + 1 < cuts.length ? cuts[k + 1]! - 1 : units.length - 1;
    const t = units[at]!.start;
    let best = at;
    let bestScore = -Infinity;
    for (let i = at; i >= low && t - units[i]!.start <= seconds; i--) {
      const s = cues[i]! - Math.abs(t - units[i]!.start) / seconds;
      if (s > bestScore) [best, bestScore] = [i, s];
    }
    for (let i = at + 1; i <= high && units[i]!.start - t <= seconds; i++) {
      const s = cues[i]! - Math.abs(t - units[i]!.start) / seconds;
      if (s > bestScore) [best, bestScore] = [i, s];
    }
    out.push(best);
  }
  return out;
}

/**
 * Cohesion of every segment up to maxLength seconds: ‖Σ v‖²/len^LENGTH_EXPONENT of blocks i..i+len-1 is
 * values[offset[i] + len - 1], for len up to lengths[i] (one flat array, not an array per block).
 */
interface Cohesion {
  values: Float64Array;
  offset: Int32Array;
  lengths: Int32Array;
}

function cohesionTable(blocks: readonly Block[], vocabulary: number, starts: readonly number[], maxLength: number): Cohesion {
  const n = blocks.length;
  const sum = new Float64Array(vocabulary);
  // Each block's own squared norm, summed in the same order as when it was summed for every segment holding it.
  const selfNorm = blocks.map((b) => {
    let self = 0;
    for (let k = 0; k < b.weights.length; k++) self += b.weights[k]! * b.weights[k]!;
    return self;
  });
  const offset = new Int32Array(n + 1);
  const lengths = new Int32Array(n);
  for (let i = 0, end = 0; i < n; i++) {
    end = Math.max(end, i);
    while (end < n && starts[end]! - starts[i]! < maxLength) end++;
    lengths[i] = end - i;
    offset[i + 1] = offset[i]! + lengths[i]!;
  }
  const values = new Float64Array(offset[n]!);
  const scale: number[] = [];
  for (let i = 0; i < n; i++) {
    const length = lengths[i]!;
    const at = offset[i]!;
    let norm2 = 0;
    for (let len = 1; len <= length; len++) {
      const { ids, weights } = blocks[i + len - 1]!;
      let dot = 0;
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k]!;
        const w = weights[k]!;
        dot += sum[id]! * w;
        sum[id]! += w;
      }
      norm2 += 2 * dot + selfNorm[i + len - 1]!;
      while (scale.length < len) scale.push(Math.pow(scale.length + 1, LENGTH_EXPONENT));
      values[at + len - 1] = norm2 / scale[len - 1]!;
    }
    for (let len = 1; len <= length; len++) {
      const { ids } = blocks[i + len - 1]!;
      for (let k = 0; k < ids.length; k++) sum[ids[k]!] = 0;
    }
  }
  return { values, offset, lengths };
}

/**
 * The partition into exactly `want` segments (fewer when the length bounds allow no more) maximizing total cohesion
 * plus the cut bonuses; returns the block indices where segments 2..k start.
 */
function partition(cohesion: Cohesion, starts: readonly number[], want: number, minLength: number, bonus: readonly number[]): number[] {
  const n = cohesion.lengths.length;
  const { values, offset, lengths } = cohesion;
  const NEG = -Infinity;
  // previous[j]: best score of k-1 segments covering blocks 0..j-1.
  let previous = new Float64Array(n + 1).fill(NEG);
  previous[0] = 0;
  const back: Int32Array[] = [];
  let lastK = 0;
  for (let k = 1; k <= want; k++) {
    const current = new Float64Array(n + 1).fill(NEG);
    const from = new Int32Array(n + 1).fill(-1);
    for (let i = 0; i < n; i++) {
      if (previous[i] === NEG) continue;
      const base = previous[i]! + (i > 0 ? bonus[i]! : 0);
      const at = offset[i]! - 1;
      for (let len = 1; len <= lengths[i]!; len++) {
        const j = i + len;
        if (j < n && starts[j]! - starts[i]! < minLength) continue;
        const score = base + values[at + len]!;
        if (score > current[j]!) {
          current[j] = score;
          from[j] = i;
        }
      }
    }
    back.push(from);
    previous = current;
    if (current[n]! > NEG) lastK = k;
  }
  if (lastK === 0) return [];
  const cuts: number[] = [];
  let j = n;
  for (let k = lastK; k >= 1; k--) {
    const i = back[k - 1]![j]!;
    if (i > 0) cuts.push(i);
    j = i;
  }
  return cuts.reverse();
}
