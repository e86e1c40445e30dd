// Turning what readers find (cues, timed pieces of text, untimed paragraphs) into the model's turns: cleaned text with
// markers set aside, times given, estimated or repaired, speakers carried, and the fragment that holds them.
import type { EpisodeFragment, EpisodeMeta, Speaker, Timing, Turn } from '../model/episode.js';
import { InputError } from '../model/errors.js';
import { splitDialogue, type TimedCue } from './cues.js';
import { extractMarkers } from './markers.js';
import { countWords, plainText, round, squash, WORDS_PER_SECOND } from './text.js';

/** A turn from raw text (tags, entities and markers dealt with), or null when neither words nor markers are left. */
export function makeTurn(raw: string, speaker: string | null, start: number, end: number, timing: Timing): Turn | null {
  return turnOf(plainText(raw), speaker, round(start), round(Math.max(start, end)), timing);
}

/**
 * makeTurn for text already free of markup and times already rounded and ordered: cue readers call it for every cue,
 * and a new number object per time would be most of what a 60 MB corpus keeps the garbage collector busy with.
 */
function turnOf(clean: string, speaker: string | null, start: number, end: number, timing: Timing): Turn | null {
  const { text, markers } = extractMarkers(squash(clean));
  if (!text && markers.length === 0) return null;
  const turn: Turn = { speaker, start, end, timing, text };
  if (markers.length > 0) turn.markers = markers;
  return turn;
}

/** Clean text with its markers moved out, as a turn carries them. */
export function withMarkers(turn: Turn): Turn {
  const { text, markers } = extractMarkers(turn.text);
  return markers.length > 0 ? { ...turn, text, markers } : turn;
}

function compact(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '');
}

/**
 * Every speaker once, in order of appearance. With the episode's facts, the host is the one the show is named after
 * and guests are those the title names.
 */
export function speakersOf(turns: readonly Turn[], meta: EpisodeMeta = {}): Speaker[] {
  const show = meta.show ? compact(meta.show) : '';
  const guests = new Set((meta.guests ?? []).map(compact));
  const seen = new Map<string, Speaker>();
  for (const turn of turns) {
    if (turn.speaker === null || seen.has(turn.speaker)) continue;
    const key = compact(turn.speaker);
    const speaker: Speaker = { name: turn.speaker };
    if (key.length >= 4 && show.includes(key)) speaker.role = 'host';
    else if (guests.has(key)) speaker.role = 'guest';
    seen.set(turn.speaker, speaker);
  }
  return [...seen.values()];
}

/** The latest end time: what a transcript says about the episode's length. */
export function lastEnd(turns: readonly Turn[]): number {
  let end = 0;
  for (const turn of turns) if (turn.end > end) end = turn.end;
  return end;
}

/** A fragment from timed turns: speakers in order of appearance, duration as the last end. */
export function timedFragment(turns: Turn[], language?: string): EpisodeFragment {
  const fragment: EpisodeFragment = { meta: {}, transcript: { turns } };
  if (turns.length > 0) fragment.meta.duration = round(lastEnd(turns));
  if (language) fragment.meta.language = language;
  const speakers = speakersOf(turns);
  if (speakers.length > 0) fragment.speakers = speakers;
  return fragment;
}

// ---------------------------------------------------------------------------------------------------------------
// Times

/** Seconds a text takes at the measured speech rate (at least one word's worth). */
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

/** Orders items by start time (stable, so equal starts keep file order); a no-op for the usual sorted input. */
export function sortByStart<T extends { start: number }>(items: T[]): T[] {
  for (let i = 1; i < items.length; i++) {
    if (items[i]!.start < items[i - 1]!.start) return items.sort((a, b) => a.start - b.start);
  }
  return items;
}

/** Untimed texts laid end to end from 0 at the measured speech rate, as estimated turns. */
export function estimateTurns(items: { text: string; speaker?: string | null }[]): Turn[] {
  let t = 0;
  return items.map((item) => {
    const duration = spokenSeconds(item.text);
    const turn: Turn = { speaker: item.speaker ?? null, start: round(t), end: round(t + duration), timing: 'estimated', text: item.text };
    t += duration;
    return turn;
  });
}

export interface Timed {
  start: number;
  end: number;
  timing: Timing;
}

/**
 * Gives every item a start and end when only some have a time. Given times are kept (exact) unless they go backwards,
 * in which case they are treated as missing. Items between two given times share that span in proportion to their
 * words; items before the first given time share [0, first]; items after the last one (or all, when none is given)
 * follow the speech rate. Each item ends at its given end, else where the next one starts; the last one after its
 * words at the speech rate.
 */
