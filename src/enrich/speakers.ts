// Enrichment step "speakers": for transcripts where nobody is named (raw speech-to-text, plain text, Whisper cues),
// find where the speaker changes and whether it is the host or the guest, with the names the episode gives
// (show name, title, guests, intro). A unit is labelled only when the model is confident; the rest stays unknown.
// Untimed paragraphs are re-cut into speaker turns; timed cues keep their cut and get a speaker each.
import type { Episode, Speaker, Turn } from '../model/episode.js';
import type { EnrichmentPatch, EnrichStep, TurnPatch } from './step.js';
import { hostPosteriors } from './speakers-model.js';
import { modelInput } from './speakers-cues.js';
import { speakerNames, type SpeakerNames } from './speakers-names.js';
import { unitsOf, Vocabulary, type Unit } from './speakers-units.js';

/**
 * How sure the model must be before a unit is labelled. Below it the unit stays unknown: a wrong name misleads a
 * reader more than a missing one. Chosen on the dev transcripts as the point where coverage stops buying accuracy.
 */
const CONFIDENT = 0.65;
/** How much of the transcript's start is read for names in the intro: the intro with its sponsor reads can run 7 minutes. */
const INTRO_CHARS = 20_000;

export const speakersStep: EnrichStep = {
  id: 'speakers',
  version: 2,
  skip(episode) {
    const todo = unlabelled(episode);
    if (episode.transcripts.length === 0) return 'no transcript';
    if (todo.length === 0) return 'every transcript has speakers';
    const names = namesFor(episode, todo[0]!.turns);
    if (!names.host && names.guests.length === 0) return 'nobody is named (no host or guest in the show name, title or intro)';
    return null;
  },
  run(episode) {
    const todo = unlabelled(episode);
    const patch: EnrichmentPatch = { transcripts: [] };
    const used = new Set<string>();
    for (const transcript of todo) {
      const names = namesFor(episode, transcript.turns);
      const labels = roleLabels(names);
      const result = attribute(transcript.turns, names);
      const label = (p: number): string | null => (p >= CONFIDENT ? labels.host : p <= 1 - CONFIDENT ? labels.guest : null);
      const untimed = transcript.turns.every((t) => t.timing === 'estimated');
      if (untimed) {
        const replace = transcript.turns.flatMap((turn, i) => splitTurn(turn, result.firstUnit[i]!, result.firstUnit[i + 1]!, result.posterior, result.units, label));
        for (const t of replace) if (t.speaker) used.add(t.speaker);
        patch.transcripts!.push({ source: transcript.source, replace });
      } else {
        const turns: TurnPatch[] = [];
        for (let index = 0; index < transcript.turns.length; index++) {
          const speaker = label(meanPosterior(result.firstUnit[index]!, result.firstUnit[index + 1]!, result.posterior, result.units));
          if (speaker) {
            turns.push({ index, speaker, attributed: true });
            used.add(speaker);
          }
        }
        patch.transcripts!.push({ source: transcript.source, turns });
      }
      patch.speakers = mergeSpeakers(patch.speakers ?? episode.speakers, labels, used);
    }
    return patch;
  },
};

const unlabelledMemo = new WeakMap<Episode, Episode['transcripts']>();

/** Transcripts with turns, none of which names a speaker (memoized per episode: skip and run both ask). */
function unlabelled(episode: Episode): Episode['transcripts'] {
  let found = unlabelledMemo.get(episode);
  if (!found) {
    found = episode.transcripts.filter((t) => t.turns.length > 0 && t.turns.every((turn) => turn.speaker === null));
    unlabelledMemo.set(episode, found);
  }
  return found;
}

function namesFor(episode: Episode, turns: readonly Turn[]): SpeakerNames {
  let intro = '';
  for (const turn of turns) {
    intro += `${turn.text} `;
    if (intro.length >= INTRO_CHARS) break;
  }
  return speakerNames(episode, intro.slice(0, INTRO_CHARS));
}

/**
 * The labels the two sides get: their names, or the role when only the other side is named ("Host" asking "Jane
 * Doe"). With several guests the guest side is left unknown: the model tells host from not-host, not which guest.
 */
function roleLabels(names: SpeakerNames): Labels {
  const host = names.host ?? 'Host';
  const guest = names.guests.length === 1 ? names.guests[0]! : names.guests.length === 0 ? 'Guest' : null;
  return { host, guest };
}

