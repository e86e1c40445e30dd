// Forward-backward over a two-state chain (host, guest), the inference under both speaker models: over sentence
// pieces for prose, over the source's turns when they are speaker turns. Transitions differ at every step (a
// question just ended, the next turn opens with "Yeah"), so they are given per step. Linear in the chain's length,
// with the buffers reused across EM rounds.

export interface ChainStep {
  /** Log-odds of host over guest per item: log P(item | host) − log P(item | guest). */
  emission: Float64Array;
  /** P(guest at i | host at i−1) and P(host at i | guest at i−1) per item (index 0 unused). */
  toGuest: Float64Array;
  toHost: Float64Array;
}

/** An episode opens with its host more often than not (the intro): a weak start that the evidence overrides. */
const START_HOST = 0.6;

export class Chain {
  private readonly fH: Float64Array;
  private readonly fG: Float64Array;
  private readonly bH: Float64Array;
  private readonly bG: Float64Array;
  private readonly eH: Float64Array;
  private readonly eG: Float64Array;

  constructor(readonly length: number) {
    const make = (): Float64Array => new Float64Array(length);
    [this.fH, this.fG, this.bH, this.bG, this.eH, this.eG] = [make(), make(), make(), make(), make(), make()];
  }

  /**
   * Fills P(host) per item and, when `changes` is given, P(the speaker changes between i−1 and i) per item (and in
   * `fromHost`, P(host at i−1 and guest at i)); returns the log of the chain's total likelihood (to compare readings
   * of the same items).
   */
  run(step: ChainStep, posterior: Float64Array, changes?: Float64Array, fromHost?: Float64Array): number {
    const n = this.length;
    if (n === 0) return 0;
    const { emission, toGuest, toHost } = step;
    const { fH, fG, bH, bG, eH, eG } = this;
    for (let i = 0; i < n; i++) {
      const e = Math.max(-30, Math.min(30, emission[i]!)) / 2;
      eH[i] = Math.exp(e);
      eG[i] = Math.exp(-e);
    }
    let h = START_HOST * eH[0]!;
    let g = (1 - START_HOST) * eG[0]!;
    let s = h + g;
    let logZ = Math.log(s);
    fH[0] = h / s;
    fG[0] = g / s;
    for (let i = 1; i < n; i++) {
      const hg = toGuest[i]!;
      const gh = toHost[i]!;
      h = (fH[i - 1]! * (1 - hg) + fG[i - 1]! * gh) * eH[i]!;
      g = (fH[i - 1]! * hg + fG[i - 1]! * (1 - gh)) * eG[i]!;
      s = h + g || 1e-300;
      logZ += Math.log(s);
      fH[i] = h / s;
      fG[i] = g / s;
    }
    bH[n - 1] = 1;
    bG[n - 1] = 1;
    for (let i = n - 2; i >= 0; i--) {
      const hg = toGuest[i + 1]!;
      const gh = toHost[i + 1]!;
      const nh = eH[i + 1]! * bH[i + 1]!;
      const ng = eG[i + 1]! * bG[i + 1]!;
      h = (1 - hg) * nh + hg * ng;
      g = gh * nh + (1 - gh) * ng;
      s = h + g || 1e-300;
      bH[i] = h / s;
      bG[i] = g / s;
    }
    for (let i = 0; i < n; i++) {
      const ph = fH[i]! * bH[i]!;
      const pg = fG[i]! * bG[i]!;
      posterior[i] = ph / (ph + pg || 1e-300);
    }
    if (changes) {
      changes[0] = 0;
      for (let i = 1; i < n; i++) {
        const hg = toGuest[i]!;
        const gh = toHost[i]!;
        const nh = eH[i]! * bH[i]!;
        const ng = eG[i]! * bG[i]!;
        const hostToGuest = fH[i - 1]! * hg * ng;
        const change = hostToGuest + fG[i - 1]! * gh * nh;
        const stay = fH[i - 1]! * (1 - hg) * nh + fG[i - 1]! * (1 - gh) * ng;
        changes[i] = change / (change + stay || 1e-300);
        if (fromHost) fromHost[i] = hostToGuest / (change + stay || 1e-300);
      }
    }
    return logZ;
  }
}

/** A probability with its odds scaled by e^logOdds (a cue making a change likelier or less likely). */
export function withOdds(p: number, logOdds: number): number {
  if (logOdds === 0) return p;
  const odds = (p / (1 - p)) * Math.exp(logOdds);
  return odds / (1 + odds);
}
