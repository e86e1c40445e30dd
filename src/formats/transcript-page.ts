// Reads transcript web pages saved as Markdown: a web reader's clip (a "Title: / URL Source: / Published Time: /
// Markdown Content:" header, then the page) or the bare Markdown. A page is a run of speaker turns, each a line that
// starts with a name and a timestamp, under chapter headings:
//   Lex Fridman [(00:00:33)](https://youtube.com/watch?v=…&t=33) So I was just thinking…   (lexfridman.com)
//   [(00:11:57)](https://youtube.com/watch?v=…&t=717) …                                      (same speaker goes on)
//   **Jane Doe** (00:01:02): …   /   Jane Doe (01:02):⏎text   /   [00:01:02] Jane Doe: …   /   Jane Doe  1:02⏎text
import type { Chapter, EpisodeFragment, EpisodeMeta, Marker, Speaker, Turn } from '../model/episode.js';
import { InputError } from '../model/errors.js';
import { parseEpisodeTitle } from './episode-title.js';
import type { Reader } from './reader.js';
import { countWords, parseClock, plainText, round, squash, WORDS_PER_SECOND, youtubeIdFromUrl } from './text.js';

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
const NAME_PARTICLES = new Set(['de', 'da', 'van', 'von', 'der', 'del', 'la', 'le', 'bin', 'al', 'el', 'di', 'du', 'dos', 'ten', 'ter', '&']);

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
  const words = name.split(' ').filter(Boolean);
  if (words.length === 0 || words.length > 6) return false;
  return words.every((w, i) => /^[\p{Lu}\p{Lt}\d]/u.test(w) || (i > 0 && NAME_PARTICLES.has(w.toLowerCase())));
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
  const title = cleanInline(text);
  return title ? { level, title, start } : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Text cleaning

const MARKER_KINDS: [RegExp, Marker['kind']][] = [
  [/^(?:inaudible|unintelligible|indiscernible|unclear)\b/i, 'inaudible'],
  [/^(?:crosstalk|cross-talk|cross talk|overlapping|talking over each other)\b/i, 'crosstalk'],
  [/^(?:foreign|foreign language|non-english|speaking in)\b/i, 'foreign'],
  [/^(?:laughter|laughs|laughing|chuckles)\b/i, 'laughter'],
  [/^(?:music|music playing|singing)\b/i, 'music'],
  [/^(?:applause|clapping)\b/i, 'applause'],
  [/^(?:silence|pause|sighs|coughs|background noise|noise|beep|static)\b/i, 'other'],
];
const BRACKETED = /\[([^[\]]{1,80})\]|\(([^()]{1,40})\)/g;

function markerKind(label: string): Marker['kind'] | null {
  for (const [pattern, kind] of MARKER_KINDS) if (pattern.test(label)) return kind;
  return null;
}

/** Escaped characters are parked in the private use area while the Markdown syntax around them is undone. */
const PARKED = 0xe000;

/** Markdown inline syntax to plain words: links keep their text, images go, escapes and emphasis are undone. */
export function unmarkdown(text: string): string {
  return text
    .replace(/[\ue000-\ue07f]/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~"'])/g, (_, ch: string) => String.fromCharCode(PARKED + ch.charCodeAt(0)))
    .replace(/!\[[^[\]]{0,500}\]\([^()\s]{0,2000}\)/g, '')
    .replace(/\[([^[\]]{0,500})\]\([^()\s]{0,2000}\)/g, '$1')
    .replace(/\*\*|__/g, '')
    .replace(/(^|[\s(])[*_](?=\S)([^*_\n]{1,200}?)(?<=\S)[*_](?=$|[\s.,;:!?)])/g, '$1$2')
    .replace(/[\ue000-\ue07f]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - PARKED));
}

/** Heading or name text: Markdown and HTML out, one line. */
function cleanInline(text: string): string {
  return plainText(unmarkdown(text));
}

interface CleanText {
  text: string;
  markers: Marker[];
}

/**
 * A turn's raw Markdown to plain text, with the transcriber's notes ("[inaudible 00:07:22]", "[crosstalk]") moved
 * out into markers at the offset where they stood.
 */
