// The words of a sentence as the moments and insights steps score them: one pass over its tokens (the transcript's
// shared tokens, src/enrich/analysis.ts) gives its content stems and counts of the cues that make a passage substantive (numbers, names, markers of explanation and
// story) or not (fillers, pleasantries, sponsor language), and how it starts. Word lists are English, chosen for
// conversation. Pure (the buffers below are reused between sentences, never shared between calls).
import { isStopword } from '../text/words.js';
import { wordStem, type Tokens } from './analysis.js';
import type { Sentence } from './moments-text.js';

/** Number words count as specific like digits: "a billion people", "ninety percent". */
const NUMBER_WORDS = new Set(
  'hundred hundreds thousand thousands million millions billion billions trillion percent twenty thirty forty fifty sixty seventy eighty ninety dozen'.split(' '),
);
/**
 * Spoken words that are frequent in any conversation and say nothing about its subject. STOPWORDS (src/text/words.ts)
 * already drops function words; these are the content words of chat, kept out of centrality and specificity.
 */
const CHAT = new Set(
  `know think mean go going get getting got make making made want wanted see look looking feel feeling like really
  actually basically probably obviously literally certainly definitely exactly totally pretty good great right okay
  sure little big lot thing things stuff way time times people person kind sort something someone everything
  anything nothing everybody somebody guess talk talking say saying said tell told bit yeah yes wow uh um hmm
  absolutely interesting true whole able maybe let come came take took put give gave need needs try trying use used
  different same much many first also even still back well just`
    .split(/\s+/)
    .filter(Boolean),
);
const FILLERS = new Set('yeah yes yep um uh uhm hmm mm oh okay ok wow right exactly absolutely sure cool nice haha'.split(' '));

/**
 * Cue phrases, matched on word tokens (one map lookup per word: a regex of dozens of alternatives over every
 * sentence cost more than the rest of the step). "(a|b|)" expands to alternatives, the empty one included.
 */
const CUES: Record<'markers' | 'ad' | 'smallTalk', string[]> = {
  // Explanation, story and insight: what makes a passage worth returning to.
  markers: [
    'because', 'the reason', 'i remember', 'i recall', 'the key (is|thing|idea|insight|question)', 'the trick is', 'the thing is',
    'the point is', 'the problem is', 'the idea is', 'the lesson', 'i learned', 'i realized', 'turns out', 'for example',
    'for instance', 'in other words', 'which means', 'that means', 'the way (i|you|we) think about', 'the most important',
    'fundamental', 'fundamentally', 'essentially', 'the difference between', 'the truth is', 'in fact', 'imagine',
    'when i was', 'years ago', 'one day', 'the first time', 'i believe', 'my (view|belief|hope|guess|sense) is',
    'the answer is', 'the secret', 'the beauty of', 'the biggest', "that's why", 'principle', 'ultimately',
    'the whole point', 'what happened', 'the story',
  ],
  // Sponsor reads.
  ad: [
    'brought to you by', 'sponsored by', 'presented by', '(our|today s|this episode s) (sponsor|sponsors)', 'use (the|) (promo|) code',
    'promo code', 'free trial', 'sign up (at|for)', 'percent off', 'special offer',
  ],
  // Pleasantries and show business: no moment is made of these.
  smallTalk: [
    'thank you (so much|very much|) (for|lex|man|guys)', 'thanks (so much|) for', '(great|good|nice) to (see|meet|have|be)',
    'welcome (back|to)', 'how are you', "it's an (honor|honour)", '(a|my) pleasure', 'for having me',
    '(talking|talk) (to|with) (me|you) today', 'great conversation', 'this was (fun|great|awesome|amazing)', 'subscribe',
    'patreon', 'five stars',
  ],
};

type CueKind = keyof typeof CUES;

/** Expands "(a|b|) c" into "a c", "b c", " c". */
function expand(pattern: string): string[] {
  const open = pattern.indexOf('(');
  if (open === -1) return [pattern];
  const close = pattern.indexOf(')', open);
  const head = pattern.slice(0, open);
  const tail = pattern.slice(close + 1);
  return pattern
    .slice(open + 1, close)
    .split('|')
    .flatMap((alt) => expand(head + alt + tail));
}

