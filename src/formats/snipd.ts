// Reads Snipd highlights ("snips") as Readwise exports them, in two shapes of one content:
//  - Logseq: "title:: / author:: / full-title:: / url::" page properties, then a "- Highlights first synced by
//    [[Readwise]] [[date]]" bullet whose tab-indented children are the snips;
//  - Obsidian / plain Markdown: "# Title", a "## Metadata" list ("- Author: [[Show]]", "- Full Title:", "- URL:"),
//    then "## Highlights" whose top-level bullets are the snips.
// A snip is a bullet: its title, then "Summary:" (or "Key takeaways:" with a list), "Transcript:" with "Speaker 1"
// lines each followed by what was said, a "([Time 1:33:01](https://share.snipd.com/snip/…))" link, and optional
// "**Note:**" / "**Tags:**" child bullets. An "Episode AI notes" bullet is the episode's own summary.
import type { EpisodeFragment, EpisodeMeta, ExcerptLine, Highlight, Insight } from '../model/episode.js';
import { InputError } from '../model/errors.js';
import { titleMeta } from './episode-title.js';
import { markdownText } from './markdown.js';
import { looksLikeNameWords } from './names.js';
import type { Reader } from './reader.js';
import { parseClock, round, squash } from './text.js';
import { spokenSeconds } from './turns.js';

