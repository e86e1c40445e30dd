// WebVTT (W3C "WebVTT: The Web Video Text Tracks Format"): a "WEBVTT" signature line, optional header lines, then
// blocks separated by blank lines: cues ("[identifier]\nstart --> end [settings]\npayload"), NOTE comments, STYLE
// and REGION blocks. Block collection follows the spec's parser (a "-->" line ends the block before it, so a cue
// missing its blank line still counts); cue text follows its tokenizer (voice spans give speakers, other tags go).
// Where the spec's parser silently drops a cue with broken timings, this reader refuses the file and names the line:
// a transcript with a hole in it is worse than an error the user can fix.
import type { EpisodeFragment, EpisodeMeta, Turn } from '../model/episode.js';
import { InputError } from '../model/errors.js';
import { isBlank, parseTimingLine, type CueText, type TimedCue } from './cues.js';
import type { Reader } from './reader.js';
import { formatClock, squash, stripMarkup } from './text.js';
import { cueTurns, lastEnd, type CueOrder } from './turns.js';

export interface WebVttOptions {
  /**
   * 'strict' (files people and tools author): an end time before its start is an error; cues out of order are sorted
   * by start as players do. 'whisper' (machine transcripts known to come from Whisper): file order is speech order,
   * so times that go backwards are repaired in place and marked 'estimated' instead of refusing the file.
   */
  mode?: 'strict' | 'whisper';
}

export interface WebVttDocument {
  turns: Turn[];
  /** The latest cue end, in seconds. */
  duration: number;
  /** From a "Language: en" header line or an ATTRIBUTES block's "lang: es-mx". */
  language?: string;
}

const SIGNATURE = 'WEBVTT';

/** True when the text starts with the WebVTT signature: "WEBVTT" alone on its line or followed by a space or tab. */
export function hasWebVttSignature(text: string): boolean {
  if (!text.startsWith(SIGNATURE)) return false;
  const next = text.charCodeAt(SIGNATURE.length);
  return Number.isNaN(next) || next === 32 || next === 9 || next === 10 || next === 13;
}

/**
 * Parses WebVTT text into turns. Throws InputError (with the line) for a missing signature, a malformed timing line,
 * an end before its start (strict mode) or a file without any cue text.
 */
export function parseWebVtt(input: string, options: WebVttOptions = {}): WebVttDocument {
  const mode = options.mode ?? 'strict';
  const text = normalizeNewlines(input);
  const lines = text.split('\n');
  let i = 0;
  // Players refuse leading blank lines; they are an editing accident, not a different format, so they are skipped.
  while (i < lines.length && isBlank(lines[i]!)) i++;
  if (i >= lines.length || !hasWebVttSignature(lines[i]!.trimStart())) {
    throw new InputError('missing the "WEBVTT" header line at the start of the file', { line: i + 1 });
  }
  i++;

  const header: string[] = [];
  while (i < lines.length && !isBlank(lines[i]!) && !lines[i]!.includes('-->')) header.push(lines[i++]!);
  const info = headerInfo(header);

  const cues: TimedCue[] = [];
  while (i < lines.length) {
    while (i < lines.length && isBlank(lines[i]!)) i++;
    if (i >= lines.length) break;
    let timingRow: number;
    if (lines[i]!.includes('-->')) timingRow = i;
    else if (i + 1 < lines.length && lines[i + 1]!.includes('-->')) timingRow = i + 1;
    else {
      i = skipOtherBlock(lines, i, info);
      continue;
    }
    const cue = readCue(lines, timingRow, mode);
    i = cue.next;
    cues.push(cue.cue);
  }

  if (info.kind === 'metadata') {
    throw new InputError('this WebVTT file is a metadata track (kind: metadata), not a transcript', { line: info.kindLine });
  }
  if (cues.length === 0) throw new InputError('the WebVTT file has no cues', { line: lines.length });
  const order: CueOrder = mode === 'whisper' ? 'document' : 'sort';
  const turns = cueTurns(cues, order);
  if (turns.length === 0) throw new InputError('every cue of the WebVTT file is empty', { line: cues[0]!.line });
  const doc: WebVttDocument = { turns, duration: lastEnd(turns) };
  if (info.language) doc.language = info.language;
  return doc;
}

/**
 * decode.ts does this for files; WebVTT carried inside JSON (Lexicap) arrives with its own line breaks. Only NUL is
 * replaced, as the spec says: scanning every cue for other control characters cost a twentieth of the bulk Lexicap read.
 */
function normalizeNewlines(text: string): string {
  let out = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  if (out.includes('\0')) out = out.replace(/\0/g, '\uFFFD');
  return out;
}

interface HeaderInfo {
  language?: string;
  kind?: string;
  kindLine?: number;
}

/** Header lines are free-form; YouTube and others write "Kind: captions" and "Language: en" there. */
function headerInfo(lines: string[]): HeaderInfo {
  const info: HeaderInfo = {};
  lines.forEach((line, i) => readSetting(line, i + 2, info));
  return info;
}

function readSetting(line: string, lineNumber: number, info: HeaderInfo): void {
  const m = /^\s*(language|lang|kind)\s*:\s*(\S+)\s*$/i.exec(line);
  if (!m) return;
  const key = m[1]!.toLowerCase();
  const value = m[2]!;
  if (key === 'kind') {
    info.kind = value.toLowerCase();
    info.kindLine = lineNumber;
  } else if (/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(value)) {
    info.language = value;
  }
}

