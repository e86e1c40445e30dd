// Reads transcript web pages saved as Markdown: a web reader's clip (a "Title: / URL Source: / Published Time: /
// Markdown Content:" header, then the page) or the bare Markdown. A page is a run of speaker turns, each a line that
// starts with a name and a timestamp, under chapter headings:
//   Lex Fridman [(00:00:33)](https://youtube.com/watch?v=…&t=33) So I was just thinking…   (lexfridman.com)
//   [(00:11:57)](https://youtube.com/watch?v=…&t=717) …                                      (same speaker goes on)
//   **Jane Doe** (00:01:02): …   /   Jane Doe (01:02):⏎text   /   [00:01:02] Jane Doe: …   /   Jane Doe  1:02⏎text
import type { Chapter, EpisodeFragment, EpisodeMeta, Marker, Turn } from '../model/episode.js';
import { InputError } from '../model/errors.js';
import { hasPageSignature } from './detection.js';
import { titleMeta } from './episode-title.js';
import { markdownText } from './markdown.js';
import { extractMarkers } from './markers.js';
import { looksLikeNameWords } from './names.js';
import type { Reader } from './reader.js';
import { countWords, formatClock, parseClock, round, squash, youtubeIdFromUrl } from './text.js';
import { assignTimes, speakersOf } from './turns.js';

/** How much of a line can be a turn's header; the rest of the line is speech, never scanned by the header regexes. */
const HEADER_SPAN = 2_600;
/** Longer lines are never headings. */
const MAX_HEADING = 300;

// ---------------------------------------------------------------------------------------------------------------
// Turn headers

interface TurnHead {
  /** Null for a continuation line: a time with no name, the previous speaker goes on. */
  speaker: string | null;
  start: number;
  url: string | null;
  /** The speech on the header's own line. */
  text: string;
}

