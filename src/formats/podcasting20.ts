// Podcasting 2.0 JSON transcripts (podcast namespace, transcripts/transcripts.md):
// {"version": "1.0.0", "segments": [{"speaker": "...", "startTime": 0.5, "endTime": 0.75, "body": "I"}, ...]}.
// Files in the wild hold one word per segment (the spec's own example does) or caption-sized pieces, so segments are
// merged into sentence-sized turns.
import { z } from 'zod';
import type { EpisodeFragment } from '../model/episode.js';
import { InputError } from '../model/errors.js';
import { parseJsonInput, validated } from './json-input.js';
import { cleanSpeaker } from './names.js';
import type { Reader } from './reader.js';
import {
  checkedEnd,
  estimatedEnd,
  mergeIntoSentences,
  piecesToTurns,
  sortByStart,
  timedFragment,
  type TimedPiece,
} from './turns.js';

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
  const { segments } = validated(documentSchema, data);

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
