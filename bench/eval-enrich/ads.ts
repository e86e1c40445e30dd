// Ad and sponsor-read detection on the corpus: the share of episodes with an ad span in the first 10 minutes (Lex
// Fridman episodes open with sponsor mentions or full reads, so most should have one), how much time is marked, and a
// seeded sample of detected spans with their first and last words to check precision by eye. Also seed 003, the raw
// speech-to-text of an episode whose full sponsor reads the Lexicap version lacks.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AdSpan, Episode } from '../../src/model/episode.js';
import { adsStep } from '../../src/enrich/ads.js';
import { chaptersStep } from '../../src/enrich/chapters.js';
import { sentences } from '../../src/enrich/segmentation.js';
import { CORPUS, SHARED } from '../lib/corpus-library.js';
import { loadEpisode } from './chapters.js';

function clock(seconds: number): string {
  const s = Math.floor(seconds);
  return `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** The words of a span, from the sentences it covers. */
function spanText(episode: Episode, span: AdSpan): string {
  return sentences(episode.turns)
    .filter((u) => u.start >= span.start - 0.01 && u.end <= span.end + 0.01)
    .map((u) => u.text)
    .join(' ');
}

function edges(text: string, n = 10): string {
  const w = text.split(/\s+/);
  return w.length <= 2 * n ? text : `${w.slice(0, n).join(' ')} … ${w.slice(-n).join(' ')}`;
}

/** A small deterministic PRNG (mulberry32), so the sample is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function evaluate(): Promise<string[]> {
  const out: string[] = [];
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.json')).sort();
  const episodes = files.map((f) => loadEpisode(join(CORPUS, f), f.replace(/\.json$/, '')));
  // Speed of the two steps alone (episodes loaded first), as wall and CPU time: the chapters step runs on the
  // episodes as the ads step left them, as in the pipeline.
  const started = performance.now();
  const cpu = process.cpuUsage();
  const found = episodes.map((e) => (adsStep.skip(e) === null ? adsStep.run(e).ads ?? [] : []));
  const ms = performance.now() - started;
  const adsCpu = process.cpuUsage(cpu);
  const withAds = episodes.map((e, k) => ({ ...e, ads: found[k]! }));
  const chaptersStarted = performance.now();
  const chaptersCpu = process.cpuUsage();
  let derived = 0;
  for (const e of withAds) if (chaptersStep.skip(e) === null) derived += chaptersStep.run(e).chapters?.length ?? 0;
  const chaptersMs = performance.now() - chaptersStarted;
  const chaptersCpuUsed = process.cpuUsage(chaptersCpu);
  const hours = episodes.reduce((s, e) => s + (e.turns.at(-1)?.end ?? 0), 0) / 3600;
  const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
  const opening = found.filter((spans) => spans.some((s) => s.start < 600)).length;
  const closing = found.filter((spans, k) => spans.some((s) => s.end > (episodes[k]!.turns.at(-1)?.end ?? 0) - 600)).length;
  const all = found.flat();
  const seconds = all.reduce((s, a) => s + a.end - a.start, 0);
  const named = all.filter((a) => a.sponsor).length;
  const middle = found.flatMap((spans, k) => spans.filter((s) => s.start >= 600 && s.end <= (episodes[k]!.turns.at(-1)?.end ?? 0) - 600).map((s) => ({ k, s })));
  out.push(`   corpus: ${episodes.length} episodes, ${hours.toFixed(0)} h`);
  out.push(`   speed: ads ${ms.toFixed(0)} ms wall / ${cpuMs(adsCpu).toFixed(0)} ms CPU (${(cpuMs(adsCpu) / hours).toFixed(2)} ms CPU per episode-hour); chapters ${chaptersMs.toFixed(0)} ms wall / ${cpuMs(chaptersCpuUsed).toFixed(0)} ms CPU (${(cpuMs(chaptersCpuUsed) / hours).toFixed(2)} ms CPU per episode-hour, ${derived} chapters)`);
  out.push(`   episodes with an ad span in the first 10 min: ${opening}/${episodes.length} (${((100 * opening) / episodes.length).toFixed(0)}%); in the last 10 min: ${closing}`);
  out.push(`   spans: ${all.length} (${(seconds / 60).toFixed(0)} min marked, ${((100 * seconds) / 3600 / hours).toFixed(2)}% of the audio), ${named} with a sponsor named; ${middle.length} mid-episode`);
  const random = prng(7);
  const picked = new Set<number>();
  while (picked.size < Math.min(10, all.length)) picked.add(Math.floor(random() * all.length));
  const located = found.flatMap((spans, k) => spans.map((s) => ({ k, s })));
  out.push('   sample of 10 detected spans (first and last words):');
  for (const index of [...picked].sort((a, b) => a - b)) {
    const { k, s } = located[index]!;
    out.push(`     ${episodes[k]!.id} ${clock(s.start)}-${clock(s.end)} [${s.sponsor ?? '?'}] ${edges(spanText(episodes[k]!, s))}`);
  }
  out.push('   mid-episode spans (start ≥ 10 min, end ≤ 10 min before the end):');
  for (const { k, s } of middle.slice(0, 12)) out.push(`     ${episodes[k]!.id} ${clock(s.start)}-${clock(s.end)} [${s.sponsor ?? '?'}] ${edges(spanText(episodes[k]!, s), 8)}`);
  const seed = loadEpisode(join(SHARED, 'seeds', '003_d23df86fad9ea286.txt'), 'seed-003');
  const seedAds = adsStep.run(seed).ads ?? [];
  out.push(`   seed 003 (raw STT, full sponsor reads): ${seedAds.length} spans`);
  for (const s of seedAds) out.push(`     ${clock(s.start)}-${clock(s.end)} [${s.sponsor ?? '?'}] ${edges(spanText(seed, s), 8)}`);
  return out;
}