/** A name, lazily, up to a time token: "Lex Fridman ", "**Jane Doe** ", "- Dr. Ann O’Neil: ". */
const NAMED_HEAD = /^(?:[-*+]\s+)?(?:\*\*|__)?([\p{Lu}\p{Lt}\d][\p{L}\p{M}\d .'’&-]{0,58}?)(?:\*\*|__)?\s*:?\s*(?=[[(])/u;
/** Otter-style header alone on its line: "Jane Doe  1:02" (the speech follows on the next lines). */
const BARE_HEAD = /^([\p{Lu}\p{Lt}][\p{L}\p{M}\d .'’&-]{0,58}?)\s+(\d{1,3}:\d{2}(?::\d{2})?)$/u;
/** After a leading time token: "Jane Doe: " (a name needs its colon here, or it is just the first words). */
const NAME_AFTER_TIME = /^(?:\*\*|__)?([\p{Lu}\p{Lt}\d][\p{L}\p{M}\d .'’&-]{0,58}?)(?:\*\*|__)?\s*:(?:\*\*|__)?\s*/u;
const LEAD_BULLET = /^(?:[-*+]\s+)?/;
/** What may sit between a time token and the speech: "):", "**", ":**". */
const AFTER_TOKEN = /^(?:\*\*|__)?\s*:?\s*(?:\*\*|__)?\s*/;
const LINKED_TIME = /^\[\(?([^()[\]]{1,20}?)\)?\]\(([^()\s]{0,2000})\)/;
const PLAIN_TIME = /^[([](\d{1,3}:[\d:.,]{1,12})[)\]]/;

interface TimeToken {
  clock: string;
  url: string | null;
  length: number;
}

/** "[(00:11:57)](url)", "[00:11:57](url)", "(00:11:57)" or "[00:11:57]" at the start of `s`. */
function readTimeToken(s: string): TimeToken | null {
  const linked = LINKED_TIME.exec(s);
  // A link whose text has no digit is an ordinary link ("[(see here)](url)"), not a timestamp.
  if (linked && /\d/.test(linked[1]!)) return { clock: linked[1]!.trim(), url: linked[2]!, length: linked[0].length };
  const plain = PLAIN_TIME.exec(s);
  if (plain) return { clock: plain[1]!, url: null, length: plain[0].length };
  return null;
}

/** A speaker name reads like one: at most six words, each capitalized or a particle ("Ludwig van Beethoven"). */
function isName(name: string): boolean {
  return looksLikeNameWords(name, 1, 6);
}

/** Seconds from a "t=" deep-link parameter: "t=717", "t=717s", "t=11m57s", "t=1h2m3s". */
function secondsFromUrl(url: string): number | null {
  const m = /[?&#]t=(?:(\d+)h)?(?:(\d+)m)?(\d+)?s?(?:&|$)/.exec(url);
  if (!m || (m[1] === undefined && m[2] === undefined && m[3] === undefined)) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

/** The token's time; the clock text and the link's t= agree on real pages, and either alone is enough. */
function tokenSeconds(token: TimeToken, line: number): number {
  const clock = parseClock(token.clock);
  if (clock !== null) return clock;
  const fromUrl = token.url === null ? null : secondsFromUrl(token.url);
  if (fromUrl !== null) return fromUrl;
  throw new InputError(`turn time "${token.clock}" is not a clock time (expected HH:MM:SS)`, { line });
}

/** Reads a line as a turn header, or null when the line is speech, a heading or anything else. */
function readTurnHead(line: string, lineNo: number): TurnHead | null {
  const head = line.slice(0, HEADER_SPAN);
  const tail = line.slice(head.length);

  const named = NAMED_HEAD.exec(head);
  if (named) {
    const name = squash(named[1]!);
    const afterName = head.slice(named[0].length);
    const token = readTimeToken(afterName);
    if (token && isName(name)) {
      const rest = afterName.slice(token.length);
      const gap = AFTER_TOKEN.exec(rest)![0].length;
      return { speaker: name, start: tokenSeconds(token, lineNo), url: token.url, text: rest.slice(gap) + tail };
    }
  }

  const bullet = LEAD_BULLET.exec(head)![0].length;
  const token = readTimeToken(head.slice(bullet));
  if (token) {
    const rest = head.slice(bullet + token.length);
    const start = tokenSeconds(token, lineNo);
    const trimmed = rest.replace(/^\s+/, '');
    // "[00:01:02] Jane Doe: …" names the speaker after the time; a linked time (lexfridman.com) never does, so there
    // a colon in the first words is speech ("Yes: absolutely").
    const nameAfter = token.url === null ? NAME_AFTER_TIME.exec(trimmed) : null;
    if (nameAfter && isName(squash(nameAfter[1]!))) {
      return { speaker: squash(nameAfter[1]!), start, url: token.url, text: trimmed.slice(nameAfter[0].length) + tail };
    }
    const gap = AFTER_TOKEN.exec(rest)![0].length;
    return { speaker: null, start, url: token.url, text: rest.slice(gap) + tail };
  }

  if (line.length <= 80) {
    const bare = BARE_HEAD.exec(line.trim());
    if (bare && isName(squash(bare[1]!))) {
      const start = parseClock(bare[2]!);
      if (start === null) throw new InputError(`turn time "${bare[2]}" is not a clock time`, { line: lineNo });
      return { speaker: squash(bare[1]!), start, url: null, text: '' };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Headings

const ATX = /^ {0,3}(#{1,6})\s+(.*)$/;
const SETEXT_UNDERLINE = /^ {0,3}(?:-{2,}|={2,})\s*$/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$/;
const NOT_CHAPTERS = /^(?:table of contents|contents|transcript|chapters|outline)$/i;
const CLOCK_IN_HEADING_START = /^\(?\[?(\d{1,2}:\d{2}(?::\d{2})?)\]?\)?\s*[-–—:|.]?\s*(.+)$/;
const CLOCK_IN_HEADING_END = /^(.+?)\s*[-–—|]?\s*[([](\d{1,2}:\d{2}(?::\d{2})?)[)\]]$/;

interface Heading {
  level: number;
  title: string;
  /** A time written in the heading itself ("## 00:12:30 Topic"); otherwise the next turn's start. */
  start: number | null;
}

function readHeading(level: number, raw: string): Heading | null {
  let text = squash(raw).replace(/\s#+$/, '');
  let start: number | null = null;
  const lead = CLOCK_IN_HEADING_START.exec(text);
  const trail = lead ? null : CLOCK_IN_HEADING_END.exec(text);
  if (lead) {
    start = parseClock(lead[1]!);
    if (start !== null) text = lead[2]!;
  } else if (trail) {
    start = parseClock(trail[2]!);
    if (start !== null) text = trail[1]!;
  }
  const title = markdownText(text);
  return title ? { level, title, start } : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Text cleaning

// ---------------------------------------------------------------------------------------------------------------
// Chunk-boundary echoes
//
// Transcription services cut long audio into chunks; the turn just before a cut ends with a fragment that the first
// turn after the cut says again in full ("…which is one of my favorite books, which it’s a book on philosophy. It’s-"
// then "My favorite books, it’s a book on philosophy, disguises book on humor."). The copy cut short is removed.

const ECHO_TAIL_WORDS = 40;
const ECHO_TAIL_CHARS = 600;
const ECHO_HEAD_CHARS = 800;
const ECHO_MIN_WORDS = 3;
const ECHO_MIN_SHARE = 0.6;

interface Word {
  key: string;
  at: number;
}

function wordsOf(text: string, offset: number): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    const key = m[0].toLowerCase().replace(/’/g, "'").replace(/[^\p{L}\p{N}']/gu, '');
    if (key) out.push({ key, at: offset + m.index });
  }
  return out;
}

/** Ends cut short: a dash, an ellipsis, or no sentence-final punctuation at all. */
function endsCutShort(text: string): boolean {
  const t = text.trimEnd();
  return /(?:[-–—…]|\.\.\.)$/.test(t) || /[\p{L}\p{N},;]$/u.test(t);
}

function lcsLength(a: string[], b: string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      row[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    }
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * Where in `earlier` the echo of `later`'s opening starts (a character offset), or null when there is none.
 * The echo is the tail of `earlier` whose words mostly reappear, in order, at the head of `later`, starting with the
 * same word; among candidates the one with most shared and fewest unshared words wins.
 */
export function echoStart(earlier: string, later: string): number | null {
  if (!endsCutShort(earlier)) return null;
  const tailFrom = Math.max(0, earlier.length - ECHO_TAIL_CHARS);
  const tail = wordsOf(earlier.slice(tailFrom), tailFrom).slice(-ECHO_TAIL_WORDS);
  const head = wordsOf(later.slice(0, ECHO_HEAD_CHARS), 0).map((w) => w.key);
  if (tail.length < ECHO_MIN_WORDS || head.length < ECHO_MIN_WORDS) return null;
  let best: { at: number; score: number } | null = null;
  for (let i = 0; i <= tail.length - ECHO_MIN_WORDS; i++) {
    if (tail[i]!.key !== head[0]) continue;
    const suffix = tail.slice(i).map((w) => w.key);
    const shared = lcsLength(suffix, head.slice(0, suffix.length + 5));
    if (shared < ECHO_MIN_WORDS || shared < ECHO_MIN_SHARE * suffix.length) continue;
    const score = 2 * shared - suffix.length;
    if (!best || score > best.score) best = { at: tail[i]!.at, score };
  }
  return best ? best.at : null;
}

interface RawTurn {
  speaker: string | null;
  start: number;
  text: string;
  markers: Marker[];
}

/** Removes the cut-short copy from the earlier of two adjacent turns of one speaker; drops it if nothing is left. */
function removeChunkEchoes(turns: RawTurn[]): RawTurn[] {
  const out: RawTurn[] = [];
  for (let i = 0; i < turns.length; i++) {
    const turn = turns[i]!;
    const next = turns[i + 1];
    if (next && next.speaker === turn.speaker && turn.text && next.text) {
      const cut = echoStart(turn.text, next.text);
      if (cut !== null) {
        const text = turn.text.slice(0, cut).trimEnd();
        const markers = turn.markers.filter((m) => m.offset <= text.length);
        if (text || markers.length > 0) out.push({ ...turn, text, markers });
        continue;
      }
    }
    out.push(turn);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The page

interface PageHeader {
  fields: Map<string, string>;
  bodyFrom: number;
}

/** The web reader's "Key: value" lines up to "Markdown Content:"; none when the text is bare Markdown. */
function readPageHeader(lines: string[]): PageHeader {
  const fields = new Map<string, string>();
  if (!/^Title:/.test(lines[0] ?? '')) return { fields, bodyFrom: 0 };
  for (let i = 0; i < Math.min(lines.length, 40); i++) {
    const line = lines[i]!;
    if (/^Markdown Content:\s*$/.test(line)) return { fields, bodyFrom: i + 1 };
    if (!line.trim()) continue;
    const m = /^([A-Z][A-Za-z ]{0,30}):\s*(.*)$/.exec(line.slice(0, 2000));
    if (!m) break;
    fields.set(m[1]!.toLowerCase(), m[2]!.trim());
  }
  return { fields, bodyFrom: 0 };
}

interface PendingTurn {
  speaker: string | null;
  start: number;
  url: string | null;
  parts: string[];
}

interface PageBody {
  turns: PendingTurn[];
  chapters: Chapter[];
  pageTitle: string | null;
}

function readBody(lines: string[], from: number): PageBody {
  const turns: PendingTurn[] = [];
  const chapters: Chapter[] = [];
  const waiting: Heading[] = [];
  let pageTitle: string | null = null;
  let current: PendingTurn | null = null;

  const addHeading = (heading: Heading | null): void => {
    if (!heading) return;
    if (heading.level === 1 && pageTitle === null && turns.length === 0) {
      pageTitle = heading.title;
      return;
    }
    if (NOT_CHAPTERS.test(heading.title)) return;
    if (heading.start !== null) chapters.push({ title: heading.title, start: heading.start, origin: 'given' });
    else waiting.push(heading);
  };

  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNo = i + 1;
    if (!line.trim()) continue;

    const atx = line.length <= MAX_HEADING ? ATX.exec(line) : null;
    if (atx) {
      addHeading(readHeading(atx[1]!.length, atx[2]!));
      continue;
    }
    const underline = lines[i + 1];
    const startsBlock = i === from || !lines[i - 1]!.trim();
    if (underline !== undefined && startsBlock && line.length <= MAX_HEADING && SETEXT_UNDERLINE.test(underline)) {
      if (!readTurnHead(line, lineNo)) {
        addHeading(readHeading(underline.includes('=') ? 1 : 2, line));
        i++;
        continue;
      }
    }
    if (THEMATIC_BREAK.test(line)) continue;

    const head = readTurnHead(line, lineNo);
    if (head) {
      const previous = turns[turns.length - 1];
      if (previous && head.start < previous.start) {
        throw new InputError(
          `turn time ${formatClock(head.start, 'padded')} is before the previous turn's ${formatClock(previous.start, 'padded')}`,
          { line: lineNo },
        );
      }
      const speaker = head.speaker ?? previous?.speaker ?? null;
      current = { speaker, start: head.start, url: head.url, parts: head.text ? [head.text] : [] };
      turns.push(current);
      for (const heading of waiting.splice(0)) {
        chapters.push({ title: heading.title, start: head.start, origin: 'given' });
      }
      continue;
    }
    // Images and link lists are page furniture, not speech.
    if (current && !/^\s*(?:!\[|[-*+]\s+\[[^\]]*\]\([^)]*\)\s*$)/.test(line)) current.parts.push(line);
  }
  chapters.sort((a, b) => a.start - b.start);
  return { turns, chapters, pageTitle };
}

function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) return value;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

function metaOf(fields: Map<string, string>, pageTitle: string | null, turns: PendingTurn[]): EpisodeMeta {
  const rawTitle = fields.get('title') || pageTitle;
  const meta: EpisodeMeta = rawTitle ? titleMeta(markdownText(rawTitle)) : {};
  const published = isoDate(fields.get('published time'));
  if (published) meta.published = published;
  const url = fields.get('url source');
  if (url && /^https?:\/\/\S+$/.test(url)) meta.sourceUrls = [url.replace(/#.*$/, '')];
  for (const turn of turns) {
    const id = turn.url ? youtubeIdFromUrl(turn.url) : null;
    if (id) {
      meta.youtubeId = id;
      break;
    }
  }
  return meta;
}

function read(text: string): EpisodeFragment {
  const lines = text.split('\n');
  const header = readPageHeader(lines);
  const body = readBody(lines, header.bodyFrom);
  if (body.turns.length === 0) {
    throw new InputError('no speaker turns found (expected lines like "Name [(00:01:02)](link) text" or "Name (01:02): text")');
  }
  const cleaned: RawTurn[] = [];
  for (const turn of body.turns) {
    const { text: turnText, markers } = extractMarkers(markdownText(turn.parts.join(' ')));
    if (turnText || markers.length > 0) cleaned.push({ speaker: turn.speaker, start: turn.start, text: turnText, markers });
  }
  if (cleaned.length === 0) throw new InputError('every speaker turn is empty: the page has timestamps but no speech');
  const kept = removeChunkEchoes(cleaned);
  const times = assignTimes(kept.map((t) => ({ time: t.start, words: countWords(t.text) })));
  const turns = kept.map((t, k): Turn => {
    const turn: Turn = { speaker: t.speaker, start: round(t.start), end: round(times[k]!.end), timing: 'exact', text: t.text };
    if (t.markers.length > 0) turn.markers = t.markers;
    return turn;
  });
  const meta = metaOf(header.fields, body.pageTitle, body.turns);
  const fragment: EpisodeFragment = { meta, speakers: speakersOf(turns, meta), transcript: { turns } };
  if (body.chapters.length > 0) fragment.chapters = body.chapters;
  return fragment;
}

const DETECT_PREFIX = 16_000;

/**
 * This reader owns web pages; bare timed or labelled lines ("[00:00:04] Name: text", "Name (00:03): text", Otter's
 * "Name  0:03") are the plain-text reader's. So turns count only with a sign of a page: timestamp links, the web
 * reader's clip header, Markdown headings or bold names. Without one it says 0 (it can still be chosen with --format).
 */
function detect(text: string): number {
  const prefix = text.slice(0, DETECT_PREFIX);
  const lines = prefix.split('\n');
  if (lines.length > 1) lines.pop(); // the last line may be cut by the prefix
  let paragraphs = 0;
  let turns = 0;
  let markdown = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) continue;
    if (ATX.test(line) || (SETEXT_UNDERLINE.test(line) && i > 0 && lines[i - 1]!.trim())) {
      markdown++;
      continue;
    }
    paragraphs++;
    try {
      const head = readTurnHead(line, i + 1);
      if (!head) continue;
      // A named header counts fully; a bare time line could be many things.
      turns += head.speaker !== null ? 1 : 0.5;
      if (/^(?:[-*+]\s+)?(?:\*\*|__)/.test(line)) markdown++;
    } catch {
      turns += 0.5; // a broken time in a turn-shaped line is still this format, read will say what is wrong
    }
  }
  const sure = hasPageSignature(prefix) ? 0.05 : 0;
  if (sure === 0 && markdown === 0) return 0;
  if (turns >= 5 && turns / Math.max(paragraphs, 1) >= 0.3) return 0.9 + sure;
  if (turns >= 3) return 0.7 + sure;
  return turns >= 1 ? 0.4 : 0;
}

export const transcriptPageReader: Reader = {
  id: 'transcript-page',
  label: 'Transcript web page (speaker + timestamp turns, chapter headings)',
  detect,
  read,
};