const PROPERTY = /^([A-Za-z][\w-]{0,40}):: ?(.*)$/;
const METADATA_ITEM = /^\s*[-*]\s+([A-Za-z][A-Za-z ]{0,30}):\s*(.*)$/;
const HEADING = /^(#{1,6})\s+(.*)$/;
const BULLET = /^(\s*)[-*]\s+(.*)$/;
const SYNC_GROUP = /^(?:highlights first synced by|new highlights added)\b/i;
const AI_NOTES = /^episode ai notes$/i;
const TIME_LINK = /\(\[Time\s+([\d:]{1,12})\]\(([^()\s]{0,2000})\)\)/;
const LABEL = /^(?:\*\*|__)?(summary|key takeaways|takeaways|transcript)\s*:?(?:\*\*|__)?\s*:?\s*$/i;
const CHILD_FIELD = /^[-*]\s+(?:\*\*|__)?(note|tags?)\s*:?(?:\*\*|__)?\s*:?\s*(.*)$/i;
const SPEAKER_NUMBER = /^speaker\s+\d{1,3}$/i;
const NAME_WORD = /^\p{Lu}[\p{L}.'’-]*$/u;
const LIST_ITEM = /^(?:[-*•]|\d{1,3}[.)])\s+/;

// ---------------------------------------------------------------------------------------------------------------
// Lines to bullets

interface Line {
  /** Indentation width: a tab counts as four columns. */
  indent: number;
  text: string;
  no: number;
}

interface Bullet {
  indent: number;
  head: string;
  headNo: number;
  /** Every line under the bullet (more indented, or blank), in order. */
  body: Line[];
}

function indentOf(raw: string): number {
  let width = 0;
  for (const ch of raw) {
    if (ch === '\t') width += 4;
    else if (ch === ' ') width += 1;
    else break;
  }
  return width;
}

/** Splits lines into the bullets at their shallowest bullet indentation; lines before the first bullet are dropped. */
function splitBullets(lines: Line[]): Bullet[] {
  let shallowest = Infinity;
  for (const line of lines) if (BULLET.test(line.text)) shallowest = Math.min(shallowest, line.indent);
  const bullets: Bullet[] = [];
  let current: Bullet | null = null;
  for (const line of lines) {
    const m = line.indent === shallowest ? BULLET.exec(line.text) : null;
    if (m) {
      current = { indent: line.indent, head: m[2]!, headNo: line.no, body: [] };
      bullets.push(current);
    } else if (current && (line.indent > current.indent || !line.text.trim())) {
      current.body.push(line);
    } else if (current && line.indent <= current.indent) {
      current = null; // text at the bullet's own level ends it (a heading, a paragraph)
    }
  }
  return bullets;
}

/** The snip bullets: the children of Readwise's sync-date bullets, or the bullets themselves when there are none. */
function snipBullets(lines: Line[]): Bullet[] {
  const out: Bullet[] = [];
  for (const bullet of splitBullets(lines)) {
    if (SYNC_GROUP.test(clean(bullet.head))) out.push(...splitBullets(bullet.body));
    else out.push(bullet);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Text

/** Markdown and Logseq inline syntax to plain words. */
function clean(text: string): string {
  return markdownText(text.replace(/\[\[([^[\]]{0,300})\]\]/g, '$1'));
}

function joinLines(lines: string[]): string {
  return lines.map(clean).filter(Boolean).join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// One snip

interface Snip {
  highlight?: Highlight;
  insights?: Insight[];
}

type Mode = 'lead' | 'summary' | 'transcript' | 'note' | 'tags';

function readSnip(bullet: Bullet): Snip {
  let start: number | null = null;
  let url: string | undefined;
  const takeTime = (text: string, no: number): string => {
    const m = TIME_LINK.exec(text);
    if (!m) return text;
    const seconds = parseClock(m[1]!);
    if (seconds === null) throw new InputError(`snip time "${m[1]}" is not a clock time`, { line: no });
    if (start === null) {
      start = seconds;
      url = m[2]!;
    }
    return text.slice(0, m.index) + text.slice(m.index + m[0].length);
  };

  const title = clean(takeTime(bullet.head, bullet.headNo));
  const lead: string[] = [];
  const summary: string[] = [];
  const note: string[] = [];
  const tags: string[] = [];
  const excerpt: { speaker: string | null; words: string[] }[] = [];
  let mode: Mode = 'lead';
  let fieldIndent = Infinity;
  let afterBreak = true;

  for (const line of bullet.body) {
    const text = takeTime(line.text.trim(), line.no);
    if (!text) {
      afterBreak = true;
      continue;
    }
    if ((mode === 'note' || mode === 'tags') && line.indent > fieldIndent) {
      (mode === 'note' ? note : tags).push(text);
      continue;
    }
    const field = CHILD_FIELD.exec(text);
    if (field) {
      mode = field[1]!.toLowerCase() === 'note' ? 'note' : 'tags';
      fieldIndent = line.indent;
      if (field[2]) (mode === 'note' ? note : tags).push(field[2]);
      continue;
    }
    if (PROPERTY.test(text)) continue; // Logseq block properties ("id:: …") are not content
    const label = LABEL.exec(text);
    if (label) {
      mode = label[1]!.toLowerCase() === 'transcript' ? 'transcript' : 'summary';
      afterBreak = true;
      continue;
    }
    if (mode === 'transcript') {
      const next = excerpt[excerpt.length - 1];
      if (isSpeakerLabel(text, afterBreak || !next || next.words.length > 0)) {
        excerpt.push({ speaker: text, words: [] });
      } else if (next) {
        next.words.push(text);
      } else {
        excerpt.push({ speaker: null, words: [text] });
      }
    } else if (mode === 'summary') {
      summary.push(text.replace(LIST_ITEM, ''));
    } else if (mode === 'lead') {
      lead.push(text);
    } else {
      // A line back at the snip's own indentation after a note ends the note.
      mode = 'lead';
      lead.push(text);
    }
    afterBreak = false;
  }

  if (AI_NOTES.test(title)) {
    const items = [...lead, ...summary].map((t) => clean(t.replace(LIST_ITEM, ''))).filter(Boolean);
    return { insights: items.map((t) => ({ text: t })) };
  }

  const lines: ExcerptLine[] = excerpt
    .map((e) => ({ speaker: e.speaker, text: clean(e.words.join(' ')) }))
    .filter((e) => e.text);
  const structured = lines.length > 0 || summary.length > 0;
  // A plain Readwise highlight (no Summary/Transcript parts) is its bullet: the words, not a title.
  const text = structured ? lines.map((l) => l.text).join('\n') : joinLines([bullet.head, ...lead].map((t) => t.replace(TIME_LINK, '')));
  const highlight: Highlight = { start, end: null, text, origin: 'snipd' };
  if (structured && title) highlight.title = [title, ...lead.map(clean)].filter(Boolean).join(' ');
  const summaryText = joinLines(summary);
  if (summaryText) highlight.summary = summaryText;
  if (lines.length > 0) highlight.excerpt = lines;
  // Snipd gives only where the snip starts; its end is estimated from the excerpt's length at the speech rate.
  if (start !== null) highlight.end = round((start as number) + spokenSeconds(text));
  if (url) highlight.url = url;
  const noteText = joinLines(note);
  if (noteText) highlight.note = noteText;
  const tagList = tagsOf(tags.join(' '));
  if (tagList.length > 0) highlight.tags = tagList;
  if (!highlight.text && !highlight.summary && !highlight.title) return {};
  return { highlight };
}

/** "Speaker 1", or a person's name alone on its line where a new speaker may begin. */
function isSpeakerLabel(text: string, mayBegin: boolean): boolean {
  if (SPEAKER_NUMBER.test(text)) return true;
  return mayBegin && text.length <= 40 && looksLikeNameWords(text, 2, 4, NAME_WORD);
}

function tagsOf(text: string): string[] {
  const tags: string[] = [];
  for (const m of text.matchAll(/#\[\[([^[\]]{1,100})\]\]|\[\[([^[\]]{1,100})\]\]|#([^\s,#]{1,100})/g)) {
    const tag = squash(m[1] ?? m[2] ?? m[3] ?? '');
    if (tag && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

// ---------------------------------------------------------------------------------------------------------------
// The document

interface Document {
  fields: Map<string, string>;
  /** "# Title" of the Markdown export. */
  heading: string | null;
  content: Line[];
}

/** Page properties (Logseq) or the Metadata list and title heading (Markdown); the rest is content. */
function readDocument(text: string): Document {
  const fields = new Map<string, string>();
  let heading: string | null = null;
  const content: Line[] = [];
  let section: 'top' | 'metadata' | 'other' = 'top';
  let inProperties = true;
  const raw = text.split('\n');
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i]!;
    const no = i + 1;
    if (inProperties) {
      const property = PROPERTY.exec(line.slice(0, 4000));
      if (property) {
        fields.set(property[1]!.toLowerCase(), property[2]!.trim());
        continue;
      }
      if (line.trim()) inProperties = false;
    }
    const h = line.length <= 500 ? HEADING.exec(line) : null;
    if (h) {
      const title = h[2]!.trim();
      if (h[1]!.length === 1 && heading === null) heading = title;
      else section = /^metadata$/i.test(clean(title)) ? 'metadata' : 'other';
      continue;
    }
    if (section === 'metadata') {
      const item = METADATA_ITEM.exec(line.slice(0, 4000));
      if (item) fields.set(item[1]!.trim().toLowerCase().replace(/\s+/g, '-'), item[2]!.trim());
      continue;
    }
    content.push({ indent: indentOf(line), text: line, no });
  }
  return { fields, heading, content };
}

function metaOf(doc: Document): EpisodeMeta {
  const author = doc.fields.get('author');
  const show = author ? clean(author) : '';
  const rawTitle = doc.fields.get('full-title') || doc.fields.get('title') || doc.heading;
  const meta: EpisodeMeta = rawTitle ? titleMeta(clean(rawTitle.replace(/^"(.*)"$/, '$1')), show || undefined) : {};
  if (!rawTitle && show) meta.show = show;
  const url = doc.fields.get('url');
  if (url && /^https?:\/\/\S+$/.test(url)) meta.sourceUrls = [url];
  return meta;
}

function read(text: string): EpisodeFragment {
  const doc = readDocument(text);
  const highlights: Highlight[] = [];
  const insights: Insight[] = [];
  for (const bullet of snipBullets(doc.content)) {
    const snip = readSnip(bullet);
    if (snip.highlight) highlights.push(snip.highlight);
    if (snip.insights) insights.push(...snip.insights);
  }
  if (highlights.length === 0 && insights.length === 0) {
    throw new InputError('no highlights found (expected "- " bullets with a title, Summary: and Transcript: parts)');
  }
  const fragment: EpisodeFragment = { meta: metaOf(doc) };
  if (highlights.length > 0) fragment.highlights = highlights;
  if (insights.length > 0) fragment.summary = { insights, sections: [], mentions: [], questions: [] };
  return fragment;
}

const DETECT_PREFIX = 8_000;

function detect(text: string): number {
  const prefix = text.slice(0, DETECT_PREFIX);
  const snipd = /https?:\/\/share\.snipd\.com\//.test(prefix);
  const readwise =
    /^(?:title|author|full-title):: /m.test(prefix) ||
    /^#{2,3} Metadata\s*$/m.test(prefix) ||
    /^\s*-\s+(?:Highlights first synced by|New highlights added)\b/m.test(prefix);
  const snipShape = /^\s*(?:Transcript|Summary|Key takeaways):\s*$/m.test(prefix) || TIME_LINK.test(prefix);
  if (snipd && readwise && snipShape) return 0.95;
  if (snipd && (readwise || snipShape)) return 0.85;
  if (snipd) return 0.4;
  return 0;
}

export const snipdReader: Reader = {
  id: 'snipd',
  label: 'Snipd highlights (Readwise export to Logseq or Markdown)',
  detect,
  read,
};
