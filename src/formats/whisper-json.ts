// Whisper JSON as the common tools write it:
// - openai-whisper `--output_format json`:
//   {text, segments: [{id, seek, start, end, text, tokens, …, words?}], language};
//   stable-ts and faster-whisper dumps have the same segments (faster-whisper's namedtuple words become
//   [start, end, word, probability] lists), sometimes as a bare top-level list;
// - the OpenAI API's verbose_json: {task, language: "english", duration, text, segments?, words?};
// - WhisperX: segments with "speaker" ("SPEAKER_00") and words with "speaker", plus word_segments;
// - whisper.cpp `-oj`/`-ojf`:
//   {systeminfo, model, params, result: {language}, transcription: [{timestamps, offsets, text, tokens?}]};
// - insanely-fast-whisper (transformers pipeline): {speakers: [...], chunks: [{timestamp: [start, end], text}], text}.
import { z } from 'zod';
import type { EpisodeFragment, Turn } from '../model/episode.js';
import { InputError } from '../model/errors.js';
import { formatPath, parseJsonInput, validated } from './json-input.js';
import { normalizeLanguage } from './language.js';
import { cleanSpeaker } from './names.js';
import type { Reader } from './reader.js';
import { parseClock, splitSentences } from './text.js';
import {
  type TimedPiece,
  checkedEnd,
  estimatedEnd,
  estimateTurns,
  isWordLevel,
  joinPieces,
  mergeIntoSentences,
  piecesToTurns,
  sortByStart,
  timedFragment,
} from './turns.js';

// ---------------------------------------------------------------------------------------------------------------
// Shapes

const time = z.number().min(0);
const optionalTime = time.nullish();
const speakerLabel = z.string().nullish();
const language = z.string().nullish();

const wordObject = z.object({
  word: z.string().optional(),
  text: z.string().optional(),
  start: optionalTime,
  end: optionalTime,
  speaker: speakerLabel,
});
const wordTuple = z.tuple([time, time, z.string()], z.unknown());
const wordSchema = z.union([wordObject, wordTuple]);

const segmentSchema = z.object({
  start: optionalTime,
  end: optionalTime,
  text: z.string().optional(),
  speaker: speakerLabel,
  words: z.array(wordSchema).nullish(),
});
type Segment = z.infer<typeof segmentSchema>;
type RawWord = z.infer<typeof wordSchema>;

const segmentsDocument = z.object({ segments: z.array(segmentSchema), language });
const segmentList = z.array(segmentSchema);

const cppSegment = z.object({
  timestamps: z.object({ from: z.string(), to: z.string() }).nullish(),
  offsets: z.object({ from: time, to: time }).nullish(),
  text: z.string(),
  speaker: speakerLabel,
});
const cppDocument = z.object({
  params: z.object({ language }).nullish(),
  result: z.object({ language }).nullish(),
  transcription: z.array(cppSegment),
});

const chunkSchema = z.object({
  timestamp: z.tuple([time.nullable(), time.nullable()]),
  text: z.string(),
  speaker: speakerLabel,
});
const chunksDocument = z.object({
  speakers: z.array(chunkSchema).nullish(),
  chunks: z.array(chunkSchema).nullish(),
  language,
});
const chunkList = z.array(chunkSchema);

const wordsDocument = z.object({
  words: z.array(z.object({ word: z.string(), start: time, end: optionalTime })),
  language,
});
const textDocument = z.object({ text: z.string(), language });

// ---------------------------------------------------------------------------------------------------------------
// Segments (openai-whisper, faster-whisper, stable-ts, WhisperX, the OpenAI API)

interface Word {
  text: string;
  start?: number;
  end?: number;
  speaker: string | null;
}

function normalizeWord(word: RawWord): Word {
  if (Array.isArray(word)) return { start: word[0], end: word[1], text: word[2], speaker: null };
  return {
    text: word.word ?? word.text ?? '',
    start: word.start ?? undefined,
    end: word.end ?? undefined,
    speaker: cleanSpeaker(word.speaker),
  };
}

/** Where `needle` stands in `text` at or just after `from`; a bounded look keeps the whole search linear. */
function findNear(text: string, needle: string, from: number): number {
  const at = text.slice(from, from + needle.length + 64).indexOf(needle);
  return at === -1 ? -1 : from + at;
}

interface SpeakerRun {
  speaker: string | null;
  words: Word[];
}

