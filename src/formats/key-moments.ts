// Reads a "Key Moments" summary page (Summify style) copied as plain text: the episode title, a one-line overview,
// "Key Insights" lines, ALL-CAPS section titles each followed by a paragraph, "Mentioned in This Episode" category
// headings ("●Books"), "Common Questions", and a "Mentioned in this video" list of one-line entity descriptions.
// Copying the page keeps the words and loses the layout: entity names and question texts were in elements the copy
// dropped, so a mention is often only its description and a question only its answer.
import type { EpisodeFragment, EpisodeMeta, Insight, Mention, Question, Section, SummaryMaterial } from '../model/episode.js';
import { InputError } from '../model/errors.js';
import { titleMeta } from './episode-title.js';
import type { Reader } from './reader.js';
import { parseClock, plainText } from './text.js';

type Block = 'intro' | 'insights' | 'sections' | 'categories' | 'questions' | 'topics' | 'mentions';

const BLOCK_HEADINGS: [RegExp, Block | 'moments'][] = [
  [/^key moments$/i, 'moments'],
  [/^key (?:insights|takeaways)$/i, 'insights'],
  [/^mentioned in (?:this|the) (?:episode|podcast)$/i, 'categories'],
  [/^(?:common|frequently asked) questions$|^faqs?$/i, 'questions'],
  [/^topics$/i, 'topics'],
  [/^mentioned in (?:this|the) video$/i, 'mentions'],
];

/** The page's own furniture after the content: everything from the first of these lines on is dropped. */
const FOOTER = /^(?:more from\s[^.!?]{1,60}|view all [\d,]+ summaries|found this useful\?.*|try summify\b.*|get ai-powered summaries\b.*)$/i;
const CATEGORY = /^[●•▪◆■]\s*(.{1,60})$/;
const BULLET = /^(?:[-*•●▪]|\d{1,3}[.)])\s+/;
const LEAD_TIME = /^\[?\(?(\d{1,2}:\d{2}(?::\d{2})?)\)?\]?\s*[-–—:]?\s+(.+)$/;
const NAMED_LINE = /^(.{2,60}?)\s+[—–]\s+(.+)$|^([^:]{2,60}?):\s+(.+)$/;
const ARTICLE_START = /^(?:a|an)\s/i;
const SMALL_WORDS = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'to', 'a', 'an', 'at', 'by', 'de', 'van', 'von', 'with', '&']);

function headingOf(line: string): Block | 'moments' | null {
  for (const [pattern, block] of BLOCK_HEADINGS) if (pattern.test(line)) return block;
  return null;
}

/** A section title as the page writes it: capitals only ("THE TRANSFORMER ARCHITECTURE: A GENERAL-PURPOSE AI"). */
function isCapsTitle(line: string): boolean {
  if (line.length > 150 || /\p{Ll}/u.test(line)) return false;
  const capitals = line.match(/\p{Lu}/gu);
  return capitals !== null && capitals.length >= 3 && !/[.!?]$/.test(line);
}

/** "Name — description" or "Name: description", when the part before the dash or colon reads like a name. */
function mentionOf(line: string, kind: string | undefined): Mention {
  const m = NAMED_LINE.exec(line);
  const name = m ? (m[1] ?? m[3])!.trim() : '';
  const description = m ? (m[2] ?? m[4])!.trim() : '';
  const mention: Mention = looksLikeName(name) ? { name, description } : { name: null, description: line };
  if (kind) mention.kind = kind;
  return mention;
}

