// Enrichment step "insights": the episode's main points (5-8), each a sentence from the transcript linked to where
// it is said. Extractive. The episode is cut into as many stretches as points (at chapter starts when near), and each
// stretch gives its best sentence, so the list covers the whole episode. A sentence scores by centrality, twice: to
// the episode (the weight of its subject words, tf × idf within the episode) and to its stretch (how much it is made
// of the words the stretch keeps coming back to: a linear stand-in for TextRank, which is quadratic), plus
// specificity, markers of explanation and general statements ("X is Y"); talk addressed to "you", hedging,
// narration and the host's framing count against. Questions, pleasantries, fragments and sentences leaning on the one
// before are never points, nor anything in the intro, outro or ads; a point repeating an earlier one is skipped.
// Given insights (from a summary source) are kept as they are.
import type { Episode, Insight } from '../model/episode.js';
import { eligibleSentences, episodeFrame } from './moments-frame.js';
import { latinShare, stemIds, textStream, tidy, topicWeights, type Sentence, type TextStream } from './moments-text.js';
import type { EnrichStep } from './step.js';

/** A main point is said in one sentence of this many words: shorter is a fragment, longer a ramble. */
const MIN_WORDS = 10;
const MAX_WORDS = 45;
/** Two points sharing this share of their subject words say the same thing. */
const REDUNDANT = 0.35;
const MIN_TRANSCRIPT_WORDS = 300;

export const insightsStep: EnrichStep = {
  id: 'insights',
  version: 1,
  skip: insightsSkipReason,
  run: (episode) => ({ insights: keyInsights(episode) }),
};

export function insightsSkipReason(episode: Episode): string | null {
  if (episode.insights.length) return 'insights are given';
  if (!episode.turns.length) return 'no transcript';
  if (episode.language && !/^en\b/i.test(episode.language)) return `insights need an English transcript (this one is ${episode.language})`;
  const stream = textStream(episode.turns);
  if (stream.words < MIN_TRANSCRIPT_WORDS) return 'transcript too short for insights';
  if (latinShare(stream.text) < 0.5) return 'insights need an English transcript';
  return null;
}

/** 5 points for an hour or less, one more per extra 40 minutes, at most 8. */
export function insightCount(seconds: number): number {
  return Math.max(5, Math.min(8, Math.round(3 + (1.5 * seconds) / 3600)));
}

export function keyInsights(episode: Episode): Insight[] {
  const stream = textStream(episode.turns);
  const frame = episodeFrame(stream, episode.ads);
  const ok = eligibleSentences(stream, frame);
  const count = insightCount(Math.max(0, frame.outroStart - frame.introEnd));
  const bounds = stretches(episode, frame.introEnd, frame.outroStart, count);
  const global = topicWeights(stream);
  const n = Math.max(2, stream.sentences.length);
  const idf = (id: number) => Math.log(n / Math.max(1, stream.df[id]!));
  const host = hostName(episode);
  const local = new Float64Array(stream.vocabulary.length);
  const chosen: number[] = [];
  const chosenStems: Set<number>[] = [];
  const spare: { index: number; score: number }[] = [];
  /** Takes up to `max` of the ranked sentences, skipping any that repeats a chosen one; returns how many. */
  const take = (ranked: readonly { index: number }[], max: number): number => {
    let taken = 0;
    for (const c of ranked) {
      if (taken >= max) break;
      if (chosen.includes(c.index)) continue;
      const stems = subjectStems(stream, stream.sentences[c.index]!);
      if (chosenStems.some((o) => overlap(o, stems) >= REDUNDANT)) continue;
      chosen.push(c.index);
      chosenStems.push(stems);
      taken++;
    }
    return taken;
  };
  let cursor = 0;
  for (const [from, to] of bounds) {
    // The stretch's sentences; its word counts make "local centrality": how much a sentence is made of the words
    // its stretch of conversation keeps coming back to (a linear stand-in for TextRank within the stretch).
    while (cursor < stream.sentences.length && stream.sentences[cursor]!.start < from) cursor++;
    const first = cursor;
    while (cursor < stream.sentences.length && stream.sentences[cursor]!.start < to) cursor++;
    const touched: number[] = [];
    const { stems } = stream;
    for (let i = first; i < cursor; i++) {
      const s = stream.sentences[i]!;
      for (let k = s.stemFrom; k < s.stemTo; k++) {
        const id = stems[k]!;
        if (stream.generic[id]) continue;
        if (local[id] === 0) touched.push(id);
        local[id]!++;
      }
    }
    const scored: { index: number; global: number; local: number; extra: number }[] = [];
    for (let i = first; i < cursor; i++) {
      const s = stream.sentences[i]!;
      if (!ok[i] || !candidate(s)) continue;
      const seen = new Set<number>();
      let g = 0;
      let l = 0;
      for (let k = s.stemFrom; k < s.stemTo; k++) {
        const id = stems[k]!;
        if (seen.has(id) || stream.generic[id]) continue;
        seen.add(id);
        g += global[id]!;
        // Its own occurrence does not count toward how often the stretch repeats a word.
        l += Math.log(local[id]!) * idf(id);
      }
      const extra = extras(s, host, stream.text.slice(s.from, Math.min(s.to, s.from + 40)));
      scored.push({ index: i, global: g / Math.sqrt(s.words), local: l / Math.sqrt(s.words), extra });
    }
    for (const id of touched) local[id] = 0;
    const zg = zScorer(scored.map((x) => x.global));
    const zl = zScorer(scored.map((x) => x.local));
    // The episode's subjects weigh more than the stretch's: a main point is about what the episode is about.
    const ranked = scored.map((x) => ({ index: x.index, score: zg(x.global) + 0.7 * zl(x.local) + x.extra })).sort((a, b) => b.score - a.score);
    if (!take(ranked, 1)) spare.push(...ranked);
    else spare.push(...ranked.slice(1));
  }
  // A stretch with nothing fit to say (all questions, or all ads) leaves its place to the best sentence elsewhere.
  if (chosen.length < count) take(spare.sort((a, b) => b.score - a.score), count - chosen.length);
  return chosen
    .sort((a, b) => a - b)
    .map((i) => {
      const s = stream.sentences[i]!;
      return { text: tidy(stream.text.slice(s.from, s.to), MAX_WORDS), start: Math.round(s.start * 1000) / 1000 };
    });
}

