// Enrichment step "chapters": derive chapters with titles for episodes without given ones.
// Topic segmentation of the best transcript (src/enrich/segmentation.ts), an "Introduction" for the host's opening
// when it can be told apart, and titles from each chapter's own keyphrases against the rest of the episode.
import type { AdSpan, Chapter, Episode } from '../model/episode.js';
import { countTokens, transcriptText } from './analysis.js';
import { keyphrasesOfRanges, streamOf, titleFrom, tokenStream, type TokenStream } from './keyphrases.js';
import { isTopicWord, segment, sentenceEnds, sentences, type SegmentOptions, type Sentence, type Term } from './segmentation.js';
import type { EnrichStep } from './step.js';

/** Shorter episodes have one topic as far as a reader's table of contents goes. */
const MIN_SECONDS = 12 * 60;

/**
 * Sentences that hand over from a host's opening to the conversation ("And now, here's my conversation with…",
 * "without further ado", "let's get started"): the radio formula most interview shows use, not one show's wording.
 */
const INTRO_END =
  /\b(?:here'?s|here is|this is|enjoy|on to|onto)\s+(?:my|our|the|this)\s+(?:conversation|interview|chat|discussion|talk|episode)\b|^(?:and\s+)?(?:so\s+)?now,?\s+(?:[\w']+,?\s+){0,3}?here'?s\b|\bwithout further ado\b|\blet'?s\s+(?:get (?:started|into it)|dive (?:in|right in)|jump (?:in|right in))\b/i;
/** How far into an episode an introduction may run. */
const INTRO_MAX_SECONDS = 8 * 60;
/** Sentences that close an episode ("thank you for listening"): the outro belongs to the last chapter. */
const OUTRO = /\bthanks?(?: you)? (?:so much )?for (?:listening|watching|joining)\b/i;

export interface ChapterOptions extends SegmentOptions {}

export function deriveChapters(episode: Episode, options: ChapterOptions = {}): Chapter[] {
  const units = sentences(episode.turns);
  if (units.length === 0) return [];
  const introEnd = introductionEnd(units, episode.ads);
  const outro = outroStart(units);
  const body = units.slice(introEnd, outro);
  // Tokenized once (and shared with the moments step): topic words for the segmenter, phrases for the titles.
  const stream = sentenceStream(episode.turns, units);
  const topic = topicWords(stream);
  const terms = (i: number, into: Term[]) => topicTerms(stream, topic, i + introEnd, into);
  const cuts = segment(body, options, terms).map((i) => i + introEnd);
  const starts = [...(introEnd > 0 ? [introEnd] : []), ...cuts];
  const spans: { from: number; to: number }[] = [];
  let from = 0;
  for (const s of starts) {
    spans.push({ from, to: s });
    from = s;
  }
  spans.push({ from, to: units.length });
  const phrases = keyphrasesOfRanges(
    stream,
    spans.map((s) => [stream.starts[s.from]!, stream.starts[s.to]!] as const),
    { max: 2, nouns: true },
  );
  return spans.map((s, k) => ({
    title: k === 0 && introEnd > 0 ? 'Introduction' : titleFrom(phrases[k]!) || `Part ${k + 1}`,
    start: k === 0 ? 0 : round(units[s.from]!.start),
    origin: 'derived' as const,
  }));
}

/**
 * Index of the first sentence after the host's opening, or 0 when none is recognized: after a hand-over sentence,
 * else after the sponsor reads that open the episode (the ads step ran before; a show that reads its sponsors first
 * starts the conversation right after them).
 */
function introductionEnd(units: readonly Sentence[], ads: readonly AdSpan[]): number {
  const origin = units[0]!.start;
  for (let i = 0; i < units.length && units[i]!.start - origin < INTRO_MAX_SECONDS; i++) {
    if (INTRO_END.test(units[i]!.text)) return i + 1 < units.length ? i + 1 : 0;
  }
  const opening = ads.filter((a) => a.start - origin < INTRO_MAX_SECONDS && a.end - origin < INTRO_MAX_SECONDS);
  if (opening.length === 0) return 0;
  const end = Math.max(...opening.map((a) => a.end));
  const next = units.findIndex((u) => u.start >= end - 0.01);
  return next > 0 && units[next]!.start - origin < INTRO_MAX_SECONDS ? next : 0;
}

