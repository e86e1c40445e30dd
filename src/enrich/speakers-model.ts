// Host or guest for every unit (sentence piece) of a conversation: a two-state chain model (an HMM whose
// transitions carry extra potentials, as in a linear-chain CRF). Node evidence combines fixed cues (questions and
// "you" come from the host) with a per-episode word model learned by EM; edge potentials say how likely a change is
// at each boundary (a question just ended, the next sentence opens with "Yeah", the source's turn ends there).
// Two readings of the source's turns (cut anywhere, or the speakers' own turns with the names lost) are compared by
// likelihood, so one model fits raw speech-to-text paragraphs, subtitle cues and unnamed speaker turns. Every pass
// is linear in the number of units.
import type { Unit } from './speakers-units.js';

/** What is between unit i-1 and unit i. */
export const Boundary = {
  /** The same sentence goes on inside one turn: nobody changes there. */
  MidSentence: 0,
  /** A sentence ends and the next starts inside one turn of the source. */
  Sentence: 1,
  /** The source's turn ends with a sentence. */
  TurnAfterSentence: 2,
  /** The source's turn ends mid-sentence (a subtitle cue broken mid-sentence). */
  TurnMidSentence: 3,
} as const;
export type Boundary = (typeof Boundary)[keyof typeof Boundary];

export interface ModelInput {
  units: readonly Unit[];
  /** Boundary kind before each unit (index 0 unused). */
  boundaries: Uint8Array;
  /** Fixed evidence per unit, as log P(unit | host) − log P(unit | guest). */
  evidence: Float64Array;
  /**
   * Evidence that holds only when the source's turns are the speakers' turns (how a turn opens and ends, how long it
   * is), on each turn's first unit; used when the model reads the transcript that way.
   */
  turnEvidence: Float64Array;
  /** Log-potential of a change at each boundary, host to guest and guest to host (0: no cue). */
  toGuest: Float64Array;
  toHost: Float64Array;
  vocabularySize: number;
}

export interface ModelOptions {
  iterations: number;
  /** Weight of the learned word model against the fixed cues. */
  lexicalWeight: number;
  /** Dirichlet smoothing of the word model, in tokens: only words used often enough get a say. */
  smoothing: number;
}

/**
 * Five EM rounds (four word models): the word model settles by the fourth round on the dev transcripts. The word model's weight is low (0.3)
 * because its naive-Bayes sum over a sentence's words is overconfident; 200 tokens of smoothing keeps rare words
 * (mostly topic words, which follow the subject rather than the speaker) near zero. Both chosen on seed 000.
 */
export const DEFAULT_OPTIONS: ModelOptions = { iterations: 5, lexicalWeight: 0.3, smoothing: 200 };

type Rates = [number, number][];

/**
 * Change rates per boundary kind, from the host and from the guest, under two readings of a transcript's turns,
 * compared by how well each explains the cues. Prose: the source's turns are cut anywhere (paragraphs by length,
 * subtitle cues by time), so a turn end is no likelier a change than a sentence end; the host speaks about four
 * sentences at a time and the guest ten (the guest holds the floor longer). Turns: the source's turns are the
 * speakers' turns with the names lost, so nearly every turn end is a change and nearly no sentence end inside one
 * is. EM re-estimating these rates was tried and made things worse (it explains the word model's noise with extra
 * changes), so they stay fixed.
 */
const PROSE: Rates = [
  [0.001, 0.001],
  [0.25, 0.1],
  [0.25, 0.1],
  [0.02, 0.01],
];
const TURNS: Rates = [
  [0.001, 0.001],
  [0.01, 0.01],
  [0.85, 0.85],
  [0.3, 0.3],
];

