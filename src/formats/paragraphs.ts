// Paragraphs for the readers of unstructured text (raw speech-to-text, talk transcripts, plain text): blank-line
// blocks, and paragraphs a reader can follow recovered from a stream of sentences or words.
import { countWords, splitSentences } from './text.js';
import { dominantScript } from './language.js';

/** Blocks of consecutive non-empty lines, separated by blank lines, with the 1-based line each block starts on. */
export function textBlocks(text: string): { line: number; lines: string[] }[] {
  const blocks: { line: number; lines: string[] }[] = [];
  let current: { line: number; lines: string[] } | null = null;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) {
      current = null;
      continue;
    }
    if (!current) {
      current = { line: i + 1, lines: [] };
      blocks.push(current);
    }
    current.lines.push(line);
  }
  return blocks;
}

/** Whether prose carries sentence punctuation (some speech-to-text engines emit a bare lowercase word stream). */
export function isPunctuated(text: string): boolean {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const words = countWords(sample);
  if (words < 12) return /[.!?。！？]/.test(sample);
  const stops = sample.match(/[.!?。！？](?=\s|$)/g)?.length ?? 0;
  // Spoken sentences run 10-25 words; one stop per 40 words means the engine punctuated, if sparsely.
  return stops * 40 >= words;
}

/** Paragraph sizes in words: long enough to carry a thought, short enough to land on a search hit. */
const MIN_WORDS = 40;
const TARGET_WORDS = 80;
const IDEAL_WORDS = 90;
const MAX_WORDS = 150;
/** A single "sentence" longer than this is a run-on from the recogniser and is cut like unpunctuated text. */
const RUN_ON_WORDS = 180;

/** Openers after which a speaker usually moves on ("So, …", "Now, …", "Okay, …"). */
const TURNING_OPENER = /^(?:so|now|okay|ok|all right|alright|anyway|anyhow|well|right)\s*,/i;
const SOFT_OPENER = /^(?:so|now|okay|ok|all right|alright|anyway|and so|but|and then)\b/i;
/** Phrases that announce a new segment when they stand early in a sentence. */
const SEGMENT_CUE =
  /\b(?:brought to you by|let me ask you|let's talk about|let's move on|moving on|speaking of|back to the|the next question|my next question|here's my conversation|and now,? here's)\b/i;
const ASKS = /\?["'”’)]*$/;

interface Sentence {
  text: string;
  words: number;
  /** How much a paragraph break before this sentence is wanted (negative: unwanted). */
  pull: number;
}

/**
 * How much a sentence invites a paragraph break before it: most for a real question or a segment cue, less for a
 * turning opener with its comma, a little for a softer opener or a short question. Breaking right after a question
 * is unwanted: a question stays with the start of its answer.
 */
function breakPull(text: string, words: number, previous: string | undefined): number {
  if (previous !== undefined && ASKS.test(previous)) return ASKS.test(text) ? 0 : -1.5;
  if (ASKS.test(text)) return words >= 5 ? 2 : 0.5;
  if (SEGMENT_CUE.test(text.slice(0, 80))) return 2;
  if (TURNING_OPENER.test(text)) return 1.2;
  if (SOFT_OPENER.test(text)) return 0.5;
  return 0;
}

/** The cost of a paragraph of `words` words: nothing near the ideal, growing with the square of the distance. */
function sizeCost(words: number): number {
  const spread = ((words - IDEAL_WORDS) / 40) ** 2;
  return words < MIN_WORDS ? spread + 2 : spread;
}

/**
 * Groups sentences into paragraphs of roughly 40-150 words, breaking preferably where the discourse turns (before
 * a question, a segment cue or a "So, …"/"Now, …" opener). The breaks are chosen together, by dynamic programming
 * over sentence boundaries (each paragraph spans at most 150 words, so this stays linear), rather than greedily:
 * a greedy cut forced by length lands wherever the limit falls, often mid-thought.
 */
export function groupSentences(sentences: string[], measure: (text: string) => number = countWords): string[] {
  const items: Sentence[] = [];
  let previous: string | undefined;
  const add = (text: string, words: number): void => {
    items.push({ text, words, pull: breakPull(text, words, previous) });
    previous = text;
  };
  for (const text of sentences) {
    const words = measure(text);
    if (words > RUN_ON_WORDS && measure === countWords) {
      for (const piece of chunkWords(text)) add(piece, countWords(piece));
    } else if (words > 0) {
      add(text, words);
    }
  }
  const n = items.length;
  if (n === 0) return [];
  // best[j]: least cost of paragraphs covering items[0..j); from[j]: where the last of them starts.
  const best = new Float64Array(n + 1).fill(Infinity);
  const from = new Int32Array(n + 1);
  best[0] = 0;
  for (let j = 1; j <= n; j++) {
    let words = 0;
    for (let i = j - 1; i >= 0; i--) {
      words += items[i]!.words;
      if (words > MAX_WORDS && i < j - 1) break;
      const cost = best[i]! + sizeCost(words) - (i > 0 ? items[i]!.pull : 0);
      if (cost < best[j]!) {
        best[j] = cost;
        from[j] = i;
      }
    }
  }
  const paragraphs: string[] = [];
  for (let j = n; j > 0; j = from[j]!) {
    paragraphs.push(
      items
        .slice(from[j]!, j)
        .map((s) => s.text)
        .join(' '),
    );
  }
  return paragraphs.reverse();
}

const STRONG_WORD = /^(?:so|now|okay|ok|alright|anyway|well)\b/i;
const WEAK_WORD = /^(?:but|and|because|then|yeah|yes|right)\b/i;

/**
 * Cuts a stream of words without sentence punctuation into paragraphs of about 80 words, preferring to cut before
 * a discourse word ("so", "now", "okay", then "but", "and") within 60-100 words, so pieces start where speech does.
 */
export function chunkWords(text: string): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const chunks: string[] = [];
  let from = 0;
  while (from < words.length) {
    if (words.length - from <= TARGET_WORDS + TARGET_WORDS / 2) {
      chunks.push(words.slice(from).join(' '));
      break;
    }
    const low = from + 60;
    const high = Math.min(from + 100, words.length - 20);
    let cut = -1;
    for (let j = low; j <= high && cut < 0; j++) if (STRONG_WORD.test(words[j]!)) cut = j;
    for (let j = low; j <= high && cut < 0; j++) if (WEAK_WORD.test(words[j]!)) cut = j;
    if (cut < 0) cut = from + TARGET_WORDS;
    chunks.push(words.slice(from, cut).join(' '));
    from = cut;
  }
  return chunks;
}

/** Sentence ends in CJK text, which has no spaces for wink-nlp to work with. */
function splitCjkSentences(text: string): string[] {
  return (text.match(/[^。！？!?]+[。！？!?]*[”」』"]?/g) ?? []).map((s) => s.trim()).filter(Boolean);
}

/**
 * Recovers paragraphs from one stream of clean prose: sentences when the text is punctuated (grouped by
 * groupSentences), otherwise ~80-word pieces of the word stream.
 */
export function recoverParagraphs(text: string): string[] {
  if (!text.trim()) return [];
  const script = dominantScript(text);
  if (script === 'Han' || script === 'Kana') {
    // CJK has no word spaces; about 1.7 characters carry what one English word does.
    return groupSentences(splitCjkSentences(text), (s) => Math.ceil(s.replace(/\s+/g, '').length / 1.7));
  }
  if (!isPunctuated(text)) return chunkWords(text);
  return groupSentences(splitSentences(text));
}
