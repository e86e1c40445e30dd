// Talk transcripts: a title line, then plain paragraphs (separated by blank lines, or one per line when lines are
// long), without speakers or times. Some carry a machine translation under (or above) a paragraph, or on the same
// line after it; a translation is kept beside the paragraph it translates, never as a turn of its own.
import type { EpisodeFragment, Translation, Turn } from '../model/episode.js';
import { InputError } from '../model/errors.js';
import type { Reader } from './reader.js';
import { countWords, plainText, stripControls } from './text.js';
import { titleMeta } from './episode-title.js';
import { recoverParagraphs, textBlocks } from './paragraphs.js';
import {
  dominantScript,
  guessLanguage,
  isOtherLanguage,
  mainLanguage,
  splitAtScriptChange,
  type LanguageGuess,
} from './language.js';
import { hasForeignSignature } from './detection.js';
import { cueShare } from './line-shapes.js';
import { estimateTurns, withMarkers } from './turns.js';

const DETECT_PREFIX = 32_768;
/** Lines at least this long are paragraphs in themselves, not a paragraph hard-wrapped over several lines. */
const LONG_LINE = 200;
/** Paragraphs longer than this (two minutes of speech) are regrouped into paragraphs of readable size. */
const LONG_PARAGRAPH_WORDS = 300;
/** A title line is short; a first line longer than this is the first paragraph. */
const MAX_TITLE_LINE = 300;

/** Words that start the description sentence after a title run ("… and hardcore This was a live recording …"). */
const SENTENCE_STARTERS = new Set([
  'This', 'The', 'These', 'That', 'It', 'In', 'On', 'At', 'We', 'I', 'Our', 'My', 'Here', 'Recorded', 'Join',
  'Listen', 'Watch', 'A', 'An', 'Today', 'Tonight', 'He', 'She', 'They', 'You', 'Yesterday', 'Last', 'During',
  'After', 'Before', 'Filmed', 'Originally', 'Welcome', 'Transcript', 'Full',
]);
const ABBREVIATION = /^(?:Dr|Mr|Mrs|Ms|Prof|St|Jr|Sr|vs|No|Vol|Ep|Pt|[A-Z])\.$/;

/**
 * Splits a first line into the title and the description that follows it on the same line. The title ends at a
 * sentence end, or where a sentence-starting word ("This", "We", …) follows a lowercase word with no punctuation
 * between ("… speed and hardcore This was a live recording …"), provided what follows reads as a sentence.
 * Returns null when the line is no title but the first paragraph (too long, or one plain sentence).
 */