interface Labels {
  host: string;
  guest: string | null;
}

export interface Attribution {
  units: Unit[];
  /** P(host) per unit. */
  posterior: Float64Array;
  /** The first unit of each turn, with units.length appended: turn t's units are firstUnit[t] to firstUnit[t + 1]. */
  firstUnit: Int32Array;
}

/** P(host) for every sentence piece of the turns. */
export function attribute(turns: readonly Turn[], names: SpeakerNames): Attribution {
  const vocabulary = new Vocabulary();
  const units = unitsOf(turns, vocabulary);
  const posterior = hostPosteriors(modelInput(turns, units, names, vocabulary));
  // Units come turn by turn, so each turn's are a range.
  const firstUnit = new Int32Array(turns.length + 1);
  let u = 0;
  for (let t = 0; t <= turns.length; t++) {
    while (u < units.length && units[u]!.turn < t) u++;
    firstUnit[t] = u;
  }
  return { units, posterior, firstUnit };
}

function meanPosterior(from: number, to: number, posterior: Float64Array, units: readonly Unit[]): number {
  let sum = 0;
  let words = 0;
  for (let i = from; i < to; i++) {
    const w = Math.max(1, units[i]!.words);
    sum += posterior[i]! * w;
    words += w;
  }
  return words > 0 ? sum / words : 0.5;
}

/**
 * An untimed paragraph cut where its label changes. Times are shared out by words within the paragraph, so the
 * pieces' estimates stay consistent with the paragraph's. A paragraph carrying a translation is not cut (the
 * translation cannot be cut with it): it takes the label of most of its words.
 */
function splitTurn(
  turn: Turn,
  from: number,
  to: number,
  posterior: Float64Array,
  units: readonly Unit[],
  label: (p: number) => string | null,
): Turn[] {
  if (from === to) return [{ ...turn }];
  if (turn.translations?.length) return [withSpeaker(turn, label(meanPosterior(from, to, posterior, units)))];
  const runs: { first: number; last: number; speaker: string | null }[] = [];
  for (let i = from; i < to; i++) {
    const speaker = label(posterior[i]!);
    const run = runs[runs.length - 1];
    if (run && run.speaker === speaker) run.last = i;
    else runs.push({ first: i, last: i, speaker });
  }
  if (runs.length === 1) return [withSpeaker(turn, runs[0]!.speaker)];
  let totalWords = 0;
  for (let i = from; i < to; i++) totalWords += units[i]!.words;
  const span = turn.end - turn.start;
  let wordsBefore = 0;
  const out: Turn[] = [];
  runs.forEach((run, r) => {
    const from = r === 0 ? 0 : units[run.first]!.from;
    const to = r === runs.length - 1 ? turn.text.length : units[runs[r + 1]!.first]!.from;
    let words = 0;
    for (let i = run.first; i <= run.last; i++) words += units[i]!.words;
    const piece = turn.text.slice(from, to);
    const lead = piece.length - piece.trimStart().length;
    const text = piece.trim();
    const start = round(turn.start + (totalWords > 0 ? (span * wordsBefore) / totalWords : 0));
    wordsBefore += words;
    const end = r === runs.length - 1 ? turn.end : round(turn.start + (totalWords > 0 ? (span * wordsBefore) / totalWords : span));
    const next: Turn = { speaker: run.speaker, start, end: Math.max(start, end), timing: turn.timing, text };
    if (run.speaker) next.attributed = true;
    const markers = turn.markers
      ?.filter((m) => m.offset >= from && (m.offset < to || r === runs.length - 1))
      .map((m) => ({ ...m, offset: Math.max(0, Math.min(text.length, m.offset - from - lead)) }));
    if (markers?.length) next.markers = markers;
    if (text) out.push(next);
  });
  return out;
}

function withSpeaker(turn: Turn, speaker: string | null): Turn {
  return speaker ? { ...turn, speaker, attributed: true } : { ...turn };
}

function mergeSpeakers(
  existing: readonly Speaker[],
  labels: Labels,
  used: ReadonlySet<string>,
): Speaker[] {
  const out = [...existing];
  const add = (name: string, role: Speaker['role']): void => {
    if (used.has(name) && !out.some((s) => s.name === name)) out.push({ name, role });
  };
  add(labels.host, 'host');
  if (labels.guest) add(labels.guest, 'guest');
  return out;
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
