// Enrichment step "moments": key moments (Snipd-style): a 30-90 s passage worth returning to, with a short title, a
// one- or two-sentence summary and the verbatim quote, spread over the episode and clear of intro, outro and ads.
//
// Every sentence start is a candidate; each is extended sentence by sentence to the best-scoring end within 30-90 s.
// A window's score adds cheap, explainable features (prefix sums make each window O(1), the step linear):
// content-word density, specificity (numbers, named things, long words), discourse markers of explanation and
// story, centrality to the episode's subject words, one speaker holding the floor, and penalties for questions,
// fillers, pleasantries, a start that leans on the sentence before ("It…", "That…") and an end on a question.
// Rates are z-scored against the episode's own one-minute stretches, so they weigh alike in every episode whatever
// its style, and shrunk toward the episode's mean so short windows do not win on luck. The best window per time
// bucket (about 5 per hour) is kept if it beats the median candidate and repeats no earlier moment's subject. The
// intro, outro and ad reads (src/enrich/moments-frame.ts) are never candidates. Titles are the quote's best noun
// phrases against the episode (src/enrich/moments-title.ts); the summary is its one or two most central sentences.
import type { Episode, Moment } from '../model/episode.js';
import { momentTitle } from './moments-title.js';
import { eligibleSentences, episodeFrame, type Frame } from './moments-frame.js';
import { latinShare, stemIds, textStream, tidy, topicWeights, type Sentence, type TextStream } from './moments-text.js';
import type { EnrichStep } from './step.js';

/** Snipd shows about 4-8 highlights per hour of episode; 5 keeps them worth reading. */
const PER_HOUR = 5;
const MAX_MOMENTS = 40;
/** A moment is a passage one can listen to in one go: half a minute to a minute and a half. */
const MIN_SECONDS = 30;
const MAX_SECONDS = 90;
/** Preferred length: a typical Snipd excerpt is a minute. */
const IDEAL_SECONDS = 60;
/** Words of prior that window rates are shrunk by (about 20 s of speech). */
const SHRINK = 60;
/** Two moments sharing this share of their subject words tell the same thing (shows come back to topics). */
const REDUNDANT = 0.5;
/** Moments never sit closer than this to each other, so two are never the same passage told twice. */
const MIN_GAP = 60;
/** Below this many words (about a minute of speech) there is nothing to pick from. */
const MIN_WORDS = 150;

export const momentsStep: EnrichStep = {
  id: 'moments',
  version: 1,
  skip: momentsSkipReason,
  run: (episode) => ({ moments: keyMoments(episode) }),
};

export function momentsSkipReason(episode: Episode): string | null {
  if (!episode.turns.length) return 'no transcript';
  if (episode.language && !/^en\b/i.test(episode.language)) return `key moments need an English transcript (this one is ${episode.language})`;
  const stream = textStream(episode.turns);
  if (stream.words < MIN_WORDS) return 'transcript too short for key moments';
  if (latinShare(stream.text) < 0.5) return 'key moments need an English transcript';
  if (stream.duration < MIN_SECONDS * 2) return 'transcript too short for key moments';
  return null;
}

interface Candidate {
  first: number;
  last: number;
  score: number;
  start: number;
  end: number;
}

export function keyMoments(episode: Episode): Moment[] {
  const stream = textStream(episode.turns);
  const frame = episodeFrame(stream, episode.ads);
  const candidates = windows(stream, frame);
  const chosen = pick(stream, candidates, frame, stream.duration);
  const idf = episodeIdf(stream);
  const usedPhrases = new Set<string>();
  return chosen.map((c) => moment(stream, c, idf, usedPhrases));
}

/** Prefix sums of the per-sentence features, so any window's totals are two lookups. */
interface Sums {
  words: Float64Array;
  content: Float64Array;
  specific: Float64Array;
  markers: Float64Array;
  fillers: Float64Array;
  questionWords: Float64Array;
  topic: Float64Array;
  smallTalk: Float64Array;
}

/** Mean and spread of a feature over the episode's sentences (word-weighted), to z-score windows with. */
interface Norm {
  mean: number;
  sd: number;
}