/** Index of the first outro sentence in the last tenth of the episode, or units.length. */
function outroStart(units: readonly Sentence[]): number {
  const end = units[units.length - 1]!.end;
  const from = end - Math.max(300, (end - units[0]!.start) / 10);
  for (let i = units.length - 1; i >= 0 && units[i]!.start >= from; i--) {
    if (OUTRO.test(units[i]!.text)) return i;
  }
  return units.length;
}

/**
 * The transcript's shared tokens (src/enrich/analysis.ts) read sentence by sentence. The sentences cover the text in
 * order, so each one's tokens follow the last one's: a sentence ends before the first token at or after its end,
 * found from where it ends in its turn (sentenceEnds). Where that cannot be known (whitespace collapsed inside a turn,
 * a sentence cut into pieces), its tokens are counted. Should the two readings ever disagree (they cannot for text
 * they read alike), the sentences are tokenized on their own.
 */
function sentenceStream(turns: Episode['turns'], units: readonly Sentence[]): TokenStream {
  const joined = transcriptText(turns);
  const { tokens } = joined;
  const ends = sentenceEnds(units);
  const partOf = new Int32Array(turns.length).fill(-1);
  for (let k = 0; k < joined.turn.length; k++) partOf[joined.turn[k]!] = k;
  const starts = new Int32Array(units.length + 1);
  let cursor = 0;
  for (let i = 0; i < units.length; i++) {
    const part = ends && ends.turn[i]! >= 0 ? partOf[ends.turn[i]!]! : -1;
    if (part >= 0 && joined.lead[part]! >= 0) {
      const from = joined.from[part]!;
      const end = Math.min(joined.to[part]!, Math.max(from, from + ends!.offset[i]! - joined.lead[part]!));
      while (cursor < tokens.count && tokens.at[cursor]! < end) cursor++;
    } else cursor += countTokens(units[i]!.text);
    starts[i + 1] = cursor;
  }
  return cursor === tokens.count ? streamOf(tokens, starts) : tokenStream(units.map((u) => u.text));
}

/** Per word id: 1 for words that carry a topic (isTopicWord). */
function topicWords(stream: TokenStream): Uint8Array {
  const { words } = stream.tokens;
  const out = new Uint8Array(words.length);
  for (let w = 0; w < words.length; w++) out[w] = stream.content[w] && isTopicWord(words[w]!) ? 1 : 0;
  return out;
}

/** Adds the topic words of sentence i as stem ids (see segment()). */
function topicTerms(stream: TokenStream, topic: Uint8Array, i: number, into: Term[]): void {
  const { word, stemOf } = stream.tokens;
  for (let k = stream.starts[i]!; k < stream.starts[i + 1]!; k++) if (topic[word[k]!]) into.push(stemOf[word[k]!]!);
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

export const chaptersStep: EnrichStep = {
  id: 'chapters',
  // 2: titles' words are tagged each on its own (src/enrich/pos.ts), no longer in a run-on list: 22 of 5,563 corpus
  // titles changed, and a title no longer depends on the episodes enriched before it.
  version: 2,
  skip(episode) {
    if (episode.chapters.some((c) => c.origin === 'given')) return 'chapters are given';
    if (episode.turns.length === 0) return 'no transcript';
    const last = episode.turns[episode.turns.length - 1]!;
    if (last.end - episode.turns[0]!.start < MIN_SECONDS) return 'too short for chapters';
    return null;
  },
  run(episode) {
    const chapters = deriveChapters(episode);
    return chapters.length > 1 ? { chapters } : {};
  },
};