export function assignTimes(items: readonly { time: number | null; end?: number; words: number }[]): Timed[] {
  let last = -Infinity;
  const anchors = items.map((item) => {
    if (item.time !== null && Number.isFinite(item.time) && item.time >= last) {
      last = item.time;
      return item.time;
    }
    return null;
  });
  const starts = new Array<number>(items.length);
  const weight = (i: number): number => Math.max(1, items[i]!.words);

  let i = 0;
  while (i < items.length) {
    if (anchors[i] !== null) {
      starts[i] = anchors[i]!;
      i++;
      continue;
    }
    // A run of untimed items [i, j) between the previous anchor (or 0) and the next one (if any).
    let j = i;
    while (j < items.length && anchors[j] === null) j++;
    const spanStart = i === 0 ? 0 : starts[i - 1]!;
    const next = j < items.length ? anchors[j]! : null;
    if (next === null) {
      let t = i === 0 ? 0 : spanStart + weight(i - 1) / WORDS_PER_SECOND;
      for (let k = i; k < j; k++) {
        starts[k] = t;
        t += weight(k) / WORDS_PER_SECOND;
      }
    } else {
      let total = 0;
      for (let k = i === 0 ? 0 : i - 1; k < j; k++) total += weight(k);
      let before = i === 0 ? 0 : weight(i - 1);
      for (let k = i; k < j; k++) {
        starts[k] = spanStart + ((next - spanStart) * before) / total;
        before += weight(k);
      }
    }
    i = j;
  }

  return items.map((item, k) => {
    const start = starts[k]!;
    const exact = anchors[k] !== null;
    const given = exact && item.end !== undefined && item.end >= start ? item.end : undefined;
    const end = given ?? (k + 1 < items.length ? starts[k + 1]! : start + weight(k) / WORDS_PER_SECOND);
    return { start, end: Math.max(start, end), timing: exact ? 'exact' : 'estimated' };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Subtitle cues

/**
 * How to put cues in time order.
 * - 'sort': players show cues by start time whatever the file order, so cues are sorted by start, stably (cues
 *   starting together keep file order, which is reading order).
 * - 'document': for machine transcripts (Whisper) the file order is the order of speech and a time that goes
 *   backwards is the recogniser's mistake; sorting would scramble sentences. Times are lifted to the previous start
 *   (and ends to their start) instead, and such turns are marked 'estimated'.
 */
export type CueOrder = 'sort' | 'document';

/**
 * Turns cues into turns, one per speaker's part. Captions name a speaker only when the speaker changes, so once any
 * cue has named one, a part without a name continues the current speaker; a dash or ">>" without a name changes to an
 * unnamed one. Voice spans name their own speaker and leave the current one alone.
 */
export function cueTurns(cues: TimedCue[], order: CueOrder): Turn[] {
  const ordered = order === 'sort' ? sortByStart(cues) : cues;
  const turns: Turn[] = [];
  let floor = 0;
  let current: string | null = null;
  let labelled = false;
  for (const cue of ordered) {
    let { start, end } = cue;
    let timing: Timing = 'exact';
    if (order === 'document') {
      if (start < floor) {
        start = floor;
        timing = 'estimated';
      }
      if (end < start) {
        end = start;
        timing = 'estimated';
      }
      floor = start;
    }
    for (const text of cue.texts) {
      for (const part of splitDialogue(text)) {
        if (part.source === 'label') labelled = true;
        if (part.source === 'label' || part.source === 'change') current = part.speaker;
        const speaker = part.source === 'none' ? (labelled ? current : null) : part.speaker;
        // The cue readers have taken controls and markup out already (while they still knew the line breaks).
        const turn = turnOf(part.text, speaker, start, end, timing);
        if (turn) turns.push(turn);
      }
    }
  }
  return turns;
}

// ---------------------------------------------------------------------------------------------------------------
// Merging timed pieces (words, caption lines) into sentence-sized turns

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

/**
 * Merges consecutive pieces of one speaker into sentence-sized pieces: a piece ends at sentence-ending punctuation,
 * at a change of speaker, before a gap over `maxGap` and before it would span more than `maxSpan`. Times stay exact.
 */
export function mergeIntoSentences(pieces: readonly TimedPiece[], limits: MergeLimits = SENTENCE_LIMITS): TimedPiece[] {
  const out: TimedPiece[] = [];
  let open: TimedPiece | null = null;
  let texts: string[] = [];
  const finish = (): void => {
    if (open) out.push({ ...open, text: joinPieces(texts) });
  };
  for (const piece of pieces) {
    if (
      open !== null &&
      open.speaker === piece.speaker &&
      piece.start - open.end <= limits.maxGap &&
      piece.end - open.start <= limits.maxSpan &&
      !endsSentence(texts[texts.length - 1] ?? '')
    ) {
      texts.push(piece.text);
      open.end = Math.max(open.end, piece.end);
    } else {
      finish();
      open = { ...piece };
      texts = [piece.text];
    }
  }
  finish();
  return out;
}

/** Whether pieces are single words (word-level output) rather than phrases or sentences. */
export function isWordLevel(pieces: readonly TimedPiece[]): boolean {
  if (pieces.length < 2) return false;
  let words = 0;
  for (const piece of pieces) words += countWords(piece.text);
  return words / pieces.length <= 1.5;
}

/** Cleaned turns from pieces; pieces left with neither words nor markers are dropped. */
export function piecesToTurns(pieces: readonly TimedPiece[], timing: Timing = 'exact'): Turn[] {
  const turns: Turn[] = [];
  for (const piece of pieces) {
    const turn = makeTurn(piece.text, piece.speaker, piece.start, piece.end, timing);
    if (turn) turns.push(turn);
  }
  return turns;
}