function prefixSums(stream: TextStream, weights: Float64Array): Sums {
  const { sentences, stems } = stream;
  const n = sentences.length;
  const make = () => new Float64Array(n + 1);
  const s: Sums = { words: make(), content: make(), specific: make(), markers: make(), fillers: make(), questionWords: make(), topic: make(), smallTalk: make() };
  sentences.forEach((x, i) => {
    let topic = 0;
    for (let k = x.stemFrom; k < x.stemTo; k++) topic += weights[stems[k]!]!;
    s.words[i + 1] = s.words[i]! + x.words;
    s.content[i + 1] = s.content[i]! + x.content;
    s.specific[i + 1] = s.specific[i]! + x.specific;
    s.markers[i + 1] = s.markers[i]! + x.markers;
    s.fillers[i + 1] = s.fillers[i]! + x.fillers;
    s.questionWords[i + 1] = s.questionWords[i]! + (x.question ? x.words : 0);
    s.topic[i + 1] = s.topic[i]! + topic;
    s.smallTalk[i + 1] = s.smallTalk[i]! + (x.smallTalk ? 1 : 0);
  });
  return s;
}

type Feature = 'density' | 'specific' | 'markers' | 'fillers' | 'topic';

/** A window's rates: content words per word, specific words per word, markers per word, topic weight per content word. */
function rates(s: Sums, i: number, j: number): Record<Feature, number> {
  const words = Math.max(1, s.words[j + 1]! - s.words[i]!);
  const content = Math.max(1, s.content[j + 1]! - s.content[i]!);
  return {
    density: (s.content[j + 1]! - s.content[i]!) / words,
    specific: (s.specific[j + 1]! - s.specific[i]!) / words,
    markers: (s.markers[j + 1]! - s.markers[i]!) / words,
    fillers: (s.fillers[j + 1]! - s.fillers[i]!) / words,
    topic: (s.topic[j + 1]! - s.topic[i]!) / content,
  };
}

/**
 * Spread of a rate over one-minute stretches of the episode: windows are about that long, so their z-scores are
 * comparable across features (a sentence-level spread would be several times larger and differ by feature).
 */
function norms(stream: TextStream, s: Sums): Record<Feature, Norm> {
  const features: Feature[] = ['density', 'specific', 'markers', 'fillers', 'topic'];
  const values: Record<Feature, number[]> = { density: [], specific: [], markers: [], fillers: [], topic: [] };
  const { sentences } = stream;
  for (let i = 0; i < sentences.length; ) {
    let j = i;
    while (j + 1 < sentences.length && sentences[j]!.end - sentences[i]!.start < IDEAL_SECONDS) j++;
    const r = rates(s, i, j);
    for (const f of features) values[f].push(r[f]);
    i = j + 1;
  }
  const out = {} as Record<Feature, Norm>;
  for (const f of features) {
    const v = values[f];
    const mean = v.reduce((a, b) => a + b, 0) / Math.max(1, v.length);
    const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, v.length));
    out[f] = { mean, sd: sd > 1e-9 ? sd : 1 };
  }
  return out;
}

/**
 * Weights of the z-scored features: substance (specific words, subject words, content density) first, then the
 * markers of explanation and story; fillers count against. Set by reading the top moments of dev episodes.
 */
const WEIGHTS: Record<Feature, number> = { density: 0.5, specific: 0.8, markers: 0.6, fillers: -0.6, topic: 0.8 };

