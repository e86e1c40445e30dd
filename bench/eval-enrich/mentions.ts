// Evaluation of the "mentions" step: precision and recall against a hand-made list of the entities one chapter of
// seed 000 mentions (test/fixtures/enrich/mentions/seed000-china.json, with a note on how it was made), against two
// naive baselines; the top mentions and corrections of seed 003 + Lexicap #215 and of two corpus episodes; and a
// whole-corpus run for speed and for the entities found in the most episodes (a check that names are canonical).
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { english } from '../../src/formats/text.js';
import type { Episode, Mention } from '../../src/model/episode.js';
import { mergeEpisode } from '../../src/model/merge.js';
import { readSource } from '../../src/ingest/read-source.js';
import { applyPatch } from '../../src/enrich/apply.js';
import { adsStep } from '../../src/enrich/ads.js';
import { mentionsStep } from '../../src/enrich/mentions.js';
import { nameKey } from '../../src/enrich/entities-similar.js';
import { CORPUS, SHARED } from '../lib/corpus-library.js';

interface Expected {
  name: string;
  kind: string;
  variants: string[];
}
interface Fixture {
  source: string;
  chapter: string;
  start: number;
  end: number;
  entities: Expected[];
}

const FIXTURE = fileURLToPath(new URL('../../test/fixtures/enrich/mentions/seed000-china.json', import.meta.url));
/** Two corpus episodes shown in full: one full of names (history), one technical (the episode #215 is shown already). */
const SHOWN = ['-k-ztNsBM54.json', 'smK9dgdTl40.json'];

function load(paths: string[]): Episode {
  return mergeEpisode(
    paths[0]!,
    paths.map((path) => {
      const read = readSource(readFileSync(path), path.split('/').pop()!);
      return { path, format: read.format, fragment: read.fragment };
    }),
  );
}

/** The episode as the mentions step sees it in the pipeline: sponsor reads already marked by the ads step. */
function withAds(episode: Episode): Episode {
  try {
    return adsStep.skip(episode) === null ? applyPatch(episode, adsStep.run(episode)) : episode;
  } catch {
    return episode;
  }
}

function mentionsOf(episode: Episode): { mentions: Mention[]; corrections: { heard: string; meant: string; times: number[] }[] } {
  if (mentionsStep.skip(episode) !== null) return { mentions: [], corrections: [] };
  const patch = mentionsStep.run(episode);
  return { mentions: patch.mentions ?? [], corrections: patch.corrections ?? [] };
}

interface Score {
  predicted: number;
  correct: number;
  duplicates: number;
  found: number;
  expected: number;
  kindRight: number;
  missed: string[];
  wrong: string[];
}

/**
 * A predicted mention matches an expected entity when its name or a variant equals the entity's name or a variant
 * (compared loosely, as the library's index does). Each expected entity is matched once; a second prediction of the
 * same entity counts as a duplicate, not as correct.
 */
function score(predicted: { name: string; kind?: string; variants?: string[] }[], expected: Expected[]): Score {
  const keysOf = (names: string[]): Set<string> => new Set(names.map(nameKey).filter(Boolean));
  const expectedKeys = expected.map((e) => keysOf([e.name, ...e.variants]));
  const matched = new Set<number>();
  let correct = 0;
  let duplicates = 0;
  let kindRight = 0;
  const wrong: string[] = [];
  for (const p of predicted) {
    const keys = keysOf([p.name, ...(p.variants ?? [])]);
    const at = expectedKeys.findIndex((ek) => [...keys].some((k) => ek.has(k)));
    if (at === -1) wrong.push(p.name);
    else if (matched.has(at)) duplicates++;
    else {
      matched.add(at);
      correct++;
      if (p.kind === expected[at]!.kind) kindRight++;
    }
  }
  return {
    predicted: predicted.length, correct, duplicates, found: matched.size, expected: expected.length, kindRight,
    missed: expected.filter((_, i) => !matched.has(i)).map((e) => e.name), wrong,
  };
}

function scoreLine(label: string, s: Score): string {
  const p = s.predicted ? s.correct / s.predicted : 0;
  const r = s.expected ? s.found / s.expected : 0;
  return `   ${label.padEnd(34)} precision ${p.toFixed(2)} (${s.correct}/${s.predicted}${s.duplicates ? `, ${s.duplicates} duplicates` : ''})  recall ${r.toFixed(2)} (${s.found}/${s.expected})`;
}

/** Turns whose start lies in [start, end). */
function chapterText(episode: Episode, start: number, end: number): string[] {
  return episode.turns.filter((t) => t.start >= start && t.start < end).map((t) => t.text);
}

