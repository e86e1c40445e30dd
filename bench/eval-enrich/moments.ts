// Key moments and key insights on seed 000 and the whole corpus: the moments of seed 000 to read by eye, moments per
// hour, the share that falls in intros, ad reads or outros (judged here by cue phrases on the raw turns,
// independently of the step's own frame, and by the ads step's spans), against a naive baseline of evenly spaced
// one-minute windows; the insights of seed 000 and one corpus episode; the time both steps take.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Episode, Insight, Moment } from '../../src/model/episode.js';
import { readSource } from '../../src/ingest/read-source.js';
import { mergeEpisode } from '../../src/model/merge.js';
import { enrichEpisode } from '../../src/enrich/pipeline.js';
import { steps } from '../../src/enrich/registry.js';
import { momentsStep } from '../../src/enrich/moments.js';
import { insightsStep } from '../../src/enrich/insights.js';
import { formatClock } from '../../src/formats/text.js';
import { CORPUS, SHARED } from '../lib/corpus-library.js';

function load(path: string, id: string): Episode {
  const read = readSource(readFileSync(path), path);
  return mergeEpisode(id, [{ path, format: read.format, fragment: read.fragment }]);
}

/** The steps that run before moments (speakers, align, ads, chapters, mentions), as the pipeline runs them. */
const before = steps.slice(0, steps.findIndex((s) => s.id === 'moments'));

/** Cue phrases that only an intro or a sponsor read says (the brief's judge: not the step's own lists). */
const INTRO_CUE = /brought to you by|sponsor|the following is a conversation|here'?s my conversation|here is my conversation|dear friends,? here'?s|and now,? here'?s/i;
const AD_CUE = /brought to you by|sponsored by|use code|promo code|our sponsors?\b|\.com\/|free trial/i;
const OUTRO_CUE = /thanks? for listening|thank you for listening|let me leave you with/i;

interface Judge {
  introEnd: number;
  outroStart: number;
  ads: { start: number; end: number }[];
}

/**
 * Intro: up to the end of the last turn with an intro cue in the first 15 minutes (or 40% of a short episode); the
 * first 3 minutes when there is none. Outro: from the first outro cue in the last 15 minutes. Ads: the ads step's
 * spans, plus 60 s around any turn with sponsor language outside the intro.
 */
function judge(episode: Episode): Judge {
  const end = episode.turns.at(-1)?.end ?? 0;
  let introEnd = -1;
  for (const t of episode.turns) {
    if (t.start > Math.min(900, 0.4 * end)) break;
    if (INTRO_CUE.test(t.text)) introEnd = t.end;
  }
  if (introEnd < 0) introEnd = Math.min(180, 0.1 * end);
  let outroStart = end;
  for (const t of episode.turns) if (t.start > end - Math.min(900, 0.25 * end) && OUTRO_CUE.test(t.text)) outroStart = Math.min(outroStart, t.start);
  const ads = episode.ads.map((a) => ({ start: a.start, end: a.end }));
  for (const t of episode.turns) if (t.start > introEnd && AD_CUE.test(t.text)) ads.push({ start: t.start - 60, end: t.end + 60 });
  return { introEnd, outroStart, ads };
}

type Where = 'intro' | 'ad' | 'outro' | 'ok';

function where(j: Judge, start: number, end: number): Where {
  if (start < j.introEnd) return 'intro';
  if (end > j.outroStart) return 'outro';
  if (j.ads.some((a) => a.start < end && a.end > start)) return 'ad';
  return 'ok';
}

/** The naive baseline: as many one-minute windows as the step chose, evenly spaced from 0. */
function naive(count: number, duration: number): { start: number; end: number }[] {
  return Array.from({ length: count }, (_, k) => ({ start: (k * duration) / count, end: (k * duration) / count + 60 }));
}

function firstWords(text: string, n = 14): string {
  const w = text.split(/\s+/);
  return w.length <= n ? text : `${w.slice(0, n).join(' ')} …`;
}

function showMoments(moments: readonly Moment[]): string[] {
  return moments.flatMap((m) => [
    `   ${formatClock(m.start)}-${formatClock(m.end)}${m.speaker ? ` [${m.speaker}]` : ''} ${m.title}`,
    `      summary: ${m.summary}`,
    `      quote:   ${firstWords(m.quote)}`,
  ]);
}

function showInsights(insights: readonly Insight[]): string[] {
  return insights.map((i) => `   ${i.start !== undefined ? formatClock(i.start) : '  -  '}  ${i.text}`);
}

function pct(part: number, whole: number): string {
  return whole ? `${((100 * part) / whole).toFixed(1)}%` : 'n/a';
}

