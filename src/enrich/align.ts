// Enrichment step "align": when an episode has an untimed transcript (times estimated from the speaking rate) and a
// timed one of the same speech, give the untimed turns the times of the words they align to. The two texts come from
// different speech-to-text engines, so the alignment is by words, tolerant of drops, insertions and mishearings
// (src/enrich/align-words.ts). Turns with no aligned word are placed between their aligned neighbours by their
// words and keep timing 'estimated'.
import type { Episode, Turn } from '../model/episode.js';
import type { EnrichmentPatch, EnrichStep, TurnPatch } from './step.js';
import { wordSpans } from '../text/words.js';
import { alignWords } from './align-words.js';
import { WORDS_PER_SECOND } from '../formats/text.js';

/** Fillers one engine writes and the other drops ("uh", "um"): left out of both sides before aligning. */
const FILLERS = new Set(['uh', 'um', 'umm', 'uhm', 'hmm', 'mm', 'mhm', 'ah', 'er', 'erm']);
/**
 * Share of the untimed words that must align before any time is trusted: below it the two transcripts are likely
 * not the same speech (another episode, another language) and nothing is changed.
 */
const MIN_ALIGNED_SHARE = 0.2;

type Transcript = Episode['transcripts'][number];

export const alignStep: EnrichStep = {
  id: 'align',
  version: 1,
  skip(episode) {
    const untimed = episode.transcripts.filter(isUntimed);
    if (untimed.length === 0) return 'no untimed transcript';
    if (!timedReference(episode)) return 'no timed transcript to align to';
    return null;
  },
  run(episode) {
    const reference = timedReference(episode);
    const patch: EnrichmentPatch = { transcripts: [] };
    if (!reference) return patch;
    const timed = timedWords(reference.turns);
    for (const transcript of episode.transcripts.filter(isUntimed)) {
      const turns = alignTurns(transcript.turns, timed);
      if (turns) patch.transcripts!.push({ source: transcript.source, turns });
    }
    return patch;
  },
};

function isUntimed(t: Transcript): boolean {
  return t.turns.length > 0 && t.turns.every((turn) => turn.timing === 'estimated');
}

/** The transcript with the most words among those timed by their source. */
function timedReference(episode: Episode): Transcript | null {
  let best: Transcript | null = null;
  let bestChars = 0;
  for (const t of episode.transcripts) {
    if (t.turns.length === 0 || !t.turns.every((turn) => turn.timing === 'exact')) continue;
    const chars = t.turns.reduce((sum, turn) => sum + turn.text.length, 0);
    if (chars > bestChars) [best, bestChars] = [t, chars];
  }
  return best;
}

interface TimedWords {
  ids: Int32Array;
  /** Start and end of each word, shared out within its cue by character position. */
  start: Float64Array;
  end: Float64Array;
  vocabulary: Map<string, number>;
}

function timedWords(turns: readonly Turn[]): TimedWords {
  const vocabulary = new Map<string, number>();
  const ids: number[] = [];
  const start: number[] = [];
  const end: number[] = [];
  for (const turn of turns) {
    const length = Math.max(1, turn.text.length);
    const span = Math.max(0, turn.end - turn.start);
    for (const w of wordSpans(turn.text)) {
      if (FILLERS.has(w.word)) continue;
      ids.push(idOf(vocabulary, w.word));
      start.push(turn.start + (span * w.start) / length);
      end.push(turn.start + (span * w.end) / length);
    }
  }
  return { ids: Int32Array.from(ids), start: Float64Array.from(start), end: Float64Array.from(end), vocabulary };
}

function idOf(vocabulary: Map<string, number>, word: string): number {
  let id = vocabulary.get(word);
  if (id === undefined) {
    id = vocabulary.size;
    vocabulary.set(word, id);
  }
  return id;
}