export function splitTitleLine(line: string): { title: string; description?: string } | null {
  const text = line.replace(/^#{1,6}\s+/, '').replace(/^title:\s*/i, '').trim();
  if (!text || text.length > MAX_TITLE_LINE) return null;
  const words = text.split(/\s+/);
  for (let i = 2; i < words.length - 2 && i <= 25; i++) {
    const previous = words[i - 1]!;
    const word = words[i]!;
    const rest = words.slice(i).join(' ');
    const endsSentence = /[.!?]["”’)]?$/.test(previous) && !ABBREVIATION.test(previous) && /^\p{Lu}/u.test(word);
    const startsSentence =
      SENTENCE_STARTERS.has(word) && /[\p{Ll}\d]$/u.test(previous) && /[.!?]["”’)]?$/.test(rest);
    if ((endsSentence || startsSentence) && readsLikeTitle(words.slice(0, i))) {
      const title = words.slice(0, i).join(' ').replace(/[.]$/, '');
      return { title, description: rest };
    }
  }
  if (/[.!?。！？]["”’)」]?$/.test(text)) return null;
  return { title: text };
}

const SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'vs', 'about']);

/**
 * A title has a title's punctuation ("Guest: Topics", "Show | Episode", "Topic – Subtitle") or capitalises most of
 * its words; "Thanks for having me." is a sentence that happens to be short.
 */
function readsLikeTitle(words: string[]): boolean {
  const text = words.join(' ');
  if (/[:|–—]|\s-\s/.test(text)) return true;
  const content = words.filter((w) => !SMALL_WORDS.has(w.toLowerCase()));
  const capitalised = content.filter((w) => /^[\p{Lu}\d#]/u.test(w)).length;
  return content.length > 0 && capitalised >= content.length * 0.6;
}

interface Piece {
  text: string;
  line: number;
  guess: LanguageGuess | null;
  other: boolean;
}

/**
 * The paragraphs of one blank-line block: each line when lines are long, otherwise the lines joined (hard wrap),
 * starting a new paragraph where the script changes (a translation on the next line).
 */
function blockParagraphs(block: { line: number; lines: string[] }): { text: string; line: number }[] {
  const { lines } = block;
  if (lines.length === 1) return [{ text: lines[0]!, line: block.line }];
  const average = lines.reduce((n, l) => n + l.length, 0) / lines.length;
  if (average >= LONG_LINE) return lines.map((text, i) => ({ text, line: block.line + i }));
  const out: { text: string; line: number }[] = [];
  let script: string | null = null;
  lines.forEach((text, i) => {
    const here = dominantScript(text);
    const last = out[out.length - 1];
    if (last && (here === script || here === null)) {
      last.text += ` ${text}`;
    } else {
      out.push({ text, line: block.line + i });
      script = here;
    }
  });
  return out;
}

/**
 * What a translation keeps of its original: numbers, and names (capitalised words that do not merely start a
 * sentence, and any Latin-script word inside CJK text, such as "GPU" or "Model").
 */
function anchors(text: string): Set<string> {
  const found = new Set<string>();
  for (const m of text.matchAll(/\d+(?:[.,]\d+)*|[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f\d'’-]*/g)) {
    const token = m[0];
    const before = text.slice(Math.max(0, m.index - 2), m.index).trimEnd();
    const previous = before[before.length - 1];
    if (/^\d/.test(token)) {
      found.add(token.replace(/[.,]/g, ''));
    } else if (previous !== undefined && /[\u3000-\u9fff\uff00-\uffef]/.test(previous) && /^[A-Za-z]/.test(token)) {
      found.add(token.toLowerCase());
    } else if (/^[A-Z\u00c0-\u00de]/.test(token) && previous !== undefined && !/[.!?。！？:"“]/.test(previous)) {
      found.add(token.toLowerCase());
    }
  }
  return found;
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / a.size;
}

/**
 * Decides which original each other-language piece translates: the main-language paragraph right before it
 * (across other translations), or right after it when there is none before or when the shared names and numbers
 * say so. Where names and numbers cannot tell, the order that most pieces showed is followed (after, by default).
 */
function attachTargets(pieces: Piece[]): Map<number, number> {
  const candidates: { index: number; before?: number; after?: number; lean: 'before' | 'after' | 'tie' }[] = [];
  let lastMain: number | undefined;
  const nextMain: (number | undefined)[] = new Array(pieces.length);
  let upcoming: number | undefined;
  for (let i = pieces.length - 1; i >= 0; i--) {
    nextMain[i] = upcoming;
    if (!pieces[i]!.other) upcoming = i;
  }
  const anchorCache = new Map<number, Set<string>>();
  const anchorsOf = (i: number): Set<string> => {
    let set = anchorCache.get(i);
    if (!set) {
      set = anchors(pieces[i]!.text);
      anchorCache.set(i, set);
    }
    return set;
  };
  pieces.forEach((piece, index) => {
    if (!piece.other) {
      lastMain = index;
      return;
    }
    const before = lastMain;
    const after = nextMain[index];
    // With a paragraph on one side only, that side it is, and that says which order the document uses.
    let lean: 'before' | 'after' | 'tie' = before === undefined ? 'after' : after === undefined ? 'before' : 'tie';
    if (before !== undefined && after !== undefined) {
      const own = anchorsOf(index);
      const b = overlap(own, anchorsOf(before));
      const a = overlap(own, anchorsOf(after));
      lean = b > a ? 'before' : a > b ? 'after' : 'tie';
    }
    candidates.push({ index, before, after, lean });
  });
  const leanBefore = candidates.filter((c) => c.lean === 'before').length;
  const leanAfter = candidates.filter((c) => c.lean === 'after').length;
  const order = leanAfter > leanBefore ? 'after' : 'before';
  const targets = new Map<number, number>();
  for (const c of candidates) {
    const choice = c.lean === 'tie' ? order : c.lean;
    const target = choice === 'before' ? (c.before ?? c.after) : (c.after ?? c.before);
    if (target !== undefined) targets.set(c.index, target);
  }
  return targets;
}

function read(text: string): EpisodeFragment {
  const clean = stripControls(text);
  if (!/\p{L}/u.test(clean)) throw new InputError('no words in the text (only digits, punctuation or blanks)');
  const blocks = textBlocks(clean);
  const fragment: EpisodeFragment = { meta: {} };

  const first = blocks[0]!;
  const titleParts = splitTitleLine(first.lines[0]!);
  const hasMore = first.lines.length > 1 || blocks.length > 1;
  if (titleParts && hasMore) {
    const title = plainText(titleParts.title);
    if (title) fragment.meta = titleMeta(title);
    const description = titleParts.description ? plainText(titleParts.description) : '';
    if (description) fragment.meta.description = description;
    first.lines.shift();
    first.line++;
  } else if (titleParts && !hasMore) {
    throw new InputError('only a title line, no transcript paragraphs', { line: first.line });
  }

  const pieces: Piece[] = [];
  for (const block of blocks) {
    if (block.lines.length === 0) continue;
    for (const paragraph of blockParagraphs(block)) {
      for (const part of splitAtScriptChange(paragraph.text)) {
        const prose = plainText(part);
        if (!prose || !/[\p{L}\p{N}]/u.test(prose)) continue;
        pieces.push({ text: prose, line: paragraph.line, guess: guessLanguage(prose), other: false });
      }
    }
  }
  const main = mainLanguage(pieces);
  if (main) for (const piece of pieces) piece.other = piece.guess !== null && isOtherLanguage(piece.guess, main);
  if (!pieces.some((p) => !p.other)) {
    throw new InputError('no transcript paragraphs after the title', { line: blocks[0]?.line ?? 1 });
  }

  const targets = attachTargets(pieces);
  const translations = new Map<number, Translation[]>();
  for (const [index, target] of targets) {
    const piece = pieces[index]!;
    const list = translations.get(target) ?? [];
    list.push({ lang: piece.guess!.lang, text: piece.text });
    translations.set(target, list);
  }

  // A paragraph of several minutes (or a whole talk on one line) is no unit a reader can land on: it is regrouped
  // like raw speech-to-text, unless a translation hangs on it as a whole.
  const originals: { text: string; translations?: Translation[] }[] = [];
  pieces.forEach((piece, index) => {
    if (piece.other) return;
    const attached = translations.get(index);
    if (attached) originals.push({ text: piece.text, translations: attached });
    else if (countWords(piece.text) > LONG_PARAGRAPH_WORDS) {
      for (const text of recoverParagraphs(piece.text)) originals.push({ text });
    } else originals.push({ text: piece.text });
  });
  // Translations are read silently alongside: only the originals advance the estimated clock.
  const timed = estimateTurns(originals.map(({ text }) => ({ text, speaker: null })));
  const turns: Turn[] = timed.map((turn, k) => {
    const out = withMarkers(turn);
    const attached = originals[k]!.translations;
    if (attached) out.translations = attached;
    return out;
  });
  fragment.transcript = { turns };
  if (main?.sure) fragment.meta.language = main.lang;
  return fragment;
}

/**
 * Paragraph-like units of a prefix: blank-line blocks (split into lines when their lines are long), or long lines
 * when the text has no blank lines. A text of short lines without blank lines has none: it is no talk transcript.
 */
function units(prefix: string): string[] {
  const blocks = textBlocks(prefix);
  const lines = blocks.flatMap((b) => b.lines);
  if (blocks.length < 3) {
    const rest = lines.slice(1);
    if (rest.length < 2 || rest.reduce((n, l) => n + l.length, 0) / rest.length < LONG_LINE) return [];
    return lines;
  }
  return blocks.flatMap((b) => {
    const average = b.lines.reduce((n, l) => n + l.length, 0) / b.lines.length;
    return average >= LONG_LINE ? b.lines : [b.lines.join(' ')];
  });
}

const PROSE = /[.!?。！？]/;

export const talkReader: Reader = {
  id: 'talk',
  label: 'Talk transcript (paragraphs, interleaved translations)',
  detect(text) {
    const prefix = text.length > DETECT_PREFIX ? text.slice(0, text.lastIndexOf('\n', DETECT_PREFIX) + 1 || DETECT_PREFIX) : text;
    if (!/\p{L}/u.test(prefix) || hasForeignSignature(prefix)) return 0;
    // Speaker labels or timestamps on many lines make it a plain-text transcript.
    if (cueShare(prefix) >= 0.3) return 0.1;
    const all = units(prefix);
    const body = all.slice(1);
    const prose = body.filter((u) => u.length >= 150 && PROSE.test(u));
    if (prose.length < 2 || prose.length * 2 < body.length) return 0;
    const firstScript = dominantScript(prose[0]!, 400);
    const mixed = prose.some((u) => dominantScript(u, 400) !== firstScript);
    // Another script under some paragraphs is this format's signature; a title line on top its usual shape.
    if (mixed) return 0.65;
    const first = all[0] ?? '';
    return first.length <= MAX_TITLE_LINE && splitTitleLine(first) ? 0.5 : 0.45;
  },
  read(text) {
    return read(text);
  },
};
