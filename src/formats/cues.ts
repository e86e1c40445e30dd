// What subtitle formats (WebVTT, SRT) share once their syntax is parsed: timed cues, their timing lines, and who
// speaks inside a cue ("- Name:", ">> NAME:"). Turning cues into turns is turns.ts's cueTurns.
import { isAsciiSpace, parseClock } from './text.js';
import { looksLikeNameWords, titleCaseCaps } from './names.js';

/** One stretch of a cue's text with the voice it belongs to. */
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
  while (cut < rest.length && !isAsciiSpace(rest.charCodeAt(cut))) cut++;
  const endText = rest.slice(0, cut);
  if (startText === '') return { error: 'timing line has no start time before "-->"' };
  if (endText === '') return { error: 'timing line has no end time after "-->"' };
  const start = parseClock(startText);
  if (start === null) return { error: `start time "${quote(startText)}" is not a time like 00:01:02.500` };
  const end = parseClock(endText);
  if (end === null) return { error: `end time "${quote(endText)}" is not a time like 00:01:02.500` };
  return { start, end };
}

function quote(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** A line that only separates blocks. Lines of spaces count: players show nothing for them and authors do not see them. */
export function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code > 127) return line.trim() === '';
    if (!isAsciiSpace(code)) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Speakers inside cue text

/**
 * One speaker's part of a cue and how its speaker is known: from a voice span, from a name label, from a dash or
 * ">>" that changes speaker without naming one ('change', speaker null), or not at all ('none').
 */
export interface DialoguePart {
  speaker: string | null;
  text: string;
  source: 'voice' | 'label' | 'change' | 'none';
}

/** A line that opens a new speaker's part: "- Hi", "– Hi", "— Hi" (not "--", not "-5 degrees"). */
const DIALOGUE_DASH = /^\s*[-–—](?![-–—\d])\s*/;
const NAME_PREFIX = /^\s*([^\s:][^:\n]{0,39}):(?=\s|$)/;
const CAPS_WORD = /^[\p{Lu}\d][\p{Lu}\d'’._-]*$/u;

/**
 * Splits one voice's text into the parts of different speakers, the way subtitles mark them: ">>" (broadcast
 * captions) and a leading dash on a line (film subtitles) start a new speaker's part. Each part may begin with a name:
 * an upper-case one ("JOHN:", "DR. SMITH:", "SPEAKER 2:") anywhere, a mixed-case one ("Mary:", "Speaker 1:") only
 * right after a dash or ">>", since a capitalised word and a colon at the start of ordinary prose ("Question: why?")
 * is not a name. Text already tied to a voice span is left whole.
 */
export function splitDialogue(cue: CueText): DialoguePart[] {
  if (cue.voiced) return [{ speaker: cue.speaker, text: cue.text, source: 'voice' }];
  const text = cue.text;
  // Most cues are one line of one speaker; this path spares them the splitting below (it runs for every cue).
  if (!text.includes('\n') && !text.includes('>>') && !DIALOGUE_DASH.test(text)) {
    const named = text.includes(':') ? namePrefix(text, false) : null;
    return [named ? { speaker: named.name, text: named.rest, source: 'label' } : { speaker: null, text, source: 'none' }];
  }
  const parts: { text: string; marked: boolean }[] = [];
  text.split('>>').forEach((piece, i) => {
    let current = { text: '', marked: i > 0 };
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
  const out: DialoguePart[] = [];
  for (const part of parts) {
    if (part.text.trim() === '') continue;
    const named = namePrefix(part.text, part.marked);
    if (named) out.push({ speaker: named.name, text: named.rest, source: 'label' });
    else out.push({ speaker: null, text: part.text, source: part.marked ? 'change' : 'none' });
  }
  return out;
}

function namePrefix(text: string, marked: boolean): { name: string; rest: string } | null {
  const m = NAME_PREFIX.exec(text);
  if (!m) return null;
  const name = m[1]!.trim().replace(/\s+/g, ' ');
  const words = name.split(' ');
  if (words.length > 4 || !/^\p{L}/u.test(name) || name.replace(/[^\p{L}]/gu, '').length < 2) return null;
  const upper = words.every((w) => CAPS_WORD.test(w)) && name === name.toUpperCase();
  if (!upper && !(marked && looksLikeNameWords(name, 1, 4))) return null;
  return { name: titleCaseCaps(name), rest: text.slice(m[0].length) };
}
