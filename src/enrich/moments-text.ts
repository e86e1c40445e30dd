// The transcript as the moments and insights steps read it: one text (every turn's words joined by spaces, so a
// quote cut from it is the transcript's own words), split into sentences with times, content stems and the cheap
// per-sentence cues both steps score with. Built once per transcript and shared by the two steps. Pure. The text,
// its words and stems are the transcript's shared reading (src/enrich/analysis.ts, which chapters read too).
//
// Sentences are split by hand rather than with wink-nlp (src/formats/text.ts splitSentences): wink costs ~60 ms
// per episode-hour, several times the whole budget of a step; Whisper and the transcript pages punctuate well
// enough that terminal punctuation followed by a non-lowercase word is a sentence end.
import type { Turn } from '../model/episode.js';
import { WORDS_PER_SECOND, countWords } from '../formats/text.js';
import { findSentenceEnd, transcriptText, type SentenceEnd, type TranscriptText } from './analysis.js';
import { describe, newVocabulary } from './moments-words.js';

export interface Sentence {
  /** Character range in the stream's text. */
  from: number;
  to: number;
  start: number;
  end: number;
  speaker: string | null;
  /** True when the sentence is the last of its speaker's turn (the floor changes, or the episode ends, after it). */
  endsTurn: boolean;
  /**
   * Stems of the words that are not stopwords, as ids into the stream's vocabulary, in order: stream.stems[stemFrom]
   * up to stream.stems[stemTo] (one shared array: a million small arrays were a good part of the step's garbage).
   */
  stemFrom: number;
  stemTo: number;
  words: number;
  /** Words that are neither stopwords nor the generic words of chat ("know", "thing", "really"). */
  content: number;
  /** Numbers, named things (capitalized mid-sentence) and long words: what makes a passage specific. */
  specific: number;
  /** Discourse markers of explanation, story or insight ("because", "I remember", "the key is"). */
  markers: number;
  /** Fillers and backchannels ("yeah", "um", "you know"). */
  fillers: number;
  question: boolean;
  /** Has an auxiliary, a copula, a subject pronoun or a past tense: reads as a clause rather than a fragment. */
  finite: boolean;
  /** "You" and "your": speech addressed to the other person (questions, framing), not a point made. */
  you: number;
  /** Has a verb of general statement ("is", "will", "means"). */
  claim: boolean;
  /** Has a past-tense verb (narration). */
  past: boolean;
  /**
   * How the sentence starts, past any fillers: 'reference' when it leans on what came before ("It", "That", "And",
   * "So", "Because"), 'connective' when it only opens with fillers ("Yeah, well, the reason is"), 'fragment' when it
   * starts in lower case (the rest of a sentence cut by a change of speaker or a long-sentence cut), else 'clean'.
   */
  opener: 'clean' | 'connective' | 'reference' | 'fragment';
  /** Sponsor-read language ("brought to you by", "use code"). */
  ad: boolean;
  /** Pleasantries and show business ("thank you for having me", "subscribe"). */
  smallTalk: boolean;
}

export interface TextStream {
  text: string;
  sentences: Sentence[];
  /** The sentences' stem ids, each sentence a range of it. */
  stems: readonly number[];
  /** Stem of each vocabulary id. */
  vocabulary: string[];
  /** Occurrences of each stem in the episode. */
  tf: Int32Array;
  /** Number of sentences containing each stem. */
  df: Int32Array;
  /** 1 for the stems of the generic words of chat (CHAT): never a topic. */
  generic: Uint8Array;
  /** End of the last turn (seconds). */
  duration: number;
  words: number;
}

/** Sentences longer than this are cut at commas: Whisper sometimes runs a minute of speech into one "sentence". */
const MAX_SENTENCE_WORDS = 70;
/** Text without spaces (another script, garbage) is cut into pieces of this many characters. */
const MAX_SENTENCE_CHARS = 600;

const cache = new WeakMap<readonly Turn[], TextStream>();

/** The stream of a transcript, memoized on the turns array (moments and insights read the same one). */
export function textStream(turns: readonly Turn[]): TextStream {
  let stream = cache.get(turns);
  if (!stream) cache.set(turns, (stream = buildStream(turns)));
  return stream;
}

/**
 * The turns as the stream reads them: the transcript's parts (src/enrich/analysis.ts) with their times, which are
 * the turns' own unless the transcript has no usable ones (then they are shared out by speech rate).
 */
interface Parts {
  count: number;
  from: Int32Array;
  to: Int32Array;
  start: Float64Array;
  end: Float64Array;
  speaker: readonly (string | null)[];
  attributed: Uint8Array;
}