export async function evaluate(): Promise<string[]> {
  const out: string[] = [];
  const seedFile = readdirSync(join(SHARED, 'seeds')).find((f) => f.startsWith('000_'))!;
  const seed = enrichEpisode(load(join(SHARED, 'seeds', seedFile), 'seed-000')).episode;
  out.push(`seed 000 (${seed.title}): ${seed.moments.length} moments in ${(seedDuration(seed) / 3600).toFixed(2)} h`);
  out.push(...showMoments(seed.moments));
  out.push(`seed 000 insights (${seed.insights.length}):`, ...showInsights(seed.insights));

  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.json')).sort();
  let hours = 0;
  let momentsMs = 0;
  let insightsMs = 0;
  let priorMs = 0;
  let momentsCpu = 0;
  let insightsCpu = 0;
  const counts = { moments: 0, naive: 0, insights: 0, episodes: 0, skipped: 0 };
  const places: Record<'step' | 'baseline' | 'insights', Record<Where, number>> = {
    step: { intro: 0, ad: 0, outro: 0, ok: 0 },
    baseline: { intro: 0, ad: 0, outro: 0, ok: 0 },
    insights: { intro: 0, ad: 0, outro: 0, ok: 0 },
  };
  const lengths: number[] = [];
  let dangling = 0;
  let repeatedTitles = 0;
  const examples: string[] = [];
  let sample: { title: string | null; insights: Insight[] } | null = null;
  // Two passes: the steps before moments first, for every episode, then moments and insights timed on their own,
  // so the garbage the earlier steps leave is not collected on these steps' clock.
  const prepared: { id: string; episode: Episode }[] = [];
  for (const file of files) {
    const id = file.replace(/\.json$/, '');
    const t = performance.now();
    prepared.push({ id, episode: enrichEpisode(load(join(CORPUS, file), id), before).episode });
    priorMs += performance.now() - t;
  }
  for (const { id, episode } of prepared) {
    const duration = seedDuration(episode);
    hours += duration / 3600;
    counts.episodes++;
    let t = performance.now();
    let c = cpuMs();
    const skip = momentsStep.skip(episode);
    const moments = skip === null ? momentsStep.run(episode).moments ?? [] : [];
    momentsMs += performance.now() - t;
    momentsCpu += cpuMs() - c;
    if (skip !== null) counts.skipped++;
    const withMoments = { ...episode, moments };
    t = performance.now();
    c = cpuMs();
    const insights = insightsStep.skip(withMoments) === null ? insightsStep.run(withMoments).insights ?? [] : [];
    insightsMs += performance.now() - t;
    insightsCpu += cpuMs() - c;
    const j = judge(episode);
    for (const m of moments) {
      const w = where(j, m.start, m.end);
      places.step[w]++;
      lengths.push(m.end - m.start);
      if (/^\W*(?:it|that|this|they|he|she|and|but|so|because)\b/i.test(m.quote)) dangling++;
      if (w !== 'ok' && examples.length < 6) examples.push(`   ${w} ${id} ${formatClock(m.start)} ${firstWords(m.quote, 12)}`);
    }
    const titles = moments.map((m) => m.title.toLowerCase());
    repeatedTitles += titles.length - new Set(titles).size;
    for (const n of naive(moments.length, duration)) places.baseline[where(j, n.start, n.end)]++;
    for (const i of insights) places.insights[where(j, i.start ?? 0, (i.start ?? 0) + 10)]++;
    counts.moments += moments.length;
    counts.insights += insights.length;
    if (id === 'U5OD8MjYnOM') sample = { title: episode.title, insights };
  }
  const bad = (p: Record<Where, number>) => p.intro + p.ad + p.outro;
  const total = (p: Record<Where, number>) => bad(p) + p.ok;
  lengths.sort((a, b) => a - b);
  out.push(
    `corpus: ${counts.episodes} episodes, ${hours.toFixed(0)} h; moments skipped for ${counts.skipped}`,
    `moments: ${counts.moments} = ${(counts.moments / hours).toFixed(2)} per hour (target 4-8); length median ${lengths[lengths.length >> 1]?.toFixed(0)} s, ` +
      `10-90% ${lengths[Math.floor(lengths.length * 0.1)]?.toFixed(0)}-${lengths[Math.floor(lengths.length * 0.9)]?.toFixed(0)} s`,
    `in intro / ad read / outro (target < 5% together): step ${pct(places.step.intro, total(places.step))} / ${pct(places.step.ad, total(places.step))} / ` +
      `${pct(places.step.outro, total(places.step))} = ${pct(bad(places.step), total(places.step))}; ` +
      `naive evenly spaced 60 s windows ${pct(places.baseline.intro, total(places.baseline))} / ${pct(places.baseline.ad, total(places.baseline))} / ` +
      `${pct(places.baseline.outro, total(places.baseline))} = ${pct(bad(places.baseline), total(places.baseline))}`,
    `quotes opening on a dangling word (it/that/and/but/so/because…): ${pct(dangling, counts.moments)}; repeated titles within an episode: ${repeatedTitles}`,
    ...examples,
    `insights: ${counts.insights} (${(counts.insights / counts.episodes).toFixed(1)} per episode, target 5-8); in intro / ad / outro ${pct(bad(places.insights), total(places.insights))}`,
    `time (wall; CPU in brackets, steadier on a shared machine): moments ${(momentsMs / 1000).toFixed(2)} s = ${(momentsMs / hours).toFixed(2)} ` +
      `[${(momentsCpu / hours).toFixed(2)}] ms per episode-hour; insights ${(insightsMs / 1000).toFixed(2)} s = ${(insightsMs / hours).toFixed(2)} ` +
      `[${(insightsCpu / hours).toFixed(2)}] ms per episode-hour (target: well under 10; insights reuse the moments' sentence stream); ` +
      `steps before them ${(priorMs / 1000).toFixed(1)} s`,
  );
  if (sample) out.push(`insights of U5OD8MjYnOM (${sample.title}):`, ...showInsights(sample.insights));
  return out;
}

/** Process CPU time (user + system) in milliseconds. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function seedDuration(e: Episode): number {
  return e.duration ?? e.turns.at(-1)?.end ?? 0;
}