/** Runs of one speaker's words; words WhisperX could not time (so left without a speaker) join their neighbours. */
function speakerRuns(words: readonly Word[], fallback: string | null): SpeakerRun[] {
  const firstKnown = words.find((w) => w.speaker !== null)?.speaker ?? fallback;
  const runs: SpeakerRun[] = [];
  for (const word of words) {
    const last = runs[runs.length - 1];
    const speaker = word.speaker ?? last?.speaker ?? firstKnown;
    if (last && last.speaker === speaker) last.words.push(word);
    else runs.push({ speaker, words: [word] });
  }
  return runs;
}

/** The segment's own text cut where each run's first word stands, or null when the words cannot all be found in it. */
function cutText(text: string, runs: readonly SpeakerRun[]): string[] | null {
  const cuts: number[] = [0];
  let cursor = 0;
  for (let r = 0; r < runs.length; r++) {
    let first = true;
    for (const word of runs[r]!.words) {
      const needle = word.text.trim();
      if (!needle) continue;
      const at = findNear(text, needle, cursor);
      if (at === -1) return null;
      if (first && r > 0) cuts.push(at);
      first = false;
      cursor = at + needle.length;
    }
    if (first && r > 0) return null;
  }
  return cuts.map((from, i) => text.slice(from, cuts[i + 1] ?? text.length));
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

/**
 * One piece per segment, or, when its words carry speakers that change inside it (WhisperX), one per speaker run, timed
 * by the runs' words and kept inside the segment's span.
 */
function splitAtSpeakerChanges(segment: TimedPiece, words: readonly Word[]): TimedPiece[] {
  if (!words.some((w) => w.speaker !== null)) return [segment];
  const runs = speakerRuns(words, segment.speaker);
  if (runs.length === 1) return [{ ...segment, speaker: segment.speaker ?? runs[0]!.speaker }];

  const texts =
    cutText(segment.text, runs) ?? runs.map((run) => joinPieces(run.words.map((w) => w.text)));
  const pieces: TimedPiece[] = runs.map((run, r) => ({
    speaker: run.speaker,
    start: run.words.find((w) => w.start !== undefined)?.start ?? Number.NaN,
    end: run.words.findLast((w) => w.end !== undefined)?.end ?? Number.NaN,
    text: texts[r]!,
  }));
  const last = pieces.length - 1;
  pieces.forEach((piece, r) => {
    if (r === 0) piece.start = segment.start;
    else {
      const previous = pieces[r - 1]!;
      const previousEnd = Number.isNaN(previous.end) ? previous.start : previous.end;
      const guess = Number.isNaN(piece.start) ? previousEnd : piece.start;
      piece.start = clamp(guess, previous.start, segment.end);
    }
  });
  for (let r = last; r >= 0; r--) {
    const piece = pieces[r]!;
    const guess = r === last ? segment.end : Number.isNaN(piece.end) ? pieces[r + 1]!.start : piece.end;
    piece.end = clamp(guess, piece.start, segment.end);
  }
  return pieces;
}

interface SegmentDraft {
  start: number;
  end: number | null;
  text: string;
  speaker: string | null;
  words: Word[];
}

function segmentPieces(segments: readonly Segment[], prefix: readonly (string | number)[]): TimedPiece[] {
  const drafts: SegmentDraft[] = [];
  segments.forEach((segment, i) => {
    const field = (name: string): string => formatPath([...prefix, i, name]);
    const words = (segment.words ?? []).map(normalizeWord);
    const text = segment.text ?? joinPieces(words.map((w) => w.text));
    if (text.trim().length === 0) return; // empty segments carry nothing
    const start = segment.start ?? words.find((w) => w.start !== undefined)?.start;
    if (start === undefined) throw new InputError('missing start time', { field: field('start') });
    const givenEnd = segment.end ?? words.findLast((w) => w.end !== undefined)?.end;
    const end = givenEnd === undefined ? null : checkedEnd(start, givenEnd, field('end'));
    drafts.push({ start, end, text, speaker: cleanSpeaker(segment.speaker), words });
  });
  sortByStart(drafts);
  return drafts.flatMap((draft, i) => {
    const end = draft.end ?? estimatedEnd(draft.start, draft.text, drafts[i + 1]?.start);
    return splitAtSpeakerChanges({ speaker: draft.speaker, start: draft.start, end, text: draft.text }, draft.words);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// whisper.cpp

type CppSegment = z.infer<typeof cppSegment>;

/** whisper.cpp's `--diarize` labels are stereo channel numbers ("0", "1") or "?" when unsure. */
function cppSpeaker(raw: string | null | undefined): string | null {
  const label = (raw ?? '').trim().replace(/^\((.*)\)$/, '$1').trim();
  if (!label || label === '?') return null;
  const number = /^(?:speaker\s*)?(\d{1,3})$/i.exec(label);
  return number ? `Speaker ${number[1]}` : cleanSpeaker(label);
}

function cppTime(segment: CppSegment, i: number, side: 'from' | 'to'): number {
  if (segment.offsets) return segment.offsets[side] / 1000;
  if (segment.timestamps) {
    const raw = segment.timestamps[side];
    const seconds = parseClock(raw);
    if (seconds === null) {
      throw new InputError(`${JSON.stringify(raw.slice(0, 30))} is not a time`, {
        field: `transcription[${i}].timestamps.${side}`,
      });
    }
    return seconds;
  }
  throw new InputError('missing times (expected "offsets" or "timestamps")', { field: `transcription[${i}]` });
}

function cppPieces(transcription: readonly CppSegment[]): TimedPiece[] {
  const pieces: TimedPiece[] = [];
  transcription.forEach((segment, i) => {
    if (segment.text.trim().length === 0) return;
    const start = cppTime(segment, i, 'from');
    const side = segment.offsets ? 'offsets.to' : 'timestamps.to';
    const end = checkedEnd(start, cppTime(segment, i, 'to'), `transcription[${i}].${side}`);
    pieces.push({ speaker: cppSpeaker(segment.speaker), start, end, text: segment.text });
  });
  return sortByStart(pieces);
}

// ---------------------------------------------------------------------------------------------------------------
// transformers pipeline chunks (insanely-fast-whisper)

type Chunk = z.infer<typeof chunkSchema>;

/**
 * The pipeline leaves the last chunk's end null (and rarely a start): a missing start follows the previous chunk, a
 * missing end comes from the speech rate, capped by the next start.
 */
function chunkPieces(chunks: readonly Chunk[], name: string): TimedPiece[] {
  const drafts: { start: number; end: number | null; text: string; speaker: string | null }[] = [];
  chunks.forEach((chunk, i) => {
    if (chunk.text.trim().length === 0) return;
    const [givenStart, givenEnd] = chunk.timestamp;
    const previous = drafts[drafts.length - 1];
    const start = givenStart ?? previous?.end ?? previous?.start ?? 0;
    const end = givenEnd === null ? null : checkedEnd(start, givenEnd, `${name}[${i}].timestamp[1]`);
    drafts.push({ start, end, text: chunk.text, speaker: cleanSpeaker(chunk.speaker) });
  });
  sortByStart(drafts);
  return drafts.map((d, i) => ({ ...d, end: d.end ?? estimatedEnd(d.start, d.text, drafts[i + 1]?.start) }));
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

interface Read {
  pieces: TimedPiece[];
  language?: string | null;
  /** Whether the tool can write one word per item (whisper.cpp -ml 1, pipeline word chunks, API words). */
  mayBeWords?: boolean;
}

function has(data: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(data, key);
}

function firstItem(list: readonly unknown[]): Record<string, unknown> | null {
  const first = list[0];
  const isRecord = first !== null && typeof first === 'object' && !Array.isArray(first);
  return isRecord ? (first as Record<string, unknown>) : null;
}

function readShape(data: unknown): Read | { untimed: string; language?: string | null } {
  if (Array.isArray(data)) {
    const first = firstItem(data);
    if (first && has(first, 'timestamp')) {
      return { pieces: chunkPieces(validated(chunkList, data), ''), mayBeWords: true };
    }
    return { pieces: segmentPieces(validated(segmentList, data), []) };
  }
  if (data === null || typeof data !== 'object') {
    throw new InputError('the document should be a JSON object or list of Whisper segments');
  }
  if (has(data, 'transcription')) {
    const doc = validated(cppDocument, data);
    const language = doc.result?.language ?? doc.params?.language;
    return { pieces: cppPieces(doc.transcription), language, mayBeWords: true };
  }
  if (has(data, 'chunks') || has(data, 'speakers')) {
    const doc = validated(chunksDocument, data);
    const useSpeakers = (doc.speakers?.length ?? 0) > 0;
    const list = (useSpeakers ? doc.speakers : doc.chunks) ?? [];
    return { pieces: chunkPieces(list, useSpeakers ? 'speakers' : 'chunks'), language: doc.language, mayBeWords: true };
  }
  if (has(data, 'segments')) {
    const doc = validated(segmentsDocument, data);
    const pieces = segmentPieces(doc.segments, ['segments']);
    if (pieces.length > 0 || !has(data, 'words')) return { pieces, language: doc.language };
  }
  if (has(data, 'words')) {
    const doc = validated(wordsDocument, data);
    const pieces = doc.words.map((w, i) => ({
      speaker: null,
      start: w.start,
      end: w.end === null || w.end === undefined ? w.start : checkedEnd(w.start, w.end, `words[${i}].end`),
      text: w.word,
    }));
    return { pieces: sortByStart(pieces), language: doc.language, mayBeWords: true };
  }
  if (has(data, 'text')) {
    const doc = validated(textDocument, data);
    return { untimed: doc.text, language: doc.language };
  }
  throw new InputError('no Whisper transcript found (expected "segments", "transcription", "chunks" or "words")');
}

/**
 * whisper.cpp (before 1.5) escaped only quotes and backslashes in its JSON, so a raw control character in a text or a
 * Windows path in params.model ("D:\models\ggml-base.bin") makes the file invalid. This escapes both, inside strings
 * only.
 */
function repairStrings(text: string): string {
  const parts: string[] = [];
  let from = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!inString) {
      if (c === 34) inString = true;
      continue;
    }
    if (c === 92) {
      if ('"\\/bfnrtu'.includes(text[i + 1] ?? '')) i++;
      else {
        parts.push(text.slice(from, i), '\\\\');
        from = i + 1;
      }
    } else if (c === 34) {
      inString = false;
    } else if (c < 32) {
      parts.push(text.slice(from, i), `\\u${c.toString(16).padStart(4, '0')}`);
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  return parts.join('');
}

function untimedTurns(text: string): Turn[] {
  const estimated = estimateTurns(splitSentences(text).map((sentence) => ({ text: sentence })));
  return piecesToTurns(estimated, 'estimated');
}

function readWhisperJson(text: string): EpisodeFragment {
  const data = parseJsonInput(text, (raw, message) =>
    /control character|escaped character|Bad escape/i.test(message) ? repairStrings(raw) : null,
  );
  const shape = readShape(data);
  const language = normalizeLanguage(shape.language);
  if ('untimed' in shape) {
    const turns = untimedTurns(shape.untimed);
    if (turns.length === 0) throw new InputError('the transcript has no text', { field: 'text' });
    const fragment: EpisodeFragment = { meta: {}, transcript: { turns } };
    if (language) fragment.meta.language = language;
    return fragment;
  }
  const pieces = shape.mayBeWords && isWordLevel(shape.pieces) ? mergeIntoSentences(shape.pieces) : shape.pieces;
  const turns = piecesToTurns(pieces);
  if (turns.length === 0) throw new InputError('no segment has any text');
  return timedFragment(turns, language);
}

// ---------------------------------------------------------------------------------------------------------------
// Detection

const DETECT_WINDOW = 8192;
const key = (name: string): RegExp => new RegExp(`(?<!\\\\)"${name}"\\s*:`);
const PODCASTING20_KEYS = key('(?:startTime|endTime|body)');
const WHISPER_CPP = key('systeminfo');
const TRANSCRIPTION = key('transcription');
const OFFSETS = key('offsets');
const CHUNKS = key('chunks');
const TIMESTAMP = key('timestamp');
const API_TASK = /(?<!\\)"task"\s*:\s*"(?:transcribe|translate)"/;
const WHISPER_KEYS = key('(?:avg_logprob|no_speech_prob|compression_ratio|word_segments|seek)');
const SEGMENTS = key('segments');
const START = key('start');
const END = key('end');
const TEXT = key('text');
const WORDS = key('words');
const WORD = key('word');

/**
 * Looks at the head and the tail: openai-whisper writes the whole text first, so its segments' telltale keys may only
 * show near the end of the file.
 */
function detectWhisperJson(text: string): number {
  const head = text.slice(0, DETECT_WINDOW);
  const first = head.trimStart()[0];
  if (first !== '{' && first !== '[') return 0;
  const tail = text.length > DETECT_WINDOW ? text.slice(-DETECT_WINDOW) : '';
  const sample = `${head}\n${tail}`;
  if (PODCASTING20_KEYS.test(head)) return 0;
  if (WHISPER_CPP.test(head) || (TRANSCRIPTION.test(head) && OFFSETS.test(head))) return 1;
  if (CHUNKS.test(sample) && TIMESTAMP.test(sample)) return 1;
  if (API_TASK.test(head) || WHISPER_KEYS.test(sample)) return 1;
  const timed = START.test(sample) && END.test(sample);
  if (SEGMENTS.test(sample) && timed && TEXT.test(sample)) return 0.8;
  if (WORDS.test(sample) && WORD.test(sample) && timed) return 0.7;
  if (first === '[' && timed && TEXT.test(head)) return 0.7;
  return 0;
}

export const whisperJsonReader: Reader = {
  id: 'whisper-json',
  label: 'Whisper JSON',
  detect: (text) => detectWhisperJson(text),
  read: (text) => readWhisperJson(text),
};
