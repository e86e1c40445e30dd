// Alignment measured on seed 003 (raw speech-to-text of Lex Fridman Podcast #215, times estimated) against the
// Lexicap Whisper transcript of the same episode (timed cues). Each turn's reference time is found independently of
// the aligner: the turn's first five words, where they occur exactly once in the Lexicap text, and the cue holding
// them. Error of a turn: distance from its start to that cue's span (0 inside it), and to the cue's start.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSource } from '../../src/ingest/read-source.js';
import { mergeEpisode, type SourceFragment } from '../../src/model/merge.js';
import type { Episode, Turn } from '../../src/model/episode.js';
import { applyPatch } from '../../src/enrich/apply.js';
import { speakersStep } from '../../src/enrich/speakers.js';
import { alignStep } from '../../src/enrich/align.js';
import { words } from '../../src/text/words.js';
import { CORPUS, SHARED } from '../lib/corpus-library.js';

const SEED_003 = join(SHARED, 'seeds', '003_d23df86fad9ea286.txt');
const LEXICAP_215 = join(CORPUS, 'U5OD8MjYnOM.json');
const FILLERS = new Set(['uh', 'um', 'umm', 'uhm', 'hmm', 'mm', 'mhm', 'ah', 'er', 'erm']);
const GRAM = 5;

function source(path: string): SourceFragment {
  const read = readSource(readFileSync(path), path);
  return { path, format: read.format, fragment: read.fragment };
}

function step(episode: Episode, s: typeof alignStep): { episode: Episode; ms: number; reason: string | null } {
  const started = performance.now();
  const reason = s.skip(episode);
  const next = reason === null ? applyPatch(episode, s.run(episode)) : episode;
  return { episode: next, ms: performance.now() - started, reason };
}

function clean(text: string): string[] {
  return words(text).filter((w) => !FILLERS.has(w));
}

/** Reference cue per unique five-word sequence of the timed text. */
function referenceIndex(cues: readonly Turn[]): Map<string, Turn | null> {
  const seq: { word: string; cue: Turn }[] = [];
  for (const cue of cues) for (const word of clean(cue.text)) seq.push({ word, cue });
  const index = new Map<string, Turn | null>();
  for (let i = 0; i + GRAM <= seq.length; i++) {
    const key = seq.slice(i, i + GRAM).map((x) => x.word).join(' ');
    index.set(key, index.has(key) ? null : seq[i]!.cue);
  }
  return index;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function errors(turns: readonly Turn[], index: Map<string, Turn | null>): { span: number[]; start: number[]; referenced: number } {
  const span: number[] = [];
  const start: number[] = [];
  let referenced = 0;
  for (const turn of turns) {
    const first = clean(turn.text).slice(0, GRAM);
    if (first.length < GRAM) continue;
    const cue = index.get(first.join(' '));
    if (!cue) continue;
    referenced++;
    span.push(turn.start < cue.start ? cue.start - turn.start : turn.start > cue.end ? turn.start - cue.end : 0);
    start.push(Math.abs(turn.start - cue.start));
  }
  return { span: span.sort((a, b) => a - b), start: start.sort((a, b) => a - b), referenced };
}

function describe(name: string, e: { span: number[]; start: number[]; referenced: number }): string {
  const f = (x: number): string => `${x.toFixed(1)} s`;
  if (e.referenced === 0) return `   ${name.padEnd(30)}    0 turns with a reference`;
  return `   ${name.padEnd(30)} ${String(e.referenced).padStart(4)} turns with a reference: error to cue median ${f(quantile(e.span, 0.5))}, p95 ${f(quantile(e.span, 0.95))}; to cue start median ${f(quantile(e.start, 0.5))}, p95 ${f(quantile(e.start, 0.95))}`;
}

export async function evaluate(): Promise<string[]> {
  const out: string[] = [];
  const episode = mergeEpisode('eval-215', [source(SEED_003), source(LEXICAP_215)]);
  const lexicap = episode.transcripts.find((t) => t.source === LEXICAP_215)!;
  const index = referenceIndex(lexicap.turns);

  const spoken = step(episode, speakersStep);
  const before = spoken.episode.transcripts.find((t) => t.source === SEED_003)!.turns;
  const aligned = step(spoken.episode, alignStep);
  if (aligned.reason) return [`   skipped: ${aligned.reason}`];
  const after = aligned.episode.transcripts.find((t) => t.source === SEED_003)!.turns;
  const alignedTurns = after.filter((t) => t.timing === 'aligned');
  const words = (ts: readonly Turn[]): number => ts.reduce((s, t) => s + t.text.split(/\s+/).length, 0);
  out.push(
    `   seed 003: ${after.length} turns (after speakers), ${alignedTurns.length} aligned (${((100 * words(alignedTurns)) / words(after)).toFixed(1)} % of words), ${after.length - alignedTurns.length} kept estimated; align ${aligned.ms.toFixed(0)} ms`,
  );
  out.push(describe('baseline: estimated times', errors(before, index)));
  out.push(describe('aligned turns', errors(alignedTurns, index)));
  out.push(describe('estimated turns after align', errors(after.filter((t) => t.timing !== 'aligned'), index)));
  out.push('   target: aligned turns median <= 2 s, p95 <= 10 s');
  let order = 0;
  for (let i = 1; i < after.length; i++) if (after[i]!.start < after[i - 1]!.start) order++;
  out.push(`   turns out of order after align: ${order}`);
  return out;
}