/**
 * Skips a block that is not a cue: NOTE comments, STYLE and REGION definitions, ATTRIBUTES (whose "lang:" and
 * "kind:" are kept), or stray text. Like the spec's parser, a "-->" line ends the block: it starts a cue.
 */
function skipOtherBlock(lines: string[], from: number, info: HeaderInfo): number {
  const attributes = /^ATTRIBUTES\s*$/.test(lines[from]!);
  let i = from + 1;
  while (i < lines.length && !isBlank(lines[i]!) && !lines[i]!.includes('-->')) {
    if (attributes) readSetting(lines[i]!, i + 1, info);
    i++;
  }
  return i;
}

function readCue(lines: string[], timingRow: number, mode: WebVttOptions['mode']): { cue: TimedCue; next: number } {
  const line = timingRow + 1;
  const timing = parseTimingLine(lines[timingRow]!);
  if ('error' in timing) throw new InputError(timing.error, { line });
  if (mode !== 'whisper' && timing.end < timing.start) {
    throw new InputError(`end time ${formatClock(timing.end, 'millis')} is before start time ${formatClock(timing.start, 'millis')}`, { line });
  }
  const payload: string[] = [];
  let i = timingRow + 1;
  while (i < lines.length && !isBlank(lines[i]!) && !lines[i]!.includes('-->')) payload.push(lines[i++]!);
  // A cue that runs into the next one without a blank line keeps the next cue's numeric identifier as its last line.
  if (i < lines.length && lines[i]!.includes('-->') && payload.length >= 2 && /^\s*\d+\s*$/.test(payload[payload.length - 1]!)) {
    payload.pop();
  }
  return { cue: { start: timing.start, end: timing.end, line, texts: cueTexts(payload.join('\n')) }, next: i };
}

/**
 * Cue text to voiced stretches, after the spec's cue text tokenizer: "<v Name>" (with classes, "<v.loud Name>")
 * starts a voice until "</v>" or the next "<v>"; class, italic, bold, underline, language and karaoke timestamp tags
 * are dropped keeping their text; ruby annotations ("<rt>") are dropped with their text, which repeats the base.
 */
export function cueTexts(payload: string): CueText[] {
  if (!payload.includes('<')) return [{ speaker: null, text: stripMarkup(payload) }];
  const out: CueText[] = [];
  let speaker: string | null = null;
  let voiced = false;
  let buffer = '';
  let inRubyText = false;
  const flush = (): void => {
    if (buffer.trim() !== '') out.push(voiced ? { speaker, text: buffer, voiced } : { speaker, text: buffer });
    buffer = '';
  };
  let i = 0;
  // The first ">" after a "<" serves every "<" before it; remembering it keeps "< < < … >" linear.
  let gt = -2;
  while (i < payload.length) {
    const lt = payload.indexOf('<', i);
    if (lt !== -1 && gt !== -1 && gt <= lt) gt = payload.indexOf('>', lt + 1);
    if (lt === -1 || gt === -1 || !opensTag(payload.charCodeAt(lt + 1))) {
      // Not a tag: a stray "<" (as in "a < b", or one never closed) is text.
      const upTo = lt === -1 || gt === -1 ? payload.length : lt + 1;
      if (!inRubyText) buffer += payload.slice(i, upTo);
      i = upTo;
      continue;
    }
    if (!inRubyText) buffer += payload.slice(i, lt);
    const tag = payload.slice(lt + 1, gt);
    i = gt + 1;
    const closing = tag.charCodeAt(0) === 47; /* / */
    const name = tagName(closing ? tag.slice(1) : tag);
    if (name === 'v') {
      flush();
      speaker = closing ? null : voiceName(tag);
      voiced = !closing && speaker !== null;
    } else if (name === 'rt') {
      inRubyText = !closing;
    } else if (name === 'ruby' && closing) {
      inRubyText = false;
    }
  }
  flush();
  return out.map((part) => ({ ...part, text: stripMarkup(part.text) }));
}

function opensTag(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 47;
}

function tagName(tag: string): string {
  let end = 0;
  while (end < tag.length) {
    const c = tag.charCodeAt(end);
    if (c === 46 || c === 32 || c === 9 || c === 10 || c === 12) break;
    end++;
  }
  return tag.slice(0, end);
}

function voiceName(tag: string): string | null {
  const space = tag.search(/[ \t\n\f]/);
  if (space === -1) return null;
  const name = squash(stripMarkup(tag.slice(space + 1)));
  return name === '' ? null : name;
}

export const webvttReader: Reader = {
  id: 'webvtt',
  label: 'WebVTT',
  detect(text) {
    if (hasWebVttSignature(text)) return 1;
    // Blank lines before the signature: still WebVTT, just carelessly saved.
    const head = text.slice(0, 256);
    return /^\s+WEBVTT(?:[ \t\n]|$)/.test(head) ? 0.95 : 0;
  },
  read(text) {
    const doc = parseWebVtt(text);
    const meta: EpisodeMeta = { duration: doc.duration };
    if (doc.language) meta.language = doc.language;
    const fragment: EpisodeFragment = { meta, transcript: { turns: doc.turns } };
    return fragment;
  },
};
