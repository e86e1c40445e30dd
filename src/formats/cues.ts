// What subtitle formats (WebVTT, SRT) share once their syntax is parsed: timed cues whose text becomes turns.
// Cleaning cue text, finding who speaks inside a cue ("- Name:", ">> NAME:") and pulling out non-speech markers
// ("[Music]", "(laughter)") is the same for both, and so is putting the cues in time order.
import type { Marker, Timing, Turn } from '../model/episode.js';
import { decodeEntities, parseClock, round, squash } from './text.js';

/** One stretch of a cue's text with the voice it belongs to, before markers and whitespace are dealt with. */
export interface CueText {
  speaker: string | null;
  /** Plain text (no tags, no entities); may still hold the payload's line breaks. */
  text: string;
  /** The speaker is known from markup (a WebVTT voice span), so the text is not searched for a name prefix. */
  voiced?: boolean;
}

export interface TimedCue {
  start: number;
  end: number;
  /** 1-based line of the cue's timing line, for messages. */
  line: number;
  texts: CueText[];
}

export type CueTiming = { start: number; end: number } | { error: string };

/**
 * Reads "start --> end [settings]". Anything after the end time (WebVTT cue settings such as "align:start",
 * SRT's "X1:40 X2:600" coordinates) is ignored: it is about rendering, not about what is said.
 */
export function parseTimingLine(line: string): CueTiming {
  const arrow = line.indexOf('-->');
  if (arrow === -1) return { error: 'timing line has no "-->"' };
  const startText = line.slice(0, arrow).trim();
  const rest = line.slice(arrow + 3).trimStart();
  let cut = 0;
  while (cut < rest.length && !isSpace(rest.charCodeAt(cut))) cut++;
  const endText = rest.slice(0, cut);
  if (startText === '') return { error: 'timing line has no start time before "-->"' };
  if (endText === '') return { error: 'timing line has no end time after "-->"' };
  const start = parseCueTime(startText);
  if (start === null) return { error: `start time "${quote(startText)}" is not a time like 00:01:02.500` };
  const end = parseCueTime(endText);
  if (end === null) return { error: `end time "${quote(endText)}" is not a time like 00:01:02.500` };
  return { start, end };
}

/**
 * A cue time: the common "HH:MM:SS.mmm" / "MM:SS.mmm" shapes are read by hand (they are almost all of the millions
 * of times a corpus holds); anything else goes to the shared, more tolerant parseClock.
 */
export function parseCueTime(text: string): number | null {
  const fast = parseStrictTime(text);
  if (fast !== null) return fast;
  const slow = parseClock(text);
  return slow === null ? null : round(slow);
}

function parseStrictTime(text: string): number | null {
  const n = text.length;
  // [H...:]MM:SS.mmm with "." or "," before exactly three digits.
  if (n < 9 || n > 13) return null;
  const frac = n - 4;
  const sep = text.charCodeAt(frac);
  if (sep !== 46 /* . */ && sep !== 44 /* , */) return null;
  const ms = digits(text, frac + 1, n);
  const seconds = digits(text, frac - 2, frac);
  if (ms < 0 || seconds < 0 || seconds > 59 || text.charCodeAt(frac - 3) !== 58 /* : */) return null;
  const minutes = digits(text, frac - 5, frac - 3);
  if (minutes < 0 || minutes > 59) return null;
  let hours = 0;
  if (frac - 5 > 0) {
    if (text.charCodeAt(frac - 6) !== 58 || frac - 6 === 0) return null;
    hours = digits(text, 0, frac - 6);
    if (hours < 0) return null;
  }
  return round(hours * 3600 + minutes * 60 + seconds + ms / 1000);
}

/** The number written by the ASCII digits text[from, to), or -1 when any is not a digit. */
function digits(text: string, from: number, to: number): number {
  if (from < 0 || from >= to) return -1;
  let value = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}