/** Cue phrases by first word, then by second word (most start with "the" or "i": one list each would be long). */
interface CueHead {
  /** Kinds of the one-word cues that are this word. */
  single: CueKind[];
  next: Map<string, { rest: string[]; kind: CueKind }[]>;
}
const CUE_INDEX = new Map<string, CueHead>();
for (const kind of Object.keys(CUES) as CueKind[]) {
  for (const pattern of CUES[kind]) {
    for (const phrase of expand(pattern)) {
      const tokens = phrase.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
      if (!tokens.length) continue;
      let head = CUE_INDEX.get(tokens[0]!);
      if (!head) CUE_INDEX.set(tokens[0]!, (head = { single: [], next: new Map() }));
      if (tokens.length === 1) {
        head.single.push(kind);
        continue;
      }
      const list = head.next.get(tokens[1]!) ?? [];
      list.push({ rest: tokens.slice(2), kind });
      head.next.set(tokens[1]!, list);
    }
  }
}

/** Counts of the cue phrases of each kind in the last sentence counted (one object, reused: no allocation). */
const CUE_COUNTS: Record<CueKind, number> = { markers: 0, ad: 0, smallTalk: 0 };

/** Counts the cue phrases of each kind in a sentence's tokens, starting at the given positions. */
function countCues(tokens: readonly string[], n: number, heads: readonly number[], count: number): Record<CueKind, number> {
  CUE_COUNTS.markers = CUE_COUNTS.ad = CUE_COUNTS.smallTalk = 0;
  for (let h = 0; h < count; h++) {
    const p = heads[h]!;
    const head = CUE_INDEX.get(tokens[p]!);
    if (!head) continue;
    for (const kind of head.single) CUE_COUNTS[kind]++;
    if (p + 1 >= n) continue;
    const list = head.next.get(tokens[p + 1]!);
    if (!list) continue;
    for (const { rest, kind } of list) {
      let k = 0;
      while (k < rest.length && p + 2 + k < n && tokens[p + 2 + k] === rest[k]) k++;
      if (k === rest.length) CUE_COUNTS[kind]++;
    }
  }
  return CUE_COUNTS;
}

/** Closing quotes, brackets and spaces that may follow a sentence's final "?". */
const CLOSERS = new Set([...'"\'”’)] '].map((c) => c.charCodeAt(0)));

/** A web address in a read ("go to example.com", "example.com/lex"): dot-com token after "go to" or before "/". */
function isAdAddress(text: string, at: number, end: number, tokens: readonly string[], p: number): boolean {
  if (text.charCodeAt(at - 1) !== 46 /* . */) return false;
  if (text.charCodeAt(end) === 47 /* / */) return true;
  return tokens[p - 3] === 'go' && tokens[p - 2] === 'to';
}
const ADDRESS_ENDINGS = new Set(['com', 'org', 'io', 'net', 'co']);

/** Words that make a sentence lean on the one before ("It…", "That's why…", "And so…"): it opens no moment well. */
const REFERENCE_OPENERS = new Set('it its that this these those they them he she his her which because then also but and so or'.split(' '));
/** Fillers and discourse words a sentence may start with and a summary drops ("Yeah, well, the reason is…"). */
const CONNECTIVE_OPENERS = new Set('yeah yes well like um uh oh okay right now see i mean you know'.split(' '));

/**
 * How a sentence starts, looking past joining words and fillers: "Yeah, that seems…" leans on what came before as
 * much as "That seems…" does.
 */
function openerOf(lead: number, tokens: readonly string[], n: number): Sentence['opener'] {
  if (lead >= 97 && lead <= 122) return 'fragment';
  let p = 0;
  while (p < n) {
    if (CONNECTIVE_OPENERS.has(tokens[p]!)) p++;
    else if (p + 1 < n && CONNECTIVE_OPENERS.has(`${tokens[p]} ${tokens[p + 1]}`)) p += 2;
    else break;
  }
  if (p < n && REFERENCE_OPENERS.has(tokens[p]!)) return 'reference';
  return p > 0 ? 'connective' : 'clean';
}

