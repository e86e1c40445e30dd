// Host or guest for each of the source's turns, when those are the speakers' own turns with the names lost (a
// transcript page with its names hidden, an unlabelled subtitle file cut at every change). A turn is one speaker,
// and in a two-person interview consecutive turns mostly alternate, so the model is a chain over turns with a strong
// prior for a change at every turn, which ties each turn's label to its neighbours' evidence. What a turn says about
// its speaker (fixed cues, its length, how it opens and ends, its words) is naive-Bayes evidence; the length
// distributions, the cue rates, the change rates and the word model are re-estimated per episode by EM from priors
// that describe interviews in general. On seed 000 EM recovers the episode's own figures from those priors: host
// and guest medians 16 and 31 words (true: 18 and 34), 92 % of ordinary boundaries a change (true: 90 %), 23 % of
// long pairs (true: 20 %).
import { Chain, withOdds } from './speakers-chain.js';
import type { WordModel } from './speakers-words.js';

/** What lies between two turns, as far as the chance of a change goes. */
export const TurnBoundary = {
  Ordinary: 0,
  /**
   * Two long turns, the second neither answering a question nor opening like a reply: often one speaker's monologue
   * that the source cut into paragraphs (transcript pages do, every minute or so), so the rate is learned per episode.
   */
  LongPair: 1,
  /** The first turn stops mid-sentence (no end punctuation, no dash): the same speaker goes on. */
  MidSentence: 2,
} as const;
export type TurnBoundary = (typeof TurnBoundary)[keyof typeof TurnBoundary];

export interface TurnInput {
  /** First unit of each turn (turns with at least one unit), with the unit count appended. */
  firstUnit: Int32Array;
  /** Fixed evidence per turn (names, anchor phrases, style words), as log-odds host over guest. */
  evidence: Float64Array;
  /** Words per turn. */
  words: Float64Array;
  /** Cues counted per turn, whose rate per speaker the model learns. */
  counts: CountedCue[];
  /** Boundary kind before each turn (index 0 unused). */
  kind: Uint8Array;
  /** Log-odds a cue adds to a change before each turn (a reply opener, a question before). */
  changeCue: Float64Array;
}

/**
 * A cue counted per turn (questions among its sentences; whether it opens like a reply), with a rate per speaker
 * learned by EM from a prior: a binomial naive-Bayes feature with a Beta prior.
 */
export interface CountedCue {
  /** Times the cue occurs in each turn, out of `trials` chances. */
  hits: Float64Array;
  trials: Float64Array;
  /** Prior rate per chance for the host and the guest, and its weight in chances. */
  prior: readonly [host: number, guest: number];
  weight: number;
}

export interface TurnOptions {
  iterations: number;
  lexicalWeight: number;
}

/**
 * Five rounds, as the word model settles by the fourth. The word model's weight (0.25) is its calibrated slope:
 * fitting P(host) on its log-odds with the true speakers of seed 000 gives 0.2–0.27 at every turn length.
 */
export const TURN_OPTIONS: TurnOptions = { iterations: 5, lexicalWeight: 0.25 };

/**
 * Prior change rate per boundary kind and its weight in turns (pseudo-counts). Ordinary: in interview transcripts
 * with speaker turns about seven turns in eight change speaker (the rest are interjections the transcript left out,
 * or a speaker resuming), weighted as 30 turns so a short episode keeps it. Long pairs: anything from "always a
 * change" (each turn a full answer) to "mostly the same speaker" (pages cutting monologues), so an even prior,
 * weighted lightly. Mid-sentence: mostly the same speaker going on.
 */
const CHANGE_PRIOR: readonly [rate: number, weight: number][] = [
  [0.87, 30],
  [0.5, 4],
  [0.2, 4],
];
/** Learned rates stay within these bounds: no boundary is certain either way. */
const MIN_CHANGE = 0.02;
const MAX_CHANGE = 0.97;

/**
 * Turn length (log words) per speaker, a normal distribution each: the interviewer asks and reacts in short turns
 * (median about 15 words), the guest answers at length (median about 40), each spread over about an e-fold. A prior
 * worth 20 turns, so the episode's own lengths take over once there are a few dozen turns.
 */
const LENGTH_PRIOR = { host: Math.log(15), guest: Math.log(40), spread: 1, weight: 20 };
/** Spreads never fall below this: a few equal turns must not make a length impossible for a speaker. */
const MIN_SPREAD = 0.4;

interface LengthModel {
  mean: [number, number];
  spread: [number, number];
}

