// The fallback reader for any text transcript: one line per utterance or paragraph, optionally with speaker labels
// ("Name: text", "NAME: text", "**Name:** text", ">> Name: text") and timestamps ("[00:01:02] text",
// "(1:02) Name: text", "00:01:02 Name: text", "Name (00:01:02): text", Otter-style "Name  0:03" header lines, and
// the YouTube "show transcript" copy with each time on its own line before its text). Web pages with such turns
// (timestamp links, a clip header, Markdown headings or bold names) are the transcript-page reader's.
import type { EpisodeFragment, Turn } from '../model/episode.js';
import { InputError } from '../model/errors.js';
import type { Reader } from './reader.js';
import { countWords, plainText, round, stripControls } from './text.js';
import { titleMeta } from './episode-title.js';
import { recoverParagraphs, textBlocks } from './paragraphs.js';
import { documentLanguage } from './language.js';
import { hasForeignSignature, looksLikeJson, looksLikeMarkup } from './detection.js';
import { cueShare, labelCounts, parseLineShape, type LineShape } from './line-shapes.js';
import { assignTimes, estimateTurns, speakersOf, withMarkers } from './turns.js';

/** How much of a file detection looks at. */
const DETECT_PREFIX = 16_384;

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
  if (/^title:\s/i.test(first.raw)) return plainText(first.raw.replace(/^title:\s*/i, '')) || undefined;
  if (first.time !== undefined || first.label !== undefined || first.newSpeaker) return undefined;
  const line = lines[0]!.replace(/^#{1,6}\s+/, '');
  if (line.length > 150 || /[.!?,;]$/.test(line)) return undefined;
  const laterCues = shapes.slice(1, 30).filter((s) => s.time !== undefined || s.label !== undefined).length;
  return laterCues >= 2 ? plainText(line) : undefined;
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

  const fragment: EpisodeFragment = { meta: title ? titleMeta(title) : {} };

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

  turns = turns.map(withMarkers).filter((t) => t.text || t.markers);
  if (turns.length === 0) throw new InputError('no transcript text: only timestamps, labels or markup');
  fragment.transcript = { turns };

  const speakers = speakersOf(turns, fragment.meta);
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
      const prose = plainText(piece);
      if (!prose) continue;
      if (countWords(prose) > 250) paragraphs.push(...recoverParagraphs(prose));
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
      words += draft.texts.reduce((n, t) => n + countWords(t), 0);
    } else {
      out.push({ ...draft, texts: [...draft.texts] });
      words = draft.texts.reduce((n, t) => n + countWords(t), 0);
    }
  }
  return out;
}

/**
 * Times for labelled/timed drafts: a given time is exact, a turn without one (or with one that runs backwards, a typo)
 * is estimated between its neighbours; a given range end is kept (see assignTimes).
 */
function timeDrafts(drafts: Draft[]): Turn[] {
  const kept = drafts
    .map((d) => ({ ...d, text: plainText(d.texts.join(' ')) }))
    .filter((d) => d.text.length > 0);
  const times = assignTimes(kept.map((d) => ({ time: d.time ?? null, end: d.end, words: countWords(d.text) })));
  return kept.map((d, k) => {
    const { start, end, timing } = times[k]!;
    return { speaker: d.speaker, start: round(start), end: round(end), timing, text: d.text };
  });
}

export const plainTextReader: Reader = {
  id: 'plain-text',
  label: 'Plain text transcript',
  detect(text) {
    const prefix = text.length > DETECT_PREFIX ? text.slice(0, DETECT_PREFIX) : text;
    if (!/\p{L}/u.test(prefix) || looksLikeJson(prefix) || looksLikeMarkup(prefix)) return 0;
    if (hasForeignSignature(prefix)) return 0.15;
    return cueShare(prefix) >= 0.3 ? 0.5 : 0.2;
  },
  read(text) {
    return read(text);
  },
};