function looksLikeName(text: string): boolean {
  if (!text || ARTICLE_START.test(text)) return false;
  const words = text.split(/\s+/);
  if (words.length > 6) return false;
  return words.every((w, i) => /^[\p{Lu}\p{Lt}\d"'“‘(]/u.test(w) || (i > 0 && SMALL_WORDS.has(w.toLowerCase())));
}

function insightOf(line: string): Insight {
  const m = LEAD_TIME.exec(line);
  const start = m ? parseClock(m[1]!) : null;
  return start !== null && m ? { text: m[2]!, start } : { text: line };
}

/** The page's lines, cleaned, up to its footer. */
function contentLines(text: string): { text: string; no: number }[] {
  const out: { text: string; no: number }[] = [];
  const raw = text.split('\n');
  for (let i = 0; i < raw.length; i++) {
    const line = plainText(raw[i]!);
    if (!line) continue;
    if (line.length <= 200 && FOOTER.test(line)) break;
    out.push({ text: line, no: i + 1 });
  }
  return out;
}

interface Page {
  intro: string[];
  summary: SummaryMaterial;
  sawHeading: boolean;
}

function readPage(lines: { text: string; no: number }[]): Page {
  const intro: string[] = [];
  const summary: SummaryMaterial = { insights: [], sections: [], mentions: [], questions: [] };
  let block: Block = 'intro';
  let sawHeading = false;
  let section: Section | null = null;
  let category: string | undefined;
  let pendingQuestion: string | null = null;

  for (const { text } of lines) {
    const heading = text.length <= 60 ? headingOf(text) : null;
    if (heading) {
      if (heading === 'moments' || heading === 'insights') sawHeading = true;
      block = heading === 'moments' ? 'intro' : heading;
      section = null;
      category = undefined;
      continue;
    }
    // Section titles may follow the insights directly, with no heading of their own.
    if ((block === 'intro' || block === 'insights' || block === 'sections') && sawHeading && isCapsTitle(text)) {
      block = 'sections';
      section = { title: text, text: '' };
      summary.sections.push(section);
      continue;
    }
    const line = text.replace(BULLET, '');
    switch (block) {
      case 'intro':
        intro.push(line);
        break;
      case 'insights':
        summary.insights.push(insightOf(line));
        break;
      case 'sections':
        if (section) section.text = section.text ? `${section.text}\n${line}` : line;
        break;
      case 'categories': {
        // Category headings with nothing under them are layout; a line under one names an entity of that kind.
        const c = CATEGORY.exec(text);
        if (c) category = c[1]!.trim();
        else if (category) summary.mentions.push(mentionOf(line, category));
        break;
      }
      case 'questions':
        if (/\?$/.test(line) && pendingQuestion === null) {
          pendingQuestion = line;
        } else {
          summary.questions.push({ question: pendingQuestion, answer: line } satisfies Question);
          pendingQuestion = null;
        }
        break;
      case 'mentions':
        summary.mentions.push(mentionOf(line, undefined));
        break;
      case 'topics':
        break;
    }
  }
  summary.sections = summary.sections.filter((s) => s.text);
  return { intro, summary, sawHeading };
}

/** A title carries the show ("… | Lex Fridman Podcast #333") or an episode number. */
function looksLikeTitle(line: string): boolean {
  return /\s\|\s/.test(line) || /#\d{1,5}\b/.test(line);
}

function metaOf(intro: string[]): { meta: EpisodeMeta; overview: string | undefined } {
  let meta: EpisodeMeta = {};
  let rest = intro;
  if (intro.length >= 2 || (intro.length === 1 && looksLikeTitle(intro[0]!))) {
    meta = titleMeta(intro[0]!);
    rest = intro.slice(1);
  }
  const overview = rest.join(' ').trim();
  return { meta, overview: overview || undefined };
}

function read(text: string): EpisodeFragment {
  const page = readPage(contentLines(text));
  if (!page.sawHeading) {
    throw new InputError('not a Key Moments page: no "Key Moments" or "Key Insights" heading found');
  }
  const { summary } = page;
  if (summary.insights.length + summary.sections.length + summary.mentions.length === 0) {
    throw new InputError('the Key Moments page has no key insights, sections or mentioned entities');
  }
  const { meta, overview } = metaOf(page.intro);
  if (overview) summary.overview = overview;
  return { meta, summary };
}

function detect(text: string): number {
  const prefix = text.slice(0, 6_000);
  const moments = /^\s*Key Moments\s*$/m.test(prefix);
  const insights = /^\s*Key Insights\s*$/m.test(prefix);
  if (moments && insights) return 0.9;
  if (moments || insights) {
    const capsTitles = prefix.split('\n').filter((l) => isCapsTitle(l.trim())).length;
    return capsTitles >= 2 ? 0.6 : 0.3;
  }
  return 0;
}

export const keyMomentsReader: Reader = {
  id: 'key-moments',
  label: 'Key Moments summary page (Summify style)',
  detect,
  read,
};
