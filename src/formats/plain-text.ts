// The fallback reader for any text transcript: one line per utterance or paragraph, optionally with speaker labels
// ("Name: text", "NAME: text", "**Name:** text", ">> Name: text") and timestamps ("[00:01:02] text",
// "(1:02) Name: text", "00:01:02 Name: text", "Name (00:01:02): text", Otter-style "Name  0:03" header lines, and
// the YouTube "show transcript" copy with each time on its own line before its text).
import type { EpisodeFragment, Speaker, Turn } from '../model/episode.js';
import { InputError } from '../model/errors.js';
import type { Reader } from './reader.js';
import { estimateTurns, parseClock, round, WORDS_PER_SECOND } from './text.js';
import { parseEpisodeTitle } from './episode-title.js';
import { cleanProse, extractMarkers, recoverParagraphs, stripControls, textBlocks, wordCount } from './paragraphs.js';
import { documentLanguage } from './language.js';

/** How much of a file detection looks at. */
const DETECT_PREFIX = 16_384;
const DETECT_LINES = 300;

const CLOCK = String.raw`\d{1,3}:\d{1,2}(?::\d{1,2})?(?:[.,]\d{1,3})?`;
const RANGE_TAIL = String.raw`(?:\s*(?:-|–|—|to)\s*(${CLOCK}))?`;
/** "[00:01:02]", "[00:01 - 00:05]", "(1:02)", or a bare "00:01:02" followed by a space or the end of the line. */
const LEADING_TIME = new RegExp(
  String.raw`^(?:\[(${CLOCK})${RANGE_TAIL}\]|\((${CLOCK})${RANGE_TAIL}\)|(${CLOCK})${RANGE_TAIL}(?=\s|$))\s*(?:[|–—-]\s+)?`,
);
/** "**Name:** text" or "**Name**: text". */
const BOLD_LABEL = /^\*\*([^*\n]{1,60}?)(?::\*\*|\*\*\s*:)\s*/;
/** "Name (00:01:02): text", "Name [00:01:02] text", and the Otter header "Name  0:03" (text on the next lines). */
const LABEL_WITH_TIME = new RegExp(String.raw`^([^\s:()[\]][^:()[\]]{0,59}?)\s*(?:[([](${CLOCK})[)\]]|\s(${CLOCK}))\s*(?::\s*|\s+|$)`);
/** "Name: text": a colon after at most 60 characters, followed by a space or the end of the line. */
const COLON_LABEL = /^([^:\n]{1,60}?)\s*:(?:\s+|$)/;

/** Words that precede a colon in notes and headers, not in speaker labels ("Note: this is…"). */
const NOT_SPEAKERS = new Set(
  [
    'note', 'notes', 'nb', 'update', 'edit', 'edited', 'warning', 'caution', 'disclaimer', 'source', 'sources',
    'summary', 'transcript', 'transcription', 'title', 'date', 'time', 'tags', 'tag', 'topic', 'topics', 'episode',
    'link', 'links', 'url', 'website', 'email', 'subject', 're', 'ps', 'p.s.', 'example', 'important', 'tip', 'step',
    'chapter', 'part', 'section', 'language', 'duration', 'published', 'author', 'category', 'description',
    'keywords', 'season', 'recorded', 'location', 'credits', 'references', 'resources', 'timestamps', 'show notes',
    'https', 'http', 'todo', 'fyi', 'answer key', 'translation', 'originally published',
  ],
);
const CONNECTORS = new Set(['de', 'da', 'van', 'von', 'der', 'del', 'la', 'le', 'bin', 'al', 'el', 'di', 'du', 'dos', 'ten', 'ter', 'y']);
/** A capitalised word, an initial, "Speaker 2"'s number, a diarizer id like "SPEAKER_01", or a CJK name. */
const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*\d{0,2}|\d{1,3}|[A-Z]+_\d{1,3}|[\p{Lo}\p{M}]{1,8})$/u;

/**
 * Whether a label reads like a speaker: 1-4 words, each capitalised (or a name particle like "van"), no sentence
 * punctuation, not a note word. "Dr. Jane Doe", "SPEAKER 1", "Q" pass; "Note", "The plan is" do not.
 */
export function looksLikeName(label: string): boolean {
  const name = label.trim();
  if (name.length === 0 || name.length > 40) return false;
  if (NOT_SPEAKERS.has(name.toLowerCase())) return false;
  const words = name.split(/\s+/);
  if (words.length > 4) return false;
  if (CONNECTORS.has(words[0]!)) return false;
  return words.every((w) => CONNECTORS.has(w) || NAME_WORD.test(w));
}

