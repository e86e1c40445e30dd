// Podcasting 2.0 HTML transcripts (podcast namespace, transcripts/transcripts.md): a run of
// `<cite>Speaker:</cite> <time>0:00</time> <p>text</p>` blocks, speaker and time optional, either bare (as the spec
// shows it) or inside a full `<html><body>` document (as saved pages have it). No HTML library is installed, so a
// small linear tokenizer reads just what the format needs: cite, time, p, br, the page title and language; the
// contents of script, style and the like are skipped.
import type { EpisodeFragment, EpisodeMeta, Turn } from '../model/episode.js';
import { InputError } from '../model/errors.js';
import { titleMeta } from './episode-title.js';
import { normalizeLanguage } from './language.js';
import { extractMarkers } from './markers.js';
import { cleanSpeaker } from './names.js';
import type { Reader } from './reader.js';
import { countWords, isAsciiLetter, isAsciiSpace, parseClock, plainText, round } from './text.js';
import { assignTimes, speakersOf } from './turns.js';

// ---------------------------------------------------------------------------------------------------------------
// Tokenizer

/** Elements whose content is not document text: skipped up to their end tag. */
const RAW_TEXT = new Set([
  'script', 'style', 'template', 'noscript', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes', 'title',
]);
/** Elements that end an open paragraph (HTML closes `<p>` implicitly before these). */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hr', 'html', 'li',
  'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr',
  'ul',
]);
/** Page furniture: paragraphs inside are used only when the page has no others. */
const CHROME = new Set(['nav', 'header', 'footer', 'aside']);

interface TagToken {
  name: string;
  closing: boolean;
  attrs: Record<string, string> | null;
}

interface HtmlHandler {
  text(raw: string): void;
  tag(tag: TagToken): void;
  rawText(name: string, content: string): void;
}

const rawTextEnds = new Map<string, RegExp>();
function rawTextEnd(name: string): RegExp {
  let re = rawTextEnds.get(name);
  if (!re) {
    re = new RegExp(`</${name}[\\s/>]`, 'gi');
    rawTextEnds.set(name, re);
  }
  return re;
}

function isNameChar(code: number): boolean {
  return isAsciiLetter(code) || (code >= 48 && code <= 57) || code === 45 || code === 58 || code === 95;
}

/**
 * Reads the attributes of a tag from `at` (just after its name) to its `>`, honouring quoted values (which may hold
 * `>`). Returns the index after the tag and, when asked, the attributes.
 */
function scanTag(text: string, at: number, wantAttrs: boolean): { end: number; attrs: Record<string, string> | null } {
  const n = text.length;
  const attrs: Record<string, string> | null = wantAttrs ? {} : null;
  let i = at;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 62) return { end: i + 1, attrs };
    if (isAsciiSpace(c) || c === 47) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < n && !isAsciiSpace(text.charCodeAt(i)) && text[i] !== '=' && text[i] !== '>' && text[i] !== '/') i++;
    const name = text.slice(nameStart, i).toLowerCase();
    if (i === nameStart) i++; // a lone "=": step over it
    while (i < n && isAsciiSpace(text.charCodeAt(i))) i++;
    let value = '';
    if (text[i] === '=') {
      i++;
      while (i < n && isAsciiSpace(text.charCodeAt(i))) i++;
      const quote = text[i];
      if (quote === '"' || quote === "'") {
        const close = text.indexOf(quote, i + 1);
        const stop = close === -1 ? n : close;
        value = text.slice(i + 1, stop);
        i = stop + 1;
      } else {
        const valueStart = i;
        while (i < n && !isAsciiSpace(text.charCodeAt(i)) && text[i] !== '>') i++;
        value = text.slice(valueStart, i);
      }
    }
    if (attrs && name && !(name in attrs)) attrs[name] = value;
  }
  return { end: n, attrs };
}