/** New times for the untimed turns, or null when too little aligns to trust any. */
function alignTurns(turns: readonly Turn[], timed: TimedWords): TurnPatch[] | null {
  const ids: number[] = [];
  const turnOf: number[] = [];
  const firstWord = new Int32Array(turns.length + 1);
  turns.forEach((turn, t) => {
    firstWord[t] = ids.length;
    for (const w of wordSpans(turn.text)) {
      if (FILLERS.has(w.word)) continue;
      // Words the timed text never has get fresh ids, so they match nothing (the vocabulary is not grown for them).
      ids.push(timed.vocabulary.get(w.word) ?? -1 - ids.length);
      turnOf.push(t);
    }
  });
  firstWord[turns.length] = ids.length;
  if (ids.length === 0 || timed.ids.length === 0) return null;
  const pairs = solidPairs(alignWords(Int32Array.from(ids), timed.ids));
  if (pairs.a.length < MIN_ALIGNED_SHARE * ids.length) return null;

  // The first and last aligned word of each turn.
  const first = new Int32Array(turns.length).fill(-1);
  const last = new Int32Array(turns.length).fill(-1);
  for (let k = 0; k < pairs.a.length; k++) {
    const t = turnOf[pairs.a[k]!]!;
    if (first[t] === -1) first[t] = k;
    last[t] = k;
  }

  const times: { start: number; end: number; aligned: boolean }[] = turns.map((turn, t) => {
    if (first[t] === -1) return { start: turn.start, end: turn.end, aligned: false };
    const kf = first[t]!;
    const kl = last[t]!;
    // Words of the turn before its first aligned word (or after its last) are given the speaking rate's time.
    const before = pairs.a[kf]! - firstWord[t]!;
    const after = firstWord[t + 1]! - 1 - pairs.a[kl]!;
    const start = timed.start[pairs.b[kf]!]! - before / WORDS_PER_SECOND;
    const end = timed.end[pairs.b[kl]!]! + after / WORDS_PER_SECOND;
    return { start: Math.max(0, start), end: Math.max(start, end), aligned: true };
  });
  placeUnaligned(turns, times);

  const out: TurnPatch[] = [];
  let previousStart = 0;
  times.forEach((time, index) => {
    const start = round(Math.max(previousStart, time.start));
    const end = round(Math.max(start, time.end));
    previousStart = start;
    out.push({ index, start, end, timing: time.aligned ? 'aligned' : 'estimated' });
  });
  return out;
}

/**
 * Drops aligned words with no aligned neighbour within two words on both sides: a lone match in a stretch where the
 * texts differ is as likely a common word met by chance ("the", "and") as the same word.
 */
function solidPairs(pairs: { a: Int32Array; b: Int32Array }): { a: Int32Array; b: Int32Array } {
  const keepA: number[] = [];
  const keepB: number[] = [];
  const n = pairs.a.length;
  const close = (k: number, l: number): boolean =>
    l >= 0 && l < n && Math.abs(pairs.a[k]! - pairs.a[l]!) <= 2 && Math.abs(pairs.b[k]! - pairs.b[l]!) <= 2;
  for (let k = 0; k < n; k++) {
    if (close(k, k - 1) || close(k, k + 1)) {
      keepA.push(pairs.a[k]!);
      keepB.push(pairs.b[k]!);
    }
  }
  return { a: Int32Array.from(keepA), b: Int32Array.from(keepB) };
}

/**
 * Turns with no aligned word are spread by their words between the nearest aligned turns before and after (their
 * own estimate came from another time base and would fall out of order); at the ends, the speaking rate is used.
 */
function placeUnaligned(turns: readonly Turn[], times: { start: number; end: number; aligned: boolean }[]): void {
  const words = turns.map((t) => Math.max(1, t.text.split(/\s+/).length));
  let t = 0;
  while (t < turns.length) {
    if (times[t]!.aligned) {
      t++;
      continue;
    }
    let u = t;
    while (u < turns.length && !times[u]!.aligned) u++;
    const runWords = words.slice(t, u).reduce((s, w) => s + w, 0);
    const from = t > 0 ? times[t - 1]!.end : u < turns.length ? Math.max(0, times[u]!.start - runWords / WORDS_PER_SECOND) : null;
    const to = u < turns.length ? times[u]!.start : from !== null ? from + runWords / WORDS_PER_SECOND : null;
    if (from !== null && to !== null) {
      let at = from;
      const rate = (Math.max(from, to) - from) / runWords;
      for (let k = t; k < u; k++) {
        times[k] = { start: at, end: at + words[k]! * rate, aligned: false };
        at += words[k]! * rate;
      }
    }
    t = u;
  }
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
