// Speaker attribution measured on seed 000 (a transcript page whose turns name Lex Fridman and Elon Musk) with the
// names hidden: once with the source's turns kept (names hidden only; the turn model reads them), once merged into
// raw speech-to-text paragraphs (turn boundaries lost too; the prose model reads them), and the first variant again
// cut into four 45-minute episodes, to show how much one stretch of an episode swings the figure. Score: share of
// words given to the right speaker; words left unknown count as wrong (coverage says how many were labelled at
// all). Then seed 003 (real raw speech-to-text) for a look.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSource } from '../../src/ingest/read-source.js';
import { mergeEpisode } from '../../src/model/merge.js';
import type { Episode, Turn } from '../../src/model/episode.js';
import { applyPatch } from '../../src/enrich/apply.js';
import { speakersStep } from '../../src/enrich/speakers.js';
import { alignStep } from '../../src/enrich/align.js';
import type { EnrichStep } from '../../src/enrich/step.js';
import { formatClock } from '../../src/formats/text.js';
import { CORPUS, SHARED } from '../lib/corpus-library.js';

const SEED_000 = join(SHARED, 'seeds', '000_2f1f5aed6d16451f.txt');
const SEED_003 = join(SHARED, 'seeds', '003_d23df86fad9ea286.txt');

function episodeOf(path: string, format?: string, bytes?: Uint8Array): Episode {
  const read = readSource(bytes ?? readFileSync(path), path, format ? { format } : {});
  return mergeEpisode('eval', [{ path, format: read.format, fragment: read.fragment }]);
}