/** For each sentence that can open a moment, its best-scoring window. */
function windows(stream: TextStream, frame: Frame): Candidate[] {
  const { sentences } = stream;
  const ok = eligibleSentences(stream, frame);
  const sums = prefixSums(stream, topicWeights(stream));
  const norm = norms(stream, sums);
  // score = Σ weight × (rate − mean) / sd, with the constants folded so the inner loop allocates nothing.
  const k = (f: Feature) => WEIGHTS[f] / norm[f].sd;
  const [kd, ks, km, kf, kt] = [k('density'), k('specific'), k('markers'), k('fillers'), k('topic')];
  const speakers = speakerIds(sentences);
  const floor = new Float64Array(speakers.count + 1);
  const out: Candidate[] = [];
  for (let i = 0; i < sentences.length; i++) {
    if (!ok[i] || sentences[i]!.opener === 'fragment') continue;
    const first = sentences[i]!;
    const opening = openingScore(first);
    let bestScore = -Infinity;
    let bestLast = -1;
    floor.fill(0);
    let most = 0;
    for (let j = i; j < sentences.length && ok[j]; j++) {
      const last = sentences[j]!;
      const held = (floor[speakers.ids[j]!]! += last.words);
      if (held > most) most = held;
      const seconds = last.end - first.start;
      if (seconds > MAX_SECONDS) break;
      if (seconds < MIN_SECONDS) continue;
      const words = Math.max(1, sums.words[j + 1]! - sums.words[i]!);
      const content = sums.content[j + 1]! - sums.content[i]!;
      // Rates are shrunk toward the episode's mean by SHRINK words of prior, so short windows do not win by the
      // luck of a few dense sentences.
      let score =
        opening +
        (kd * (content - words * norm.density.mean) +
          ks * (sums.specific[j + 1]! - sums.specific[i]! - words * norm.specific.mean) +
          km * (sums.markers[j + 1]! - sums.markers[i]! - words * norm.markers.mean) +
          kf * (sums.fillers[j + 1]! - sums.fillers[i]! - words * norm.fillers.mean)) /
          (words + SHRINK) +
        (kt * (sums.topic[j + 1]! - sums.topic[i]! - content * norm.topic.mean)) / (content + SHRINK / 2);
      // A question opening a moment sets it up; questions after that mean the floor is passing back and forth.
      score -= (2 * (sums.questionWords[j + 1]! - sums.questionWords[i + 1]!)) / words;
      if (sums.smallTalk[j + 1]! - sums.smallTalk[i]! > 0) score -= 1.5;
      if (last.question) score -= 0.7;
      if (last.endsTurn) score += 0.3;
      // Unknown speakers (id 0) count as one: a transcript without labels is assumed to be one voice at a time.
      score -= 2 * (1 - most / words);
      score -= 0.8 * Math.abs(Math.log(seconds / IDEAL_SECONDS));
      if (score > bestScore) {
        bestScore = score;
        bestLast = j;
      }
    }
    if (bestLast >= 0) out.push({ first: i, last: bestLast, score: bestScore, start: first.start, end: sentences[bestLast]!.end });
  }
  return out;
}

/**
 * How well a sentence opens a moment: one leaning on what came before ("It…", "And so…") or a scrap ("All right.",
 * "Polish. Okay.") makes the moment start mid-thought; a question sets up what follows and opens well.
 */
function openingScore(s: Sentence): number {
  let score = s.opener === 'reference' ? -1.5 : s.opener === 'connective' ? -0.4 : 0;
  if (!s.question && s.words < 6) score -= 1;
  if (s.fillers / Math.max(1, s.words) > 0.25) score -= 0.5;
  return score;
}

/** A small integer per speaker (0 for unknown), so the floor share is counted in an array. */
function speakerIds(sentences: readonly Sentence[]): { ids: Int32Array; count: number } {
  const byName = new Map<string | null, number>([[null, 0]]);
  const ids = new Int32Array(sentences.length);
  sentences.forEach((s, i) => {
    let id = byName.get(s.speaker);
    if (id === undefined) byName.set(s.speaker, (id = byName.size));
    ids[i] = id;
  });
  return { ids, count: byName.size };
}

/**
 * About PER_HOUR moments, at most one per equal time bucket of the eligible span (so they are spread), best first,
 * none overlapping or closer than MIN_GAP, none repeating an earlier one's subject; only windows at least as good as
 * the median candidate.
 */
