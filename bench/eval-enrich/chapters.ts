// Derived chapters against the show's own outlines (../shared/eval/chapters-dev.json) and seed 000's headings:
// boundary precision / recall / F1 within ±60 s (one-to-one, the chapter at 0 s not counted), micro and macro, and
// Pk / WindowDiff in 1-second units with k = half the mean reference segment length. Baselines: evenly spaced with the
// true count, and one every 10 minutes. A split (tune on one half, report on the other) shows what tuning is worth.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Episode } from '../../src/model/episode.js';
import { mergeEpisode } from '../../src/model/merge.js';
import { readSource } from '../../src/ingest/read-source.js';
import { deriveChapters, type ChapterOptions } from '../../src/enrich/chapters.js';
import { adsStep } from '../../src/enrich/ads.js';
import { CORPUS, EVAL, SHARED } from '../lib/corpus-library.js';

const TOLERANCE = 60;

interface DevEpisode {
  video_id: string;
  episode: number;
  title: string;
  chapters: { title: string; start_s: number }[];
}

export interface Case {
  id: string;
  number: number;
  episode: Episode;
  reference: { title: string; start: number }[];
}

export function loadEpisode(path: string, id: string): Episode {
  const read = readSource(readFileSync(path), path);
  return mergeEpisode(id, [{ path, format: read.format, fragment: read.fragment }]);
}

export function loadDev(): Case[] {
  const dev = JSON.parse(readFileSync(join(EVAL, 'chapters-dev.json'), 'utf8')) as { episodes: DevEpisode[] };
  return dev.episodes.map((e) => ({
    id: e.video_id,
    number: e.episode,
    episode: withAds(loadEpisode(join(CORPUS, `${e.video_id}.json`), e.video_id)),
    reference: e.chapters.map((c) => ({ title: c.title, start: c.start_s })),
  }));
}

/** Seed 000 with its headings hidden: the reference is what the page said, the episode has no chapters. */
export function loadSeed(): Case {
  const episode = loadEpisode(join(SHARED, 'seeds', '000_2f1f5aed6d16451f.txt'), 'seed-000');
  const reference = episode.chapters.map((c) => ({ title: c.title, start: c.start }));
  return { id: 'seed-000', number: 400, episode: withAds({ ...episode, chapters: [] }), reference };
}

export function durationOf(episode: Episode): number {
  return Math.max(episode.duration ?? 0, episode.turns.at(-1)?.end ?? 0);
}

/** Boundaries (chapter starts after 0), sorted and distinct. */
function boundaries(starts: readonly number[]): number[] {
  return [...new Set(starts.filter((s) => s > 0.5))].sort((a, b) => a - b);
}

/** Maximum one-to-one matching within the tolerance: on a line, greedy left to right is optimal. */
export function matched(predicted: readonly number[], reference: readonly number[]): number {
  let hits = 0;
  let j = 0;
  for (const p of predicted) {
    while (j < reference.length && reference[j]! < p - TOLERANCE) j++;
    if (j < reference.length && Math.abs(reference[j]! - p) <= TOLERANCE) {
      hits++;
      j++;
    }
  }
  return hits;
}

/** Pk and WindowDiff over whole seconds [0, duration), k = half the mean reference segment length. */
export function windowErrors(predicted: readonly number[], reference: readonly number[], duration: number): { pk: number; wd: number } {
  const T = Math.max(1, Math.floor(duration));
  const k = Math.max(1, Math.round(T / (reference.length + 1) / 2));
  const prefix = (bs: readonly number[]) => {
    const marks = new Int32Array(T + 1);
    for (const b of bs) if (b > 0 && b < T) marks[Math.floor(b)]!++;
    for (let i = 1; i <= T; i++) marks[i]! += marks[i - 1]!;
    return marks;
  };
  const r = prefix(reference);
  const h = prefix(predicted);
  let pk = 0;
  let wd = 0;
  const n = T - k;
  if (n <= 0) return { pk: 0, wd: 0 };
  for (let i = 0; i < n; i++) {
    const rc = r[i + k]! - r[i]!;
    const hc = h[i + k]! - h[i]!;
    if ((rc === 0) !== (hc === 0)) pk++;
    if (rc !== hc) wd++;
  }
  return { pk: pk / n, wd: wd / n };
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  macroF1: number;
  pk: number;
  wd: number;
  predictedPerEpisode: number;
}