function splitWords(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

interface Score {
  accuracy: number;
  coverage: number;
  precision: number;
  words: number;
}

/** Word-level score of predicted turns against a per-word truth (same words, same order). */
function score(predicted: readonly Turn[], truth: readonly string[]): Score {
  let at = 0;
  let right = 0;
  let labelled = 0;
  for (const turn of predicted) {
    for (const _ of splitWords(turn.text)) {
      if (turn.speaker !== null) labelled++;
      if (turn.speaker !== null && turn.speaker === truth[at]) right++;
      at++;
    }
  }
  if (at !== truth.length) throw new Error(`word counts differ: ${at} predicted, ${truth.length} true`);
  return { accuracy: right / at, coverage: labelled / at, precision: labelled ? right / labelled : 0, words: at };
}

/** Accuracy on each quarter of the turns, each run as an episode of its own. */
function quarters(episode: Episode, truth: readonly string[]): number[] {
  const turns = episode.transcripts[0]!.turns;
  const out: number[] = [];
  let word = 0;
  for (let q = 0; q < 4; q++) {
    const part = turns.slice(Math.floor((q * turns.length) / 4), Math.floor(((q + 1) * turns.length) / 4));
    const words = part.reduce((sum, t) => sum + splitWords(t.text).length, 0);
    const piece: Episode = { ...episode, transcripts: [{ source: episode.transcripts[0]!.source, turns: part }], turns: part };
    out.push(score(run(piece).episode.transcripts[0]!.turns, truth.slice(word, word + words)).accuracy);
    word += words;
  }
  return out;
}

function run(episode: Episode): { episode: Episode; ms: number; skipped: string | null } {
  const started = performance.now();
  const skipped = speakersStep.skip(episode);
  const next = skipped === null ? applyPatch(episode, speakersStep.run(episode)) : episode;
  return { episode: next, ms: performance.now() - started, skipped };
}

function line(name: string, s: Score, ms: number): string {
  return `   ${name.padEnd(34)} accuracy ${s.accuracy.toFixed(3)}  coverage ${s.coverage.toFixed(3)}  precision ${s.precision.toFixed(3)}  (${s.words} words, ${ms.toFixed(0)} ms)`;
}

export async function evaluate(): Promise<string[]> {
  const out: string[] = [];
  const seed = episodeOf(SEED_000);
  const turns = seed.transcripts[0]!.turns;
  const truth = turns.flatMap((t) => splitWords(t.text).map(() => t.speaker!));
  const guest = seed.guests[0]!;
  const guestShare = truth.filter((s) => s === guest).length / truth.length;
  out.push(`   baseline: always the guest (${guest})          accuracy ${guestShare.toFixed(3)}`);

  // Variant 1: the source's turns, names hidden.
  const hidden: Episode = {
    ...seed,
    speakers: [],
    transcripts: [{ source: seed.transcripts[0]!.source, turns: turns.map((t) => ({ ...t, speaker: null })) }],
  };
  hidden.turns = hidden.transcripts[0]!.turns;
  const a = run(hidden);
  out.push(line('seed 000, turns kept, names hidden', score(a.episode.transcripts[0]!.turns, truth), a.ms));
  out.push(`   seed 000 in four parts, turns kept     accuracy ${quarters(hidden, truth).map((q) => q.toFixed(3)).join(' ')}`);

  // Variant 2: the words as raw speech-to-text (one block, cut into paragraphs by the raw-stt reader).
  const text = turns.map((t) => t.text).join(' ');
  const raw = episodeOf('merged.txt', 'raw-stt', new TextEncoder().encode(text));
  const merged: Episode = { ...seed, speakers: [], transcripts: raw.transcripts, turns: raw.turns };
  const b = run(merged);
  out.push(
    line(`seed 000 as ${merged.transcripts[0]!.turns.length} raw paragraphs`, score(b.episode.transcripts[0]!.turns, truth), b.ms),
  );
  out.push('   target: accuracy >= 0.9');

  // Seed 003: real raw speech-to-text, no truth; the first turns after the sponsor reads, for a look.
  const s3 = run(episodeOf(SEED_003));
  const t3 = s3.episode.transcripts[0]!.turns;
  const names = s3.episode.speakers.map((s) => `${s.name} (${s.role})`).join(', ');
  out.push(`   seed 003: ${t3.length} turns, ${t3.filter((t) => t.speaker).length} attributed; speakers ${names}; ${s3.ms.toFixed(0)} ms`);
  const firstTalk = Math.max(0, t3.findIndex((t) => /here's my conversation/i.test(t.text)));
  for (const t of t3.slice(firstTalk, firstTalk + 15)) {
    out.push(`     ${formatClock(t.start).padStart(5)} ${(t.speaker ?? '?').padEnd(16)} ${t.text.slice(0, 110)}`);
  }
  out.push(...corpusSpeed());
  return out;
}

/** Milliseconds of CPU this process has used (the machine is shared: wall-clock time says more about the others). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Both steps (skip, then run when not skipped) over every Lexicap episode, timed in CPU milliseconds per hour of
 * speech, reading and merging excluded. The first pass warms the JIT; the second is reported.
 */
function corpusSpeed(): string[] {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.json'));
  const episodes = files.map((f) => episodeOf(join(CORPUS, f)));
  const hours = episodes.reduce((s, e) => s + (e.duration ?? 0), 0) / 3600;
  const time = (step: EnrichStep): { ms: number; done: number; labelled: number; units: number } => {
    let ms = 0;
    let done = 0;
    let labelled = 0;
    let units = 0;
    for (const pass of [0, 1]) {
      ms = 0;
      done = 0;
      for (const e of episodes) {
        const started = cpuMs();
        const patch = step.skip(e) === null ? step.run(e) : null;
        ms += cpuMs() - started;
        if (!patch) continue;
        done++;
        if (pass === 1) for (const t of patch.transcripts ?? []) labelled += t.turns?.length ?? 0;
      }
      if (pass === 1) units = episodes.reduce((s, e) => s + e.turns.length, 0);
    }
    return { ms, done, labelled, units };
  };
  const speakers = time(speakersStep);
  const align = time(alignStep);
  return [
    `   corpus: ${episodes.length} Lexicap episodes, ${hours.toFixed(0)} h of speech`,
    `   speakers: ran on ${speakers.done}, ${(speakers.ms / 1000).toFixed(2)} s CPU (${(speakers.ms / hours).toFixed(1)} ms per episode-hour); ${((100 * speakers.labelled) / speakers.units).toFixed(1)} % of cues attributed`,
    `   align: ran on ${align.done}, ${(align.ms / 1000).toFixed(2)} s CPU (${(align.ms / hours).toFixed(2)} ms per episode-hour)`,
  ];
}