export interface LineShape {
  /** Start time given on the line, in seconds. */
  time?: number;
  end?: number;
  /** The label before the colon, when it reads like a name (whether it really is a speaker is decided per file). */
  label?: string;
  /** Labels in a form nobody writes by accident (bold, ">>", with a time, a header line). */
  strong: boolean;
  /** ">>" marks a change of speaker even without a name (closed captions). */
  newSpeaker: boolean;
  /** The line's text after the time and label, possibly empty (a header line). */
  text: string;
  /** When the label is not a speaker after all, the text it was taken from. */
  raw: string;
}

function clock(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  return parseClock(text) ?? undefined;
}

/** Reads the time and speaker label off the front of one trimmed line. */
export function parseLineShape(line: string): LineShape {
  const shape: LineShape = { strong: false, newSpeaker: false, text: line, raw: line };
  let rest = line;

  const takeTime = (): void => {
    const m = LEADING_TIME.exec(rest);
    if (!m) return;
    const start = clock(m[1] ?? m[3] ?? m[5]);
    if (start === undefined) return;
    shape.time = start;
    const end = clock(m[2] ?? m[4] ?? m[6]);
    if (end !== undefined && end >= start) shape.end = end;
    rest = rest.slice(m[0].length);
  };

  takeTime();
  if (rest.startsWith('>>')) {
    shape.newSpeaker = true;
    rest = rest.slice(2).trimStart();
  }
  if (shape.time === undefined) takeTime();
  shape.raw = rest;

  const bold = BOLD_LABEL.exec(rest);
  if (bold && looksLikeName(bold[1]!)) {
    shape.label = bold[1]!.trim();
    shape.strong = true;
    rest = rest.slice(bold[0].length);
  } else {
    const timed = LABEL_WITH_TIME.exec(rest);
    const time = timed ? clock(timed[2] ?? timed[3]) : undefined;
    // The bare "Name 0:03" form is only a header when nothing follows it on the line.
    const headerOnly = timed && timed[3] !== undefined ? rest.slice(timed[0].length).trim() === '' : true;
    if (timed && time !== undefined && headerOnly && looksLikeName(timed[1]!)) {
      shape.label = timed[1]!.trim();
      shape.strong = true;
      shape.time ??= time;
      rest = rest.slice(timed[0].length);
    } else {
      const colon = COLON_LABEL.exec(rest);
      if (colon && looksLikeName(colon[1]!)) {
        shape.label = colon[1]!.trim();
        shape.strong = shape.newSpeaker || shape.time !== undefined;
        rest = rest.slice(colon[0].length);
        // "Name: [00:01:02] text"
        if (shape.time === undefined) takeTime();
      }
    }
  }
  shape.text = rest.trim();
  return shape;
}

/** Whether a line carries a timestamp or a label that detection may count. */
function hasCue(shape: LineShape, labelCounts: Map<string, number>): boolean {
  if (shape.time !== undefined) return true;
  if (shape.label === undefined) return false;
  return shape.strong || (labelCounts.get(shape.label) ?? 0) >= 2;
}

/** The share of non-empty lines with a timestamp or a speaker label, over the first lines of a text. */
export function cueShare(text: string): number {
  const prefix = text.length > DETECT_PREFIX ? text.slice(0, DETECT_PREFIX) : text;
  const shapes: LineShape[] = [];
  for (const raw of prefix.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    shapes.push(parseLineShape(line));
    if (shapes.length >= DETECT_LINES) break;
  }
  if (shapes.length === 0) return 0;
  const counts = labelCounts(shapes);
  return shapes.filter((s) => hasCue(s, counts)).length / shapes.length;
}

function labelCounts(shapes: LineShape[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of shapes) if (s.label !== undefined) counts.set(s.label, (counts.get(s.label) ?? 0) + 1);
  return counts;
}

/**
 * Signatures of formats with readers of their own: subtitle cue lines, Logseq properties, transcript-page turns
 * "Name [(00:00:00)](link)", JSON, markup. Text carrying them is not claimed with any confidence here.
 */