/** Baseline 1: every run of capitalised words not at a sentence start, each distinct spelling one mention. */
function capitalsBaseline(texts: string[]): { name: string }[] {
  const names = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(/(?<![.!?]\s|^)\b\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*/gu)) {
      const name = m[0].replace(/['’]s$/u, '');
      if (name !== 'I' && !/^I['’]/u.test(name)) names.add(name);
    }
  }
  return [...names].map((name) => ({ name }));
}

/** Baseline 2: runs of tokens wink-nlp tags PROPN, each distinct spelling one mention. */
function propnBaseline(texts: string[]): { name: string }[] {
  const nlp = english() as unknown as { readDoc(t: string): { tokens(): { out(f: unknown): string[] } }; its: { value: unknown; pos: unknown } };
  const names = new Set<string>();
  for (const text of texts) {
    const doc = nlp.readDoc(text);
    const values = doc.tokens().out(nlp.its.value);
    const pos = doc.tokens().out(nlp.its.pos);
    let run: string[] = [];
    const flush = (): void => {
      if (run.length) names.add(run.join(' '));
      run = [];
    };
    values.forEach((v, i) => (pos[i] === 'PROPN' ? run.push(v) : flush()));
    flush();
  }
  return [...names].map((name) => ({ name }));
}

function top(mentions: Mention[], n: number): string[] {
  return [...mentions]
    .filter((m) => m.name && m.times?.length)
    .sort((a, b) => b.times!.length - a.times!.length)
    .slice(0, n)
    .map((m) => `     ${String(m.times!.length).padStart(3)}× ${m.name} [${m.kind ?? '?'}]${m.variants?.length ? `  ~ ${m.variants.slice(0, 4).join(', ')}` : ''}`);
}

export async function evaluate(): Promise<string[]> {
  const lines: string[] = [];
  const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Fixture;
  const seed000 = withAds(load([join(SHARED, fixture.source)]));
  const { mentions } = mentionsOf(seed000);
  const inChapter = mentions
    .filter((m) => m.name && m.times?.some((t) => t >= fixture.start && t < fixture.end))
    .map((m) => ({ name: m.name!, kind: m.kind, variants: m.variants }));
  const s = score(inChapter, fixture.entities);
  const texts = chapterText(seed000, fixture.start, fixture.end);
  lines.push(`seed 000, chapter "${fixture.chapter}" (${fixture.entities.length} entities listed by hand; target precision and recall >= 0.8)`);
  lines.push(scoreLine('mentions step', s));
  lines.push(scoreLine('baseline: capitalised runs', score(capitalsBaseline(texts), fixture.entities)));
  lines.push(scoreLine('baseline: wink-nlp PROPN runs', score(propnBaseline(texts), fixture.entities)));
  lines.push(`   kinds right on matched entities: ${s.kindRight}/${s.correct}`);
  lines.push(`   missed: ${s.missed.join('; ') || 'none'}`);
  lines.push(`   not in the list: ${s.wrong.join('; ') || 'none'}`);

  const zaremba = withAds(load([join(SHARED, 'seeds', '003_d23df86fad9ea286.txt'), join(CORPUS, 'U5OD8MjYnOM.json')]));
  const z = mentionsOf(zaremba);
  lines.push('', `seed 003 + Lexicap #215 (${zaremba.title}): ${z.mentions.length} mentions, top 20`);
  lines.push(...top(z.mentions, 20));
  lines.push(`   corrections: ${z.corrections.map((c) => `${c.heard} → ${c.meant} (${c.times.length}×)`).join('; ') || 'none'}`);

  for (const file of SHOWN) {
    const e = withAds(load([join(CORPUS, file)]));
    const r = mentionsOf(e);
    lines.push('', `${e.title}: ${r.mentions.length} mentions, top 20`);
    lines.push(...top(r.mentions, 20));
    lines.push(`   corrections: ${r.corrections.map((c) => `${c.heard} → ${c.meant}`).join('; ') || 'none'}`);
  }

  // Whole corpus: the step's own time (episodes are read and ads marked outside the clock).
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.json')).sort();
  const episodesOf = new Map<string, number>();
  let ms = 0;
  let cpu = 0;
  let hours = 0;
  let count = 0;
  let corrections = 0;
  let failures = 0;
  for (const file of files) {
    const e = withAds(load([join(CORPUS, file)]));
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    let r: ReturnType<typeof mentionsOf>;
    try {
      r = mentionsOf(e);
    } catch {
      failures++;
      continue;
    }
    ms += performance.now() - started;
    const used = process.cpuUsage(cpuStarted);
    cpu += (used.user + used.system) / 1000;
    hours += (e.turns.at(-1)?.end ?? 0) / 3600;
    count += r.mentions.length;
    corrections += r.corrections.length;
    for (const m of r.mentions) if (m.name) episodesOf.set(m.name, (episodesOf.get(m.name) ?? 0) + 1);
  }
  lines.push('', `whole corpus: ${files.length} episodes, ${hours.toFixed(0)} h of speech, ${failures} failures`);
  lines.push(
    `   time ${(ms / 1000).toFixed(1)} s wall = ${(ms / hours).toFixed(1)} ms per episode-hour; CPU ${(cpu / hours).toFixed(1)} ms per episode-hour ` +
      `(budget: well under 10; load average ${loadavg()[0]!.toFixed(1)} on this machine while measuring)`,
  );
  lines.push(`   ${(count / files.length).toFixed(0)} mentions and ${(corrections / files.length).toFixed(1)} corrections per episode`);
  lines.push('   entities in the most episodes:');
  const ranked = [...episodesOf].sort((a, b) => b[1] - a[1]).slice(0, 15);
  lines.push(`     ${ranked.map(([name, n]) => `${name} (${n})`).join(', ')}`);
  return lines;
}