/** Between parts k - 1 and k: a change between speakers the source names (never crossed by a sentence). */
function hardBreak(p: Parts, k: number): boolean {
  return p.speaker[k - 1] !== p.speaker[k] && !p.attributed[k - 1] && !p.attributed[k];
}

function buildStream(turns: readonly Turn[]): TextStream {
  const joined = transcriptText(turns);
  const { text } = joined;
  const parts = timedParts(joined);
  const v = newVocabulary(joined.tokens);
  const sentences: Sentence[] = [];
  let totalWords = 0;
  const timeAt = timeMapper(parts);
  const speakerAt = speakerMapper(parts);
  // A run is a stretch no sentence crosses: a change between speakers the source names. Speakers guessed by
  // enrichment (attributed) change mid-sentence too often to cut there; such a sentence takes the speaker of its
  // middle.
  for (let r = 0; r < parts.count; ) {
    let s = r + 1;
    while (s < parts.count && !hardBreak(parts, s)) s++;
    const runFrom = parts.from[r]!;
    const runTo = parts.to[s - 1]!;
    const pieces = splitRun(text, runFrom, runTo);
    for (let k = 0; k < pieces.length; k += 2) {
      const from = pieces[k]!;
      const to = pieces[k + 1]!;
      const sentence = describe(text, from, to, v);
      sentence.start = timeAt(from);
      sentence.end = Math.max(sentence.start, timeAt(to));
      sentence.speaker = speakerAt((from + to) >> 1);
      sentence.endsTurn = k === pieces.length - 2;
      totalWords += sentence.words;
      sentences.push(sentence);
    }
    r = s;
  }
  // Inside a run, the floor also changes where consecutive sentences have different speakers.
  for (let i = 0; i + 1 < sentences.length; i++) if (sentences[i]!.speaker !== sentences[i + 1]!.speaker) sentences[i]!.endsTurn = true;
  return {
    text,
    sentences,
    stems: v.stems,
    vocabulary: v.vocabulary,
    tf: Int32Array.from(v.tf),
    df: Int32Array.from(v.df),
    generic: Uint8Array.from(v.generic),
    duration: parts.count > 0 ? parts.end[parts.count - 1]! : 0,
    words: totalWords,
  };
}

/**
 * The transcript's parts with their times. A transcript without usable times (every end at 0, or going backwards)
 * is timed by speech rate, so moments still get an order and a length.
 */
function timedParts(joined: TranscriptText): Parts {
  const count = joined.turn.length;
  const parts: Parts = { count, from: joined.from, to: joined.to, start: joined.start, end: joined.end, speaker: joined.speaker, attributed: joined.attributed };
  let timed = count > 0 && joined.end[count - 1]! > 0;
  for (let k = 1; k < count && timed; k++) timed = joined.start[k]! >= joined.start[k - 1]! - 1;
  if (!timed) {
    const start = new Float64Array(count);
    const end = new Float64Array(count);
    let clock = 0;
    for (let k = 0; k < count; k++) {
      start[k] = clock;
      end[k] = clock += countWords(joined.text.slice(joined.from[k]!, joined.to[k]!)) / WORDS_PER_SECOND;
    }
    return { ...parts, start, end };
  }
  return parts;
}

/** Character offset → the speaker of the part holding it; offsets must be asked in (nearly) rising order. */
function speakerMapper(p: Parts): (offset: number) => string | null {
  let k = 0;
  return (offset: number) => {
    if (p.count === 0) return null;
    while (k > 0 && p.from[k]! > offset) k--;
    while (k < p.count - 1 && p.to[k]! < offset) k++;
    return p.speaker[k]!;
  };
}

/** Character offset → seconds, interpolating inside a part by characters; offsets must be asked in rising order. */
function timeMapper(p: Parts): (offset: number) => number {
  let k = 0;
  return (offset: number) => {
    if (p.count === 0) return 0;
    while (k > 0 && p.from[k]! > offset) k--;
    while (k < p.count - 1 && p.to[k]! < offset) k++;
    const from = p.from[k]!;
    const to = p.to[k]!;
    if (offset <= from) return p.start[k]!;
    if (offset >= to) return p.end[k]!;
    return p.start[k]! + ((offset - from) / (to - from)) * (p.end[k]! - p.start[k]!);
  };
}