/** P(host) per turn. */
export function turnPosteriors(input: TurnInput, words: WordModel, options: TurnOptions = TURN_OPTIONS): Float64Array {
  const n = input.evidence.length;
  const posterior = new Float64Array(n).fill(0.5);
  if (n === 0) return posterior;
  const logWords = input.words.map((w) => Math.log(Math.max(1, w)));
  const chain = new Chain(n);
  const emission = new Float64Array(n);
  const toGuest = new Float64Array(n);
  const toHost = new Float64Array(n);
  const changes = new Float64Array(n);
  const lexical = new Float64Array(n);
  const rates = CHANGE_PRIOR.map(([rate]) => rate);
  const cueRates = input.counts.map((cue): [number, number] => [cue.prior[0], cue.prior[1]]);
  const counted = new Float64Array(n);
  let lengths: LengthModel = {
    mean: [LENGTH_PRIOR.host, LENGTH_PRIOR.guest],
    spread: [LENGTH_PRIOR.spread, LENGTH_PRIOR.spread],
  };
  const iterations = Math.max(1, options.iterations);
  for (let iteration = 0; iteration < iterations; iteration++) {
    countedEvidence(input.counts, cueRates, counted);
    for (let k = 0; k < n; k++) {
      emission[k] = input.evidence[k]! + counted[k]! + lengthEvidence(logWords[k]!, lengths) + options.lexicalWeight * lexical[k]!;
      if (k > 0) {
        const p = withOdds(rates[input.kind[k]!]!, input.changeCue[k]!);
        toGuest[k] = p;
        toHost[k] = p;
      }
    }
    chain.run({ emission, toGuest, toHost }, posterior, changes);
    if (iteration === iterations - 1) break;
    lengths = fitLengths(logWords, posterior);
    input.counts.forEach((cue, c) => (cueRates[c] = fitCue(cue, posterior)));
    fitRates(input.kind, changes, rates);
    if (options.lexicalWeight > 0) words.evidence(posterior, lexical);
  }
  return posterior;
}

/** Each turn's log-odds from its counted cues under the current rates: hits for one side, misses for the other. */
function countedEvidence(counts: readonly CountedCue[], rates: readonly [number, number][], out: Float64Array): void {
  out.fill(0);
  counts.forEach((cue, c) => {
    const [host, guest] = rates[c]!;
    const hit = Math.log(host / guest);
    const miss = Math.log((1 - host) / (1 - guest));
    for (let k = 0; k < out.length; k++) out[k]! += cue.hits[k]! * hit + (cue.trials[k]! - cue.hits[k]!) * miss;
  });
}

/** MAP rates of a counted cue for host and guest under its Beta prior, kept off 0 and 1. */
function fitCue(cue: CountedCue, posterior: Float64Array): [number, number] {
  let hostHits = cue.weight * cue.prior[0];
  let hostTrials = cue.weight;
  let guestHits = cue.weight * cue.prior[1];
  let guestTrials = cue.weight;
  for (let k = 0; k < posterior.length; k++) {
    const p = posterior[k]!;
    hostHits += p * cue.hits[k]!;
    hostTrials += p * cue.trials[k]!;
    guestHits += (1 - p) * cue.hits[k]!;
    guestTrials += (1 - p) * cue.trials[k]!;
  }
  const bound = (r: number): number => Math.max(0.01, Math.min(0.99, r));
  return [bound(hostHits / hostTrials), bound(guestHits / guestTrials)];
}

function lengthEvidence(logWords: number, model: LengthModel): number {
  const logNormal = (k: 0 | 1): number => {
    const z = (logWords - model.mean[k]) / model.spread[k];
    return -0.5 * z * z - Math.log(model.spread[k]);
  };
  return logNormal(0) - logNormal(1);
}

/** MAP estimates of each speaker's log-length mean and spread under the prior. */
function fitLengths(logWords: Float64Array, posterior: Float64Array): LengthModel {
  const fit = (prior: number, weightOf: (p: number) => number): [number, number] => {
    let sum = 0;
    let weight = 0;
    for (let k = 0; k < logWords.length; k++) {
      const w = weightOf(posterior[k]!);
      sum += w * logWords[k]!;
      weight += w;
    }
    const mean = (sum + LENGTH_PRIOR.weight * prior) / (weight + LENGTH_PRIOR.weight);
    let squares = 0;
    for (let k = 0; k < logWords.length; k++) squares += weightOf(posterior[k]!) * (logWords[k]! - mean) ** 2;
    const spread = Math.sqrt((squares + LENGTH_PRIOR.weight * LENGTH_PRIOR.spread ** 2) / (weight + LENGTH_PRIOR.weight));
    return [mean, Math.max(MIN_SPREAD, spread)];
  };
  const [hostMean, hostSpread] = fit(LENGTH_PRIOR.host, (p) => p);
  const [guestMean, guestSpread] = fit(LENGTH_PRIOR.guest, (p) => 1 - p);
  return { mean: [hostMean, guestMean], spread: [hostSpread, guestSpread] };
}

/** MAP change rate per boundary kind from the expected changes (the cues' odds left aside). */
function fitRates(kind: Uint8Array, changes: Float64Array, rates: number[]): void {
  const changed = CHANGE_PRIOR.map(([rate, weight]) => rate * weight);
  const seen = CHANGE_PRIOR.map(([, weight]) => weight);
  for (let k = 1; k < kind.length; k++) {
    changed[kind[k]!]! += changes[k]!;
    seen[kind[k]!]!++;
  }
  for (let b = 0; b < rates.length; b++) rates[b] = Math.max(MIN_CHANGE, Math.min(MAX_CHANGE, changed[b]! / seen[b]!));
}