function quote(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Formats seconds as "00:01:02.500" for messages about cue times. */
export function cueClock(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (v: number, w = 2): string => String(v).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

/** A line that only separates blocks. Lines of spaces count: players show nothing for them and authors do not see them. */
export function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code > 127) return line.trim() === '';
    if (!isSpace(code)) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Cleaning text

/**
 * Removes tags and decodes character references until neither is left, so "&lt;b&gt;" (an escaped tag) does not
 * come back as markup and "&amp;amp;" does not leave an entity in the text. Bounded to three rounds.
 */
export function cleanMarkup(raw: string): string {
  let text = raw;
  for (let round = 0; round < 3 && (text.includes('&') || text.includes('<')); round++) {
    const next = stripTagsLinear(decodeEntities(text));
    if (next === text) break;
    text = next;
  }
  return text;
}

/**
 * Removes "<tag ...>", "</tag>" and "<!-- comments -->" in one pass. Written by hand rather than with a regex so that
 * thousands of unclosed "<!--" in a hostile 2 MB line cost linear time, not quadratic.
 */
export function stripTagsLinear(text: string): string {
  if (!text.includes('<')) return text;
  let out = '';
  let from = 0;
  let commentsClose = true;
  let at = text.indexOf('<');
  while (at !== -1) {
    let skipTo = -1;
    if (text.startsWith('<!--', at)) {
      const close = commentsClose ? text.indexOf('-->', at + 4) : -1;
      if (close === -1) commentsClose = false;
      else skipTo = close + 3;
    } else {
      let i = at + 1;
      if (text.charCodeAt(i) === 47 /* / */) i++;
      if (isAsciiLetter(text.charCodeAt(i))) {
        // A tag runs to the next ">", but not across another "<" (that one may be the real tag).
        let j = i + 1;
        while (j < text.length && text.charCodeAt(j) !== 62 && text.charCodeAt(j) !== 60) j++;
        if (text.charCodeAt(j) === 62) skipTo = j + 1;
      }
    }
    if (skipTo !== -1) {
      out += text.slice(from, at);
      from = skipTo;
      at = text.indexOf('<', skipTo);
    } else {
      at = text.indexOf('<', at + 1);
    }
  }
  return out + text.slice(from);
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

// ---------------------------------------------------------------------------------------------------------------
// Speakers inside cue text

/** A line that opens a new speaker's part: "- Hi", "– Hi", "— Hi" (not "--", not "-5 degrees"). */
const DIALOGUE_DASH = /^\s*[-–—](?![-–—\d])\s*/;
const NAME_PREFIX = /^\s*([^\s:][^:\n]{0,39}):(?=\s|$)/;
const NAME_PARTICLE = /^(?:de|da|van|von|der|del|la|le|bin|al|el|di|du|dos|ten|ter|of|the)$/;
const CAPS_WORD = /^[\p{Lu}\d][\p{Lu}\d'’._-]*$/u;
const NAME_WORD = /^(?:[\p{Lu}\d][\p{L}\d'’._-]*)$/u;

/**
 * Splits one voice's text into the parts of different speakers, the way subtitles mark them: ">>" (broadcast
 * captions) and a leading dash on a line (film subtitles) start a new speaker's part. Each part may begin with a name:
 * an upper-case one ("JOHN:", "DR. SMITH:", "SPEAKER 2:") anywhere, a mixed-case one ("Mary:", "Speaker 1:") only
 * right after a dash or ">>", since a capitalised word and a colon at the start of ordinary prose ("Question: why?")
 * is not a name. Text already tied to a voice span is left whole.
 */
export function splitDialogue(cue: CueText): CueText[] {
  if (cue.voiced) return [cue];
  const text = cue.text;
  // Most cues are one line of one speaker; this path spares them the splitting below (it runs for every cue).
  if (!text.includes('\n') && !text.includes('>>') && !DIALOGUE_DASH.test(text)) {
    const named = text.includes(':') ? namePrefix(text, false) : null;
    return [named ? { speaker: named.name, text: named.rest } : cue];
  }
  const parts: { text: string; marked: boolean }[] = [];
  const pieces = text.split('>>');
  pieces.forEach((piece, i) => {
    let current: { text: string; marked: boolean } = { text: '', marked: i > 0 };
    parts.push(current);
    for (const line of piece.split('\n')) {
      const dash = DIALOGUE_DASH.exec(line);
      if (dash) {
        current = { text: line.slice(dash[0].length), marked: true };
        parts.push(current);
      } else {
        current.text = current.text ? `${current.text}\n${line}` : line;
      }
    }
  });
  const out: CueText[] = [];
  for (const part of parts) {
    if (part.text.trim() === '') continue;
    const named = namePrefix(part.text, part.marked);
    if (named) out.push({ speaker: named.name, text: named.rest });
    else out.push({ speaker: cue.speaker, text: part.text });
  }
  return out;
}

function namePrefix(text: string, marked: boolean): { name: string; rest: string } | null {
  const m = NAME_PREFIX.exec(text);
  if (!m) return null;
  const name = squash(m[1]!);
  const words = name.split(' ');
  if (words.length > 4 || !/^\p{L}/u.test(name) || name.replace(/[^\p{L}]/gu, '').length < 2) return null;
  const upper = words.every((w) => CAPS_WORD.test(w)) && name === name.toUpperCase();
  const mixed = words.every((w, i) => NAME_WORD.test(w) || (i > 0 && NAME_PARTICLE.test(w)));
  if (!upper && !(marked && mixed)) return null;
  return { name, rest: text.slice(m[0].length) };
}

// ---------------------------------------------------------------------------------------------------------------
// Non-speech markers

const BRACKETED = /\[([^[\]\n]{1,80})\]|\(([^()\n]{1,80})\)/g;

const KINDS: [RegExp, Marker['kind']][] = [
  [/\b(?:inaudible|unintelligible|indistinct|unclear|garbled)/i, 'inaudible'],
  [/\b(?:crosstalk|cross-talk|overlapping|talking over each other|all talking)/i, 'crosstalk'],
  [/\b(?:laugh|chuckl|giggl)/i, 'laughter'],
  [/\b(?:applau|clapping|cheering)/i, 'applause'],
  [/(?:\bmusic|\bmúsica|\bmusique|♪|♫|\bsinging\b|\bsong\b|\bjingle\b)/i, 'music'],
  [
    /\b(?:foreign|non-english|other language|spanish|french|german|italian|portuguese|russian|ukrainian|polish|chinese|mandarin|cantonese|japanese|korean|arabic|hebrew|hindi|urdu|persian|farsi|turkish|greek|latin|dutch|swedish|norwegian|danish|finnish|vietnamese|thai|tagalog|swahili)\b/i,
    'foreign',
  ],
];

/** Sounds captioners write in parentheses; other parenthesised text ("(and I mean it)") is speech. */
const SOUND_WORDS =
  /\b(?:sigh|gasp|cough|groan|grunt|scream|sniff|whisper|sob|cries|crying|exhale|inhale|clears? (?:his |her |their )?throat|silence|pause|beep|bleep|static|noise|blank_audio)/i;

/** What kind of marker bracketed text is, or null when it is speech that happens to be in brackets. */
export function markerKind(label: string, square: boolean): Marker['kind'] | null {
  if (!/[\p{L}\p{N}♪♫]/u.test(label)) return null;
  // A parenthesised aside in speech is usually longer than a sound description ("(the music industry is broken)").
  if (!square && label.split(' ').length > 5) return null;
  for (const [pattern, kind] of KINDS) {
    if (!pattern.test(label)) continue;
    // "(he's French)" is speech; "(in French)", "(speaking Spanish)" describe it.
    if (kind === 'foreign' && !square && !/^(?:in|speaking|speaks|foreign|non-english)\b/i.test(label)) continue;
    return kind;
  }
  if (square) return 'other';
  if (SOUND_WORDS.test(label)) return 'other';
  // SDH captions write sounds in capitals: "(DOOR SLAMS)"; a lone "(NASA)" is more likely an aside.
  if (/\s/.test(label) && label === label.toUpperCase() && /\p{Lu}/u.test(label)) return 'other';
  return null;
}

/**
 * Takes "[Music]", "(laughter)", "[inaudible 00:07:22]" out of squashed text, noting where each stood.
 * Square brackets in subtitles are sound descriptions; parentheses only when they name a sound.
 */
export function extractMarkers(text: string): { text: string; markers: Marker[] } {
  if (!text.includes('[') && !text.includes('(')) return { text, markers: [] };
  const markers: Marker[] = [];
  let out = '';
  let last = 0;
  for (const m of text.matchAll(BRACKETED)) {
    const square = m[1] !== undefined;
    const label = squash(square ? m[1]! : m[2]!);
    const kind = markerKind(label, square);
    if (!kind) continue;
    out = appendPiece(out, text.slice(last, m.index));
    markers.push({ kind, label, offset: out.length });
    last = m.index + m[0].length;
  }
  if (markers.length === 0) return { text, markers };
  return { text: appendPiece(out, text.slice(last)), markers };
}

function appendPiece(out: string, piece: string): string {
  const p = piece.trim();
  if (!p) return out;
  if (!out) return p;
  return /^[.,!?;:…)]/.test(p) ? out + p : `${out} ${p}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Cues to turns

/**
 * How to put cues in time order.
 * - 'sort': players show cues by start time whatever the file order, so cues are sorted by start, stably (cues
 *   starting together keep file order, which is reading order).
 * - 'document': for machine transcripts (Whisper) the file order is the order of speech and a time that goes
 *   backwards is the recogniser's mistake; sorting would scramble sentences. Times are lifted to the previous start
 *   (and ends to their start) instead, and such turns are marked 'estimated'.
 */
export type CueOrder = 'sort' | 'document';

export function cueTurns(cues: TimedCue[], order: CueOrder): Turn[] {
  const ordered = order === 'sort' ? sortedByStart(cues) : cues;
  const turns: Turn[] = [];
  let floor = 0;
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
    for (const part of cue.texts) {
      for (const piece of splitDialogue(part)) {
        const turn = makeTurn(piece, start, end, timing);
        if (turn) turns.push(turn);
      }
    }
  }
  return turns;
}

function sortedByStart(cues: TimedCue[]): TimedCue[] {
  for (let i = 1; i < cues.length; i++) {
    // Array.prototype.sort is stable (ES2019), so equal starts keep file order.
    if (cues[i]!.start < cues[i - 1]!.start) return [...cues].sort((a, b) => a.start - b.start);
  }
  return cues;
}

function makeTurn(piece: CueText, start: number, end: number, timing: Timing): Turn | null {
  const { text, markers } = extractMarkers(squashFast(piece.text));
  if (text === '' && markers.length === 0) return null;
  const turn: Turn = { speaker: piece.speaker, start, end, timing, text };
  if (markers.length > 0) turn.markers = markers;
  return turn;
}

/**
 * squash() for the common case of text that is already single-spaced (one regex replace per cue was most of the
 * time spent reading the Lexicap corpus): only trims unless a run of spaces or another kind of whitespace shows up.
 */
export function squashFast(text: string): string {
  let previousSpace = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32) {
      if (previousSpace && i > 0) return squash(text);
      previousSpace = true;
    } else if (code < 33 ? code >= 9 && code <= 13 : code >= 128 && isUnicodeSpace(code)) {
      return squash(text);
    } else {
      previousSpace = false;
    }
  }
  return text.trim();
}

/** The non-ASCII characters JavaScript's \s matches. */
function isUnicodeSpace(code: number): boolean {
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** The latest end time: what a subtitle file says about the episode's length. */
export function lastEnd(turns: Turn[]): number {
  let end = 0;
  for (const turn of turns) if (turn.end > end) end = turn.end;
  return end;
}