export interface Vocabulary {
  /** The transcript's tokens (src/enrich/analysis.ts) and the first one not read yet: sentences come in order. */
  tokens: Tokens;
  next: number;
  vocab: Map<string, number>;
  vocabulary: string[];
  tf: number[];
  df: number[];
  generic: number[];
  /** The stems of every sentence, one after the other (each sentence keeps its range). */
  stems: number[];
  /** Per word id of the tokens: the word's flags (-1 until first met) and its stem's id here (-1 for stopwords). */
  flags: Int32Array;
  ids: Int32Array;
  /** Pieces of words that a sentence limit cut through (text without spaces), by their text. */
  pieces: Map<string, WordEntry>;
  /** The last sentence each stem was counted in (for df), and the current sentence's number. */
  stamp: number[];
  sentence: number;
}

const FILLER = 1;
const STOP = 2;
const NUMBER = 4;
const GENERIC = 8;
const CUE_HEAD = 16;
const ADDRESS = 32;
const FINITE = 64;
const YOU = 128;
const CLAIM = 256;
const PAST = 512;

/** Past-tense markers of narration ("we gave", "I remember releasing it that summer"): stories, not points. */
const PAST_WORDS = new Set('was were had did went came got gave took said told'.split(' '));

/** Verbs of a general statement ("X is Y", "X will", "X means"): what a main point tends to be said with. */
const CLAIM_WORDS = new Set('is are will can means must should requires matters'.split(' '));

/** Auxiliaries, copulas and subject pronouns: a sentence with none is most likely a fragment ("Million dollars or so"). */
const FINITE_WORDS = new Set('is are was were am be will would can could should must might may do does did have has had re ve ll i we they he she it there'.split(' '));

interface WordEntry {
  word: string;
  flags: number;
  /** Id of the word's stem in the episode's vocabulary (-1 for stopwords). */
  id: number;
}

/**
 * The flags every word of the lists above has, in one table: a word costs one lookup. The low 16 bits hold the flags
 * of any word, the high ones those of content words only (NUMBER, GENERIC), which stopwords do not get.
 */
const LISTED = new Map<string, number>();
{
  const mark = (words: Iterable<string>, flag: number): void => {
    for (const w of words) LISTED.set(w, (LISTED.get(w) ?? 0) | flag);
  };
  mark(FILLERS, FILLER);
  mark(CUE_INDEX.keys(), CUE_HEAD);
  mark(ADDRESS_ENDINGS, ADDRESS);
  mark(FINITE_WORDS, FINITE);
  mark(['you', 'your'], YOU);
  mark(CLAIM_WORDS, CLAIM);
  mark(PAST_WORDS, PAST);
  mark(NUMBER_WORDS, NUMBER << 16);
  mark(CHAT, GENERIC << 16);
}

/** What a word is, whatever the episode. */
function flagsOf(word: string, stop: boolean): number {
  const listed = LISTED.get(word) ?? 0;
  let flags = listed & 0xffff;
  if (word.length > 4 && word.endsWith('ed')) flags |= FINITE | PAST;
  if (stop) return flags | STOP;
  flags |= listed >>> 16;
  if (word.length < 2) flags |= GENERIC;
  return flags;
}

/** The id of a stem in the episode's vocabulary, added when new. */
function stemId(s: string, flags: number, v: Vocabulary): number {
  let id = v.vocab.get(s);
  if (id === undefined) {
    id = v.vocabulary.length;
    v.vocab.set(s, id);
    v.vocabulary.push(s);
    v.tf.push(0);
    v.df.push(0);
    v.generic.push(flags & GENERIC ? 1 : 0);
    v.stamp.push(-1);
  }
  return id;
}

/** A piece of a word cut by a sentence limit, read like a word of its own (as the text's own scan would). */
function pieceEntry(text: string, from: number, to: number, v: Vocabulary): WordEntry {
  const word = text.slice(from, to).toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  let entry = v.pieces.get(word);
  if (!entry) {
    const stop = isStopword(word);
    const flags = flagsOf(word, stop);
    entry = { word, flags, id: stop ? -1 : stemId(wordStem(word), flags, v) };
    v.pieces.set(word, entry);
  }
  return entry;
}