export function score(results: { predicted: number[]; reference: number[]; duration: number }[]): Scores {
  let hits = 0;
  let predictedCount = 0;
  let referenceCount = 0;
  let macro = 0;
  let pk = 0;
  let wd = 0;
  for (const r of results) {
    const p = boundaries(r.predicted);
    const ref = boundaries(r.reference);
    const m = matched(p, ref);
    hits += m;
    predictedCount += p.length;
    referenceCount += ref.length;
    const precision = p.length ? m / p.length : 0;
    const recall = ref.length ? m / ref.length : 0;
    macro += precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    const w = windowErrors(p, ref, r.duration);
    pk += w.pk;
    wd += w.wd;
  }
  const precision = predictedCount ? hits / predictedCount : 0;
  const recall = referenceCount ? hits / referenceCount : 0;
  const n = Math.max(1, results.length);
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    macroF1: macro / n,
    pk: pk / n,
    wd: wd / n,
    predictedPerEpisode: predictedCount / n,
  };
}

type Method = (c: Case) => number[];

export const evenly: Method = (c) => {
  const count = c.reference.length;
  const T = durationOf(c.episode);
  return Array.from({ length: count - 1 }, (_, i) => ((i + 1) * T) / count);
};

export const everyTenMinutes: Method = (c) => {
  const out: number[] = [];
  for (let t = 600; t < durationOf(c.episode); t += 600) out.push(t);
  return out;
};

/** The episode as the chapters step sees it in the pipeline: after the ads step. */
export function withAds(episode: Episode): Episode {
  return { ...episode, ads: adsStep.skip(episode) === null ? (adsStep.run(episode).ads ?? []) : [] };
}

export const derived = (options: ChapterOptions = {}): Method => (c) => deriveChapters(c.episode, options).map((ch) => ch.start);

export function run(cases: readonly Case[], method: Method): Scores {
  return score(cases.map((c) => ({ predicted: method(c), reference: c.reference.map((r) => r.start), duration: durationOf(c.episode) })));
}

export function line(name: string, s: Scores): string {
  const f = (x: number) => x.toFixed(3);
  return `   ${name.padEnd(34)} P ${f(s.precision)}  R ${f(s.recall)}  F1 ${f(s.f1)}  macro-F1 ${f(s.macroF1)}  Pk ${f(s.pk)}  WD ${f(s.wd)}  (${s.predictedPerEpisode.toFixed(1)}/ep)`;
}

/** Candidate settings for the split: the mean chapter length the segmenter aims at. */
const GRID: ChapterOptions[] = [6, 7, 8, 9, 10].map((m) => ({ targetLength: m * 60 }));

export async function evaluate(): Promise<string[]> {
  const out: string[] = [];
  const cases = loadDev();
  const seed = loadSeed();
  out.push(`   dev: ${cases.length} episodes, ${cases.reduce((s, c) => s + c.reference.length - 1, 0)} reference boundaries; target F1(±60 s) ≥ 0.5`);
  out.push(line('derived (defaults)', run(cases, derived())));
  out.push(line('baseline: evenly, true count', run(cases, evenly)));
  out.push(line('baseline: every 10 minutes', run(cases, everyTenMinutes)));
  out.push('   seed 000 (headings hidden):');
  out.push(line('derived (defaults)', run([seed], derived())));
  out.push(line('baseline: evenly, true count', run([seed], evenly)));
  out.push(line('baseline: every 10 minutes', run([seed], everyTenMinutes)));

  // Split by episode number parity: tune targetLength on one half, report on the other.
  const halves = [cases.filter((c) => c.number % 2 === 0), cases.filter((c) => c.number % 2 === 1)];
  for (const [tuneOn, reportOn] of [
    [0, 1],
    [1, 0],
  ] as const) {
    let best = GRID[0]!;
    let bestF1 = -1;
    for (const options of GRID) {
      const f1 = run(halves[tuneOn]!, derived(options)).f1;
      if (f1 > bestF1) [best, bestF1] = [options, f1];
    }
    const name = tuneOn === 0 ? 'even' : 'odd';
    const other = tuneOn === 0 ? 'odd' : 'even';
    out.push(`   split: tuned on ${name} (${halves[tuneOn]!.length} ep, F1 ${bestF1.toFixed(3)} at ${(best.targetLength! / 60).toFixed(0)} min), on ${other}:`);
    out.push(line(`derived (tuned on ${name})`, run(halves[reportOn]!, derived(best))));
    out.push(line(`derived (defaults) on ${other}`, run(halves[reportOn]!, derived())));
  }

  out.push('   titles, derived vs the show\'s own:');
  for (const c of [seed, ...cases.filter((_, i) => i === 10 || i === 80)]) {
    out.push(`   ${c.episode.title ?? c.id}`);
    const chapters = deriveChapters(c.episode);
    const rows = Math.max(chapters.length, c.reference.length);
    for (let i = 0; i < rows; i++) {
      const d = chapters[i];
      const r = c.reference[i];
      const left = d ? `${clock(d.start)} ${d.title}` : '';
      const right = r ? `${clock(r.start)} ${r.title}` : '';
      out.push(`     ${left.padEnd(56).slice(0, 56)} | ${right}`);
    }
  }
  return out;
}

function clock(seconds: number): string {
  const s = Math.floor(seconds);
  return `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}
