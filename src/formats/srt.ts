// SubRip (SRT). No formal specification; the de facto shape (as the Matroska subtitle notes and libraries such as
// pysrt, srt and subsrt describe it) is blocks of: a counter line, "HH:MM:SS,mmm --> HH:MM:SS,mmm", text lines, a
// blank line. Files in the wild bend every part of it, so the reader anchors on the timing lines alone: the text of a
// cue is everything up to the next timing line, less that cue's counter line (whatever it says: "7", "7a", a repeat).
import type { EpisodeFragment } from '../model/episode.js';
import { InputError } from '../model/errors.js';
import { isBlank, parseTimingLine, type TimedCue } from './cues.js';
import type { Reader } from './reader.js';
import { formatClock, stripControls, stripMarkup } from './text.js';
import { cueTurns, lastEnd } from './turns.js';

/** A timing line as detection sees it: "0:0:5,2 --> 0:0:7", "00:01:02.500 --> 00:01:04.000 X1:10". */
const TIMING_LINE =
  /^\s*\d{1,3}:\d{1,2}(?::\d{1,2})?(?:[.,]\d{1,3})?\s*-->\s*\d{1,3}:\d{1,2}(?::\d{1,2})?(?:[.,]\d{1,3})?(?:\s|$)/;


/** How much of the file detection looks at. */
const DETECT_PREFIX = 4096;
const DETECT_LINES = 40;

export const srtReader: Reader = {
  id: 'srt',
  label: 'SubRip (SRT)',
  detect(text, filename) {
    const head = text.slice(0, DETECT_PREFIX);
    // WebVTT has its own reader; JSON, XML and HTML that quote a timing line are not subtitles.
    if (/^\s*(?:WEBVTT|[{[<])/.test(head)) return 0;
    const lines = head.split('\n', DETECT_LINES);
    let first = 0;
    while (first < lines.length && isBlank(lines[first]!)) first++;
    let score = 0;
    if (first < lines.length) {
      const line = lines[first]!;
      const next = lines[first + 1] ?? '';
      if (TIMING_LINE.test(line)) score = 0.9;
      else if (TIMING_LINE.test(next)) score = /^\s*\d+\s*$/.test(line) ? 0.95 : 0.85;
      else if (lines.some((l) => TIMING_LINE.test(l))) score = 0.6;
      // A malformed timing line still makes a subtitle file, better refused with its line number than read as prose.
      else if (lines.some(isArrowLine)) score = 0.5;
    }
    if (score > 0 && /\.srt$/i.test(filename)) score = Math.min(1, score + 0.05);
    return score;
  },
  read(text) {
    const cues = readCues(text);
    const turns = cueTurns(cues, 'sort');
    if (turns.length === 0) throw new InputError('every subtitle cue is empty', { line: cues[0]!.line });
    const fragment: EpisodeFragment = { meta: { duration: lastEnd(turns) }, transcript: { turns } };
    return fragment;
  },
};

/** "something --> something", one token with a digit on each side: a timing line, if perhaps a broken one. */
function isArrowLine(line: string): boolean {
  const arrow = line.indexOf('-->');
  if (arrow === -1) return false;
  const start = line.slice(0, arrow).trim();
  const end = line.slice(arrow + 3).trimStart();
  return /\d/.test(start) && !/\s/.test(start) && /^\S*\d/.test(end);
}

function readCues(text: string): TimedCue[] {
  const lines = stripControls(text).split('\n');
  const timingRows: number[] = [];
  for (let i = 0; i < lines.length; i++) if (lines[i]!.includes('-->')) timingRows.push(i);
  if (timingRows.length === 0) {
    throw new InputError('no subtitle cue found: an SRT file needs timing lines like "00:00:01,000 --> 00:00:03,500"', {
      line: 1,
    });
  }
  return timingRows.map((row, k) => {
    const line = row + 1;
    const timing = parseTimingLine(lines[row]!);
    if ('error' in timing) throw new InputError(timing.error, { line });
    if (timing.end < timing.start) {
      throw new InputError(`end time ${formatClock(timing.end, 'millis')} is before start time ${formatClock(timing.start, 'millis')}`, { line });
    }
    const next = timingRows[k + 1];
    let stop = next ?? lines.length;
    if (next !== undefined && isCounterLine(lines, next - 1, row)) stop = next - 1;
    const payload = lines.slice(row + 1, stop);
    return { start: timing.start, end: timing.end, line, texts: [{ speaker: null, text: cleanSubRip(payload) }] };
  });
}

/**
 * Whether the line before a timing line is that cue's counter rather than the previous cue's last line of text. It
 * is when a blank line separates it from the text above (so "1a", "#7" or a repeated number all count), or when it is
 * a bare number and the previous cue had text of its own (the blank line was forgotten).
 */
function isCounterLine(lines: string[], at: number, previousTimingRow: number): boolean {
  if (at <= previousTimingRow + 1 || isBlank(lines[at]!)) return false;
  return isBlank(lines[at - 1]!) || /^\s*\d+\s*$/.test(lines[at]!);
}

/**
 * SRT text to plain text: HTML-like tags (<i>, <b>, <u>, <font color>) and entities as in HTML, ASS override
 * blocks ("{\an8}", "{\i1}") and ASS line breaks ("\N") as players that accept them treat them.
 */
function cleanSubRip(payload: string[]): string {
  let text = payload.map((l) => l.trim()).join('\n').trim();
  if (text.includes('{')) text = text.replace(/\{\\[^{}\n]*\}/g, '');
  if (text.includes('\\')) text = text.replace(/\\[Nn]/g, '\n').replace(/\\h/g, ' ');
  return stripMarkup(text);
}
