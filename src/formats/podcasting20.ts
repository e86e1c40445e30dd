// Podcasting 2.0 JSON transcripts (podcast namespace, transcripts/transcripts.md):
// {"version": "1.0.0", "segments": [{"speaker": "...", "startTime": 0.5, "endTime": 0.75, "body": "I"}, ...]}.
// Files in the wild hold one word per segment (the spec's own example does) or caption-sized pieces, so segments are
// merged into sentence-sized turns. The JSON helpers and the merging here are shared with the Whisper JSON reader.
import { z } from 'zod';
import type { EpisodeFragment, Turn } from '../model/episode.js';
import { InputError } from '../model/errors.js';
import { cleanSpeaker, makeTurn, speakersOf } from './podcast-html.js';
import type { Reader } from './reader.js';
import { JsonSyntaxError, WORDS_PER_SECOND, countWords, parseJson, round } from './text.js';

// ---------------------------------------------------------------------------------------------------------------
// JSON at the trust boundary

/** 1-based line of a character position. */
function lineAt(text: string, position: number): number {
  let line = 1;
  const stop = Math.min(position, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < stop; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Parses JSON, turning a syntax error into an InputError that names the line. */
export function parseJsonInput(text: string): unknown {
  try {
    return parseJson(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    throw jsonInputError(text, error.message);
  }
}

/**
 * An InputError from V8's JSON.parse message, which gives either "… in JSON at position 123" or
 * "Unexpected token 'N', …"context"… is not valid JSON" (the context is then found in the text for the line).
 */
export function jsonInputError(text: string, message: string): InputError {
  const at = /at position (\d+)/.exec(message);
  const context = /, (?:\.\.\.)?"(.*?)"(?:\.\.\.)? is not valid JSON$/s.exec(message);
  let position = text.length;
  if (at) position = Number(at[1]);
  else if (context && context[1]) {
    const found = text.indexOf(context[1]);
    if (found !== -1) position = found;
  }
  const why = message
    .replace(/\s*in JSON at position \d+.*$/s, '')
    .replace(/, (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s, '');
  const truncated = /unexpected end/i.test(why) || position >= text.trimEnd().length;
  const reason = truncated
    ? 'the JSON ends too early (truncated file?)'
    : `not valid JSON: ${why.charAt(0).toLowerCase()}${why.slice(1)}`;
  return new InputError(reason, { line: lineAt(text, position) });
}

type PathPart = PropertyKey;
interface IssueLike {
  code: string;
  path: PathPart[];
  message: string;
  expected?: unknown;
  minimum?: unknown;
  errors?: IssueLike[][];
}

/** "segments[12].end" from ["segments", 12, "end"]. */
export function formatPath(path: readonly PathPart[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

function valueAt(data: unknown, path: readonly PathPart[]): unknown {
  let value = data;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') {
    return `the text ${JSON.stringify(value.length > 24 ? `${value.slice(0, 24)}…` : value)}`;
  }
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

const EXPECTED: Record<string, string> = {
  number: 'a number',
  string: 'text',
  array: 'a list',
  tuple: 'a list',
  object: 'an object',
  boolean: 'true or false',
};

/** For a failed union, the first issue of the branch that accepted the value's outer type (a list or an object). */
function unionBranch(issue: IssueLike): IssueLike | undefined {
  const firsts = (issue.errors ?? []).map((branch) => branch[0]).filter((i): i is IssueLike => i !== undefined);
  const first = firsts.find((i) => !(i.path.length === 0 && i.code === 'invalid_type')) ?? firsts[0];
  return first ? { ...first, path: [...issue.path, ...first.path] } : undefined;
}

/** The first problem zod found, as an InputError naming the field and saying why in plain words. */
export function inputErrorFromZod(error: z.ZodError, data: unknown, prefix: readonly PathPart[] = []): InputError {
  let issue = error.issues[0] as unknown as IssueLike | undefined;
  if (!issue) return new InputError('unexpected shape');
  for (let depth = 0; issue.code === 'invalid_union' && depth < 4; depth++) {
    const inner = unionBranch(issue);
    if (!inner) break;
    issue = inner;
  }
  const value = valueAt(data, issue.path);
  const path = [...prefix, ...issue.path];
  const field = formatPath(path);
  let reason: string;
  if (typeof value === 'number' && !Number.isFinite(value)) {
    reason = `${value} is not a usable number`;
  } else if (issue.code === 'invalid_type') {
    const expected = EXPECTED[String(issue.expected)] ?? String(issue.expected);
    reason =
      value === undefined ? `missing (expected ${expected})` : `expected ${expected}, got ${describeValue(value)}`;
  } else if (issue.code === 'too_small' && typeof value === 'number' && issue.minimum === 0) {
    reason = `${value} is negative; times are seconds from the start`;
  } else {
    reason = issue.message;
  }
  if (!field) return new InputError(`the document ${reason.replace(/^expected/, 'should be')}`);
  return new InputError(reason, { field });
}

// ---------------------------------------------------------------------------------------------------------------
// Merging timed pieces into turns

/** A timed piece of transcript before cleaning: a word, a caption line or a whole segment. */
export interface TimedPiece {
  speaker: string | null;
  start: number;
  end: number;
  /** Raw text, spacing as written (Whisper words carry their leading space). */
  text: string;
}

const CJK_END = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]$/u;
const CJK_START = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
const ATTACHES_LEFT = /^(?:[,.;:!?%)\]}…»”’]|['’](?:s|t|re|ve|ll|d|m)\b|n['’]t\b)/i;
const OPENS = /[([{«“‘]$/;

/**
 * What goes between two pieces of running text, given the end of the first: nothing when either side has the space,
 * before punctuation and clitics ("," "'s") and between CJK characters; one space otherwise.
 */
function separator(aEnd: string, b: string): '' | ' ' {
  if (!aEnd || !b) return '';
  if (/\s$/.test(aEnd) || /^\s/.test(b)) return '';
  if (ATTACHES_LEFT.test(b) || OPENS.test(aEnd)) return '';
  if (CJK_END.test(aEnd) && CJK_START.test(b)) return '';
  return ' ';
}

/**
 * Joins many pieces (words of a segment, words of a turn). Built as a list and joined once: repeated `+` on a growing
 * string makes a rope that every later look at its end would flatten again.
 */
export function joinPieces(pieces: readonly string[]): string {
  const out: string[] = [];
  let last = '';
  for (const piece of pieces) {
    if (!piece) continue;
    if (last) out.push(separator(last.slice(-2), piece));
    out.push(piece);
    last = piece;
  }
  return out.join('');
}

const SENTENCE_END = /[.!?…。！？]["'”’)\]»]*$/u;
const ABBREVIATION = /(?:^|[\s(])(?:mr|mrs|ms|dr|prof|st|sr|jr|vs|mt|e\.g|i\.e)\.$/i;
const INITIAL = /(?:^|\s)\p{Lu}\.$/u;

/** The last few words of a text, so that checks on a growing turn cost the same at every step. */
function lastWords(text: string): string {
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  const from = Math.max(0, end - 32);
  const tail = text.slice(from, end);
  if (from === 0) return tail;
  const space = tail.search(/\s/);
  return space === -1 ? tail : tail.slice(space + 1);
}

/** Whether text ends a sentence: closing punctuation that is not a title ("Dr.") or an initial ("J."). */
export function endsSentence(text: string): boolean {
  const tail = lastWords(text);
  return SENTENCE_END.test(tail) && !ABBREVIATION.test(tail) && !INITIAL.test(tail);
}

export interface MergeLimits {
  /** Longest silence (seconds) inside one turn. */
  maxGap: number;
  /** Longest turn (seconds) when nobody finishes a sentence. */
  maxSpan: number;
}

export const SENTENCE_LIMITS: MergeLimits = { maxGap: 2, maxSpan: 30 };

interface Merging {
  piece: TimedPiece;
  texts: string[];
}

/**
 * Merges consecutive pieces of one speaker into sentence-sized pieces: a piece ends at sentence-ending punctuation,
 * at a change of speaker, before a gap over `maxGap` and before it would span more than `maxSpan`. Times stay exact.
 */
export function mergeIntoSentences(pieces: readonly TimedPiece[], limits: MergeLimits = SENTENCE_LIMITS): TimedPiece[] {
  const out: TimedPiece[] = [];
  let current: Merging | null = null;
  const finish = (merging: Merging): void => {
    out.push({ ...merging.piece, text: joinPieces(merging.texts) });
  };
  for (const piece of pieces) {
    const open = current?.piece;
    if (
      current !== null &&
      open !== undefined &&
      open.speaker === piece.speaker &&
      piece.start - open.end <= limits.maxGap &&
      piece.end - open.start <= limits.maxSpan &&
      !endsSentence(current.texts[current.texts.length - 1] ?? '')
    ) {
      current.texts.push(piece.text);
      open.end = Math.max(open.end, piece.end);
    } else {
      if (current !== null) finish(current);
      current = { piece: { ...piece }, texts: [piece.text] };
    }
  }
  if (current !== null) finish(current);
  return out;
}

/** Whether pieces are single words (word-level output) rather than phrases or sentences. */
export function isWordLevel(pieces: readonly TimedPiece[]): boolean {
  if (pieces.length < 2) return false;
  let words = 0;
  for (const piece of pieces) words += countWords(piece.text);
  return words / pieces.length <= 1.5;
}

/** Orders pieces by start time (stable, so equal starts keep file order); a no-op for the usual sorted input. */
export function sortByStart<T extends { start: number }>(items: T[]): T[] {
  for (let i = 1; i < items.length; i++) {
    if (items[i]!.start < items[i - 1]!.start) return items.sort((a, b) => a.start - b.start);
  }
  return items;
}

/** Seconds a text takes at the measured speech rate. */
export function spokenSeconds(text: string): number {
  return Math.max(1, countWords(text)) / WORDS_PER_SECOND;
}

/**
 * An end time for a piece whose file gives none: when its words would take at the speech rate, but not past the next
 * piece's start.
 */
export function estimatedEnd(start: number, text: string, nextStart: number | undefined): number {
  const spoken = start + spokenSeconds(text);
  return nextStart !== undefined && nextStart > start ? Math.min(spoken, nextStart) : spoken;
}

/** How far (seconds) an end may fall before its start and still be read as rounding noise (then set to the start). */
export const END_SLACK = 1;

/** Checks an end against its start: tiny inversions are clamped, larger ones are refused naming the field. */
export function checkedEnd(start: number, end: number, field: string): number {
  if (end >= start) return end;
  if (start - end <= END_SLACK) return start;
  throw new InputError(`end time ${round(end)} is before start time ${round(start)}`, { field });
}

/** Cleaned turns from pieces; pieces left with neither words nor markers are dropped. */
export function piecesToTurns(pieces: readonly TimedPiece[], timing: Turn['timing'] = 'exact'): Turn[] {
  const turns: Turn[] = [];
  for (const piece of pieces) {
    const turn = makeTurn(piece.text, piece.speaker, piece.start, piece.end, timing);
    if (turn) turns.push(turn);
  }
  return turns;
}

/** A fragment from turns: speakers in order of appearance, duration as the last end. */
export function timedFragment(turns: Turn[], language?: string): EpisodeFragment {
  const fragment: EpisodeFragment = { meta: {}, transcript: { turns } };
  let duration = 0;
  for (const turn of turns) duration = Math.max(duration, turn.end);
  if (turns.length > 0) fragment.meta.duration = round(duration);
  if (language) fragment.meta.language = language;
  const speakers = speakersOf(turns);
  if (speakers.length > 0) fragment.speakers = speakers;
  return fragment;
}

// ---------------------------------------------------------------------------------------------------------------
// The Podcasting 2.0 JSON reader

const seconds = z.number().min(0);
const segmentSchema = z.object({
  speaker: z.string().nullish(),
  startTime: seconds,
  endTime: seconds.nullish(),
  body: z.string(),
});
const documentSchema = z.object({ segments: z.array(segmentSchema) });

function readPodcasting20(text: string): EpisodeFragment {
  const data = parseJsonInput(text);
  if (Array.isArray(data)) {
    throw new InputError(
      'the document is a JSON list; a Podcasting 2.0 transcript is an object with a "segments" list',
    );
  }
  const parsed = documentSchema.safeParse(data);
  if (!parsed.success) throw inputErrorFromZod(parsed.error, data);
  const segments = parsed.data.segments;

  const pieces: TimedPiece[] = [];
  segments.forEach((segment, i) => {
    const start = segment.startTime;
    const end =
      segment.endTime === null || segment.endTime === undefined
        ? null
        : checkedEnd(start, segment.endTime, `segments[${i}].endTime`);
    pieces.push({ speaker: cleanSpeaker(segment.speaker), start, end: end ?? Number.NaN, text: segment.body });
  });
  sortByStart(pieces);
  // Segments without an end ("if available", says the spec) end when their words would, or at the next start.
  pieces.forEach((piece, i) => {
    if (Number.isNaN(piece.end)) piece.end = estimatedEnd(piece.start, piece.text, pieces[i + 1]?.start);
  });

  const turns = piecesToTurns(mergeIntoSentences(pieces));
  if (turns.length === 0) throw new InputError('no segment has any text', { field: 'segments' });
  return timedFragment(turns);
}

const DETECT_PREFIX = 4096;

function detectPodcasting20(text: string): number {
  const head = text.slice(0, DETECT_PREFIX);
  if (!head.trimStart().startsWith('{')) return 0;
  if (!/(?<!\\)"segments"\s*:/.test(head)) return 0;
  const ownKeys = /(?<!\\)"(?:startTime|endTime|body)"\s*:/.test(head);
  const version = /(?<!\\)"version"\s*:/.test(head);
  if (ownKeys) return version ? 1 : 0.9;
  return version ? 0.6 : 0;
}

export const podcasting20Reader: Reader = {
  id: 'podcasting20',
  label: 'Podcasting 2.0 JSON transcript',
  detect: (text) => detectPodcasting20(text),
  read: (text) => readPodcasting20(text),
};
