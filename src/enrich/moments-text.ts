// The transcript as the moments and insights steps read it: one text (every turn's words joined by spaces, so a
// quote cut from it is the transcript's own words), split into sentences with times, content stems and the cheap
// per-sentence cues both steps score with. Built once per transcript and shared by the two steps. Pure.
//
// Sentences are split by hand rather than with wink-nlp (src/formats/text.ts splitSentences): wink costs ~60 ms
// per episode-hour, several times the whole budget of a step; Whisper and the transcript pages punctuate well
// enough that terminal punctuation followed by a non-lowercase word is a sentence end.
import type { Turn } from '../model/episode.js';
import { WORDS_PER_SECOND, countWords, squash } from '../formats/text.js';
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

interface TurnSpan {
  from: number;
  to: number;
  start: number;
  end: number;
  speaker: string | null;
  attributed: boolean;
}

function hardBreak(a: TurnSpan, b: TurnSpan): boolean {
  return a.speaker !== b.speaker && !a.attributed && !b.attributed;
}

function buildStream(turns: readonly Turn[]): TextStream {
  const spans = turnSpans(turns);
  const text = spans.text;
  const v = newVocabulary();
  const sentences: Sentence[] = [];
  let totalWords = 0;
  const timeAt = timeMapper(spans.spans);
  const speakerAt = speakerMapper(spans.spans);
  // A run is a stretch no sentence crosses: a change between speakers the source names. Speakers guessed by
  // enrichment (attributed) change mid-sentence too often to cut there; such a sentence takes the speaker of its
  // middle.
  for (let r = 0; r < spans.spans.length; ) {
    let s = r + 1;
    while (s < spans.spans.length && !hardBreak(spans.spans[s - 1]!, spans.spans[s]!)) s++;
    const runFrom = spans.spans[r]!.from;
    const runTo = spans.spans[s - 1]!.to;
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
  const last = spans.spans[spans.spans.length - 1];
  return {
    text,
    sentences,
    stems: v.stems,
    vocabulary: v.vocabulary,
    tf: Int32Array.from(v.tf),
    df: Int32Array.from(v.df),
    generic: Uint8Array.from(v.generic),
    duration: last ? last.end : 0,
    words: totalWords,
  };
}

/**
 * The turns' texts joined by single spaces, with each turn's character range and times. Turns without words are
 * left out. A transcript without usable times (every end at 0, or going backwards) is timed by speech rate, so
 * moments still get an order and a length.
 */
function turnSpans(turns: readonly Turn[]): { text: string; spans: TurnSpan[] } {
  const parts: string[] = [];
  const spans: TurnSpan[] = [];
  let at = 0;
  for (const turn of turns) {
    const clean = typeof turn.text === 'string' ? squash(turn.text) : '';
    if (!clean) continue;
    if (parts.length) at += 1;
    const start = Number.isFinite(turn.start) ? turn.start : 0;
    const end = Number.isFinite(turn.end) ? Math.max(turn.end, start) : start;
    spans.push({ from: at, to: at + clean.length, start, end, speaker: turn.speaker ?? null, attributed: turn.attributed === true });
    parts.push(clean);
    at += clean.length;
  }
  const timed = spans.length > 0 && spans[spans.length - 1]!.end > 0 && spans.every((s, i) => i === 0 || s.start >= spans[i - 1]!.start - 1);
  if (!timed) {
    let clock = 0;
    spans.forEach((s, i) => {
      s.start = clock;
      s.end = clock += countWords(parts[i]!) / WORDS_PER_SECOND;
    });
  }
  return { text: parts.join(' '), spans };
}

/** Character offset → the speaker of the turn holding it; offsets must be asked in (nearly) rising order. */
function speakerMapper(spans: TurnSpan[]): (offset: number) => string | null {
  let k = 0;
  return (offset: number) => {
    if (spans.length === 0) return null;
    while (k > 0 && spans[k]!.from > offset) k--;
    while (k < spans.length - 1 && spans[k]!.to < offset) k++;
    return spans[k]!.speaker;
  };
}

/** Character offset → seconds, interpolating inside a turn by characters; offsets must be asked in rising order. */
function timeMapper(spans: TurnSpan[]): (offset: number) => number {
  let k = 0;
  return (offset: number) => {
    if (spans.length === 0) return 0;
    while (k > 0 && spans[k]!.from > offset) k--;
    while (k < spans.length - 1 && spans[k]!.to < offset) k++;
    const s = spans[k]!;
    if (offset <= s.from) return s.start;
    if (offset >= s.to) return s.end;
    return s.start + ((offset - s.from) / (s.to - s.from)) * (s.end - s.start);
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
  const END = /[。！？]+|[.!?…]+["'”’)\]]*(?=\s|$)/g;
  END.lastIndex = from;
  let start = from;
  for (let m = END.exec(text); m && m.index < to; m = END.exec(text)) {
    const stop = m.index + m[0].length;
    if (stop > to) break;
    let next = stop;
    while (next < to && text.charCodeAt(next) === 32) next++;
    if (next < to) {
      const c = text[next]!;
      if (c !== c.toUpperCase()) continue;
      if (m[0] === '.') {
        const before = text.slice(Math.max(start, m.index - 6), stop);
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
