// Known-item evaluation: queries with the episode and time span of their answer (../shared/eval/known-item-dev.json).
import { readFileSync } from 'node:fs';

export interface KnownItemQuery {
  id: string;
  type: string;
  query: string;
  episode_id: string;
  start_s: number;
  end_s: number;
}

export interface RankedSpan {
  /** The episode's YouTube id (the corpus's episode key). */
  youtubeId: string | null;
  start: number;
  end: number;
}

export function loadQueries(path: string): KnownItemQuery[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as { queries: KnownItemQuery[] }).queries;
}

/** A hit is a result from the right episode whose span overlaps [start_s - 30, end_s + 30]. */
export function isHit(q: KnownItemQuery, r: RankedSpan): boolean {
  return r.youtubeId === q.episode_id && r.end >= q.start_s - 30 && r.start <= q.end_s + 30;
}

export interface Scores {
  n: number;
  r1: number;
  r10: number;
  mrr: number;
}

/** Reciprocal rank of the first hit in the top 10 (0 when none). */
export function reciprocalRank(q: KnownItemQuery, ranked: RankedSpan[]): number {
  const i = ranked.slice(0, 10).findIndex((r) => isHit(q, r));
  return i < 0 ? 0 : 1 / (i + 1);
}

/** Recall@1, Recall@10 and MRR, overall and per query type. */
export function summarize(queries: KnownItemQuery[], rr: number[]): Record<string, Scores> {
  const out: Record<string, Scores> = {};
  queries.forEach((q, i) => {
    for (const key of ['all', q.type]) {
      const s = (out[key] ??= { n: 0, r1: 0, r10: 0, mrr: 0 });
      s.n++;
      s.mrr += rr[i]!;
      if (rr[i] === 1) s.r1++;
      if (rr[i]! > 0) s.r10++;
    }
  });
  for (const s of Object.values(out)) {
    s.r1 /= s.n;
    s.r10 /= s.n;
    s.mrr /= s.n;
  }
  return out;
}

export function formatScores(s: Scores): string {
  return `${s.r1.toFixed(3)} / ${s.r10.toFixed(3)} / ${s.mrr.toFixed(3)}`;
}

/** Latency percentile (p in 0..100) of a list of milliseconds. */
export function percentile(ms: number[], p: number): number {
  const sorted = [...ms].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