function pick(stream: TextStream, candidates: Candidate[], frame: Frame, duration: number): Candidate[] {
  if (!candidates.length) return [];
  const span = Math.max(1, Math.min(frame.outroStart, duration) - frame.introEnd);
  const count = Math.max(1, Math.min(MAX_MOMENTS, Math.round((span / 3600) * PER_HOUR)));
  const bucket = span / count;
  const sorted = [...candidates].sort((a, b) => b.score - a.score);
  const median = sorted[Math.floor(sorted.length / 2)]!.score;
  const taken = new Set<number>();
  const chosen: Candidate[] = [];
  const chosenStems: Set<number>[] = [];
  for (const c of sorted) {
    if (chosen.length >= count || (c.score < median && sorted.length > 4)) break;
    const b = Math.min(count - 1, Math.floor((c.start - frame.introEnd) / bucket));
    if (taken.has(b)) continue;
    if (chosen.some((o) => c.start < o.end + MIN_GAP && o.start < c.end + MIN_GAP)) continue;
    const stems = subjectStems(stream, c);
    if (chosenStems.some((o) => overlap(o, stems) >= REDUNDANT)) continue;
    taken.add(b);
    chosen.push(c);
    chosenStems.push(stems);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/** The subject words of a window (stems that are neither stopwords nor chat). */
function subjectStems(stream: TextStream, c: Candidate): Set<number> {
  const out = new Set<number>();
  for (let k = c.first; k <= c.last; k++) for (const id of stemIds(stream, stream.sentences[k]!)) if (!stream.generic[id]) out.add(id);
  return out;
}

/** Shared subject words over the smaller set's size. */
function overlap(a: Set<number>, b: Set<number>): number {
  let shared = 0;
  for (const id of a) if (b.has(id)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

/** How rare a stem is in the episode: log(sentences / sentences containing it); unseen stems count as said once. */
function episodeIdf(stream: TextStream): (stem: string) => number {
  const ids = new Map<string, number>();
  stream.vocabulary.forEach((s, id) => ids.set(s, id));
  const n = Math.max(2, stream.sentences.length);
  return (s) => {
    const id = ids.get(s);
    return Math.log(n / (id === undefined ? 1 : Math.max(1, stream.df[id]!)));
  };
}

function moment(stream: TextStream, c: Candidate, idf: (stem: string) => number, usedPhrases: Set<string>): Moment {
  const quote = stream.text.slice(stream.sentences[c.first]!.from, stream.sentences[c.last]!.to);
  const picked = summarySentences(stream, c);
  const out: Moment = {
    title: momentTitle(quote, idf, usedPhrases) || tidy(picked[0] ?? quote, 8),
    summary: tidy(picked.join(' '), 50),
    quote,
    start: round(c.start),
    end: round(c.end),
  };
  const speaker = mainSpeaker(stream.sentences, c.first, c.last);
  if (speaker) out.speaker = speaker;
  return out;
}

/**
 * The one or two sentences that carry the window: most of its recurring words and specific words per word, not
 * questions, not leaning on what came before; in the order they are said (at most about 50 words together).
 */
function summarySentences(stream: TextStream, c: Candidate): string[] {
  const { sentences } = stream;
  const local = new Map<number, number>();
  for (let k = c.first; k <= c.last; k++) for (const id of stemIds(stream, sentences[k]!)) if (!stream.generic[id]) local.set(id, (local.get(id) ?? 0) + 1);
  const scored: { k: number; score: number; words: number }[] = [];
  for (let k = c.first; k <= c.last; k++) {
    const s = sentences[k]!;
    if (s.words < 5) continue;
    let central = 0;
    for (const id of stemIds(stream, s)) central += (local.get(id) ?? 0) > 1 ? 1 : 0;
    let score = (central + s.specific + 2 * s.markers) / Math.sqrt(s.words);
    if (s.question) score -= 2;
    if (s.opener === 'reference' || s.opener === 'fragment') score -= 1.2;
    if (!s.finite) score -= 0.8;
    if (s.words < 8) score -= 0.8;
    if (s.words > 45) score -= 0.5;
    score -= (2 * (s.fillers + s.you)) / s.words;
    scored.push({ k, score, words: s.words });
  }
  scored.sort((a, b) => b.score - a.score);
  const chosen = scored.slice(0, 1);
  const second = scored[1];
  if (second && chosen[0] && chosen[0].words + second.words <= 50 && second.score > 0) chosen.push(second);
  return chosen.sort((a, b) => a.k - b.k).map((x) => stream.text.slice(sentences[x.k]!.from, sentences[x.k]!.to));
}

function mainSpeaker(sentences: readonly Sentence[], i: number, j: number): string | null {
  const by = new Map<string, number>();
  let total = 0;
  for (let k = i; k <= j; k++) {
    const s = sentences[k]!;
    total += s.words;
    if (s.speaker !== null) by.set(s.speaker, (by.get(s.speaker) ?? 0) + s.words);
  }
  let best: string | null = null;
  let most = 0;
  for (const [name, n] of by) if (n > most) [best, most] = [name, n];
  return best !== null && most >= 0.6 * total ? best : null;
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