export function cleanTurnText(raw: string): CleanText {
  const source = unmarkdown(raw);
  const markers: Marker[] = [];
  let text = '';
  let from = 0;
  const append = (piece: string): void => {
    const clean = plainText(piece);
    if (!clean) return;
    // What followed a removed marker may start with its punctuation ("[inaudible]. But"): it joins the text before.
    if (text && !/^[.,;:!?…]/.test(clean)) text += ' ';
    text += text ? clean : clean.replace(/^[.,;:!?]+\s*/, '');
  };
  for (const m of source.matchAll(BRACKETED)) {
    const label = squash(m[1] ?? m[2] ?? '');
    const kind = markerKind(label);
    // Brackets are the transcriber's; parentheses are often speech ("(music by a friend)"), so only short notes count.
    if (!kind || (m[2] !== undefined && label.split(' ').length > 3)) continue;
    append(source.slice(from, m.index));
    markers.push({ kind, label, offset: text.length });
    from = m.index + m[0].length;
  }
  append(source.slice(from));
  for (const marker of markers) marker.offset = Math.min(marker.offset, text.length);
  return { text, markers };
}

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
          `turn time ${clockText(head.start)} is before the previous turn's ${clockText(previous.start)}`,
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

function clockText(seconds: number): string {
  const s = Math.floor(seconds);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/** Timed turns: each ends where the next begins; the last is given its length at the measured speech rate. */
function finishTurns(raw: RawTurn[]): Turn[] {
  return raw.map((t, i) => {
    const next = raw[i + 1];
    const end = next ? next.start : t.start + countWords(t.text) / WORDS_PER_SECOND;
    const turn: Turn = { speaker: t.speaker, start: round(t.start), end: round(Math.max(end, t.start)), timing: 'exact', text: t.text };
    if (t.markers.length > 0) turn.markers = t.markers;
    return turn;
  });
}

function compact(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '');
}

/** Every speaker once, in order of appearance: the host is the one the show is named after, guests from the title. */
function speakersOf(turns: Turn[], meta: EpisodeMeta): Speaker[] {
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

function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) return value;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

function metaOf(fields: Map<string, string>, pageTitle: string | null, turns: PendingTurn[]): EpisodeMeta {
  const meta: EpisodeMeta = {};
  const rawTitle = fields.get('title') || pageTitle;
  if (rawTitle) {
    const parts = parseEpisodeTitle(cleanInline(rawTitle));
    if (parts.title) meta.title = parts.title;
    if (parts.show) meta.show = parts.show;
    if (parts.number !== undefined) meta.number = parts.number;
    if (parts.guests) meta.guests = parts.guests;
  }
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
    const { text: turnText, markers } = cleanTurnText(turn.parts.join(' '));
    if (turnText || markers.length > 0) cleaned.push({ speaker: turn.speaker, start: turn.start, text: turnText, markers });
  }
  if (cleaned.length === 0) throw new InputError('every speaker turn is empty: the page has timestamps but no speech');
  const turns = finishTurns(removeChunkEchoes(cleaned));
  const meta = metaOf(header.fields, body.pageTitle, body.turns);
  const fragment: EpisodeFragment = { meta, speakers: speakersOf(turns, meta), transcript: { turns } };
  if (body.chapters.length > 0) fragment.chapters = body.chapters;
  return fragment;
}

const DETECT_PREFIX = 16_000;

/**
 * Timed speaker turns alone are also what plain-text transcripts look like (that reader claims them at 0.5), so high
 * confidence needs a sign of a web page as well: timestamp links, the web reader's header, Markdown headings or bold
 * names. Without one the page reader stays below plain-text and can still be chosen with --format.
 */
function detect(text: string): number {
  const prefix = text.slice(0, DETECT_PREFIX);
  const lines = prefix.split('\n');
  if (lines.length > 1) lines.pop(); // the last line may be cut by the prefix
  let paragraphs = 0;
  let turns = 0;
  let linked = 0;
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
      if (head.url !== null) linked++;
      if (/^(?:[-*+]\s+)?(?:\*\*|__)/.test(line)) markdown++;
    } catch {
      turns += 0.5; // a broken time in a turn-shaped line is still this format, read will say what is wrong
    }
  }
  const clipped = /^Title:.*\n[\s\S]{0,4000}?\nMarkdown Content:/.test(prefix);
  const page = linked > 0 || clipped || markdown > 0;
  const sure = linked > 0 || clipped ? 0.05 : 0;
  if (turns >= 5 && turns / Math.max(paragraphs, 1) >= 0.3) return page ? 0.9 + sure : 0.45;
  if (turns >= 3) return page ? 0.7 + sure : 0.4;
  if (turns >= 1) return page ? 0.4 : 0.3;
  return 0;
}

export const transcriptPageReader: Reader = {
  id: 'transcript-page',
  label: 'Transcript web page (speaker + timestamp turns, chapter headings)',
  detect,
  read,
};
