// Timestamps and speaker labels at the front of a transcript line, in the shapes people paste from apps and web pages:
// "[00:01:02] text", "(1:02) Name: text", "Name (00:01:02): text", "**Name:** text", ">> Name: text", Otter-style
// "Name  0:03" headers. The plain-text reader reads lines with them; other readers measure how many lines carry them.
import { NAME_PARTICLES } from './names.js';
import { parseClock } from './text.js';

/** How much of a text cueShare looks at. */
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
  if (NAME_PARTICLES.has(words[0]!)) return false;
  return words.every((w) => NAME_PARTICLES.has(w) || NAME_WORD.test(w));
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

export function labelCounts(shapes: LineShape[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of shapes) if (s.label !== undefined) counts.set(s.label, (counts.get(s.label) ?? 0) + 1);
  return counts;
}