/** Openings of musing and hedging rather than of a point ("I wonder if…", "I don't know…"). */
const HEDGE = /^\W*(?:i wonder|i don'?t know|i'?m not sure|i guess|i mean|you know|i was (?:just )?(?:thinking|wondering)|let me ask)/i;

/**
 * What besides centrality makes a sentence a main point: specific words and markers of explanation count for it;
 * fillers, talk addressed to "you", hedging and (when known) the host's framing count against; a general statement
 * ("X is Y", "X will") counts a little for it.
 */
function extras(s: Sentence, host: string | null, opening: string): number {
  let score = (4 * s.specific) / s.words + 0.4 * Math.min(2, s.markers);
  score -= (3 * s.fillers) / s.words + (4 * s.you) / s.words;
  if (s.claim) score += 0.5;
  else if (s.past) score -= 0.5;
  if (s.opener === 'connective') score -= 0.2;
  if (host && s.speaker === host) score -= 0.5;
  if (HEDGE.test(opening)) score -= 1;
  return score;
}

/** (value − mean) / sd over the given values. */
function zScorer(values: readonly number[]): (value: number) => number {
  const n = Math.max(1, values.length);
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
  return (v) => (sd > 1e-9 ? (v - mean) / sd : 0);
}

/** Could this sentence state a main point on its own? */
function candidate(s: Sentence): boolean {
  return (
    !s.question &&
    !s.smallTalk &&
    s.words >= MIN_WORDS &&
    s.words <= MAX_WORDS &&
    s.opener !== 'reference' &&
    s.opener !== 'fragment' &&
    s.finite &&
    s.content >= 4 &&
    s.fillers / s.words < 0.12
  );
}

/**
 * `count` time ranges covering [from, to) of about equal length, cut at chapter starts when one is near (so points
 * follow the episode's own parts), else at the equal split.
 */
function stretches(episode: Episode, from: number, to: number, count: number): [number, number][] {
  const starts = episode.chapters.map((c) => c.start).filter((t) => Number.isFinite(t) && t > from && t < to);
  const per = Math.max(1, to - from) / count;
  const cuts: number[] = [from];
  for (let k = 1; k < count; k++) {
    const target = from + k * per;
    let cut = target;
    for (const s of starts) if (Math.abs(s - target) < per / 3 && Math.abs(s - target) < Math.abs(cut - target)) cut = s;
    cuts.push(Math.max(cut, cuts[cuts.length - 1]!));
  }
  cuts.push(to);
  return cuts.slice(0, -1).map((c, k) => [c, cuts[k + 1]!] as [number, number]);
}

function subjectStems(stream: TextStream, s: Sentence): Set<number> {
  return new Set(stemIds(stream, s).filter((id) => !stream.generic[id]));
}

function overlap(a: Set<number>, b: Set<number>): number {
  let shared = 0;
  for (const id of a) if (b.has(id)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

function hostName(episode: Episode): string | null {
  return episode.speakers.find((s) => s.role === 'host')?.name ?? null;
}