// Buffers reused for every sentence (sentences are read one at a time, never concurrently): its words, and where
// cue phrases may start.
const buffer: string[] = [];
const cueAt: number[] = [];

/**
 * The features of the sentence text[from, to) (text: the tokens' text), with its stems added to the vocabulary.
 * Times, speaker and turn end are left for the caller to set.
 */
export function describe(text: string, from: number, to: number, v: Vocabulary): Sentence {
  const stemFrom = v.stems.length;
  let words = 0;
  let content = 0;
  let specific = 0;
  let fillers = 0;
  let address = false;
  let finite = false;
  let you = 0;
  let claim = false;
  let past = false;
  let cues = 0;
  const t = v.tokens;
  let k = v.next;
  while (k < t.count && t.end[k]! <= from) k++;
  for (; k < t.count && t.at[k]! < to; k++) {
    let at = t.at[k]!;
    let end = t.end[k]!;
    let word: string;
    let flags: number;
    let id: number;
    if (at < from || end > to) {
      // Only where a sentence was cut inside a word (a long text without spaces): the piece is a word here.
      at = Math.max(at, from);
      end = Math.min(end, to);
      const entry = pieceEntry(text, at, end, v);
      ({ word, flags, id } = entry);
    } else {
      const w = t.word[k]!;
      word = t.words[w]!;
      flags = v.flags[w]!;
      if (flags < 0) {
        const stop = t.stop[w] === 1;
        v.flags[w] = flags = flagsOf(word, stop);
        v.ids[w] = stop ? -1 : stemId(t.stems[t.stemOf[w]!]!, flags, v);
      }
      id = v.ids[w]!;
    }
    buffer[words] = word;
    if (flags & ADDRESS && isAdAddress(text, at, end, buffer, words)) address = true;
    if (flags & CUE_HEAD) cueAt[cues++] = words;
    if (flags & FINITE) finite = true;
    if (flags & YOU) you++;
    if (flags & CLAIM) claim = true;
    if (flags & PAST) past = true;
    words++;
    if (flags & FILLER) fillers++;
    if (flags & STOP) continue;
    const code = text.charCodeAt(at);
    if (flags & NUMBER || (code >= 48 && code <= 57)) specific++;
    else if (words > 1 && code >= 65 && code <= 90 && end - at > 1) specific++;
    else if (word.length >= 9) specific++;
    if (!(flags & GENERIC)) content++;
    v.tf[id]!++;
    if (v.stamp[id] !== v.sentence) {
      v.stamp[id] = v.sentence;
      v.df[id]!++;
    }
    v.stems.push(id);
  }
  // A word cut by this sentence's end goes on in the next sentence.
  v.next = k > 0 && t.end[k - 1]! > to ? k - 1 : k;
  v.sentence++;
  const opener = openerOf(text.charCodeAt(from), buffer, words);
  const found = countCues(buffer, words, cueAt, cues);
  let last = to;
  while (last > from && CLOSERS.has(text.charCodeAt(last - 1))) last--;
  return {
    from,
    to,
    start: 0,
    end: 0,
    speaker: null,
    endsTurn: false,
    stemFrom,
    stemTo: v.stems.length,
    words,
    content,
    specific,
    markers: found.markers,
    fillers,
    question: text.charCodeAt(last - 1) === 63 /* ? */,
    finite,
    you,
    claim,
    past,
    opener,
    ad: found.ad > 0 || address,
    smallTalk: found.smallTalk > 0,
  };
}

/** The vocabulary of a transcript read through its tokens. */
export function newVocabulary(tokens: Tokens): Vocabulary {
  const n = tokens.words.length;
  return {
    tokens,
    next: 0,
    vocab: new Map(),
    vocabulary: [],
    tf: [],
    df: [],
    generic: [],
    stems: [],
    flags: new Int32Array(n).fill(-1),
    ids: new Int32Array(n),
    pieces: new Map(),
    stamp: [],
    sentence: 0,
  };
}