/** P(host) for every unit. */
export function hostPosteriors(input: ModelInput, options: ModelOptions = DEFAULT_OPTIONS): Float64Array {
  const n = input.units.length;
  const posterior = new Float64Array(n).fill(0.5);
  if (n === 0) return posterior;
  const chain = new Chain(n);
  let rates = PROSE;
  if (mayBeSpeakerTurns(input.boundaries)) {
    const prose = chain.run(input, input.evidence, PROSE, posterior);
    const turns = chain.run(input, input.evidence, TURNS, posterior);
    if (turns > prose) rates = TURNS;
  }
  const evidence = rates === TURNS ? input.evidence.map((e, i) => e + input.turnEvidence[i]!) : input.evidence;
  const lexical = new Float64Array(n);
  const flat = flatTokens(input.units);
  const emission = new Float64Array(n);
  for (let iteration = 0; iteration < Math.max(1, options.iterations); iteration++) {
    for (let i = 0; i < n; i++) emission[i] = evidence[i]! + options.lexicalWeight * lexical[i]!;
    chain.run(input, emission, rates, posterior);
    if (iteration === options.iterations - 1) break;
    wordModel(input, flat, posterior, options.smoothing, lexical);
  }
  return posterior;
}

/**
 * Whether the source's turns could be speaker turns: a few of them, nearly all ending with a sentence (subtitle cues,
 * cut by time, break mid-sentence half the time). Only then are the two readings compared: the likelihood alone
 * can prefer the turn reading on cues, because frequent changes let it follow every wobble of the evidence.
 */
function mayBeSpeakerTurns(boundaries: Uint8Array): boolean {
  let afterSentence = 0;
  let midSentence = 0;
  for (const kind of boundaries) {
    if (kind === Boundary.TurnAfterSentence) afterSentence++;
    else if (kind === Boundary.TurnMidSentence) midSentence++;
  }
  return afterSentence >= 3 && midSentence <= 0.1 * (afterSentence + midSentence);
}

/** Forward-backward over the chain, with the buffers reused across EM iterations. */
class Chain {
  private readonly fH: Float64Array;
  private readonly fG: Float64Array;
  private readonly bH: Float64Array;
  private readonly bG: Float64Array;
  private readonly eH: Float64Array;
  private readonly eG: Float64Array;
  private readonly pHH: Float64Array;
  private readonly pHG: Float64Array;
  private readonly pGH: Float64Array;
  private readonly pGG: Float64Array;

  constructor(private readonly n: number) {
    const make = (): Float64Array => new Float64Array(n);
    [this.fH, this.fG, this.bH, this.bG, this.eH, this.eG] = [make(), make(), make(), make(), make(), make()];
    [this.pHH, this.pHG, this.pGH, this.pGG] = [make(), make(), make(), make()];
  }