export function hasForeignSignature(prefix: string): boolean {
  const head = prefix.trimStart();
  if (/^(?:WEBVTT|<|\{)/.test(head)) return true;
  if (/^\[\s*(?:[{["\]]|-?\d+(?:\.\d+)?\s*[,\]]|true\b|false\b|null\b)/.test(head)) return true;
  return /-->|^[a-z][\w-]*:: /m.test(prefix) || /\[\(\d{1,2}:\d{2}(?::\d{2})?\)\]\(/.test(prefix);
}

interface Draft {
  speaker: string | null;
  /** Opened by ">>": a new voice, never joined to the turn before. */
  newSpeaker?: boolean;
  time?: number;
  end?: number;
  texts: string[];
}

/**
 * A first line without cues that reads like a heading ("Interview with Jane Doe", "# Episode 12") when the lines
 * after it carry the cues.
 */
function titleLine(shapes: LineShape[], lines: string[]): string | undefined {
  const first = shapes[0];
  if (!first || shapes.length < 3) return undefined;
  if (/^title:\s/i.test(first.raw)) return cleanProse(first.raw.replace(/^title:\s*/i, '')) || undefined;
  if (first.time !== undefined || first.label !== undefined || first.newSpeaker) return undefined;
  const line = lines[0]!.replace(/^#{1,6}\s+/, '');
  if (line.length > 150 || /[.!?,;]$/.test(line)) return undefined;
  const laterCues = shapes.slice(1, 30).filter((s) => s.time !== undefined || s.label !== undefined).length;
  return laterCues >= 2 ? cleanProse(line) : undefined;
}

function read(text: string): EpisodeFragment {
  const clean = stripControls(text);
  if (!/\p{L}/u.test(clean)) throw new InputError('no words in the text (only digits, punctuation or blanks)');

  const lines = clean.split('\n').map((l) => l.trim()).filter(Boolean);
  const shapes = lines.map(parseLineShape);
  const counts = labelCounts(shapes);
  // A label is a speaker when written in a strong form or used twice; once labels are the file's convention (two
  // such speakers), a name-like label seen once is a speaker too (the caller who speaks once).
  const established = new Set<string>();
  for (const s of shapes) if (s.label !== undefined && (s.strong || (counts.get(s.label) ?? 0) >= 2)) established.add(s.label);
  const isSpeaker = (s: LineShape): boolean =>
    s.label !== undefined && (established.has(s.label) || established.size >= 2);

  const title = titleLine(shapes, lines);
  const from = title !== undefined ? 1 : 0;
  // One "3:30 in the morning" at the start of a line does not make a timed transcript.
  const timed = shapes.filter((s, i) => i >= from && s.time !== undefined).length >= 2;
  const labelled = shapes.some((s, i) => i >= from && isSpeaker(s));

  const fragment: EpisodeFragment = { meta: {} };
  if (title) {
    const parts = parseEpisodeTitle(title);
    fragment.meta.title = parts.title;
    if (parts.show) fragment.meta.show = parts.show;
    if (parts.number !== undefined) fragment.meta.number = parts.number;
    if (parts.guests) fragment.meta.guests = parts.guests;
  }

  let turns: Turn[];
  if (!timed && !labelled) {
    turns = estimateTurns(proseParagraphs(clean, title !== undefined).map((t) => ({ text: t })));
  } else {
    const drafts: Draft[] = [];
    let current: Draft | null = null;
    let speaker: string | null = null;
    for (let i = from; i < shapes.length; i++) {
      const shape = shapes[i]!;
      const speaks = isSpeaker(shape);
      const time = timed ? shape.time : undefined;
      if (speaks) speaker = shape.label!;
      else if (shape.newSpeaker) speaker = null;
      const body = speaks ? shape.text : shape.time !== undefined && !timed ? lines[i]! : shape.raw;
      if (speaks || time !== undefined || shape.newSpeaker || !current) {
        current = { speaker, texts: [] };
        if (shape.newSpeaker) current.newSpeaker = true;
        if (time !== undefined) current.time = time;
        if (time !== undefined && shape.end !== undefined) current.end = shape.end;
        drafts.push(current);
      }
      if (body) current.texts.push(body);
    }
    turns = timeDrafts(mergeFragments(drafts));
  }

  turns = withMarkers(turns);
  if (turns.length === 0) throw new InputError('no transcript text: only timestamps, labels or markup');
  fragment.transcript = { turns };

  const speakers: Speaker[] = [];
  const seen = new Set<string>();
  for (const turn of turns) {
    if (turn.speaker !== null && !seen.has(turn.speaker)) {
      seen.add(turn.speaker);
      speakers.push({ name: turn.speaker });
    }
  }
  if (speakers.length > 0) fragment.speakers = speakers;
  const language = documentLanguage(turns.slice(0, 40).map((t) => t.text).join(' '));
  if (language?.sure) fragment.meta.language = language.lang;
  return fragment;
}

/**
 * Paragraphs of a transcript without labels or times: blank-line blocks, a block of short (hard-wrapped) lines
 * joined, a block of long lines one paragraph per line; an overlong paragraph is regrouped by sentences.
 */
function proseParagraphs(text: string, skipFirstLine: boolean): string[] {
  const blocks = textBlocks(text);
  if (skipFirstLine && blocks[0]) blocks[0].lines.shift();
  const paragraphs: string[] = [];
  for (const block of blocks) {
    if (block.lines.length === 0) continue;
    const average = block.lines.reduce((n, l) => n + l.length, 0) / block.lines.length;
    const pieces = average < 120 ? [block.lines.join(' ')] : block.lines;
    for (const piece of pieces) {
      const prose = cleanProse(piece);
      if (!prose) continue;
      if (wordCount(prose) > 250) paragraphs.push(...recoverParagraphs(prose));
      else paragraphs.push(prose);
    }
  }
  return paragraphs;
}

/** Caption fragments shorter than this are joined with the next one (when no sentence ends between them). */
const FRAGMENT_WORDS = 40;

/**
 * Joins caption-like fragments (the YouTube copy puts a time before every 8 words, mid-sentence) into turns of a
 * sentence or more. Only unlabelled text is joined, and never across a sentence end, so labelled turns and
 * deliberate line breaks stay as written; the joined turn starts at its first fragment's time.
 */
function mergeFragments(drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  let words = 0;
  for (const draft of drafts) {
    const last = out[out.length - 1];
    const lastText = last?.texts[last.texts.length - 1] ?? '';
    const joinable =
      last !== undefined && last.speaker === null && draft.speaker === null && !draft.newSpeaker &&
      words < FRAGMENT_WORDS && lastText !== '' && !/[.!?…]["'”’)\]]*$/.test(lastText);
    if (joinable) {
      last.texts.push(...draft.texts);
      delete last.end;
      words += draft.texts.reduce((n, t) => n + wordCount(t), 0);
    } else {
      out.push({ ...draft, texts: [...draft.texts] });
      words = draft.texts.reduce((n, t) => n + wordCount(t), 0);
    }
  }
  return out;
}

/**
 * Times for labelled/timed drafts. A given time is exact; a turn without one (a label line between timed lines)
 * is placed after the previous turn at the speech rate and marked estimated; a time that runs backwards is taken
 * as a typo and treated the same way. End = the given range end, else the next start; the last turn's end comes
 * from its word count.
 */
function timeDrafts(drafts: Draft[]): Turn[] {
  const kept = drafts
    .map((d) => ({ time: d.time, end: d.end, speaker: d.speaker, text: cleanProse(d.texts.join(' ')) }))
    .filter((d) => d.text.length > 0);
  const words = kept.map((d) => wordCount(d.text));
  // The next given time after each turn, so an untimed turn is never placed past it.
  const nextGiven: (number | undefined)[] = new Array(kept.length);
  for (let i = kept.length - 1, upcoming: number | undefined; i >= 0; i--) {
    nextGiven[i] = upcoming;
    if (kept[i]!.time !== undefined) upcoming = kept[i]!.time;
  }
  const turns: Turn[] = [];
  let previousStart = 0;
  let previousWords = 0;
  for (let i = 0; i < kept.length; i++) {
    const draft = kept[i]!;
    let start: number;
    let timing: Turn['timing'] = 'exact';
    if (draft.time !== undefined && draft.time >= previousStart) {
      start = draft.time;
    } else {
      timing = 'estimated';
      const guess = i === 0 ? 0 : previousStart + previousWords / WORDS_PER_SECOND;
      const nextTimed = nextGiven[i];
      start = Math.max(previousStart, nextTimed !== undefined ? Math.min(guess, nextTimed) : guess);
    }
    turns.push({ speaker: draft.speaker, start: round(start), end: round(start), timing, text: draft.text });
    previousStart = start;
    previousWords = words[i]!;
  }
  for (let i = 0; i < turns.length; i++) {
    const turn = turns[i]!;
    const next = turns[i + 1];
    const given = kept[i]!.end;
    const spoken = turn.start + Math.max(words[i]!, 1) / WORDS_PER_SECOND;
    const end = given !== undefined && turn.timing === 'exact' ? given : next ? next.start : spoken;
    turn.end = round(Math.max(end, turn.start));
  }
  return turns;
}

/** Moves non-speech markers out of the turns' text; a turn that was only a marker keeps it with empty text. */
function withMarkers(turns: Turn[]): Turn[] {
  const out: Turn[] = [];
  for (const turn of turns) {
    const { text, markers } = extractMarkers(turn.text);
    if (markers.length > 0) {
      turn.text = text;
      turn.markers = markers;
    }
    if (turn.text || turn.markers) out.push(turn);
  }
  return out;
}

export const plainTextReader: Reader = {
  id: 'plain-text',
  label: 'Plain text transcript',
  detect(text) {
    const prefix = text.length > DETECT_PREFIX ? text.slice(0, DETECT_PREFIX) : text;
    if (!/\p{L}/u.test(prefix)) return 0;
    if (hasForeignSignature(prefix)) return 0.15;
    return cueShare(prefix) >= 0.3 ? 0.5 : 0.2;
  },
  read(text) {
    return read(text);
  },
};