/** Walks an HTML document once, reporting text runs, tags and the contents of raw-text elements. */
function tokenize(text: string, handler: HtmlHandler): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const lt = text.indexOf('<', i);
    const stop = lt === -1 ? n : lt;
    if (stop > i) handler.text(text.slice(i, stop));
    if (lt === -1) return;
    const c1 = text.charCodeAt(lt + 1);
    if (c1 === 33) {
      // "<!": comment, CDATA or doctype
      if (text.startsWith('<!--', lt)) {
        const close = text.indexOf('-->', lt + 4);
        i = close === -1 ? n : close + 3;
      } else if (text.startsWith('<![CDATA[', lt)) {
        const close = text.indexOf(']]>', lt + 9);
        handler.text(text.slice(lt + 9, close === -1 ? n : close));
        i = close === -1 ? n : close + 3;
      } else {
        const close = text.indexOf('>', lt + 2);
        i = close === -1 ? n : close + 1;
      }
      continue;
    }
    if (c1 === 63) {
      // "<?xml ...>" and other processing instructions
      const close = text.indexOf('>', lt + 2);
      i = close === -1 ? n : close + 1;
      continue;
    }
    const closing = c1 === 47;
    const nameStart = closing ? lt + 2 : lt + 1;
    if (!isAsciiLetter(text.charCodeAt(nameStart))) {
      if (closing) {
        const close = text.indexOf('>', lt + 2);
        i = close === -1 ? n : close + 1;
      } else {
        handler.text('<');
        i = lt + 1;
      }
      continue;
    }
    let j = nameStart;
    while (j < n && isNameChar(text.charCodeAt(j))) j++;
    const name = text.slice(nameStart, j).toLowerCase();
    const { end, attrs } = scanTag(text, j, !closing && (name === 'time' || name === 'html'));
    handler.tag({ name, closing, attrs });
    i = end;
    if (!closing && RAW_TEXT.has(name)) {
      const re = rawTextEnd(name);
      re.lastIndex = i;
      const m = re.exec(text);
      const contentEnd = m ? m.index : n;
      handler.rawText(name, text.slice(i, contentEnd));
      if (!m) return;
      const close = text.indexOf('>', m.index);
      i = close === -1 ? n : close + 1;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the transcript structure

interface Block {
  speaker: string | null;
  /** Seconds from `<time>`, or null when the block has none. */
  time: number | null;
  raw: string;
  inChrome: boolean;
}

interface Header {
  speaker: string | null;
  hasCite: boolean;
  time: number | null;
  used: boolean;
}

interface HtmlTranscript {
  blocks: Block[];
  title?: string;
  language?: string;
}

/** "PT1H2M3.5S" (the `datetime` form of a duration) as seconds. */
function parseIsoDuration(text: string): number | null {
  const m = /^\s*PT?(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?\s*$/i.exec(text);
  if (!m || (!m[1] && !m[2] && !m[3])) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

/** A `<time>` as seconds: its text ("0:09", "[01:02:03]"), else its datetime attribute; null when neither is a time. */
function parseTime(content: string, datetime: string | undefined): number | null {
  const clean = plainText(content);
  const shown = clean.length > 40 ? '' : clean.replace(/^[[(]\s*|\s*[\])]$/g, '');
  const fromText = parseClock(shown);
  if (fromText !== null) return fromText;
  if (datetime) return parseClock(datetime) ?? parseIsoDuration(datetime);
  return null;
}

/**
 * Collects the transcript blocks. A `<cite>` or `<time>` opens a new header once the previous one has a paragraph;
 * each `<p>` becomes a block under the current header (later paragraphs of the same header keep its speaker but not its
 * time). A block without a `<cite>` continues the previous speaker.
 */
function readDocument(text: string): HtmlTranscript {
  const doc: HtmlTranscript = { blocks: [] };
  let capture: 'p' | 'cite' | 'time' | null = null;
  let buffer: string[] = [];
  /** Whether the buffer holds anything but whitespace (kept up to date so no check rescans it). */
  let bufferHasWords = false;
  let timeAttr: string | undefined;
  let header: Header = { speaker: null, hasCite: false, time: null, used: false };
  let carriedSpeaker: string | null = null;
  let chromeDepth = 0;
  // A cite or time written at the start of a paragraph ("<p><time>0:09</time> text</p>") hands back to it when done.
  let resumeParagraph = false;
  // Where, in the paragraph being read, a <cite> inside running text began (it may turn out to name the next speaker).
  let inlineCiteAt: number | null = null;

  const newHeaderIfUsed = (): void => {
    if (header.used) header = { speaker: null, hasCite: false, time: null, used: false };
  };

  const closeCapture = (): void => {
    const what = capture;
    capture = null;
    resumeParagraph = false;
    inlineCiteAt = null;
    if (what === null) return;
    const content = buffer.join('');
    buffer = [];
    bufferHasWords = false;
    if (what === 'cite') {
      newHeaderIfUsed();
      header.speaker = cleanSpeaker(content);
      header.hasCite = true;
    } else if (what === 'time') {
      newHeaderIfUsed();
      header.time = parseTime(content, timeAttr);
    } else if (content.trim().length > 0) {
      const speaker = header.hasCite ? header.speaker : carriedSpeaker;
      doc.blocks.push({ speaker, time: header.used ? null : header.time, raw: content, inChrome: chromeDepth > 0 });
      header.used = true;
      carriedSpeaker = speaker;
    }
  };

  // A cite ending in a colon names a speaker even inside running text: the paragraph was left unclosed before it.
  const endInlineCite = (): void => {
    const at = inlineCiteAt ?? buffer.length;
    inlineCiteAt = null;
    const content = buffer.slice(at).join('');
    if (!/:\s*$/.test(plainText(content))) return;
    buffer = buffer.slice(0, at);
    closeCapture();
    newHeaderIfUsed();
    header.speaker = cleanSpeaker(content);
    header.hasCite = true;
  };

  tokenize(text, {
    text(raw) {
      if (capture === null) return;
      buffer.push(raw);
      if (!bufferHasWords && /\S/.test(raw)) bufferHasWords = true;
    },
    rawText(name, content) {
      if (name === 'title' && doc.title === undefined) {
        const title = plainText(content);
        if (title) doc.title = title;
      }
    },
    tag({ name, closing, attrs }) {
      if (closing) {
        if (name === 'cite' && capture === 'p' && inlineCiteAt !== null) {
          endInlineCite();
        } else if (name === capture) {
          const resume = resumeParagraph && name !== 'p';
          closeCapture();
          if (resume) capture = 'p';
        } else if (capture === 'p' && BLOCK.has(name)) {
          closeCapture();
        }
        if (CHROME.has(name)) chromeDepth = Math.max(0, chromeDepth - 1);
        return;
      }
      if (name === 'html' && attrs) doc.language ??= normalizeLanguage(attrs['lang']);
      if (name === 'br') {
        if (capture !== null) buffer.push(' ');
        return;
      }
      if (name === 'cite' || name === 'time') {
        // Inside a paragraph that already has words, a time is a time of day and a cite usually a quoted title: text.
        if (capture === 'p' && bufferHasWords) {
          if (name === 'cite') inlineCiteAt = buffer.length;
          return;
        }
        const insideParagraph = capture === 'p';
        if (insideParagraph) {
          capture = null;
          buffer = [];
          bufferHasWords = false;
        } else {
          closeCapture();
        }
        capture = name;
        resumeParagraph = insideParagraph;
        timeAttr = attrs?.['datetime'];
        return;
      }
      if (name === 'p' || BLOCK.has(name)) {
        closeCapture();
        if (CHROME.has(name)) chromeDepth++;
        if (name === 'p') capture = 'p';
      }
    },
  });
  closeCapture();
  return doc;
}

function metaOf(doc: HtmlTranscript, turns: readonly Turn[]): EpisodeMeta {
  const meta: EpisodeMeta = doc.title ? titleMeta(doc.title) : {};
  if (doc.language) meta.language = doc.language;
  const lastTurn = turns[turns.length - 1];
  if (lastTurn && turns.some((t) => t.timing === 'exact')) meta.duration = lastTurn.end;
  return meta;
}

function readPodcastHtml(text: string): EpisodeFragment {
  const doc = readDocument(text);
  const body = doc.blocks.filter((b) => !b.inChrome);
  const blocks = body.length > 0 ? body : doc.blocks;
  const cleaned = blocks
    .map((block) => ({ block, clean: extractMarkers(plainText(block.raw)) }))
    .filter(({ clean }) => clean.text.length > 0 || clean.markers.length > 0);
  if (cleaned.length === 0) {
    throw new InputError('no transcript paragraphs found (expected <p> elements, optionally with <cite> and <time>)');
  }
  const times = assignTimes(cleaned.map(({ block, clean }) => ({ time: block.time, words: countWords(clean.text) })));
  const turns: Turn[] = cleaned.map(({ block, clean }, k) => {
    const { start, end, timing } = times[k]!;
    const turn: Turn = { speaker: block.speaker, start: round(start), end: round(end), timing, text: clean.text };
    if (clean.markers.length > 0) turn.markers = clean.markers;
    return turn;
  });
  const fragment: EpisodeFragment = { meta: metaOf(doc, turns), transcript: { turns } };
  const speakers = speakersOf(turns, fragment.meta);
  if (speakers.length > 0) fragment.speakers = speakers;
  return fragment;
}

// ---------------------------------------------------------------------------------------------------------------
// Detection

const DETECT_PREFIX = 65_536;
const SPEAKER_CITE = /<cite\b[^<>]*>([^<]{0,120})<\/cite\s*>(\s*<(?:time|p)\b)?/gi;
const CLOCK_TIME = /<time\b[^<>]*>\s*[[(]?\d{1,2}(?::\d{1,2}){1,2}(?:[.,]\d{1,3})?[\])]?\s*<\/time\s*>/i;
const PARAGRAPH = /<p[\s>]/i;

/** A cite that names a speaker: "Name:" or followed by the block's time or paragraph (not a quote's attribution). */
function hasSpeakerCite(head: string): boolean {
  SPEAKER_CITE.lastIndex = 0;
  for (let m = SPEAKER_CITE.exec(head); m; m = SPEAKER_CITE.exec(head)) {
    if (m[2] !== undefined || /:\s*$/.test(m[1]!)) return true;
  }
  return false;
}

function detectPodcastHtml(text: string): number {
  const head = text.slice(0, DETECT_PREFIX);
  const first = head.trimStart();
  if (!first.startsWith('<')) return 0;
  if (!PARAGRAPH.test(head)) return 0;
  if (CLOCK_TIME.test(head) || hasSpeakerCite(head)) return 0.9;
  return 0.3;
}

export const podcastHtmlReader: Reader = {
  id: 'podcast-html',
  label: 'Podcasting 2.0 HTML transcript',
  detect: (text) => detectPodcastHtml(text),
  read: (text) => readPodcastHtml(text),
};