  /** Fills P(host) per unit; returns the log of the chain's total potential. */
  run(input: ModelInput, emission: Float64Array, rates: Rates, posterior: Float64Array): number {
    const n = this.n;
    for (let i = 0; i < n; i++) {
      const e = Math.max(-30, Math.min(30, emission[i]!)) / 2;
      this.eH[i] = Math.exp(e);
      this.eG[i] = Math.exp(-e);
    }
    for (let i = 1; i < n; i++) {
      const [fromHost, fromGuest] = rates[input.boundaries[i]!]!;
      const cues = input.boundaries[i] !== Boundary.MidSentence;
      this.pHH[i] = 1 - fromHost;
      this.pHG[i] = fromHost * (cues ? Math.exp(input.toGuest[i]!) : 1);
      this.pGH[i] = fromGuest * (cues ? Math.exp(input.toHost[i]!) : 1);
      this.pGG[i] = 1 - fromGuest;
    }
    // An episode opens with its host more often than not (the intro), a weak start that the evidence overrides.
    let h = 0.6 * this.eH[0]!;
    let g = 0.4 * this.eG[0]!;
    let s = h + g;
    let logZ = Math.log(s);
    this.fH[0] = h / s;
    this.fG[0] = g / s;
    for (let i = 1; i < n; i++) {
      h = (this.fH[i - 1]! * this.pHH[i]! + this.fG[i - 1]! * this.pGH[i]!) * this.eH[i]!;
      g = (this.fH[i - 1]! * this.pHG[i]! + this.fG[i - 1]! * this.pGG[i]!) * this.eG[i]!;
      s = h + g || 1e-300;
      logZ += Math.log(s);
      this.fH[i] = h / s;
      this.fG[i] = g / s;
    }
    this.bH[n - 1] = 1;
    this.bG[n - 1] = 1;
    for (let i = n - 2; i >= 0; i--) {
      const nh = this.eH[i + 1]! * this.bH[i + 1]!;
      const ng = this.eG[i + 1]! * this.bG[i + 1]!;
      h = this.pHH[i + 1]! * nh + this.pHG[i + 1]! * ng;
      g = this.pGH[i + 1]! * nh + this.pGG[i + 1]! * ng;
      s = h + g || 1e-300;
      this.bH[i] = h / s;
      this.bG[i] = g / s;
    }
    for (let i = 0; i < n; i++) {
      const ph = this.fH[i]! * this.bH[i]!;
      const pg = this.fG[i]! * this.bG[i]!;
      posterior[i] = ph / (ph + pg || 1e-300);
    }
    return logZ;
  }
}

/**
 * Each unit's word evidence under word distributions of host and guest estimated from the current posteriors,
 * leaving the unit's own words out (so a unit never votes for itself and EM cannot lock onto chance words).
 * Smoothing toward the episode's overall distribution lets only frequent words (the speakers' habits: "you know",
 * "beautiful", "sort of") carry weight.
 */
function wordModel(input: ModelInput, flat: FlatTokens, posterior: Float64Array, smoothing: number, out: Float64Array): void {
  const host = new Float64Array(input.vocabularySize);
  const guest = new Float64Array(input.vocabularySize);
  const { tokens, offsets } = flat;
  let hostTotal = 0;
  let guestTotal = 0;
  for (let i = 0; i < offsets.length - 1; i++) {
    const p = posterior[i]!;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
      host[tokens[k]!]! += p;
      guest[tokens[k]!]! += 1 - p;
    }
    const length = offsets[i + 1]! - offsets[i]!;
    hostTotal += p * length;
    guestTotal += (1 - p) * length;
  }
  const total = hostTotal + guestTotal;
  if (total <= 0) return;
  const scale = smoothing / total;
  for (let i = 0; i < offsets.length - 1; i++) {
    const p = posterior[i]!;
    const length = offsets[i + 1]! - offsets[i]!;
    const rest = (guestTotal - (1 - p) * length + smoothing) / (hostTotal - p * length + smoothing);
    let ratio = 1;
    let log = 0;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
      const t = tokens[k]!;
      const background = (host[t]! + guest[t]!) * scale;
      ratio *= ((Math.max(0, host[t]! - p) + background) / (Math.max(0, guest[t]! - (1 - p)) + background)) * rest;
      // One logarithm per unit, not per word; renormalised before the product can overflow.
      if (ratio > 1e100 || ratio < 1e-100) {
        log += Math.log(ratio);
        ratio = 1;
      }
    }
    out[i] = log + Math.log(ratio);
  }
}

interface FlatTokens {
  tokens: Int32Array;
  /** Unit i's tokens are tokens[offsets[i], offsets[i + 1]). */
  offsets: Int32Array;
}

function flatTokens(units: readonly Unit[]): FlatTokens {
  const offsets = new Int32Array(units.length + 1);
  for (let i = 0; i < units.length; i++) offsets[i + 1] = offsets[i]! + units[i]!.tokens.length;
  const tokens = new Int32Array(offsets[units.length]!);
  for (let i = 0; i < units.length; i++) tokens.set(units[i]!.tokens, offsets[i]!);
  return { tokens, offsets };
}