const ABBREVIATION = /(?:^|[\s(])(?:mr|mrs|ms|dr|prof|st|vs|jr|sr|mt|ft|no|inc|ltd|co|approx|[a-z])\.$/i;
const DOTTED = /(?:[a-z]\.){2,}$/i;

/**
 * Sentence ranges inside text[from, to), as flat pairs [from0, to0, from1, to1, …]: a sentence ends at .!? (or CJK
 * 。！？) before a word that does not start lower-case.
 */
function splitRun(text: string, from: number, to: number): number[] {
  const out: number[] = [];
  const end: SentenceEnd = { start: 0, stop: 0 };
  let start = from;
  for (let at = from; findSentenceEnd(text, at, true, end, to); at = end.stop) {
    const stop = end.stop;
    if (stop > to) break;
    let next = stop;
    while (next < to && text.charCodeAt(next) === 32) next++;
    if (next < to) {
      const code = text.charCodeAt(next);
      if (code < 128 ? code >= 97 && code <= 122 : text[next] !== text[next]!.toUpperCase()) continue;
      if (stop - end.start === 1 && text.charCodeAt(end.start) === 46) {
        const before = text.slice(Math.max(start, end.start - 6), stop);
        if (ABBREVIATION.test(before) || DOTTED.test(before)) continue;
      }
    }
    pushBounded(text, start, stop, out);
    start = next;
  }
  if (start < to) pushBounded(text, start, to, out);
  return out;
}

/** Adds text[from, to) as one sentence, or several when it is longer than a sentence can usefully be. */
function pushBounded(text: string, from: number, to: number, out: number[]): void {
  while (from < to) {
    let spaces = 0;
    let cut = -1;
    let lastComma = -1;
    let lastSpace = -1;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 32) {
        spaces++;
        lastSpace = i;
        if (text.charCodeAt(i - 1) === 44 /* , */ && spaces >= MAX_SENTENCE_WORDS / 2) lastComma = i;
        if (spaces >= MAX_SENTENCE_WORDS) {
          cut = lastComma > from ? lastComma : i;
          break;
        }
      }
      if (i - from >= MAX_SENTENCE_CHARS && spaces === 0) {
        cut = i;
        break;
      }
      if (i - from >= MAX_SENTENCE_CHARS * 4) {
        cut = lastSpace > from ? lastSpace : i;
        break;
      }
    }
    if (cut === -1) {
      out.push(from, to);
      return;
    }
    out.push(from, cut);
    from = cut;
    while (from < to && text.charCodeAt(from) === 32) from++;
  }
}


/** A sentence's stem ids (a copy: for the few sentences a step looks at closely, not for loops over all). */
export function stemIds(stream: TextStream, s: Sentence): number[] {
  return stream.stems.slice(s.stemFrom, s.stemTo);
}

/**
 * Weight of each stem for how central it is to the episode: log(1 + tf) × log(sentences / df). Within one episode
 * this ranks its subject words ("network" said 60 times in 3% of sentences) above both words said everywhere and
 * words said once, without any background corpus.
 */
export function topicWeights(stream: TextStream): Float64Array {
  const n = Math.max(1, stream.sentences.length);
  const w = new Float64Array(stream.vocabulary.length);
  for (let id = 0; id < w.length; id++) {
    const df = stream.df[id]!;
    if (df < 2 || stream.generic[id]) continue;
    w[id] = Math.log(1 + stream.tf[id]!) * Math.log(n / df);
  }
  return w;
}

/** The share of a text's letters that are ASCII: the steps' cues and word lists are English. */
export function latinShare(text: string, sample = 20_000): number {
  let letters = 0;
  let ascii = 0;
  const step = Math.max(1, Math.floor(text.length / sample));
  for (let i = 0; i < text.length; i += step) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
        letters++;
        ascii++;
      }
    } else if (/\p{L}/u.test(text[i]!)) letters++;
  }
  return letters === 0 ? 0 : ascii / letters;
}

const LEADING_FILLER = /^(?:(?:and|but|so|or|yeah|yes|well|like|um|uh|oh|okay|ok|right|now|see|i mean|you know|i guess|anyway)\b[,.]?\s+|no,\s+)+/i;
const INLINE_FILLER = /,?\s+(?:um|uh|uhm)\b,?|,\s*you know,|\b(?:like|you know),\s+(?=like\b)/gi;

/**
 * A sentence made presentable without changing what it says: leading joining words and fillers dropped ("And so,
 * um, the reason is…" → "The reason is…"), "um"/"uh" removed, first letter capitalized, cut at a word boundary
 * after `maxWords` words with an ellipsis.
 */
export function tidy(text: string, maxWords = 60): string {
  let out = text.replace(INLINE_FILLER, (m) => (m.trimEnd().endsWith(',') && m.trimStart().startsWith(',') ? ',' : '')).trim();
  const stripped = out.replace(LEADING_FILLER, '');
  if (stripped.split(' ').length >= 4) out = stripped;
  const words = out.split(' ');
  if (words.length > maxWords) out = `${words.slice(0, maxWords).join(' ').replace(/[,;:.!?-]+$/, '')}…`;
  return out.charAt(0).toUpperCase() + out.slice(1);
}
